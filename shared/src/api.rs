//! The wire protocol between the phone core and the server.
//!
//! Both sides compile this one module, so a request the core builds is exactly the request the
//! server parses. Everything here is plain JSON over HTTP; nothing here crosses the FFI.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Paths of the citizen API, relative to the server's base URL.
pub mod paths {
    use uuid::Uuid;

    pub const CATALOG: &str = "/api/v1/catalog";
    pub const COMPLAINTS: &str = "/api/v1/complaints";
    pub const MY_COMPLAINTS: &str = "/api/v1/complaints/mine";

    pub fn photo(complaint: Uuid, index: u8) -> String {
        format!("/api/v1/complaints/{complaint}/photos/{index}")
    }

    pub fn rating(complaint: Uuid) -> String {
        format!("/api/v1/complaints/{complaint}/rating")
    }

    pub fn reopen(complaint: Uuid) -> String {
        format!("/api/v1/complaints/{complaint}/reopen")
    }

    /// `POST` (no body): the app was opened with a campaign's code. `code` is already in its
    /// normalized form (A-Z, 0-9 and '-'), so it needs no escaping.
    pub fn campaign_opened(code: &str) -> String {
        format!("/api/v1/campaigns/{code}/opens")
    }
}

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
    Gps { lat: f64, lon: f64 },
    Municipality { id: String },
}

/// How the institution may reach the citizen; absent for an anonymous complaint.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contact {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
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
    pub description: String,
    pub location: Location,
    pub contact: Option<Contact>,
    pub photo_count: u8,
    pub language: ApiLanguage,
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
}

impl Status {
    /// A citizen may rate once the institution has closed the complaint either way.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Resolved | Status::Rejected)
    }
}

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
    /// The institution the complaint went to, for a transfer.
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
}

/// `GET /api/v1/complaints/mine?since=<cursor>`: the device's complaints that changed after the
/// cursor, and the cursor to send next time.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyComplaintsPage {
    pub complaints: Vec<ComplaintRecord>,
    pub cursor: String,
}

/// `POST /api/v1/complaints/{id}/rating`; rating again replaces the earlier rating.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingRequest {
    pub stars: u8,
    pub comment: Option<String>,
}

/// `POST /api/v1/complaints/{id}/reopen`; `request_id` makes a retried reopen a no-op.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReopenRequest {
    pub request_id: Uuid,
    pub reason: String,
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
