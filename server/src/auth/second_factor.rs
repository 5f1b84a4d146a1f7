//! The second factor of staff sign-in: time-based one-time codes (RFC 6238: HMAC-SHA-1, six
//! digits, 30-second steps, one step of clock drift either way) from an authenticator app, with
//! ten recovery codes for a lost phone.
//!
//! Setting it up: the staff member's account gets a fresh secret, shown as a QR code and as
//! text; it is kept as pending until a code from the app proves the app has it. Then the secret
//! is the account's, and ten recovery codes are made, shown once and kept only as SHA-256 hashes
//! (each is 50 random bits, so a hash cannot be reversed by trying). Signing in: after the
//! password, a code from the app (not one already accepted: the last accepted step is kept, so
//! a code seen over a shoulder cannot be used again) or an unused recovery code, which is then
//! spent. Managers and administrators must have one unless the deployment says otherwise
//! (`ZERI_REQUIRE_SECOND_FACTOR`); the demo and training sandboxes are exempt.

use chrono::{DateTime, Utc};
use totp_rs::{Algorithm, Secret, Totp};

use super::{Role, random_bytes, sha256_hex};
use crate::db::{Conn, OptionalExtension};
use crate::params;
use crate::services::ServiceError;

/// The name authenticator apps list the account under.
pub const ISSUER: &str = "Zeri";

/// How many recovery codes an account has after setting up, or asking for new ones.
pub const RECOVERY_CODES: usize = 10;

/// The letters of a recovery code: no 0/O or 1/I/L to confuse.
const RECOVERY_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// Whether `role` must have a second factor where the deployment requires one.
pub fn role_requires(role: Role) -> bool {
    matches!(role, Role::Manager | Role::Administrator)
}

fn totp(secret: &[u8], username: &str) -> Result<Totp, ServiceError> {
    totp_rs::Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(Secret::new(secret.to_vec().into_boxed_slice()))
        .with_issuer(Some(ISSUER))
        .with_account_name(username.replace(':', "_"))
        .build()
        .map_err(|e| ServiceError::Internal(format!("authenticator: {e}")))
}

fn decode(base32: &str) -> Result<Vec<u8>, ServiceError> {
    Secret::try_from_base32(base32)
        .map(|s| s.as_bytes().to_vec())
        .map_err(|e| ServiceError::Internal(format!("a stored secret: {e}")))
}

/// What setting up shows: the secret as text (in groups of four) and as an `otpauth://` link,
/// which the page draws as a QR code.
#[derive(Debug, Clone)]
pub struct Setup {
    pub secret: String,
    pub link: String,
}

/// The account's pending secret, made now if it has none.
pub fn begin(c: &Conn, staff_id: i64, username: &str) -> Result<Setup, ServiceError> {
    let pending: Option<String> = c
        .query_row(
            "SELECT totp_pending_secret FROM staff WHERE id = ?1",
            [staff_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(ServiceError::NotFound)?;
    let secret = match pending {
        Some(secret) => secret,
        None => {
            let secret = Secret::new_stack(random_bytes::<20>()?).to_base32();
            c.execute(
                "UPDATE staff SET totp_pending_secret = ?2 WHERE id = ?1",
                params![staff_id, secret],
            )?;
            secret
        }
    };
    let link = totp(&decode(&secret)?, username)?
        .to_url()
        .map_err(|e| ServiceError::Internal(format!("authenticator link: {e}")))?;
    let grouped = secret
        .as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(Setup {
        secret: grouped,
        link,
    })
}

/// The code without spaces or dashes, upper case.
fn normalized(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

fn seconds(now: DateTime<Utc>) -> u64 {
    u64::try_from(now.timestamp()).unwrap_or(0)
}

/// Confirms setting up with a code from the app: the pending secret becomes the account's, and
/// the new recovery codes are answered (to be shown once). A wrong code changes nothing.
pub fn confirm(
    c: &Conn,
    staff_id: i64,
    username: &str,
    code: &str,
    now: DateTime<Utc>,
) -> Result<Vec<String>, ServiceError> {
    let pending: Option<String> = c.query_row(
        "SELECT totp_pending_secret FROM staff WHERE id = ?1",
        [staff_id],
        |r| r.get(0),
    )?;
    let pending = pending.ok_or(ServiceError::Conflict {
        code: "second_factor_not_begun",
    })?;
    let code = normalized(code);
    if totp(&decode(&pending)?, username)?
        .check(&code, seconds(now))
        .is_none()
    {
        return Err(ServiceError::SecondFactor { code: "wrong_code" });
    }
    c.execute(
        "UPDATE staff SET totp_secret = totp_pending_secret, totp_pending_secret = NULL,
             totp_last_step = 0
         WHERE id = ?1",
        [staff_id],
    )?;
    new_recovery_codes(c, staff_id)
}

/// Replaces the account's recovery codes with new ones, answered to be shown once.
pub fn new_recovery_codes(c: &Conn, staff_id: i64) -> Result<Vec<String>, ServiceError> {
    c.execute("DELETE FROM recovery_codes WHERE staff_id = ?1", [staff_id])?;
    let mut codes = Vec::with_capacity(RECOVERY_CODES);
    for _ in 0..RECOVERY_CODES {
        let letters: String = random_bytes::<10>()?
            .iter()
            .map(|b| RECOVERY_ALPHABET[usize::from(*b) % RECOVERY_ALPHABET.len()] as char)
            .collect();
        c.execute(
            "INSERT INTO recovery_codes (staff_id, code_hash) VALUES (?1, ?2)",
            params![staff_id, sha256_hex(letters.as_bytes())],
        )?;
        codes.push(format!("{}-{}", &letters[..5], &letters[5..]));
    }
    Ok(codes)
}

/// Whether the account has a second factor.
pub fn enabled(c: &Conn, staff_id: i64) -> Result<bool, ServiceError> {
    Ok(c.exists(
        "SELECT 1 FROM staff WHERE id = ?1 AND totp_secret IS NOT NULL",
        [staff_id],
    )?)
}

/// How many of the account's recovery codes are left.
pub fn recovery_codes_left(c: &Conn, staff_id: i64) -> Result<i64, ServiceError> {
    Ok(c.query_row(
        "SELECT COUNT(*) FROM recovery_codes WHERE staff_id = ?1 AND used_at IS NULL",
        [staff_id],
        |r| r.get(0),
    )?)
}

/// Turns the second factor off (for an account that need not have one).
pub fn turn_off(c: &Conn, staff_id: i64) -> Result<(), ServiceError> {
    c.execute(
        "UPDATE staff SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = 0
         WHERE id = ?1",
        [staff_id],
    )?;
    c.execute("DELETE FROM recovery_codes WHERE staff_id = ?1", [staff_id])?;
    Ok(())
}

/// Checks a code given at sign-in: one from the app for a step after the last accepted (which
/// it then becomes), or an unused recovery code (which is then spent).
pub fn verify(
    c: &Conn,
    staff_id: i64,
    username: &str,
    code: &str,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let wrong = ServiceError::SecondFactor { code: "wrong_code" };
    let secret: Option<String> = c.query_row(
        "SELECT totp_secret FROM staff WHERE id = ?1",
        [staff_id],
        |r| r.get(0),
    )?;
    let secret = secret.ok_or(ServiceError::Conflict {
        code: "second_factor_not_begun",
    })?;
    let code = normalized(code);
    if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
        let step = totp(&decode(&secret)?, username)?
            .check(&code, seconds(now))
            .and_then(|step| i64::try_from(step).ok())
            .ok_or(wrong.clone())?;
        // Updated only if still later than the last: two sign-ins racing with one code get one.
        let taken = c.execute(
            "UPDATE staff SET totp_last_step = ?2 WHERE id = ?1 AND totp_last_step < ?2",
            params![staff_id, step],
        )?;
        return if taken == 1 { Ok(()) } else { Err(wrong) };
    }
    let spent = c.execute(
        "UPDATE recovery_codes SET used_at = ?3
         WHERE staff_id = ?1 AND code_hash = ?2 AND used_at IS NULL",
        params![staff_id, sha256_hex(code.as_bytes()), now.to_rfc3339()],
    )?;
    if spent == 1 { Ok(()) } else { Err(wrong) }
}
