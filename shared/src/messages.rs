//! Writing to the institution about one of my open complaints: answering the question it
//! waits on, or adding to it, with text and up to three photos, through the outbox (so it is
//! sent once, also offline and across a restart).
//!
//! Photos are cleaned as a draft's are and stored on the phone; the message draft that lists
//! them is saved with the complaint draft. A submitted message is queued; the message draft
//! lets go of its photos only once the outbox write that holds them succeeded, so a photo is
//! always listed somewhere on disk, and a message is never half queued.

use crux_core::Command;
use uuid::Uuid;

use crate::api::limits;
use crate::domain::{self, InputError};
use crate::drafting::clean_photo;
use crate::effects::{Effect, kv_delete, kv_set};
use crate::event::Event;
use crate::model::{Form, FormError, MessageDraft, Model, Notice, OutboxAction, PhotoRef, SlotKey};
use crate::my_complaints::MyComplaintsEvent;
use crate::outbox;
use crate::persist::save;

/// Whether the citizen may write about `complaint`: it is one of theirs and still open.
pub fn can_write(model: &Model, complaint: Uuid) -> bool {
    model
        .complaint(complaint)
        .is_some_and(|record| !record.status.is_closed())
}

/// The photos attached so far to a message about `complaint`.
pub fn photos_for(model: &Model, complaint: Uuid) -> &[PhotoRef] {
    let message = &model.draft.message;
    if message.complaint == Some(complaint) {
        &message.photos
    } else {
        &[]
    }
}

pub fn add_photo(model: &mut Model, complaint: Uuid, jpeg: &[u8]) -> Command<Effect, Event> {
    if !can_write(model, complaint) || model.draft.message.sending.is_some() {
        return Command::done();
    }
    // Photos belong to one message at a time: starting on another complaint's lets go of them.
    let mut forgotten = Vec::new();
    if model.draft.message.complaint != Some(complaint) {
        forgotten = model.draft.message.photos.drain(..).collect();
        model.draft.message.complaint = Some(complaint);
    }
    let message = &model.draft.message;
    let held = message.photos.len() + usize::from(message.photos_saving);
    let cleaned = if held >= limits::MESSAGE_MAX_PHOTOS {
        Err(InputError::TooManyPhotos)
    } else {
        clean_photo(jpeg)
    };
    let deletes = Command::all(forgotten.iter().map(|p| kv_delete(&p.key())));
    let cleaned = match cleaned {
        Ok(cleaned) => cleaned,
        Err(error) => {
            model.form_error = Some(FormError {
                complaint,
                form: Form::Message,
                error,
            });
            return deletes;
        }
    };
    model.form_error = None;
    let photo = PhotoRef {
        id: Uuid::new_v4(),
        size: u32::try_from(cleaned.len()).unwrap_or(u32::MAX),
    };
    model.draft.message.photos_saving += 1;
    let store = kv_set(photo.key(), cleaned).then_send(move |result| {
        MyComplaintsEvent::MessagePhotoStored {
            complaint,
            photo,
            ok: result.is_ok(),
        }
        .into()
    });
    deletes.and(store)
}

pub fn on_photo_stored(
    model: &mut Model,
    complaint: Uuid,
    photo: PhotoRef,
    ok: bool,
) -> Command<Effect, Event> {
    let message = &mut model.draft.message;
    message.photos_saving = message.photos_saving.saturating_sub(1);
    if !ok {
        model.notice = Some(Notice::PhotoSaveFailed);
        return Command::done();
    }
    let wanted = message.complaint == Some(complaint)
        && message.sending.is_none()
        && message.photos.len() < limits::MESSAGE_MAX_PHOTOS;
    if !wanted {
        return kv_delete(&photo.key());
    }
    message.photos.push(photo);
    save(model, SlotKey::Draft)
}

pub fn remove_photo(model: &mut Model, complaint: Uuid, index: u32) -> Command<Effect, Event> {
    let message = &mut model.draft.message;
    let index = index as usize;
    if message.complaint != Some(complaint)
        || message.sending.is_some()
        || index >= message.photos.len()
    {
        return Command::done();
    }
    let photo = message.photos.remove(index);
    kv_delete(&photo.key()).and(save(model, SlotKey::Draft))
}

/// Checks the message and queues it with the photos attached for this complaint.
pub fn submit(model: &mut Model, complaint: Uuid, text: &str) -> Command<Effect, Event> {
    let message = &model.draft.message;
    if !can_write(model, complaint) || message.sending.is_some() || message.photos_saving > 0 {
        return Command::done();
    }
    let text = match domain::parse_message(text) {
        Ok(text) => text,
        Err(error) => {
            model.form_error = Some(FormError {
                complaint,
                form: Form::Message,
                error,
            });
            return Command::done();
        }
    };
    model.form_error = None;
    let id = Uuid::new_v4();
    let photos = photos_for(model, complaint).to_vec();
    if !photos.is_empty() {
        model.draft.message.sending = Some(id);
    }
    model.notice = Some(Notice::MessageQueued);
    outbox::enqueue(
        model,
        id,
        OutboxAction::Message {
            complaint,
            text,
            photos,
            first_photo: None,
        },
    )
}

/// The outbox write finished: a message queued with its photos takes them from the message
/// draft; one whose write failed leaves them there, to send again.
pub fn on_outbox_saved(model: &mut Model, persisted: u64) -> Command<Effect, Event> {
    let Some(sending) = model.draft.message.sending else {
        return Command::done();
    };
    let queued = model
        .outbox
        .iter()
        .any(|item| item.id == sending && item.added_in <= persisted);
    if queued {
        model.draft.message = MessageDraft::default();
        return save(model, SlotKey::Draft);
    }
    if !outbox::contains(model, sending) {
        model.draft.message.sending = None;
    }
    Command::done()
}

/// At start-up: a message draft whose message reached the outbox before the app stopped has
/// handed its photos over; one whose message did not keeps them. The draft on disk may not say
/// that it was sending (the app can stop between the outbox's write and the draft's), so a
/// photo that a queued message already holds is handed over too: it is never sent twice, and
/// never deleted by one message while another still counts on it.
pub fn settle_after_restart(model: &mut Model) -> bool {
    let draft = &model.draft.message;
    let handed_over = model.outbox.iter().any(|item| match &item.action {
        OutboxAction::Message { photos, .. } => photos
            .iter()
            .any(|queued| draft.photos.iter().any(|held| held.id == queued.id)),
        _ => false,
    });
    let sent = draft.sending.is_some_and(|id| outbox::contains(model, id));
    if handed_over || sent {
        model.draft.message = MessageDraft::default();
        true
    } else {
        model.draft.message.sending.take().is_some()
    }
}
