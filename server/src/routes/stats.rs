//! Public figures per institution, category or municipality for a period: received, acknowledged
//! on time, median time to first response, resolved, rejected, transferred, overdue, rating.
//! Counts only, never a description or a contact: safe to publish and to export as CSV.

use std::collections::BTreeMap;

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use shared::api::LocalizedText;

use crate::app::AppState;
use crate::calendar::kosovo_date;
use crate::error::ApiError;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/stats", get(stats))
        .route("/api/v1/stats.csv", get(stats_csv))
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Grouping {
    Institution,
    Category,
    Municipality,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct StatsQuery {
    /// First day (Kosovo date, `YYYY-MM-DD`), inclusive; default 30 days ago.
    pub from: Option<NaiveDate>,
    /// Last day, inclusive; default today.
    pub to: Option<NaiveDate>,
    /// `institution` (default), `category` or `municipality`.
    pub group: Option<Grouping>,
    /// Only one institution's complaints.
    pub institution: Option<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StatsRow {
    pub key: String,
    pub name: LocalizedText,
    pub received: u64,
    pub acknowledged_on_time: u64,
    pub median_first_response_hours: Option<f64>,
    pub resolved: u64,
    pub rejected: u64,
    pub transferred: u64,
    /// Still open and past a deadline today.
    pub overdue: u64,
    pub ratings: u64,
    pub average_rating: Option<f64>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Stats {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub rows: Vec<StatsRow>,
}

struct Row {
    key: String,
    name: LocalizedText,
    submitted: DateTime<Utc>,
    status: String,
    acknowledged: Option<DateTime<Utc>>,
    ack_due: String,
    answer_due: String,
    first_response: Option<DateTime<Utc>>,
    rating: Option<u8>,
    transferred: bool,
}

fn time(s: Option<String>) -> Option<DateTime<Utc>> {
    s.and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
        .map(|t| t.with_timezone(&Utc))
}

pub fn compute(
    c: &rusqlite::Connection,
    query: &StatsQuery,
    today: NaiveDate,
) -> Result<Stats, ApiError> {
    let to = query.to.unwrap_or(today);
    let from = query.from.unwrap_or(to - chrono::Duration::days(30));
    if from > to {
        return Err(ApiError::BadRequest {
            code: "invalid_period",
            detail: None,
        });
    }
    let (key, table) = match query.group.unwrap_or(Grouping::Institution) {
        Grouping::Institution => ("c.institution_id", "institutions"),
        Grouping::Category => ("c.category_id", "categories"),
        Grouping::Municipality => ("c.municipality_id", "municipalities"),
    };
    // A day either side, then the exact Kosovo dates below.
    let sql = format!(
        "SELECT {key}, g.name_sq, g.name_sr, g.name_en, c.submitted_at, c.status, c.acknowledged_at, c.ack_due,
            c.answer_due, c.first_response_at, c.rating_stars,
            EXISTS(SELECT 1 FROM audit_log a WHERE a.complaint_id = c.id AND a.action = 'transferred')
         FROM complaints c JOIN {table} g ON g.id = {key}
         WHERE c.submitted_at >= ?1 AND c.submitted_at < ?2 AND (?3 IS NULL OR c.institution_id = ?3)"
    );
    let mut statement = c.prepare(&sql)?;
    let rows = statement
        .query_map(
            rusqlite::params![
                (from - chrono::Duration::days(1)).to_string(),
                (to + chrono::Duration::days(2)).to_string(),
                query.institution
            ],
            |r| {
                Ok(Row {
                    key: r.get(0)?,
                    name: LocalizedText {
                        sq: r.get(1)?,
                        sr: r.get(2)?,
                        en: r.get(3)?,
                    },
                    submitted: time(r.get(4)?).unwrap_or_default(),
                    status: r.get(5)?,
                    acknowledged: time(r.get(6)?),
                    ack_due: r.get(7)?,
                    answer_due: r.get(8)?,
                    first_response: time(r.get(9)?),
                    rating: r.get(10)?,
                    transferred: r.get(11)?,
                })
            },
        )?
        .collect::<Result<Vec<_>, _>>()?;

    let today_text = today.to_string();
    let mut groups: BTreeMap<String, (LocalizedText, Vec<Row>)> = BTreeMap::new();
    for row in rows {
        let day = kosovo_date(row.submitted);
        if day < from || day > to {
            continue;
        }
        groups
            .entry(row.key.clone())
            .or_insert_with(|| (row.name.clone(), Vec::new()))
            .1
            .push(row);
    }
    let mut result: Vec<StatsRow> = groups
        .into_iter()
        .map(|(key, (name, rows))| {
            let mut response_hours: Vec<f64> = rows
                .iter()
                .filter_map(|r| {
                    r.first_response
                        .map(|t| (t - r.submitted).num_seconds() as f64 / 3600.0)
                })
                .collect();
            response_hours.sort_by(f64::total_cmp);
            let median = match response_hours.len() {
                0 => None,
                n if n % 2 == 1 => Some(response_hours[n / 2]),
                n => Some((response_hours[n / 2 - 1] + response_hours[n / 2]) / 2.0),
            };
            let ratings: Vec<u8> = rows.iter().filter_map(|r| r.rating).collect();
            let open = |r: &Row| r.status != "resolved" && r.status != "rejected";
            StatsRow {
                key,
                name,
                received: rows.len() as u64,
                acknowledged_on_time: rows
                    .iter()
                    .filter(|r| {
                        r.acknowledged
                            .is_some_and(|t| kosovo_date(t).to_string() <= r.ack_due)
                    })
                    .count() as u64,
                median_first_response_hours: median.map(|h| (h * 10.0).round() / 10.0),
                resolved: rows.iter().filter(|r| r.status == "resolved").count() as u64,
                rejected: rows.iter().filter(|r| r.status == "rejected").count() as u64,
                transferred: rows.iter().filter(|r| r.transferred).count() as u64,
                overdue: rows
                    .iter()
                    .filter(|r| {
                        open(r)
                            && (r.answer_due < today_text
                                || (r.acknowledged.is_none() && r.ack_due < today_text))
                    })
                    .count() as u64,
                ratings: ratings.len() as u64,
                average_rating: (!ratings.is_empty()).then(|| {
                    (ratings.iter().map(|s| f64::from(*s)).sum::<f64>() / ratings.len() as f64
                        * 100.0)
                        .round()
                        / 100.0
                }),
            }
        })
        .collect();
    result.sort_by(|a, b| b.received.cmp(&a.received).then(a.key.cmp(&b.key)));
    Ok(Stats {
        from,
        to,
        rows: result,
    })
}

#[utoipa::path(get, path = "/api/v1/stats", tag = "statistics", params(StatsQuery),
    responses((status = 200, body = Stats, description = "Figures per group; no personal data")))]
pub async fn stats(
    State(state): State<AppState>,
    Query(query): Query<StatsQuery>,
) -> Result<Json<Stats>, ApiError> {
    let today = kosovo_date(state.clock.now());
    Ok(Json(
        state.db.read(move |c| compute(c, &query, today)).await?,
    ))
}

/// The figures as CSV, names in all three languages.
pub fn to_csv(stats: &Stats) -> Result<String, ApiError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let internal = |e: csv::Error| ApiError::Internal(format!("csv: {e}"));
    writer
        .write_record([
            "key",
            "name_sq",
            "name_sr",
            "name_en",
            "received",
            "acknowledged_on_time",
            "median_first_response_hours",
            "resolved",
            "rejected",
            "transferred",
            "overdue",
            "ratings",
            "average_rating",
        ])
        .map_err(internal)?;
    let optional = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    for row in &stats.rows {
        writer
            .write_record([
                row.key.clone(),
                row.name.sq.clone(),
                row.name.sr.clone(),
                row.name.en.clone(),
                row.received.to_string(),
                row.acknowledged_on_time.to_string(),
                optional(row.median_first_response_hours),
                row.resolved.to_string(),
                row.rejected.to_string(),
                row.transferred.to_string(),
                row.overdue.to_string(),
                row.ratings.to_string(),
                optional(row.average_rating),
            ])
            .map_err(internal)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ApiError::Internal(format!("csv: {e}")))?;
    String::from_utf8(bytes).map_err(|e| ApiError::Internal(e.to_string()))
}

#[utoipa::path(get, path = "/api/v1/stats.csv", tag = "statistics", params(StatsQuery),
    responses((status = 200, description = "The same figures as CSV", content_type = "text/csv")))]
pub async fn stats_csv(
    State(state): State<AppState>,
    Query(query): Query<StatsQuery>,
) -> Result<Response, ApiError> {
    let today = kosovo_date(state.clock.now());
    let stats = state.db.read(move |c| compute(c, &query, today)).await?;
    let filename = format!(
        "attachment; filename=\"zeri-{}-{}.csv\"",
        stats.from, stats.to
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, filename),
        ],
        to_csv(&stats)?,
    )
        .into_response())
}
