//! Public figures per institution, category or municipality for a period: received, acknowledged
//! on time, median time to first response, resolved, rejected, transferred, overdue, rating.
//! Counts only, never a description or a contact: safe to publish and to export as CSV.
//!
//! Figures for all institutions add up the daily totals (`db::figures`); one institution's come
//! straight from its complaints. Both count the same way, and a test holds them to it.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use chrono::{DateTime, NaiveDate, Utc};
use protocol::api::LocalizedText;
use serde::{Deserialize, Serialize};

use crate::app::AppState;
use crate::auth::StaffMember;
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
#[into_params(parameter_in = Query)]
pub struct StatsQuery {
    /// First day (Kosovo date, `YYYY-MM-DD`), inclusive; default 30 days before `to`. Days fall
    /// in the years 2000 to 2100; the start is not after the end, and a period is at most five
    /// years (1827 days) long.
    #[param(pattern = "^(20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$")]
    pub from: Option<NaiveDate>,
    /// Last day, inclusive; default today.
    #[param(pattern = "^(20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$")]
    pub to: Option<NaiveDate>,
    /// `institution` (default), `category` or `municipality`.
    #[param(inline)]
    pub group: Option<Grouping>,
    /// Only one institution's complaints.
    pub institution: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
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

#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Stats {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub rows: Vec<StatsRow>,
}

/// The instant a Kosovo calendar day begins (for a day within the years requests may name).
fn start_of_day(day: NaiveDate) -> Result<DateTime<Utc>, ApiError> {
    let midnight = day.and_time(chrono::NaiveTime::MIN).and_utc();
    let offset = crate::calendar::kosovo_offset(midnight);
    midnight
        .checked_sub_signed(offset)
        .ok_or(ApiError::BadRequest {
            code: "date_out_of_range",
            detail: None,
        })
}

/// The middle of the values (the mean of the middle two for an even count), in hours.
fn median_hours(tenths: &mut [u32]) -> Option<f64> {
    tenths.sort_unstable();
    let hours = |t: u32| f64::from(t) / 10.0;
    match tenths.len() {
        0 => None,
        n if n % 2 == 1 => Some(hours(tenths[n / 2])),
        n => Some((hours(tenths[n / 2 - 1]) + hours(tenths[n / 2])) / 2.0),
    }
}

/// One group's figures as they are added up.
#[derive(Default)]
struct Tally {
    received: u64,
    acknowledged_on_time: u64,
    resolved: u64,
    rejected: u64,
    transferred: u64,
    overdue: u64,
    ratings: u64,
    stars: u64,
    response_tenths: Vec<u32>,
}

impl Tally {
    fn into_row(mut self, key: String, name: LocalizedText) -> StatsRow {
        StatsRow {
            key,
            name,
            received: self.received,
            acknowledged_on_time: self.acknowledged_on_time,
            median_first_response_hours: median_hours(&mut self.response_tenths)
                .map(|h| (h * 10.0).round() / 10.0),
            resolved: self.resolved,
            rejected: self.rejected,
            transferred: self.transferred,
            overdue: self.overdue,
            ratings: self.ratings,
            average_rating: (self.ratings > 0)
                .then(|| (self.stars as f64 / self.ratings as f64 * 100.0).round() / 100.0),
        }
    }
}

fn text<'r>(row: &'r rusqlite::Row<'_>, index: usize) -> Result<&'r str, ApiError> {
    row.get_ref(index)?
        .as_str()
        .map_err(|e| ApiError::Internal(e.to_string()))
}

fn tally_for<'t>(tallies: &'t mut HashMap<String, Tally>, key: &str) -> &'t mut Tally {
    if !tallies.contains_key(key) {
        tallies.insert(key.to_owned(), Tally::default());
    }
    tallies.get_mut(key).expect("inserted above")
}

/// Every institution's figures for the period, from the daily totals.
fn tally_all(
    c: &rusqlite::Connection,
    dimension: &str,
    (from, to): (NaiveDate, NaiveDate),
    today: &str,
) -> Result<HashMap<String, Tally>, ApiError> {
    let mut tallies: HashMap<String, Tally> = HashMap::new();
    let (from, to) = (from.to_string(), to.to_string());
    let mut statement = c.prepare_cached(
        "SELECT key, received, acknowledged_on_time, resolved, rejected, transferred, ratings, stars,
                response_tenths
         FROM daily_figures WHERE dimension = ?1 AND day >= ?2 AND day <= ?3 AND received > 0",
    )?;
    let mut rows = statement.query(rusqlite::params![dimension, from, to])?;
    while let Some(r) = rows.next()? {
        let tally = tally_for(&mut tallies, text(r, 0)?);
        let count = |i: usize| r.get::<_, i64>(i).map(|n| u64::try_from(n).unwrap_or(0));
        tally.received += count(1)?;
        tally.acknowledged_on_time += count(2)?;
        tally.resolved += count(3)?;
        tally.rejected += count(4)?;
        tally.transferred += count(5)?;
        tally.ratings += count(6)?;
        tally.stars += count(7)?;
        tally
            .response_tenths
            .extend(text(r, 8)?.split(',').filter_map(|t| t.parse::<u32>().ok()));
    }
    let mut statement = c.prepare_cached(
        "SELECT key, SUM(open) FROM daily_open
         WHERE dimension = ?1 AND day >= ?2 AND day <= ?3
           AND (answer_due < ?4 OR (unacknowledged AND ack_due < ?4))
         GROUP BY key",
    )?;
    let mut rows = statement.query(rusqlite::params![dimension, from, to, today])?;
    while let Some(r) = rows.next()? {
        tally_for(&mut tallies, text(r, 0)?).overdue += r.get::<_, i64>(1)?.max(0) as u64;
    }
    Ok(tallies)
}

/// One institution's figures for the period, from its complaints (an index holds every column).
fn tally_institution(
    c: &rusqlite::Connection,
    column: &str,
    institution: &str,
    (from, to): (NaiveDate, NaiveDate),
    today: &str,
) -> Result<HashMap<String, Tally>, ApiError> {
    let next_day = to.succ_opt().ok_or(ApiError::BadRequest {
        code: "date_out_of_range",
        detail: None,
    })?;
    let (start, end) = (
        start_of_day(from)?.to_rfc3339(),
        start_of_day(next_day)?.to_rfc3339(),
    );
    let mut statement = c.prepare_cached(&format!(
        "SELECT {column}, status, acknowledged_on_time, transfers, rating_stars, answer_due, ack_due,
                first_response_hours
         FROM complaints INDEXED BY complaints_institution_submitted
         WHERE institution_id = ?1 AND submitted_at >= ?2 AND submitted_at < ?3"
    ))?;
    let mut tallies: HashMap<String, Tally> = HashMap::new();
    let mut rows = statement.query(rusqlite::params![institution, start, end])?;
    while let Some(r) = rows.next()? {
        let tally = tally_for(&mut tallies, text(r, 0)?);
        let status = text(r, 1)?;
        let open = status != "resolved" && status != "rejected";
        let unacknowledged = matches!(status, "submitted" | "transferred" | "reopened");
        tally.received += 1;
        tally.acknowledged_on_time += u64::from(r.get::<_, Option<bool>>(2)? == Some(true));
        tally.resolved += u64::from(status == "resolved");
        tally.rejected += u64::from(status == "rejected");
        tally.transferred += u64::from(r.get::<_, i64>(3)? > 0);
        tally.overdue +=
            u64::from((open && text(r, 5)? < today) || (unacknowledged && text(r, 6)? < today));
        if let Some(stars) = r.get::<_, Option<u8>>(4)? {
            tally.ratings += 1;
            tally.stars += u64::from(stars);
        }
        if let Some(hours) = r.get::<_, Option<f64>>(7)? {
            tally
                .response_tenths
                .push((hours * 10.0).round().max(0.0) as u32);
        }
    }
    Ok(tallies)
}

pub fn compute(
    c: &rusqlite::Connection,
    query: &StatsQuery,
    today: NaiveDate,
) -> Result<Stats, ApiError> {
    let (from, to) = crate::input::period(query.from, query.to, today, 30)?;
    let grouping = query.group.unwrap_or(Grouping::Institution);
    let (dimension, column, table) = match grouping {
        Grouping::Institution => ("institution", "institution_id", "institutions"),
        Grouping::Category => ("category", "category_id", "categories"),
        Grouping::Municipality => ("municipality", "municipality_id", "municipalities"),
    };
    let today = today.to_string();
    let tallies = match &query.institution {
        None => tally_all(c, dimension, (from, to), &today)?,
        Some(institution) => tally_institution(c, column, institution, (from, to), &today)?,
    };
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
        .map(|(key, tally)| {
            let name = names.remove(&key).unwrap_or_default();
            tally.into_row(key, name)
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
    responses((status = 200, body = Stats, description = "Figures per group; no personal data"),
              (status = 400, description = "A day outside 2000 to 2100, a period backwards or longer than five years, or an unknown grouping")))]
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
    security((), ("Bearer" = [])),
    responses((status = 200, description = "The same figures as CSV; an export by a logged-in staff member is written to the audit log",
               content_type = "text/csv", body = String),
              (status = 400, description = "A day outside 2000 to 2100, a period backwards or longer than five years, or an unknown grouping")))]
pub async fn stats_csv(
    State(state): State<AppState>,
    staff: Option<StaffMember>,
    Query(query): Query<StatsQuery>,
) -> Result<Response, ApiError> {
    let now = state.clock.now();
    let today = kosovo_date(now);
    let stats = state.db.read(move |c| compute(c, &query, today)).await?;
    // The figures are public; an export by staff is still worth knowing about.
    if let Some(staff) = staff {
        let what =
            serde_json::json!({ "from": stats.from, "to": stats.to, "rows": stats.rows.len() });
        state
            .db
            .call(move |c| {
                crate::complaints::audit(
                    c,
                    now,
                    crate::complaints::AuditEntry {
                        actor: crate::complaints::Actor::Staff(staff.id),
                        action: "statistics_exported",
                        complaint: None,
                        citizen_visible: false,
                        before: None,
                        after: Some(what),
                        text: None,
                    },
                )
            })
            .await?;
    }
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
