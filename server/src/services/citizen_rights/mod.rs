//! A citizen's rights over what the server holds about their device's complaints: reading all
//! of it (the app keeps it as a file), removing the contact details from one complaint, and
//! erasing it all. Each answers only for the device that asks; another device's complaint is
//! not found. Removing and erasing are audited without what they removed, and can be asked
//! again with the same result, so the phone's outbox may repeat them after a lost answer.
//!
//! Erasing takes, from every complaint of the device, the contact details and the photos, and
//! lets go of the complaints: their device hash is replaced by one that matches no device, so
//! nothing links them to the phone any more. The push tokens go too. What each complaint was
//! about stays with its institution as the record of its work.
//!
//! The same rights reach one complaint on the web, for whoever holds its tracking code and
//! PIN ([`pin`]): the person it was filed for need not hold the phone that filed it.

pub mod pin;

use chrono::{DateTime, Utc};
use protocol::api::my_data::{
    EXPORT_MAX_COMPLAINTS, Erasure, HeldComplaint, HeldMessage, HeldPhoto, HeldPushToken, MyData,
};
use protocol::api::{ComplaintRecord, Contact, Rating};
use uuid::Uuid;

use super::ServiceError;
use super::audit::{Actor, AuditEntry, audit};
use super::catalog::institution_ref;
use super::complaints::store::{parse_time, status};
use super::complaints::{citizen_record, complaint_id, owned_status};
use super::push;
use super::retention::{self, Eraser};
use crate::db::{Conn, Row};
use crate::params;

const LIMIT: i64 = EXPORT_MAX_COMPLAINTS as i64;

/// Whose data a request is about.
#[derive(Clone, Copy, Debug)]
pub enum Holder<'a> {
    /// The complaints of the device with this hash (the app).
    Device(&'a str),
    /// The one complaint with this id, opened with its tracking code and PIN.
    Complaint(&'a str),
}

impl Holder<'_> {
    /// The condition on `complaints` that picks the holder's, with its one parameter.
    fn filter(&self) -> (&'static str, &str) {
        match self {
            Holder::Device(hash) => ("device_hash = ?1", hash),
            Holder::Complaint(id) => ("id = ?1", id),
        }
    }
}

/// Everything the server holds about the holder's complaints, newest first.
pub fn export(c: &Conn, holder: Holder, now: DateTime<Utc>) -> Result<MyData, ServiceError> {
    let (filter, key) = holder.filter();
    let rows: Vec<(String, HeldComplaint)> = c.query_map(
        &format!(
            "SELECT id, tracking_code, category_id, status, institution_id, submitted_at, language,
                description, lat, lon, municipality_id, contact_name, contact_phone, contact_email,
                contact_removed_at, personal_erased_at, rating_stars, rating_comment,
                CASE WHEN EXISTS (SELECT 1 FROM mail_stops s WHERE s.complaint_id = c.id)
                     THEN 1 ELSE 0 END
             FROM complaints c WHERE {filter}
             ORDER BY submitted_at DESC LIMIT {LIMIT}"
        ),
        [key],
        held_complaint,
    )?;
    let mut complaints = Vec::with_capacity(rows.len());
    for (institution, mut held) in rows {
        let id = held.id.to_string();
        held.institution = institution_ref(c, &institution)?;
        held.photos = c.query_map(
            "SELECT idx, content_type, size FROM photos WHERE complaint_id = ?1 ORDER BY idx",
            [id.as_str()],
            |r| {
                Ok(HeldPhoto {
                    slot: r.get(0)?,
                    content_type: r.get(1)?,
                    bytes: r.get::<_, i64>(2)?.try_into().unwrap_or(0),
                })
            },
        )?;
        held.messages = messages(c, &id)?;
        held.timeline = citizen_record(c, &id)?
            .map(|record| record.timeline)
            .unwrap_or_default();
        complaints.push(held);
    }
    let push_tokens = match holder {
        Holder::Device(device_hash) => c.query_map(
            "SELECT platform, created_at FROM push_tokens WHERE device_hash = ?1 ORDER BY id",
            [device_hash],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
        )?,
        Holder::Complaint(_) => Vec::new(),
    };
    Ok(MyData {
        generated_at: now,
        complaints,
        push_tokens: push_tokens
            .into_iter()
            .map(|(platform, at)| {
                Ok(HeldPushToken {
                    platform,
                    registered_at: parse_time(&at)?,
                })
            })
            .collect::<Result<_, ServiceError>>()?,
    })
}

/// A row of the export's query; the institution's id beside it, for its name.
fn held_complaint(r: &Row) -> Result<(String, HeldComplaint), crate::db::DbError> {
    let time = |at: Option<String>| at.and_then(|at| DateTime::parse_from_rfc3339(&at).ok());
    let contact = Contact {
        name: r.get(11)?,
        phone: r.get(12)?,
        email: r.get(13)?,
    };
    let held = contact != Contact::default();
    let id: String = r.get(0)?;
    let status_name: String = r.get(3)?;
    let submitted_at: String = r.get(5)?;
    let rating_stars: Option<u8> = r.get(16)?;
    Ok((
        r.get(4)?,
        HeldComplaint {
            id: Uuid::parse_str(&id).unwrap_or_default(),
            tracking_code: r.get(1)?,
            category: r.get(2)?,
            status: status(&status_name).unwrap_or(protocol::api::Status::Submitted),
            institution: protocol::api::InstitutionRef {
                id: String::new(),
                name: Default::default(),
            },
            submitted_at: time(Some(submitted_at)).map_or_else(Utc::now, |t| t.to_utc()),
            language: r.get(6)?,
            description: r.get(7)?,
            latitude: r.get(8)?,
            longitude: r.get(9)?,
            municipality: r.get(10)?,
            contact: held.then_some(contact),
            contact_removed_at: time(r.get(14)?).map(|t| t.to_utc()),
            personal_erased_at: time(r.get(15)?).map(|t| t.to_utc()),
            photos: Vec::new(),
            messages: Vec::new(),
            rating: rating_stars.map(|stars| Rating {
                stars,
                comment: r.get(17).ok().flatten(),
            }),
            emails_stopped: r.get::<_, i64>(18)? == 1,
            timeline: Vec::new(),
        },
    ))
}

/// What the citizen wrote to the institution about complaint `id`, oldest first.
fn messages(c: &Conn, id: &str) -> Result<Vec<HeldMessage>, ServiceError> {
    let rows: Vec<(String, Option<String>, Option<String>)> = c.query_map(
        "SELECT a.at, t.text, a.after FROM audit_log a LEFT JOIN audit_texts t ON t.event_id = a.id
         WHERE a.complaint_id = ?1 AND a.action = 'citizen_wrote' ORDER BY a.id",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    rows.into_iter()
        .map(|(at, text, after)| {
            let after: serde_json::Value = after
                .as_deref()
                .and_then(|a| serde_json::from_str(a).ok())
                .unwrap_or_default();
            Ok(HeldMessage {
                sent_at: parse_time(&at)?,
                text,
                photo_count: after["photos"]
                    .as_u64()
                    .and_then(|n| u8::try_from(n).ok())
                    .unwrap_or(0),
            })
        })
        .collect()
}

/// Removes the contact details the citizen gave with complaint `raw_id`; the complaint as it
/// now is. Asked again, it changes nothing.
pub fn remove_contact(
    c: &Conn,
    device_hash: &str,
    raw_id: &str,
    now: DateTime<Utc>,
) -> Result<ComplaintRecord, ServiceError> {
    let id = complaint_id(raw_id)?;
    owned_status(c, &id, device_hash)?;
    remove_contact_of(c, &id, now)
}

/// Removes the contact details of complaint `id`, which the caller has found to be the
/// asker's; the complaint as it now is.
pub fn remove_contact_of(
    c: &Conn,
    id: &str,
    now: DateTime<Utc>,
) -> Result<ComplaintRecord, ServiceError> {
    let id = id.to_owned();
    let tx = c.savepoint()?;
    let removed = tx.execute(
        "UPDATE complaints SET contact_name = NULL, contact_phone = NULL, contact_email = NULL,
             contact_removed_at = ?2
         WHERE id = ?1
           AND (contact_name IS NOT NULL OR contact_phone IS NOT NULL OR contact_email IS NOT NULL)",
        params![id, now.to_rfc3339()],
    )?;
    if removed > 0 {
        audit(
            &tx,
            now,
            AuditEntry {
                actor: Actor::Citizen,
                action: "contact_removed",
                complaint: Some(&id),
                citizen_visible: false,
                before: None,
                after: None,
                text: None,
            },
        )?;
        retention::note_erased(&tx, now)?;
    }
    tx.commit()?;
    citizen_record(c, &id)?.ok_or(ServiceError::NotFound)
}

/// What erasing on request did: the count the device is told, and the photo files to delete
/// once nothing else refers to them.
pub struct ErasedAll {
    pub erasure: Erasure,
    pub photo_files: Vec<String>,
}

/// Erases the personal data of every complaint of the holder (up to [`EXPORT_MAX_COMPLAINTS`]
/// at a time) and lets go of them: no device finds them any more. A device's push tokens
/// are forgotten too.
pub fn erase_all(c: &Conn, holder: Holder, now: DateTime<Utc>) -> Result<ErasedAll, ServiceError> {
    let (filter, key) = holder.filter();
    let tx = c.savepoint()?;
    let ids: Vec<String> = tx.query_map(
        &format!(
            "SELECT id FROM complaints WHERE {filter} AND device_hash NOT LIKE 'erased:%'
             ORDER BY submitted_at LIMIT {LIMIT}"
        ),
        [key],
        |r| r.get(0),
    )?;
    let mut photo_files = Vec::new();
    for id in &ids {
        photo_files.extend(retention::erase(&tx, id, now, Eraser::Citizen)?.photo_files);
        tx.execute(
            "UPDATE complaints SET device_hash = ?2 WHERE id = ?1",
            params![id, format!("erased:{}", Uuid::new_v4())],
        )?;
    }
    if let Holder::Device(device_hash) = holder {
        push::remove(&tx, device_hash)?;
    }
    if !ids.is_empty() {
        retention::note_erased(&tx, now)?;
    }
    tx.commit()?;
    Ok(ErasedAll {
        erasure: Erasure {
            complaints: u32::try_from(ids.len()).unwrap_or(u32::MAX),
        },
        photo_files,
    })
}
