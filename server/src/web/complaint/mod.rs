//! One complaint: what the citizen wrote, photos, where, why it came here, everything that
//! happened to it, and the forms to act on it (the actions its status allows).

mod actions;
mod view;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::page::{Page, WebError, see_other};
use crate::calendar::kosovo_date;
use crate::http::ApiError;
use crate::services::ServiceError;
use crate::services::access_log;
use crate::services::catalog::{self, Choice, Listing};
use crate::services::inbox::{self, Colleague, StaffComplaint};
use crate::services::templates::{self, Template};
use crate::services::workflow::{self, Action};
use crate::state::AppState;
use view::render;

#[derive(Deserialize, Default)]
pub struct PageQuery {
    /// The action just taken, to confirm it.
    done: Option<String>,
    /// A response template to start the reply from.
    template: Option<i64>,
}

/// Everything the page shows besides the complaint itself.
struct Context {
    complaint: StaffComplaint,
    /// The contact details and photos are there but hidden until asked for.
    personal_hidden: bool,
    institutions: Vec<Choice>,
    colleagues: Vec<Colleague>,
    templates: Vec<Template>,
}

async fn load(state: &AppState, page: &Page, id: String) -> Result<Context, WebError> {
    let today = kosovo_date(state.clock.now()).to_string();
    let (staff, now) = (page.staff.clone(), state.clock.now());
    Ok(state
        .db
        .read(move |c| {
            let mut complaint = inbox::complaint(c, &staff, &id, &today)?;
            let personal_hidden = access_log::hide_unless_looked(c, &staff, &mut complaint, now)?;
            let institution = complaint.item.institution_id.clone();
            Ok::<_, ServiceError>(Context {
                personal_hidden,
                institutions: catalog::choices(c, Listing::Institutions)?,
                colleagues: inbox::colleagues(c, Some(&institution))?,
                templates: templates::of_institution(c, &institution)?,
                complaint,
            })
        })
        .await?)
}

pub async fn page(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    Query(query): Query<PageQuery>,
) -> Result<Response, WebError> {
    let context = load(&state, &page, id).await?;
    let reply = query
        .template
        .and_then(|t| context.templates.iter().find(|template| template.id == t))
        .map(|template| template.body.clone())
        .unwrap_or_default();
    let done = query
        .done
        .filter(|d| d.chars().all(|c| c.is_ascii_lowercase()))
        .map(|d| page.t(&format!("web-done-{d}")));
    let typed = ActionForm {
        text: reply,
        ..ActionForm::default()
    };
    Ok(render(&state, &page, &context, done.as_deref(), None, &typed).into_response())
}

/// What an action form sends.
#[derive(Deserialize, Default)]
pub struct ActionForm {
    #[serde(default)]
    form_token: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    institution_id: String,
    #[serde(default)]
    staff_id: String,
}

impl ActionForm {
    fn to_action(&self) -> Result<Action, ServiceError> {
        Ok(match self.action.as_str() {
            "acknowledge" => Action::Acknowledge,
            "start" => Action::Start,
            "reply" => Action::Reply {
                text: self.text.clone(),
            },
            "ask" => Action::Ask {
                text: self.text.clone(),
            },
            "close_unanswered" => Action::CloseUnanswered,
            "note" => Action::Note {
                text: self.text.clone(),
            },
            "resolve" => Action::Resolve {
                reason: self.reason.clone(),
            },
            "reject" => Action::Reject {
                reason: self.reason.clone(),
            },
            "transfer" => Action::Transfer {
                institution_id: self.institution_id.clone(),
                reason: self.reason.clone(),
            },
            "assign" => Action::Assign {
                staff_id: match self.staff_id.as_str() {
                    "" => None,
                    id => Some(
                        id.parse()
                            .map_err(|_| ServiceError::bad_request("unknown_staff"))?,
                    ),
                },
            },
            _ => return Err(ServiceError::bad_request("bad_request")),
        })
    }
}

pub async fn act(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    Form(form): Form<ActionForm>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    let outcome = match form.to_action() {
        Ok(action) => {
            let (staff, id, now) = (page.staff.clone(), id.clone(), state.clock.now());
            state
                .db
                .call(move |c| workflow::take(c, &staff, &id, action, now))
                .await
        }
        Err(error) => Err(error),
    };
    match outcome {
        Ok(taken) if taken.still_visible => Ok(see_other(&format!(
            "/staff/complaints/{id}?done={}",
            taken.action
        ))),
        Ok(taken) => Ok(see_other(&format!(
            "/staff?transferred={}",
            taken.tracking_code
        ))),
        // A mistake in the form: the page again, with what was typed and what to fix.
        Err(
            error @ (ServiceError::Input(_)
            | ServiceError::Conflict { .. }
            | ServiceError::BadRequest { .. }),
        ) => {
            let context = load(&state, &page, id).await?;
            let error = ApiError::from(error);
            let message = error.message(page.words.language);
            Ok((
                error.status(),
                render(&state, &page, &context, None, Some(&message), &form),
            )
                .into_response())
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize)]
pub struct RevealForm {
    form_token: String,
}

/// Shows the contact details and photos, recording who asked.
pub async fn reveal(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    Form(form): Form<RevealForm>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    let today = kosovo_date(state.clock.now()).to_string();
    access_log::reveal(&state.db, &page.staff, id.clone(), today, state.clock.now()).await?;
    Ok(see_other(&format!(
        "/staff/complaints/{id}#citizen-heading"
    )))
}
