//! Administration pages: institutions, categories and their deadlines, routing rules (for
//! administrators) and staff accounts (administrators, and managers for their own institution).
//! Each form calls the same administration service as the API, so the checks and the audit
//! trail are the same.

mod people;
mod reference;

use axum::response::Response;
use maud::{Markup, html};
use serde::Deserialize;

pub use people::*;
pub use reference::*;

use super::page::{Page, WebError, Words, notice, see_other};
use crate::http::ApiError;
use crate::services::ServiceError;

/// `?error=code` after a refused change: the message for it, in the page's language.
#[derive(Deserialize, Default)]
pub struct Outcome {
    error: Option<String>,
    saved: Option<String>,
}

impl Outcome {
    fn notice(&self, words: Words) -> Markup {
        let error = self
            .error
            .as_deref()
            .filter(|code| code.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .map(|code| {
                let id = format!("error-{}", code.replace('_', "-"));
                if words.has(&id) {
                    words.t(&id)
                } else {
                    words.t("error-bad-request")
                }
            });
        html! {
            (notice(self.saved.as_ref().map(|_| words.t("web-saved")).as_deref(), false))
            (notice(error.as_deref(), true))
        }
    }
}

/// Back to `location`, saying whether the change went through.
fn after_change<T>(location: &str, result: Result<T, ServiceError>) -> Result<Response, WebError> {
    let target = match result.map_err(ApiError::from) {
        Ok(_) => format!("{location}?saved=1"),
        Err(
            error @ (ApiError::Input(_)
            | ApiError::BadRequest { .. }
            | ApiError::Conflict { .. }
            | ApiError::NotFound),
        ) => format!("{location}?error={}", error.code()),
        Err(other) => return Err(other.into()),
    };
    Ok(see_other(&target))
}

fn tabs(page: &Page, current: &str) -> Markup {
    let words = page.words;
    let tab = |href: &str, id: &str| {
        html! { li { a href=(href) aria-current=[(href == current).then_some("page")] { (words.t(id)) } } }
    };
    html! {
        nav.tabs aria-label=(words.t("web-nav-administration")) {
            ul {
                @if page.is_admin() {
                    (tab("/staff/admin/institutions", "web-admin-institutions"))
                    (tab("/staff/admin/categories", "web-admin-categories"))
                    (tab("/staff/admin/rules", "web-admin-rules"))
                }
                (tab("/staff/people", "web-admin-staff"))
            }
        }
    }
}

fn checkbox(value: &Option<String>) -> bool {
    value.as_deref() == Some("true")
}

fn blank_to_none(value: &str) -> Option<String> {
    (!value.trim().is_empty()).then(|| value.trim().to_owned())
}
