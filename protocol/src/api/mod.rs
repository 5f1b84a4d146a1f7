//! The wire protocol between the phone core and the server.
//!
//! Both sides compile this one module, so a request the core builds is exactly the request the
//! server parses. Everything here is plain JSON over HTTP; nothing here crosses the FFI.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub mod my_data;
pub mod paths;
pub mod push;
mod requests;

/// A campaign's code as printed on posters and carried by links, in the form both sides store
/// it: letters (upper case), digits and dashes, at most 32; `None` if it cannot be one.
pub fn campaign_code(code: &str) -> Option<String> {
    let code = code.trim().to_ascii_uppercase();
    let valid = !code.is_empty()
        && code.len() <= 32
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
    valid.then_some(code)
}

pub mod whole_number;

pub use requests::{CitizenMessageReceipt, CitizenMessageRequest, RatingRequest, ReopenRequest};

/// The `Authorization` scheme that carries a device's secret: `Authorization: Device <secret>`.
pub const DEVICE_AUTH_SCHEME: &str = "Device";

/// Limits both sides enforce; the server is the authority, the core checks first so the citizen
/// hears about a problem before going online.
pub mod limits {
    pub const DESCRIPTION_MIN_CHARS: usize = 10;
    pub const DESCRIPTION_MAX_CHARS: usize = 4000;
    pub const MAX_PHOTOS: usize = 3;
    pub const NAME_MAX_CHARS: usize = 100;
    pub const COMMENT_MAX_CHARS: usize = 1000;
    pub const REASON_MIN_CHARS: usize = 10;
    pub const REASON_MAX_CHARS: usize = 2000;
    pub const REOPEN_WINDOW_DAYS: i64 = 30;
    /// A message between staff and a citizen about a complaint.
    pub const MESSAGE_MAX_CHARS: usize = 4000;
    /// Photos one citizen message may carry.
    pub const MESSAGE_MAX_PHOTOS: usize = 3;
    /// Messages a citizen may send about one complaint (the photos they reserve are bounded too).
    pub const MESSAGES_PER_COMPLAINT: usize = 20;
}

/// The bounding box of Kosovo's territory (from the municipal boundaries), in degrees.
/// A GPS point outside it cannot be routed; inside it, the server decides the municipality.
pub mod kosovo_bounds {
    pub const MIN_LAT: f64 = 41.85;
    pub const MAX_LAT: f64 = 43.27;
    pub const MIN_LON: f64 = 20.01;
    pub const MAX_LON: f64 = 21.79;
}

/// A text in the three languages every user sees. `sr` is Serbian in Latin script; the Cyrillic
/// form is derived from it by transliteration.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LocalizedText {
    pub sq: String,
    pub sr: String,
    pub en: String,
}

/// Which level of government answers for a category (Law on Local Self-Government).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResponsibleLevel {
    Municipal,
    Central,
    PublicEnterprise,
    PrivateOperator,
    Independent,
    Judiciary,
}

impl ResponsibleLevel {
    pub const ALL: [ResponsibleLevel; 6] = [
        ResponsibleLevel::Municipal,
        ResponsibleLevel::Central,
        ResponsibleLevel::PublicEnterprise,
        ResponsibleLevel::PrivateOperator,
        ResponsibleLevel::Independent,
        ResponsibleLevel::Judiciary,
    ];

    /// The level as the API, the data files and the database write it (`public_enterprise`).
    pub fn as_str(self) -> &'static str {
        match self {
            ResponsibleLevel::Municipal => "municipal",
            ResponsibleLevel::Central => "central",
            ResponsibleLevel::PublicEnterprise => "public_enterprise",
            ResponsibleLevel::PrivateOperator => "private_operator",
            ResponsibleLevel::Independent => "independent",
            ResponsibleLevel::Judiciary => "judiciary",
        }
    }
}

impl std::str::FromStr for ResponsibleLevel {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<ResponsibleLevel, UnknownName> {
        ResponsibleLevel::ALL
            .into_iter()
            .find(|level| level.as_str() == s)
            .ok_or(UnknownName)
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Category {
    pub id: String,
    pub name: LocalizedText,
    pub level: ResponsibleLevel,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Municipality {
    pub id: String,
    pub name: LocalizedText,
}

/// What a citizen can choose from when drafting: `GET /api/v1/catalog` (with `ETag`).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Catalog {
    pub version: String,
    pub categories: Vec<Category>,
    pub municipalities: Vec<Municipality>,
}

/// Where the problem is: a GPS fix (the server finds the municipality) or a chosen municipality.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Location {
    Gps {
        /// Within Kosovo's bounding box (see `kosovo_bounds`); a point in it but outside every
        /// municipality is refused as outside Kosovo.
        #[cfg_attr(feature = "openapi", schema(minimum = 41.85, maximum = 43.27))]
        lat: f64,
        #[cfg_attr(feature = "openapi", schema(minimum = 20.01, maximum = 21.79))]
        lon: f64,
    },
    Municipality {
        id: String,
    },
}

/// How the institution may reach the citizen; absent for an anonymous complaint.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contact {
    /// At most `limits::NAME_MAX_CHARS` characters once trimmed.
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub name: Option<String>,
    /// 6 to 15 digits, an optional leading `+`, and spaces, dashes, dots, slashes or brackets.
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = r"^\s*(\+?[ ().\-/]*([0-9][ ().\-/]*){6,15})?\s*$")
    )]
    pub phone: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 254))]
    pub email: Option<String>,
}

impl Contact {
    /// The name, phone and email that are there, on one line: how a page lists the contact.
    pub fn one_line(&self) -> String {
        [&self.name, &self.phone, &self.email]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The language a citizen uses, as the server knows it (Serbian script is a display matter).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ApiLanguage {
    Sq,
    Sr,
    En,
}

/// `POST /api/v1/complaints`. `id` is generated on the phone and is the idempotency key:
/// sending the same id again returns the first receipt and never creates a second complaint.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewComplaint {
    pub id: Uuid,
    pub category: String,
    /// `limits::DESCRIPTION_MIN_CHARS` to `limits::DESCRIPTION_MAX_CHARS` characters once trimmed.
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 4000))]
    pub description: String,
    pub location: Location,
    pub contact: Option<Contact>,
    /// How many photos will follow, at most `limits::MAX_PHOTOS`.
    #[cfg_attr(feature = "openapi", schema(maximum = 3))]
    #[serde(deserialize_with = "whole_number::deserialize")]
    pub photo_count: u8,
    pub language: ApiLanguage,
    /// The code of the campaign whose link opened the app, as [`campaign_code`] reads it.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^\s*[A-Za-z0-9-]{1,32}\s*$"))]
    pub campaign: Option<String>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InstitutionRef {
    pub id: String,
    pub name: LocalizedText,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Submitted,
    Received,
    InProgress,
    Resolved,
    Rejected,
    Transferred,
    Reopened,
    /// Staff asked the citizen a question: the deadline pauses until the citizen answers.
    WaitingForCitizen,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::Submitted,
        Status::Received,
        Status::InProgress,
        Status::Resolved,
        Status::Rejected,
        Status::Transferred,
        Status::Reopened,
        Status::WaitingForCitizen,
    ];

    /// A citizen may rate once the institution has closed the complaint either way.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Resolved | Status::Rejected)
    }

    /// Whether the institution's deadline is running: open, and not paused waiting for the
    /// citizen's answer (a waiting complaint is never overdue; its due date moves on when the
    /// answer comes).
    pub fn runs_against_deadline(self) -> bool {
        !self.is_closed() && self != Status::WaitingForCitizen
    }

    /// The status as the API and the database write it (`in_progress`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Submitted => "submitted",
            Status::Received => "received",
            Status::InProgress => "in_progress",
            Status::Resolved => "resolved",
            Status::Rejected => "rejected",
            Status::Transferred => "transferred",
            Status::Reopened => "reopened",
            Status::WaitingForCitizen => "waiting_for_citizen",
        }
    }

    /// The id of the status's name in the messages (`status-in-progress`).
    pub fn message_id(self) -> String {
        format!("status-{}", self.as_str().replace('_', "-"))
    }
}

impl std::str::FromStr for Status {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Status, UnknownName> {
        Status::ALL
            .into_iter()
            .find(|status| status.as_str() == s)
            .ok_or(UnknownName)
    }
}

/// A status or level written in a way the protocol does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a name the protocol knows")]
pub struct UnknownName;

/// The answer to a new complaint: where it went, why, and by when an answer is due.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComplaintReceipt {
    pub id: Uuid,
    pub tracking_code: String,
    pub status: Status,
    pub institution: InstitutionRef,
    pub explanation: LocalizedText,
    pub due_date: NaiveDate,
    pub submitted_at: DateTime<Utc>,
    /// The complaint's PIN, as in [`ComplaintRecord::pin`]; missing only for the first
    /// complaint a server takes (its phone learns it when it next asks for its complaints).
    #[serde(default)]
    pub pin: Option<String>,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    Submitted,
    StatusChanged,
    Reply,
    Transferred,
    Rated,
    Reopened,
    /// Unanswered too long past its deadline: sent on to the institution's supervising body
    /// (in `institution`); the status stays what it was.
    Escalated,
    /// Staff asked the citizen a question (in `text`); the complaint waits for the answer.
    Question,
    /// The citizen wrote to the institution (in `text`): an answer to a question, or
    /// something they added.
    CitizenMessage,
}

/// One step in a complaint's life as the citizen sees it (internal staff notes never appear).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineEntry {
    pub at: DateTime<Utc>,
    pub kind: TimelineKind,
    /// The status after this step.
    pub status: Status,
    /// A reply, a reason, or a comment, exactly as its author wrote it.
    pub text: Option<String>,
    /// The institution the complaint went to, for a transfer; the supervising body it was
    /// escalated to, for an escalation.
    pub institution: Option<InstitutionRef>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Rating {
    pub stars: u8,
    pub comment: Option<String>,
}

/// A complaint as its author sees it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComplaintRecord {
    pub id: Uuid,
    pub tracking_code: String,
    pub category: String,
    pub status: Status,
    pub institution: InstitutionRef,
    pub explanation: LocalizedText,
    pub due_date: NaiveDate,
    pub submitted_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub rating: Option<Rating>,
    pub timeline: Vec<TimelineEntry>,
    /// Whether the institution holds contact details for this complaint: the citizen gave
    /// some and has not removed them, nor have they been erased.
    #[serde(default)]
    pub contact_held: bool,
    /// The complaint's PIN (eight digits): with the tracking code, it opens the complaint's
    /// data on the server's web page ([`paths::MY_COMPLAINT_PAGE`]) for someone without
    /// this phone, such as the person it was filed for. Only the device that filed it is told.
    #[serde(default)]
    pub pin: Option<String>,
}

/// `GET /api/v1/complaints/mine?since=<cursor>`: the device's complaints that changed after the
/// cursor, and the cursor to send next time.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyComplaintsPage {
    pub complaints: Vec<ComplaintRecord>,
    pub cursor: String,
}

/// Every error the server returns: `{"error": {"code": "...", "message": "..."}}`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorDetail {
    /// Stable machine-readable code, such as `outside_kosovo`.
    pub code: String,
    /// A sentence a person can act on, in the language the request asked for.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_as_serde_writes_them() {
        for status in Status::ALL {
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(json, format!("\"{}\"", status.as_str()));
            assert_eq!(status.as_str().parse(), Ok(status));
        }
        for level in ResponsibleLevel::ALL {
            let json = serde_json::to_string(&level).unwrap();
            assert_eq!(json, format!("\"{}\"", level.as_str()));
            assert_eq!(level.as_str().parse(), Ok(level));
        }
        assert_eq!("closed".parse::<Status>(), Err(UnknownName));
    }
}
