//! Reading the stored state at start-up and writing it back as it changes.
//!
//! Each stored key has a [`crate::model::Slot`]: one write in flight at a time, the newest state
//! written next, and a record of which version is on disk. Nothing is written before the stored
//! state has been read, so a failed read can never be papered over with an empty state.

use std::future::Future;

use crux_core::Command;
use crux_core::command::RequestBuilder;
use serde::de::DeserializeOwned;

use crate::catalog::{self, LocalCatalog};
use crate::effects::{Effect, kv_get, kv_set};
use crate::event::Event;
use crate::model::{
    Complaints, Draft, Model, Notice, OutboxItem, Phase, SlotKey, StoredCatalog, StoredComplaints,
};
use crate::{lifecycle, outbox};

/// A write the core asked for finished; the core asks, shells never send this.
#[derive(Debug)]
pub enum PersistEvent {
    Saved {
        key: SlotKey,
        version: u64,
        ok: bool,
    },
}

/// What reading one key gave: its bytes, nothing, or a store error.
pub type ReadResult = Result<Option<Vec<u8>>, String>;

/// What was read from the key-value store at start-up, one entry per [`SlotKey`].
#[derive(Debug, Default)]
pub struct Loaded {
    pub values: Vec<(SlotKey, ReadResult)>,
}

pub fn update(event: PersistEvent, model: &mut Model) -> Command<Effect, Event> {
    match event {
        PersistEvent::Saved { key, version, ok } => on_saved(model, key, version, ok),
    }
}

/// Reads every stored key, one after the other.
pub fn read_all() -> RequestBuilder<Effect, Event, impl Future<Output = Loaded>> {
    RequestBuilder::new(|ctx| async move {
        let mut loaded = Loaded::default();
        for key in SlotKey::ALL {
            let value = kv_get(key.key().to_owned()).into_future(ctx.clone()).await;
            loaded.values.push((key, value));
        }
        loaded
    })
}

fn parse<T: DeserializeOwned>(bytes: Option<&Vec<u8>>) -> Option<T> {
    bytes.and_then(|b| serde_json::from_slice(b).ok())
}

/// Takes what was read into the model and marks the state as read ([`Phase::Ready`]); returns
/// the writes that tidy it up, or `None` (and changes nothing) if any key could not be read.
pub fn restore(model: &mut Model, loaded: Loaded) -> Option<Vec<Command<Effect, Event>>> {
    if loaded.values.iter().any(|(_, value)| value.is_err()) {
        return None;
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
        Some(bytes) => match serde_json::from_slice::<Vec<OutboxItem>>(bytes) {
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
    model.complaints = Complaints::from_stored(stored);

    model.catalog = match parse::<StoredCatalog>(value(SlotKey::Catalog)) {
        Some(cached) if !cached.catalog.categories.is_empty() => {
            LocalCatalog::new(cached.catalog, cached.etag)
        }
        _ => LocalCatalog::new(catalog::builtin(), None),
    };

    model.phase = Phase::Ready;

    let mut draft: Draft = parse(value(SlotKey::Draft)).unwrap_or_default();
    // A draft whose id is already in the outbox was queued just before the app stopped.
    let already_queued = draft.id.is_some_and(|id| outbox::contains(model, id));
    if already_queued {
        model.draft = draft.cleared();
        commands.push(save(model, SlotKey::Draft));
    } else {
        model.draft = draft;
    }
    if crate::messages::settle_after_restart(model) {
        commands.push(save(model, SlotKey::Draft));
    }
    Some(commands)
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
        PersistEvent::Saved {
            key,
            version,
            ok: result.is_ok(),
        }
        .into()
    })
}

fn serialize(model: &Model, key: SlotKey) -> Option<Vec<u8>> {
    match key {
        SlotKey::Settings => serde_json::to_vec(&model.settings),
        SlotKey::Device => serde_json::to_vec(&model.device_secret),
        SlotKey::Draft => serde_json::to_vec(&model.draft),
        SlotKey::Outbox => serde_json::to_vec(&model.outbox),
        SlotKey::Complaints => serde_json::to_vec(&model.complaints.to_stored()),
        SlotKey::Catalog => serde_json::to_vec(&model.catalog.to_stored()),
    }
    .ok()
}

fn on_saved(model: &mut Model, key: SlotKey, version: u64, ok: bool) -> Command<Effect, Event> {
    let slot = model.slots.get_mut(key);
    if slot.in_flight == Some(version) {
        slot.in_flight = None;
    }
    if ok {
        slot.persisted = slot.persisted.max(version);
    }
    // What the write meant to the workflow whose state it holds.
    let follow_up = match key {
        SlotKey::Outbox => outbox::on_saved(model, ok),
        SlotKey::Device if ok => lifecycle::on_device_saved(model),
        SlotKey::Draft if !ok => {
            model.notice = Some(Notice::DraftSaveFailed);
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

#[cfg(test)]
mod tests {
    use crux_kv::{KeyValueOperation, KeyValueResponse, KeyValueResult};

    use super::*;
    use crate::effects::EffectTestExt as _;

    fn ready() -> Model {
        Model {
            phase: Phase::Ready,
            ..Model::default()
        }
    }

    fn written(op: &KeyValueOperation) -> (&str, &[u8]) {
        match op {
            KeyValueOperation::Set { key, value } => (key, value),
            other => panic!("a write, not {other:?}"),
        }
    }

    #[test]
    fn one_write_per_key_at_a_time_and_the_newest_state_next() {
        let mut model = ready();
        model.settings.welcomed = true;
        let mut first = save(&mut model, SlotKey::Settings);
        first.expect_key_value_with(|op| assert_eq!(written(op).0, "settings"));
        model.settings.welcomed = false;
        save(&mut model, SlotKey::Settings).expect_done();

        let mut next = update(
            PersistEvent::Saved {
                key: SlotKey::Settings,
                version: 1,
                ok: true,
            },
            &mut model,
        );
        next.expect_key_value_with(|op| {
            let (key, value) = written(op);
            assert_eq!(key, "settings");
            assert!(String::from_utf8_lossy(value).contains("\"welcomed\":false"));
        });
        assert_eq!(model.slots.get(SlotKey::Settings).persisted, 1);
    }

    #[test]
    fn a_failed_write_is_not_retried_until_something_changes_or_the_app_wakes() {
        let mut model = ready();
        let _ = save(&mut model, SlotKey::Draft);
        let mut failed = update(
            PersistEvent::Saved {
                key: SlotKey::Draft,
                version: 1,
                ok: false,
            },
            &mut model,
        );
        failed.expect_done();
        assert_eq!(model.notice, Some(Notice::DraftSaveFailed));
        flush(&mut model).expect_key_value_with(|op| assert_eq!(written(op).0, "draft"));
    }

    #[test]
    fn nothing_is_written_before_the_stored_state_is_read() {
        let mut model = Model::default();
        save(&mut model, SlotKey::Outbox).expect_done();
        flush(&mut model).expect_done();
    }

    #[test]
    fn a_read_that_failed_restores_nothing() {
        let mut model = Model::default();
        let loaded = Loaded {
            values: vec![(SlotKey::Settings, Err("locked".into()))],
        };
        assert!(restore(&mut model, loaded).is_none());
        assert_eq!(model.phase, Phase::NotStarted);
    }

    #[test]
    fn read_all_asks_for_every_key_in_order() {
        let mut command = read_all()
            .then_send(|loaded| crate::lifecycle::LifecycleEvent::Loaded(Box::new(loaded)).into());
        for key in SlotKey::ALL {
            command.resolve_key_value(|op| {
                assert!(matches!(op, KeyValueOperation::Get { key: k } if k == key.key()));
                KeyValueResult::Ok {
                    response: KeyValueResponse::Get { value: None.into() },
                }
            });
        }
        command.expect_one_event();
    }
}
