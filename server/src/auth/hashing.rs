//! Staff passwords: argon2id hashes (PHC strings) with a fresh salt each, checked in constant
//! time, in working memory the caller keeps and reuses (see [`super::passwords`]).

use argon2::password_hash::phc::{Output, ParamsString, PasswordHash, Salt};
use argon2::{Algorithm, Argon2, Params, Version};

use super::random_bytes;
use crate::services::ServiceError;

/// An argon2id hash (PHC string) of a password, with a fresh random salt.
pub fn hash_password(password: &str) -> Result<String, ServiceError> {
    hash_password_in(password, &mut Vec::new())
}

pub fn verify_password(hash: &str, password: &str) -> bool {
    verify_password_in(hash, password, &mut Vec::new())
}

/// Argon2's working memory: kept by the caller and reused for every hash, so checking many
/// passwords costs the memory of one.
pub type HashingMemory = Vec<argon2::Block>;

fn blocks<'m>(memory: &'m mut HashingMemory, params: &Params) -> &'m mut [argon2::Block] {
    let needed = params.block_count();
    if memory.len() < needed {
        memory.resize(needed, argon2::Block::default());
    }
    &mut memory[..needed]
}

/// [`hash_password`] in `memory`.
pub fn hash_password_in(
    password: &str,
    memory: &mut HashingMemory,
) -> Result<String, ServiceError> {
    let failed = |e: &dyn std::fmt::Display| ServiceError::Internal(format!("hashing: {e}"));
    let params = Params::default();
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    let salt = random_bytes::<16>()?;
    let mut output = [0u8; Params::DEFAULT_OUTPUT_LEN];
    argon2
        .hash_password_into_with_memory(
            password.as_bytes(),
            &salt,
            &mut output,
            blocks(memory, &params),
        )
        .map_err(|e| failed(&e))?;
    let hash = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(|e| failed(&e))?,
        salt: Some(Salt::new(&salt).map_err(|e| failed(&e))?),
        hash: Some(Output::new(&output).map_err(|e| failed(&e))?),
    };
    Ok(hash.to_string())
}

/// [`verify_password`] in `memory`: whether `password` gives the PHC string `hash`, compared in
/// constant time.
pub fn verify_password_in(hash: &str, password: &str, memory: &mut HashingMemory) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    let (Ok(algorithm), Ok(params), Some(salt), Some(expected)) = (
        Algorithm::try_from(parsed.algorithm.as_str()),
        Params::try_from(&parsed),
        parsed.salt,
        parsed.hash,
    ) else {
        return false;
    };
    let version = match parsed.version.map(Version::try_from).transpose() {
        Ok(version) => version.unwrap_or_default(),
        Err(_) => return false,
    };
    let argon2 = Argon2::new(algorithm, version, params.clone());
    let mut output = vec![0u8; expected.len()];
    argon2
        .hash_password_into_with_memory(
            password.as_bytes(),
            salt.as_ref(),
            &mut output,
            blocks(memory, &params),
        )
        .is_ok()
        && Output::new(&output).is_ok_and(|computed| computed == expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_hashed_with_argon2id_and_verified() {
        let hash = hash_password("korrekt-kali-bateri").unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(verify_password(&hash, "korrekt-kali-bateri"));
        assert!(!verify_password(&hash, "wrong"));
        assert_ne!(
            hash,
            hash_password("korrekt-kali-bateri").unwrap(),
            "a fresh salt every time"
        );
        assert!(!verify_password("not a hash", "x"));
    }

    #[test]
    fn hashes_made_by_the_argon2_crate_s_own_hasher_verify() {
        use argon2::password_hash::PasswordHasher;
        let theirs = Argon2::default()
            .hash_password(b"korrekt-kali-bateri")
            .unwrap()
            .to_string();
        let mut memory = HashingMemory::new();
        assert!(verify_password_in(
            &theirs,
            "korrekt-kali-bateri",
            &mut memory
        ));
        assert!(!verify_password_in(&theirs, "wrong", &mut memory));
        let ours = hash_password_in("korrekt-kali-bateri", &mut memory).unwrap();
        assert_eq!(
            ours.split('$').nth(3),
            theirs.split('$').nth(3),
            "the same parameters"
        );
    }
}
