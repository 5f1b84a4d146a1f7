//! Logging in and out of the dashboard. The session lives in an HttpOnly, SameSite=Strict
//! cookie, Secure unless the server's public address is plain http:// (a training room's
//! network); the login form is accepted only from this site.

use std::net::SocketAddr;

use axum::Form;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::html;
use serde::Deserialize;

use super::page::{Page, TokenOnly, WebError, Words, local_path, notice};
use crate::auth::sessions::{self, LoginRequest, LoginResponse, LoginStep};
use crate::http::cookies::{session_cookie, session_token};
use crate::http::{ApiError, RequestLanguage};
use crate::state::AppState;

#[derive(Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
    expired: Option<String>,
}

pub(super) fn login_page(
    words: Words,
    state: &AppState,
    next: &str,
    username: &str,
    message: Option<(&str, bool)>,
) -> axum::response::Html<String> {
    let content = html! {
        div.login {
            h1 { (words.t("web-login-title")) }
            p { (words.t("web-login-intro")) }
            (notice(message.map(|(m, _)| m), message.is_some_and(|(_, e)| e)))
            form method="post" action="/staff/login" {
                input type="hidden" name="next" value=(next);
                label for="username" { (words.t("web-username")) }
                input #username name="username" type="text" autocomplete="username" required
                    value=(username) autofocus[username.is_empty()];
                label for="password" { (words.t("web-password")) }
                input #password name="password" type="password" autocomplete="current-password" required
                    autofocus[!username.is_empty()];
                button type="submit" { (words.t("web-log-in")) }
            }
        }
    };
    let training = state.sandbox.as_ref().map(|s| s.trainee_name.as_str());
    super::page::bare(words, training, &words.t("web-login-title"), content)
}

pub async fn form(
    State(state): State<AppState>,
    RequestLanguage(language): RequestLanguage,
    Query(query): Query<LoginQuery>,
) -> Response {
    let words = Words::new(language);
    let expired = words.t("web-session-expired");
    let message = query.expired.is_some().then_some((expired.as_str(), false));
    login_page(
        words,
        &state,
        local_path(query.next.as_deref()),
        "",
        message,
    )
    .into_response()
}

#[derive(Deserialize)]
pub struct LoginForm {
    username: String,
    password: String,
    next: Option<String>,
}

/// Whether the request came from a page of this site (browsers send `Origin` with every POST).
fn same_origin(headers: &HeaderMap) -> bool {
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    match (
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        host,
    ) {
        (None, _) => true,
        (Some(origin), Some(host)) => origin
            .split_once("://")
            .is_some_and(|(_, rest)| rest == host),
        (Some(_), None) => false,
    }
}

pub async fn submit(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    RequestLanguage(language): RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Response {
    let words = Words::new(language);
    let next = local_path(form.next.as_deref()).to_owned();
    if !same_origin(&headers) {
        return (StatusCode::FORBIDDEN, WebError::Api(ApiError::Forbidden)).into_response();
    }
    let username = form.username.clone();
    let request = LoginRequest {
        username: form.username,
        password: form.password,
        code: None,
    };
    let client = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok());
    match sessions::log_in(&state.login_gate(), address.ip(), client, request).await {
        Ok(LoginStep::Done(session)) => signed_in(&state, &session, next),
        Ok(LoginStep::CodeNeeded { challenge }) => {
            super::second_factor::code_page(&state, words, &challenge, &next, None).into_response()
        }
        Err(error) => {
            let error = ApiError::from(error);
            let message = error.message(words.language);
            (
                error.status(),
                login_page(words, &state, &next, &username, Some((&message, true))),
            )
                .into_response()
        }
    }
}

/// The session cookie, and on to `next`.
pub(super) fn signed_in(state: &AppState, session: &LoginResponse, next: String) -> Response {
    let max_age = (session.expires_at - state.clock.now())
        .num_seconds()
        .max(0);
    (
        StatusCode::SEE_OTHER,
        [
            (
                header::SET_COOKIE,
                session_cookie(&session.token, max_age, state.config.secure_cookies()),
            ),
            (header::LOCATION, next),
        ],
    )
        .into_response()
}

pub async fn logout(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Form(form): Form<TokenOnly>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    if let Some(token) = session_token(&headers) {
        sessions::end(&state.db, &token).await?;
    }
    Ok((
        StatusCode::SEE_OTHER,
        [
            (
                header::SET_COOKIE,
                session_cookie("", 0, state.config.secure_cookies()),
            ),
            (header::LOCATION, "/staff/login".to_owned()),
        ],
    )
        .into_response())
}
