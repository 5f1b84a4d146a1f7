//! What the outgoing queues (emails, push wake-ups) share: claiming what is due, and recording
//! how a try went. A server claims a row for a while before sending it, by an update that holds
//! only if nobody claimed it since it looked, so two servers never send the same row; one that
//! dies mid-send leaves it to be claimed again once the claim runs out. A row refused for now
//! waits longer after each try; one refused for good, or still refused after [`MAX_ATTEMPTS`],
//! is done with as failed. A record is written only while its server's claim holds.

use chrono::{DateTime, Duration, Utc};

use crate::db::Conn;
use crate::params;
use crate::services::ServiceError;

/// How long a server holds a row it claimed before another may take it.
pub const CLAIM_SECONDS: i64 = 300;

/// Tries before a row that keeps being refused is given up as failed (about a day and a half
/// of waiting, with [`retry_delay`]).
pub const MAX_ATTEMPTS: i64 = 12;

/// How long a row waits after its `attempts`-th refusal: one minute, doubling each time, at
/// most three hours.
pub fn retry_delay(attempts: i64) -> Duration {
    let doublings = attempts.clamp(1, 9) - 1;
    Duration::minutes((1i64 << doublings).min(180))
}

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

/// The condition that the row is still `holder`'s claim (parameters `?2` id, `?3` holder).
const STILL_MINE: &str = "WHERE id = ?2 AND claimed_by = ?3 AND outcome IS NULL";

/// Records row `id` of `queue`, claimed by `holder`, as done at `now` with `outcome`
/// (`sent`, `failed`, `dropped`) and what was said. Answers whether the claim still held.
pub fn finish(
    c: &Conn,
    queue: Queue,
    id: i64,
    holder: &str,
    outcome: &str,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<bool, ServiceError> {
    let table = queue.table();
    let changed = c.execute(
        &format!(
            "UPDATE {table} SET outcome = ?4, done_at = ?1, attempts = attempts + 1, last_error = ?5,
                 claimed_by = NULL, claimed_until = NULL {STILL_MINE}"
        ),
        params![now.to_rfc3339(), id, holder, outcome, reason.map(short)],
    )?;
    Ok(changed == 1)
}

/// Records that row `id` of `queue` was refused for now: tried again after its wait, or failed
/// if that was its last try. Answers whether the claim still held.
pub fn defer(
    c: &Conn,
    queue: Queue,
    id: i64,
    holder: &str,
    error: &str,
    now: DateTime<Utc>,
) -> Result<bool, ServiceError> {
    let table = queue.table();
    let tries: Option<i64> = c
        .query_map(
            &format!("SELECT attempts + 1 FROM {table} WHERE id = ?1 AND claimed_by = ?2 AND outcome IS NULL"),
            params![id, holder],
            |r| r.get(0),
        )?
        .pop();
    match tries {
        None => Ok(false),
        Some(tries) if tries >= MAX_ATTEMPTS => {
            finish(c, queue, id, holder, "failed", Some(error), now)
        }
        Some(tries) => {
            let changed = c.execute(
                &format!(
                    "UPDATE {table} SET next_attempt_at = ?1, attempts = ?4, last_error = ?5,
                         claimed_by = NULL, claimed_until = NULL {STILL_MINE}"
                ),
                params![
                    (now + retry_delay(tries)).to_rfc3339(),
                    id,
                    holder,
                    tries,
                    short(error)
                ],
            )?;
            Ok(changed == 1)
        }
    }
}

/// Deletes `queue`'s finished rows done before `before`; how many.
pub fn forget_done(c: &Conn, queue: Queue, before: DateTime<Utc>) -> Result<usize, ServiceError> {
    Ok(c.execute(
        &format!(
            "DELETE FROM {} WHERE outcome IS NOT NULL AND done_at < ?1",
            queue.table()
        ),
        params![before.to_rfc3339()],
    )?)
}

/// At most 500 characters of what a server said.
fn short(error: &str) -> String {
    error.chars().take(500).collect()
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
