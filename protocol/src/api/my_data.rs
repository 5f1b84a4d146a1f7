//! A citizen's rights over what the server holds: everything about the device's complaints,
//! to read and keep as a file, and to erase. The erasure takes the contact details, the photos
//! and the link between the complaints and the device; what the complaints were about stays
//! with the institutions as the record of their work, without anything that names the citizen
//! but what they wrote themselves.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Contact, InstitutionRef, Rating, Status, TimelineEntry};

/// `GET /api/v1/devices/data`: everything the server holds about this device's complaints.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyData {
    pub generated_at: DateTime<Utc>,
    /// Newest first.
    pub complaints: Vec<HeldComplaint>,
    /// The push services this device asked the server to wake it through (the tokens
    /// themselves are not repeated here).
    pub push_tokens: Vec<HeldPushToken>,
}

/// One complaint, with all the server keeps about it that came from the citizen.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HeldComplaint {
    pub id: Uuid,
    pub tracking_code: String,
    pub category: String,
    pub status: Status,
    pub institution: InstitutionRef,
    pub submitted_at: DateTime<Utc>,
    /// The language the citizen wrote in (`sq`, `sr` or `en`).
    pub language: String,
    pub description: String,
    /// The GPS point, when the citizen gave one.
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// The municipality's id.
    pub municipality: String,
    /// The contact details, while the server holds them.
    pub contact: Option<Contact>,
    /// When the citizen removed their contact details, if they did.
    pub contact_removed_at: Option<DateTime<Utc>>,
    /// When the contact details and photos were erased after the complaint closed.
    pub personal_erased_at: Option<DateTime<Utc>>,
    pub photos: Vec<HeldPhoto>,
    /// What the citizen wrote to the institution after filing, oldest first.
    pub messages: Vec<HeldMessage>,
    pub rating: Option<Rating>,
    /// Whether the citizen stopped this complaint's emails.
    pub emails_stopped: bool,
    /// The complaint's life as the citizen sees it.
    pub timeline: Vec<TimelineEntry>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HeldPhoto {
    pub slot: u8,
    pub content_type: String,
    pub bytes: u64,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HeldMessage {
    pub sent_at: DateTime<Utc>,
    pub text: Option<String>,
    pub photo_count: u8,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HeldPushToken {
    /// `fcm` or `apns`.
    pub platform: String,
    pub registered_at: DateTime<Utc>,
}

/// `DELETE /api/v1/devices/data`: how many complaints had their personal data erased and were
/// let go of by the device (none, when asked again).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Erasure {
    pub complaints: u32,
}

/// How a device may ask at most: the newest complaints of a device the export lists.
pub const EXPORT_MAX_COMPLAINTS: usize = 1000;
