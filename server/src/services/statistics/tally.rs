//! Adding up a period's figures: for every institution from the daily totals
//! (`db::figures`), for one institution straight from its complaints (an index holds every
//! column). Both count the same way, and a test holds them to it.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use protocol::api::{LocalizedText, Status};

use super::StatsRow;
use crate::services::ServiceError;

/// The instant a Kosovo calendar day begins (for a day within the years requests may name).
fn start_of_day(day: NaiveDate) -> Result<DateTime<Utc>, ServiceError> {
    let midnight = day.and_time(chrono::NaiveTime::MIN).and_utc();
    let offset = crate::calendar::kosovo_offset(midnight);
    midnight
        .checked_sub_signed(offset)
        .ok_or(ServiceError::bad_request("date_out_of_range"))
}

/// The instants a period of Kosovo days begins and ends (its last day's end), as RFC 3339.
fn period_bounds(from: NaiveDate, to: NaiveDate) -> Result<(String, String), ServiceError> {
    let next_day = to
        .succ_opt()
        .ok_or(ServiceError::bad_request("date_out_of_range"))?;
    Ok((
        start_of_day(from)?.to_rfc3339(),
        start_of_day(next_day)?.to_rfc3339(),
    ))
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
pub struct Tally {
    received: u64,
    acknowledged_on_time: u64,
    resolved: u64,
    rejected: u64,
    transferred: u64,
    overdue: u64,
    escalated: u64,
    ratings: u64,
    stars: u64,
    response_tenths: Vec<u32>,
}

impl Tally {
    pub fn into_row(mut self, key: String, name: LocalizedText) -> StatsRow {
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
            escalated: self.escalated,
            ratings: self.ratings,
            average_rating: (self.ratings > 0)
                .then(|| (self.stars as f64 / self.ratings as f64 * 100.0).round() / 100.0),
        }
    }
}

fn text(row: &crate::db::Row, index: usize) -> Result<&str, ServiceError> {
    Ok(row.get_str(index)?)
}

fn tally_for<'t>(tallies: &'t mut HashMap<String, Tally>, key: &str) -> &'t mut Tally {
    if !tallies.contains_key(key) {
        tallies.insert(key.to_owned(), Tally::default());
    }
    tallies.get_mut(key).expect("inserted above")
}

/// Every institution's figures for the period, from the daily totals.
pub fn tally_all(
    c: &crate::db::Conn,
    dimension: &str,
    (from, to): (NaiveDate, NaiveDate),
    today: &str,
) -> Result<HashMap<String, Tally>, ServiceError> {
    let mut tallies: HashMap<String, Tally> = HashMap::new();
    let (from, to) = (from.to_string(), to.to_string());
    let mut statement = c.prepare_cached(
        "SELECT key, received, acknowledged_on_time, resolved, rejected, transferred, ratings, stars,
                response_tenths
         FROM daily_figures WHERE dimension = ?1 AND day >= ?2 AND day <= ?3 AND received > 0",
    )?;
    let mut rows = statement.query(crate::params![dimension, from, to])?;
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
    let overdue = match c.dialect() {
        crate::db::Dialect::Sqlite => {
            "SELECT key, SUM(open) FROM daily_open
             WHERE dimension = ?1 AND day >= ?2 AND day <= ?3
               AND (answer_due < ?4 OR (unacknowledged = 1 AND ack_due < ?4))
             GROUP BY key"
        }
        // One pass over the period, the deadlines tested on each total: with the test in WHERE,
        // PostgreSQL scans the period twice (once per deadline) and sorts what it found.
        crate::db::Dialect::Postgres => {
            "SELECT key, SUM(CASE WHEN answer_due < ?4 OR (unacknowledged = 1 AND ack_due < ?4)
                    THEN open ELSE 0 END)
             FROM daily_open WHERE dimension = ?1 AND day >= ?2 AND day <= ?3
             GROUP BY key"
        }
    };
    let mut statement = c.prepare_cached(overdue)?;
    let mut rows = statement.query(crate::params![dimension, from, to, today])?;
    while let Some(r) = rows.next()? {
        tally_for(&mut tallies, text(r, 0)?).overdue += r.get::<_, i64>(1)?.max(0) as u64;
    }
    Ok(tallies)
}

/// One institution's figures for the period, from its complaints (an index holds every column).
pub fn tally_institution(
    c: &crate::db::Conn,
    column: &str,
    institution: &str,
    (from, to): (NaiveDate, NaiveDate),
    today: &str,
) -> Result<HashMap<String, Tally>, ServiceError> {
    let (start, end) = period_bounds(from, to)?;
    // SQLite is told which index holds every column; PostgreSQL's planner finds it.
    let indexed = match c.dialect() {
        crate::db::Dialect::Sqlite => "INDEXED BY complaints_institution_submitted",
        crate::db::Dialect::Postgres => "",
    };
    let mut statement = c.prepare_cached(&format!(
        "SELECT {column}, status, acknowledged_on_time, transfers, rating_stars, answer_due, ack_due,
                first_response_hours
         FROM complaints {indexed}
         WHERE institution_id = ?1 AND submitted_at >= ?2 AND submitted_at < ?3"
    ))?;
    let mut tallies: HashMap<String, Tally> = HashMap::new();
    let mut rows = statement.query(crate::params![institution, start, end])?;
    while let Some(r) = rows.next()? {
        let tally = tally_for(&mut tallies, text(r, 0)?);
        let status = text(r, 1)?.parse::<Status>().ok();
        let open = status.is_some_and(Status::runs_against_deadline);
        let unacknowledged = matches!(
            status,
            Some(Status::Submitted | Status::Transferred | Status::Reopened)
        );
        tally.received += 1;
        tally.acknowledged_on_time += u64::from(r.get::<_, Option<bool>>(2)? == Some(true));
        tally.resolved += u64::from(status == Some(Status::Resolved));
        tally.rejected += u64::from(status == Some(Status::Rejected));
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

/// Adds to `tallies` how many of the period's complaints went to a supervising body, grouped by
/// `column` (of one institution's complaints only, given `institution`). Few complaints escalate,
/// and an index holds just those, so they are counted from the complaints on both paths.
pub fn add_escalations(
    c: &crate::db::Conn,
    column: &str,
    institution: Option<&str>,
    (from, to): (NaiveDate, NaiveDate),
    tallies: &mut HashMap<String, Tally>,
) -> Result<(), ServiceError> {
    let (start, end) = period_bounds(from, to)?;
    let mut values: Vec<crate::db::Value> = vec![start.into(), end.into()];
    let of_institution = match institution {
        Some(institution) => {
            values.push(institution.to_owned().into());
            "AND institution_id = ?3"
        }
        None => "",
    };
    let mut statement = c.prepare_cached(&format!(
        "SELECT {column}, COUNT(*) FROM complaints
         WHERE escalated_at IS NOT NULL AND submitted_at >= ?1 AND submitted_at < ?2 {of_institution}
         GROUP BY {column}"
    ))?;
    let mut rows = statement.query(values)?;
    while let Some(r) = rows.next()? {
        tally_for(tallies, text(r, 0)?).escalated += r.get::<_, i64>(1)?.max(0) as u64;
    }
    Ok(())
}
