//! The mail queue: emails to citizens about their complaints and to institutions about theirs.
//! A message is queued in the same transaction as the change it tells of, so a change that
//! happened is told and one undone is not; sending happens later, outside every request
//! (`crate::mailer`). A queued message names only what it tells of (the complaint, the audit
//! record, the institution) and is written out when it is sent ([`letters`]), so the queue
//! holds no address and no text, and an erased address is never used.
//!
//! A server claims a message for a while before sending it, so two servers never send the same
//! one, and one that dies mid-send leaves it to be claimed again once the claim runs out. A
//! message the mail server refused for now waits longer after each try; one refused for good,
//! or still refused after [`MAX_ATTEMPTS`], is recorded as failed. Finished messages are
//! deleted after [`KEEP_DONE_DAYS`].

pub mod letters;
pub mod stop;

use chrono::{DateTime, Duration, Utc};

use crate::db::{Conn, Params, Value};
use crate::params;
use crate::services::ServiceError;

/// Tries before a message the mail server keeps refusing is given up as failed (about a day
/// and a half of waiting, with [`retry_delay`]).
pub const MAX_ATTEMPTS: i64 = 12;

/// Days a sent, failed or dropped message stays in the queue, for the operators to look at.
pub const KEEP_DONE_DAYS: i64 = 30;

/// How long a server holds a message it claimed before another may take it.
pub const CLAIM_SECONDS: i64 = 300;

/// What a queued message tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A citizen hears of a step in their complaint's life.
    CitizenUpdate,
    /// An institution hears of a complaint that reached it.
    InstitutionNew,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::CitizenUpdate => "citizen_update",
            Kind::InstitutionNew => "institution_new",
        }
    }

    fn parse(text: &str) -> Option<Kind> {
        [Kind::CitizenUpdate, Kind::InstitutionNew]
            .into_iter()
            .find(|kind| kind.as_str() == text)
    }
}

/// The steps of a complaint's life its author is told of by email: what the institution (or
/// the escalation) did, not what the citizen did themselves, and not a step that changes
/// nothing for them (work started).
pub const TOLD_TO_CITIZENS: [&str; 7] = [
    "submitted",
    "acknowledged",
    "replied",
    "resolved",
    "rejected",
    "transferred",
    "escalated",
];

/// The steps that bring a complaint to an institution, which it may ask to hear of.
const NEW_AT_INSTITUTION: [&str; 2] = ["submitted", "transferred"];

/// Queues what audit record `event` (action `action` on complaint `complaint`, written at
/// `at`) should tell: its author, if they left an email address and did not stop the emails;
/// and the institution it now lies with, if it asked for each new complaint. Run it in the
/// transaction that wrote the record.
pub fn queue_for_event(
    tx: &Conn,
    at: DateTime<Utc>,
    event: i64,
    action: &str,
    complaint: &str,
) -> Result<(), ServiceError> {
    let at = at.to_rfc3339();
    if TOLD_TO_CITIZENS.contains(&action) {
        tx.execute(
            CITIZEN_SQL,
            params![Kind::CitizenUpdate.as_str(), event, at, complaint],
        )?;
    }
    if NEW_AT_INSTITUTION.contains(&action) {
        tx.execute(
            INSTITUTION_SQL,
            params![Kind::InstitutionNew.as_str(), event, at, complaint],
        )?;
    }
    Ok(())
}

const CITIZEN_SQL: &str =
    "INSERT INTO mail_queue (kind, complaint_id, event_id, created_at, next_attempt_at)
     SELECT ?1, c.id, ?2, ?3, ?3 FROM complaints c
     WHERE c.id = ?4 AND c.contact_email IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM mail_stops s WHERE s.complaint_id = c.id)";

const INSTITUTION_SQL: &str = "INSERT INTO mail_queue (kind, complaint_id, event_id, institution_id, created_at, next_attempt_at)
     SELECT ?1, c.id, ?2, i.id, ?3, ?3 FROM complaints c JOIN institutions i ON i.id = c.institution_id
     WHERE c.id = ?4 AND i.notify_email IS NOT NULL AND i.notify_each_new = 1";

/// The statements that queue what a complaint's filing tells, to run right after its insert
/// and its first audit record and with them (`Conn::execute_together`): they queue nothing if
/// the insert did not store the complaint (its id was taken).
pub fn filed_statements(
    at: DateTime<Utc>,
    id: &str,
    tracking_code: &str,
) -> [(&'static str, Vec<Value>); 2] {
    let at = at.to_rfc3339();
    let sql = |kind: Kind| -> (&'static str, Vec<Value>) {
        let sql = match kind {
            Kind::CitizenUpdate => FILED_CITIZEN_SQL,
            Kind::InstitutionNew => FILED_INSTITUTION_SQL,
        };
        (
            sql,
            params![kind.as_str(), at, id, tracking_code].into_values(),
        )
    };
    [sql(Kind::CitizenUpdate), sql(Kind::InstitutionNew)]
}

const FILED_CITIZEN_SQL: &str =
    "INSERT INTO mail_queue (kind, complaint_id, event_id, created_at, next_attempt_at)
     SELECT CAST(?1 AS TEXT), c.id, a.id, CAST(?2 AS TEXT), CAST(?2 AS TEXT)
     FROM complaints c JOIN audit_log a ON a.complaint_id = c.id AND a.action = 'submitted'
     WHERE c.id = ?3 AND c.tracking_code = ?4 AND c.contact_email IS NOT NULL";

const FILED_INSTITUTION_SQL: &str = "INSERT INTO mail_queue (kind, complaint_id, event_id, institution_id, created_at, next_attempt_at)
     SELECT CAST(?1 AS TEXT), c.id, a.id, i.id, CAST(?2 AS TEXT), CAST(?2 AS TEXT)
     FROM complaints c JOIN audit_log a ON a.complaint_id = c.id AND a.action = 'submitted'
       JOIN institutions i ON i.id = c.institution_id
     WHERE c.id = ?3 AND c.tracking_code = ?4 AND i.notify_email IS NOT NULL AND i.notify_each_new = 1";

/// A message a server has claimed, to write out and send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimed {
    pub id: i64,
    pub kind: Kind,
    pub complaint: Option<String>,
    pub event: Option<i64>,
    pub institution: Option<String>,
    /// Tries before this one.
    pub attempts: i64,
}

/// Claims up to `limit` messages due at `now` for `holder`, oldest first: each is this
/// server's to send until the claim runs out. A message another server holds is left alone.
pub fn claim_due(
    c: &Conn,
    holder: &str,
    now: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<Claimed>, ServiceError> {
    let now_text = now.to_rfc3339();
    let candidates: Vec<i64> = c.query_map(
        "SELECT id FROM mail_queue
         WHERE outcome IS NULL AND next_attempt_at <= ?1
           AND (claimed_until IS NULL OR claimed_until <= ?1)
         ORDER BY next_attempt_at, id LIMIT ?2",
        params![now_text, limit],
        |r| r.get(0),
    )?;
    let until = (now + Duration::seconds(CLAIM_SECONDS)).to_rfc3339();
    let mut claimed = Vec::with_capacity(candidates.len());
    for id in candidates {
        // The claim is taken only if nobody took it since the look above.
        let rows = c.query_map(
            "UPDATE mail_queue SET claimed_by = ?1, claimed_until = ?2
             WHERE id = ?3 AND outcome IS NULL AND (claimed_until IS NULL OR claimed_until <= ?4)
             RETURNING id, kind, complaint_id, event_id, institution_id, attempts",
            params![holder, until, id, now_text],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )?;
        for (id, kind, complaint, event, institution, attempts) in rows {
            let Some(kind) = Kind::parse(&kind) else {
                settle(c, id, holder, Outcome::Dropped("unknown kind".into()), now)?;
                continue;
            };
            claimed.push(Claimed {
                id,
                kind,
                complaint,
                event,
                institution,
                attempts,
            });
        }
    }
    Ok(claimed)
}

/// How a try at sending a message ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The mail server took it.
    Sent,
    /// Refused for now (the server is down, busy, or said 4xx): tried again later.
    Refused(String),
    /// Refused for good (5xx): never tried again.
    Failed(String),
    /// Not sent, and never to be (the address was removed, the emails were stopped, the mail
    /// server is not configured).
    Dropped(String),
}

/// How long a message waits after its `attempts`-th refusal: one minute, doubling each time,
/// at most three hours.
pub fn retry_delay(attempts: i64) -> Duration {
    let doublings = attempts.clamp(1, 9) - 1;
    Duration::minutes((1i64 << doublings).min(180))
}

/// Records how the try at message `id` by `holder` ended, at `now`. Answers whether the record
/// was this server's to write (its claim still held).
pub fn settle(
    c: &Conn,
    id: i64,
    holder: &str,
    outcome: Outcome,
    now: DateTime<Utc>,
) -> Result<bool, ServiceError> {
    let at = now.to_rfc3339();
    let changed = match outcome {
        Outcome::Sent => c.execute(
            "UPDATE mail_queue SET outcome = 'sent', done_at = ?1, attempts = attempts + 1,
                 claimed_by = NULL, claimed_until = NULL
             WHERE id = ?2 AND claimed_by = ?3 AND outcome IS NULL",
            params![at, id, holder],
        )?,
        Outcome::Refused(error) => {
            let attempts: Option<i64> = c
                .query_map(
                    "SELECT attempts FROM mail_queue WHERE id = ?1 AND claimed_by = ?2 AND outcome IS NULL",
                    params![id, holder],
                    |r| r.get(0),
                )?
                .pop();
            let Some(before) = attempts else {
                return Ok(false);
            };
            let tries = before + 1;
            if tries >= MAX_ATTEMPTS {
                return settle(c, id, holder, Outcome::Failed(error), now);
            }
            c.execute(
                "UPDATE mail_queue SET attempts = ?1, next_attempt_at = ?2, last_error = ?3,
                     claimed_by = NULL, claimed_until = NULL
                 WHERE id = ?4 AND claimed_by = ?5 AND outcome IS NULL",
                params![
                    tries,
                    (now + retry_delay(tries)).to_rfc3339(),
                    short(&error),
                    id,
                    holder
                ],
            )?
        }
        Outcome::Failed(error) => finish(c, id, holder, "failed", &at, &error)?,
        Outcome::Dropped(reason) => finish(c, id, holder, "dropped", &at, &reason)?,
    };
    Ok(changed == 1)
}

/// Records message `id` as done with `outcome`, for `reason`.
fn finish(
    c: &Conn,
    id: i64,
    holder: &str,
    outcome: &str,
    at: &str,
    reason: &str,
) -> Result<usize, ServiceError> {
    Ok(c.execute(
        "UPDATE mail_queue SET outcome = ?1, done_at = ?2, attempts = attempts + 1,
             last_error = ?3, claimed_by = NULL, claimed_until = NULL
         WHERE id = ?4 AND claimed_by = ?5 AND outcome IS NULL",
        params![outcome, at, short(reason), id, holder],
    )?)
}

/// At most 500 characters of what a mail server said.
fn short(error: &str) -> String {
    error.chars().take(500).collect()
}

/// Deletes finished messages older than [`KEEP_DONE_DAYS`]; how many.
pub fn forget_done(c: &Conn, now: DateTime<Utc>) -> Result<usize, ServiceError> {
    Ok(c.execute(
        "DELETE FROM mail_queue WHERE outcome IS NOT NULL AND done_at < ?1",
        params![(now - Duration::days(KEEP_DONE_DAYS)).to_rfc3339()],
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_from_a_minute_up_to_three_hours() {
        let minutes: Vec<i64> = (1..=MAX_ATTEMPTS)
            .map(|n| retry_delay(n).num_minutes())
            .collect();
        assert_eq!(minutes, [1, 2, 4, 8, 16, 32, 64, 128, 180, 180, 180, 180]);
    }
}
