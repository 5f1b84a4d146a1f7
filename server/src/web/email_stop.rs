//! The page a link in a citizen's email opens to stop that complaint's emails, with no login:
//! opening it asks (mail scanners open links by themselves, and must not stop anything);
//! the button, or a mail program's one-click request (RFC 8058), stops them.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use maud::html;

use super::page::{WebError, Words, bare};
use crate::services::mail::letters::language_of;
use crate::services::mail::stop::{self, Linked};
use crate::state::AppState;

/// `GET /email/stop/{code}/{token}`: asks whether to stop the emails.
pub async fn ask(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((code, token)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let linked = state
        .db
        .read(move |c| stop::check(c, &code, &token))
        .await?;
    Ok(page(&headers, linked, false))
}

/// `POST /email/stop/{code}/{token}`: stops them.
pub async fn stop(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((code, token)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let now = state.clock.now();
    let linked = state
        .db
        .call(move |c| stop::stop(c, &code, &token, now))
        .await?;
    Ok(page(&headers, linked, true))
}

fn page(headers: &HeaderMap, linked: Option<Linked>, posted: bool) -> Response {
    let Some(linked) = linked else {
        let words = Words::new(crate::http::language::chosen_language(headers));
        let title = words.t("mail-stop-title");
        let body = html! { h1 { (title) } p #stop-bad-link { (words.t("mail-stop-bad-link")) } };
        return (StatusCode::NOT_FOUND, bare(words, None, &title, body)).into_response();
    };
    let words = Words::new(language_of(&linked.language));
    let title = words.t("mail-stop-title");
    let code = [("code", linked.tracking_code.as_str().into())];
    let body = html! {
        h1 { (title) }
        @if linked.stopped || posted {
            p #stopped role="status" { (words.format("mail-stopped", &code)) }
        } @else {
            p { (words.format("mail-stop-ask", &code)) }
            form method="post" {
                button #stop-emails type="submit" { (words.t("mail-stop-button")) }
            }
        }
    };
    let page: Html<String> = bare(words, None, &title, body);
    page.into_response()
}
