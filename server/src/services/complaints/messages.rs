//! A citizen writing to the institution about their open complaint: an answer to its question
//! (which ends the wait and sends the complaint back to work), or something added at any other
//! time. Kept once per phone id, so a retried message is one message. Its photos take the next
//! slots of the complaint's photos, uploaded the usual way; the staff member handling the
//! complaint is told (`services::mail::queue`).

use chrono::{DateTime, Utc};
use protocol::api::{CitizenMessageReceipt, CitizenMessageRequest, Status, limits};
use protocol::domain::{self, InputError};
use serde_json::json;

use super::{citizen_record, complaint_id, owned_status};
use crate::db::{CachedQuery, Conn, OptionalExtension};
use crate::params;
use crate::services::ServiceError;
use crate::services::audit::{Actor, AuditEntry, audit};
use crate::services::workflow::waiting::{self, Ending};

/// A citizen's message, checked: which complaint, the phone's id, the text, how many photos.
pub struct CitizenMessage {
    complaint: String,
    id: String,
    text: String,
    photo_count: u8,
}

impl CitizenMessage {
    pub fn parse(
        raw_id: &str,
        request: &CitizenMessageRequest,
    ) -> Result<CitizenMessage, ServiceError> {
        if usize::from(request.photo_count) > limits::MESSAGE_MAX_PHOTOS {
            return Err(InputError::TooManyPhotos.into());
        }
        Ok(CitizenMessage {
            complaint: complaint_id(raw_id)?,
            id: request.id.to_string(),
            text: domain::parse_message(&request.text)?,
            photo_count: request.photo_count,
        })
    }
}

/// The first photo slot of message `id` of complaint `complaint`, if it was already kept.
fn already_kept(c: &Conn, id: &str, complaint: &str) -> Result<Option<u8>, ServiceError> {
    Ok(c.cached_row(
        "SELECT first_photo FROM citizen_messages WHERE id = ?1 AND complaint_id = ?2",
        params![id, complaint],
        |r| r.get(0),
    )
    .optional()?)
}

/// The author writes to the institution about their complaint. A message that arrives again
/// is answered as the first time, changing nothing.
pub fn send(
    c: &Conn,
    device_hash: &str,
    message: &CitizenMessage,
    now: DateTime<Utc>,
) -> Result<CitizenMessageReceipt, ServiceError> {
    let id = &message.complaint;
    let (status, _) = owned_status(c, id, device_hash)?;
    let first_photo = match already_kept(c, &message.id, id)? {
        Some(first_photo) => first_photo,
        None => keep(c, message, status, now)?,
    };
    Ok(CitizenMessageReceipt {
        first_photo,
        complaint: citizen_record(c, id)?.ok_or(ServiceError::NotFound)?,
    })
}

fn keep(
    c: &Conn,
    message: &CitizenMessage,
    status: Status,
    now: DateTime<Utc>,
) -> Result<u8, ServiceError> {
    let id = &message.complaint;
    if status.is_closed() {
        return Err(ServiceError::Conflict { code: "not_open" });
    }
    let tx = c.savepoint()?;
    let (sent, first_photo): (i64, u8) = tx.cached_row(
        "SELECT (SELECT COUNT(*) FROM citizen_messages WHERE complaint_id = ?1), photo_count
         FROM complaints WHERE id = ?1",
        [id.as_str()],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if usize::try_from(sent).unwrap_or(usize::MAX) >= limits::MESSAGES_PER_COMPLAINT {
        return Err(ServiceError::Conflict {
            code: "too_many_messages",
        });
    }
    let answers = status == Status::WaitingForCitizen;
    // First, so that the same message arriving twice at once is kept once: the second insert
    // waits for the first and then keeps nothing.
    let inserted = tx.cached_execute(
        "INSERT INTO citizen_messages (id, complaint_id, sent_at, first_photo, photo_count, answers_question)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO NOTHING",
        params![
            message.id,
            id,
            now.to_rfc3339(),
            first_photo,
            message.photo_count,
            answers
        ],
    )?;
    if inserted == 0 {
        drop(tx);
        return already_kept(c, &message.id, id)?.ok_or(ServiceError::Conflict {
            code: "message_id_taken",
        });
    }
    let after_status = if answers {
        waiting::end(&tx, id, now, Ending::Answered)?.unwrap_or(status)
    } else {
        status
    };
    tx.cached_execute(
        "UPDATE complaints SET photo_count = photo_count + ?1 WHERE id = ?2",
        params![message.photo_count, id],
    )?;
    audit(
        &tx,
        now,
        AuditEntry {
            actor: Actor::Citizen,
            action: "citizen_wrote",
            complaint: Some(id),
            citizen_visible: true,
            before: Some(json!({ "status": status.as_str() })),
            after: Some(json!({
                "status": after_status.as_str(),
                "answers_question": answers,
                "first_photo": first_photo,
                "photos": message.photo_count,
            })),
            text: Some(&message.text),
        },
    )?;
    tx.commit()?;
    Ok(first_photo)
}
