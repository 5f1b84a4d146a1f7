//! The signed tokens the push providers ask for (JSON Web Tokens, RFC 7519): ES256 for Apple's
//! provider tokens, RS256 for Google's service-account assertion; and reading the PEM key files
//! both providers hand out (PKCS #8).

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ring::rand::SystemRandom;
use ring::signature::{
    ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair, RSA_PKCS1_SHA256, RsaKeyPair,
};
use serde_json::Value;

/// A private key to sign with.
pub enum SigningKey {
    Es256(EcdsaKeyPair),
    Rs256(RsaKeyPair),
}

/// The DER bytes inside a PEM block (`-----BEGIN PRIVATE KEY-----` …).
pub fn pem_to_der(pem: &str) -> Option<Vec<u8>> {
    let body: String = pem
        .lines()
        .map(str::trim)
        .filter(|line| !line.starts_with("-----") && !line.is_empty())
        .collect();
    STANDARD.decode(body).ok()
}

impl SigningKey {
    /// An Apple `.p8` key (EC P-256, PKCS #8 PEM).
    pub fn es256(pem: &str) -> Result<SigningKey, String> {
        let der = pem_to_der(pem).ok_or("the key file is not PEM")?;
        EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &der, &SystemRandom::new())
            .map(SigningKey::Es256)
            .map_err(|e| format!("not an EC P-256 private key: {e}"))
    }

    /// A Google service account's `private_key` (RSA, PKCS #8 PEM).
    pub fn rs256(pem: &str) -> Result<SigningKey, String> {
        let der = pem_to_der(pem).ok_or("the key is not PEM")?;
        RsaKeyPair::from_pkcs8(&der)
            .map(SigningKey::Rs256)
            .map_err(|e| format!("not an RSA private key: {e}"))
    }

    fn algorithm(&self) -> &'static str {
        match self {
            SigningKey::Es256(_) => "ES256",
            SigningKey::Rs256(_) => "RS256",
        }
    }

    /// `header.claims.signature`, the header given `alg` (and whatever `header` adds).
    pub fn sign(&self, header: Value, claims: &Value) -> Result<String, String> {
        let mut header = header;
        header["alg"] = Value::from(self.algorithm());
        let encode = |v: &Value| URL_SAFE_NO_PAD.encode(v.to_string());
        let signed = format!("{}.{}", encode(&header), encode(claims));
        let rng = SystemRandom::new();
        let signature = match self {
            SigningKey::Es256(key) => key
                .sign(&rng, signed.as_bytes())
                .map_err(|e| e.to_string())?
                .as_ref()
                .to_vec(),
            SigningKey::Rs256(key) => {
                let mut out = vec![0; key.public().modulus_len()];
                key.sign(&RSA_PKCS1_SHA256, &rng, signed.as_bytes(), &mut out)
                    .map_err(|e| e.to_string())?;
                out
            }
        };
        Ok(format!("{signed}.{}", URL_SAFE_NO_PAD.encode(signature)))
    }
}
