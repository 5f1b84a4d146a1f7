//! The services' one error type: what a request asked for that the rules refuse, or what broke
//! inside. Each door turns it into its own answer (the API's `ApiError`, the dashboard's page);
//! the status codes and the words for each live there, once.

use protocol::domain::InputError;

use crate::db::DbError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ServiceError {
    /// A field the citizen or staff member must change.
    #[error("invalid input: {0}")]
    Input(InputError),
    /// A request that cannot be understood; `code` names what is wrong.
    #[error("bad request: {code}")]
    BadRequest {
        code: &'static str,
        detail: Option<String>,
    },
    /// Nothing by that name, or nothing the asker may know of.
    #[error("not found")]
    NotFound,
    /// No session, or one that has ended.
    #[error("not logged in")]
    Unauthorized,
    #[error("wrong username or password")]
    InvalidCredentials,
    #[error("not allowed")]
    Forbidden,
    /// The second factor of a staff sign-in: one is needed, the code is wrong, the login
    /// challenge expired, or the account must set one up first.
    #[error("second factor: {code}")]
    SecondFactor { code: &'static str },
    /// The request is valid but the current state does not allow it.
    #[error("conflict: {code}")]
    Conflict { code: &'static str },
    #[error("too many requests")]
    RateLimited { retry_after_secs: u64 },
    /// Costly work (checking passwords) is at capacity; the caller should come back shortly.
    #[error("busy")]
    Busy { retry_after_secs: u64 },
    /// Something broke inside; the message is for the log, never for the person asking.
    #[error("internal error: {0}")]
    Internal(String),
}

impl ServiceError {
    /// A rate limit's refusal: wait this long (rounded up to whole seconds, at least one).
    pub fn rate_limited(wait: std::time::Duration) -> ServiceError {
        ServiceError::RateLimited {
            retry_after_secs: wait.as_secs_f64().ceil().max(1.0) as u64,
        }
    }

    /// A request that cannot be understood, named by `code`, with nothing more to say.
    pub fn bad_request(code: &'static str) -> ServiceError {
        ServiceError::BadRequest { code, detail: None }
    }
}

impl From<DbError> for ServiceError {
    fn from(error: DbError) -> Self {
        if error.is_unavailable() {
            // Phones keep what they send queued and come back; idempotency keeps it once.
            return ServiceError::Busy {
                retry_after_secs: 5,
            };
        }
        ServiceError::Internal(error.to_string())
    }
}

impl From<InputError> for ServiceError {
    fn from(error: InputError) -> Self {
        ServiceError::Input(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wait_is_rounded_up_to_whole_seconds() {
        let secs =
            |millis| match ServiceError::rate_limited(std::time::Duration::from_millis(millis)) {
                ServiceError::RateLimited { retry_after_secs } => retry_after_secs,
                other => panic!("{other:?}"),
            };
        assert_eq!(secs(0), 1);
        assert_eq!(secs(1000), 1);
        assert_eq!(secs(1001), 2);
    }
}
