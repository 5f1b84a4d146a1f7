//! The institution dashboard: the pages staff work their complaints in, rendered on the server
//! as HTML (with a little optional JavaScript), in Albanian, Serbian and English.
//!
//! Every page shows only the logged-in person's institution (administrators see all): the pages
//! read through the same tenant-scoped queries as the staff API. Forms carry a token derived
//! from the session, the session cookie is HttpOnly and SameSite=Strict (and Secure, unless the
//! configured public address is plain http://), everything a
//! citizen wrote is escaped by the templates, and a Content-Security-Policy allows scripts,
//! styles and images from this site only (plus OpenStreetMap's tiles).

mod access_log;
mod account;
mod admin;
mod campaigns;
mod choices;
mod complaint;
mod email_stop;
mod emails;
mod inbox;
mod login;
mod map;
mod my_complaint;
mod page;
mod privacy;
mod second_factor;
mod stats;
mod supervision;
mod templates;
mod training;

use axum::Router;
use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::middleware;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use crate::state::AppState;
use protocol::api::paths::MY_COMPLAINT_PAGE;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/staff") }))
        .route("/staff", get(inbox::page))
        .route("/staff/login", get(login::form).post(login::submit))
        .route("/staff/login/code", post(second_factor::login_code))
        .route(
            "/staff/second-factor",
            get(second_factor::page).post(second_factor::confirm),
        )
        .route(
            "/staff/second-factor/recovery-codes",
            post(second_factor::new_codes),
        )
        .route("/staff/second-factor/off", post(second_factor::turn_off))
        .route("/staff/logout", post(login::logout))
        .route("/staff/language", get(page::switch_language))
        .route(
            "/staff/complaints/{id}",
            get(complaint::page).post(complaint::act),
        )
        .route("/staff/complaints/{id}/reveal", post(complaint::reveal))
        .route(
            "/staff/templates",
            get(templates::page).post(templates::create),
        )
        .route("/staff/templates/{id}/delete", post(templates::delete))
        .route("/staff/stats", get(stats::page))
        .route("/staff/supervision", get(supervision::page))
        .route("/staff/emails", get(emails::page).post(emails::save))
        .route("/staff/account", get(account::page))
        .route("/staff/access-log", get(access_log::page))
        .route("/staff/account/password", post(account::change_password))
        .route(
            "/staff/account/sessions/end-others",
            post(account::end_others),
        )
        .route(
            "/staff/account/sessions/{handle}/end",
            post(account::end_session),
        )
        .route(
            "/staff/people",
            get(admin::people).post(admin::create_account),
        )
        .route("/staff/people/{id}", post(admin::update_account))
        .route(
            "/staff/admin/institutions",
            get(admin::institutions).post(admin::create_institution),
        )
        .route(
            "/staff/admin/institutions/{id}",
            post(admin::update_institution),
        )
        .route(
            "/staff/admin/institutions/{id}/notifications",
            post(admin::update_notifications),
        )
        .route("/staff/admin/categories", get(admin::categories))
        .route("/staff/admin/categories/{id}", post(admin::update_category))
        .route(
            "/staff/admin/rules",
            get(admin::rules).post(admin::create_rule),
        )
        .route("/staff/admin/rules/{id}/delete", post(admin::delete_rule))
        .route(
            "/staff/campaigns",
            get(campaigns::list).post(campaigns::create),
        )
        .route("/staff/campaigns.csv", get(campaigns::csv))
        .route("/staff/campaigns/{code}", get(campaigns::detail))
        .route("/staff/campaigns/{code}/{format}", get(campaigns::qr_code))
        .route("/c/{code}", get(campaigns::landing))
        .route("/privacy", get(privacy::notice))
        .route(
            MY_COMPLAINT_PAGE,
            get(my_complaint::form).post(my_complaint::open),
        )
        .route("/my-complaint/export", post(my_complaint::export))
        .route("/my-complaint/contact", post(my_complaint::remove_contact))
        .route("/my-complaint/erase", post(my_complaint::erase))
        .route(
            "/email/stop/{code}/{token}",
            get(email_stop::ask).post(email_stop::stop),
        )
        .route("/staff/training", get(training::page).post(training::add))
        .route("/staff/training/reset-all", post(training::reset_all))
        .route("/staff/training/trained.csv", get(training::trained_csv))
        .route("/staff/training/{id}/reset", post(training::reset))
        .route("/staff/exercises", get(training::exercises))
        .route("/staff/assets/{name}", get(asset))
        .layer(middleware::from_fn(page::render_failures))
}

/// The stylesheet and the script, compiled into the server.
async fn asset(Path(name): Path<String>) -> Response {
    let (body, content_type) = match name.as_str() {
        "dashboard.css" => (
            include_str!("assets/dashboard.css"),
            "text/css; charset=utf-8",
        ),
        "dashboard.js" => (
            include_str!("assets/dashboard.js"),
            "text/javascript; charset=utf-8",
        ),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}
