//! Who a request comes from: a citizen's [`Device`] (`Authorization: Device <secret>`), or a
//! [`StaffMember`] with a live session (a Bearer token, or the dashboard's cookie). The checks
//! themselves are authentication's ([`crate::auth`]); these only read the request.

use axum::extract::{FromRef, FromRequestParts, OptionalFromRequestParts};
use axum::http::request::Parts;

use super::ApiError;
use super::cookies::session_token;
use crate::auth::{StaffMember, devices, sessions};
use crate::clock::Clock;
use crate::db::Db;

/// A citizen's device, known by the hash of the secret it sends as
/// `Authorization: Device <secret>`.
pub struct Device {
    pub hash: String,
}

impl<S: Send + Sync> FromRequestParts<S> for Device {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let hash = parts
            .headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix(protocol::api::DEVICE_AUTH_SCHEME))
            .map(str::trim)
            .and_then(devices::known_by)
            .ok_or(ApiError::DeviceRequired)?;
        Ok(Device { hash })
    }
}

impl<S> FromRequestParts<S> for StaffMember
where
    S: Send + Sync,
    Db: FromRef<S>,
    Clock: FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let token = session_token(&parts.headers).ok_or(ApiError::Unauthorized)?;
        let now = Clock::from_ref(state).now();
        Ok(sessions::member(&Db::from_ref(state), &token, now).await?)
    }
}

/// A staff member if the request carries a live session, else nobody (public pages).
impl<S> OptionalFromRequestParts<S> for StaffMember
where
    S: Send + Sync,
    Db: FromRef<S>,
    Clock: FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &S,
    ) -> Result<Option<Self>, Self::Rejection> {
        match <StaffMember as FromRequestParts<S>>::from_request_parts(parts, state).await {
            Ok(staff) => Ok(Some(staff)),
            Err(ApiError::Unauthorized) => Ok(None),
            Err(other) => Err(other),
        }
    }
}
