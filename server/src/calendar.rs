//! Working days: Monday to Friday, less Kosovo's public holidays (kept in the database, so an
//! administrator can add a day the government declares). Deadlines count working days after
//! the day a complaint reached the institution, in Kosovo time.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use rusqlite::Connection;

pub struct Calendar {
    holidays: BTreeSet<NaiveDate>,
}

impl Calendar {
    pub fn new(holidays: impl IntoIterator<Item = NaiveDate>) -> Calendar {
        Calendar {
            holidays: holidays.into_iter().collect(),
        }
    }

    /// The holidays after `from` that can matter for a deadline of up to `working_days`.
    pub fn load_for(
        connection: &Connection,
        from: NaiveDate,
        working_days: u32,
    ) -> Result<Calendar, rusqlite::Error> {
        // Every week has five working days; a month on top covers any run of holidays.
        let until = from + Duration::days(i64::from(working_days) * 7 / 5 + 31);
        let mut statement = connection
            .prepare_cached("SELECT date FROM holidays WHERE date > ?1 AND date <= ?2")?;
        let dates = statement
            .query_map([from.to_string(), until.to_string()], |row| {
                row.get::<_, String>(0)
            })?
            .filter_map(|d| d.ok()?.parse::<NaiveDate>().ok())
            .collect::<Vec<_>>();
        Ok(Calendar::new(dates))
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains(&date)
    }

    /// The `days`-th working day after `from` (`from` itself does not count).
    pub fn add_working_days(&self, from: NaiveDate, days: u32) -> NaiveDate {
        let mut date = from;
        let mut left = days;
        while left > 0 {
            date += Duration::days(1);
            if self.is_working_day(date) {
                left -= 1;
            }
        }
        date
    }
}

/// How far ahead of UTC Kosovo is at an instant (one hour, two in summer).
pub fn kosovo_offset(at: DateTime<Utc>) -> Duration {
    shared::view::kosovo_time(at) - at.naive_utc()
}

/// The calendar date in Kosovo at an instant.
pub fn kosovo_date(at: DateTime<Utc>) -> NaiveDate {
    shared::view::kosovo_time(at).date()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn weekends_do_not_count() {
        let calendar = Calendar::new([]);
        // Thursday 2026-11-26 + 2 working days = Monday 2026-11-30.
        assert_eq!(
            calendar.add_working_days(date("2026-11-26"), 2),
            date("2026-11-30")
        );
        // A complaint on Saturday: the first working day is Monday.
        assert_eq!(
            calendar.add_working_days(date("2026-11-28"), 1),
            date("2026-11-30")
        );
        assert_eq!(
            calendar.add_working_days(date("2026-11-26"), 15),
            date("2026-12-17")
        );
    }

    #[test]
    fn holidays_do_not_count() {
        let calendar = Calendar::new([date("2026-12-25"), date("2027-01-01")]);
        // Wednesday 23 Dec + 2: Thursday 24, (Friday 25 is Christmas), Monday 28.
        assert_eq!(
            calendar.add_working_days(date("2026-12-23"), 2),
            date("2026-12-28")
        );
        assert!(!calendar.is_working_day(date("2027-01-01")));
    }

    #[test]
    fn the_date_is_taken_in_kosovo() {
        let late_evening_utc: DateTime<Utc> = "2026-11-26T23:30:00Z".parse().unwrap();
        assert_eq!(kosovo_date(late_evening_utc), date("2026-11-27"));
    }
}
