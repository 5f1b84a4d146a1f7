//! Personal data kept no longer than needed: [`ERASE_AFTER_DAYS_DEFAULT`] days after a complaint
//! is closed (a setting), the citizen's contact details and photos are erased, by the server's
//! scheduler, once, under a lease so that one server of a deployment does it. The complaint keeps
//! what it was about (category, place, dates, the texts) and says when its personal data went;
//! the audit log records that it was erased and how many photos, never what they were. The photo
//! files go too unless another complaint holds the same picture.
//!
//! 90 days by default: three times the 30 days in which a citizen may reopen a closed complaint,
//! which leaves the institution time to follow up by phone and a citizen time to take it to the
//! Ombudsperson, after which nothing the institution does needs to reach them.

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use super::ServiceError;
use super::audit::{Actor, AuditEntry, audit};
use crate::db::Conn;
use crate::params;

/// The scheduled job's name on the leases.
pub const JOB: &str = "retention";

pub const ERASE_AFTER_DAYS_DEFAULT: i64 = 90;

/// The most complaints one run erases; the next run takes the rest.
const BATCH: i64 = 500;

/// One complaint's erasure: the photo files it referred to, to delete if nothing else does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erased {
    pub complaint: String,
    pub photo_files: Vec<String>,
}

/// The setting that says something was erased on a citizen's request since the journal was
/// last emptied.
const JOURNAL_DIRTY: &str = "erased_since_journal_purge";

/// Notes that the database's journal holds something erased, for the next scheduled run to
/// empty it (emptying it is too much work to do on every citizen's request).
pub fn note_erased(c: &Conn, now: DateTime<Utc>) -> Result<(), ServiceError> {
    c.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![JOURNAL_DIRTY, now.to_rfc3339()],
    )?;
    Ok(())
}

/// Whether anything was erased on request since the journal was last emptied, forgetting it.
pub fn take_erased_note(c: &Conn) -> Result<bool, ServiceError> {
    Ok(c.execute("DELETE FROM settings WHERE key = ?1", [JOURNAL_DIRTY])? > 0)
}

/// Erases the contact details and photos of the complaints closed more than `after_days` days
/// before `now` that still hold any.
pub fn erase_due(
    c: &Conn,
    now: DateTime<Utc>,
    after_days: i64,
) -> Result<Vec<Erased>, ServiceError> {
    let cutoff = (now - Duration::days(after_days)).to_rfc3339();
    let due: Vec<String> = c.query_map(
        &format!(
            "SELECT id FROM complaints c
             WHERE status IN ('resolved', 'rejected') AND closed_at < ?1
               AND (contact_name IS NOT NULL OR contact_phone IS NOT NULL OR contact_email IS NOT NULL
                    OR EXISTS (SELECT 1 FROM photos p WHERE p.complaint_id = c.id))
             ORDER BY closed_at LIMIT {BATCH}"
        ),
        [cutoff],
        |r| r.get(0),
    )?;
    let mut erased = Vec::with_capacity(due.len());
    for id in due {
        erased.push(erase(c, &id, now, Eraser::Schedule)?);
    }
    Ok(erased)
}

/// Who erases: the schedule, past the time kept, or the citizen, who asked to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Eraser {
    Schedule,
    Citizen,
}

/// Erases complaint `id`'s contact details and photos now, recording who did.
pub fn erase(c: &Conn, id: &str, now: DateTime<Utc>, by: Eraser) -> Result<Erased, ServiceError> {
    let had_contact = c.exists(
        "SELECT 1 FROM complaints WHERE id = ?1
           AND (contact_name IS NOT NULL OR contact_phone IS NOT NULL OR contact_email IS NOT NULL)",
        [id],
    )?;
    let photo_files: Vec<String> = c.query_map(
        "SELECT DISTINCT sha256 FROM photos WHERE complaint_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    let photos: i64 = c.query_row(
        "SELECT COUNT(*) FROM photos WHERE complaint_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    c.execute(
        "UPDATE complaints SET contact_name = NULL, contact_phone = NULL, contact_email = NULL,
             personal_erased_at = ?2, erased_on_request = ?3
         WHERE id = ?1",
        params![id, now.to_rfc3339(), i64::from(by == Eraser::Citizen)],
    )?;
    c.execute("DELETE FROM photos WHERE complaint_id = ?1", [id])?;
    audit(
        c,
        now,
        AuditEntry {
            actor: match by {
                Eraser::Schedule => Actor::System,
                Eraser::Citizen => Actor::Citizen,
            },
            action: match by {
                Eraser::Schedule => "personal_data_erased",
                Eraser::Citizen => "citizen_erased_data",
            },
            complaint: Some(id),
            citizen_visible: false,
            before: None,
            after: Some(json!({ "contact": had_contact, "photos": photos })),
            text: None,
        },
    )?;
    Ok(Erased {
        complaint: id.to_owned(),
        photo_files,
    })
}

/// Removes what people wrote in the complaints closed more than `after_days` days before `now`
/// (the description, the rating's comment, and every text beside the audit log: replies,
/// questions, notes, the citizen's messages, reasons), for a deployment whose policy is not to
/// keep them: the complaints redacted. The audit records stay, saying who did what and when.
pub fn redact_due(
    c: &Conn,
    now: DateTime<Utc>,
    after_days: i64,
) -> Result<Vec<String>, ServiceError> {
    let cutoff = (now - Duration::days(after_days)).to_rfc3339();
    let due: Vec<String> = c.query_map(
        &format!(
            "SELECT id FROM complaints
             WHERE status IN ('resolved', 'rejected') AND closed_at < ?1 AND texts_redacted_at IS NULL
             ORDER BY closed_at LIMIT {BATCH}"
        ),
        [cutoff],
        |r| r.get(0),
    )?;
    for id in &due {
        let texts = c.execute(
            "DELETE FROM audit_texts
             WHERE event_id IN (SELECT id FROM audit_log WHERE complaint_id = ?1)",
            [id.as_str()],
        )?;
        c.execute(
            "UPDATE complaints SET description = '', rating_comment = NULL, texts_redacted_at = ?2
             WHERE id = ?1",
            params![id, now.to_rfc3339()],
        )?;
        audit(
            c,
            now,
            AuditEntry {
                actor: Actor::System,
                action: "texts_redacted",
                complaint: Some(id),
                citizen_visible: false,
                before: None,
                after: Some(json!({ "texts": texts })),
                text: None,
            },
        )?;
    }
    Ok(due)
}
