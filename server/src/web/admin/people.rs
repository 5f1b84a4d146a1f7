//! The staff accounts page: administrators manage every account, managers their own
//! institution's.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{Html, Response};
use maud::html;
use serde::Deserialize;

use super::{Outcome, after_change, blank_to_none, checkbox, tabs};
use crate::auth::Role;
use crate::services::accounts::{self, AccountChange, NewAccount};
use crate::services::catalog::{self, Listing};
use crate::state::AppState;
use crate::web::choices;
use crate::web::page::{Page, Section, WebError, Words, layout};

// ---- staff accounts -----------------------------------------------------------------------

const ROLES: [Role; 4] = [
    Role::Staff,
    Role::Manager,
    Role::Supervisor,
    Role::Administrator,
];

fn role_name(words: Words, role: Role) -> String {
    words.t(&format!("web-role-{}", role.as_str()))
}

pub async fn people(
    State(state): State<AppState>,
    page: Page,
    Query(outcome): Query<Outcome>,
) -> Result<Html<String>, WebError> {
    let list = accounts::list(&state.db, &page.staff).await?;
    let institutions = catalog::listing(&state.db, Listing::Institutions).await?;
    let words = page.words;
    let roles: Vec<Role> = ROLES
        .into_iter()
        .filter(|r| page.is_admin() || !matches!(r, Role::Administrator | Role::Supervisor))
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
                                        input type="password" name="password" autocomplete="new-password" minlength="12" maxlength="128"; }
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
            input #new-password name="password" type="password" required minlength="12" maxlength="128" autocomplete="new-password";
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
    let result = accounts::create(&state.db, &state.passwords, &page.staff, account).await;
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
    let result = accounts::update(&state.db, &state.passwords, &page.staff, id, change).await;
    after_change("/staff/people", result)
}
