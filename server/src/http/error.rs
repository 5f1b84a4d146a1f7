//! The HTTP error: every failure becomes `{"error": {"code", "message"}}` with a status a client
//! can act on and a message in the request's language; internals go to the log only. The
//! services' refusals ([`ServiceError`]) map onto it one to one; the rest are HTTP's own (no
//! device secret, a wrong method, a body too large or of the wrong type). Status codes, codes
//! and messages are decided here and nowhere else, for the API and the dashboard alike.

use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use protocol::Language;
use protocol::domain::InputError;

use super::language::requested_language;
use crate::db::DbError;
use crate::messages::localizer;
use crate::services::ServiceError;

#[derive(Debug, Clone, thiserror::Error)]
pub enum ApiError {
    /// A field the citizen or staff member must change.
    #[error("invalid input: {0}")]
    Input(InputError),
    /// A request that cannot be understood; `code` names what is wrong.
    #[error("bad request: {code}")]
    BadRequest {
        code: &'static str,
        detail: Option<String>,
    },
    #[error("not found")]
    NotFound,
    #[error("not logged in")]
    Unauthorized,
    /// A citizen API request without a device secret the server can read.
    #[error("no device secret")]
    DeviceRequired,
    #[error("wrong username or password")]
    InvalidCredentials,
    #[error("not allowed")]
    Forbidden,
    /// A staff sign-in's second factor, named by `code`.
    #[error("second factor: {code}")]
    SecondFactor { code: &'static str },
    /// The request is valid but the complaint's state does not allow it.
    #[error("conflict: {code}")]
    Conflict { code: &'static str },
    #[error("too many requests")]
    RateLimited { retry_after_secs: u64 },
    /// Costly work (checking passwords) is at capacity; the caller should come back shortly.
    #[error("busy")]
    Busy { retry_after_secs: u64 },
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// Something broke inside; the message is for the log, never for the client.
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<ServiceError> for ApiError {
    fn from(error: ServiceError) -> Self {
        match error {
            ServiceError::Input(e) => ApiError::Input(e),
            ServiceError::BadRequest { code, detail } => ApiError::BadRequest { code, detail },
            ServiceError::NotFound => ApiError::NotFound,
            ServiceError::Unauthorized => ApiError::Unauthorized,
            ServiceError::InvalidCredentials => ApiError::InvalidCredentials,
            ServiceError::Forbidden => ApiError::Forbidden,
            ServiceError::SecondFactor { code } => ApiError::SecondFactor { code },
            ServiceError::Conflict { code } => ApiError::Conflict { code },
            ServiceError::RateLimited { retry_after_secs } => {
                ApiError::RateLimited { retry_after_secs }
            }
            ServiceError::Busy { retry_after_secs } => ApiError::Busy { retry_after_secs },
            ServiceError::Internal(e) => ApiError::Internal(e),
        }
    }
}

impl From<DbError> for ApiError {
    fn from(error: DbError) -> Self {
        ServiceError::from(error).into()
    }
}

impl From<InputError> for ApiError {
    fn from(error: InputError) -> Self {
        ApiError::Input(error)
    }
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::Input(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::Unauthorized | ApiError::InvalidCredentials | ApiError::DeviceRequired => {
                StatusCode::UNAUTHORIZED
            }
            ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::SecondFactor {
                code: "second_factor_enrolment_required",
            } => StatusCode::FORBIDDEN,
            ApiError::SecondFactor { .. } => StatusCode::UNAUTHORIZED,
            ApiError::Conflict { .. } => StatusCode::CONFLICT,
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            ApiError::Input(e) => e.code(),
            ApiError::BadRequest { code, .. }
            | ApiError::Conflict { code }
            | ApiError::SecondFactor { code } => code,
            ApiError::NotFound => "not_found",
            ApiError::Unauthorized => "unauthorized",
            ApiError::DeviceRequired => "device_required",
            ApiError::InvalidCredentials => "invalid_credentials",
            ApiError::Forbidden => "forbidden",
            ApiError::RateLimited { .. } => "rate_limited",
            ApiError::Busy { .. } => "busy",
            ApiError::MethodNotAllowed => "method_not_allowed",
            ApiError::PayloadTooLarge => "payload_too_large",
            ApiError::UnsupportedMediaType => "unsupported_media_type",
            ApiError::Internal(_) => "internal",
        }
    }

    /// The message for a person, in `language`.
    pub fn message(&self, language: Language) -> String {
        let server = localizer(language);
        let mut message = match self {
            ApiError::Input(e) => protocol::i18n::input_error(
                &protocol::i18n::protocol_messages().in_language(language),
                *e,
            ),
            ApiError::RateLimited { retry_after_secs } => server.format(
                "error-rate-limited",
                &[("seconds", (*retry_after_secs as i64).into())],
            ),
            ApiError::Busy { retry_after_secs } => server.format(
                "error-busy",
                &[("seconds", (*retry_after_secs as i64).into())],
            ),
            other => server.t(&format!("error-{}", other.code().replace('_', "-"))),
        };
        if let ApiError::BadRequest {
            detail: Some(detail),
            ..
        } = self
        {
            message.push_str(" (");
            message.push_str(detail);
            message.push(')');
        }
        message
    }

    pub fn to_response(&self, language: Language) -> Response {
        if let ApiError::Internal(internal) = self {
            tracing::error!(error = %internal, "request failed");
        }
        let body = serde_json::json!({ "error": { "code": self.code(), "message": self.message(language) } });
        let mut response = (self.status(), axum::Json(body)).into_response();
        let headers = response.headers_mut();
        match self {
            ApiError::RateLimited { retry_after_secs } | ApiError::Busy { retry_after_secs } => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from(*retry_after_secs));
            }
            // Which credential would have been accepted.
            ApiError::Unauthorized => {
                headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            ApiError::DeviceRequired => {
                headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Device"));
            }
            _ => {}
        }
        response
    }
}

impl IntoResponse for ApiError {
    /// Answers in English and leaves the error in the response so that [`localize_errors`] can
    /// answer in the request's language instead.
    fn into_response(self) -> Response {
        let mut response = self.to_response(Language::English);
        response.extensions_mut().insert(self);
        response
    }
}

/// Answers every error in the request's language, and turns the framework's own plain-text
/// rejections (unknown path, wrong method, oversized body) into the API's JSON error shape.
pub async fn localize_errors(request: Request, next: Next) -> Response {
    let language = requested_language(request.headers());
    let response = next.run(request).await;
    if let Some(error) = response.extensions().get::<ApiError>() {
        return error.to_response(language);
    }
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let is_json = content_type.starts_with("application/json");
    let is_page = content_type.starts_with("text/html");
    if !status.is_client_error() || is_json || is_page {
        return response;
    }
    let error = match status {
        StatusCode::NOT_FOUND => ApiError::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => ApiError::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::UnsupportedMediaType,
        _ => ApiError::BadRequest {
            code: "bad_request",
            detail: None,
        },
    };
    error.to_response(language)
}
