//! What every dashboard page shares: who is logged in, in which language, the form token, the
//! page frame with navigation and language switch (`frame`), words in the page's language
//! (`words`), what forms need (`forms`), and how failures become pages.

mod forms;
mod frame;
mod words;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};

pub use forms::{
    TokenOnly, csv_download, form_token, form_token_matches, local_path, public_url, see_other,
    switch_language, urlencoding,
};
pub use frame::{Section, asked_language, bare, head_common, layout, notice, public};
pub use words::Words;

use crate::auth::{Role, StaffMember};
use crate::http::ApiError;
use crate::http::cookies::session_token;
use crate::http::language::chosen_language;
use crate::services::ServiceError;
use crate::state::AppState;

/// A logged-in staff member's page: who, in which language, and the form token.
pub struct Page {
    pub staff: StaffMember,
    pub words: Words,
    pub form_token: String,
    /// This page's path and query, to come back to after switching language.
    pub here: String,
    /// In a training sandbox: the trainee's name, for the banner every page shows there.
    pub training: Option<String>,
}

impl Page {
    pub fn t(&self, id: &str) -> String {
        self.words.t(id)
    }

    /// Refuses a form that does not carry this session's token.
    pub fn check_form(&self, token: &str) -> Result<(), WebError> {
        if form_token_matches(&self.form_token, token) {
            Ok(())
        } else {
            Err(WebError::Api(ApiError::BadRequest {
                code: "stale_form",
                detail: None,
            }))
        }
    }

    pub fn is_admin(&self) -> bool {
        self.staff.role == Role::Administrator
    }

    /// The hidden field every form carries.
    pub fn token_field(&self) -> Markup {
        html! { input type="hidden" name="form_token" value=(self.form_token); }
    }
}

impl FromRequestParts<AppState> for Page {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, WebError> {
        let here = parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_else(|| "/staff".to_owned());
        let words = Words::new(chosen_language(&parts.headers));
        let token = session_token(&parts.headers);
        match StaffMember::from_request_parts(parts, state).await {
            Ok(staff) => Ok(Page {
                staff,
                words,
                form_token: form_token(token.as_deref().unwrap_or_default()),
                here,
                training: state.sandbox.as_ref().map(|s| s.trainee_name.clone()),
            }),
            Err(ApiError::Unauthorized) => Err(WebError::Login {
                next: here,
                expired: token.is_some(),
            }),
            Err(ApiError::SecondFactor { .. }) => Err(WebError::Enrol),
            Err(other) => Err(WebError::Api(other)),
        }
    }
}

/// Why a page could not be shown.
#[derive(Debug)]
pub enum WebError {
    /// Not logged in, or the session ended: to the login page, then back.
    Login {
        next: String,
        expired: bool,
    },
    /// Logged in, but the account must set up a second factor first.
    Enrol,
    Api(ApiError),
}

impl From<ApiError> for WebError {
    fn from(error: ApiError) -> Self {
        WebError::Api(error)
    }
}

impl From<ServiceError> for WebError {
    fn from(error: ServiceError) -> Self {
        WebError::Api(error.into())
    }
}

/// Carried on a failed response until [`render_failures`] turns it into a page.
#[derive(Clone)]
pub struct Failure(pub ApiError);

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        match self {
            WebError::Login { next, expired } => {
                let mut target = format!("/staff/login?next={}", urlencoding(&next));
                if expired {
                    target.push_str("&expired=1");
                }
                Redirect::to(&target).into_response()
            }
            WebError::Enrol => Redirect::to("/staff/second-factor").into_response(),
            WebError::Api(error) => {
                let mut response = error.status().into_response();
                response.extensions_mut().insert(Failure(error));
                response
            }
        }
    }
}

/// Renders failures as pages in the language of the request.
pub async fn render_failures(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let words = Words::new(chosen_language(request.headers()));
    let response = next.run(request).await;
    let Some(Failure(error)) = response.extensions().get::<Failure>().cloned() else {
        return response;
    };
    if let ApiError::Internal(internal) = &error {
        tracing::error!(error = %internal, "dashboard request failed");
    }
    let body = frame::frame(
        words,
        None,
        None,
        &words.t("web-error-title"),
        html! {
            h1 { (words.t("web-error-title")) }
            p role="alert" { (error.message(words.language)) }
            p { a href="/staff" { (words.t("web-back-to-inbox")) } }
        },
    );
    (error.status(), body).into_response()
}
