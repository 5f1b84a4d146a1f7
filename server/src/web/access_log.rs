//! The access log: who looked at citizens' contact details and photos, when, on which
//! complaint. A manager reads their institution's, an administrator everyone's.

use axum::extract::State;
use axum::response::Html;
use maud::html;

use super::choices;
use super::page::{Page, Section, WebError, layout};
use crate::services::access_log;
use crate::services::catalog::{self, Listing};
use crate::state::AppState;

pub async fn page(State(state): State<AppState>, page: Page) -> Result<Html<String>, WebError> {
    let entries = access_log::entries(&state.db, &page.staff, None).await?;
    let institutions = state
        .db
        .read(|c| catalog::choices(c, Listing::Institutions))
        .await?;
    let words = page.words;
    let title = words.t("web-access-log-title");
    let content = html! {
        h1 { (title) }
        p.intro { (words.t("web-access-log-intro")) }
        @if entries.is_empty() {
            p.empty { (words.t("web-access-log-empty")) }
        } @else {
            div.table-wrap {
                table #access-log {
                    thead {
                        tr {
                            th scope="col" { (words.t("web-access-log-when")) }
                            th scope="col" { (words.t("web-access-log-who")) }
                            th scope="col" { (words.t("web-tracking-code")) }
                            @if page.is_admin() { th scope="col" { (words.t("web-institution")) } }
                            th scope="col" { (words.t("web-access-log-what")) }
                        }
                    }
                    tbody {
                        @for entry in &entries {
                            tr {
                                td { (words.time(&entry.at)) }
                                td { (entry.staff_name) }
                                td { a href=(format!("/staff/complaints/{}", entry.complaint_id)) { (entry.tracking_code) } }
                                @if page.is_admin() { td { (choices::name_of(words, &institutions, &entry.institution_id)) } }
                                td {
                                    @if entry.what == "photos" { (words.t("web-access-log-photos")) }
                                    @else { (words.t("web-access-log-contact")) }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(layout(&page, Section::AccessLog, &title, content))
}
