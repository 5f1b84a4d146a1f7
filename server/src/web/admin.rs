//! Administration pages: institutions, categories and their deadlines, routing rules (for
//! administrators) and staff accounts (administrators, and managers for their own institution).
//! Every change goes through the same checks and audit trail as the administration API.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{Html, Response};
use maud::{Markup, html};
use protocol::api::LocalizedText;
use serde::Deserialize;

use super::choices::{self, Choice};
use super::page::{Page, Section, TokenOnly, WebError, Words, layout, notice, see_other};
use crate::auth::Role;
use crate::http::ApiError;
use crate::http::ApiJson;
use crate::routes::admin::{
    self, AccountChange, CategoryChange, Institution, InstitutionChange, NewAccount, RoutingRule,
};
use crate::state::AppState;

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
fn after_change<T>(location: &str, result: Result<T, ApiError>) -> Result<Response, WebError> {
    let target = match result {
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

fn name_of(words: Words, sq: &str, sr: &str, en: &str) -> String {
    words.name(&LocalizedText {
        sq: sq.to_owned(),
        sr: sr.to_owned(),
        en: en.to_owned(),
    })
}

fn checkbox(value: &Option<String>) -> bool {
    value.as_deref() == Some("true")
}

fn blank_to_none(value: &str) -> Option<String> {
    (!value.trim().is_empty()).then(|| value.trim().to_owned())
}

// ---- institutions -------------------------------------------------------------------------

pub async fn institutions(
    State(state): State<AppState>,
    page: Page,
    Query(outcome): Query<Outcome>,
) -> Result<Html<String>, WebError> {
    page.staff.require_admin()?;
    let list = admin::list_institutions(State(state.clone()), page.staff.clone())
        .await?
        .0;
    let (municipalities, levels) = state
        .db
        .read(|c| -> Result<_, ApiError> {
            let mut s = c.prepare("SELECT DISTINCT level FROM institutions ORDER BY level")?;
            let levels = s
                .query_map([], |r| r.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok((choices::load(c, "municipalities")?, levels))
        })
        .await?;
    let words = page.words;
    let parents: Vec<Choice> = list
        .iter()
        .map(|i| Choice {
            id: i.id.clone(),
            name: LocalizedText {
                sq: i.name_sq.clone(),
                sr: i.name_sr.clone(),
                en: i.name_en.clone(),
            },
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
                } }
                tbody {
                    @for institution in &list {
                        tr.inactive[!institution.active] {
                            th scope="row" { (name_of(words, &institution.name_sq, &institution.name_sr, &institution.name_en)) br; code { (institution.id) } }
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
        name_sq: form.name_sq,
        name_sr: form.name_sr,
        name_en: form.name_en,
        parent_id: blank_to_none(&form.parent_id),
        municipality_id: blank_to_none(&form.municipality_id),
        active: true,
    };
    let result =
        admin::create_institution(State(state), page.staff.clone(), ApiJson(institution)).await;
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
        name_sq: None,
        name_sr: None,
        name_en: None,
        parent_id: None,
        active: Some(checkbox(&form.active)),
    };
    let result =
        admin::update_institution(State(state), page.staff.clone(), Path(id), ApiJson(change))
            .await;
    after_change("/staff/admin/institutions", result)
}

// ---- categories ---------------------------------------------------------------------------

pub async fn categories(
    State(state): State<AppState>,
    page: Page,
    Query(outcome): Query<Outcome>,
) -> Result<Html<String>, WebError> {
    page.staff.require_admin()?;
    let list = admin::list_categories(State(state), page.staff.clone())
        .await?
        .0;
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
                            th scope="row" { (name_of(words, &category.name_sq, &category.name_sr, &category.name_en)) }
                            td { (category.level) }
                            td {
                                form.row method="post" action=(format!("/staff/admin/categories/{}", category.id)) id=(form_id) {
                                    (page.token_field())
                                    label { (words.t("web-ack-days")) " "
                                        input type="number" name="ack_working_days" min="1" max="60" value=(category.ack_working_days); }
                                    label { (words.t("web-answer-days")) " "
                                        input type="number" name="answer_working_days" min="1" max="120" value=(category.answer_working_days); }
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
        name_sq: None,
        name_sr: None,
        name_en: None,
        ack_working_days: Some(form.ack_working_days),
        answer_working_days: Some(form.answer_working_days),
        active: Some(checkbox(&form.active)),
    };
    let result =
        admin::update_category(State(state), page.staff.clone(), Path(id), ApiJson(change)).await;
    after_change("/staff/admin/categories", result)
}

// ---- routing rules ------------------------------------------------------------------------

pub async fn rules(
    State(state): State<AppState>,
    page: Page,
    Query(outcome): Query<Outcome>,
) -> Result<Html<String>, WebError> {
    page.staff.require_admin()?;
    let list = admin::list_rules(State(state.clone()), page.staff.clone())
        .await?
        .0;
    let (categories, municipalities) = state
        .db
        .read(|c| -> Result<_, ApiError> {
            Ok((
                choices::load(c, "categories")?,
                choices::load(c, "municipalities")?,
            ))
        })
        .await?;
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
    let result = admin::create_rule(State(state), page.staff.clone(), ApiJson(rule)).await;
    after_change("/staff/admin/rules", result)
}

pub async fn delete_rule(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<TokenOnly>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    let result = admin::delete_rule(State(state), page.staff.clone(), Path(id)).await;
    after_change("/staff/admin/rules", result)
}

// ---- staff accounts -----------------------------------------------------------------------

const ROLES: [Role; 3] = [Role::Staff, Role::Manager, Role::Administrator];

fn role_name(words: Words, role: Role) -> String {
    words.t(&format!("web-role-{}", role.as_str()))
}

pub async fn people(
    State(state): State<AppState>,
    page: Page,
    Query(outcome): Query<Outcome>,
) -> Result<Html<String>, WebError> {
    let list = admin::list_staff(State(state.clone()), page.staff.clone())
        .await?
        .0;
    let institutions = state.db.read(|c| choices::load(c, "institutions")).await?;
    let words = page.words;
    let roles: Vec<Role> = ROLES
        .into_iter()
        .filter(|r| page.is_admin() || *r != Role::Administrator)
        .collect();
    let title = words.t("web-admin-staff");
    let content = html! {
        h1 { (title) }
        (tabs(&page, "/staff/people"))
        (outcome.notice(words))
        div.table-wrap {
            table {
                thead { tr {
                    th scope="col" { (words.t("web-person")) }
                    th scope="col" { (words.t("web-institution")) }
                    th scope="col" { (words.t("web-account")) }
                } }
                tbody {
                    @for account in &list {
                        tr.inactive[!account.active] {
                            th scope="row" { (account.display_name) br; code { (account.username) } }
                            td { @if let Some(i) = &account.institution_id { (choices::name_of(words, &institutions, i)) } }
                            td {
                                form.row method="post" action=(format!("/staff/people/{}", account.id)) {
                                    (page.token_field())
                                    label { (words.t("web-role")) " "
                                        select name="role" {
                                            @for role in &roles {
                                                option value=(role.as_str()) selected[*role == account.role] { (role_name(words, *role)) }
                                            }
                                        }
                                    }
                                    label.check { input type="checkbox" name="active" value="true" checked[account.active]; " " (words.t("web-active")) }
                                    label { (words.t("web-new-password")) " "
                                        input type="password" name="password" autocomplete="new-password" minlength="10"; }
                                    button type="submit" { (words.t("web-save")) }
                                }
                            }
                        }
                    }
                }
            }
        }
        form.action method="post" action="/staff/people" {
            h2 { (words.t("web-account-new")) }
            (page.token_field())
            label for="new-username" { (words.t("web-username")) }
            input #new-username name="username" required autocomplete="off";
            label for="new-name" { (words.t("web-display-name")) }
            input #new-name name="display_name" required;
            label for="new-password" { (words.t("web-password")) }
            input #new-password name="password" type="password" required minlength="10" autocomplete="new-password";
            label for="new-role" { (words.t("web-role")) }
            select #new-role name="role" { @for role in &roles { option value=(role.as_str()) { (role_name(words, *role)) } } }
            @if page.is_admin() {
                label for="new-institution" { (words.t("web-institution")) }
                select #new-institution name="institution_id" {
                    option value="" { "—" }
                    (choices::options(words, &institutions, None))
                }
            }
            button type="submit" { (words.t("web-save")) }
        }
    };
    Ok(layout(&page, Section::Staff, &title, content))
}

#[derive(Deserialize)]
pub struct AccountForm {
    form_token: String,
    username: String,
    display_name: String,
    password: String,
    role: String,
    #[serde(default)]
    institution_id: String,
}

pub async fn create_account(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<AccountForm>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    let account = NewAccount {
        username: form.username,
        display_name: form.display_name,
        password: form.password,
        role: Role::parse(&form.role).unwrap_or(Role::Staff),
        institution_id: if page.is_admin() {
            blank_to_none(&form.institution_id)
        } else {
            page.staff.institution_id.clone()
        },
    };
    let result = admin::create_staff(State(state), page.staff.clone(), ApiJson(account)).await;
    after_change("/staff/people", result)
}

#[derive(Deserialize)]
pub struct AccountUpdate {
    form_token: String,
    role: String,
    active: Option<String>,
    #[serde(default)]
    password: String,
}

pub async fn update_account(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<AccountUpdate>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    let change = AccountChange {
        display_name: None,
        role: Role::parse(&form.role),
        active: Some(checkbox(&form.active)),
        password: blank_to_none(&form.password),
    };
    let result =
        admin::update_staff(State(state), page.staff.clone(), Path(id), ApiJson(change)).await;
    after_change("/staff/people", result)
}
