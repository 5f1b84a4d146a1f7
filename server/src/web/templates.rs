//! Response templates: replies an institution sends often, kept once and picked when replying.
//! Everyone in the institution uses them; managers and administrators keep them.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::html;
use serde::Deserialize;

use super::page::{Page, Section, TokenOnly, WebError, layout, notice, see_other};
use crate::services::ServiceError;
use crate::services::templates::{self, TITLE_MAX, Template};
use crate::state::AppState;

fn render(page: &Page, templates: &[Template], error: Option<&str>) -> Html<String> {
    let words = page.words;
    let title = words.t("web-templates-title");
    let keeps = templates::may_keep(&page.staff);
    let content = html! {
        h1 { (title) }
        p { (words.t("web-templates-intro")) }
        (notice(error, true))
        @if templates.is_empty() {
            p.empty { (words.t("web-templates-empty")) }
        }
        @for template in templates {
            article.template {
                h2 { (template.title) }
                p.body { (template.body) }
                @if keeps {
                    form method="post" action=(format!("/staff/templates/{}/delete", template.id)) {
                        (page.token_field())
                        button.danger type="submit" { (words.t("web-delete")) }
                    }
                }
            }
        }
        @if keeps {
            form.action method="post" action="/staff/templates" {
                h2 { (words.t("web-template-new")) }
                (page.token_field())
                label for="template-title" { (words.t("web-template-name")) }
                input #template-title name="title" required maxlength=(TITLE_MAX);
                label for="template-body" { (words.t("web-template-text")) }
                textarea #template-body name="body" rows="5" required {}
                button type="submit" { (words.t("web-save")) }
            }
        }
    };
    layout(page, Section::Templates, &title, content)
}

async fn list(state: &AppState, page: &Page) -> Result<Vec<Template>, ServiceError> {
    let staff = page.staff.clone();
    state.db.read(move |c| templates::list(c, &staff)).await
}

pub async fn page(State(state): State<AppState>, page: Page) -> Result<Html<String>, WebError> {
    let templates = list(&state, &page).await?;
    Ok(render(&page, &templates, None))
}

#[derive(Deserialize)]
pub struct NewTemplate {
    form_token: String,
    title: String,
    body: String,
}

pub async fn create(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<NewTemplate>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    let staff = page.staff.clone();
    let created = state
        .db
        .call(move |c| templates::create(c, &staff, &form.title, &form.body))
        .await;
    match created {
        Ok(()) => Ok(see_other("/staff/templates")),
        Err(ServiceError::BadRequest {
            code: templates::INVALID,
            ..
        }) => {
            let templates = list(&state, &page).await?;
            let message = page.t("web-template-invalid");
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                render(&page, &templates, Some(&message)),
            )
                .into_response())
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn delete(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<TokenOnly>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    let staff = page.staff.clone();
    state
        .db
        .call(move |c| templates::delete(c, &staff, id))
        .await?;
    Ok(see_other("/staff/templates"))
}
