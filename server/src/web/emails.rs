//! "My emails": each staff member chooses their own work address, the language of their
//! emails, and which they receive (each new complaint of their institution, a complaint given
//! to them, the daily digest). Nobody chooses for anyone else.

use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::html;
use serde::Deserialize;

use super::page::{Page, Section, WebError, layout, notice, see_other};
use crate::services::ServiceError;
use crate::services::mail::letters::language_of;
use crate::services::mail::preferences::{self, ADDRESS_MAX_CHARS, LANGUAGES, StaffEmails};
use crate::state::AppState;

fn render(page: &Page, choice: &StaffEmails, saved: bool, error: Option<&str>) -> Html<String> {
    let words = page.words;
    let title = words.t("web-my-emails");
    let check = |name: &str, on: bool, label: &str| {
        html! {
            label.check {
                input type="checkbox" name=(name) value="true" checked[on];
                (words.t(label))
            }
        }
    };
    let content = html! {
        h1 { (title) }
        p { (words.t("web-my-emails-intro")) }
        @if saved { (notice(Some(&words.t("web-my-emails-saved")), false)) }
        (notice(error, true))
        form.action #my-emails method="post" action="/staff/emails" {
            (page.token_field())
            label for="my-email" { (words.t("web-my-email")) }
            input #my-email name="email" type="email" maxlength=(ADDRESS_MAX_CHARS) value=[choice.email.as_deref()];
            label for="my-email-language" { (words.t("web-my-email-language")) }
            select #my-email-language name="language" {
                @for language in LANGUAGES {
                    option value=(language) selected[choice.language == language] { (language_of(language).autonym()) }
                }
            }
            (check("new_complaints", choice.new_complaints, "web-my-new-complaints"))
            (check("assigned_to_me", choice.assigned_to_me, "web-my-assigned"))
            (check("daily_digest", choice.daily_digest, "web-my-digest"))
            button type="submit" { (words.t("web-save")) }
        }
    };
    layout(page, Section::Emails, &title, content)
}

#[derive(Deserialize)]
pub struct SavedQuery {
    #[serde(default)]
    saved: Option<String>,
}

pub async fn page(
    State(state): State<AppState>,
    page: Page,
    axum::extract::Query(query): axum::extract::Query<SavedQuery>,
) -> Result<Html<String>, WebError> {
    let choice = preferences::of(&state.db, &page.staff).await?;
    Ok(render(&page, &choice, query.saved.is_some(), None))
}

#[derive(Deserialize)]
pub struct EmailsForm {
    form_token: String,
    #[serde(default)]
    email: String,
    language: String,
    new_complaints: Option<String>,
    assigned_to_me: Option<String>,
    daily_digest: Option<String>,
}

pub async fn save(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<EmailsForm>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    let choice = StaffEmails {
        email: Some(form.email.trim().to_owned()).filter(|e| !e.is_empty()),
        language: form.language,
        new_complaints: form.new_complaints.is_some(),
        assigned_to_me: form.assigned_to_me.is_some(),
        daily_digest: form.daily_digest.is_some(),
    };
    match preferences::set(&state.db, &page.staff, choice.clone()).await {
        Ok(_) => Ok(see_other("/staff/emails?saved=1")),
        Err(ServiceError::BadRequest { code, .. }) => {
            let message = page.t(&format!("error-{}", code.replace('_', "-")));
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                render(&page, &choice, false, Some(&message)),
            )
                .into_response())
        }
        Err(other) => Err(other.into()),
    }
}
