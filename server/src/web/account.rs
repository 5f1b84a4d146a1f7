//! "My account": a staff member changes their own password (the current one first; every other
//! session of theirs ends) and sees where they are logged in, ending any session, or all but
//! this one.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use maud::html;
use serde::Deserialize;

use super::page::{Page, Section, WebError, layout, notice, see_other};
use crate::auth::strength::{MAX_CHARS, MIN_CHARS};
use crate::http::cookies::session_token;
use crate::services::ServiceError;
use crate::services::own_account::{self, OpenSession};
use crate::state::AppState;

/// What My account shows besides the forms: the sessions, and whether a second factor is on.
struct Account {
    sessions: Vec<OpenSession>,
    second_factor: bool,
}

async fn account(state: &AppState, page: &Page, headers: &HeaderMap) -> Result<Account, WebError> {
    let sessions =
        own_account::sessions(&state.db, &page.staff, &token(headers), state.clock.now()).await?;
    let id = page.staff.id;
    let second_factor = state
        .db
        .read(move |c| crate::auth::second_factor::enabled(c, id))
        .await?;
    Ok(Account {
        sessions,
        second_factor,
    })
}

fn render(page: &Page, account: &Account, done: Option<&str>, error: Option<&str>) -> Html<String> {
    let sessions = &account.sessions;
    let words = page.words;
    let title = words.t("web-account-title");
    let content = html! {
        h1 { (title) }
        (notice(done.map(|d| words.t(d)).as_deref(), false))
        (notice(error, true))
        section aria-labelledby="password-heading" {
            h2 #password-heading { (words.t("web-account-password")) }
            p { (words.t("web-account-password-rules")) }
            form.action #change-password method="post" action="/staff/account/password" {
                (page.token_field())
                label for="current-password" { (words.t("web-account-current-password")) }
                input #current-password name="current" type="password" required autocomplete="current-password";
                label for="new-password" { (words.t("web-account-new-password")) }
                input #new-password name="new" type="password" required minlength=(MIN_CHARS) maxlength=(MAX_CHARS) autocomplete="new-password";
                button type="submit" { (words.t("web-account-change-password")) }
            }
        }
        section aria-labelledby="second-factor-heading" {
            h2 #second-factor-heading { (words.t("web-2fa-account")) }
            p #second-factor-status {
                (words.t(if account.second_factor { "web-2fa-account-on" } else { "web-2fa-account-off" }))
            }
            p { a #second-factor-link href="/staff/second-factor" { (words.t("web-2fa-manage")) } }
        }
        section aria-labelledby="sessions-heading" {
            h2 #sessions-heading { (words.t("web-account-sessions")) }
            div.table-wrap {
                table #sessions {
                    thead {
                        tr {
                            th scope="col" { (words.t("web-account-client")) }
                            th scope="col" { (words.t("web-account-started")) }
                            th scope="col" { (words.t("web-account-expires")) }
                            th scope="col" { span.visually-hidden { (words.t("web-account-end")) } }
                        }
                    }
                    tbody {
                        @for session in sessions {
                            tr {
                                td {
                                    (session.client.clone().unwrap_or_else(|| words.t("web-account-unknown-client")))
                                    @if session.this_one { " " strong.flag { (words.t("web-account-this-session")) } }
                                }
                                td { (words.time(&session.started_at)) }
                                td { (words.time(&session.expires_at)) }
                                td {
                                    @if !session.this_one {
                                        form method="post" action=(format!("/staff/account/sessions/{}/end", session.handle)) {
                                            (page.token_field())
                                            button type="submit" { (words.t("web-account-end")) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if sessions.iter().any(|s| !s.this_one) {
                form #end-others method="post" action="/staff/account/sessions/end-others" {
                    (page.token_field())
                    button type="submit" { (words.t("web-account-end-others")) }
                }
            }
        }
    };
    layout(page, Section::Account, &title, content)
}

fn token(headers: &HeaderMap) -> String {
    session_token(headers).unwrap_or_default()
}

#[derive(Deserialize)]
pub struct Done {
    done: Option<String>,
}

/// What a finished action says on the page it returns to.
fn done_message(done: Option<&str>) -> Option<&'static str> {
    match done? {
        "password" => Some("web-account-password-changed"),
        "ended" => Some("web-account-session-ended"),
        _ => None,
    }
}

pub async fn page(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Query(query): Query<Done>,
) -> Result<Html<String>, WebError> {
    let account = account(&state, &page, &headers).await?;
    Ok(render(
        &page,
        &account,
        done_message(query.done.as_deref()),
        None,
    ))
}

#[derive(Deserialize)]
pub struct PasswordForm {
    form_token: String,
    current: String,
    new: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Form(form): Form<PasswordForm>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    let token = token(&headers);
    let changed = own_account::change_password(
        &state.login_gate(),
        &page.staff,
        &token,
        form.current,
        form.new,
    )
    .await;
    match changed {
        Ok(()) => Ok(see_other("/staff/account?done=password")),
        Err(ServiceError::BadRequest { code, .. }) => {
            let message = page.t(&format!("error-{}", code.replace('_', "-")));
            let account = account(&state, &page, &headers).await?;
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                render(&page, &account, None, Some(&message)),
            )
                .into_response())
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize)]
pub struct TokenForm {
    form_token: String,
}

pub async fn end_session(
    State(state): State<AppState>,
    page: Page,
    Path(handle): Path<String>,
    Form(form): Form<TokenForm>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    own_account::end_session(&state.db, &page.staff, &handle).await?;
    Ok(see_other("/staff/account?done=ended"))
}

pub async fn end_others(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Form(form): Form<TokenForm>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    own_account::end_other_sessions(&state.db, &page.staff, &token(&headers)).await?;
    Ok(see_other("/staff/account?done=ended"))
}
