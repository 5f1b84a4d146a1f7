//! Public figures per institution, category or municipality for a period: received, acknowledged
//! on time, median time to first response, resolved, rejected, transferred, overdue, rating.
//! Counts only, never a description or a contact: safe to publish and to export as CSV.

use std::collections::HashMap;

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

/// The instant a Kosovo calendar day begins.
fn start_of_day(day: NaiveDate) -> DateTime<Utc> {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    let offset = crate::calendar::kosovo_offset(midnight);
    midnight - offset
}

fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => None,
        n if n % 2 == 1 => Some(values[n / 2]),
        n => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

#[derive(Default)]
struct Tally {
    received: u64,
    acknowledged_on_time: u64,
    resolved: u64,
    rejected: u64,
    transferred: u64,
    overdue: u64,
    stars: Vec<u8>,
    response_hours: Vec<f64>,
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
        Grouping::Institution => ("institution_id", "institutions"),
        Grouping::Category => ("category_id", "categories"),
        Grouping::Municipality => ("municipality_id", "municipalities"),
    };
    let (start, end) = (
        start_of_day(from).to_rfc3339(),
        start_of_day(to + chrono::Duration::days(1)).to_rfc3339(),
    );
    let today_text = today.to_string();
    // One pass over the period in the covering index (no table reads, no sorting), tallied here.
    let mut statement = c.prepare_cached(&format!(
        "SELECT {key}, status, acknowledged_on_time, transfers, rating_stars, answer_due, ack_due, first_response_hours
         FROM complaints INDEXED BY complaints_figures
         WHERE submitted_at >= ?1 AND submitted_at < ?2 AND (?3 IS NULL OR institution_id = ?3)"
    ))?;
    let mut tallies: HashMap<String, Tally> = HashMap::new();
    let mut rows = statement.query(rusqlite::params![start, end, query.institution])?;
    while let Some(r) = rows.next()? {
        let key = r
            .get_ref(0)?
            .as_str()
            .map_err(|e| ApiError::Internal(e.to_string()))?;
        let tally = match tallies.get_mut(key) {
            Some(tally) => tally,
            None => tallies.entry(key.to_owned()).or_default(),
        };
        let status = r
            .get_ref(1)?
            .as_str()
            .map_err(|e| ApiError::Internal(e.to_string()))?;
        let open = status != "resolved" && status != "rejected";
        let unacknowledged = matches!(status, "submitted" | "transferred" | "reopened");
        let answer_due = r.get_ref(5)?.as_str().unwrap_or_default();
        let ack_due = r.get_ref(6)?.as_str().unwrap_or_default();
        tally.received += 1;
        tally.acknowledged_on_time += u64::from(r.get::<_, Option<bool>>(2)? == Some(true));
        tally.resolved += u64::from(status == "resolved");
        tally.rejected += u64::from(status == "rejected");
        tally.transferred += u64::from(r.get::<_, i64>(3)? > 0);
        tally.overdue += u64::from(
            (open && answer_due < today_text.as_str())
                || (unacknowledged && ack_due < today_text.as_str()),
        );
        if let Some(stars) = r.get::<_, Option<u8>>(4)? {
            tally.stars.push(stars);
        }
        if let Some(hours) = r.get::<_, Option<f64>>(7)? {
            tally.response_hours.push(hours);
        }
    }
    let mut names: HashMap<String, LocalizedText> = HashMap::new();
    let mut statement = c.prepare_cached(&format!(
        "SELECT id, name_sq, name_sr, name_en FROM {table}"
    ))?;
    let mut rows = statement.query([])?;
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        if tallies.contains_key(&id) {
            names.insert(
                id,
                LocalizedText {
                    sq: r.get(1)?,
                    sr: r.get(2)?,
                    en: r.get(3)?,
                },
            );
        }
    }
    let mut result: Vec<StatsRow> = tallies
        .into_iter()
        .map(|(key, mut tally)| StatsRow {
            name: names.remove(&key).unwrap_or_default(),
            key,
            received: tally.received,
            acknowledged_on_time: tally.acknowledged_on_time,
            median_first_response_hours: median(&mut tally.response_hours)
                .map(|h| (h * 10.0).round() / 10.0),
            resolved: tally.resolved,
            rejected: tally.rejected,
            transferred: tally.transferred,
            overdue: tally.overdue,
            ratings: tally.stars.len() as u64,
            average_rating: (!tally.stars.is_empty()).then(|| {
                let sum: f64 = tally.stars.iter().map(|s| f64::from(*s)).sum();
                (sum / tally.stars.len() as f64 * 100.0).round() / 100.0
            }),
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
