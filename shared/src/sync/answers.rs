//! What the server's answers do to the outbox: a filed complaint becomes one of my complaints
//! (its photos follow), a refusal waits for the citizen, anything else is retried later.

use crux_core::Command;
use uuid::Uuid;

use super::{retry, send_now};
use crate::api::my_data::Erasure;
use crate::api::{
    CitizenMessageReceipt, ComplaintReceipt, ComplaintRecord, TimelineEntry, TimelineKind,
};
use crate::client::Outcome;
use crate::effects::{Effect, kv_delete};
use crate::event::Event;
use crate::model::{Model, Notice, OutboxAction, SlotKey, Stage};
use crate::notifications;
use crate::persist::save;

fn position(model: &Model, item: Uuid) -> Option<usize> {
    model.outbox.iter().position(|i| i.id == item)
}

fn refuse(
    model: &mut Model,
    index: usize,
    code: String,
    message: String,
) -> Command<Effect, Event> {
    model.outbox[index].stage = Stage::Rejected { code, message };
    save(model, SlotKey::Outbox).and(send_now(model))
}

/// The first record of a complaint the server just filed, made from its receipt.
fn record_from_receipt(
    receipt: &ComplaintReceipt,
    category: String,
    contact_held: bool,
) -> ComplaintRecord {
    ComplaintRecord {
        id: receipt.id,
        tracking_code: receipt.tracking_code.clone(),
        category,
        status: receipt.status,
        institution: receipt.institution.clone(),
        explanation: receipt.explanation.clone(),
        due_date: receipt.due_date,
        submitted_at: receipt.submitted_at,
        updated_at: receipt.submitted_at,
        resolved_at: None,
        rating: None,
        timeline: vec![TimelineEntry {
            at: receipt.submitted_at,
            kind: TimelineKind::Submitted,
            status: receipt.status,
            text: None,
            institution: None,
        }],
        contact_held,
        pin: receipt.pin.clone(),
    }
}

pub(super) fn on_complaint_posted(
    model: &mut Model,
    item: Uuid,
    outcome: Outcome<ComplaintReceipt>,
) -> Command<Effect, Event> {
    model.sync.in_flight = false;
    let Some(index) = position(model, item) else {
        return send_now(model);
    };
    let OutboxAction::Submit { complaint, photos } = &model.outbox[index].action else {
        return send_now(model);
    };
    let (category, has_photos) = (complaint.category.clone(), !photos.is_empty());
    let contact_held = complaint.contact.is_some();
    match outcome {
        Outcome::Delivered(receipt) => {
            model.sync.failures = 0;
            if model.complaint(receipt.id).is_none() {
                // Just filed: no deadline has passed yet.
                model
                    .complaints
                    .upsert(record_from_receipt(&receipt, category, contact_held), None);
            }
            if !has_photos {
                model.outbox.remove(index);
            } else {
                model.outbox[index].stage = Stage::UploadingPhotos { done: 0 };
            }
            model.notice = Some(Notice::Sent {
                tracking_code: receipt.tracking_code,
            });
            // Complaints first: if the app dies between the writes, the complaint is re-sent
            // and the server answers with the same receipt.
            save(model, SlotKey::Complaints)
                .and(save(model, SlotKey::Outbox))
                .and(send_now(model))
        }
        Outcome::Retry { after } => retry::schedule(model, item, after),
        Outcome::Refused { code, message } => refuse(model, index, code, message),
    }
}

pub(super) fn on_photo_uploaded(
    model: &mut Model,
    item: Uuid,
    index: u8,
    outcome: Outcome<()>,
) -> Command<Effect, Event> {
    model.sync.in_flight = false;
    let Some(position) = position(model, item) else {
        return send_now(model);
    };
    let entry = &mut model.outbox[position];
    let (
        OutboxAction::Submit { photos, .. } | OutboxAction::Message { photos, .. },
        Stage::UploadingPhotos { done },
    ) = (&entry.action, &mut entry.stage)
    else {
        return send_now(model);
    };
    if *done != index {
        return send_now(model);
    }
    match outcome {
        // A refused photo (too large for the server, say) is skipped: the complaint itself is
        // filed, and holding it back for one photo would help nobody.
        Outcome::Delivered(()) | Outcome::Refused { .. } => {
            model.sync.failures = 0;
            *done += 1;
            let mut cleanup = Vec::new();
            if usize::from(*done) >= photos.len() {
                cleanup = photos.iter().map(|p| kv_delete(&p.key())).collect();
                model.outbox.remove(position);
            }
            save(model, SlotKey::Outbox)
                .and(send_now(model))
                .and(Command::all(cleanup))
        }
        Outcome::Retry { after } => retry::schedule(model, item, after),
    }
}

pub(super) fn on_action_sent(
    model: &mut Model,
    item: Uuid,
    outcome: Outcome<ComplaintRecord>,
) -> Command<Effect, Event> {
    model.sync.in_flight = false;
    let Some(index) = position(model, item) else {
        return send_now(model);
    };
    match outcome {
        Outcome::Delivered(record) => {
            model.sync.failures = 0;
            let overdue_for = notifications::already_overdue(model, &record);
            model.complaints.upsert(record, overdue_for);
            model.outbox.remove(index);
            save(model, SlotKey::Complaints)
                .and(save(model, SlotKey::Outbox))
                .and(send_now(model))
        }
        Outcome::Retry { after } => retry::schedule(model, item, after),
        Outcome::Refused { code, message } => refuse(model, index, code, message),
    }
}

/// The server kept a message: the complaint as it now is, and the message's photos follow to
/// the slots it was given.
pub(super) fn on_message_sent(
    model: &mut Model,
    item: Uuid,
    outcome: Outcome<CitizenMessageReceipt>,
) -> Command<Effect, Event> {
    model.sync.in_flight = false;
    let Some(index) = position(model, item) else {
        return send_now(model);
    };
    match outcome {
        Outcome::Delivered(receipt) => {
            model.sync.failures = 0;
            let overdue_for = notifications::already_overdue(model, &receipt.complaint);
            model.complaints.upsert(receipt.complaint, overdue_for);
            let entry = &mut model.outbox[index];
            match &mut entry.action {
                OutboxAction::Message {
                    photos,
                    first_photo,
                    ..
                } if !photos.is_empty() => {
                    *first_photo = Some(receipt.first_photo);
                    entry.stage = Stage::UploadingPhotos { done: 0 };
                }
                _ => {
                    model.outbox.remove(index);
                }
            }
            save(model, SlotKey::Complaints)
                .and(save(model, SlotKey::Outbox))
                .and(send_now(model))
        }
        Outcome::Retry { after } => retry::schedule(model, item, after),
        Outcome::Refused { code, message } => refuse(model, index, code, message),
    }
}

/// The server erased this phone's data: the phone lets go of its complaints too.
pub(super) fn on_data_erased(
    model: &mut Model,
    item: Uuid,
    outcome: Outcome<Erasure>,
) -> Command<Effect, Event> {
    model.sync.in_flight = false;
    let Some(index) = position(model, item) else {
        return send_now(model);
    };
    match outcome {
        Outcome::Delivered(erasure) => {
            model.sync.failures = 0;
            // The server erases so many at a time: a full batch may have left more, so the
            // request stays to be sent again until one erases fewer.
            let more = usize::try_from(erasure.complaints).unwrap_or(usize::MAX)
                >= crate::api::my_data::EXPORT_MAX_COMPLAINTS;
            if !more {
                model.outbox.remove(index);
            }
            // The complaints go first: if the app dies between the writes, the erasure is
            // asked again, and the server answers that nothing is left.
            crate::my_data::on_erased(model)
                .and(save(model, SlotKey::Outbox))
                .and(send_now(model))
        }
        Outcome::Retry { after } => retry::schedule(model, item, after),
        Outcome::Refused { code, message } => refuse(model, index, code, message),
    }
}
