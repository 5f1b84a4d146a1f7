//! Response templates: replies an institution sends often, kept once and picked when replying.
//! Everyone in the institution uses them; managers and administrators keep them.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::html;
use serde::Deserialize;

use super::page::{Page, Section, TokenOnly, WebError, layout, notice, see_other};
use crate::app::AppState;
use crate::auth::Role;
use crate::error::ApiError;

const TITLE_MAX: usize = 120;
const BODY_MAX: usize = protocol::api::limits::DESCRIPTION_MAX_CHARS;

fn institution(page: &Page) -> Result<String, ApiError> {
    page.staff.institution_id.clone().ok_or(ApiError::Forbidden)
}

fn render(page: &Page, templates: &[(i64, String, String)], error: Option<&str>) -> Html<String> {
    let words = page.words;
    let title = words.t("web-templates-title");
    let keeps = page.staff.role != Role::Staff;
    let content = html! {
        h1 { (title) }
        p { (words.t("web-templates-intro")) }
        (notice(error, true))
        @if templates.is_empty() {
            p.empty { (words.t("web-templates-empty")) }
        }
        @for (id, title, body) in templates {
            article.template {
                h2 { (title) }
                p.body { (body) }
                @if keeps {
                    form method="post" action=(format!("/staff/templates/{id}/delete")) {
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

async fn load(
    state: &AppState,
    institution: String,
) -> Result<Vec<(i64, String, String)>, ApiError> {
    state
        .db
        .read(move |c| {
            let mut statement = c.prepare_cached(
                "SELECT id, title, body FROM response_templates WHERE institution_id = ?1 ORDER BY title",
            )?;
            let rows = statement
                .query_map([institution], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
}

pub async fn page(State(state): State<AppState>, page: Page) -> Result<Html<String>, WebError> {
    let templates = load(&state, institution(&page)?).await?;
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
    if page.staff.role == Role::Staff {
        return Err(ApiError::Forbidden.into());
    }
    let institution = institution(&page)?;
    let (title, body) = (form.title.trim().to_owned(), form.body.trim().to_owned());
    if title.is_empty()
        || body.is_empty()
        || title.chars().count() > TITLE_MAX
        || body.chars().count() > BODY_MAX
    {
        let templates = load(&state, institution).await?;
        let message = page.t("web-template-invalid");
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            render(&page, &templates, Some(&message)),
        )
            .into_response());
    }
    state
        .db
        .call(move |c| {
            c.execute(
                "INSERT INTO response_templates (institution_id, title, body) VALUES (?1, ?2, ?3)",
                [institution, title, body],
            )?;
            Ok(())
        })
        .await?;
    Ok(see_other("/staff/templates"))
}

pub async fn delete(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<TokenOnly>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    if page.staff.role == Role::Staff {
        return Err(ApiError::Forbidden.into());
    }
    let institution = institution(&page)?;
    let deleted = state
        .db
        .call(move |c| {
            Ok(c.execute(
                "DELETE FROM response_templates WHERE id = ?1 AND institution_id = ?2",
                rusqlite::params![id, institution],
            )?)
        })
        .await?;
    if deleted == 0 {
        return Err(ApiError::NotFound.into());
    }
    Ok(see_other("/staff/templates"))
}
