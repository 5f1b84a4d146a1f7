//! `/api/v1/admin/staff`: staff accounts, for administrators and (their own institution's)
//! managers.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;

use crate::auth::StaffMember;
use crate::http::ApiError;
use crate::http::ApiJson;
use crate::services::accounts::{self, Account, AccountChange, NewAccount};
use crate::state::AppState;

#[utoipa::path(get, path = "/api/v1/admin/staff", tag = "administration", security(("Bearer" = [])),
    responses((status = 200, body = [Account], description = "Every account (administrators) or your institution's (managers)"),
              (status = 403, description = "Staff do not manage accounts")))]
pub async fn list_staff(
    State(state): State<AppState>,
    staff: StaffMember,
) -> Result<Json<Vec<Account>>, ApiError> {
    Ok(Json(accounts::list(&state.db, &staff).await?))
}

#[utoipa::path(post, path = "/api/v1/admin/staff", tag = "administration", security(("Bearer" = [])), request_body = NewAccount,
    responses((status = 201, body = Account),
              (status = 400, description = "A username, display name or password that does not fit the rules, or an unknown institution"),
              (status = 403, description = "Not allowed to create this account"), (status = 409, description = "The username is taken")))]
pub async fn create_staff(
    State(state): State<AppState>,
    staff: StaffMember,
    ApiJson(account): ApiJson<NewAccount>,
) -> Result<(StatusCode, Json<Account>), ApiError> {
    let created = accounts::create(&state.db, &state.passwords, &staff, account).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

#[utoipa::path(patch, path = "/api/v1/admin/staff/{id}", tag = "administration", security(("Bearer" = [])), request_body = AccountChange,
    params(("id" = i64, Path)),
    responses((status = 204, description = "Changed; a new password or a deactivation ends the account's sessions"),
              (status = 400, description = "A display name missing, or a password too short"),
              (status = 403, description = "Not allowed to change this account"), (status = 404, description = "No such account you manage")))]
pub async fn update_staff(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(id): Path<i64>,
    ApiJson(change): ApiJson<AccountChange>,
) -> Result<StatusCode, ApiError> {
    accounts::update(&state.db, &state.passwords, &staff, id, change).await?;
    Ok(StatusCode::NO_CONTENT)
}
