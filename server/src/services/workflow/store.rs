//! The SQL of staff actions on a complaint row: its state as an action finds it, the checks
//! against other tables an action needs (the institution it goes to, the colleague it is given
//! to), and each change. The citizen side of the same row is [`crate::services::complaints::store`].

use crate::db::{Conn, OptionalExtension};
use crate::params;
use chrono::{DateTime, NaiveDate, Utc};
use protocol::api::Status;

use crate::db::CachedQuery;
use crate::services::ServiceError;

/// A complaint as an action finds it.
pub struct Current {
    pub status: Status,
    pub institution: String,
    pub category: String,
    pub assigned_to: Option<i64>,
    pub acknowledged: bool,
    pub responded: bool,
}

pub fn current(c: &Conn, id: &str) -> Result<Option<Current>, ServiceError> {
    Ok(c.cached_row(
        "SELECT status, institution_id, category_id, assigned_to, acknowledged_at IS NOT NULL,
            first_response_at IS NOT NULL
         FROM complaints WHERE id = ?1",
        [id],
        |r| {
            Ok(Current {
                status: r.get::<_, String>(0)?.parse().unwrap_or(Status::Submitted),
                institution: r.get(1)?,
                category: r.get(2)?,
                assigned_to: r.get(3)?,
                acknowledged: r.get(4)?,
                responded: r.get(5)?,
            })
        },
    )
    .optional()?)
}

/// Whether institution `id` exists and is active (`None` if it does not exist).
pub fn institution_active(c: &Conn, id: &str) -> Result<Option<bool>, ServiceError> {
    Ok(
        c.cached_row("SELECT active FROM institutions WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?,
    )
}

/// The institution of active staff member `id`, if there is one.
pub fn institution_of_staff(c: &Conn, id: i64) -> Result<Option<String>, ServiceError> {
    Ok(c.cached_row(
        "SELECT institution_id FROM staff WHERE id = ?1 AND active = 1",
        [id],
        |r| r.get(0),
    )
    .optional()?
    .flatten())
}

/// To `institution` at `at`, with its deadlines restarted and nobody assigned.
pub fn transfer(
    c: &Conn,
    id: &str,
    institution: &str,
    at: &str,
    (ack_due, answer_due): (NaiveDate, NaiveDate),
) -> Result<(), ServiceError> {
    c.cached_execute(
        "UPDATE complaints SET institution_id = ?1, status = 'transferred', routed_at = ?2, ack_due = ?3,
            answer_due = ?4, acknowledged_at = NULL, acknowledged_on_time = NULL, assigned_to = NULL,
            transfers = transfers + 1 WHERE id = ?5",
        params![institution, at, ack_due.to_string(), answer_due.to_string(), id],
    )?;
    Ok(())
}

pub fn assign(c: &Conn, id: &str, staff_id: Option<i64>) -> Result<(), ServiceError> {
    c.cached_execute(
        "UPDATE complaints SET assigned_to = ?1 WHERE id = ?2",
        params![staff_id, id],
    )?;
    Ok(())
}

pub fn set_status(c: &Conn, id: &str, status: Status) -> Result<(), ServiceError> {
    c.cached_execute(
        "UPDATE complaints SET status = ?1 WHERE id = ?2",
        params![status.as_str(), id],
    )?;
    Ok(())
}

/// Acknowledged at `at`, on time if `today` (Kosovo date) is not past the deadline.
pub fn acknowledge(c: &Conn, id: &str, at: &str, today: NaiveDate) -> Result<(), ServiceError> {
    c.cached_execute(
        "UPDATE complaints SET acknowledged_at = ?1,
            acknowledged_on_time = CASE WHEN ?3 <= ack_due THEN 1 ELSE 0 END WHERE id = ?2",
        params![at, id, today.to_string()],
    )?;
    Ok(())
}

/// First responded to at `at`, with the hours since it was submitted less those it spent
/// waiting for the citizen's answer (an earlier wait, and the one still running, if any).
pub fn first_response(c: &Conn, id: &str, at: DateTime<Utc>) -> Result<(), ServiceError> {
    let (submitted, waited, waiting_since): (String, f64, Option<String>) = c.cached_row(
        "SELECT submitted_at, waited_hours, waiting_since FROM complaints WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let hours_since = |text: &str| {
        DateTime::parse_from_rfc3339(text)
            .map(|t| (at - t.with_timezone(&Utc)).num_seconds() as f64 / 3600.0)
            .map_err(|e| ServiceError::Internal(format!("a stored time: {e}")))
    };
    let waiting_now = waiting_since.as_deref().map(hours_since).transpose()?;
    let hours = hours_since(&submitted)? - waited - waiting_now.unwrap_or(0.0);
    c.cached_execute(
        "UPDATE complaints SET first_response_at = ?1, first_response_hours = ?2 WHERE id = ?3",
        params![at.to_rfc3339(), hours.max(0.0), id],
    )?;
    Ok(())
}

pub fn close(c: &Conn, id: &str, at: &str) -> Result<(), ServiceError> {
    c.cached_execute(
        "UPDATE complaints SET closed_at = ?1 WHERE id = ?2",
        params![at, id],
    )?;
    Ok(())
}

/// The tracking code and institution of complaint `id`, if it exists.
pub fn code_and_institution(c: &Conn, id: &str) -> Result<Option<(String, String)>, ServiceError> {
    Ok(c.query_row(
        "SELECT tracking_code, institution_id FROM complaints WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?)
}
