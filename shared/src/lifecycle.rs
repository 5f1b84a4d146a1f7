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
use crate::persist::{self, Loaded};
use crate::view_model::Screen;
use crate::{campaign, catalog, my_complaints, sync};

#[derive(Facet, Serialize, Deserialize, Debug)]
#[repr(C)]
pub enum LifecycleEvent {
    /// The app launched. `api_base_url` is the server, e.g. `https://zeri.example`.
    Started { api_base_url: String },
    /// The app came back to the foreground.
    Foregrounded,
    /// The phone's network came back.
    NetworkOnline,
    /// Try reading the stored state again after it failed.
    RetryLoadTapped,

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
        Event::Lifecycle(LifecycleEvent::Started { api_base_url }) => start(model, api_base_url),
        Event::Lifecycle(LifecycleEvent::RetryLoadTapped) if model.phase == Phase::LoadFailed => {
            let url = model.api_base_url.clone();
            start(model, url)
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
        _ => Command::done(),
    }
}

pub fn update(event: LifecycleEvent, model: &mut Model) -> Command<Effect, Event> {
    match event {
        LifecycleEvent::Started { api_base_url } => {
            // A second start (the shell re-created its UI): keep the state, pick up the URL.
            model.api_base_url = server_address(model, &api_base_url);
            wake_up(model)
        }
        LifecycleEvent::Foregrounded | LifecycleEvent::NetworkOnline => wake_up(model),
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

/// The server to talk to: the one a server link chose, else the shell's.
fn server_address(model: &Model, from_shell: &str) -> String {
    normalize_base_url(model.settings.server.as_deref().unwrap_or(from_shell))
}

/// Reads every stored key, then reports them all at once.
fn start(model: &mut Model, api_base_url: String) -> Command<Effect, Event> {
    model.api_base_url = normalize_base_url(&api_base_url);
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
    let address = server_address(model, &model.api_base_url);
    model.api_base_url = address;
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
    ])
}

/// The device secret is on disk: what waited for it can talk to the server now.
pub fn on_device_saved(model: &mut Model) -> Command<Effect, Event> {
    sync::send_now(model)
        .and(my_complaints::refresh(model))
        .and(campaign::report_open(model))
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

    #[test]
    fn a_server_chosen_by_a_link_is_used_from_the_next_start() {
        let mut model = Model::default();
        let mut command = before_ready(
            LifecycleEvent::Started {
                api_base_url: "https://zeri.example".into(),
            }
            .into(),
            &mut model,
        );
        let settings =
            br#"{"language":"English","welcomed":true,"server":"https://training.example/"}"#;
        let loaded = read_all(&mut command, &[("settings", settings)]);
        let _ = before_ready(loaded, &mut model);
        assert_eq!(model.api_base_url, "https://training.example");
        assert_eq!(model.screen, Screen::Home);
        let _ = update(
            LifecycleEvent::Started {
                api_base_url: "https://zeri.example".into(),
            },
            &mut model,
        );
        assert_eq!(model.api_base_url, "https://training.example");
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
