//! The outbox: complaints, ratings, reopenings and messages wait here, on disk, until the server has them.
//!
//! An item enters the outbox in memory and is shown as "saving"; it is called queued, and may be
//! sent, only once the write that contains it has succeeded. If that write fails, the item is
//! taken out again and a complaint goes back to being the draft, so nothing is half-queued.

use crux_core::Command;
use facet::Facet;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::api::Location;
use crate::effects::{Effect, kv_delete};
use crate::event::Event;
use crate::model::{Draft, DraftLocation, Model, Notice, OutboxAction, OutboxItem, SlotKey, Stage};
use crate::persist::save;
use crate::sync;
use crate::view_model::Screen;

/// What the citizen does with an item the server refused. `id` is the item's, as the view
/// model gives it; any other id is ignored.
#[derive(Facet, Serialize, Deserialize, Debug)]
#[repr(C)]
pub enum OutboxEvent {
    /// Send it again as it is.
    RetryTapped { id: String },
    /// Take a refused complaint back into the draft.
    EditTapped { id: String },
    /// Drop it.
    DiscardTapped { id: String },
}

pub fn update(event: OutboxEvent, model: &mut Model) -> Command<Effect, Event> {
    let item = |id: &str| Uuid::parse_str(id).ok();
    match event {
        OutboxEvent::RetryTapped { id } => {
            item(&id).map_or_else(Command::done, |id| retry(model, id))
        }
        OutboxEvent::EditTapped { id } => {
            item(&id).map_or_else(Command::done, |id| edit(model, id))
        }
        OutboxEvent::DiscardTapped { id } => {
            item(&id).map_or_else(Command::done, |id| discard(model, id))
        }
    }
}

pub fn contains(model: &Model, id: Uuid) -> bool {
    model.outbox.iter().any(|item| item.id == id)
}

/// Puts an item at the end of the outbox and writes it; it is queued once that write is done.
pub fn enqueue(model: &mut Model, id: Uuid, action: OutboxAction) -> Command<Effect, Event> {
    let added_in = model.slots.get(SlotKey::Outbox).version + 1;
    model.outbox.push(OutboxItem {
        id,
        action,
        stage: Stage::Pending,
        added_in,
    });
    save(model, SlotKey::Outbox)
}

/// The outbox write finished: items it contained are now queued (or, if it failed, the ones not
/// yet on disk are taken back out).
pub fn on_saved(model: &mut Model, ok: bool) -> Command<Effect, Event> {
    let persisted = model.slots.get(SlotKey::Outbox).persisted;
    let draft_queued = model.draft.submitting
        && model.draft.id.is_some_and(|id| {
            model
                .outbox
                .iter()
                .any(|i| i.id == id && i.added_in <= persisted)
        });

    if ok {
        let message = crate::messages::on_outbox_saved(model, persisted);
        if !draft_queued {
            return message.and(sync::send_now(model));
        }
        model.draft = model.draft.cleared();
        model.notice = Some(Notice::Queued);
        model.screen = Screen::MyComplaints;
        return message
            .and(save(model, SlotKey::Draft))
            .and(sync::send_now(model));
    }

    let (durable, lost): (Vec<_>, Vec<_>) = model
        .outbox
        .drain(..)
        .partition(|i| i.added_in <= persisted);
    model.outbox = durable;
    // A message whose item was taken back out keeps its photos in the message draft.
    let message = crate::messages::on_outbox_saved(model, persisted);
    if lost.is_empty() {
        return message;
    }
    model.draft.submitting = false;
    model.notice = Some(Notice::QueueSaveFailed);
    message.and(save(model, SlotKey::Outbox))
}

fn find(model: &Model, id: Uuid) -> Option<usize> {
    model.outbox.iter().position(|item| item.id == id)
}

/// Sends a refused item again as it is (the server may accept it now).
fn retry(model: &mut Model, id: Uuid) -> Command<Effect, Event> {
    let Some(index) = find(model, id) else {
        return Command::done();
    };
    if !matches!(model.outbox[index].stage, Stage::Rejected { .. }) {
        return Command::done();
    }
    model.outbox[index].stage = Stage::Pending;
    save(model, SlotKey::Outbox).and(sync::send_now(model))
}

/// Takes a refused complaint back into the draft so the citizen can fix and resend it.
fn edit(model: &mut Model, id: Uuid) -> Command<Effect, Event> {
    let Some(index) = find(model, id) else {
        return Command::done();
    };
    let item = &model.outbox[index];
    let (Stage::Rejected { .. }, OutboxAction::Submit { complaint, photos }) =
        (&item.stage, &item.action)
    else {
        return Command::done();
    };
    if !model.draft.is_blank() || model.draft.submitting {
        model.notice = Some(Notice::FinishDraftFirst);
        model.screen = Screen::NewComplaint;
        return Command::done();
    }
    let contact = complaint.contact.clone();
    model.draft = Draft {
        id: Some(complaint.id),
        category: Some(complaint.category.clone()),
        description: complaint.description.clone(),
        location: match &complaint.location {
            Location::Gps { lat, lon } => DraftLocation::Gps {
                lat: *lat,
                lon: *lon,
            },
            Location::Municipality { id } => DraftLocation::Municipality { id: id.clone() },
        },
        photos: photos.clone(),
        anonymous: contact.is_none(),
        contact_name: contact
            .as_ref()
            .and_then(|c| c.name.clone())
            .unwrap_or_default(),
        contact_phone: contact
            .as_ref()
            .and_then(|c| c.phone.clone())
            .unwrap_or_default(),
        contact_email: contact
            .as_ref()
            .and_then(|c| c.email.clone())
            .unwrap_or_default(),
        show_errors: true,
        message: std::mem::take(&mut model.draft.message),
        ..Draft::default()
    };
    model.outbox.remove(index);
    model.screen = Screen::NewComplaint;
    // The draft first: if the app dies between the two writes, the complaint is in both places
    // and the start-up drops the draft; never in neither.
    save(model, SlotKey::Draft).and(save(model, SlotKey::Outbox))
}

/// Drops a refused item, and its photos.
fn discard(model: &mut Model, id: Uuid) -> Command<Effect, Event> {
    let Some(index) = find(model, id) else {
        return Command::done();
    };
    if !matches!(model.outbox[index].stage, Stage::Rejected { .. }) {
        return Command::done();
    }
    let item = model.outbox.remove(index);
    let deletes: Vec<_> = match &item.action {
        OutboxAction::Submit { photos, .. } | OutboxAction::Message { photos, .. } => {
            photos.iter().map(|p| kv_delete(&p.key())).collect()
        }
        _ => Vec::new(),
    };
    save(model, SlotKey::Outbox).and(Command::all(deletes))
}

#[cfg(test)]
mod tests {
    use crux_kv::KeyValueOperation;

    use super::*;
    use crate::api::NewComplaint;
    use crate::effects::EffectTestExt as _;
    use crate::model::{Phase, PhotoRef};

    fn complaint(id: Uuid) -> NewComplaint {
        NewComplaint {
            id,
            category: "water_supply".into(),
            description: "No water in Dardania since Monday".into(),
            location: Location::Municipality {
                id: "gjilan".into(),
            },
            contact: None,
            photo_count: 1,
            language: crate::api::ApiLanguage::En,
            campaign: None,
        }
    }

    /// A phone with one complaint in the outbox (not yet on disk), as the draft being queued.
    fn queuing() -> (Model, Uuid) {
        let id = Uuid::from_u128(11);
        let mut model = Model {
            phase: Phase::Ready,
            ..Model::default()
        };
        model.draft.id = Some(id);
        model.draft.submitting = true;
        let photos = vec![PhotoRef {
            id: Uuid::from_u128(12),
            size: 1,
        }];
        let _ = enqueue(
            &mut model,
            id,
            OutboxAction::Submit {
                complaint: complaint(id),
                photos,
            },
        );
        (model, id)
    }

    fn written(model: &mut Model, ok: bool) -> Command<Effect, Event> {
        let version = model.slots.get(SlotKey::Outbox).version;
        crate::persist::update(
            crate::persist::PersistEvent::Saved {
                key: SlotKey::Outbox,
                version,
                ok,
            },
            model,
        )
    }

    /// Every write asked for so far has finished.
    fn all_written(model: &mut Model) {
        for key in SlotKey::ALL {
            let slot = model.slots.get_mut(key);
            slot.in_flight = None;
            slot.persisted = slot.version;
        }
    }

    fn refuse(model: &mut Model) {
        all_written(model);
        model.outbox[0].stage = Stage::Rejected {
            code: "unknown_category".into(),
            message: String::new(),
        };
    }

    #[test]
    fn a_complaint_is_queued_only_once_its_write_succeeded() {
        let (mut model, _) = queuing();
        assert!(!model.is_durable(&model.outbox[0]));
        let mut command = written(&mut model, true);
        assert!(model.is_durable(&model.outbox[0]));
        assert_eq!(model.notice, Some(Notice::Queued));
        assert_eq!(model.screen, Screen::MyComplaints);
        assert!(model.draft.is_blank());
        command.expect_key_value_with(|op| {
            assert!(matches!(op, KeyValueOperation::Set { key, .. } if key == "draft"))
        });
    }

    #[test]
    fn a_failed_write_gives_the_complaint_back_to_the_draft() {
        let (mut model, id) = queuing();
        let mut command = written(&mut model, false);
        assert!(model.outbox.is_empty());
        assert!(!model.draft.submitting);
        assert_eq!(model.draft.id, Some(id));
        assert_eq!(model.notice, Some(Notice::QueueSaveFailed));
        command.expect_key_value_with(|op| {
            assert!(matches!(op, KeyValueOperation::Set { key, .. } if key == "outbox"))
        });
    }

    #[test]
    fn only_refused_items_can_be_retried_edited_or_discarded() {
        let (mut model, id) = queuing();
        let _ = written(&mut model, true);
        for event in [
            OutboxEvent::RetryTapped { id: id.to_string() },
            OutboxEvent::EditTapped { id: id.to_string() },
            OutboxEvent::DiscardTapped { id: id.to_string() },
            OutboxEvent::DiscardTapped {
                id: "garbage".into(),
            },
        ] {
            update(event, &mut model).expect_done();
        }
        assert_eq!(model.outbox.len(), 1);

        refuse(&mut model);
        let _ = update(OutboxEvent::RetryTapped { id: id.to_string() }, &mut model);
        assert_eq!(model.outbox[0].stage, Stage::Pending);
    }

    #[test]
    fn editing_a_refused_complaint_makes_it_the_draft_again() {
        let (mut model, id) = queuing();
        let _ = written(&mut model, true);
        refuse(&mut model);
        let mut command = update(OutboxEvent::EditTapped { id: id.to_string() }, &mut model);
        assert!(model.outbox.is_empty());
        assert_eq!(model.draft.id, Some(id));
        assert_eq!(model.draft.category.as_deref(), Some("water_supply"));
        assert!(model.draft.anonymous);
        assert_eq!(model.screen, Screen::NewComplaint);
        // The draft is written first: a crash between the writes leaves it in both places.
        command.expect_key_value_with(|op| {
            assert!(matches!(op, KeyValueOperation::Set { key, .. } if key == "draft"))
        });
        command.expect_key_value_with(|op| {
            assert!(matches!(op, KeyValueOperation::Set { key, .. } if key == "outbox"))
        });
    }

    #[test]
    fn discarding_a_refused_complaint_deletes_its_photos() {
        let (mut model, id) = queuing();
        let _ = written(&mut model, true);
        refuse(&mut model);
        let mut command = update(
            OutboxEvent::DiscardTapped { id: id.to_string() },
            &mut model,
        );
        assert!(model.outbox.is_empty());
        command.expect_key_value_with(|op| {
            assert!(matches!(op, KeyValueOperation::Set { key, .. } if key == "outbox"))
        });
        command.expect_key_value_with(|op| {
            assert!(matches!(op, KeyValueOperation::Delete { key } if key.starts_with("photo/")))
        });
    }
}
