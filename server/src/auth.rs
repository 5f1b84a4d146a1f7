//! Who is asking: a citizen's device (a random secret, of which only a hash is stored) or a staff
//! member (a password hashed with argon2id, then a session token that expires, stored hashed).

use argon2::password_hash::phc::{Output, ParamsString, PasswordHash, Salt};
use argon2::{Algorithm, Argon2, Params, Version};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use rusqlite::OptionalExtension;
use sha2::{Digest, Sha256};

use crate::app::AppState;
use crate::error::ApiError;

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// `n` random bytes from the operating system.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], ApiError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| ApiError::Internal(format!("random: {e}")))?;
    Ok(bytes)
}

/// An argon2id hash (PHC string) of a password, with a fresh random salt.
pub fn hash_password(password: &str) -> Result<String, ApiError> {
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
pub fn hash_password_in(password: &str, memory: &mut HashingMemory) -> Result<String, ApiError> {
    let failed = |e: &dyn std::fmt::Display| ApiError::Internal(format!("hashing: {e}"));
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

/// A citizen's device, identified by the hash of the secret it sends as
/// `Authorization: Device <secret>`.
pub struct Device {
    pub hash: String,
}

impl FromRequestParts<AppState> for Device {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        let secret = parts
            .headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix(protocol::api::DEVICE_AUTH_SCHEME))
            .map(str::trim)
            .filter(|s| {
                (32..=128).contains(&s.len())
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            })
            .ok_or(ApiError::DeviceRequired)?;
        Ok(Device {
            hash: sha256_hex(secret.as_bytes()),
        })
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Office of the Prime Minister: every institution, the reference data, accounts.
    Administrator,
    /// Runs one institution's team: its complaints, figures and accounts.
    Manager,
    /// Works one institution's complaints.
    Staff,
}

impl Role {
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "administrator" => Some(Role::Administrator),
            "manager" => Some(Role::Manager),
            "staff" => Some(Role::Staff),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Manager => "manager",
            Role::Staff => "staff",
        }
    }

    /// Where the role stands: no one may act on an account above their own, nor grant a role
    /// above their own.
    fn rank(self) -> u8 {
        match self {
            Role::Staff => 1,
            Role::Manager => 2,
            Role::Administrator => 3,
        }
    }

    /// Whether `self` is at or below `other`.
    pub fn within(self, other: Role) -> bool {
        self.rank() <= other.rank()
    }
}

/// A logged-in staff member.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct StaffMember {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// `None` only for administrators.
    pub institution_id: Option<String>,
}

impl StaffMember {
    /// Whether this person may see and act on complaints held by `institution`.
    pub fn serves(&self, institution: &str) -> bool {
        self.role == Role::Administrator || self.institution_id.as_deref() == Some(institution)
    }

    /// Whether this person may manage an account that holds `role` in `institution` (to
    /// create it, change it, or give it that role): administrators any account; a manager the
    /// accounts of their own institution whose role is not above their own; staff none. An
    /// administrator's account is above every manager whatever institution it names.
    pub fn may_manage(&self, role: Role, institution: Option<&str>) -> bool {
        match self.role {
            Role::Administrator => true,
            Role::Manager => {
                role.within(self.role)
                    && institution.is_some()
                    && institution == self.institution_id.as_deref()
            }
            Role::Staff => false,
        }
    }

    pub fn require_admin(&self) -> Result<(), ApiError> {
        if self.role == Role::Administrator {
            Ok(())
        } else {
            Err(ApiError::Forbidden)
        }
    }
}

/// The cookie that carries a staff session (the dashboard's; API clients send a Bearer token).
pub const SESSION_COOKIE: &str = "zeri_session";

/// The value of cookie `name` in the request's `Cookie` headers.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(name)?.strip_prefix('='))
}

/// A `Set-Cookie` value for the dashboard: `name=value` kept for `max_age_secs` (0 ends it),
/// HttpOnly so scripts cannot read it, SameSite=Strict so other sites cannot use it, and
/// Secure unless the server is configured to be reached over plain HTTP.
pub fn private_cookie(name: &str, value: &str, max_age_secs: i64, secure: bool) -> String {
    let secure = if secure { " Secure;" } else { "" };
    format!("{name}={value}; Path=/; Max-Age={max_age_secs}; HttpOnly;{secure} SameSite=Strict")
}

/// The `Set-Cookie` value that keeps a dashboard session (see [`private_cookie`]).
pub fn session_cookie(token: &str, max_age_secs: i64, secure: bool) -> String {
    private_cookie(SESSION_COOKIE, token, max_age_secs, secure)
}

/// The session token from `Authorization: Bearer <token>` or the session cookie.
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    if let Some(token) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    {
        return Some(token.trim().to_owned());
    }
    cookie(headers, SESSION_COOKIE).map(str::to_owned)
}

/// A staff member if the request carries a live session, else nobody (public pages).
impl axum::extract::OptionalFromRequestParts<AppState> for StaffMember {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Self>, Self::Rejection> {
        match <StaffMember as FromRequestParts<AppState>>::from_request_parts(parts, state).await {
            Ok(staff) => Ok(Some(staff)),
            Err(ApiError::Unauthorized) => Ok(None),
            Err(other) => Err(other),
        }
    }
}

impl FromRequestParts<AppState> for StaffMember {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = session_token(&parts.headers).ok_or(ApiError::Unauthorized)?;
        let token_hash = sha256_hex(token.as_bytes());
        let now = state.clock.now().to_rfc3339();
        state
            .db
            .read(move |c| {
                let member = c
                    .query_row(
                        "SELECT s.id, s.username, s.display_name, s.role, s.institution_id
                         FROM sessions x JOIN staff s ON s.id = x.staff_id
                         WHERE x.token_hash = ?1 AND x.expires_at > ?2 AND s.active = 1",
                        rusqlite::params![token_hash, now],
                        |r| {
                            Ok(StaffMember {
                                id: r.get(0)?,
                                username: r.get(1)?,
                                display_name: r.get(2)?,
                                role: Role::parse(&r.get::<_, String>(3)?).unwrap_or(Role::Staff),
                                institution_id: r.get(4)?,
                            })
                        },
                    )
                    .optional()?;
                member.ok_or(ApiError::Unauthorized)
            })
            .await
    }
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

    fn member(role: Role, institution: Option<&str>) -> StaffMember {
        StaffMember {
            id: 1,
            username: "someone".into(),
            display_name: "Someone".into(),
            role,
            institution_id: institution.map(str::to_owned),
        }
    }

    #[test]
    fn no_one_manages_an_account_above_their_own_role() {
        let manager = member(Role::Manager, Some("gjilan-public-services"));
        let own = Some("gjilan-public-services");
        assert!(manager.may_manage(Role::Staff, own));
        assert!(manager.may_manage(Role::Manager, own));
        assert!(!manager.may_manage(Role::Administrator, own));
        assert!(!manager.may_manage(Role::Staff, Some("prishtina-public-services")));
        assert!(!manager.may_manage(Role::Staff, None));
        let staff = member(Role::Staff, own);
        assert!(!staff.may_manage(Role::Staff, own));
        let administrator = member(Role::Administrator, None);
        assert!(administrator.may_manage(Role::Administrator, None));
        assert!(administrator.may_manage(Role::Staff, own));
    }
}
