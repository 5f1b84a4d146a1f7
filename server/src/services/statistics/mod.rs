//! Public figures per institution, category or municipality for a period: received, acknowledged
//! on time, median time to first response, resolved, rejected, transferred, overdue, escalated to
//! the supervising body, rating.
//! Counts only, never a description or a contact: safe to publish and to export as CSV.

mod tally;

use std::collections::HashMap;

use crate::db::Conn;
use chrono::{DateTime, NaiveDate, Utc};
use protocol::api::LocalizedText;
use serde::{Deserialize, Serialize};

use super::ServiceError;
use super::audit;
use super::names::localized;
use crate::auth::StaffMember;
use tally::{add_escalations, tally_all, tally_institution};

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

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct StatsRow {
    pub key: String,
    pub name: LocalizedText,
    pub received: u64,
    pub acknowledged_on_time: u64,
    /// Hours from submission to the first reply or decision, less any time the complaint
    /// spent waiting for the citizen's answer to a question.
    pub median_first_response_hours: Option<f64>,
    pub resolved: u64,
    pub rejected: u64,
    pub transferred: u64,
    /// Still open and past a deadline today.
    pub overdue: u64,
    /// Gone to the institution's supervising body, unanswered past its deadline.
    #[serde(default)]
    pub escalated: u64,
    pub ratings: u64,
    pub average_rating: Option<f64>,
}

#[derive(Debug, Clone, Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct Stats {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub rows: Vec<StatsRow>,
}

/// The figures `query` asks for, overdue as of `today` (Kosovo date).
pub fn compute(c: &Conn, query: &StatsQuery, today: NaiveDate) -> Result<Stats, ServiceError> {
    let (from, to) = crate::input::period(query.from, query.to, today, 30)?;
    let grouping = query.group.unwrap_or(Grouping::Institution);
    let (dimension, column, table) = match grouping {
        Grouping::Institution => ("institution", "institution_id", "institutions"),
        Grouping::Category => ("category", "category_id", "categories"),
        Grouping::Municipality => ("municipality", "municipality_id", "municipalities"),
    };
    let today = today.to_string();
    let mut tallies = match &query.institution {
        None => tally_all(c, dimension, (from, to), &today)?,
        Some(institution) => tally_institution(c, column, institution, (from, to), &today)?,
    };
    add_escalations(
        c,
        column,
        query.institution.as_deref(),
        (from, to),
        &mut tallies,
    )?;
    let mut names: HashMap<String, LocalizedText> = HashMap::new();
    let mut statement = c.prepare_cached(&format!(
        "SELECT id, name_sq, name_sr, name_en FROM {table}"
    ))?;
    let mut rows = statement.query(())?;
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        if tallies.contains_key(&id) {
            names.insert(id, localized(r, 1)?);
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

/// The figures as CSV, names in all three languages.
pub fn to_csv(stats: &Stats) -> Result<String, ServiceError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let internal = |e: csv::Error| ServiceError::Internal(format!("csv: {e}"));
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
            "escalated",
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
                row.escalated.to_string(),
                row.ratings.to_string(),
                optional(row.average_rating),
            ])
            .map_err(internal)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ServiceError::Internal(format!("csv: {e}")))?;
    String::from_utf8(bytes).map_err(|e| ServiceError::Internal(e.to_string()))
}

/// Writes to the audit log that `staff` exported `stats` at `at`: the figures are public, but an
/// export by staff is still worth knowing about.
pub fn record_export(
    c: &Conn,
    staff: &StaffMember,
    stats: &Stats,
    at: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let what = serde_json::json!({ "from": stats.from, "to": stats.to, "rows": stats.rows.len() });
    audit::staff_action(c, staff, at, "statistics_exported", None, Some(what))
}
