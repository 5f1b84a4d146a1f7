//! The inbox, one complaint, the actions on it, the escalations and the colleagues, for a
//! logged-in staff member.

use axum::Json;
use axum::extract::{Path, Query, State};
use serde::{Deserialize, Serialize};

use crate::auth::StaffMember;
use crate::calendar::kosovo_date;
use crate::http::{ApiError, ApiJson};
use crate::services::inbox::{self, Colleague, Inbox, InboxItem, InboxQuery, StaffComplaint};
use crate::services::workflow::{self, Action};
use crate::services::{ServiceError, access_log};
use crate::state::AppState;

/// Today in Kosovo, as the server's clock has it: what "overdue" is measured against.
fn today(state: &AppState) -> String {
    kosovo_date(state.clock.now()).to_string()
}

#[utoipa::path(get, path = "/api/v1/staff/complaints", tag = "staff", params(InboxQuery), security(("Bearer" = [])),
    responses((status = 200, body = Inbox, description = "The staff member's institution's complaints"),
              (status = 400, description = "A filter, the search text, the page or its size is out of range"),
              (status = 403, description = "The account belongs to no institution")))]
pub async fn inbox(
    State(state): State<AppState>,
    staff: StaffMember,
    Query(query): Query<InboxQuery>,
) -> Result<Json<Inbox>, ApiError> {
    let today = today(&state);
    let inbox = state
        .db
        .read(move |c| inbox::inbox(c, &staff, &query, &today))
        .await?;
    Ok(Json(inbox))
}

/// `?reveal=true`: show the citizen's contact details, recording who asked.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RevealQuery {
    /// Include the citizen's contact details; the look is recorded in the access log. Without
    /// it they are included only if you asked within the last quarter of an hour.
    pub reveal: Option<bool>,
}

#[utoipa::path(get, path = "/api/v1/staff/complaints/{id}", tag = "staff", params(("id" = String, Path), RevealQuery),
    security(("Bearer" = [])),
    responses((status = 200, body = StaffComplaint), (status = 404, description = "No such complaint in your institution")))]
pub async fn complaint(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(id): Path<String>,
    Query(query): Query<RevealQuery>,
) -> Result<Json<StaffComplaint>, ApiError> {
    let (today, now) = (today(&state), state.clock.now());
    if query.reveal == Some(true) {
        access_log::reveal(&state.db, &staff, id.clone(), today.clone(), now).await?;
    }
    let complaint = state
        .db
        .read(move |c| {
            let mut complaint = inbox::complaint(c, &staff, &id, &today)?;
            access_log::hide_unless_looked(c, &staff, &mut complaint, now)?;
            Ok::<_, ServiceError>(complaint)
        })
        .await?;
    Ok(Json(complaint))
}

#[derive(Debug, Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct ActionOutcome {
    /// The complaint after the action; absent when a transfer took it out of your institution.
    pub complaint: Option<StaffComplaint>,
}

#[utoipa::path(post, path = "/api/v1/staff/complaints/{id}/actions", tag = "staff", params(("id" = String, Path)),
    request_body = Action, security(("Bearer" = [])),
    responses((status = 200, body = ActionOutcome),
              (status = 403, description = "A supervisor may only leave notes on what it oversees"),
              (status = 404, description = "No such complaint in your institution"),
              (status = 409, description = "The complaint's status does not allow this action"),
              (status = 422, description = "A reason or text is missing or too long")))]
pub async fn act(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(id): Path<String>,
    ApiJson(action): ApiJson<Action>,
) -> Result<Json<ActionOutcome>, ApiError> {
    let clock = state.clock.clone();
    let complaint = state
        .db
        .call(move |c| workflow::act(c, &staff, &id, action, clock.now()))
        .await?;
    Ok(Json(ActionOutcome { complaint }))
}

#[utoipa::path(get, path = "/api/v1/staff/escalations", tag = "staff", security(("Bearer" = [])),
    responses((status = 200, body = [InboxItem], description = "Overdue complaints of the institutions this one supervises"),
              (status = 403, description = "The account belongs to no institution")))]
pub async fn escalations(
    State(state): State<AppState>,
    staff: StaffMember,
) -> Result<Json<Vec<InboxItem>>, ApiError> {
    let today = today(&state);
    let items = state
        .db
        .read(move |c| inbox::escalations(c, &staff, &today))
        .await?;
    Ok(Json(items))
}

#[utoipa::path(get, path = "/api/v1/staff/colleagues", tag = "staff", security(("Bearer" = [])),
    responses((status = 200, body = [Colleague], description = "Staff of the same institution, to assign complaints to")))]
pub async fn colleagues(
    State(state): State<AppState>,
    staff: StaffMember,
) -> Result<Json<Vec<Colleague>>, ApiError> {
    let list = state
        .db
        .read(move |c| inbox::colleagues(c, staff.institution_id.as_deref()))
        .await?;
    Ok(Json(list))
}
