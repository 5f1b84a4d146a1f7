//! The mail queue: emails to citizens about their complaints and to institutions about theirs.
//! A message is queued in the same transaction as the change it tells of, so a change that
//! happened is told and one undone is not; sending happens later, outside every request
//! (`crate::mailer`). A queued message names only what it tells of (the complaint, the audit
//! record, the institution) and is written out when it is sent ([`letters`]), so the queue
//! holds no address and no text, and an erased address is never used.
//!
//! A server claims a message for a while before sending it (`services::queues`), so two servers
//! never send the same one, and one that dies mid-send leaves it to be claimed again. A
//! message the mail server refused for now waits longer after each try; one refused for good,
//! or still refused after [`MAX_ATTEMPTS`], is recorded as failed. Finished messages are
//! deleted after [`KEEP_DONE_DAYS`].

pub mod digest;
pub mod letters;
pub mod preferences;
pub mod queue;
pub mod stop;

pub use queue::{filed_statements, queue_for_event};

use chrono::{DateTime, Duration, Utc};

use crate::db::Conn;
use crate::params;
use crate::services::ServiceError;
use crate::services::queues::{self, Queue};

/// Tries before a message the mail server keeps refusing is given up as failed (about a day
/// and a half of waiting, with [`retry_delay`]).
pub const MAX_ATTEMPTS: i64 = 12;

/// Days a sent, failed or dropped message stays in the queue, for the operators to look at.
pub const KEEP_DONE_DAYS: i64 = 30;

/// What a queued message tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A citizen hears of a step in their complaint's life.
    CitizenUpdate,
    /// An institution's notification address hears of a complaint that reached it.
    InstitutionNew,
    /// An institution's notification address hears of its day.
    InstitutionDigest,
    /// A staff member hears of a complaint that reached their institution.
    StaffNew,
    /// A staff member hears of a complaint given to them.
    StaffAssigned,
    /// A staff member hears of their institution's day.
    StaffDigest,
}

impl Kind {
    const ALL: [Kind; 6] = [
        Kind::CitizenUpdate,
        Kind::InstitutionNew,
        Kind::InstitutionDigest,
        Kind::StaffNew,
        Kind::StaffAssigned,
        Kind::StaffDigest,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::CitizenUpdate => "citizen_update",
            Kind::InstitutionNew => "institution_new",
            Kind::InstitutionDigest => "institution_digest",
            Kind::StaffNew => "staff_new",
            Kind::StaffAssigned => "staff_assigned",
            Kind::StaffDigest => "staff_digest",
        }
    }

    fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

/// A message a server has claimed, to write out and send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimed {
    pub id: i64,
    pub kind: Kind,
    pub complaint: Option<String>,
    pub event: Option<i64>,
    pub institution: Option<String>,
    pub staff: Option<i64>,
    /// A digest's Kosovo date.
    pub day: Option<String>,
    /// When it was queued (RFC 3339).
    pub created_at: String,
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
    let mut claimed = Vec::new();
    for id in queues::claim(c, Queue::Mail, holder, now, limit)? {
        let (kind, message) = c.query_row(
            "SELECT id, kind, complaint_id, event_id, institution_id, staff_id, day, created_at, attempts
             FROM mail_queue WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(1)?,
                    Claimed {
                        id: r.get(0)?,
                        kind: Kind::CitizenUpdate,
                        complaint: r.get(2)?,
                        event: r.get(3)?,
                        institution: r.get(4)?,
                        staff: r.get(5)?,
                        day: r.get(6)?,
                        created_at: r.get(7)?,
                        attempts: r.get(8)?,
                    },
                ))
            },
        )?;
        match Kind::parse(&kind) {
            Some(kind) => claimed.push(Claimed { kind, ..message }),
            None => {
                let dropped = Outcome::Dropped("unknown kind".into());
                settle(c, message.id, holder, dropped, now)?;
            }
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
