//! Training pages. For the trainer (an administrator): trainees with their links and progress,
//! resetting sandboxes, and the trained-staff report per institution (the "trained staff"
//! indicator). For a trainee, inside their sandbox: the exercises and which are done.

use std::collections::{BTreeMap, HashSet};

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use maud::html;
use serde::Deserialize;

use super::choices;
use super::page::{Page, Section, TokenOnly, WebError, layout, notice, public_url, see_other};
use crate::auth::StaffMember;
use crate::http::ApiError;
use crate::services::catalog::{self, Listing};
use crate::services::institutions;
use crate::services::training::{self, Exercise, NAME_MAX, Trainee};
use crate::state::AppState;
use crate::training::{sandbox_progress, trainer};

#[derive(Default, Deserialize)]
pub struct TraineeForm {
    #[serde(default)]
    form_token: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    institution_id: String,
}

#[derive(Deserialize)]
pub struct TrainingQuery {
    reset: Option<String>,
}

fn exercise_name(page: &Page, exercise: Exercise) -> String {
    page.t(&format!("web-exercise-{}", exercise.id()))
}

fn render(
    page: &Page,
    headers: &HeaderMap,
    state: &AppState,
    trainees: &[Trainee],
    (institutions, municipal): (&[choices::Choice], &HashSet<String>),
    typed: &TraineeForm,
    message: Option<(&str, bool)>,
) -> Html<String> {
    let words = page.words;
    let title = words.t("web-training-title");
    let base = public_url(state, headers);
    let mut trained: BTreeMap<String, Vec<&Trainee>> = BTreeMap::new();
    for trainee in trainees.iter().filter(|t| t.trained()) {
        trained
            .entry(choices::name_of(
                words,
                institutions,
                &trainee.institution_id,
            ))
            .or_default()
            .push(trainee);
    }
    let trained_total: usize = trained.values().map(Vec::len).sum();
    let trained_municipal = trainees
        .iter()
        .filter(|t| t.trained() && municipal.contains(&t.institution_id))
        .count();
    let content = html! {
        h1 { (title) }
        p { (words.t("web-training-intro")) }
        (notice(message.map(|(m, _)| m), message.is_some_and(|(_, e)| e)))
        @if trainees.is_empty() {
            p.empty { (words.t("web-training-empty")) }
        } @else {
            div.table-wrap {
                table #trainees {
                    thead { tr {
                        th scope="col" { (words.t("web-training-name")) }
                        th scope="col" { (words.t("web-training-institution")) }
                        th scope="col" { (words.t("web-training-link")) }
                        th scope="col" { (words.t("web-training-exercises")) }
                        th scope="col" { span.visually-hidden { (words.t("web-training-reset")) } }
                    } }
                    tbody {
                        @for trainee in trainees {
                            @let link = format!("{base}/training/enter/{}", trainee.entry_code);
                            tr data-trainee=(trainee.id) {
                                th scope="row" { (trainee.name) }
                                td { (choices::name_of(words, institutions, &trainee.institution_id)) }
                                td { a.entry-link href=(link) { (link) } }
                                td {
                                    span.progress { (trainee.done.len()) " / " (Exercise::ALL.len()) }
                                    @if let Some(on) = trainee.trained_on() {
                                        " " span.tag { (words.t("web-training-trained")) " " (words.time(on)) }
                                    }
                                    ul.done {
                                        @for exercise in Exercise::ALL {
                                            @if trainee.done.iter().any(|(e, _)| *e == exercise) {
                                                li { (exercise_name(page, exercise)) }
                                            }
                                        }
                                    }
                                }
                                td {
                                    form method="post" action=(format!("/staff/training/{}/reset", trainee.id)) {
                                        (page.token_field())
                                        button type="submit" aria-label=(format!("{} – {}", words.t("web-training-reset"), trainee.name)) {
                                            (words.t("web-training-reset"))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            form #reset-all method="post" action="/staff/training/reset-all" data-confirm=(words.t("web-training-reset-all-confirm")) {
                (page.token_field())
                button.danger type="submit" {
                    (words.t("web-training-reset-all"))
                }
            }
        }
        form.action method="post" action="/staff/training" {
            h2 { (words.t("web-training-add")) }
            (page.token_field())
            label for="trainee-name" { (words.t("web-training-name")) }
            input #trainee-name name="name" required maxlength=(NAME_MAX) value=(typed.name);
            label for="trainee-institution" { (words.t("web-training-institution")) }
            select #trainee-institution name="institution_id" required {
                (choices::options(words, institutions, Some(typed.institution_id.as_str())))
            }
            button type="submit" { (words.t("web-training-add-button")) }
        }
        h2 #report { (words.t("web-training-report")) }
        p { (words.t("web-training-report-intro")) }
        dl.totals {
            div { dt { (words.t("web-training-trained-total")) } dd #trained-total { (trained_total) } }
            div { dt { (words.t("web-training-trained-municipal")) } dd #trained-municipal { (trained_municipal) } }
            div { dt { (words.t("web-training-trained-central")) } dd #trained-central { (trained_total - trained_municipal) } }
            div { dt { (words.t("web-training-institutions")) } dd #trained-institutions { (trained.len()) } }
        }
        @if !trained.is_empty() {
            p { a.download #trained-csv href="/staff/training/trained.csv" download { (words.t("web-download-csv")) } }
            div.table-wrap {
                table #trained {
                    thead { tr {
                        th scope="col" { (words.t("web-training-institution")) }
                        th scope="col" { (words.t("web-training-count")) }
                        th scope="col" { (words.t("web-training-people")) }
                    } }
                    tbody {
                        @for (institution, people) in &trained {
                            tr {
                                th scope="row" { (institution) }
                                td { (people.len()) }
                                td { (people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ")) }
                            }
                        }
                    }
                }
            }
        }
    };
    layout(page, Section::Training, &title, content)
}

/// The institutions to choose from, and which of them are a municipality's.
type Institutions = (Vec<choices::Choice>, HashSet<String>);

/// Every trainee, with what they have done in their sandbox so far read in first.
async fn trainees_with_progress(
    state: &AppState,
    staff: &StaffMember,
) -> Result<(Vec<Trainee>, Institutions), ApiError> {
    let trainees = trainer::trainees(state, staff).await?;
    let choices = catalog::listing(&state.db, Listing::Institutions).await?;
    let municipal = institutions::municipal(&state.db).await?;
    Ok((trainees, (choices, municipal)))
}

pub async fn page(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Query(query): Query<TrainingQuery>,
) -> Result<Html<String>, WebError> {
    let (trainees, (institutions, municipal)) = trainees_with_progress(&state, &page.staff).await?;
    let done = query.reset.map(|_| page.t("web-training-reset-done"));
    Ok(render(
        &page,
        &headers,
        &state,
        &trainees,
        (&institutions, &municipal),
        &TraineeForm::default(),
        done.as_deref().map(|m| (m, false)),
    ))
}

pub async fn add(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Form(form): Form<TraineeForm>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    let added = trainer::add(&state, &page.staff, &form.name, &form.institution_id).await?;
    if added.is_err() {
        let (trainees, (institutions, municipal)) =
            trainees_with_progress(&state, &page.staff).await?;
        let message = page.t("web-training-invalid");
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            render(
                &page,
                &headers,
                &state,
                &trainees,
                (&institutions, &municipal),
                &form,
                Some((&message, true)),
            ),
        )
            .into_response());
    }
    Ok(see_other("/staff/training"))
}

pub async fn reset(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    Form(form): Form<TokenOnly>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    trainer::reset(&state, &page.staff, &id).await?;
    Ok(see_other("/staff/training?reset=1"))
}

pub async fn reset_all(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<TokenOnly>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    trainer::reset_all(&state, &page.staff).await?;
    Ok(see_other("/staff/training?reset=all"))
}

/// The trained-staff report as CSV: one row per trained person, with their institution.
pub async fn trained_csv(State(state): State<AppState>, page: Page) -> Result<Response, WebError> {
    let (trainees, (institutions, _)) = trainees_with_progress(&state, &page.staff).await?;
    let rows: Vec<Vec<String>> = trainees
        .iter()
        .filter_map(|t| {
            let on = t.trained_on()?;
            let name = institutions.iter().find(|i| i.id == t.institution_id)?;
            Some(vec![
                t.institution_id.clone(),
                name.name.sq.clone(),
                name.name.sr.clone(),
                name.name.en.clone(),
                t.name.clone(),
                on.get(..10).unwrap_or(on).to_owned(),
            ])
        })
        .collect();
    Ok(super::page::csv_download(
        "zeri-trained-staff.csv",
        &[
            "institution_id",
            "institution_sq",
            "institution_sr",
            "institution_en",
            "name",
            "trained_on",
        ],
        &rows,
    )?)
}

/// Inside a sandbox: the trainee's exercises, ticked as they are done.
pub async fn exercises(
    State(state): State<AppState>,
    page: Page,
) -> Result<Html<String>, WebError> {
    let owner = state.sandbox.clone().ok_or(ApiError::NotFound)?;
    let done = sandbox_progress(&state, &owner).await?;
    let complaints = training::exercise_complaints(&state.db).await?;
    let mut listed: Vec<&(String, String)> =
        complaints.own.iter().chain(&complaints.misrouted).collect();
    listed.sort_by(|a, b| a.1.cmp(&b.1));
    let words = page.words;
    let title = words.t("web-exercises-title");
    let content = html! {
        h1 { (title) }
        p { (words.t("web-exercises-intro")) }
        @if done.len() == Exercise::ALL.len() {
            p.notice role="status" #all-done { (words.t("web-exercises-all-done")) }
        }
        ol.exercises {
            @for exercise in Exercise::ALL {
                @let is_done = done.contains(&exercise);
                li data-exercise=(exercise.id()) data-done=(is_done) {
                    h2 {
                        (exercise_name(&page, exercise)) " "
                        span.tag.state { @if is_done { (words.t("web-exercise-done")) } @else { (words.t("web-exercise-todo")) } }
                    }
                    p { (words.t(&format!("web-exercise-{}-how", exercise.id()))) }
                }
            }
        }
        h2 { (words.t("web-exercises-complaints")) }
        ul {
            @for (id, tracking) in listed {
                li { a href=(format!("/staff/complaints/{id}")) { (tracking) } }
            }
        }
    };
    Ok(layout(&page, Section::Inbox, &title, content))
}
