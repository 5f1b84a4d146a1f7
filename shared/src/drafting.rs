//! Writing a complaint: each change is applied to the draft and saved at once, photos are
//! cleaned of metadata and stored on the phone, and the whole draft is checked field by field.

use crux_core::Command;
use uuid::Uuid;

use crate::api::{Contact, Location, NewComplaint, limits};
use crate::app::{Effect, Event, Internal};
use crate::domain::{self, Description, GpsPoint, InputError};
use crate::effects::{kv_delete, kv_set};
use crate::model::{Draft, DraftLocation, Model, Notice, PhotoRef, SlotKey};
use crate::persist::save;
use crate::photo::{self, ImageKind};
use crate::view_model::Screen;

/// Applies a change to the draft and saves it, unless the draft is being queued.
pub fn edit(model: &mut Model, change: impl FnOnce(&mut Draft)) -> Command<Effect, Event> {
    if model.draft.submitting {
        return Command::done();
    }
    if model.draft.id.is_none() {
        model.draft.id = Some(Uuid::new_v4());
    }
    change(&mut model.draft);
    save(model, SlotKey::Draft)
}

pub fn select_category(model: &mut Model, id: String) -> Command<Effect, Event> {
    if !model.catalog.categories.iter().any(|c| c.id == id) {
        return Command::done();
    }
    edit(model, |d| d.category = Some(id))
}

pub fn select_municipality(model: &mut Model, id: String) -> Command<Effect, Event> {
    if !model.catalog.municipalities.iter().any(|m| m.id == id) {
        return Command::done();
    }
    edit(model, |d| {
        d.location = DraftLocation::Municipality { id };
        d.location_error = None;
    })
}

pub fn locate(model: &mut Model, lat: f64, lon: f64) -> Command<Effect, Event> {
    edit(model, |d| match GpsPoint::parse(lat, lon) {
        Ok(point) => {
            d.location = DraftLocation::Gps {
                lat: point.lat,
                lon: point.lon,
            };
            d.location_error = None;
        }
        Err(error) => d.location_error = Some(error),
    })
}

pub fn add_photo(model: &mut Model, jpeg: &[u8]) -> Command<Effect, Event> {
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
    let cleaned = match photo::strip_metadata(jpeg) {
        Ok((ImageKind::Jpeg, cleaned)) => cleaned,
        Err(photo::PhotoError::TooLarge { .. }) => return refuse(model, InputError::PhotoTooLarge),
        Err(photo::PhotoError::TooManyPixels { .. }) => {
            return refuse(model, InputError::PhotoTooManyPixels);
        }
        Ok((ImageKind::Png, _)) | Err(_) => return refuse(model, InputError::PhotoUnreadable),
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
        Event::internal(Internal::PhotoStored {
            photo,
            ok: result.is_ok(),
        })
    })
}

pub fn on_photo_stored(model: &mut Model, photo: PhotoRef, ok: bool) -> Command<Effect, Event> {
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

pub fn remove_photo(model: &mut Model, index: u32) -> Command<Effect, Event> {
    let index = index as usize;
    if model.draft.submitting || index >= model.draft.photos.len() {
        return Command::done();
    }
    let photo = model.draft.photos.remove(index);
    kv_delete(&photo.key()).and(save(model, SlotKey::Draft))
}

pub fn discard(model: &mut Model) -> Command<Effect, Event> {
    if model.draft.submitting {
        return Command::done();
    }
    let deletes: Vec<_> = model
        .draft
        .photos
        .iter()
        .map(|p| kv_delete(&p.key()))
        .collect();
    model.draft = Draft::default();
    model.screen = Screen::Home;
    Command::all(deletes).and(save(model, SlotKey::Draft))
}

/// What is wrong with each field of a draft.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct DraftErrors {
    pub category: Option<InputError>,
    pub description: Option<InputError>,
    pub location: Option<InputError>,
    pub name: Option<InputError>,
    pub phone: Option<InputError>,
    pub email: Option<InputError>,
    pub contact: Option<InputError>,
}

impl DraftErrors {
    pub fn is_empty(&self) -> bool {
        *self == DraftErrors::default()
    }
}

/// Checks the draft and, if it is complete, builds the request that files it.
pub fn check(model: &Model) -> Result<NewComplaint, DraftErrors> {
    let draft = &model.draft;
    let mut errors = DraftErrors::default();

    let category = match &draft.category {
        None => {
            errors.category = Some(InputError::CategoryMissing);
            None
        }
        Some(id) if !model.catalog.categories.iter().any(|c| &c.id == id) => {
            errors.category = Some(InputError::CategoryUnknown);
            None
        }
        Some(id) => Some(id.clone()),
    };
    let description = Description::parse(&draft.description)
        .map_err(|e| errors.description = Some(e))
        .ok();
    let location = match &draft.location {
        _ if draft.location_error.is_some() => {
            errors.location = draft.location_error;
            None
        }
        DraftLocation::None => {
            errors.location = Some(InputError::LocationMissing);
            None
        }
        DraftLocation::Gps { lat, lon } => Some(Location::Gps {
            lat: *lat,
            lon: *lon,
        }),
        DraftLocation::Municipality { id } => Some(Location::Municipality { id: id.clone() }),
    };
    let contact = if draft.anonymous {
        None
    } else {
        let name = domain::parse_name(&draft.contact_name)
            .map_err(|e| errors.name = Some(e))
            .ok()
            .flatten();
        let phone = domain::parse_phone(&draft.contact_phone).map_err(|e| errors.phone = Some(e));
        let email = domain::parse_email(&draft.contact_email).map_err(|e| errors.email = Some(e));
        if matches!((&phone, &email), (Ok(None), Ok(None))) {
            errors.contact = Some(InputError::ContactMissing);
        }
        Some(Contact {
            name,
            phone: phone.ok().flatten(),
            email: email.ok().flatten(),
        })
    };

    match (category, description, location) {
        (Some(category), Some(description), Some(location)) if errors.is_empty() => {
            Ok(NewComplaint {
                id: draft.id.unwrap_or_else(Uuid::new_v4),
                category,
                description: description.into_inner(),
                location,
                contact,
                photo_count: u8::try_from(draft.photos.len()).unwrap_or(u8::MAX),
                language: model.settings.language.api(),
                campaign: model
                    .settings
                    .campaign
                    .as_ref()
                    .and_then(|visit| visit.code_at(model.now))
                    .map(str::to_owned),
            })
        }
        _ => Err(errors),
    }
}
