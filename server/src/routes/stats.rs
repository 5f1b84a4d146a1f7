//! Public figures per institution, category or municipality for a period, as JSON and as CSV.
//! Counts only, never a description or a contact (see [`crate::services::statistics`]).

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};

use crate::auth::StaffMember;
use crate::calendar::kosovo_date;
use crate::http::ApiError;
use crate::services::statistics::{self, Stats, StatsQuery};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/stats", get(stats))
        .route("/api/v1/stats.csv", get(stats_csv))
}

#[utoipa::path(get, path = "/api/v1/stats", tag = "statistics", params(StatsQuery),
    responses((status = 200, body = Stats, description = "Figures per group; no personal data"),
              (status = 400, description = "A day outside 2000 to 2100, a period backwards or longer than five years, or an unknown grouping")))]
pub async fn stats(
    State(state): State<AppState>,
    Query(query): Query<StatsQuery>,
) -> Result<Json<Stats>, ApiError> {
    let today = kosovo_date(state.clock.now());
    let stats = state
        .db
        .read(move |c| statistics::compute(c, &query, today))
        .await?;
    Ok(Json(stats))
}

#[utoipa::path(get, path = "/api/v1/stats.csv", tag = "statistics", params(StatsQuery),
    security((), ("Bearer" = [])),
    responses((status = 200, description = "The same figures as CSV; an export by a logged-in staff member is written to the audit log",
               content_type = "text/csv", body = String),
              (status = 400, description = "A day outside 2000 to 2100, a period backwards or longer than five years, or an unknown grouping")))]
pub async fn stats_csv(
    State(state): State<AppState>,
    staff: Option<StaffMember>,
    Query(query): Query<StatsQuery>,
) -> Result<Response, ApiError> {
    let now = state.clock.now();
    let today = kosovo_date(now);
    let stats = state
        .db
        .read(move |c| statistics::compute(c, &query, today))
        .await?;
    if let Some(staff) = staff {
        let exported = stats.clone();
        state
            .db
            .call(move |c| statistics::record_export(c, &staff, &exported, now))
            .await?;
    }
    let filename = format!(
        "attachment; filename=\"zeri-{}-{}.csv\"",
        stats.from, stats.to
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, filename),
        ],
        statistics::to_csv(&stats)?,
    )
        .into_response())
}
