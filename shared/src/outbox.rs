//! The outbox: complaints, ratings and reopenings wait here, on disk, until the server has them.
//!
//! An item enters the outbox in memory and is shown as "saving"; it is called queued, and may be
//! sent, only once the write that contains it has succeeded. If that write fails, the item is
//! taken out again and a complaint goes back to being the draft, so nothing is half-queued.

use crux_core::Command;
use uuid::Uuid;

use crate::api::Location;
use crate::app::{Effect, Event};
use crate::domain;
use crate::drafting;
use crate::effects::kv_delete;
use crate::model::{
    Draft, DraftLocation, Form, FormError, Model, Notice, OutboxAction, OutboxItem, SlotKey, Stage,
};
use crate::persist::save;
use crate::sync;
use crate::view_model::Screen;

pub fn contains(model: &Model, id: Uuid) -> bool {
    model.outbox.iter().any(|item| item.id == id)
}

fn enqueue(model: &mut Model, id: Uuid, action: OutboxAction) -> Command<Effect, Event> {
    let added_in = model.slots.get(SlotKey::Outbox).version + 1;
    model.outbox.push(OutboxItem {
        id,
        action,
        stage: Stage::Pending,
        added_in,
    });
    save(model, SlotKey::Outbox)
}

pub fn submit(model: &mut Model) -> Command<Effect, Event> {
    if model.draft.submitting || model.draft.photos_saving > 0 {
        return Command::done();
    }
    model.draft.show_errors = true;
    let complaint = match drafting::check(model) {
        Ok(complaint) => complaint,
        Err(_) => return crate::persist::save(model, SlotKey::Draft),
    };
    if contains(model, complaint.id) {
        return Command::done();
    }
    model.draft.id = Some(complaint.id);
    model.draft.submitting = true;
    let photos = model.draft.photos.clone();
    enqueue(
        model,
        complaint.id,
        OutboxAction::Submit { complaint, photos },
    )
}

/// The outbox write finished: items it contained are now queued (or, if it failed, the ones not
/// yet on disk are taken back out).
pub fn on_outbox_saved(model: &mut Model, ok: bool) -> Command<Effect, Event> {
    let persisted = model.slots.get(SlotKey::Outbox).persisted;
    let draft_queued = model.draft.submitting
        && model.draft.id.is_some_and(|id| {
            model
                .outbox
                .iter()
                .any(|i| i.id == id && i.added_in <= persisted)
        });

    if ok {
        if !draft_queued {
            return sync::send_now(model);
        }
        model.draft = Draft::default();
        model.notice = Some(Notice::Queued);
        model.screen = Screen::MyComplaints;
        return save(model, SlotKey::Draft).and(sync::send_now(model));
    }

    let (durable, lost): (Vec<_>, Vec<_>) = model
        .outbox
        .drain(..)
        .partition(|i| i.added_in <= persisted);
    model.outbox = durable;
    if lost.is_empty() {
        return Command::done();
    }
    model.draft.submitting = false;
    model.notice = Some(Notice::QueueSaveFailed);
    save(model, SlotKey::Outbox)
}

fn find(model: &Model, id: Uuid) -> Option<usize> {
    model.outbox.iter().position(|item| item.id == id)
}

/// Sends a refused item again as it is (the server may accept it now).
pub fn retry(model: &mut Model, id: Uuid) -> Command<Effect, Event> {
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
pub fn edit(model: &mut Model, id: Uuid) -> Command<Effect, Event> {
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
        ..Draft::default()
    };
    model.outbox.remove(index);
    model.screen = Screen::NewComplaint;
    // The draft first: if the app dies between the two writes, the complaint is in both places
    // and the start-up drops the draft; never in neither.
    save(model, SlotKey::Draft).and(save(model, SlotKey::Outbox))
}

/// Drops a refused item, and its photos.
pub fn discard(model: &mut Model, id: Uuid) -> Command<Effect, Event> {
    let Some(index) = find(model, id) else {
        return Command::done();
    };
    if !matches!(model.outbox[index].stage, Stage::Rejected { .. }) {
        return Command::done();
    }
    let item = model.outbox.remove(index);
    let deletes: Vec<_> = match &item.action {
        OutboxAction::Submit { photos, .. } => photos.iter().map(|p| kv_delete(&p.key())).collect(),
        _ => Vec::new(),
    };
    save(model, SlotKey::Outbox).and(Command::all(deletes))
}

pub fn rate(
    model: &mut Model,
    complaint: Uuid,
    stars: u8,
    comment: &str,
) -> Command<Effect, Event> {
    let Some(record) = model.complaint(complaint) else {
        return Command::done();
    };
    if !record.status.is_closed() {
        return Command::done();
    }
    let checked =
        domain::parse_stars(stars).and_then(|stars| Ok((stars, domain::parse_comment(comment)?)));
    let (stars, comment) = match checked {
        Ok(values) => values,
        Err(error) => {
            model.form_error = Some(FormError {
                complaint,
                form: Form::Rating,
                error,
            });
            return Command::done();
        }
    };
    model.form_error = None;
    model.notice = Some(Notice::RatingQueued);
    enqueue(
        model,
        Uuid::new_v4(),
        OutboxAction::Rate {
            complaint,
            stars,
            comment,
        },
    )
}

pub fn reopen(model: &mut Model, complaint: Uuid, reason: &str) -> Command<Effect, Event> {
    if model.complaint(complaint).is_none() || !crate::view::can_reopen(model, complaint) {
        return Command::done();
    }
    let reason = match domain::parse_reason(reason) {
        Ok(reason) => reason,
        Err(error) => {
            model.form_error = Some(FormError {
                complaint,
                form: Form::Reopen,
                error,
            });
            return Command::done();
        }
    };
    model.form_error = None;
    model.notice = Some(Notice::ReopenQueued);
    enqueue(
        model,
        Uuid::new_v4(),
        OutboxAction::Reopen { complaint, reason },
    )
}
