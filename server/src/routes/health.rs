//! `/healthz`: the server is up and its database answers; it tells an anonymous caller nothing
//! more. The figures behind it are for administrators, at `/api/v1/admin/metrics`.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};

use crate::auth::StaffMember;
use crate::http::ApiError;
use crate::services::health;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(health))
        .route("/api/v1/admin/metrics", get(metrics))
}

#[utoipa::path(get, path = "/healthz", responses((status = 200, description = "The server and its database work")))]
pub async fn health(State(state): State<AppState>) -> Result<Json<serde_json::Value>, ApiError> {
    state.db.read(health::database_answers).await?;
    Ok(Json(serde_json::json!({ "status": "ok" })))
}

/// What an operator watches: how many complaints the database holds, and how many keys each
/// rate limit keeps in memory.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Metrics {
    pub complaints: i64,
    pub limiter_keys: std::collections::BTreeMap<&'static str, usize>,
}

#[utoipa::path(get, path = "/api/v1/admin/metrics", tag = "administration", security(("Bearer" = [])),
    responses((status = 200, body = Metrics),
              (status = 403, description = "Only administrators see the server's figures")))]
pub async fn metrics(
    State(state): State<AppState>,
    staff: StaffMember,
) -> Result<Json<Metrics>, ApiError> {
    staff.require_admin()?;
    let complaints = state.db.read(health::complaint_count).await?;
    let limits = &state.limits;
    let limiter_keys = [
        ("device_complaints", &limits.device_complaints),
        ("citizen_requests", &limits.citizen_requests),
        ("new_complaints", &limits.new_complaints),
        ("login_attempts", &limits.login_attempts),
        ("login_addresses", &limits.login_addresses),
        ("campaign_visits", &limits.campaign_visits),
    ]
    .into_iter()
    .map(|(name, limiter)| (name, limiter.len()))
    .collect();
    Ok(Json(Metrics {
        complaints,
        limiter_keys,
    }))
}
