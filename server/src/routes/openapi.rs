//! `/api/v1/openapi.json`: the OpenAPI document of the whole API, generated from the handlers'
//! own annotations and types, so it cannot drift from the code.

use axum::routing::get;
use axum::{Json, Router};
use utoipa::OpenApi;

use crate::app::AppState;
use crate::routes::{admin, citizen, health, staff, stats};

#[derive(OpenApi)]
#[openapi(
    info(title = "Zëri API", description = "Citizens' complaints about public services in Kosovo, routed to the institution responsible. Errors are `{\"error\": {\"code\", \"message\"}}`, with the message in the language of `Accept-Language` (sq, sr, en)."),
    paths(
        health::health, health::metrics,
        citizen::catalog, citizen::create_complaint, citizen::my_complaints, citizen::upload_photo, citizen::rate,
        citizen::reopen, citizen::campaign_opened,
        staff::login, staff::logout, staff::me, staff::inbox, staff::complaint, staff::act, staff::photo,
        staff::escalations, staff::colleagues,
        admin::list_institutions, admin::create_institution, admin::update_institution, admin::list_categories,
        admin::update_category, admin::list_rules, admin::create_rule, admin::delete_rule, admin::list_holidays,
        admin::create_holiday, admin::delete_holiday, admin::list_staff, admin::create_staff, admin::update_staff,
        stats::stats, stats::stats_csv,
    ),
    tags(
        (name = "citizen", description = "The phone app's API; a device authenticates with `Authorization: Device <secret>`"),
        (name = "staff", description = "Institution staff; `Authorization: Bearer <token>` from login"),
        (name = "administration", description = "Reference data, routing rules and accounts"),
        (name = "statistics", description = "Public figures without personal data"),
    )
)]
pub struct ApiDoc;

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/api/v1/openapi.json",
        get(|| async { Json(ApiDoc::openapi()) }),
    )
}
