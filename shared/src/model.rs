//! The core's state: what the citizen is drafting, what waits to be sent, what they have sent.
//!
//! Everything that must survive the app being killed is written to the shell's key-value store
//! through a [`Slot`], which keeps writes to one key in order and remembers which version of the
//! state is on disk. The outbox relies on that to say "queued" only for what is durable.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::api::{Catalog, ComplaintRecord, NewComplaint};
use crate::domain::InputError;
use crate::i18n::Language;
use crate::view_model::Screen;

#[derive(Debug, Default)]
pub struct Model {
    pub phase: Phase,
    pub api_base_url: String,
    pub settings: Settings,
    pub device_secret: Option<String>,
    pub catalog: Catalog,
    pub catalog_etag: Option<String>,
    pub draft: Draft,
    pub outbox: Vec<OutboxItem>,
    pub complaints: Vec<ComplaintRecord>,
    pub complaints_cursor: Option<String>,
    pub screen: Screen,
    pub open_complaint: Option<Uuid>,
    pub notice: Option<Notice>,
    pub form_error: Option<FormError>,
    pub now: Option<DateTime<Utc>>,
    pub sync: SyncState,
    pub refreshing: bool,
    pub catalog_loading: bool,
    /// A campaign link that opened the app before its stored state was read.
    pub early_campaign_link: Option<String>,
    /// A campaign opening is being reported to the server.
    pub reporting_campaign: bool,
    pub slots: Slots,
}

/// Where the core is in its start-up.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub enum Phase {
    /// Waiting for the shell to send `Started`.
    #[default]
    NotStarted,
    /// Reading the stored state.
    Loading,
    /// The stored state could not be read; nothing is written until it can.
    LoadFailed,
    Ready,
}

#[derive(Serialize, Deserialize, Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    pub language: Language,
    pub welcomed: bool,
    /// The campaign whose link last opened the app, if any.
    #[serde(default)]
    pub campaign: Option<CampaignVisit>,
}

/// A campaign link that opened the app: complaints sent within
/// [`CampaignVisit::WINDOW_DAYS`] of it carry its code, so the campaign's reach can be counted.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct CampaignVisit {
    pub code: String,
    pub opened_at: Option<DateTime<Utc>>,
    /// Whether the server has counted this opening in the campaign's reach.
    #[serde(default)]
    pub reported: bool,
}

impl CampaignVisit {
    pub const WINDOW_DAYS: i64 = 30;

    /// The code to put on a complaint sent at `now`, if the visit is recent enough.
    pub fn code_at(&self, now: Option<DateTime<Utc>>) -> Option<&str> {
        match (self.opened_at, now) {
            (Some(opened), Some(now))
                if now - opened > chrono::Duration::days(Self::WINDOW_DAYS) =>
            {
                None
            }
            _ => Some(&self.code),
        }
    }
}

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
}

impl Draft {
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

/// Something waiting to reach the server, in the order it was made.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct OutboxItem {
    /// The idempotency key: the complaint's id, or the id of a rating or reopening.
    pub id: Uuid,
    pub action: OutboxAction,
    pub stage: Stage,
    /// The outbox version that first contained this item; it is queued once that version is
    /// on disk.
    #[serde(default)]
    pub added_in: u64,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub enum OutboxAction {
    Submit {
        complaint: NewComplaint,
        photos: Vec<PhotoRef>,
    },
    Rate {
        complaint: Uuid,
        stars: u8,
        comment: Option<String>,
    },
    Reopen {
        complaint: Uuid,
        reason: String,
    },
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    /// Not yet accepted by the server.
    Pending,
    /// The complaint is filed; its photos follow, `done` of them so far.
    UploadingPhotos { done: u8 },
    /// The server refused it; retrying cannot help until the citizen changes something.
    Rejected { code: String, message: String },
}

/// Bookkeeping for sending the outbox.
#[derive(Debug, Default)]
pub struct SyncState {
    pub in_flight: bool,
    /// Consecutive attempts that failed for reasons that retrying can fix.
    pub failures: u32,
    /// Identifies the retry timer that is current; older timers are ignored when they fire.
    pub timer_generation: u64,
    pub timer_pending: bool,
    pub next_timer_id: usize,
}

/// A short message about something that just happened.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Queued,
    Sent { tracking_code: String },
    DraftSaveFailed,
    QueueSaveFailed,
    PhotoRefused(InputError),
    PhotoSaveFailed,
    RefreshFailed,
    FinishDraftFirst,
    RatingQueued,
    ReopenQueued,
}

/// A refused rating or reopening, shown on that complaint's page.
#[derive(Debug, Clone, PartialEq)]
pub struct FormError {
    pub complaint: Uuid,
    pub form: Form,
    pub error: InputError,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Rating,
    Reopen,
}

/// What the core keeps in the shell's key-value store, one key each.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SlotKey {
    Settings,
    Device,
    Draft,
    Outbox,
    Complaints,
    Catalog,
}

impl SlotKey {
    pub const ALL: [SlotKey; 6] = [
        SlotKey::Settings,
        SlotKey::Device,
        SlotKey::Draft,
        SlotKey::Outbox,
        SlotKey::Complaints,
        SlotKey::Catalog,
    ];

    pub fn key(self) -> &'static str {
        match self {
            SlotKey::Settings => "settings",
            SlotKey::Device => "device",
            SlotKey::Draft => "draft",
            SlotKey::Outbox => "outbox",
            SlotKey::Complaints => "complaints",
            SlotKey::Catalog => "catalog",
        }
    }
}

/// The write state of one stored key: at most one write in flight, in order.
#[derive(Debug, Default, Clone, Copy)]
pub struct Slot {
    /// Bumped on every change to the state this slot stores.
    pub version: u64,
    /// The newest version known to be on disk.
    pub persisted: u64,
    pub in_flight: Option<u64>,
}

#[derive(Debug, Default)]
pub struct Slots {
    slots: [Slot; 6],
}

impl Slots {
    pub fn get(&self, key: SlotKey) -> &Slot {
        &self.slots[key as usize]
    }

    pub fn get_mut(&mut self, key: SlotKey) -> &mut Slot {
        &mut self.slots[key as usize]
    }
}

/// What is stored under `complaints`.
#[derive(Serialize, Deserialize, Debug, Clone, Default)]
pub struct StoredComplaints {
    pub complaints: Vec<ComplaintRecord>,
    pub cursor: Option<String>,
}

/// What is stored under `catalog`.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct StoredCatalog {
    pub catalog: Catalog,
    pub etag: Option<String>,
}

impl Model {
    /// Whether an outbox item is on disk, and so safe to send and to call queued.
    pub fn is_durable(&self, item: &OutboxItem) -> bool {
        item.added_in <= self.slots.get(SlotKey::Outbox).persisted
    }

    pub fn complaint(&self, id: Uuid) -> Option<&ComplaintRecord> {
        self.complaints.iter().find(|c| c.id == id)
    }
}

#[cfg(test)]
mod campaign_tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_campaign_counts_for_thirty_days_and_codes_are_normalised() {
        let opened = Utc.with_ymd_and_hms(2026, 11, 1, 10, 0, 0).unwrap();
        let visit = CampaignVisit {
            code: "PR-2026".into(),
            opened_at: Some(opened),
            reported: false,
        };
        assert_eq!(
            visit.code_at(Some(opened + chrono::Duration::days(30))),
            Some("PR-2026")
        );
        assert_eq!(
            visit.code_at(Some(opened + chrono::Duration::days(31))),
            None
        );
        assert_eq!(
            crate::api::campaign_code(" pr-2026 "),
            Some("PR-2026".into())
        );
        assert_eq!(
            crate::api::campaign_code(" gji-7k3qa ").as_deref(),
            Some("GJI-7K3QA")
        );
        for bad in ["", "two words", "x".repeat(33).as_str(), "ZR/1", "a/b"] {
            assert_eq!(crate::api::campaign_code(bad), None, "{bad}");
        }
    }
}
