//! The reference data administrators keep: institutions, category settings, routing rules and
//! holidays. Every staff member may read them; only administrators change them.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;

use crate::auth::StaffMember;
use crate::http::ApiError;
use crate::http::ApiJson;
use crate::services::categories::{self, CategoryChange, CategorySettings};
use crate::services::holidays::{self, Holiday};
use crate::services::institutions::{self, Institution, InstitutionChange};
use crate::services::routing_rules::{self, RoutingRule};
use crate::state::AppState;

#[utoipa::path(get, path = "/api/v1/admin/institutions", tag = "administration", security(("Bearer" = [])),
    responses((status = 200, body = [Institution])))]
pub async fn list_institutions(
    State(state): State<AppState>,
    _staff: StaffMember,
) -> Result<Json<Vec<Institution>>, ApiError> {
    Ok(Json(institutions::list(&state.db).await?))
}

#[utoipa::path(post, path = "/api/v1/admin/institutions", tag = "administration", security(("Bearer" = [])), request_body = Institution,
    responses((status = 201, body = Institution),
              (status = 400, description = "An id other than lower-case letters, digits, `_` and `:`, a name missing, or an unknown parent or municipality"),
              (status = 403, description = "Only administrators create institutions"),
              (status = 409, description = "The id is taken")))]
pub async fn create_institution(
    State(state): State<AppState>,
    staff: StaffMember,
    ApiJson(institution): ApiJson<Institution>,
) -> Result<(StatusCode, Json<Institution>), ApiError> {
    let created = institutions::create(&state.db, &staff, institution).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

#[utoipa::path(patch, path = "/api/v1/admin/institutions/{id}", tag = "administration", security(("Bearer" = [])), request_body = InstitutionChange,
    params(("id" = String, Path)),
    responses((status = 200, body = Institution), (status = 400, description = "A name missing, an unknown parent, or a notification address or language that is not one"),
              (status = 403, description = "Only administrators change institutions"), (status = 404, description = "No such institution")))]
pub async fn update_institution(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(id): Path<String>,
    ApiJson(change): ApiJson<InstitutionChange>,
) -> Result<Json<Institution>, ApiError> {
    Ok(Json(
        institutions::update(&state.db, &staff, id, change).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/admin/categories", tag = "administration", security(("Bearer" = [])), responses((status = 200, body = [CategorySettings])))]
pub async fn list_categories(
    State(state): State<AppState>,
    _staff: StaffMember,
) -> Result<Json<Vec<CategorySettings>>, ApiError> {
    Ok(Json(categories::list(&state.db).await?))
}

#[utoipa::path(patch, path = "/api/v1/admin/categories/{id}", tag = "administration", security(("Bearer" = [])), request_body = CategoryChange,
    params(("id" = String, Path)),
    responses((status = 200, body = CategorySettings), (status = 400, description = "A name missing, or deadlines out of range"),
              (status = 403, description = "Only administrators change categories"), (status = 404, description = "No such category")))]
pub async fn update_category(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(id): Path<String>,
    ApiJson(change): ApiJson<CategoryChange>,
) -> Result<Json<CategorySettings>, ApiError> {
    Ok(Json(
        categories::update(&state.db, &staff, id, change).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/admin/routing-rules", tag = "administration", security(("Bearer" = [])), responses((status = 200, body = [RoutingRule])))]
pub async fn list_rules(
    State(state): State<AppState>,
    _staff: StaffMember,
) -> Result<Json<Vec<RoutingRule>>, ApiError> {
    Ok(Json(routing_rules::list(&state.db).await?))
}

#[utoipa::path(post, path = "/api/v1/admin/routing-rules", tag = "administration", security(("Bearer" = [])), request_body = RoutingRule,
    responses((status = 201, body = RoutingRule), (status = 400, description = "Unknown category, municipality or target, or a priority out of range"),
              (status = 403, description = "Only administrators change routing")))]
pub async fn create_rule(
    State(state): State<AppState>,
    staff: StaffMember,
    ApiJson(rule): ApiJson<RoutingRule>,
) -> Result<(StatusCode, Json<RoutingRule>), ApiError> {
    let created = routing_rules::create(&state.db, &staff, rule, state.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

#[utoipa::path(delete, path = "/api/v1/admin/routing-rules/{id}", tag = "administration", security(("Bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204, description = "Deleted"), (status = 403, description = "Only administrators change routing"),
              (status = 404, description = "No such rule")))]
pub async fn delete_rule(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    routing_rules::delete(&state.db, &staff, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/admin/holidays", tag = "administration", security(("Bearer" = [])), responses((status = 200, body = [Holiday])))]
pub async fn list_holidays(
    State(state): State<AppState>,
    _staff: StaffMember,
) -> Result<Json<Vec<Holiday>>, ApiError> {
    Ok(Json(holidays::list(&state.db).await?))
}

#[utoipa::path(post, path = "/api/v1/admin/holidays", tag = "administration", security(("Bearer" = [])), request_body = Holiday,
    responses((status = 201, description = "Added (or renamed, for a day already a holiday)"),
              (status = 400, description = "A day outside 2000 to 2100, or a name missing"),
              (status = 403, description = "Only administrators change holidays")))]
pub async fn create_holiday(
    State(state): State<AppState>,
    staff: StaffMember,
    ApiJson(holiday): ApiJson<Holiday>,
) -> Result<StatusCode, ApiError> {
    holidays::add(&state.db, &staff, holiday).await?;
    Ok(StatusCode::CREATED)
}

#[utoipa::path(delete, path = "/api/v1/admin/holidays/{date}", tag = "administration", security(("Bearer" = [])),
    params(("date" = chrono::NaiveDate, Path, pattern = "^(20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$")),
    responses((status = 204, description = "Removed"), (status = 400, description = "Not a day (`YYYY-MM-DD`) within 2000 to 2100"),
              (status = 403, description = "Only administrators change holidays"), (status = 404, description = "That day is not a holiday")))]
pub async fn delete_holiday(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(date): Path<String>,
) -> Result<StatusCode, ApiError> {
    holidays::remove(&state.db, &staff, &date).await?;
    Ok(StatusCode::NO_CONTENT)
}
