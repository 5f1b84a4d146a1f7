//! What a staff member does with their own account: change their password (proving the current
//! one; each attempt counted against the login limits, so a stolen session cannot guess it), and
//! see their open sessions and end any of them. Changing the password ends every other session
//! of the account; the one that changed it stays open.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::json;

use super::ServiceError;
use super::audit::audit_admin;
use crate::auth::sessions::LoginGate;
use crate::auth::{StaffMember, sha256_hex, strength};
use crate::db::{Db, OptionalExtension};
use crate::params;

/// One open session of a staff member, as they see it.
#[derive(Debug, Clone, Serialize)]
pub struct OpenSession {
    /// Names the session to end it (a prefix of its token's hash: nothing to log in with).
    pub handle: String,
    /// The browser or program that opened it, as it said.
    pub client: Option<String>,
    pub started_at: String,
    pub expires_at: String,
    /// The session asking.
    pub this_one: bool,
}

const HANDLE_CHARS: usize = 16;

/// The open sessions of `staff`, the newest first; `token` is the session asking.
pub async fn sessions(
    db: &Db,
    staff: &StaffMember,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Vec<OpenSession>, ServiceError> {
    let (id, asking) = (staff.id, sha256_hex(token.as_bytes()));
    db.read(move |c| {
        Ok(c.query_map(
            "SELECT token_hash, client, created_at, expires_at FROM sessions
             WHERE staff_id = ?1 AND expires_at > ?2 ORDER BY created_at DESC",
            params![id, now.to_rfc3339()],
            |r| {
                let hash: String = r.get(0)?;
                Ok(OpenSession {
                    handle: hash.chars().take(HANDLE_CHARS).collect(),
                    this_one: hash == asking,
                    client: r.get(1)?,
                    started_at: r.get(2)?,
                    expires_at: r.get(3)?,
                })
            },
        )?)
    })
    .await
}

/// Ends the session of `staff` that `handle` names; not found if it names none of theirs.
pub async fn end_session(db: &Db, staff: &StaffMember, handle: &str) -> Result<(), ServiceError> {
    if handle.len() != HANDLE_CHARS || !handle.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ServiceError::NotFound);
    }
    let (id, prefix) = (staff.id, handle.to_ascii_lowercase());
    db.call(move |c| {
        let ended = c.execute(
            "DELETE FROM sessions WHERE staff_id = ?1 AND substr(token_hash, 1, 16) = ?2",
            params![id, prefix],
        )?;
        if ended == 0 {
            return Err(ServiceError::NotFound);
        }
        Ok(())
    })
    .await
}

/// Ends every session of `staff` but `token`'s: how many ended.
pub async fn end_other_sessions(
    db: &Db,
    staff: &StaffMember,
    token: &str,
) -> Result<usize, ServiceError> {
    let (id, keep) = (staff.id, sha256_hex(token.as_bytes()));
    db.call(move |c| {
        Ok(c.execute(
            "DELETE FROM sessions WHERE staff_id = ?1 AND token_hash <> ?2",
            params![id, keep],
        )?)
    })
    .await
}

/// Changes the password of `staff` from `current` to `new`, from the session `token`, which
/// stays open while every other ends.
pub async fn change_password(
    gate: &LoginGate<'_>,
    staff: &StaffMember,
    token: &str,
    current: String,
    new: String,
) -> Result<(), ServiceError> {
    let attempt_key = format!("{}\nown password", staff.username);
    gate.limits
        .login_attempts
        .hit(&attempt_key)
        .map_err(ServiceError::rate_limited)?;
    let id = staff.id;
    let found = gate
        .db
        .read(move |c| -> Result<_, ServiceError> {
            Ok(c.query_row(
                "SELECT password_hash, display_name FROM staff WHERE id = ?1 AND active = 1",
                [id],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
            )
            .optional()?)
        })
        .await?;
    let (hash, name) = found.ok_or(ServiceError::Unauthorized)?;
    if !gate.passwords.verify(hash, current).await? {
        return Err(ServiceError::BadRequest {
            code: "wrong_password",
            detail: None,
        });
    }
    gate.limits.login_attempts.refund(&attempt_key);
    if let Some(refused) = strength::refusal(&new, &staff.username, &name) {
        return Err(ServiceError::BadRequest {
            code: refused,
            detail: None,
        });
    }
    let hash = gate.passwords.hash(new).await?;
    let (staff, keep) = (staff.clone(), sha256_hex(token.as_bytes()));
    gate.db
        .call(move |c| {
            let tx = c.savepoint()?;
            tx.execute(
                "UPDATE staff SET password_hash = ?1 WHERE id = ?2",
                params![hash, staff.id],
            )?;
            let ended = tx.execute(
                "DELETE FROM sessions WHERE staff_id = ?1 AND token_hash <> ?2",
                params![staff.id, keep],
            )?;
            audit_admin(
                &tx,
                &staff,
                "password_changed",
                None,
                Some(json!({ "id": staff.id, "sessions_ended": ended })),
            )?;
            tx.commit()?;
            Ok(())
        })
        .await
}
