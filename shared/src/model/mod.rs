//! The core's state: what the citizen is drafting, what waits to be sent, what they have sent.
//!
//! Everything that must survive the app being killed is written to the shell's key-value store
//! through a [`Slot`], which keeps writes to one key in order and remembers which version of the
//! state is on disk. The outbox relies on that to say "queued" only for what is durable.

mod complaints;
mod draft;
mod outbox;
mod slots;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::api::ComplaintRecord;
use crate::catalog::LocalCatalog;
use crate::domain::InputError;
use crate::i18n::Language;
use crate::links::DeepLink;
use crate::my_data::MyDataState;
use crate::push::PushState;
use crate::view_model::Screen;

pub use complaints::{Complaints, Told};
pub use draft::{Draft, DraftLocation, MessageDraft, PhotoRef};
pub use outbox::{OutboxAction, OutboxItem, Stage};
pub use slots::{Slot, SlotKey, Slots, StoredCatalog, StoredComplaints};

#[derive(Debug, Default)]
pub struct Model {
    pub phase: Phase,
    /// The server the core talks to.
    pub api_base_url: String,
    /// The server the app was built for, as the shell said at start.
    pub built_for: String,
    /// A developer's build: a server link may point it at any server (see [`crate::servers`]).
    pub debug_build: bool,
    /// A server a link offered, waiting for the citizen to accept or decline it.
    pub server_offer: Option<String>,
    pub settings: Settings,
    pub device_secret: Option<String>,
    pub catalog: LocalCatalog,
    pub draft: Draft,
    pub outbox: Vec<OutboxItem>,
    pub complaints: Complaints,
    pub screen: Screen,
    pub open_complaint: Option<Uuid>,
    pub notice: Option<Notice>,
    pub form_error: Option<FormError>,
    pub now: Option<DateTime<Utc>>,
    pub sync: SyncState,
    pub refreshing: bool,
    /// A link that opened the app before its stored state was read; followed once it is.
    pub early_link: Option<DeepLink>,
    /// A campaign opening is being reported to the server.
    pub reporting_campaign: bool,
    pub push: PushState,
    /// "Your data", while it shows.
    pub my_data: MyDataState,
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
    /// The server a `zeri://server?url=…` link chose (trainers), used from the next start
    /// instead of the one the shell was built with.
    #[serde(default)]
    pub server: Option<String>,
    /// Whether the citizen was asked to allow notifications (once, on their first complaint).
    #[serde(default)]
    pub asked_to_notify: bool,
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
    Sent {
        tracking_code: String,
    },
    DraftSaveFailed,
    QueueSaveFailed,
    PhotoRefused(InputError),
    PhotoSaveFailed,
    RefreshFailed,
    FinishDraftFirst,
    RatingQueued,
    ReopenQueued,
    MessageQueued,
    /// A link offered a server this build does not trust; nothing changed.
    ServerLinkRefused,
    /// The app talks to this server (its host, as shown) from the next start.
    ServerChosen {
        host: String,
    },
    ContactRemovalQueued,
    EraseQueued,
    /// The server erased what it held about this phone's complaints.
    DataErased,
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
    Message,
}

impl Model {
    /// Whether an outbox item is on disk, and so safe to send and to call queued.
    pub fn is_durable(&self, item: &OutboxItem) -> bool {
        item.added_in <= self.slots.get(SlotKey::Outbox).persisted
    }

    pub fn complaint(&self, id: Uuid) -> Option<&ComplaintRecord> {
        self.complaints.get(id)
    }

    /// Whether the device secret is on disk, so requests made with it can be found again later.
    pub fn device_ready(&self) -> bool {
        let slot = self.slots.get(SlotKey::Device);
        self.device_secret.is_some() && slot.persisted >= slot.version
    }

    /// Whether the core may talk to the server now: the stored state is read, the device
    /// secret is on disk, and the shell said where the server is.
    pub fn can_reach_server(&self) -> bool {
        self.phase == Phase::Ready && self.device_ready() && !self.api_base_url.is_empty()
    }

    /// Nothing is left to send: every outbox item is on disk and refused (those wait for the
    /// citizen), or there are none. The background workers stop then.
    pub fn outbox_idle(&self) -> bool {
        matches!(self.phase, Phase::Ready | Phase::LoadFailed)
            && self
                .outbox
                .iter()
                .all(|item| self.is_durable(item) && matches!(item.stage, Stage::Rejected { .. }))
    }
}

#[cfg(test)]
impl Model {
    /// For tests: a phone whose stored state is read and whose device secret is on disk, so it
    /// talks to `https://zeri.test`.
    pub(crate) fn online() -> Model {
        let mut model = Model {
            phase: Phase::Ready,
            api_base_url: "https://zeri.test".into(),
            device_secret: Some("secret".into()),
            ..Model::default()
        };
        let device = model.slots.get_mut(SlotKey::Device);
        device.version = 1;
        device.persisted = 1;
        model
    }
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn the_outbox_is_idle_only_when_nothing_it_holds_can_be_sent() {
        let mut model = Model::default();
        assert!(!model.outbox_idle(), "not before the stored state is read");
        model.phase = Phase::Ready;
        assert!(model.outbox_idle());
        model.outbox.push(OutboxItem {
            id: Uuid::from_u128(1),
            action: OutboxAction::Reopen {
                complaint: Uuid::from_u128(2),
                reason: "It is broken again".into(),
            },
            stage: Stage::Pending,
            added_in: 0,
        });
        assert!(!model.outbox_idle());
        model.outbox[0].stage = Stage::Rejected {
            code: "not_closed".into(),
            message: String::new(),
        };
        assert!(model.outbox_idle());
        model.outbox[0].added_in = 1;
        assert!(!model.outbox_idle(), "not yet on disk");
    }
}
