//! The supervisor's page: the overdue complaints of the institutions it oversees (every
//! institution's, for administrators), the escalated ones first, and how many each institution
//! has. Each opens on its complaint page, where the supervisor may leave a note.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::response::Html;
use maud::{Markup, html};

use super::choices::{self, Choice};
use super::page::{Page, Section, WebError, layout};
use crate::calendar::kosovo_date;
use crate::services::ServiceError;
use crate::services::catalog::{self, Listing};
use crate::services::inbox::{self, InboxItem};
use crate::state::AppState;

pub async fn page(State(state): State<AppState>, page: Page) -> Result<Html<String>, WebError> {
    let today = kosovo_date(state.clock.now()).to_string();
    let staff = page.staff.clone();
    let (mut items, institutions) = state
        .db
        .read(move |c| {
            Ok::<_, ServiceError>((
                inbox::escalations(c, &staff, &today)?,
                catalog::choices(c, Listing::Institutions)?,
            ))
        })
        .await?;
    // Escalated first, then the longest overdue.
    items.sort_by(|a, b| {
        (b.escalated, &a.answer_due, &a.tracking_code).cmp(&(
            a.escalated,
            &b.answer_due,
            &b.tracking_code,
        ))
    });
    let words = page.words;
    let title = words.t("web-supervision-title");
    let content = html! {
        h1 { (title) }
        p.intro { (words.t("web-supervision-intro")) }
        @if items.is_empty() {
            p.empty { (words.t("web-supervision-empty")) }
        } @else {
            (by_institution(&page, &items, &institutions))
            (complaints(&page, &items, &institutions))
        }
    };
    Ok(layout(&page, Section::Supervision, &title, content))
}

/// How many overdue and escalated complaints each institution has, the most overdue first.
fn by_institution(page: &Page, items: &[InboxItem], institutions: &[Choice]) -> Markup {
    let words = page.words;
    let mut counts: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
    for item in items {
        let count = counts.entry(&item.institution_id).or_default();
        count.0 += 1;
        count.1 += i64::from(item.escalated);
    }
    let mut rows: Vec<(&str, (i64, i64))> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    html! {
        div.table-wrap {
            table.summary #by-institution {
                caption { (words.t("web-supervision-by-institution")) }
                thead {
                    tr {
                        th scope="col" { (words.t("web-institution")) }
                        th scope="col" { (words.t("web-supervision-overdue")) }
                        th scope="col" { (words.t("web-supervision-escalated")) }
                    }
                }
                tbody {
                    @for (institution, (overdue, escalated)) in &rows {
                        tr {
                            th scope="row" { (choices::name_of(words, institutions, institution)) }
                            td { (overdue) }
                            td { (escalated) }
                        }
                    }
                }
            }
        }
    }
}

fn complaints(page: &Page, items: &[InboxItem], institutions: &[Choice]) -> Markup {
    let words = page.words;
    html! {
        div.table-wrap {
            table.inbox #overdue-complaints {
                caption { (words.format("web-supervision-caption", &[("count", (items.len() as i64).into())])) }
                thead {
                    tr {
                        th scope="col" { (words.t("web-tracking-code")) }
                        th scope="col" { (words.t("web-category")) }
                        th scope="col" { (words.t("web-institution")) }
                        th scope="col" { (words.t("web-status")) }
                        th scope="col" { (words.t("web-due")) }
                    }
                }
                tbody {
                    @for item in items {
                        tr.overdue {
                            td { a href=(format!("/staff/complaints/{}", item.id)) { (item.tracking_code) } }
                            td { (words.name(&item.category)) }
                            td { (choices::name_of(words, institutions, &item.institution_id)) }
                            td { span class=(format!("status status-{}", item.status)) { (words.status(&item.status)) } }
                            td {
                                (words.due(&item.answer_due))
                                @if item.escalated {
                                    " " strong.flag.escalated { (words.t("web-flag-escalated")) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
