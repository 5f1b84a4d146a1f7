//! What waits in the outbox: complaints, ratings, reopenings, messages to the institution, and
//! the citizen's requests about their data, each with its progress.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::PhotoRef;
use crate::api::NewComplaint;

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
    /// The citizen writes to the institution about an open complaint (answering its question,
    /// or adding to it). Once the server kept it, its photos go to the complaint's slots from
    /// `first_photo`.
    Message {
        complaint: Uuid,
        text: String,
        photos: Vec<PhotoRef>,
        #[serde(default)]
        first_photo: Option<u8>,
    },
    /// The citizen takes their contact details back from a complaint.
    RemoveContact {
        complaint: Uuid,
    },
    /// The citizen erases what the server holds about this phone's complaints.
    EraseMyData,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    /// Not yet accepted by the server.
    Pending,
    /// The complaint (or message) is kept by the server; its photos follow, `done` of them so far.
    UploadingPhotos { done: u8 },
    /// The server refused it; retrying cannot help until the citizen changes something.
    Rejected { code: String, message: String },
}
