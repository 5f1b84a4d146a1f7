//! Writing a complaint: each change is applied to the draft and saved at once, photos are
//! cleaned of metadata and stored on the phone ([`photos`]), and the whole draft is checked
//! field by field ([`check`]) before it goes into the outbox.

mod check;
mod photos;

use crux_core::Command;
use facet::Facet;
use facet_generate_attrs as typegen;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use check::{DraftErrors, check};
pub use photos::clean as clean_photo;

use crate::domain::GpsPoint;
use crate::effects::{Effect, kv_delete};
use crate::event::Event;
use crate::model::{Draft, DraftLocation, Model, OutboxAction, PhotoRef, SlotKey};
use crate::outbox;
use crate::persist::save;
use crate::view_model::Screen;
use crate::{notifications, push};

#[derive(Facet, Serialize, Deserialize, Debug)]
#[repr(C)]
pub enum DraftEvent {
    CategorySearchChanged {
        query: String,
    },
    CategorySelected {
        id: String,
    },
    DescriptionChanged {
        text: String,
    },
    GpsLocated {
        lat: f64,
        lon: f64,
    },
    /// The phone could not give a location; the citizen is told why, and what to do.
    GpsUnavailable {
        problem: GpsProblem,
    },
    MunicipalitySelected {
        id: String,
    },
    /// A photo as JPEG bytes (the shell compresses camera and gallery images to JPEG).
    PhotoAdded {
        #[serde(with = "serde_bytes")]
        #[facet(typegen::bytes)]
        jpeg: Vec<u8>,
    },
    PhotoRemoved {
        index: u32,
    },
    AnonymousToggled {
        anonymous: bool,
    },
    ContactNameChanged {
        text: String,
    },
    ContactPhoneChanged {
        text: String,
    },
    ContactEmailChanged {
        text: String,
    },
    /// Send the draft: it is checked, then queued in the outbox.
    SubmitTapped,
    DraftDiscarded,

    /// A photo's write to the store finished; the core asks, shells never send this.
    #[serde(skip)]
    #[facet(skip)]
    PhotoStored {
        #[facet(opaque)]
        photo: PhotoRef,
        ok: bool,
    },
}

/// Why the phone gave no location.
#[derive(Facet, Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C)]
pub enum GpsProblem {
    /// Location is switched off on the phone.
    SwitchedOff,
    /// The citizen did not allow the app to use their location.
    PermissionDenied,
    /// Location is on and allowed, but no fix came in time.
    NoFix,
}

pub fn update(event: DraftEvent, model: &mut Model) -> Command<Effect, Event> {
    match event {
        DraftEvent::CategorySearchChanged { query } => edit(model, |d| d.category_query = query),
        DraftEvent::CategorySelected { id } => select_category(model, id),
        DraftEvent::DescriptionChanged { text } => edit(model, |d| d.description = text),
        DraftEvent::GpsLocated { lat, lon } => locate(model, lat, lon),
        DraftEvent::GpsUnavailable { problem } => {
            model.draft.gps_problem = Some(problem);
            Command::done()
        }
        DraftEvent::MunicipalitySelected { id } => select_municipality(model, id),
        DraftEvent::PhotoAdded { jpeg } => photos::add(model, &jpeg),
        DraftEvent::PhotoRemoved { index } => photos::remove(model, index),
        DraftEvent::AnonymousToggled { anonymous } => edit(model, |d| d.anonymous = anonymous),
        DraftEvent::ContactNameChanged { text } => edit(model, |d| d.contact_name = text),
        DraftEvent::ContactPhoneChanged { text } => edit(model, |d| d.contact_phone = text),
        DraftEvent::ContactEmailChanged { text } => edit(model, |d| d.contact_email = text),
        DraftEvent::SubmitTapped => submit(model),
        DraftEvent::DraftDiscarded => discard(model),
        DraftEvent::PhotoStored { photo, ok } => photos::on_stored(model, photo, ok),
    }
}

/// Applies a change to the draft and saves it, unless the draft is being queued.
fn edit(model: &mut Model, change: impl FnOnce(&mut Draft)) -> Command<Effect, Event> {
    if model.draft.submitting {
        return Command::done();
    }
    if model.draft.id.is_none() {
        model.draft.id = Some(Uuid::new_v4());
    }
    change(&mut model.draft);
    save(model, SlotKey::Draft)
}

fn select_category(model: &mut Model, id: String) -> Command<Effect, Event> {
    if !model.catalog.has_category(&id) {
        return Command::done();
    }
    edit(model, |d| d.category = Some(id))
}

fn select_municipality(model: &mut Model, id: String) -> Command<Effect, Event> {
    if !model.catalog.has_municipality(&id) {
        return Command::done();
    }
    edit(model, |d| {
        d.location = DraftLocation::Municipality { id };
        d.location_error = None;
        d.gps_problem = None;
    })
}

fn locate(model: &mut Model, lat: f64, lon: f64) -> Command<Effect, Event> {
    edit(model, |d| match GpsPoint::parse(lat, lon) {
        Ok(point) => {
            d.location = DraftLocation::Gps {
                lat: point.lat,
                lon: point.lon,
            };
            d.location_error = None;
            d.gps_problem = None;
        }
        Err(error) => d.location_error = Some(error),
    })
}

fn discard(model: &mut Model) -> Command<Effect, Event> {
    if model.draft.submitting {
        return Command::done();
    }
    let deletes: Vec<_> = model
        .draft
        .photos
        .iter()
        .map(|p| kv_delete(&p.key()))
        .collect();
    model.draft = model.draft.cleared();
    model.screen = Screen::Home;
    Command::all(deletes).and(save(model, SlotKey::Draft))
}

/// Checks the draft and, if it is complete, puts it in the outbox; it stays the draft, shown
/// as being sent, until the outbox write that holds it succeeds.
fn submit(model: &mut Model) -> Command<Effect, Event> {
    if model.draft.submitting || model.draft.photos_saving > 0 {
        return Command::done();
    }
    model.draft.show_errors = true;
    let complaint = match check(model) {
        Ok(complaint) => complaint,
        Err(_) => return save(model, SlotKey::Draft),
    };
    if outbox::contains(model, complaint.id) {
        return Command::done();
    }
    model.draft.id = Some(complaint.id);
    model.draft.submitting = true;
    let photos = model.draft.photos.clone();
    outbox::enqueue(
        model,
        complaint.id,
        OutboxAction::Submit { complaint, photos },
    )
    .and(notifications::ask_permission_once(model))
    .and(push::register(model))
}

#[cfg(test)]
mod tests {
    use crux_kv::KeyValueOperation;

    use super::*;
    use crate::catalog::{LocalCatalog, builtin};
    use crate::effects::EffectTestExt as _;
    use crate::model::Phase;

    pub(super) fn ready() -> Model {
        Model {
            phase: Phase::Ready,
            screen: Screen::NewComplaint,
            catalog: LocalCatalog::new(builtin(), None),
            ..Model::default()
        }
    }

    pub(super) fn written_key(op: &KeyValueOperation) -> &str {
        match op {
            KeyValueOperation::Set { key, .. } => key,
            other => panic!("a write, not {other:?}"),
        }
    }

    #[test]
    fn every_change_is_saved_and_gives_the_draft_its_id() {
        let mut model = ready();
        update(
            DraftEvent::DescriptionChanged {
                text: "No water since Monday".into(),
            },
            &mut model,
        )
        .expect_key_value_with(|op| assert_eq!(written_key(op), "draft"));
        assert!(model.draft.id.is_some());
        assert_eq!(model.draft.description, "No water since Monday");
    }

    #[test]
    fn an_unknown_category_or_municipality_is_ignored() {
        let mut model = ready();
        update(
            DraftEvent::CategorySelected { id: "nope".into() },
            &mut model,
        )
        .expect_done();
        update(
            DraftEvent::MunicipalitySelected { id: "nope".into() },
            &mut model,
        )
        .expect_done();
        assert!(model.draft.is_blank());
    }

    #[test]
    fn a_point_outside_kosovo_is_kept_as_a_field_error() {
        let mut model = ready();
        let _ = update(
            DraftEvent::GpsLocated {
                lat: 41.3275,
                lon: 19.8187,
            },
            &mut model,
        );
        assert_eq!(model.draft.location, DraftLocation::None);
        assert!(model.draft.location_error.is_some());
    }

    #[test]
    fn an_incomplete_draft_is_not_queued_but_shows_its_errors() {
        let mut model = ready();
        update(DraftEvent::SubmitTapped, &mut model)
            .expect_key_value_with(|op| assert_eq!(written_key(op), "draft"));
        assert!(model.draft.show_errors);
        assert!(model.outbox.is_empty());
    }

    #[test]
    fn a_complete_draft_goes_into_the_outbox_and_is_written() {
        let mut model = ready();
        for event in [
            DraftEvent::CategorySelected {
                id: "water_supply".into(),
            },
            DraftEvent::DescriptionChanged {
                text: "No water in Dardania since Monday".into(),
            },
            DraftEvent::MunicipalitySelected {
                id: "prishtine".into(),
            },
            DraftEvent::AnonymousToggled { anonymous: true },
        ] {
            let _ = update(event, &mut model);
        }
        update(DraftEvent::SubmitTapped, &mut model)
            .expect_key_value_with(|op| assert_eq!(written_key(op), "outbox"));
        assert!(model.draft.submitting);
        assert_eq!(model.outbox.len(), 1);
        assert_eq!(Some(model.outbox[0].id), model.draft.id);
        update(
            DraftEvent::DescriptionChanged {
                text: "changed while queuing".into(),
            },
            &mut model,
        )
        .expect_done();
    }

    #[test]
    fn discarding_deletes_the_photos_and_empties_the_draft() {
        let mut model = ready();
        model.draft.photos.push(PhotoRef {
            id: Uuid::from_u128(9),
            size: 10,
        });
        let mut command = update(DraftEvent::DraftDiscarded, &mut model);
        command.expect_key_value_with(|op| {
            assert!(matches!(op, KeyValueOperation::Delete { key } if key.starts_with("photo/")))
        });
        command.expect_key_value_with(|op| assert_eq!(written_key(op), "draft"));
        assert!(model.draft.is_blank());
        assert_eq!(model.screen, Screen::Home);
    }
}
