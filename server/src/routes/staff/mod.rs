//! The institution API: staff log in, see their institution's inbox, open a complaint (with the
//! citizen's contact details, which only the handling institution sees), and act on it.
//! A complaint of another institution is "not found", never "forbidden": its existence is not
//! theirs to know.

pub mod complaints;
pub mod photos;

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};

use crate::services::mail::preferences::{self, StaffEmails};
use axum::{Json, Router};

use crate::auth::StaffMember;
use crate::auth::sessions::{self, LoginRequest, LoginResponse};
use crate::http::cookies::session_token;
use crate::http::{ApiError, ApiJson};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/staff/login", post(login))
        .route("/api/v1/staff/logout", post(logout))
        .route("/api/v1/staff/me", get(me))
        .route("/api/v1/staff/me/emails", get(my_emails).put(set_my_emails))
        .route("/api/v1/staff/complaints", get(complaints::inbox))
        .route("/api/v1/staff/complaints/{id}", get(complaints::complaint))
        .route(
            "/api/v1/staff/complaints/{id}/actions",
            post(complaints::act),
        )
        .route(
            "/api/v1/staff/complaints/{id}/photos/{index}",
            get(photos::photo),
        )
        .route("/api/v1/staff/escalations", get(complaints::escalations))
        .route("/api/v1/staff/colleagues", get(complaints::colleagues))
}

#[utoipa::path(post, path = "/api/v1/staff/login", tag = "staff", request_body = LoginRequest, security(()),
    responses((status = 200, body = LoginResponse, description = "Signed in. For a manager or administrator who must have a second factor and has none yet, the session reaches nothing (`second_factor_enrolment_required`, 403) until it is set up on the dashboard"),
              (status = 401, description = "Wrong username or password (`invalid_credentials`); the account has a second factor and `code` is missing (`second_factor_required`) or wrong, or was already used (`wrong_code`)"),
              (status = 429, description = "Too many attempts at this account from this address, or from this address in all; wait `Retry-After` seconds"),
              (status = 503, description = "Passwords are being checked at capacity; try again after `Retry-After` seconds")))]
pub async fn login(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    headers: axum::http::HeaderMap,
    ApiJson(request): ApiJson<LoginRequest>,
) -> Result<Json<LoginResponse>, ApiError> {
    let client = headers
        .get(axum::http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok());
    match sessions::log_in(&state.login_gate(), address.ip(), client, request).await? {
        sessions::LoginStep::Done(session) => Ok(Json(session)),
        sessions::LoginStep::CodeNeeded { .. } => Err(ApiError::SecondFactor {
            code: "second_factor_required",
        }),
    }
}

#[utoipa::path(post, path = "/api/v1/staff/logout", tag = "staff", security((), ("Bearer" = [])),
    responses((status = 204, description = "The session sent (if any) has ended")))]
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    if let Some(token) = session_token(&headers) {
        sessions::end(&state.db, &token).await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/staff/me", tag = "staff", security(("Bearer" = [])),
    responses((status = 200, body = StaffMember)))]
pub async fn me(staff: StaffMember) -> Json<StaffMember> {
    Json(staff)
}

#[utoipa::path(get, path = "/api/v1/staff/me/emails", tag = "staff", security(("Bearer" = [])),
    responses((status = 200, body = StaffEmails)))]
pub async fn my_emails(
    State(state): State<AppState>,
    staff: StaffMember,
) -> Result<Json<StaffEmails>, ApiError> {
    Ok(Json(preferences::of(&state.db, &staff).await?))
}

#[utoipa::path(put, path = "/api/v1/staff/me/emails", tag = "staff", security(("Bearer" = [])), request_body = StaffEmails,
    responses((status = 200, body = StaffEmails),
              (status = 400, description = "The address is not an email address, or the language is not one of sq, sr, sr-Cyrl, en")))]
pub async fn set_my_emails(
    State(state): State<AppState>,
    staff: StaffMember,
    ApiJson(choice): ApiJson<StaffEmails>,
) -> Result<Json<StaffEmails>, ApiError> {
    Ok(Json(preferences::set(&state.db, &staff, choice).await?))
}
