//! Push wake-ups for the phones. A device registers its provider's token (bound to its device
//! secret's hash, so only that device changes it) and can remove it. A step in a complaint's
//! life that its author is told of queues one wake-up for each of the author's tokens, in the
//! transaction of the change; at most one waits per token, so a burst of changes wakes a phone
//! once. The wake-up says only that something changed: the phone then refreshes through the
//! API. A token the provider reports as gone is forgotten with what waits for it.

use chrono::{DateTime, Duration, Utc};
use protocol::api::push::{PushPlatform, PushTokenRequest};

use super::ServiceError;
use super::mail::queue::TOLD_TO_CITIZENS;
use super::queues::{self, Queue};
use crate::db::Conn;
use crate::params;

/// Keeps `request`'s token for the device whose secret hashes to `device` (one that has filed a
/// complaint), in place of the one it gave before for that provider. A token another device held moves to this one (the
/// provider gave it to this installation now).
pub fn register(
    c: &Conn,
    device: &str,
    request: &PushTokenRequest,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    if !request.token_is_valid() {
        return Err(ServiceError::bad_request("invalid_push_token"));
    }
    let tx = c.savepoint()?;
    // Wake-ups are for complaints: a device with none has nothing to be woken for, and a
    // flood of made-up devices cannot fill the table.
    let has_complaints: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM complaints WHERE device_hash = ?1)",
        [device],
        |r| r.get(0),
    )?;
    if !has_complaints {
        return Err(ServiceError::Conflict {
            code: "no_complaints_yet",
        });
    }
    let platform = request.platform.as_str();
    let stale: Vec<i64> = tx.query_map(
        "SELECT id FROM push_tokens WHERE (device_hash = ?1 AND platform = ?2) OR (platform = ?2 AND token = ?3)",
        params![device, platform, request.token],
        |r| r.get(0),
    )?;
    for id in stale {
        forget(&tx, id)?;
    }
    tx.execute(
        "INSERT INTO push_tokens (device_hash, platform, token, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![device, platform, request.token, now.to_rfc3339()],
    )?;
    tx.commit()?;
    Ok(())
}

/// Removes every push token of the device whose secret hashes to `device`: how many.
pub fn remove(c: &Conn, device: &str) -> Result<usize, ServiceError> {
    let tx = c.savepoint()?;
    let ids: Vec<i64> = tx.query_map(
        "SELECT id FROM push_tokens WHERE device_hash = ?1",
        [device],
        |r| r.get(0),
    )?;
    for id in &ids {
        forget(&tx, *id)?;
    }
    tx.commit()?;
    Ok(ids.len())
}

/// Forgets token `id` and every wake-up queued for it.
pub fn forget(c: &Conn, id: i64) -> Result<(), ServiceError> {
    c.execute("DELETE FROM push_queue WHERE token_id = ?1", [id])?;
    c.execute("DELETE FROM push_tokens WHERE id = ?1", [id])?;
    Ok(())
}

/// Queues a wake-up for each of the author's devices if `action` on `complaint` is a step they
/// are told of; none while one waits already. Run it in the transaction of the change.
pub fn queue_for_event(
    tx: &Conn,
    at: DateTime<Utc>,
    action: &str,
    complaint: &str,
) -> Result<(), ServiceError> {
    if action == "submitted" || !TOLD_TO_CITIZENS.contains(&action) {
        return Ok(());
    }
    let at = at.to_rfc3339();
    tx.execute(
        "INSERT INTO push_queue (token_id, created_at, next_attempt_at)
         SELECT t.id, ?1, ?1 FROM complaints c JOIN push_tokens t ON t.device_hash = c.device_hash
         WHERE c.id = ?2
         ON CONFLICT (token_id) WHERE outcome IS NULL DO NOTHING",
        params![at, complaint],
    )?;
    Ok(())
}

/// A wake-up a server has claimed, to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wakeup {
    pub id: i64,
    pub token_id: i64,
    pub platform: PushPlatform,
    pub token: String,
}

/// Claims up to `limit` wake-ups due at `now` for `holder` (`services::queues`).
pub fn claim_due(
    c: &Conn,
    holder: &str,
    now: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<Wakeup>, ServiceError> {
    let mut claimed = Vec::new();
    for id in queues::claim(c, Queue::Push, holder, now, limit)? {
        let rows = c.query_map(
            "SELECT q.token_id, t.platform, t.token FROM push_queue q JOIN push_tokens t ON t.id = q.token_id
             WHERE q.id = ?1",
            [id],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)),
        )?;
        for (token_id, platform, token) in rows {
            let platform = match platform.as_str() {
                "fcm" => PushPlatform::Fcm,
                "apns" => PushPlatform::Apns,
                _ => {
                    forget(c, token_id)?;
                    continue;
                }
            };
            claimed.push(Wakeup {
                id,
                token_id,
                platform,
                token,
            });
        }
    }
    Ok(claimed)
}

/// How a try at a wake-up ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// The provider took it.
    Sent,
    /// The provider says the token is no longer valid: the token is forgotten.
    Gone,
    /// Refused for now (unreachable, busy, credentials refused): tried again later.
    Refused(String),
    /// Refused for good, or no credentials for its provider: not tried again.
    Failed(String),
}

/// Records how wake-up `wakeup` by `holder` ended, at `now`.
pub fn settle(
    c: &Conn,
    wakeup: &Wakeup,
    holder: &str,
    delivery: Delivery,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let (push, id) = (Queue::Push, wakeup.id);
    match delivery {
        Delivery::Sent => {
            queues::finish(c, push, id, holder, "sent", None, now)?;
        }
        Delivery::Gone => forget(c, wakeup.token_id)?,
        Delivery::Refused(error) => {
            queues::defer(c, push, id, holder, &error, now)?;
        }
        Delivery::Failed(error) => {
            queues::finish(c, push, id, holder, "failed", Some(&error), now)?;
        }
    }
    Ok(())
}

/// Deletes finished wake-ups older than a day; how many.
pub fn forget_done(c: &Conn, now: DateTime<Utc>) -> Result<usize, ServiceError> {
    queues::forget_done(c, Queue::Push, now - Duration::days(1))
}
