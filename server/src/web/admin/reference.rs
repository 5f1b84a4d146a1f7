//! The reference data pages, for administrators: institutions, categories and their deadlines,
//! and routing rules.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{Html, Response};
use maud::html;
use protocol::api::LocalizedText;
use serde::Deserialize;

use super::{Outcome, after_change, blank_to_none, checkbox, tabs};
use crate::services::catalog::{self, Listing};
use crate::services::categories::{self, CategoryChange};
use crate::services::institutions::{self, Institution, InstitutionChange, Notifications};
use crate::services::mail::preferences::LANGUAGES;
use crate::services::routing_rules::{self, RoutingRule};
use crate::state::AppState;
use crate::web::choices::{self, Choice};
use crate::web::page::{Page, Section, TokenOnly, WebError, layout};

// ---- institutions -------------------------------------------------------------------------

pub async fn institutions(
    State(state): State<AppState>,
    page: Page,
    Query(outcome): Query<Outcome>,
) -> Result<Html<String>, WebError> {
    page.staff.require_admin()?;
    let list = institutions::list(&state.db).await?;
    let levels = institutions::levels(&state.db).await?;
    let municipalities = catalog::listing(&state.db, Listing::Municipalities).await?;
    let words = page.words;
    let parents: Vec<Choice> = list
        .iter()
        .map(|i| Choice {
            id: i.id.clone(),
            name: i.name.clone(),
        })
        .collect();
    let title = words.t("web-admin-institutions");
    let content = html! {
        h1 { (title) }
        (tabs(&page, "/staff/admin/institutions"))
        (outcome.notice(words))
        div.table-wrap {
            table {
                thead { tr {
                    th scope="col" { (words.t("web-name")) }
                    th scope="col" { (words.t("web-level")) }
                    th scope="col" { (words.t("web-supervised-by")) }
                    th scope="col" { (words.t("web-active")) }
                    th scope="col" { (words.t("web-notifications")) }
                } }
                tbody {
                    @for institution in &list {
                        tr.inactive[!institution.active] {
                            th scope="row" { (words.name(&institution.name)) br; code { (institution.id) } }
                            td { (institution.level) }
                            td { @if let Some(parent) = &institution.parent_id { (choices::name_of(words, &parents, parent)) } }
                            td {
                                form method="post" action=(format!("/staff/admin/institutions/{}", institution.id)) {
                                    (page.token_field())
                                    input type="hidden" name="active" value=(if institution.active { "false" } else { "true" });
                                    button type="submit" {
                                        (words.t(if institution.active { "web-deactivate" } else { "web-activate" }))
                                    }
                                }
                            }
                            td { (notifications_form(&page, institution)) }
                        }
                    }
                }
            }
        }
        form.action method="post" action="/staff/admin/institutions" {
            h2 { (words.t("web-institution-new")) }
            (page.token_field())
            label for="id" { (words.t("web-id")) }
            input #id name="id" required pattern="[a-z0-9_:]+";
            label for="level" { (words.t("web-level")) }
            select #level name="level" { @for level in &levels { option value=(level) { (level) } } }
            label for="name_sq" { (words.t("web-name-sq")) }
            input #name_sq name="name_sq" required;
            label for="name_sr" { (words.t("web-name-sr")) }
            input #name_sr name="name_sr" required;
            label for="name_en" { (words.t("web-name-en")) }
            input #name_en name="name_en" required;
            label for="parent_id" { (words.t("web-supervised-by")) }
            select #parent_id name="parent_id" { option value="" { "—" } (choices::options(words, &parents, None)) }
            label for="municipality_id" { (words.t("web-municipality")) }
            select #municipality_id name="municipality_id" { option value="" { "—" } (choices::options(words, &municipalities, None)) }
            button type="submit" { (words.t("web-save")) }
        }
    };
    Ok(layout(&page, Section::Administration, &title, content))
}

#[derive(Deserialize)]
pub struct NewInstitution {
    form_token: String,
    id: String,
    level: String,
    name_sq: String,
    name_sr: String,
    name_en: String,
    #[serde(default)]
    parent_id: String,
    #[serde(default)]
    municipality_id: String,
}

pub async fn create_institution(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<NewInstitution>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    let institution = Institution {
        id: form.id.trim().to_owned(),
        level: form.level,
        name: LocalizedText {
            sq: form.name_sq,
            sr: form.name_sr,
            en: form.name_en,
        },
        parent_id: blank_to_none(&form.parent_id),
        municipality_id: blank_to_none(&form.municipality_id),
        active: true,
        notifications: Notifications::default(),
    };
    let result = institutions::create(&state.db, &page.staff, institution).await;
    after_change("/staff/admin/institutions", result)
}

/// An institution's notification address, and the form that changes it.
fn notifications_form(page: &Page, institution: &Institution) -> maud::Markup {
    let words = page.words;
    let current = &institution.notifications;
    let field = |name: &str| format!("{name}-{}", institution.id.replace(':', "-"));
    html! {
        details.notifications {
            summary { (current.email.as_deref().unwrap_or("—")) }
            form method="post" action=(format!("/staff/admin/institutions/{}/notifications", institution.id)) {
                (page.token_field())
                label for=(field("email")) { (words.t("web-notify-email")) }
                input id=(field("email")) name="email" type="email" maxlength="254" value=[current.email.as_deref()];
                label.check {
                    input name="each_new" type="checkbox" value="true" checked[current.each_new];
                    (words.t("web-notify-each-new"))
                }
                label.check {
                    input name="daily_digest" type="checkbox" value="true" checked[current.daily_digest];
                    (words.t("web-notify-digest"))
                }
                label for=(field("language")) { (words.t("web-notify-language")) }
                select id=(field("language")) name="language" {
                    @for language in LANGUAGES {
                        option value=(language) selected[current.language == language] {
                            (crate::services::mail::letters::language_of(language).autonym())
                        }
                    }
                }
                button type="submit" { (words.t("web-save")) }
            }
        }
    }
}

#[derive(Deserialize)]
pub struct NotificationsForm {
    form_token: String,
    #[serde(default)]
    email: String,
    each_new: Option<String>,
    daily_digest: Option<String>,
    language: String,
}

pub async fn update_notifications(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    Form(form): Form<NotificationsForm>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    let change = InstitutionChange {
        notifications: Some(Notifications {
            email: blank_to_none(&form.email),
            each_new: checkbox(&form.each_new),
            daily_digest: checkbox(&form.daily_digest),
            language: form.language,
        }),
        ..InstitutionChange::default()
    };
    let result = institutions::update(&state.db, &page.staff, id, change).await;
    after_change("/staff/admin/institutions", result)
}

#[derive(Deserialize)]
pub struct ActiveForm {
    form_token: String,
    active: Option<String>,
}

pub async fn update_institution(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    Form(form): Form<ActiveForm>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    let change = InstitutionChange {
        active: Some(checkbox(&form.active)),
        ..InstitutionChange::default()
    };
    let result = institutions::update(&state.db, &page.staff, id, change).await;
    after_change("/staff/admin/institutions", result)
}

// ---- categories ---------------------------------------------------------------------------

pub async fn categories(
    State(state): State<AppState>,
    page: Page,
    Query(outcome): Query<Outcome>,
) -> Result<Html<String>, WebError> {
    page.staff.require_admin()?;
    let list = categories::list(&state.db).await?;
    let words = page.words;
    let title = words.t("web-admin-categories");
    let content = html! {
        h1 { (title) }
        (tabs(&page, "/staff/admin/categories"))
        (outcome.notice(words))
        p { (words.t("web-categories-intro")) }
        div.table-wrap {
            table {
                thead { tr {
                    th scope="col" { (words.t("web-category")) }
                    th scope="col" { (words.t("web-level")) }
                    th scope="col" { (words.t("web-deadlines")) }
                } }
                tbody {
                    @for category in &list {
                        @let form_id = format!("category-{}", category.id);
                        tr.inactive[!category.active] {
                            th scope="row" { (words.name(&category.name)) }
                            td { (category.level.as_str()) }
                            td {
                                form.row method="post" action=(format!("/staff/admin/categories/{}", category.id)) id=(form_id) {
                                    (page.token_field())
                                    label { (words.t("web-ack-days")) " "
                                        input type="number" name="ack_working_days" min="1" max="60" value=(category.ack_working_days); }
                                    label { (words.t("web-answer-days")) " "
                                        input type="number" name="answer_working_days" min="1" max="120" value=(category.answer_working_days); }
                                    label { (words.t("web-escalate-days")) " "
                                        input type="number" name="escalate_working_days" min="1" max="60" value=(category.escalate_working_days); }
                                    label { (words.t("web-answer-wait-days")) " "
                                        input type="number" name="answer_wait_working_days" min="1" max="60" value=(category.answer_wait_working_days); }
                                    label.check { input type="checkbox" name="active" value="true" checked[category.active]; " " (words.t("web-active")) }
                                    button type="submit" { (words.t("web-save")) }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(layout(&page, Section::Administration, &title, content))
}

#[derive(Deserialize)]
pub struct CategoryForm {
    form_token: String,
    ack_working_days: u32,
    answer_working_days: u32,
    escalate_working_days: Option<u32>,
    answer_wait_working_days: Option<u32>,
    active: Option<String>,
}

pub async fn update_category(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    Form(form): Form<CategoryForm>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    let change = CategoryChange {
        name: None,
        ack_working_days: Some(form.ack_working_days),
        answer_working_days: Some(form.answer_working_days),
        escalate_working_days: form.escalate_working_days,
        answer_wait_working_days: form.answer_wait_working_days,
        active: Some(checkbox(&form.active)),
    };
    let result = categories::update(&state.db, &page.staff, id, change).await;
    after_change("/staff/admin/categories", result)
}

// ---- routing rules ------------------------------------------------------------------------

pub async fn rules(
    State(state): State<AppState>,
    page: Page,
    Query(outcome): Query<Outcome>,
) -> Result<Html<String>, WebError> {
    page.staff.require_admin()?;
    let list = routing_rules::list(&state.db).await?;
    let categories = catalog::listing(&state.db, Listing::Categories).await?;
    let municipalities = catalog::listing(&state.db, Listing::Municipalities).await?;
    let words = page.words;
    let title = words.t("web-admin-rules");
    let content = html! {
        h1 { (title) }
        (tabs(&page, "/staff/admin/rules"))
        (outcome.notice(words))
        p { (words.t("web-rules-intro")) }
        div.table-wrap {
            table {
                thead { tr {
                    th scope="col" { (words.t("web-category")) }
                    th scope="col" { (words.t("web-municipality")) }
                    th scope="col" { (words.t("web-target")) }
                    th scope="col" { (words.t("web-priority")) }
                    th scope="col" { span.visually-hidden { (words.t("web-delete")) } }
                } }
                tbody {
                    @for rule in &list {
                        tr {
                            th scope="row" { (choices::name_of(words, &categories, &rule.category_id)) }
                            td { @match &rule.municipality_id { Some(m) => (choices::name_of(words, &municipalities, m)), None => (words.t("web-everywhere")) } }
                            td { code { (rule.target) } }
                            td { (rule.priority) }
                            td {
                                form method="post" action=(format!("/staff/admin/rules/{}/delete", rule.id)) {
                                    (page.token_field())
                                    button.danger type="submit" { (words.t("web-delete")) }
                                }
                            }
                        }
                    }
                }
            }
        }
        form.action method="post" action="/staff/admin/rules" {
            h2 { (words.t("web-rule-new")) }
            (page.token_field())
            label for="category_id" { (words.t("web-category")) }
            select #category_id name="category_id" required { (choices::options(words, &categories, None)) }
            label for="rule-municipality" { (words.t("web-municipality")) }
            select #rule-municipality name="municipality_id" {
                option value="" { (words.t("web-everywhere")) }
                (choices::options(words, &municipalities, None))
            }
            label for="target" { (words.t("web-target")) }
            input #target name="target" required placeholder="institution:<id> | municipal:<template> | water_company";
            label for="priority" { (words.t("web-priority")) }
            input #priority name="priority" type="number" value="0";
            button type="submit" { (words.t("web-save")) }
        }
    };
    Ok(layout(&page, Section::Administration, &title, content))
}

#[derive(Deserialize)]
pub struct RuleForm {
    form_token: String,
    category_id: String,
    #[serde(default)]
    municipality_id: String,
    target: String,
    #[serde(default)]
    priority: i64,
}

pub async fn create_rule(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<RuleForm>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    let rule = RoutingRule {
        id: 0,
        category_id: form.category_id,
        municipality_id: blank_to_none(&form.municipality_id),
        target: form.target.trim().to_owned(),
        priority: form.priority,
    };
    let result = routing_rules::create(&state.db, &page.staff, rule, state.clock.now()).await;
    after_change("/staff/admin/rules", result)
}

pub async fn delete_rule(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<TokenOnly>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    let result = routing_rules::delete(&state.db, &page.staff, id).await;
    after_change("/staff/admin/rules", result)
}
