//! The dashboard's second factor: setting it up (a QR code and the secret as text for the
//! authenticator app, a code from it to confirm, then the recovery codes, shown once), asking
//! for new recovery codes, turning it off where the role does not require it, and the login
//! step that asks for a code after the password. An account that must set one up reaches only
//! this page until it has.

use std::net::SocketAddr;

use axum::Form;
use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;

use super::page::{WebError, Words, bare, form_token, form_token_matches, local_path, notice};
use crate::auth::StaffMember;
use crate::auth::second_factor::{self, Setup};
use crate::auth::sessions;
use crate::http::cookies::session_token;
use crate::http::language::chosen_language;
use crate::http::{ApiError, RequestLanguage};
use crate::services::ServiceError;
use crate::state::AppState;

/// Whoever holds a live session, also one that must set up a second factor first.
pub struct Enrolling {
    staff: StaffMember,
    /// Whether the account must have a second factor (and so cannot turn it off).
    required: bool,
    words: Words,
    form_token: String,
}

impl FromRequestParts<AppState> for Enrolling {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, WebError> {
        let words = Words::new(chosen_language(&parts.headers));
        let login = |expired| WebError::Login {
            next: "/staff/second-factor".to_owned(),
            expired,
        };
        let Some(token) = session_token(&parts.headers) else {
            return Err(login(false));
        };
        match sessions::any_member(&state.db, &token, state.clock.now()).await {
            Ok(staff) => Ok(Enrolling {
                required: state.second_factor_required()
                    && second_factor::role_requires(staff.role),
                staff,
                words,
                form_token: form_token(&token),
            }),
            Err(_) => Err(login(true)),
        }
    }
}

impl Enrolling {
    fn check_form(&self, token: &str) -> Result<(), WebError> {
        if form_token_matches(&self.form_token, token) {
            Ok(())
        } else {
            Err(WebError::Api(ApiError::Forbidden))
        }
    }

    fn page(&self, state: &AppState, body: Markup) -> Html<String> {
        let training = state.sandbox.as_ref().map(|s| s.trainee_name.as_str());
        bare(self.words, training, &self.words.t("web-2fa-title"), body)
    }

    fn token_field(&self) -> Markup {
        html! { input type="hidden" name="form_token" value=(self.form_token); }
    }
}

/// `GET /staff/second-factor`.
pub async fn page(State(state): State<AppState>, who: Enrolling) -> Result<Response, WebError> {
    let id = who.staff.id;
    let username = who.staff.username.clone();
    let status = state
        .db
        .call(move |c| -> Result<_, ServiceError> {
            if second_factor::enabled(c, id)? {
                Ok(Err(second_factor::recovery_codes_left(c, id)?))
            } else {
                Ok(Ok(second_factor::begin(c, id, &username)?))
            }
        })
        .await?;
    Ok(match status {
        Ok(setup) => setup_page(&state, &who, &setup, None).into_response(),
        Err(left) => enabled_page(&state, &who, left, None).into_response(),
    })
}

fn setup_page(
    state: &AppState,
    who: &Enrolling,
    setup: &Setup,
    error: Option<&str>,
) -> Html<String> {
    let words = who.words;
    let qr = crate::services::campaigns::qr::svg(&setup.link).unwrap_or_default();
    who.page(state, html! {
        h1 { (words.t("web-2fa-title")) }
        @if who.required { p role="note" { (words.t("web-2fa-required")) } }
        (notice(error, true))
        ol.steps {
            li { (words.t("web-2fa-step-app")) }
            li {
                (words.t("web-2fa-step-scan"))
                figure.qr-code role="img" aria-label=(words.t("web-2fa-qr-label")) { (PreEscaped(qr)) }
                p { (words.t("web-2fa-or-type")) " " code #totp-secret { (setup.secret) } }
            }
            li {
                form method="post" action="/staff/second-factor" {
                    (who.token_field())
                    label for="code" { (words.t("web-2fa-code")) }
                    input #code name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                        pattern="[0-9 ]{6,7}" required autofocus;
                    button type="submit" { (words.t("web-2fa-confirm")) }
                }
            }
        }
    })
}

fn enabled_page(
    state: &AppState,
    who: &Enrolling,
    left: i64,
    codes: Option<&[String]>,
) -> Html<String> {
    let words = who.words;
    who.page(
        state,
        html! {
            h1 { (words.t("web-2fa-title")) }
            @if let Some(codes) = codes {
                p role="status" { (words.t("web-2fa-enabled-now")) }
                h2 { (words.t("web-2fa-recovery-title")) }
                p { (words.t("web-2fa-recovery-text")) }
                ul #recovery-codes .recovery-codes { @for code in codes { li { code { (code) } } } }
                p { a.button href="/staff" { (words.t("web-2fa-continue")) } }
            } @else {
                p #second-factor-on { (words.format("web-2fa-on", &[("left", left.into())])) }
                form method="post" action="/staff/second-factor/recovery-codes" {
                    (who.token_field())
                    button type="submit" { (words.t("web-2fa-new-codes")) }
                }
                @if !who.required {
                    form method="post" action="/staff/second-factor/off" {
                        (who.token_field())
                        button.danger type="submit" { (words.t("web-2fa-turn-off")) }
                    }
                }
                p { a href="/staff/account" { (words.t("web-my-account")) } }
            }
        },
    )
}

#[derive(Deserialize)]
pub struct CodeForm {
    form_token: String,
    code: String,
}

/// `POST /staff/second-factor`: confirms setting up with a code from the app.
pub async fn confirm(
    State(state): State<AppState>,
    headers: HeaderMap,
    who: Enrolling,
    Form(form): Form<CodeForm>,
) -> Result<Response, WebError> {
    who.check_form(&form.form_token)?;
    let (id, username, now) = (who.staff.id, who.staff.username.clone(), state.clock.now());
    let token = session_token(&headers).unwrap_or_default();
    let outcome = state
        .db
        .call(move |c| -> Result<_, ServiceError> {
            match second_factor::confirm(c, id, &username, &form.code, now) {
                Ok(codes) => {
                    sessions::enrolled(c, &token)?;
                    Ok(Ok(codes))
                }
                Err(ServiceError::SecondFactor { code }) => Ok(Err(code)),
                Err(other) => Err(other),
            }
        })
        .await?;
    match outcome {
        Ok(codes) => {
            Ok(enabled_page(&state, &who, codes.len() as i64, Some(&codes)).into_response())
        }
        Err(code) => {
            let message =
                ApiError::from(ServiceError::SecondFactor { code }).message(who.words.language);
            let (id, username) = (who.staff.id, who.staff.username.clone());
            let setup = state
                .db
                .call(move |c| second_factor::begin(c, id, &username))
                .await?;
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                setup_page(&state, &who, &setup, Some(&message)),
            )
                .into_response())
        }
    }
}

#[derive(Deserialize)]
pub struct TokenForm {
    form_token: String,
}

/// `POST /staff/second-factor/recovery-codes`: new recovery codes, the old ones void.
pub async fn new_codes(
    State(state): State<AppState>,
    who: Enrolling,
    Form(form): Form<TokenForm>,
) -> Result<Response, WebError> {
    who.check_form(&form.form_token)?;
    let id = who.staff.id;
    let codes = state
        .db
        .call(move |c| -> Result<_, ServiceError> {
            if !second_factor::enabled(c, id)? {
                return Err(ServiceError::Conflict {
                    code: "second_factor_not_begun",
                });
            }
            second_factor::new_recovery_codes(c, id)
        })
        .await?;
    Ok(enabled_page(&state, &who, codes.len() as i64, Some(&codes)).into_response())
}

/// `POST /staff/second-factor/off`: for an account whose role does not require one.
pub async fn turn_off(
    State(state): State<AppState>,
    who: Enrolling,
    Form(form): Form<TokenForm>,
) -> Result<Response, WebError> {
    who.check_form(&form.form_token)?;
    if who.required {
        return Err(WebError::Api(ApiError::Forbidden));
    }
    let id = who.staff.id;
    state
        .db
        .call(move |c| second_factor::turn_off(c, id))
        .await?;
    Ok(super::page::see_other("/staff/account"))
}

/// The login's second step: a code from the app, or a recovery code.
pub fn code_page(
    state: &AppState,
    words: Words,
    challenge: &str,
    next: &str,
    error: Option<&str>,
) -> Html<String> {
    let content = html! {
        div.login {
            h1 { (words.t("web-2fa-login-title")) }
            p { (words.t("web-2fa-login-text")) }
            (notice(error, true))
            form method="post" action="/staff/login/code" {
                input type="hidden" name="challenge" value=(challenge);
                input type="hidden" name="next" value=(next);
                label for="code" { (words.t("web-2fa-code-or-recovery")) }
                input #code name="code" type="text" autocomplete="one-time-code" required autofocus;
                button type="submit" { (words.t("web-log-in")) }
            }
        }
    };
    let training = state.sandbox.as_ref().map(|s| s.trainee_name.as_str());
    bare(words, training, &words.t("web-2fa-login-title"), content)
}

#[derive(Deserialize)]
pub struct LoginCodeForm {
    challenge: String,
    code: String,
    next: Option<String>,
}

/// `POST /staff/login/code`: the code after the password; a session if it is right.
pub async fn login_code(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    RequestLanguage(language): RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<LoginCodeForm>,
) -> Response {
    let words = Words::new(language);
    let next = local_path(form.next.as_deref()).to_owned();
    let client = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok());
    match sessions::complete(
        &state.login_gate(),
        address.ip(),
        client,
        &form.challenge,
        &form.code,
    )
    .await
    {
        Ok(session) => super::login::signed_in(&state, &session, next),
        Err(error) => {
            let error = ApiError::from(error);
            let message = error.message(language);
            let expired = matches!(
                error,
                ApiError::SecondFactor {
                    code: "login_expired"
                }
            );
            if expired {
                let page =
                    super::login::login_page(words, &state, &next, "", Some((&message, true)));
                return (error.status(), page).into_response();
            }
            (
                error.status(),
                code_page(&state, words, &form.challenge, &next, Some(&message)),
            )
                .into_response()
        }
    }
}
