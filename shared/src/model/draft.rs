//! The complaint being written, and the photos attached to it.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::InputError;
use crate::drafting::GpsProblem;

/// A photo the citizen attached, kept in the store under `photo/<id>` with its metadata removed.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct PhotoRef {
    pub id: Uuid,
    pub size: u32,
}

impl PhotoRef {
    pub fn key(&self) -> String {
        format!("photo/{}", self.id)
    }
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub enum DraftLocation {
    #[default]
    None,
    Gps {
        lat: f64,
        lon: f64,
    },
    Municipality {
        id: String,
    },
}

/// The complaint being written. It is saved as it changes; its id becomes the complaint's
/// idempotency key, so a draft that was queued just before the app died is recognised.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Draft {
    pub id: Option<Uuid>,
    pub category: Option<String>,
    pub category_query: String,
    pub description: String,
    pub location: DraftLocation,
    pub location_error: Option<InputError>,
    pub photos: Vec<PhotoRef>,
    pub anonymous: bool,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    /// Field messages are shown once the citizen tried to submit.
    pub show_errors: bool,
    /// Waiting for the outbox write that queues this draft.
    #[serde(skip)]
    pub submitting: bool,
    /// Photos being written to the store.
    #[serde(skip)]
    pub photos_saving: u8,
    /// Why the phone's location could not be used, until a place is chosen.
    #[serde(skip)]
    pub gps_problem: Option<GpsProblem>,
    /// Photos attached to a message not yet sent about one of my complaints; kept with the
    /// draft so that a photo stored on the phone is never forgotten there.
    #[serde(default)]
    pub message: MessageDraft,
}

/// The photos of the message being written about complaint `complaint`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct MessageDraft {
    pub complaint: Option<Uuid>,
    pub photos: Vec<PhotoRef>,
    /// The outbox item the photos went to, until the write that holds it succeeded.
    #[serde(default)]
    pub sending: Option<Uuid>,
    /// Photos being written to the store.
    #[serde(skip)]
    pub photos_saving: u8,
}

impl Draft {
    /// A blank complaint draft, keeping the message draft (it is another thing being written).
    pub fn cleared(&mut self) -> Draft {
        Draft {
            message: std::mem::take(&mut self.message),
            ..Draft::default()
        }
    }

    pub fn is_blank(&self) -> bool {
        self.category.is_none()
            && self.description.trim().is_empty()
            && self.location == DraftLocation::None
            && self.photos.is_empty()
            && self.contact_name.is_empty()
            && self.contact_phone.is_empty()
            && self.contact_email.is_empty()
    }
}
