//! The app's life: starting (reading the stored state before anything else happens), coming
//! back to the foreground, and the network returning.
//!
//! Until the stored state is read only starting, retrying the start and links mean anything:
//! acting on anything else could overwrite what is on disk with an empty state.

use chrono::{DateTime, Utc};
use crux_core::Command;
use facet::Facet;
use serde::{Deserialize, Serialize};

use crate::effects::{self, Effect};
use crate::event::Event;
use crate::links::{self, DeepLink, LinkEvent};
use crate::model::{Model, Phase, SlotKey};
use crate::persist::save;
use crate::persist::{self, Loaded};
use crate::push::{self, PushProvider};
use crate::view_model::Screen;
use crate::{campaign, catalog, my_complaints, servers, sync};

#[derive(Facet, Serialize, Deserialize, Debug)]
#[repr(C)]
pub enum LifecycleEvent {
    /// The app launched. `api_base_url` is the server it was built for, e.g.
    /// `https://zeri.example`; `debug_build` says it is a developer's build, which a server
    /// link may point at any server (see [`crate::servers`]).
    Started {
        api_base_url: String,
        debug_build: bool,
    },
    /// The app came back to the foreground.
    Foregrounded,
    /// The phone's network came back.
    NetworkOnline,
    /// Try reading the stored state again after it failed.
    RetryLoadTapped,
    /// The app was woken while not in front: by a push, or by the system's periodic
    /// background refresh (WorkManager, BGAppRefreshTask). The core sends what waits and asks
    /// what changed, and tells the citizen of it.
    WokenInBackground,
    /// The push provider gave this app `token` (on every start, and when it renews it).
    PushTokenIssued {
        provider: PushProvider,
        token: String,
    },

    // The core's own: what the store held at start-up, and the shell's clock.
    #[serde(skip)]
    #[facet(skip)]
    Loaded(#[facet(opaque)] Box<Loaded>),
    #[serde(skip)]
    #[facet(skip)]
    Clock(#[facet(opaque)] Option<DateTime<Utc>>),
}

/// Handles an event that arrives before the stored state is read.
pub fn before_ready(event: Event, model: &mut Model) -> Command<Effect, Event> {
    match event {
        Event::Lifecycle(LifecycleEvent::Started {
            api_base_url,
            debug_build,
        }) => {
            built_for(model, &api_base_url, debug_build);
            start(model)
        }
        Event::Lifecycle(LifecycleEvent::RetryLoadTapped) if model.phase == Phase::LoadFailed => {
            start(model)
        }
        // A link that launched the app arrives before the stored state is read: keep it.
        Event::Link(LinkEvent::Opened { url }) => {
            if let Some(link) = DeepLink::parse(&url) {
                model.early_link = Some(link);
            }
            Command::done()
        }
        Event::Lifecycle(LifecycleEvent::Loaded(loaded)) => {
            let restored = restore(model, *loaded);
            match model.early_link.take() {
                Some(link) if model.phase == Phase::Ready => {
                    restored.and(links::follow(model, link))
                }
                _ => restored,
            }
        }
        Event::Lifecycle(LifecycleEvent::Clock(now)) => {
            model.now = now.or(model.now);
            Command::done()
        }
        // Kept, and registered once the stored state says whether the citizen has filed.
        Event::Lifecycle(LifecycleEvent::PushTokenIssued { provider, token }) => {
            push::token_issued(model, provider, token)
        }
        _ => Command::done(),
    }
}

pub fn update(event: LifecycleEvent, model: &mut Model) -> Command<Effect, Event> {
    match event {
        LifecycleEvent::Started {
            api_base_url,
            debug_build,
        } => {
            // A second start (the shell re-created its UI): keep the state, pick up the URL.
            built_for(model, &api_base_url, debug_build);
            let known = model.settings.server.clone();
            model.api_base_url = servers::current(model);
            let forgot = (known != model.settings.server).then(|| save(model, SlotKey::Settings));
            Command::all(forgot.into_iter().chain([wake_up(model)]))
        }
        LifecycleEvent::Foregrounded
        | LifecycleEvent::NetworkOnline
        | LifecycleEvent::WokenInBackground => wake_up(model),
        LifecycleEvent::PushTokenIssued { provider, token } => {
            push::token_issued(model, provider, token)
        }
        LifecycleEvent::RetryLoadTapped | LifecycleEvent::Loaded(_) => Command::done(),
        LifecycleEvent::Clock(now) => {
            model.now = now.or(model.now);
            Command::done()
        }
    }
}

pub fn normalize_base_url(url: &str) -> String {
    url.trim().trim_end_matches('/').to_owned()
}

fn built_for(model: &mut Model, api_base_url: &str, debug_build: bool) {
    model.built_for = normalize_base_url(api_base_url);
    model.debug_build = debug_build;
}

/// Reads every stored key, then reports them all at once.
fn start(model: &mut Model) -> Command<Effect, Event> {
    model.api_base_url = model.built_for.clone();
    model.phase = Phase::Loading;
    model.screen = Screen::Loading;
    persist::read_all().then_send(|loaded| LifecycleEvent::Loaded(Box::new(loaded)).into())
}

/// Takes in what was read, and starts: the first screen, a device secret if there is none yet,
/// and everything [`wake_up`] does.
fn restore(model: &mut Model, loaded: Loaded) -> Command<Effect, Event> {
    let Some(mut commands) = persist::restore(model, loaded) else {
        model.phase = Phase::LoadFailed;
        model.screen = Screen::LoadFailed;
        return Command::done();
    };
    let known = model.settings.server.clone();
    model.api_base_url = servers::current(model);
    if known != model.settings.server {
        commands.push(persist::save(model, SlotKey::Settings));
    }
    model.screen = if model.settings.welcomed {
        Screen::Home
    } else {
        Screen::Welcome
    };
    if model.device_secret.is_none() {
        model.device_secret = Some(new_device_secret());
        commands.push(persist::save(model, SlotKey::Device));
    }
    commands.push(wake_up(model));
    Command::all(commands)
}

/// 244 random bits from the platform's CSPRNG, as 64 hex digits. The server keeps only a hash.
fn new_device_secret() -> String {
    format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

/// The app launched again, came to the foreground, or the network returned: read the clock,
/// send what waits, and fetch what changed.
pub fn wake_up(model: &mut Model) -> Command<Effect, Event> {
    Command::all([
        persist::flush(model),
        effects::now().then_send(|now| LifecycleEvent::Clock(now).into()),
        sync::send_now(model),
        my_complaints::refresh(model),
        catalog::fetch(model),
        campaign::report_open(model),
        push::register(model),
    ])
}

/// The device secret is on disk: what waited for it can talk to the server now.
pub fn on_device_saved(model: &mut Model) -> Command<Effect, Event> {
    sync::send_now(model)
        .and(my_complaints::refresh(model))
        .and(campaign::report_open(model))
        .and(push::register(model))
}

#[cfg(test)]
mod tests {
    use crux_kv::{KeyValueOperation, KeyValueResponse, KeyValueResult};

    use super::*;
    use crate::effects::EffectTestExt as _;

    /// Answers every read of the start-up from `stored`, and returns what the core then sent
    /// itself.
    fn read_all(command: &mut Command<Effect, Event>, stored: &[(&str, &[u8])]) -> Event {
        for _ in SlotKey::ALL {
            command.resolve_key_value(|op| {
                let KeyValueOperation::Get { key } = op else {
                    panic!("a read, not {op:?}")
                };
                let value = stored
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v.to_vec());
                KeyValueResult::Ok {
                    response: KeyValueResponse::Get {
                        value: value.into(),
                    },
                }
            });
        }
        command.expect_one_event()
    }

    #[test]
    fn starting_reads_every_key_before_anything_else() {
        let mut model = Model::default();
        let mut command = before_ready(
            LifecycleEvent::Started {
                api_base_url: "https://zeri.test/".into(),
                debug_build: false,
            }
            .into(),
            &mut model,
        );
        assert_eq!(model.phase, Phase::Loading);
        assert_eq!(model.api_base_url, "https://zeri.test");
        let loaded = read_all(&mut command, &[]);
        let mut restored = before_ready(loaded, &mut model);
        assert_eq!(model.phase, Phase::Ready);
        assert_eq!(model.screen, Screen::Welcome);
        // A fresh phone makes its device secret and writes it first.
        restored.expect_key_value_with(|op| {
            assert!(matches!(op, KeyValueOperation::Set { key, .. } if key == "device"))
        });
    }

    fn start_with_settings(settings: &[u8], debug_build: bool) -> (Model, Command<Effect, Event>) {
        let mut model = Model::default();
        let mut command = before_ready(
            LifecycleEvent::Started {
                api_base_url: "https://zeri.example".into(),
                debug_build,
            }
            .into(),
            &mut model,
        );
        let loaded = read_all(&mut command, &[("settings", settings)]);
        let restored = before_ready(loaded, &mut model);
        (model, restored)
    }

    #[test]
    fn a_server_chosen_by_a_link_is_used_from_the_next_start() {
        let settings =
            br#"{"language":"English","welcomed":true,"server":"https://training.zeri.example/"}"#;
        let (mut model, _) = start_with_settings(settings, false);
        assert_eq!(model.api_base_url, "https://training.zeri.example");
        assert_eq!(model.screen, Screen::Home);
        let _ = update(
            LifecycleEvent::Started {
                api_base_url: "https://zeri.example".into(),
                debug_build: false,
            },
            &mut model,
        );
        assert_eq!(model.api_base_url, "https://training.zeri.example");
    }

    #[test]
    fn a_stored_server_a_release_build_does_not_trust_is_dropped_for_good() {
        let settings =
            br#"{"language":"English","welcomed":true,"server":"http://192.168.1.20:8080"}"#;
        let (model, _) = start_with_settings(settings, true);
        assert_eq!(
            model.api_base_url, "http://192.168.1.20:8080",
            "a debug build keeps it"
        );

        let (model, mut restored) = start_with_settings(settings, false);
        assert_eq!(model.api_base_url, "https://zeri.example");
        assert_eq!(model.settings.server, None);
        let mut saved_settings = false;
        while let Some(effect) = restored.effects().next() {
            if let Effect::KeyValue(request) = effect {
                saved_settings |= matches!(&request.operation,
                    KeyValueOperation::Set { key, value } if key == "settings"
                        && !String::from_utf8_lossy(value).contains("192.168"));
            }
        }
        assert!(saved_settings, "the dropped server is written back");
    }

    #[test]
    fn nothing_but_starting_means_anything_before_the_state_is_read() {
        let mut model = Model::default();
        let mut command = before_ready(
            crate::drafting::DraftEvent::DescriptionChanged {
                text: "typed too early".into(),
            }
            .into(),
            &mut model,
        );
        command.expect_done();
        assert_eq!(model.draft.description, "");
        let mut retry = before_ready(LifecycleEvent::RetryLoadTapped.into(), &mut model);
        retry.expect_done();
        assert_eq!(
            model.phase,
            Phase::NotStarted,
            "retry only after a failed read"
        );
    }
}
