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
//! or still refused after [`queues::MAX_ATTEMPTS`], is recorded as failed. Finished messages are
//! deleted after [`KEEP_DONE_DAYS`].

pub mod digest;
pub mod letters;
pub mod preferences;
pub mod queue;
pub mod stop;

pub use queue::{filed_statements, queue_for_event};

use chrono::{DateTime, Duration, Utc};

use crate::db::Conn;
use crate::services::ServiceError;
use crate::services::queues::{self, Queue};

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
    /// The staff member handling a complaint (given it, or who asked the question) hears that
    /// its citizen wrote.
    StaffCitizenWrote,
}

impl Kind {
    const ALL: [Kind; 7] = [
        Kind::CitizenUpdate,
        Kind::InstitutionNew,
        Kind::InstitutionDigest,
        Kind::StaffNew,
        Kind::StaffAssigned,
        Kind::StaffDigest,
        Kind::StaffCitizenWrote,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::CitizenUpdate => "citizen_update",
            Kind::InstitutionNew => "institution_new",
            Kind::InstitutionDigest => "institution_digest",
            Kind::StaffNew => "staff_new",
            Kind::StaffAssigned => "staff_assigned",
            Kind::StaffDigest => "staff_digest",
            Kind::StaffCitizenWrote => "staff_citizen_wrote",
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

/// Records how the try at message `id` by `holder` ended, at `now`. Answers whether the record
/// was this server's to write (its claim still held).
pub fn settle(
    c: &Conn,
    id: i64,
    holder: &str,
    outcome: Outcome,
    now: DateTime<Utc>,
) -> Result<bool, ServiceError> {
    let mail = Queue::Mail;
    match outcome {
        Outcome::Sent => queues::finish(c, mail, id, holder, "sent", None, now),
        Outcome::Refused(error) => queues::defer(c, mail, id, holder, &error, now),
        Outcome::Failed(error) => queues::finish(c, mail, id, holder, "failed", Some(&error), now),
        Outcome::Dropped(why) => queues::finish(c, mail, id, holder, "dropped", Some(&why), now),
    }
}

/// Deletes finished messages older than [`KEEP_DONE_DAYS`]; how many.
pub fn forget_done(c: &Conn, now: DateTime<Utc>) -> Result<usize, ServiceError> {
    queues::forget_done(c, Queue::Mail, now - Duration::days(KEEP_DONE_DAYS))
}
