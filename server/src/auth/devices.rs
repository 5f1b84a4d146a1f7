//! A citizen's device: it makes a random secret once and sends it with every request; the server
//! keeps only the secret's hash, which is what a device is known by.

use super::sha256_hex;

/// The hash a device is known by, if `secret` is one a device could have made: 32 to 128
/// letters, digits, `-` and `_`.
pub fn known_by(secret: &str) -> Option<String> {
    let well_formed = (32..=128).contains(&secret.len())
        && secret
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    well_formed.then(|| sha256_hex(secret.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_well_formed_secret_names_a_device() {
        let secret = "a".repeat(32);
        assert_eq!(known_by(&secret), Some(sha256_hex(secret.as_bytes())));
        assert_eq!(known_by(&"a".repeat(31)), None);
        assert_eq!(known_by(&"a".repeat(129)), None);
        assert_eq!(known_by(&format!("{}!", "a".repeat(32))), None);
    }
}
