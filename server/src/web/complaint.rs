//! One complaint: what the citizen wrote, photos, where, why it came here, everything that
//! happened to it, and the forms to act on it (the actions its status allows).

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use protocol::api::Status;
use serde::Deserialize;

use super::choices::{self, Choice};
use super::map;
use super::page::{Page, Section, WebError, Words, layout, notice, see_other};
use crate::app::AppState;
use crate::calendar::kosovo_date;
use crate::complaints::parse_status;
use crate::error::ApiError;
use crate::routes::staff::{StaffComplaint, load_complaint};
use crate::workflow::{self, Action};

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
    institutions: Vec<Choice>,
    colleagues: Vec<(i64, String)>,
    templates: Vec<(i64, String, String)>,
}

async fn load(state: &AppState, page: &Page, id: String) -> Result<Context, WebError> {
    let today = kosovo_date(state.clock.now()).to_string();
    let staff = page.staff.clone();
    Ok(state
        .db
        .read(move |c| {
            let complaint = load_complaint(c, &staff, &id, &today)?;
            let mut statement = c.prepare_cached(
                "SELECT id, display_name FROM staff WHERE institution_id = ?1 AND active = 1 ORDER BY display_name",
            )?;
            let colleagues = statement
                .query_map([&complaint.item.institution_id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<Vec<_>, _>>()?;
            let mut statement = c.prepare_cached(
                "SELECT id, title, body FROM response_templates
                 WHERE institution_id = ?1 ORDER BY title",
            )?;
            let templates = statement
                .query_map([&complaint.item.institution_id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Context {
                complaint,
                institutions: choices::load(c, "institutions")?,
                colleagues,
                templates,
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
        .and_then(|t| context.templates.iter().find(|(id, _, _)| *id == t))
        .map(|(_, _, body)| body.clone())
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
    fn to_action(&self) -> Result<Action, ApiError> {
        Ok(match self.action.as_str() {
            "acknowledge" => Action::Acknowledge,
            "start" => Action::Start,
            "reply" => Action::Reply {
                text: self.text.clone(),
            },
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
                    id => Some(id.parse().map_err(|_| ApiError::BadRequest {
                        code: "unknown_staff",
                        detail: None,
                    })?),
                },
            },
            _ => {
                return Err(ApiError::BadRequest {
                    code: "bad_request",
                    detail: None,
                });
            }
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
                .call(move |c| {
                    let code: String = c
                        .query_row(
                            "SELECT tracking_code FROM complaints WHERE id = ?1",
                            [&id],
                            |r| r.get(0),
                        )
                        .map_err(|_| ApiError::NotFound)?;
                    let name = action.name();
                    workflow::apply(c, &staff, &id, action, now)?;
                    let institution: String = c.query_row(
                        "SELECT institution_id FROM complaints WHERE id = ?1",
                        [&id],
                        |r| r.get(0),
                    )?;
                    Ok((code, name, staff.serves(&institution)))
                })
                .await
        }
        Err(error) => Err(error),
    };
    match outcome {
        Ok((_, done, true)) => Ok(see_other(&format!("/staff/complaints/{id}?done={done}"))),
        Ok((code, _, false)) => Ok(see_other(&format!("/staff?transferred={code}"))),
        // A mistake in the form: the page again, with what was typed and what to fix.
        Err(
            error @ (ApiError::Input(_) | ApiError::Conflict { .. } | ApiError::BadRequest { .. }),
        ) => {
            let context = load(&state, &page, id).await?;
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

fn render(
    state: &AppState,
    page: &Page,
    context: &Context,
    done: Option<&str>,
    error: Option<&str>,
    typed: &ActionForm,
) -> axum::response::Html<String> {
    let words = page.words;
    let complaint = &context.complaint;
    let item = &complaint.item;
    let title = words.format(
        "web-complaint-title",
        &[("code", item.tracking_code.clone().into())],
    );
    let content = html! {
        p.back { a href="/staff" { (words.t("web-back-to-inbox")) } }
        h1 { (title) }
        (notice(done, false))
        (notice(error, true))
        div.complaint {
            div.column {
                section.summary aria-labelledby="summary-heading" {
                    h2 #summary-heading { (words.t("web-summary")) }
                    dl {
                        dt { (words.t("web-status")) }
                        dd { span class=(format!("status status-{}", item.status)) { (words.status(&item.status)) } }
                        dt { (words.t("web-category")) }
                        dd { (words.name(&item.category)) }
                        dt { (words.t("web-municipality")) }
                        dd { (words.name(&item.municipality)) }
                        dt { (words.t("web-institution")) }
                        dd { (words.name(&complaint.institution.name)) }
                        dt { (words.t("web-submitted")) }
                        dd { (words.time(&item.submitted_at)) }
                        dt { (words.t("web-acknowledge-by")) }
                        dd { (words.due(&item.ack_due)) }
                        dt { (words.t("web-answer-by")) }
                        dd.overdue[item.overdue] {
                            (words.due(&item.answer_due))
                            @if item.overdue { " " strong.flag { (words.t("web-overdue")) } }
                        }
                        dt { (words.t("web-assigned")) }
                        dd {
                            @match item.assigned_to.and_then(|a| context.colleagues.iter().find(|(id, _)| *id == a)) {
                                Some((_, name)) => (name),
                                None => (words.t("web-assigned-none")),
                            }
                        }
                        @if let Some(rating) = &complaint.rating {
                            dt { (words.t("web-rating")) }
                            dd {
                                (words.format("web-stars", &[("stars", i64::from(rating.stars).into())]))
                                @if let Some(comment) = &rating.comment { " — " q { (comment) } }
                            }
                        }
                    }
                }
                section.citizen aria-labelledby="citizen-heading" {
                    h2 #citizen-heading { (words.t("web-what-citizen-wrote")) }
                    blockquote.description lang=(complaint.language) { (complaint.description) }
                    h3 { (words.t("web-contact")) }
                    @match &complaint.contact {
                        Some(contact) => {
                            ul.contact {
                                @if let Some(name) = &contact.name { li { (name) } }
                                @if let Some(phone) = &contact.phone { li { a href=(format!("tel:{phone}")) { (phone) } } }
                                @if let Some(email) = &contact.email { li { a href=(format!("mailto:{email}")) { (email) } } }
                            }
                        }
                        None => p { (words.t("web-anonymous")) },
                    }
                    @if !complaint.photos.is_empty() {
                        h3 { (words.t("web-photos")) }
                        div.photos {
                            @for photo in &complaint.photos {
                                a href=(format!("/api/v1/staff/complaints/{}/photos/{}", item.id, photo.index)) {
                                    img src=(format!("/api/v1/staff/complaints/{}/photos/{}", item.id, photo.index))
                                        alt=(words.format("web-photo-alt", &[("number", i64::from(photo.index + 1).into())]))
                                        loading="lazy";
                                }
                            }
                        }
                    }
                }
                section.location aria-labelledby="location-heading" {
                    h2 #location-heading { (words.t("web-location")) }
                    (location(state, words, complaint))
                    h3 { (words.t("web-why-here")) }
                    p { (words.name(&complaint.explanation)) }
                }
                section.timeline aria-labelledby="timeline-heading" {
                    h2 #timeline-heading { (words.t("web-timeline")) }
                    (timeline(words, context))
                }
            }
            div.column {
                section.actions aria-labelledby="actions-heading" {
                    h2 #actions-heading { (words.t("web-actions")) }
                    (actions(page, context, typed))
                }
            }
        }
    };
    layout(page, Section::Inbox, &title, content)
}

fn location(state: &AppState, words: Words, complaint: &StaffComplaint) -> Markup {
    let point = complaint.lat.zip(complaint.lon);
    let municipality = words.name(&complaint.item.municipality);
    html! {
        div.maps {
            @if let Some((shape, bounds)) = state.locator.outline(&complaint.item.municipality_id) {
                figure {
                    (map::outline(words, &municipality, shape, bounds, point))
                    figcaption { (municipality) }
                }
            }
            @if let Some((lat, lon)) = point {
                (map::street_map(words, lat, lon))
            } @else {
                p { (words.t("web-no-gps")) }
            }
        }
    }
}

fn actions(page: &Page, context: &Context, typed: &ActionForm) -> Markup {
    let words = page.words;
    let item = &context.complaint.item;
    let status = parse_status(&item.status).unwrap_or(Status::Submitted);
    let permits = |action: Action| workflow::permits(status, &action);
    let action_path = format!("/staff/complaints/{}", item.id);
    let simple = |action: &str, label: &str| {
        html! {
            form.inline method="post" action=(action_path) {
                (page.token_field())
                input type="hidden" name="action" value=(action);
                button type="submit" { (words.t(label)) }
            }
        }
    };
    let reason_for = |action: &str| {
        if typed.action == action {
            typed.reason.as_str()
        } else {
            ""
        }
    };
    html! {
        @if permits(Action::Acknowledge) || permits(Action::Start) {
            div.quick {
                @if permits(Action::Acknowledge) { (simple("acknowledge", "web-acknowledge")) }
                @if permits(Action::Start) { (simple("start", "web-start")) }
            }
        }
        @if permits(Action::Reply { text: String::new() }) {
            form.action #reply method="post" action=(action_path) {
                h3 { (words.t("web-reply")) }
                (page.token_field())
                input type="hidden" name="action" value="reply";
                @if !context.templates.is_empty() {
                    div.templates {
                        label for="template" { (words.t("web-template")) }
                        select #template name="template" data-fills="reply-text" {
                            option value="" { (words.t("web-template-none")) }
                            @for (id, title, body) in &context.templates {
                                option value=(id) data-body=(body) { (title) }
                            }
                        }
                        button type="submit" formmethod="get" formaction=(format!("{action_path}#reply")) { (words.t("web-template-use")) }
                    }
                }
                label for="reply-text" { (words.t("web-reply-label")) }
                textarea #reply-text name="text" rows="5" { @if typed.action.is_empty() || typed.action == "reply" { (typed.text) } }
                p.hint { (words.t("web-reply-hint")) }
                button type="submit" { (words.t("web-send-reply")) }
            }
        }
        form.action #note method="post" action=(action_path) {
            h3 { (words.t("web-note")) }
            (page.token_field())
            input type="hidden" name="action" value="note";
            label for="note-text" { (words.t("web-note-label")) }
            textarea #note-text name="text" rows="3" { @if typed.action == "note" { (typed.text) } }
            button type="submit" { (words.t("web-add-note")) }
        }
        @if permits(Action::Resolve { reason: String::new() }) {
            form.action #resolve method="post" action=(action_path) {
                h3 { (words.t("web-resolve")) }
                (page.token_field())
                input type="hidden" name="action" value="resolve";
                label for="resolve-reason" { (words.t("web-resolve-label")) }
                textarea #resolve-reason name="reason" rows="3" { (reason_for("resolve")) }
                button type="submit" { (words.t("web-resolve")) }
            }
            form.action #reject method="post" action=(action_path) data-confirm=(words.t("web-confirm-reject")) {
                h3 { (words.t("web-reject")) }
                (page.token_field())
                input type="hidden" name="action" value="reject";
                label for="reject-reason" { (words.t("web-reject-label")) }
                textarea #reject-reason name="reason" rows="3" { (reason_for("reject")) }
                button.danger type="submit" { (words.t("web-reject")) }
            }
            form.action #transfer method="post" action=(action_path) data-confirm=(words.t("web-confirm-transfer")) {
                h3 { (words.t("web-transfer")) }
                (page.token_field())
                input type="hidden" name="action" value="transfer";
                label for="transfer-to" { (words.t("web-transfer-to")) }
                select #transfer-to name="institution_id" required {
                    option value="" { (words.t("web-choose")) }
                    (choices::options(words, &context.institutions.iter().filter(|i| i.id != item.institution_id).map(|i| Choice { id: i.id.clone(), name: i.name.clone() }).collect::<Vec<_>>(), Some(typed.institution_id.as_str())))
                }
                label for="transfer-reason" { (words.t("web-transfer-reason")) }
                textarea #transfer-reason name="reason" rows="3" { (reason_for("transfer")) }
                button type="submit" { (words.t("web-transfer")) }
            }
        }
        form.action #assign method="post" action=(action_path) {
            h3 { (words.t("web-assign")) }
            (page.token_field())
            input type="hidden" name="action" value="assign";
            label for="assign-to" { (words.t("web-assign-to")) }
            select #assign-to name="staff_id" {
                option value="" { (words.t("web-assigned-none")) }
                @for (id, name) in &context.colleagues {
                    option value=(id) selected[item.assigned_to == Some(*id)] { (name) }
                }
            }
            button type="submit" { (words.t("web-assign")) }
        }
    }
}

fn timeline(words: Words, context: &Context) -> Markup {
    let history = &context.complaint.history;
    html! {
        ol.timeline {
            @for entry in history.iter().rev() {
                li.internal[!entry.citizen_visible] {
                    p.when {
                        time datetime=(entry.at) { (words.time(&entry.at)) }
                        " · "
                        @match (&entry.actor_name, entry.actor_kind.as_str()) {
                            (Some(name), _) => (name),
                            (None, "citizen") => (words.t("web-actor-citizen")),
                            (None, _) => (words.t("web-actor-system")),
                        }
                    }
                    p.what {
                        strong { (event_label(words, &entry.action)) }
                        @if let Some(to) = entry.after.as_ref().and_then(|a| a.get("institution_id")).and_then(|v| v.as_str()).filter(|_| entry.action == "transferred") {
                            " → " (choices::name_of(words, &context.institutions, to))
                        }
                        @if let Some(status) = entry.after.as_ref().and_then(|a| a.get("status")).and_then(|v| v.as_str()).filter(|_| entry.action != "transferred" && entry.action != "noted" && entry.action != "assigned") {
                            " · " (words.status(status))
                        }
                        @if !entry.citizen_visible {
                            " " span.tag { (words.t("web-internal")) }
                        }
                    }
                    @if let Some(text) = &entry.text {
                        blockquote { (text) }
                    }
                }
            }
        }
    }
}

fn event_label(words: Words, action: &str) -> String {
    let id = format!("web-event-{action}");
    if words.has(&id) {
        words.t(&id)
    } else {
        action.to_owned()
    }
}
