//! A complaint's PIN, and the passes of the web page that opens a complaint with its tracking
//! code and PIN (for the person a complaint was filed for, who does not hold the phone).
//!
//! The PIN is not stored: it is an HMAC of the complaint's id under a key that lives in the
//! database (made with the first complaint), so every server computes the same PIN, a retried
//! submission gets the same one, and nothing in a copy of the complaints table reveals it.
//! Once the code and PIN were right, the page's forms carry a pass instead of the PIN: an HMAC
//! of the complaint's id and the time it ends, so a pass opens that one complaint, for
//! [`PASS_MINUTES`], and cannot be made without the key.

use chrono::{DateTime, Utc};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::auth::{decode_hex, hex, random_bytes};
use crate::db::{CachedQuery, Conn, OptionalExtension, Params, Value};
use crate::params;
use crate::services::ServiceError;

/// The setting that holds the key PINs and passes are made with.
const KEY_SETTING: &str = "complaint_pin_key";

/// Digits of a PIN: a hundred million of them, against a guesser the page lets try a few
/// times a quarter of an hour.
pub const PIN_DIGITS: usize = 8;

/// How long a pass lasts.
pub const PASS_MINUTES: i64 = 30;

/// The statement that makes the key if there is none yet, to run with each new complaint.
pub fn make_key_statement() -> Result<(&'static str, Vec<Value>), ServiceError> {
    Ok((
        "INSERT INTO settings (key, value) VALUES (CAST(?1 AS TEXT), CAST(?2 AS TEXT))
         ON CONFLICT (key) DO NOTHING",
        params![KEY_SETTING, hex(&random_bytes::<32>()?)].into_values(),
    ))
}

/// The key, once the first complaint made it.
pub fn key(c: &Conn) -> Result<Option<String>, ServiceError> {
    Ok(c.cached_row(
        "SELECT value FROM settings WHERE key = ?1",
        [KEY_SETTING],
        |r| r.get::<_, String>(0),
    )
    .optional()?)
}

fn mac(key: &str, purpose: &[u8], complaint: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).expect("HMAC takes any key");
    mac.update(purpose);
    mac.update(complaint.as_bytes());
    mac
}

/// The PIN of complaint `complaint`: [`PIN_DIGITS`] digits.
pub fn pin_of(key: &str, complaint: &str) -> String {
    let tag = mac(key, b"complaint-pin:", complaint)
        .finalize()
        .into_bytes();
    let mut first = [0u8; 8];
    first.copy_from_slice(&tag[..8]);
    let number = u64::from_be_bytes(first) % 10u64.pow(PIN_DIGITS as u32);
    format!("{number:0width$}", width = PIN_DIGITS)
}

/// A PIN as a person may type it ("4821 0937", "4821-0937"): its digits, if there are
/// exactly [`PIN_DIGITS`] of them and nothing else but spaces and dashes.
pub fn typed_pin(typed: &str) -> Option<String> {
    let mut digits = String::with_capacity(PIN_DIGITS);
    for ch in typed.trim().chars() {
        match ch {
            '0'..='9' => digits.push(ch),
            ' ' | '-' => {}
            _ => return None,
        }
    }
    (digits.len() == PIN_DIGITS).then_some(digits)
}

/// The complaint with tracking code `code`, if `pin` is its PIN. A wrong code and a wrong PIN
/// look the same.
pub fn open(c: &Conn, code: &str, pin: &str) -> Result<Option<String>, ServiceError> {
    let (Some(key), Some(pin)) = (key(c)?, typed_pin(pin)) else {
        return Ok(None);
    };
    let found = complaint_with_code(c, code)?;
    Ok(found.filter(|id| {
        let right = pin_of(&key, id);
        // Compared whole, not digit by digit, so the time taken says nothing.
        mac(&key, b"compare:", &right).finalize().into_bytes()
            == mac(&key, b"compare:", &pin).finalize().into_bytes()
    }))
}

/// The id of the complaint with tracking code `code`, as typed.
fn complaint_with_code(c: &Conn, code: &str) -> Result<Option<String>, ServiceError> {
    Ok(c.query_row(
        "SELECT id FROM complaints WHERE tracking_code = ?1",
        [normalized_code(code)],
        |r| r.get(0),
    )
    .optional()?)
}

/// A tracking code as typed: trimmed, in capitals.
pub fn normalized_code(code: &str) -> String {
    code.trim().to_ascii_uppercase()
}

/// The pass for complaint `complaint` that ends at `until`.
pub fn pass(key: &str, complaint: &str, until: DateTime<Utc>) -> String {
    let mut mac = mac(key, b"rights-pass:", complaint);
    mac.update(until.timestamp().to_string().as_bytes());
    hex(&mac.finalize().into_bytes())
}

/// The complaint with tracking code `code`, if `pass` is a pass for it that ends at `until`
/// (seconds since 1970) and has not ended at `now`.
pub fn check_pass(
    c: &Conn,
    code: &str,
    until: i64,
    pass_given: &str,
    now: DateTime<Utc>,
) -> Result<Option<String>, ServiceError> {
    let Some(until) = DateTime::from_timestamp(until, 0).filter(|until| *until > now) else {
        return Ok(None);
    };
    let Some(key) = key(c)? else {
        return Ok(None);
    };
    let found = complaint_with_code(c, code)?;
    Ok(found.filter(|id| {
        let mut mac = mac(&key, b"rights-pass:", id);
        mac.update(until.timestamp().to_string().as_bytes());
        decode_hex(pass_given)
            .filter(|tag| tag.len() == 32)
            .is_some_and(|tag| mac.verify_slice(&tag).is_ok())
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_is_eight_digits_that_depend_on_the_complaint_and_the_key() {
        let a = pin_of("key one", "complaint-a");
        assert_eq!(a.len(), PIN_DIGITS);
        assert!(a.chars().all(|ch| ch.is_ascii_digit()));
        assert_eq!(a, pin_of("key one", "complaint-a"));
        assert_ne!(a, pin_of("key one", "complaint-b"));
        assert_ne!(a, pin_of("key two", "complaint-a"));
    }

    #[test]
    fn a_pin_may_be_typed_with_spaces_or_dashes_but_nothing_else() {
        assert_eq!(typed_pin(" 4821 0937 ").as_deref(), Some("48210937"));
        assert_eq!(typed_pin("4821-0937").as_deref(), Some("48210937"));
        assert_eq!(typed_pin("4821093"), None);
        assert_eq!(typed_pin("482109371"), None);
        assert_eq!(typed_pin("4821O937"), None);
    }
}
