//! Staff sessions: logging in with a username and password (counted against the login limits
//! before the password is checked) and, for an account with a second factor, a code
//! ([`super::second_factor`]), given with the password or after it against a short-lived login
//! challenge; the session token that follows (only its hash is stored), finding who a token
//! belongs to, and logging out. An account that must have a second factor and has none gets a
//! session that reaches only the page that sets one up.

use std::net::IpAddr;

use crate::db::OptionalExtension;
use crate::params;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::passwords::PasswordWork;
use super::{Role, StaffMember, hex, random_bytes, second_factor, sha256_hex};
use crate::clock::Clock;
use crate::db::Db;
use crate::ratelimit::{Limiters, address_key};
use crate::services::ServiceError;

#[derive(Deserialize, utoipa::ToSchema)]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
    /// For an account with a second factor: a code from the authenticator app, or a recovery
    /// code. Without it, such an account is answered `second_factor_required`.
    #[serde(default)]
    pub code: Option<String>,
}

/// Where a right password leads.
pub enum LoginStep {
    Done(LoginResponse),
    /// The account has a second factor and no code came: the login challenge to answer with
    /// one (`complete`), for a few minutes and a few tries.
    CodeNeeded {
        challenge: String,
    },
}

/// How long a login challenge lasts, and how many codes it takes.
const CHALLENGE_MINUTES: i64 = 5;
const CHALLENGE_TRIES: i64 = 5;

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
    /// Whether managers and administrators must have a second factor here.
    pub second_factor_required: bool,
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
) -> Result<LoginStep, ServiceError> {
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
    let now = gate.clock.now();
    let (id, name) = (staff.id, staff.username.clone());
    let has_second = gate.db.read(move |c| second_factor::enabled(c, id)).await?;
    if has_second {
        let Some(code) = request.code else {
            limits.login_attempts.refund(&attempt_key);
            limits.login_addresses.refund(&address_key);
            let challenge = open_challenge(gate.db, id, now).await?;
            return Ok(LoginStep::CodeNeeded { challenge });
        };
        // A wrong code keeps the attempt counted, and counts against the account's codes.
        let codes_key = code_attempts_key(id);
        limits
            .second_factor_codes
            .hit(&codes_key)
            .map_err(ServiceError::rate_limited)?;
        gate.db
            .call(move |c| second_factor::verify(c, id, &name, &code, now))
            .await?;
        limits.second_factor_codes.refund(&codes_key);
    }
    limits.login_attempts.refund(&attempt_key);
    limits.login_addresses.refund(&address_key);
    let must_enrol =
        !has_second && gate.second_factor_required && second_factor::role_requires(staff.role);
    let (token, expires_at) =
        open_as(gate.db, now, gate.lifetime, staff.id, client, must_enrol).await?;
    Ok(LoginStep::Done(LoginResponse {
        token,
        expires_at,
        staff,
    }))
}

/// The key of the codes tried at an account, from any address: after a few challenges' worth
/// of wrong ones the account takes no more codes for a while, however many were opened.
fn code_attempts_key(staff_id: i64) -> String {
    staff_id.to_string()
}

async fn open_challenge(
    db: &Db,
    staff_id: i64,
    now: DateTime<Utc>,
) -> Result<String, ServiceError> {
    let challenge = hex(&random_bytes::<32>()?);
    let hash = sha256_hex(challenge.as_bytes());
    let expires_at = (now + Duration::minutes(CHALLENGE_MINUTES)).to_rfc3339();
    db.call(move |c| -> Result<(), ServiceError> {
        c.execute(
            "DELETE FROM login_challenges WHERE expires_at < ?1",
            [now.to_rfc3339()],
        )?;
        c.execute(
            "INSERT INTO login_challenges (token_hash, staff_id, expires_at) VALUES (?1, ?2, ?3)",
            params![hash, staff_id, expires_at],
        )?;
        Ok(())
    })
    .await?;
    Ok(challenge)
}

/// Answers a login challenge with a code: a session if the code is right. Each try counts
/// against the address's login limit and the challenge's few tries.
pub async fn complete(
    gate: &LoginGate<'_>,
    address: IpAddr,
    client: Option<&str>,
    challenge: &str,
    code: &str,
) -> Result<LoginResponse, ServiceError> {
    let address_key = address_key(address);
    gate.limits
        .login_addresses
        .hit(&address_key)
        .map_err(ServiceError::rate_limited)?;
    let now = gate.clock.now();
    let hash = sha256_hex(challenge.as_bytes());
    let code = code.to_owned();
    let find = hash.clone();
    let staff = gate
        .db
        .read(move |c| -> Result<_, ServiceError> {
            Ok(c.query_row(
                "SELECT s.id, s.username, s.display_name, s.role, s.institution_id
                 FROM login_challenges l JOIN staff s ON s.id = l.staff_id
                 WHERE l.token_hash = ?1 AND l.expires_at > ?2 AND l.attempts < ?3 AND s.active = 1",
                params![find, now.to_rfc3339(), CHALLENGE_TRIES],
                |r| member_from(r, 0),
            )
            .optional()?)
        })
        .await?
        .ok_or(ServiceError::SecondFactor {
            code: "login_expired",
        })?;
    let codes_key = code_attempts_key(staff.id);
    gate.limits
        .second_factor_codes
        .hit(&codes_key)
        .map_err(ServiceError::rate_limited)?;
    let answered = gate
        .db
        .call(
            move |c| -> Result<Result<StaffMember, ServiceError>, ServiceError> {
                // Kept when the code is wrong: the job answers the refusal instead of failing.
                match second_factor::verify(c, staff.id, &staff.username, &code, now) {
                    Ok(()) => {
                        c.execute("DELETE FROM login_challenges WHERE token_hash = ?1", [hash])?;
                        Ok(Ok(staff))
                    }
                    Err(ServiceError::SecondFactor { code }) => {
                        c.execute(
                        "UPDATE login_challenges SET attempts = attempts + 1 WHERE token_hash = ?1",
                        [hash],
                    )?;
                        Ok(Err(ServiceError::SecondFactor { code }))
                    }
                    Err(other) => Err(other),
                }
            },
        )
        .await??;
    gate.limits.login_addresses.refund(&address_key);
    gate.limits.second_factor_codes.refund(&codes_key);
    let (token, expires_at) =
        open_as(gate.db, now, gate.lifetime, answered.id, client, false).await?;
    Ok(LoginResponse {
        token,
        expires_at,
        staff: answered,
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
    open_as(db, now, lifetime, staff_id, client, false).await
}

/// [`open`], for a session that may reach only the page setting up a second factor.
async fn open_as(
    db: &Db,
    now: DateTime<Utc>,
    lifetime: Duration,
    staff_id: i64,
    client: Option<&str>,
    must_enrol: bool,
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
            "INSERT INTO sessions (token_hash, staff_id, created_at, expires_at, client, must_enrol)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                token_hash,
                staff_id,
                now.to_rfc3339(),
                expires_at.to_rfc3339(),
                client,
                i64::from(must_enrol)
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

/// Whose live session `token` is, at `now`; [`ServiceError::Unauthorized`] if nobody's, and
/// `second_factor_enrolment_required` for a session that must set up a second factor first.
pub async fn member(db: &Db, token: &str, now: DateTime<Utc>) -> Result<StaffMember, ServiceError> {
    let (staff, must_enrol) = live(db, token, now).await?;
    if must_enrol {
        return Err(ServiceError::SecondFactor {
            code: "second_factor_enrolment_required",
        });
    }
    Ok(staff)
}

/// Whose live session `token` is, also one that must set up a second factor first.
pub async fn any_member(
    db: &Db,
    token: &str,
    now: DateTime<Utc>,
) -> Result<StaffMember, ServiceError> {
    Ok(live(db, token, now).await?.0)
}

async fn live(
    db: &Db,
    token: &str,
    now: DateTime<Utc>,
) -> Result<(StaffMember, bool), ServiceError> {
    let token_hash = sha256_hex(token.as_bytes());
    let now = now.to_rfc3339();
    db.read(move |c| {
        c.query_row(
            "SELECT s.id, s.username, s.display_name, s.role, s.institution_id, x.must_enrol
             FROM sessions x JOIN staff s ON s.id = x.staff_id
             WHERE x.token_hash = ?1 AND x.expires_at > ?2 AND s.active = 1",
            params![token_hash, now],
            |r| Ok((member_from(r, 0)?, r.get::<_, i64>(5)? == 1)),
        )
        .optional()?
        .ok_or(ServiceError::Unauthorized)
    })
    .await
}

/// The session `token` has set up its account's second factor: it reaches everything now.
pub fn enrolled(c: &crate::db::Conn, token: &str) -> Result<(), ServiceError> {
    c.execute(
        "UPDATE sessions SET must_enrol = 0 WHERE token_hash = ?1",
        [sha256_hex(token.as_bytes())],
    )?;
    Ok(())
}
