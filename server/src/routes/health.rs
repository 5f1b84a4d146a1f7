//! `/healthz`: the server is up and its database answers.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};

use crate::app::AppState;
use crate::error::ApiError;

pub fn router() -> Router<AppState> {
    Router::new().route("/healthz", get(health))
}

#[utoipa::path(get, path = "/healthz", responses((status = 200, description = "The server and its database work")))]
pub async fn health(State(state): State<AppState>) -> Result<Json<serde_json::Value>, ApiError> {
    let complaints: i64 = state
        .db
        .read(|c| Ok(c.query_row("SELECT COUNT(*) FROM complaints", [], |r| r.get(0))?))
        .await?;
    Ok(Json(
        serde_json::json!({ "status": "ok", "complaints": complaints }),
    ))
}
