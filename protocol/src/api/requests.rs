//! What a citizen's phone asks of a complaint it filed, beyond filing it: a rating, a
//! reopening, a message to the institution, and the answer to a message.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{ComplaintRecord, whole_number};

/// `POST /api/v1/complaints/{id}/rating`; rating again replaces the earlier rating.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingRequest {
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    #[serde(deserialize_with = "whole_number::deserialize")]
    pub stars: u8,
    /// At most `limits::COMMENT_MAX_CHARS` characters once trimmed.
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub comment: Option<String>,
}

/// `POST /api/v1/complaints/{id}/reopen`; `request_id` makes a retried reopen a no-op.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReopenRequest {
    pub request_id: Uuid,
    /// `limits::REASON_MIN_CHARS` to `limits::REASON_MAX_CHARS` characters once trimmed.
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 2000))]
    pub reason: String,
}

/// `POST /api/v1/complaints/{id}/messages`: the citizen writes to the institution handling
/// their open complaint, answering its question if it asked one. `id` is the phone's, so a
/// retried message is one message.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CitizenMessageRequest {
    pub id: Uuid,
    /// 1 to `limits::MESSAGE_MAX_CHARS` characters once trimmed.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 4000))]
    pub text: String,
    /// How many photos follow (at most `limits::MESSAGE_MAX_PHOTOS`).
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 3))]
    #[serde(default, deserialize_with = "whole_number::deserialize")]
    pub photo_count: u8,
}

/// The answer to a citizen's message: the complaint as it now is, and where the message's
/// photos go: slots `first_photo` onwards of the complaint's photos
/// (`PUT /api/v1/complaints/{id}/photos/{index}`).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CitizenMessageReceipt {
    pub first_photo: u8,
    pub complaint: ComplaintRecord,
}
