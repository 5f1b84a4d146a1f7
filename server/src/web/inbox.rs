//! The inbox: the institution's complaints with filters, search, sorting and pages, and the
//! counts of new and overdue ones at the top.

use axum::extract::{Query, State};
use axum::response::Html;
use chrono::{DateTime, NaiveDate, Utc};
use maud::{Markup, html};
use serde::Deserialize;

use protocol::api::Status;

use super::choices::{self, Choice};
use super::page::{Page, Section, WebError, layout, notice, urlencoding};
use crate::calendar::kosovo_date;
use crate::input;
use crate::services::ServiceError;
use crate::services::catalog::{self, Listing};
use crate::services::inbox::{self, Inbox, InboxQuery};
use crate::state::AppState;

/// What the filter form sends; empty fields mean "any".
#[derive(Debug, Default, Deserialize)]
pub struct Filters {
    #[serde(default)]
    status: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    municipality: String,
    #[serde(default)]
    institution: String,
    #[serde(default)]
    overdue: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    assigned: String,
    #[serde(default)]
    sort: String,
    #[serde(default)]
    page: String,
    /// A complaint just passed to another institution, by tracking code.
    #[serde(default)]
    transferred: String,
}

/// The statuses of complaints still waiting for the institution.
const OPEN: &str = "submitted,received,in_progress,transferred,reopened";

/// The statuses the filter offers, in the order a complaint's life goes through them.
const STATUSES: [Status; 7] = [
    Status::Submitted,
    Status::Received,
    Status::InProgress,
    Status::Transferred,
    Status::Reopened,
    Status::Resolved,
    Status::Rejected,
];

impl Filters {
    fn to_query(&self) -> Result<InboxQuery, ServiceError> {
        let text = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
        Ok(InboxQuery {
            status: match self.status.as_str() {
                "open" => Some(OPEN.to_owned()),
                other => text(other),
            },
            category: text(&self.category),
            municipality: text(&self.municipality),
            overdue: Some(self.overdue == "true"),
            q: text(&self.q),
            assigned: text(&self.assigned),
            institution: text(&self.institution),
            sort: text(&self.sort),
            page: input::page_number(&self.page)?,
            per_page: None,
        })
    }

    /// This filter as a query string, on another page.
    fn link(&self, page: u32) -> String {
        let pairs = [
            ("status", &self.status),
            ("category", &self.category),
            ("municipality", &self.municipality),
            ("institution", &self.institution),
            ("overdue", &self.overdue),
            ("q", &self.q),
            ("assigned", &self.assigned),
            ("sort", &self.sort),
        ];
        let mut query: Vec<String> = pairs
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", urlencoding(v)))
            .collect();
        query.push(format!("page={page}"));
        format!("/staff?{}", query.join("&"))
    }
}

pub async fn page(
    State(state): State<AppState>,
    page: Page,
    Query(filters): Query<Filters>,
) -> Result<Html<String>, WebError> {
    let today = kosovo_date(state.clock.now());
    let query = filters.to_query()?;
    let staff = page.staff.clone();
    let (inbox, categories, municipalities, institutions) = state
        .db
        .read(move |c| {
            let inbox = inbox::inbox(c, &staff, &query, &today.to_string())?;
            Ok::<_, ServiceError>((
                inbox,
                catalog::choices(c, Listing::Categories)?,
                catalog::choices(c, Listing::Municipalities)?,
                catalog::choices(c, Listing::Institutions)?,
            ))
        })
        .await?;
    let words = page.words;
    let title = words.t("web-inbox-title");
    let transferred = (!filters.transferred.is_empty()).then(|| {
        words.format(
            "web-done-transferred",
            &[("code", filters.transferred.clone().into())],
        )
    });
    let content = html! {
        h1 { (title) }
        (notice(transferred.as_deref(), false))
        p.counts {
            a.count.new href="/staff?status=submitted,transferred,reopened" {
                (words.format("web-count-new", &[("count", inbox.new.into())]))
            }
            a.count.overdue href="/staff?overdue=true" {
                (words.format("web-count-overdue", &[("count", inbox.overdue.into())]))
            }
        }
        (filter_form(&page, &filters, &categories, &municipalities, &institutions))
        (table(&page, &inbox, today, &institutions))
        (pager(&page, &filters, &inbox))
    };
    Ok(layout(&page, Section::Inbox, &title, content))
}

fn selected(value: &str) -> Option<&str> {
    Some(value).filter(|v| !v.is_empty())
}

fn filter_form(
    page: &Page,
    filters: &Filters,
    categories: &[Choice],
    municipalities: &[Choice],
    institutions: &[Choice],
) -> Markup {
    let words = page.words;
    html! {
        form.filters method="get" action="/staff" role="search" aria-label=(words.t("web-filters")) {
            div.field.wide {
                label for="q" { (words.t("web-search")) }
                input #q type="search" name="q" value=(filters.q) placeholder=(words.t("web-search-hint"));
            }
            div.field {
                label for="status" { (words.t("web-status")) }
                select #status name="status" {
                    option value="" { (words.t("web-any")) }
                    option value="open" selected[filters.status == "open"] { (words.t("web-open")) }
                    @for status in STATUSES {
                        option value=(status.as_str()) selected[filters.status == status.as_str()] { (words.status(status.as_str())) }
                    }
                }
            }
            div.field {
                label for="category" { (words.t("web-category")) }
                select #category name="category" {
                    option value="" { (words.t("web-any")) }
                    (choices::options(words, categories, selected(&filters.category)))
                }
            }
            div.field {
                label for="municipality" { (words.t("web-municipality")) }
                select #municipality name="municipality" {
                    option value="" { (words.t("web-any")) }
                    (choices::options(words, municipalities, selected(&filters.municipality)))
                }
            }
            @if page.is_admin() {
                div.field {
                    label for="institution" { (words.t("web-institution")) }
                    select #institution name="institution" {
                        option value="" { (words.t("web-all-institutions")) }
                        (choices::options(words, institutions, selected(&filters.institution)))
                    }
                }
            }
            div.field {
                label for="assigned" { (words.t("web-assigned")) }
                select #assigned name="assigned" {
                    option value="" { (words.t("web-any")) }
                    option value="me" selected[filters.assigned == "me"] { (words.t("web-assigned-me")) }
                    option value="none" selected[filters.assigned == "none"] { (words.t("web-assigned-none")) }
                }
            }
            div.field {
                label for="sort" { (words.t("web-sort")) }
                select #sort name="sort" {
                    option value="newest" selected[filters.sort.is_empty() || filters.sort == "newest"] { (words.t("web-sort-newest")) }
                    option value="oldest" selected[filters.sort == "oldest"] { (words.t("web-sort-oldest")) }
                    option value="due" selected[filters.sort == "due"] { (words.t("web-sort-due")) }
                }
            }
            div.field.check {
                input #overdue type="checkbox" name="overdue" value="true" checked[filters.overdue == "true"];
                label for="overdue" { (words.t("web-only-overdue")) }
            }
            div.actions {
                button type="submit" { (words.t("web-apply-filters")) }
                a href="/staff" { (words.t("web-clear-filters")) }
            }
        }
    }
}

fn age_days(submitted_at: &str, today: NaiveDate) -> i64 {
    DateTime::parse_from_rfc3339(submitted_at)
        .map(|at| {
            (today - kosovo_date(at.with_timezone(&Utc)))
                .num_days()
                .max(0)
        })
        .unwrap_or(0)
}

fn table(page: &Page, inbox: &Inbox, today: NaiveDate, institutions: &[Choice]) -> Markup {
    let words = page.words;
    html! {
        @if inbox.items.is_empty() {
            p.empty { (words.t("web-inbox-empty")) }
        } @else {
            div.table-wrap {
                table.inbox {
                    caption { (words.format("web-inbox-caption", &[("count", inbox.total.into())])) }
                    thead {
                        tr {
                            th scope="col" { (words.t("web-tracking-code")) }
                            th scope="col" { (words.t("web-category")) }
                            th scope="col" { (words.t("web-municipality")) }
                            @if page.is_admin() {
                                th scope="col" { (words.t("web-institution")) }
                            }
                            th scope="col" { (words.t("web-status")) }
                            th scope="col" { (words.t("web-age")) }
                            th scope="col" { (words.t("web-due")) }
                        }
                    }
                    tbody {
                        @for item in &inbox.items {
                            tr.overdue[item.overdue] {
                                td { a href=(format!("/staff/complaints/{}", item.id)) { (item.tracking_code) } }
                                td {
                                    (words.name(&item.category))
                                    br;
                                    span.excerpt { (item.excerpt.chars().take(80).collect::<String>()) }
                                }
                                td { (words.name(&item.municipality)) }
                                @if page.is_admin() {
                                    td { (choices::name_of(words, institutions, &item.institution_id)) }
                                }
                                td { span class=(format!("status status-{}", item.status)) { (words.status(&item.status)) } }
                                td { (words.format("web-age-days", &[("days", age_days(&item.submitted_at, today).into())])) }
                                td {
                                    (words.due(&item.answer_due))
                                    @if item.overdue {
                                        " " strong.flag { (words.t("web-overdue")) }
                                    }
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
}

fn pager(page: &Page, filters: &Filters, inbox: &Inbox) -> Markup {
    let words = page.words;
    let pages = ((inbox.total.max(0) as u32).div_ceil(inbox.per_page)).max(1);
    html! {
        nav.pager aria-label=(words.t("web-pages")) {
            @if inbox.page > 1 {
                a rel="prev" href=(filters.link(inbox.page - 1)) { (words.t("web-previous")) }
            }
            span { (words.format("web-page-of", &[("page", i64::from(inbox.page).into()), ("pages", i64::from(pages).into())])) }
            @if inbox.page < pages {
                a rel="next" href=(filters.link(inbox.page + 1)) { (words.t("web-next")) }
            }
        }
    }
}
