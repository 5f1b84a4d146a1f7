//! Statistics for managers: a period's figures per institution, category or municipality, as a
//! table, a chart drawn on the server, and a CSV download.

use axum::extract::{Query, State};
use axum::response::Html;
use maud::{Markup, html};
use serde::Deserialize;

use super::choices;
use super::page::{Page, Section, WebError, Words, layout, urlencoding};
use crate::calendar::kosovo_date;
use crate::input;
use crate::services::ServiceError;
use crate::services::catalog::{self, Listing};
use crate::services::statistics::{self, Grouping, Stats, StatsQuery, StatsRow};
use crate::state::AppState;

#[derive(Deserialize, Default)]
pub struct StatsForm {
    from: Option<String>,
    to: Option<String>,
    group: Option<String>,
    /// Empty for all institutions; absent means the staff member's own.
    institution: Option<String>,
}

/// How many groups the chart shows (the table has them all).
const CHART_ROWS: usize = 12;

pub async fn page(
    State(state): State<AppState>,
    page: Page,
    Query(form): Query<StatsForm>,
) -> Result<Html<String>, WebError> {
    let today = kosovo_date(state.clock.now());
    let (from, to) = input::period(
        input::optional_day(form.from.as_deref())?,
        input::optional_day(form.to.as_deref())?,
        today,
        30,
    )?;
    let group_name = form.group.clone().unwrap_or_else(|| "institution".into());
    let group = match group_name.as_str() {
        "category" => Grouping::Category,
        "municipality" => Grouping::Municipality,
        _ => Grouping::Institution,
    };
    let institution = match &form.institution {
        Some(id) if id.is_empty() => None,
        Some(id) => Some(id.clone()),
        None => page.staff.institution_id.clone(),
    };
    let query = StatsQuery {
        from: Some(from),
        to: Some(to),
        group: Some(group),
        institution: institution.clone(),
    };
    let (stats, institutions) = state
        .db
        .read(move |c| {
            Ok::<_, ServiceError>((
                statistics::compute(c, &query, today)?,
                catalog::choices(c, Listing::Institutions)?,
            ))
        })
        .await?;
    let words = page.words;
    let title = words.t("web-stats-title");
    let csv = format!(
        "/api/v1/stats.csv?from={from}&to={to}&group={group_name}{}",
        institution
            .as_deref()
            .map(|i| format!("&institution={}", urlencoding(i)))
            .unwrap_or_default()
    );
    let content = html! {
        h1 { (title) }
        form.filters method="get" action="/staff/stats" aria-label=(words.t("web-stats-period")) {
            div.field {
                label for="from" { (words.t("web-from")) }
                input #from type="date" name="from" value=(from.to_string()) required;
            }
            div.field {
                label for="to" { (words.t("web-to")) }
                input #to type="date" name="to" value=(to.to_string()) required;
            }
            div.field {
                label for="group" { (words.t("web-group-by")) }
                select #group name="group" {
                    option value="institution" selected[group == Grouping::Institution] { (words.t("web-institution")) }
                    option value="category" selected[group == Grouping::Category] { (words.t("web-category")) }
                    option value="municipality" selected[group == Grouping::Municipality] { (words.t("web-municipality")) }
                }
            }
            div.field {
                label for="scope" { (words.t("web-institution")) }
                select #scope name="institution" {
                    option value="" selected[institution.is_none()] { (words.t("web-all-institutions")) }
                    (choices::options(words, &institutions, institution.as_deref()))
                }
            }
            div.actions {
                button type="submit" { (words.t("web-show")) }
                a.download href=(csv) download { (words.t("web-download-csv")) }
            }
        }
        (totals(words, &stats))
        @if stats.rows.is_empty() {
            p.empty { (words.t("web-stats-empty")) }
        } @else {
            (chart(words, &stats))
            (table(words, &stats))
            p.hint #response-note { (words.t("web-stats-waiting-note")) }
        }
    };
    Ok(layout(&page, Section::Statistics, &title, content))
}

fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        "–".to_owned()
    } else {
        format!("{:.0}%", part as f64 * 100.0 / whole as f64)
    }
}

fn totals(words: Words, stats: &Stats) -> Markup {
    let sum = |f: fn(&StatsRow) -> u64| stats.rows.iter().map(f).sum::<u64>();
    let received = sum(|r| r.received);
    let ratings = sum(|r| r.ratings);
    let stars: f64 = stats
        .rows
        .iter()
        .map(|r| r.average_rating.unwrap_or(0.0) * r.ratings as f64)
        .sum();
    html! {
        dl.totals {
            div { dt { (words.t("web-received")) } dd #total-received { (received) } }
            div { dt { (words.t("web-on-time")) } dd { (percent(sum(|r| r.acknowledged_on_time), received)) } }
            div { dt { (words.t("web-resolved")) } dd #total-resolved { (sum(|r| r.resolved)) } }
            div { dt { (words.t("web-overdue")) } dd { (sum(|r| r.overdue)) } }
            div { dt { (words.t("web-satisfaction")) } dd {
                @if ratings > 0 { (format!("{:.1} / 5", stars / ratings as f64)) } @else { "–" }
            } }
        }
    }
}

/// Bars for received and resolved, biggest groups first.
fn chart(words: Words, stats: &Stats) -> Markup {
    let rows: Vec<_> = stats.rows.iter().take(CHART_ROWS).collect();
    let most = rows.iter().map(|r| r.received).max().unwrap_or(1).max(1) as f64;
    let (label_width, bar_width, row_height) = (260.0, 420.0, 28.0);
    let height = rows.len() as f64 * row_height + 40.0;
    let scale = |n: u64| n as f64 / most * bar_width;
    html! {
        figure.chart {
            svg viewBox=(format!("0 0 {} {height}", label_width + bar_width + 60.0)) role="img"
                aria-labelledby="chart-title" {
                title #chart-title { (words.t("web-chart-title")) }
                @for (i, row) in rows.iter().enumerate() {
                    @let y = 10.0 + i as f64 * row_height;
                    @let name: String = words.name(&row.name).chars().take(38).collect();
                    text.label x=(label_width - 8.0) y=(y + 15.0) text-anchor="end" { (name) }
                    rect.received x=(label_width) y=(y) width=(format!("{:.1}", scale(row.received))) height="20" {}
                    rect.resolved x=(label_width) y=(y + 5.0) width=(format!("{:.1}", scale(row.resolved))) height="10" {}
                    text.value x=(format!("{:.1}", label_width + scale(row.received) + 6.0)) y=(y + 15.0) { (row.received) }
                }
                g.legend transform=(format!("translate({label_width} {})", height - 18.0)) {
                    rect.received x="0" y="0" width="14" height="14" {}
                    text x="20" y="12" { (words.t("web-received")) }
                    rect.resolved x="160" y="2" width="14" height="10" {}
                    text x="180" y="12" { (words.t("web-resolved")) }
                }
            }
        }
    }
}

fn table(words: Words, stats: &Stats) -> Markup {
    let optional = |v: Option<f64>| v.map(|v| format!("{v:.1}")).unwrap_or_else(|| "–".into());
    html! {
        div.table-wrap {
            table.stats {
                caption { (words.format("web-stats-caption", &[("from", words.date(stats.from).into()), ("to", words.date(stats.to).into())])) }
                thead {
                    tr {
                        th scope="col" { (words.t("web-name")) }
                        th scope="col" { (words.t("web-received")) }
                        th scope="col" { (words.t("web-on-time")) }
                        th scope="col" { (words.t("web-median-response")) }
                        th scope="col" { (words.t("web-resolved")) }
                        th scope="col" { (words.t("web-rejected")) }
                        th scope="col" { (words.t("web-transferred")) }
                        th scope="col" { (words.t("web-overdue")) }
                        th scope="col" { (words.t("web-escalated")) }
                        th scope="col" { (words.t("web-satisfaction")) }
                    }
                }
                tbody {
                    @for row in &stats.rows {
                        tr {
                            th scope="row" { (words.name(&row.name)) }
                            td { (row.received) }
                            td { (percent(row.acknowledged_on_time, row.received)) }
                            td { (optional(row.median_first_response_hours)) }
                            td { (row.resolved) }
                            td { (row.rejected) }
                            td { (row.transferred) }
                            td { (row.overdue) }
                            td { (row.escalated) }
                            td { (optional(row.average_rating)) }
                        }
                    }
                }
            }
        }
    }
}
