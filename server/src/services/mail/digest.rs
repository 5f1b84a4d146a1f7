//! The daily digest: each morning, at a set Kosovo time, an institution's notification address
//! (if it asked) and each staff member who asked hear of the institution's last 24 hours: the
//! complaints that reached it, those past a deadline now (the longest overdue named), those
//! escalated for want of an answer, and, for a supervising body, those escalated to it. It
//! goes through the mail queue like every email, once a day each: a unique index holds one
//! digest per reader and day, however often the job runs and on however many servers.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use protocol::time::{kosovo_date, kosovo_time};

use crate::db::Conn;
use crate::params;
use crate::services::ServiceError;
use crate::services::inbox::overdue_condition;

/// The scheduled job's name on its lease.
pub const JOB: &str = "mail_digest";

/// Overdue complaints a digest names, the longest overdue first.
const NAMED: i64 = 5;

/// Queues today's digests if it is `at` or later in Kosovo: how many were new.
pub fn queue_due(c: &Conn, now: DateTime<Utc>, at: NaiveTime) -> Result<usize, ServiceError> {
    if kosovo_time(now).time() < at {
        return Ok(0);
    }
    let day = kosovo_date(now).to_string();
    let now = now.to_rfc3339();
    let institutions = c.execute(
        "INSERT INTO mail_queue (kind, institution_id, day, created_at, next_attempt_at)
         SELECT 'institution_digest', id, ?1, ?2, ?2 FROM institutions
         WHERE active = 1 AND notify_email IS NOT NULL AND notify_digest = 1
         ON CONFLICT (institution_id, day) WHERE kind = 'institution_digest' DO NOTHING",
        params![day, now],
    )?;
    let staff = c.execute(
        "INSERT INTO mail_queue (kind, institution_id, staff_id, day, created_at, next_attempt_at)
         SELECT 'staff_digest', institution_id, id, ?1, ?2, ?2 FROM staff
         WHERE active = 1 AND institution_id IS NOT NULL AND email IS NOT NULL AND notify_digest = 1
         ON CONFLICT (staff_id, day) WHERE kind = 'staff_digest' DO NOTHING",
        params![day, now],
    )?;
    Ok(institutions + staff)
}

/// An institution's 24 hours, up to `until`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    /// Complaints that reached it (filed, or transferred to it).
    pub new: i64,
    /// Its open complaints past a deadline now.
    pub overdue: i64,
    /// The longest overdue of them: id and tracking code.
    pub longest_overdue: Vec<(String, String)>,
    /// Its complaints escalated for want of an answer.
    pub escalated: i64,
    /// Complaints of the institutions it supervises escalated to it.
    pub escalated_here: i64,
}

impl Day {
    /// Whether there is anything to tell.
    pub fn is_quiet(&self) -> bool {
        self.new == 0 && self.overdue == 0 && self.escalated == 0 && self.escalated_here == 0
    }
}

/// What happened at `institution` in the 24 hours before `until`, and what is overdue then.
pub fn day_of(c: &Conn, institution: &str, until: DateTime<Utc>) -> Result<Day, ServiceError> {
    let from = (until - Duration::hours(24)).to_rfc3339();
    let to = until.to_rfc3339();
    let count = |sql: &str| -> Result<i64, ServiceError> {
        Ok(c.query_row(sql, params![institution, from, to], |r| r.get(0))?)
    };
    let new = count(
        "SELECT COUNT(*) FROM complaints WHERE institution_id = ?1 AND routed_at >= ?2 AND routed_at < ?3",
    )?;
    let escalated = count(
        "SELECT COUNT(*) FROM complaints WHERE institution_id = ?1 AND escalated_at >= ?2 AND escalated_at < ?3",
    )?;
    let escalated_here = count(
        "SELECT COUNT(*) FROM complaints WHERE escalated_to = ?1 AND escalated_at >= ?2 AND escalated_at < ?3",
    )?;
    let overdue_sql = overdue_condition(&kosovo_date(until).to_string());
    let overdue: i64 = c.query_row(
        &format!("SELECT COUNT(*) FROM complaints c WHERE c.institution_id = ?1 AND {overdue_sql}"),
        [institution],
        |r| r.get(0),
    )?;
    let longest_overdue = c.query_map(
        &format!(
            "SELECT c.id, c.tracking_code FROM complaints c WHERE c.institution_id = ?1 AND {overdue_sql}
             ORDER BY c.answer_due, c.submitted_at LIMIT ?2"
        ),
        params![institution, NAMED],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(Day {
        new,
        overdue,
        longest_overdue,
        escalated,
        escalated_here,
    })
}
