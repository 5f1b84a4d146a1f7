//! Stopping a complaint's emails from a link in one of them, without logging in. The link
//! carries the complaint's tracking code and a token only this server's key makes (an HMAC of
//! the complaint's id), so nobody can stop another person's emails by guessing; the key lives
//! in the database, so every server makes and checks the same links.

use chrono::{DateTime, Utc};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::auth::{decode_hex, hex, random_bytes};
use crate::db::{Conn, OptionalExtension};
use crate::params;
use crate::services::ServiceError;
use crate::services::audit::{Actor, AuditEntry, audit};

/// The setting that holds the key the links are signed with.
const KEY_SETTING: &str = "mail_link_key";

/// Hex digits of the token in a link (128 bits).
const TOKEN_CHARS: usize = 32;

/// The key links are signed with, made on first use.
pub fn link_key(c: &Conn) -> Result<String, ServiceError> {
    c.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
        params![KEY_SETTING, hex(&random_bytes::<32>()?)],
    )?;
    Ok(c.query_row(
        "SELECT value FROM settings WHERE key = ?1",
        [KEY_SETTING],
        |r| r.get(0),
    )?)
}

fn mac(key: &str, complaint: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).expect("HMAC takes any key");
    mac.update(b"stop-emails:");
    mac.update(complaint.as_bytes());
    mac
}

/// The token in the links that stop complaint `complaint`'s emails.
pub fn token(key: &str, complaint: &str) -> String {
    let tag = mac(key, complaint).finalize().into_bytes();
    hex(&tag)[..TOKEN_CHARS].to_owned()
}

/// The complaint a link names, if its token is right.
pub struct Linked {
    pub complaint: String,
    pub tracking_code: String,
    pub language: String,
    /// Whether its emails were stopped already.
    pub stopped: bool,
}

/// The complaint with tracking code `code`, if `token` is the one its links carry. A wrong
/// code and a wrong token look the same.
pub fn check(c: &Conn, code: &str, token: &str) -> Result<Option<Linked>, ServiceError> {
    let Some(key) = c
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [KEY_SETTING],
            |r| r.get::<_, String>(0),
        )
        .optional()?
    else {
        return Ok(None);
    };
    let Some(tag) = decode_hex(token).filter(|tag| tag.len() * 2 == TOKEN_CHARS) else {
        return Ok(None);
    };
    let found = c
        .query_row(
            "SELECT c.id, c.tracking_code, c.language,
                    EXISTS (SELECT 1 FROM mail_stops s WHERE s.complaint_id = c.id)
             FROM complaints c WHERE c.tracking_code = ?1",
            [code.trim().to_ascii_uppercase()],
            |r| {
                Ok(Linked {
                    complaint: r.get(0)?,
                    tracking_code: r.get(1)?,
                    language: r.get(2)?,
                    stopped: r.get(3)?,
                })
            },
        )
        .optional()?;
    Ok(found.filter(|linked| {
        mac(&key, &linked.complaint)
            .verify_truncated_left(&tag)
            .is_ok()
    }))
}

/// Stops the emails about the complaint `code` and `token` name, at `now`: nothing more is
/// queued for its author, and what waits is dropped. Doing it again changes nothing. `None`
/// if the link is not right.
pub fn stop(
    c: &Conn,
    code: &str,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<Linked>, ServiceError> {
    let tx = c.savepoint()?;
    let Some(mut linked) = check(&tx, code, token)? else {
        return Ok(None);
    };
    if !linked.stopped {
        tx.execute(
            "INSERT INTO mail_stops (complaint_id, at) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            params![linked.complaint, now.to_rfc3339()],
        )?;
        tx.execute(
            "UPDATE mail_queue SET outcome = 'dropped', done_at = ?1, last_error = 'emails stopped'
             WHERE complaint_id = ?2 AND kind = 'citizen_update' AND outcome IS NULL",
            params![now.to_rfc3339(), linked.complaint],
        )?;
        audit(
            &tx,
            now,
            AuditEntry {
                actor: Actor::Citizen,
                action: "emails_stopped",
                complaint: Some(&linked.complaint),
                citizen_visible: false,
                before: None,
                after: None,
                text: None,
            },
        )?;
        linked.stopped = true;
    }
    tx.commit()?;
    Ok(Some(linked))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_belongs_to_one_complaint_and_one_key() {
        let one = token("key one", "complaint-a");
        assert_eq!(one.len(), TOKEN_CHARS);
        assert_eq!(one, token("key one", "complaint-a"));
        assert_ne!(one, token("key one", "complaint-b"));
        assert_ne!(one, token("key two", "complaint-a"));
        assert_eq!(decode_hex("0aFf"), Some(vec![0x0a, 0xff]));
        assert_eq!(decode_hex("0g"), None);
        assert_eq!(decode_hex("abc"), None);
    }
}
