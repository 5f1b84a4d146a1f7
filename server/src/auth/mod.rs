//! Who is asking: a citizen's device (a random secret, of which only a hash is stored) or a staff
//! member (a password hashed with argon2id and, where set up, a code from an authenticator app;
//! then a session token that expires, stored hashed),
//! and what each role may do. Plain Rust: the doors' extractors (`crate::http`) read the
//! credentials from a request and ask here.

pub mod devices;
pub mod hashing;
pub mod passwords;
pub mod roles;
pub mod second_factor;
pub mod sessions;
pub mod strength;

use sha2::{Digest, Sha256};

pub use hashing::{
    HashingMemory, hash_password, hash_password_in, verify_password, verify_password_in,
};
pub use roles::{Role, StaffMember};

use crate::services::ServiceError;

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The bytes hex digits (either case) spell, if they spell whole bytes.
pub fn decode_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// `N` random bytes from the operating system.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], ServiceError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| ServiceError::Internal(format!("random: {e}")))?;
    Ok(bytes)
}
