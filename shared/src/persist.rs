//! Reading the stored state at start-up and writing it back as it changes.
//!
//! Each stored key has a [`crate::model::Slot`]: one write in flight at a time, the newest state
//! written next, and a record of which version is on disk. Nothing is written before the stored
//! state has been read, so a failed read can never be papered over with an empty state.

use crux_core::Command;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::app::{Effect, Event, Internal, Loaded, wake_up};
use crate::effects::{kv_get, kv_set};
use crate::model::{Draft, Model, Phase, SlotKey, StoredCatalog, StoredComplaints};
use crate::view_model::Screen;
use crate::{catalog, outbox};

pub fn normalize_base_url(url: &str) -> String {
    url.trim().trim_end_matches('/').to_owned()
}

/// Reads every stored key, then reports them all at once.
pub fn start(model: &mut Model, api_base_url: String) -> Command<Effect, Event> {
    model.api_base_url = normalize_base_url(&api_base_url);
    model.phase = Phase::Loading;
    model.screen = Screen::Loading;
    Command::new(|ctx| async move {
        let mut loaded = Loaded::default();
        for key in SlotKey::ALL {
            let value = kv_get(key.key().to_owned()).into_future(ctx.clone()).await;
            loaded.values.push((key, value));
        }
        ctx.send_event(Event::internal(Internal::Loaded(Box::new(loaded))));
    })
}

fn parse<T: DeserializeOwned>(bytes: Option<&Vec<u8>>) -> Option<T> {
    bytes.and_then(|b| serde_json::from_slice(b).ok())
}

pub fn on_loaded(model: &mut Model, loaded: Loaded) -> Command<Effect, Event> {
    if loaded.values.iter().any(|(_, value)| value.is_err()) {
        model.phase = Phase::LoadFailed;
        model.screen = Screen::LoadFailed;
        return Command::done();
    }
    let value = |key: SlotKey| {
        loaded
            .values
            .iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, v)| v.as_ref().ok())
            .and_then(Option::as_ref)
    };

    let mut commands = Vec::new();
    model.settings = parse(value(SlotKey::Settings)).unwrap_or_default();
    model.device_secret = parse(value(SlotKey::Device)).flatten();

    match value(SlotKey::Outbox) {
        None => model.outbox = Vec::new(),
        Some(bytes) => match serde_json::from_slice::<Vec<crate::model::OutboxItem>>(bytes) {
            Ok(items) => model.outbox = items,
            Err(_) => {
                // Unreadable (an older or newer format): keep the bytes aside rather than lose
                // them, and start with an empty queue.
                commands.push(kv_set("outbox-unreadable".to_owned(), bytes.clone()).build());
                model.outbox = Vec::new();
            }
        },
    }
    // Everything read from disk is durable by definition.
    for item in &mut model.outbox {
        item.added_in = 0;
    }

    let stored: StoredComplaints = parse(value(SlotKey::Complaints)).unwrap_or_default();
    model.complaints = stored.complaints;
    model.complaints_cursor = stored.cursor;

    match parse::<StoredCatalog>(value(SlotKey::Catalog)) {
        Some(cached) if !cached.catalog.categories.is_empty() => {
            model.catalog = cached.catalog;
            model.catalog_etag = cached.etag;
        }
        _ => {
            model.catalog = catalog::builtin();
            model.catalog_etag = None;
        }
    }

    model.phase = Phase::Ready;
    model.screen = if model.settings.welcomed {
        Screen::Home
    } else {
        Screen::Welcome
    };

    let draft: Draft = parse(value(SlotKey::Draft)).unwrap_or_default();
    // A draft whose id is already in the outbox was queued just before the app stopped.
    let already_queued = draft.id.is_some_and(|id| outbox::contains(model, id));
    if already_queued {
        model.draft = Draft::default();
        commands.push(save(model, SlotKey::Draft));
    } else {
        model.draft = draft;
    }

    if model.device_secret.is_none() {
        model.device_secret = Some(new_device_secret());
        commands.push(save(model, SlotKey::Device));
    }

    commands.push(wake_up(model));
    Command::all(commands)
}

/// 244 random bits from the platform's CSPRNG, as 64 hex digits. The server keeps only a hash.
fn new_device_secret() -> String {
    format!("{}{}", Uuid::new_v4().simple(), Uuid::new_v4().simple())
}

/// Whether the device secret is on disk, so requests made with it can be found again later.
pub fn device_ready(model: &Model) -> bool {
    let slot = model.slots.get(SlotKey::Device);
    model.device_secret.is_some() && slot.persisted >= slot.version
}

/// Records that the state stored under `key` changed, and writes it unless a write is in flight
/// (then it is written when that one finishes).
pub fn save(model: &mut Model, key: SlotKey) -> Command<Effect, Event> {
    model.slots.get_mut(key).version += 1;
    write_if_idle(model, key)
}

/// Writes every key whose newest state is not on disk yet (after an earlier write failed).
pub fn flush(model: &mut Model) -> Command<Effect, Event> {
    Command::all(SlotKey::ALL.map(|key| write_if_idle(model, key)))
}

fn write_if_idle(model: &mut Model, key: SlotKey) -> Command<Effect, Event> {
    let slot = *model.slots.get(key);
    if model.phase != Phase::Ready || slot.in_flight.is_some() || slot.persisted >= slot.version {
        return Command::done();
    }
    let Some(bytes) = serialize(model, key) else {
        return Command::done();
    };
    let version = slot.version;
    model.slots.get_mut(key).in_flight = Some(version);
    kv_set(key.key().to_owned(), bytes).then_send(move |result| {
        Event::internal(Internal::Saved {
            key,
            version,
            ok: result.is_ok(),
        })
    })
}

fn serialize(model: &Model, key: SlotKey) -> Option<Vec<u8>> {
    match key {
        SlotKey::Settings => serde_json::to_vec(&model.settings),
        SlotKey::Device => serde_json::to_vec(&model.device_secret),
        SlotKey::Draft => serde_json::to_vec(&model.draft),
        SlotKey::Outbox => serde_json::to_vec(&model.outbox),
        SlotKey::Complaints => serde_json::to_vec(&StoredComplaints {
            complaints: model.complaints.clone(),
            cursor: model.complaints_cursor.clone(),
        }),
        SlotKey::Catalog => serde_json::to_vec(&StoredCatalog {
            catalog: model.catalog.clone(),
            etag: model.catalog_etag.clone(),
        }),
    }
    .ok()
}

pub fn on_saved(model: &mut Model, key: SlotKey, version: u64, ok: bool) -> Command<Effect, Event> {
    let slot = model.slots.get_mut(key);
    if slot.in_flight == Some(version) {
        slot.in_flight = None;
    }
    if ok {
        slot.persisted = slot.persisted.max(version);
    }
    let follow_up = match key {
        SlotKey::Outbox => outbox::on_outbox_saved(model, ok),
        SlotKey::Device if ok => crate::sync::send_now(model)
            .and(crate::sync::refresh(model))
            .and(crate::sync::report_campaign_open(model)),
        SlotKey::Draft if !ok => {
            model.notice = Some(crate::model::Notice::DraftSaveFailed);
            Command::done()
        }
        _ => Command::done(),
    };
    // After a failure the next change triggers the next attempt; retrying at once would spin
    // on a store that keeps failing.
    let next = if ok {
        write_if_idle(model, key)
    } else {
        Command::done()
    };
    follow_up.and(next)
}
