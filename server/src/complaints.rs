//! Complaints in the database: filing one (idempotently), what its author sees, and the audit
//! trail every step writes. Staff actions and their allowed transitions are in [`crate::workflow`].

use chrono::{DateTime, NaiveDate, Utc};
use protocol::api::{
    ComplaintReceipt, ComplaintRecord, InstitutionRef, LocalizedText, NewComplaint, Rating, Status,
    TimelineEntry, TimelineKind, limits,
};
use protocol::domain::{self, Description, InputError};
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::json;
use uuid::Uuid;

use crate::auth::{random_bytes, sha256_hex};
use crate::calendar::kosovo_date;
use crate::db::CachedQuery;
use crate::error::ApiError;
use crate::locate::Locator;
use crate::routing;

pub fn status_str(status: Status) -> &'static str {
    match status {
        Status::Submitted => "submitted",
        Status::Received => "received",
        Status::InProgress => "in_progress",
        Status::Resolved => "resolved",
        Status::Rejected => "rejected",
        Status::Transferred => "transferred",
        Status::Reopened => "reopened",
    }
}

pub fn parse_status(s: &str) -> Option<Status> {
    Some(match s {
        "submitted" => Status::Submitted,
        "received" => Status::Received,
        "in_progress" => Status::InProgress,
        "resolved" => Status::Resolved,
        "rejected" => Status::Rejected,
        "transferred" => Status::Transferred,
        "reopened" => Status::Reopened,
        _ => return None,
    })
}

/// Letters and digits nobody confuses when reading a code out on the phone (no 0/O, 1/I/L).
const TRACKING_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// A tracking code such as `ZR-K7M3PX`: 31^6, close to a billion codes.
pub fn new_tracking_code() -> Result<String, ApiError> {
    let bytes = random_bytes::<6>()?;
    let code: String = bytes
        .iter()
        .map(|b| TRACKING_ALPHABET[usize::from(*b) % TRACKING_ALPHABET.len()] as char)
        .collect();
    Ok(format!("ZR-{code}"))
}

/// Who did something.
#[derive(Debug, Clone, Copy)]
pub enum Actor {
    Citizen,
    Staff(i64),
    System,
}

/// One append-only audit record.
pub struct AuditEntry<'a> {
    pub actor: Actor,
    pub action: &'a str,
    pub complaint: Option<&'a str>,
    pub citizen_visible: bool,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub text: Option<&'a str>,
}

/// Writes an audit record; for a complaint, also moves its change cursor.
pub fn audit(tx: &Connection, at: DateTime<Utc>, entry: AuditEntry<'_>) -> Result<i64, ApiError> {
    let (kind, id) = match entry.actor {
        Actor::Citizen => ("citizen", None),
        Actor::Staff(id) => ("staff", Some(id)),
        Actor::System => ("system", None),
    };
    tx.cached_execute(
        "INSERT INTO audit_log (at, actor_kind, actor_id, action, complaint_id, citizen_visible, before, after, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            at.to_rfc3339(),
            kind,
            id,
            entry.action,
            entry.complaint,
            entry.citizen_visible,
            entry.before.map(|v| v.to_string()),
            entry.after.map(|v| v.to_string()),
            entry.text
        ],
    )?;
    let event_id = tx.last_insert_rowid();
    if let Some(complaint) = entry.complaint {
        tx.cached_execute(
            "UPDATE complaints SET last_event_id = ?1 WHERE id = ?2",
            params![event_id, complaint],
        )?;
    }
    Ok(event_id)
}

/// The deadlines of a complaint that reached its institution at `at`.
pub fn deadlines(
    tx: &Connection,
    category: &str,
    at: DateTime<Utc>,
) -> Result<(NaiveDate, NaiveDate), ApiError> {
    let (ack, answer): (u32, u32) = tx
        .cached_row(
            "SELECT ack_working_days, answer_working_days FROM categories WHERE id = ?1",
            [category],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or(ApiError::Input(InputError::CategoryUnknown))?;
    let day = kosovo_date(at);
    let calendar = crate::calendar::load_for(tx, day, ack.max(answer))?;
    Ok((
        calendar.add_working_days(day, ack),
        calendar.add_working_days(day, answer),
    ))
}

/// What a new complaint becomes once checked: every field valid and the location resolved.
pub struct Checked {
    description: String,
    name: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    campaign: Option<String>,
}

/// Checks every field of a new complaint that needs no database: done before the complaint
/// counts against any limit or reaches the writer.
pub fn check(request: &NewComplaint) -> Result<Checked, ApiError> {
    let description = Description::parse(&request.description)?.into_inner();
    let campaign = match request.campaign.as_deref() {
        None => None,
        Some(code) => Some(
            protocol::api::campaign_code(code).ok_or(ApiError::BadRequest {
                code: "invalid_campaign",
                detail: None,
            })?,
        ),
    };
    if usize::from(request.photo_count) > limits::MAX_PHOTOS {
        return Err(InputError::TooManyPhotos.into());
    }
    let (name, phone, email) = match &request.contact {
        None => (None, None, None),
        Some(contact) => {
            let name = domain::parse_name(contact.name.as_deref().unwrap_or_default())?;
            let phone = domain::parse_phone(contact.phone.as_deref().unwrap_or_default())?;
            let email = domain::parse_email(contact.email.as_deref().unwrap_or_default())?;
            if phone.is_none() && email.is_none() {
                return Err(InputError::ContactMissing.into());
            }
            (name, phone, email)
        }
    };
    Ok(Checked {
        description,
        name,
        phone,
        email,
        campaign,
    })
}

/// The citizen reopens a closed complaint: back to its institution with fresh deadlines, as if
/// it had just arrived. `request_id` is the phone's, so a retried reopen is recorded once.
pub fn reopen(
    c: &mut Connection,
    id: &str,
    status: Status,
    reason: &str,
    request_id: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let tx = c.savepoint()?;
    let category: String = tx.query_row(
        "SELECT category_id FROM complaints WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    let (ack_due, answer_due) = deadlines(&tx, &category, now)?;
    tx.cached_execute(
        "UPDATE complaints SET status = 'reopened', closed_at = NULL, routed_at = ?1, ack_due = ?2,
            answer_due = ?3, acknowledged_at = NULL, acknowledged_on_time = NULL WHERE id = ?4",
        params![
            now.to_rfc3339(),
            ack_due.to_string(),
            answer_due.to_string(),
            id
        ],
    )?;
    tx.cached_execute(
        "INSERT INTO reopen_requests (request_id, complaint_id) VALUES (?1, ?2)",
        params![request_id, id],
    )?;
    audit(
        &tx,
        now,
        AuditEntry {
            actor: Actor::Citizen,
            action: "reopened",
            complaint: Some(id),
            citizen_visible: true,
            before: Some(serde_json::json!({ "status": status_str(status) })),
            after: Some(serde_json::json!({ "status": status_str(Status::Reopened) })),
            text: Some(reason),
        },
    )?;
    tx.commit()?;
    Ok(())
}

/// Files a complaint, or returns the receipt it already has: the id is the idempotency key.
/// `admit` is asked only about a complaint that is new (a rate limit, say: a retry must always
/// get its receipt). Returns the receipt and whether it was created now.
/// The receipt of complaint `id` if this device already filed this very complaint (a retry);
/// a conflict if the id was used for another one. Works on a reading connection.
pub fn already_filed(
    connection: &Connection,
    id: &str,
    device_hash: &str,
    request_hash: &str,
) -> Result<Option<ComplaintReceipt>, ApiError> {
    let existing: Option<(String, String)> = connection
        .cached_row(
            "SELECT device_hash, request_hash FROM complaints WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match existing {
        None => Ok(None),
        Some((device, hash)) if device == device_hash && hash == request_hash => {
            Ok(Some(receipt(connection, id)?))
        }
        Some(_) => Err(ApiError::Conflict { code: "id_reused" }),
    }
}

pub fn file(
    connection: &mut Connection,
    locator: &Locator,
    device_hash: &str,
    request: &NewComplaint,
    request_hash: &str,
    now: DateTime<Utc>,
) -> Result<(ComplaintReceipt, bool), ApiError> {
    let id = request.id.to_string();
    if let Some(receipt) = already_filed(connection, &id, device_hash, request_hash)? {
        return Ok((receipt, false));
    }
    let checked = check(request)?;
    let (municipality, point) = routing::municipality_of(connection, locator, &request.location)?;
    let (institution, explanation) = routing::route(connection, &request.category, &municipality)?;

    let tx = connection.savepoint()?;
    let (ack_due, answer_due) = deadlines(&tx, &request.category, now)?;
    let language = match request.language {
        protocol::api::ApiLanguage::Sq => "sq",
        protocol::api::ApiLanguage::Sr => "sr",
        protocol::api::ApiLanguage::En => "en",
    };
    let mut tracking_code = new_tracking_code()?;
    for _ in 0..5 {
        let taken: bool = tx.cached_row(
            "SELECT EXISTS(SELECT 1 FROM complaints WHERE tracking_code = ?1)",
            [&tracking_code],
            |r| r.get(0),
        )?;
        if !taken {
            break;
        }
        tracking_code = new_tracking_code()?;
    }
    tx.cached_execute(
        "INSERT INTO complaints (id, tracking_code, device_hash, request_hash, category_id, description, lat, lon,
            municipality_id, contact_name, contact_phone, contact_email, language, campaign, photo_count,
            institution_id, explanation_sq, explanation_sr, explanation_en, status, submitted_at, routed_at,
            ack_due, answer_due)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
            'submitted', ?20, ?20, ?21, ?22)",
        params![
            id,
            tracking_code,
            device_hash,
            request_hash,
            request.category,
            checked.description,
            point.map(|p| p.0),
            point.map(|p| p.1),
            municipality,
            checked.name,
            checked.phone,
            checked.email,
            language,
            checked.campaign,
            request.photo_count,
            institution,
            explanation.sq,
            explanation.sr,
            explanation.en,
            now.to_rfc3339(),
            ack_due.to_string(),
            answer_due.to_string(),
        ],
    )?;
    audit(
        &tx,
        now,
        AuditEntry {
            actor: Actor::Citizen,
            action: "submitted",
            complaint: Some(&id),
            citizen_visible: true,
            before: None,
            after: Some(json!({ "status": "submitted", "institution_id": institution })),
            text: None,
        },
    )?;
    tx.commit()?;
    Ok((
        ComplaintReceipt {
            id: request.id,
            tracking_code,
            status: Status::Submitted,
            institution: institution_ref(connection, &institution)?,
            explanation,
            due_date: answer_due,
            submitted_at: now,
        },
        true,
    ))
}

fn institution_ref(connection: &Connection, id: &str) -> Result<InstitutionRef, ApiError> {
    connection
        .cached_row(
            "SELECT id, name_sq, name_sr, name_en FROM institutions WHERE id = ?1",
            [id],
            |r| {
                Ok(InstitutionRef {
                    id: r.get(0)?,
                    name: LocalizedText {
                        sq: r.get(1)?,
                        sr: r.get(2)?,
                        en: r.get(3)?,
                    },
                })
            },
        )
        .optional()?
        .ok_or_else(|| ApiError::Internal(format!("institution {id} is missing")))
}

fn parse_time(s: &str) -> Result<DateTime<Utc>, ApiError> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| ApiError::Internal(format!("bad time {s:?}: {e}")))
}

fn parse_date(s: &str) -> Result<NaiveDate, ApiError> {
    s.parse()
        .map_err(|e| ApiError::Internal(format!("bad date {s:?}: {e}")))
}

pub fn receipt(connection: &Connection, id: &str) -> Result<ComplaintReceipt, ApiError> {
    let record = citizen_record(connection, id)?.ok_or(ApiError::NotFound)?;
    Ok(ComplaintReceipt {
        id: record.id,
        tracking_code: record.tracking_code,
        status: record.status,
        institution: record.institution,
        explanation: record.explanation,
        due_date: record.due_date,
        submitted_at: record.submitted_at,
    })
}

/// A complaint as its author sees it: no internal notes, no staff names.
pub fn citizen_record(
    connection: &Connection,
    id: &str,
) -> Result<Option<ComplaintRecord>, ApiError> {
    let row = connection
        .cached_row(
            "SELECT id, tracking_code, category_id, status, institution_id, explanation_sq, explanation_sr,
                explanation_en, answer_due, submitted_at, closed_at, rating_stars, rating_comment
             FROM complaints WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    LocalizedText { sq: r.get(5)?, sr: r.get(6)?, en: r.get(7)? },
                    r.get::<_, String>(8)?,
                    r.get::<_, String>(9)?,
                    r.get::<_, Option<String>>(10)?,
                    r.get::<_, Option<u8>>(11)?,
                    r.get::<_, Option<String>>(12)?,
                ))
            },
        )
        .optional()?;
    let Some((
        id,
        tracking_code,
        category,
        status,
        institution,
        explanation,
        due,
        submitted,
        closed,
        stars,
        comment,
    )) = row
    else {
        return Ok(None);
    };
    let timeline = timeline(connection, &id)?;
    let updated_at = timeline
        .last()
        .map(|e| e.at)
        .unwrap_or(parse_time(&submitted)?);
    Ok(Some(ComplaintRecord {
        id: Uuid::parse_str(&id).map_err(|e| ApiError::Internal(e.to_string()))?,
        tracking_code,
        category,
        status: parse_status(&status)
            .ok_or_else(|| ApiError::Internal(format!("status {status}")))?,
        institution: institution_ref(connection, &institution)?,
        explanation,
        due_date: parse_date(&due)?,
        submitted_at: parse_time(&submitted)?,
        updated_at,
        resolved_at: closed.as_deref().map(parse_time).transpose()?,
        rating: stars.map(|stars| Rating { stars, comment }),
        timeline,
    }))
}

fn timeline(connection: &Connection, id: &str) -> Result<Vec<TimelineEntry>, ApiError> {
    let mut statement = connection.prepare_cached(
        "SELECT at, action, after, text FROM audit_log WHERE complaint_id = ?1 AND citizen_visible = 1 ORDER BY id",
    )?;
    let rows = statement
        .query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut entries = Vec::new();
    let mut status = Status::Submitted;
    for (at, action, after, text) in rows {
        let after: serde_json::Value = after
            .as_deref()
            .and_then(|a| serde_json::from_str(a).ok())
            .unwrap_or_default();
        if let Some(s) = after["status"].as_str().and_then(parse_status) {
            status = s;
        }
        let kind = match action.as_str() {
            "submitted" => TimelineKind::Submitted,
            "replied" => TimelineKind::Reply,
            "transferred" => TimelineKind::Transferred,
            "rated" => TimelineKind::Rated,
            "reopened" => TimelineKind::Reopened,
            _ => TimelineKind::StatusChanged,
        };
        let institution = match (kind, after["institution_id"].as_str()) {
            (TimelineKind::Transferred, Some(to)) => Some(institution_ref(connection, to)?),
            _ => None,
        };
        entries.push(TimelineEntry {
            at: parse_time(&at)?,
            kind,
            status,
            text,
            institution,
        });
    }
    Ok(entries)
}

/// The device's complaints that changed after event `since`, and the cursor to send next time.
pub fn changed_since(
    connection: &Connection,
    device_hash: &str,
    since: i64,
) -> Result<(Vec<ComplaintRecord>, i64), ApiError> {
    let mut statement = connection.prepare_cached(
        "SELECT id, last_event_id FROM complaints WHERE device_hash = ?1 AND last_event_id > ?2 ORDER BY last_event_id",
    )?;
    let rows = statement
        .query_map(params![device_hash, since], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let cursor = rows.iter().map(|(_, e)| *e).max().unwrap_or(since);
    let mut records = Vec::with_capacity(rows.len());
    for (id, _) in &rows {
        records.extend(citizen_record(connection, id)?);
    }
    Ok((records, cursor))
}

/// The request body's hash, to tell a genuine retry from a different complaint reusing an id.
pub fn request_hash(request: &NewComplaint) -> String {
    sha256_hex(
        serde_json::to_string(request)
            .unwrap_or_default()
            .as_bytes(),
    )
}

/// Loads a complaint owned by `device_hash`, or 404 (another device's complaint does not exist
/// as far as this one is concerned).
pub fn owned_status(
    connection: &Connection,
    id: &str,
    device_hash: &str,
) -> Result<(Status, Option<DateTime<Utc>>), ApiError> {
    let row: Option<(String, Option<String>)> = connection
        .cached_row(
            "SELECT status, closed_at FROM complaints WHERE id = ?1 AND device_hash = ?2",
            params![id, device_hash],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (status, closed) = row.ok_or(ApiError::NotFound)?;
    Ok((
        parse_status(&status).ok_or_else(|| ApiError::Internal(format!("status {status}")))?,
        closed.as_deref().map(parse_time).transpose()?,
    ))
}
