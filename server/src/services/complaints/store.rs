//! The SQL of a complaint from its author's side: its row in `complaints`, the reopen requests
//! already seen, and the category deadlines and holidays its dates come from. Filing, its
//! author's view, rating and reopening read and change the row only through here; staff actions
//! through [`crate::services::workflow::store`]. Together they are the boundary another engine
//! would implement.

use crate::db::{Conn, OptionalExtension, Params, Value};
use crate::params;
use chrono::{DateTime, NaiveDate, Utc};
use protocol::api::{LocalizedText, Status};

use crate::calendar::Calendar;
use crate::db::CachedQuery;
use crate::services::ServiceError;
use crate::services::names::localized;

/// A status as stored; a text that is no status is a broken row.
pub fn status(text: &str) -> Result<Status, ServiceError> {
    text.parse()
        .map_err(|_| ServiceError::Internal(format!("status {text}")))
}

pub fn parse_time(s: &str) -> Result<DateTime<Utc>, ServiceError> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| ServiceError::Internal(format!("bad time {s:?}: {e}")))
}

pub fn parse_date(s: &str) -> Result<NaiveDate, ServiceError> {
    s.parse()
        .map_err(|e| ServiceError::Internal(format!("bad date {s:?}: {e}")))
}

/// The working days a category gives to acknowledge and to answer, if it exists.
pub fn category_deadlines(c: &Conn, category: &str) -> Result<Option<(u32, u32)>, ServiceError> {
    Ok(c.cached_row(
        "SELECT ack_working_days, answer_working_days FROM categories WHERE id = ?1",
        [category],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?)
}

/// The working calendar from `from` for a deadline of up to `working_days`.
pub fn calendar(c: &Conn, from: NaiveDate, working_days: u32) -> Result<Calendar, ServiceError> {
    Ok(crate::calendar::load_for(c, from, working_days)?)
}

/// Who filed complaint `id` and the hash of what they sent, if it exists.
pub fn identity(c: &Conn, id: &str) -> Result<Option<(String, String)>, ServiceError> {
    Ok(c.cached_row(
        "SELECT device_hash, request_hash FROM complaints WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?)
}

/// A complaint as it is first stored.
pub struct NewRow<'a> {
    pub id: &'a str,
    pub tracking_code: &'a str,
    pub device_hash: &'a str,
    pub request_hash: &'a str,
    pub category: &'a str,
    pub description: &'a str,
    pub point: Option<(f64, f64)>,
    pub municipality: &'a str,
    pub contact_name: Option<&'a str>,
    pub contact_phone: Option<&'a str>,
    pub contact_email: Option<&'a str>,
    pub language: &'a str,
    pub campaign: Option<&'a str>,
    pub photo_count: u8,
    pub institution: &'a str,
    pub explanation: &'a LocalizedText,
    pub submitted_at: DateTime<Utc>,
    pub ack_due: NaiveDate,
    pub answer_due: NaiveDate,
}

/// The statement that stores a new complaint, submitted and routed at `submitted_at`; it
/// stores nothing if the complaint's id or its tracking code is taken.
pub fn insert(row: &NewRow<'_>) -> (&'static str, Vec<Value>) {
    (
        "INSERT INTO complaints (id, tracking_code, device_hash, request_hash, category_id, description, lat, lon,
            municipality_id, contact_name, contact_phone, contact_email, language, campaign, photo_count,
            institution_id, explanation_sq, explanation_sr, explanation_en, status, submitted_at, routed_at,
            ack_due, answer_due)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
            'submitted', ?20, ?20, ?21, ?22)
         ON CONFLICT DO NOTHING",
        params![
            row.id,
            row.tracking_code,
            row.device_hash,
            row.request_hash,
            row.category,
            row.description,
            row.point.map(|p| p.0),
            row.point.map(|p| p.1),
            row.municipality,
            row.contact_name,
            row.contact_phone,
            row.contact_email,
            row.language,
            row.campaign,
            row.photo_count,
            row.institution,
            row.explanation.sq,
            row.explanation.sr,
            row.explanation.en,
            row.submitted_at.to_rfc3339(),
            row.ack_due.to_string(),
            row.answer_due.to_string(),
        ]
        .into_values(),
    )
}

/// What a complaint's author may see of its row.
pub struct CitizenRow {
    pub id: String,
    pub tracking_code: String,
    pub category: String,
    pub status: String,
    pub institution: String,
    pub explanation: LocalizedText,
    pub answer_due: String,
    pub submitted_at: String,
    pub closed_at: Option<String>,
    pub rating_stars: Option<u8>,
    pub rating_comment: Option<String>,
    /// Whether the complaint still holds any contact detail.
    pub contact_held: bool,
}

pub fn citizen_row(c: &Conn, id: &str) -> Result<Option<CitizenRow>, ServiceError> {
    Ok(c.cached_row(
        "SELECT id, tracking_code, category_id, status, institution_id, explanation_sq, explanation_sr,
            explanation_en, answer_due, submitted_at, closed_at, rating_stars, rating_comment,
            CASE WHEN contact_name IS NULL AND contact_phone IS NULL AND contact_email IS NULL
                 THEN 0 ELSE 1 END
         FROM complaints WHERE id = ?1",
        [id],
        |r| {
            Ok(CitizenRow {
                id: r.get(0)?,
                tracking_code: r.get(1)?,
                category: r.get(2)?,
                status: r.get(3)?,
                institution: r.get(4)?,
                explanation: localized(r, 5)?,
                answer_due: r.get(8)?,
                submitted_at: r.get(9)?,
                closed_at: r.get(10)?,
                rating_stars: r.get(11)?,
                rating_comment: r.get(12)?,
                contact_held: r.get::<_, i64>(13)? == 1,
            })
        },
    )
    .optional()?)
}

/// The device's complaints changed after event `since`, with the event each last changed at,
/// in the order they changed.
pub fn changed_for_device(
    c: &Conn,
    device_hash: &str,
    since: i64,
) -> Result<Vec<(String, i64)>, ServiceError> {
    let mut statement = c.prepare_cached(
        "SELECT id, last_event_id FROM complaints WHERE device_hash = ?1 AND last_event_id > ?2 ORDER BY last_event_id",
    )?;
    let rows = statement
        .query_map(params![device_hash, since], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The status and closing time of complaint `id` if `device_hash` filed it.
pub fn owned_status(
    c: &Conn,
    id: &str,
    device_hash: &str,
) -> Result<Option<(String, Option<String>)>, ServiceError> {
    Ok(c.cached_row(
        "SELECT status, closed_at FROM complaints WHERE id = ?1 AND device_hash = ?2",
        params![id, device_hash],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?)
}

/// How many photos complaint `id` said would follow, if `device_hash` filed it.
pub fn photo_count(c: &Conn, id: &str, device_hash: &str) -> Result<Option<u8>, ServiceError> {
    Ok(c.query_row(
        "SELECT photo_count FROM complaints WHERE id = ?1 AND device_hash = ?2",
        params![id, device_hash],
        |r| r.get(0),
    )
    .optional()?)
}

pub fn set_rating(
    c: &Conn,
    id: &str,
    stars: u8,
    comment: Option<&str>,
) -> Result<(), ServiceError> {
    c.cached_execute(
        "UPDATE complaints SET rating_stars = ?1, rating_comment = ?2 WHERE id = ?3",
        params![stars, comment, id],
    )?;
    Ok(())
}

/// Whether reopen request `request_id` of complaint `id` was already carried out.
pub fn reopen_seen(c: &Conn, request_id: &str, id: &str) -> Result<bool, ServiceError> {
    Ok(c.query_row(
        "SELECT EXISTS(SELECT 1 FROM reopen_requests WHERE request_id = ?1 AND complaint_id = ?2)",
        params![request_id, id],
        |r| r.get(0),
    )?)
}

pub fn category_of(c: &Conn, id: &str) -> Result<String, ServiceError> {
    Ok(c.query_row(
        "SELECT category_id FROM complaints WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?)
}

/// Back to its institution as reopened at `now`, with fresh deadlines; records `request_id`.
pub fn reopen(
    c: &Conn,
    id: &str,
    request_id: &str,
    now: DateTime<Utc>,
    (ack_due, answer_due): (NaiveDate, NaiveDate),
) -> Result<(), ServiceError> {
    c.cached_execute(
        "UPDATE complaints SET status = 'reopened', closed_at = NULL, routed_at = ?1, ack_due = ?2,
            answer_due = ?3, acknowledged_at = NULL, acknowledged_on_time = NULL WHERE id = ?4",
        params![
            now.to_rfc3339(),
            ack_due.to_string(),
            answer_due.to_string(),
            id
        ],
    )?;
    c.cached_execute(
        "INSERT INTO reopen_requests (request_id, complaint_id) VALUES (?1, ?2)",
        params![request_id, id],
    )?;
    Ok(())
}
