//! Staff sessions: logging in with a username and password (counted against the login limits
//! before the password is checked), the session token that follows (only its hash is stored),
//! finding who a token belongs to, and logging out.

use std::net::IpAddr;

use crate::db::OptionalExtension;
use crate::params;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::passwords::PasswordWork;
use super::{Role, StaffMember, hex, random_bytes, sha256_hex};
use crate::clock::Clock;
use crate::db::Db;
use crate::ratelimit::{Limiters, address_key};
use crate::services::ServiceError;

#[derive(Deserialize, utoipa::ToSchema)]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
}

#[derive(Debug, Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct LoginResponse {
    /// Send as `Authorization: Bearer <token>`.
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub staff: StaffMember,
}

/// What logging in needs besides the attempt itself.
pub struct LoginGate<'a> {
    pub db: &'a Db,
    pub clock: &'a Clock,
    pub passwords: &'a PasswordWork,
    pub limits: &'a Limiters,
    /// How long a session lasts.
    pub lifetime: Duration,
}

/// A hash to verify against when the username does not exist, so that a wrong username takes as
/// long as a wrong password and reveals nothing.
async fn decoy_hash(passwords: &PasswordWork) -> Result<String, ServiceError> {
    static DECOY: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    DECOY
        .get_or_try_init(|| passwords.hash("decoy password".to_owned()))
        .await
        .cloned()
}

/// The staff member of a row starting at `first`: id, username, display name, role, institution.
fn member_from(row: &crate::db::Row, first: usize) -> crate::db::Result<StaffMember> {
    Ok(StaffMember {
        id: row.get(first)?,
        username: row.get(first + 1)?,
        display_name: row.get(first + 2)?,
        role: Role::parse(&row.get::<_, String>(first + 3)?).unwrap_or(Role::Staff),
        institution_id: row.get(first + 4)?,
    })
}

/// Checks a username and password from `address` and opens a session.
///
/// Every attempt is counted before the password is checked, atomically, per account from this
/// address and per address: a guesser is stopped, but the account's owner, from another address,
/// still gets in. A right password gives its attempt back.
pub async fn log_in(
    gate: &LoginGate<'_>,
    address: IpAddr,
    client: Option<&str>,
    request: LoginRequest,
) -> Result<LoginResponse, ServiceError> {
    let username = request.username.trim().to_lowercase();
    let address_key = address_key(address);
    let attempt_key = format!("{username}\n{address_key}");
    let limits = gate.limits;
    limits
        .login_addresses
        .hit(&address_key)
        .map_err(ServiceError::rate_limited)?;
    if let Err(too_soon) = limits.login_attempts.hit(&attempt_key) {
        limits.login_addresses.refund(&address_key);
        return Err(ServiceError::rate_limited(too_soon));
    }
    let found = gate
        .db
        .read(move |c| -> Result<_, ServiceError> {
            Ok(c.query_row(
                "SELECT id, username, display_name, role, institution_id, password_hash FROM staff
                 WHERE username = ?1 AND active = 1",
                [username],
                |r| Ok((member_from(r, 0)?, r.get::<_, String>(5)?)),
            )
            .optional()?)
        })
        .await?;
    let (staff, hash) = match found {
        Some((staff, hash)) => (Some(staff), hash),
        None => (None, decoy_hash(gate.passwords).await?),
    };
    let verified = match gate.passwords.verify(hash, request.password).await {
        Ok(verified) => verified,
        Err(busy) => {
            // Turned away before any check: the attempt does not count.
            limits.login_attempts.refund(&attempt_key);
            limits.login_addresses.refund(&address_key);
            return Err(busy);
        }
    };
    let Some(staff) = staff.filter(|_| verified) else {
        return Err(ServiceError::InvalidCredentials);
    };
    limits.login_attempts.refund(&attempt_key);
    limits.login_addresses.refund(&address_key);
    let (token, expires_at) =
        open(gate.db, gate.clock.now(), gate.lifetime, staff.id, client).await?;
    Ok(LoginResponse {
        token,
        expires_at,
        staff,
    })
}

/// The longest a session's client (its User-Agent) is kept, in characters.
const CLIENT_MAX_CHARS: usize = 200;

/// Opens a session at `now` for a staff member who has proved who they are, from `client` (the
/// request's User-Agent); answers its token, which only the holder ever sees (the database keeps
/// its hash), and when it ends.
pub async fn open(
    db: &Db,
    now: DateTime<Utc>,
    lifetime: Duration,
    staff_id: i64,
    client: Option<&str>,
) -> Result<(String, DateTime<Utc>), ServiceError> {
    let token = hex(&random_bytes::<32>()?);
    let expires_at = now + lifetime;
    let token_hash = sha256_hex(token.as_bytes());
    let client: Option<String> = client.map(|c| {
        c.chars()
            .filter(|ch| !ch.is_control())
            .take(CLIENT_MAX_CHARS)
            .collect()
    });
    db.call(move |c| -> Result<(), ServiceError> {
        c.execute(
            "INSERT INTO sessions (token_hash, staff_id, created_at, expires_at, client)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                token_hash,
                staff_id,
                now.to_rfc3339(),
                expires_at.to_rfc3339(),
                client
            ],
        )?;
        c.execute(
            "DELETE FROM sessions WHERE expires_at < ?1",
            [now.to_rfc3339()],
        )?;
        Ok(())
    })
    .await?;
    Ok((token, expires_at))
}

/// Ends the session `token` belongs to.
pub async fn end(db: &Db, token: &str) -> Result<(), ServiceError> {
    let token_hash = sha256_hex(token.as_bytes());
    db.call(move |c| -> Result<(), ServiceError> {
        c.execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash])?;
        Ok(())
    })
    .await
}

/// Whose live session `token` is, at `now`; [`ServiceError::Unauthorized`] if nobody's.
pub async fn member(db: &Db, token: &str, now: DateTime<Utc>) -> Result<StaffMember, ServiceError> {
    let token_hash = sha256_hex(token.as_bytes());
    let now = now.to_rfc3339();
    db.read(move |c| {
        c.query_row(
            "SELECT s.id, s.username, s.display_name, s.role, s.institution_id
             FROM sessions x JOIN staff s ON s.id = x.staff_id
             WHERE x.token_hash = ?1 AND x.expires_at > ?2 AND s.active = 1",
            params![token_hash, now],
            |r| member_from(r, 0),
        )
        .optional()?
        .ok_or(ServiceError::Unauthorized)
    })
    .await
}
