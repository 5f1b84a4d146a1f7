//! Photos on the draft: each is cleaned of its metadata (and refused if it is not a JPEG, or
//! too big to draw) before it is stored on the phone under its own key.

use crux_core::Command;
use uuid::Uuid;

use super::DraftEvent;
use crate::api::limits;
use crate::domain::InputError;
use crate::effects::{Effect, kv_delete, kv_set};
use crate::event::Event;
use crate::model::{Model, Notice, PhotoRef, SlotKey};
use crate::persist::save;
use crate::photo::{self, ImageKind};

/// A photo as the phone keeps it: a JPEG with its metadata removed, within the limits.
pub fn clean(jpeg: &[u8]) -> Result<Vec<u8>, InputError> {
    match photo::strip_metadata(jpeg) {
        Ok((ImageKind::Jpeg, cleaned)) => Ok(cleaned),
        Err(photo::PhotoError::TooLarge { .. }) => Err(InputError::PhotoTooLarge),
        Err(photo::PhotoError::TooManyPixels { .. }) => Err(InputError::PhotoTooManyPixels),
        Ok((ImageKind::Png, _)) | Err(_) => Err(InputError::PhotoUnreadable),
    }
}

pub(super) fn add(model: &mut Model, jpeg: &[u8]) -> Command<Effect, Event> {
    if model.draft.submitting {
        return Command::done();
    }
    let refuse = |model: &mut Model, error| {
        model.notice = Some(Notice::PhotoRefused(error));
        Command::done()
    };
    if model.draft.photos.len() + usize::from(model.draft.photos_saving) >= limits::MAX_PHOTOS {
        return refuse(model, InputError::TooManyPhotos);
    }
    let cleaned = match clean(jpeg) {
        Ok(cleaned) => cleaned,
        Err(error) => return refuse(model, error),
    };
    if model.draft.id.is_none() {
        model.draft.id = Some(Uuid::new_v4());
    }
    let photo = PhotoRef {
        id: Uuid::new_v4(),
        size: u32::try_from(cleaned.len()).unwrap_or(u32::MAX),
    };
    model.draft.photos_saving += 1;
    kv_set(photo.key(), cleaned).then_send(move |result| {
        DraftEvent::PhotoStored {
            photo,
            ok: result.is_ok(),
        }
        .into()
    })
}

pub(super) fn on_stored(model: &mut Model, photo: PhotoRef, ok: bool) -> Command<Effect, Event> {
    model.draft.photos_saving = model.draft.photos_saving.saturating_sub(1);
    if !ok {
        model.notice = Some(Notice::PhotoSaveFailed);
        return Command::done();
    }
    if model.draft.submitting || model.draft.photos.len() >= limits::MAX_PHOTOS {
        return kv_delete(&photo.key());
    }
    model.draft.photos.push(photo);
    save(model, SlotKey::Draft)
}

pub(super) fn remove(model: &mut Model, index: u32) -> Command<Effect, Event> {
    let index = index as usize;
    if model.draft.submitting || index >= model.draft.photos.len() {
        return Command::done();
    }
    let photo = model.draft.photos.remove(index);
    kv_delete(&photo.key()).and(save(model, SlotKey::Draft))
}

#[cfg(test)]
mod tests {
    use crux_kv::{KeyValueOperation, KeyValueResponse, KeyValueResult};

    use super::super::tests::{ready, written_key};
    use super::*;
    use crate::effects::EffectTestExt as _;

    /// A tiny JPEG whose Exif segment says where it was taken.
    fn jpeg_with_gps() -> Vec<u8> {
        let segment = |marker: u8, payload: &[u8]| {
            let length = u16::try_from(payload.len() + 2).unwrap().to_be_bytes();
            [&[0xFF, marker][..], &length[..], payload].concat()
        };
        [
            vec![0xFF, 0xD8],
            segment(0xE1, b"Exif\0\0GPSLatitude 42.4635"),
            segment(0xDB, &[&[0u8][..], &[1; 64][..]].concat()),
            segment(0xC0, &[8, 0, 16, 0, 16, 1, 1, 0x11, 0]),
            segment(
                0xC4,
                &[0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5],
            ),
            segment(0xDA, &[1, 1, 0, 0, 63, 0]),
            vec![0x12, 0x34, 0x56, 0xFF, 0xD9],
        ]
        .concat()
    }

    #[test]
    fn a_photo_is_stored_cleaned_then_added_to_the_draft() {
        let mut model = ready();
        let jpeg = jpeg_with_gps();
        let mut command = add(&mut model, &jpeg);
        command.resolve_key_value(|op| {
            let KeyValueOperation::Set { key, value } = op else {
                panic!("a write, not {op:?}")
            };
            assert!(key.starts_with("photo/"));
            assert!(value.len() < jpeg.len(), "the metadata is gone");
            KeyValueResult::Ok {
                response: KeyValueResponse::Set {
                    previous: None.into(),
                },
            }
        });
        let Event::Draft(stored) = command.expect_one_event() else {
            panic!("a draft event")
        };
        assert_eq!(model.draft.photos_saving, 1);
        super::super::update(stored, &mut model)
            .expect_key_value_with(|op| assert_eq!(written_key(op), "draft"));
        assert_eq!(model.draft.photos.len(), 1);
        assert_eq!(model.draft.photos_saving, 0);
    }

    #[test]
    fn what_is_not_a_jpeg_is_refused_with_a_notice() {
        let mut model = ready();
        add(&mut model, b"GIF89a").expect_done();
        assert_eq!(
            model.notice,
            Some(Notice::PhotoRefused(InputError::PhotoUnreadable))
        );
    }

    #[test]
    fn a_photo_stored_after_the_draft_was_queued_is_deleted_again() {
        let mut model = ready();
        model.draft.submitting = true;
        model.draft.photos_saving = 1;
        let photo = PhotoRef {
            id: Uuid::from_u128(3),
            size: 1,
        };
        on_stored(&mut model, photo, true)
            .expect_key_value_with(|op| assert!(matches!(op, KeyValueOperation::Delete { .. })));
        assert!(model.draft.photos.is_empty());
    }
}
