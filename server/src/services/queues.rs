//! What the outgoing queues (emails, push wake-ups) share: claiming what is due. A server claims
//! a row for a while before sending it, by an update that holds only if nobody claimed it since
//! it looked, so two servers never send the same row; one that dies mid-send leaves it to be
//! claimed again once the claim runs out.

use chrono::{DateTime, Duration, Utc};

use crate::db::Conn;
use crate::params;
use crate::services::ServiceError;

/// How long a server holds a row it claimed before another may take it.
pub const CLAIM_SECONDS: i64 = 300;

/// An outgoing queue.
#[derive(Debug, Clone, Copy)]
pub enum Queue {
    Mail,
    Push,
}

impl Queue {
    fn table(self) -> &'static str {
        match self {
            Queue::Mail => "mail_queue",
            Queue::Push => "push_queue",
        }
    }
}

/// Claims up to `limit` of `queue`'s rows due at `now` for `holder`, oldest first: the ids this
/// server now holds.
pub fn claim(
    c: &Conn,
    queue: Queue,
    holder: &str,
    now: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<i64>, ServiceError> {
    let table = queue.table();
    let now_text = now.to_rfc3339();
    let candidates: Vec<i64> = c.query_map(
        &format!(
            "SELECT id FROM {table}
             WHERE outcome IS NULL AND next_attempt_at <= ?1
               AND (claimed_until IS NULL OR claimed_until <= ?1)
             ORDER BY next_attempt_at, id LIMIT ?2"
        ),
        params![now_text, limit],
        |r| r.get(0),
    )?;
    let until = (now + Duration::seconds(CLAIM_SECONDS)).to_rfc3339();
    let mut claimed = Vec::with_capacity(candidates.len());
    for id in candidates {
        let taken = c.execute(
            &format!(
                "UPDATE {table} SET claimed_by = ?1, claimed_until = ?2
                 WHERE id = ?3 AND outcome IS NULL AND (claimed_until IS NULL OR claimed_until <= ?4)"
            ),
            params![holder, until, id, now_text],
        )?;
        if taken == 1 {
            claimed.push(id);
        }
    }
    Ok(claimed)
}
