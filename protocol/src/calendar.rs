//! Working days: Monday to Friday, less public holidays. Deadlines count working days after
//! the day a complaint reached the institution, in Kosovo time ([`crate::time`]). The server
//! keeps the holidays (an administrator can add a day the government declares).

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};

use crate::api::limits;

/// Which days are working days.
pub struct Calendar {
    holidays: BTreeSet<NaiveDate>,
}

impl Calendar {
    pub fn new(holidays: impl IntoIterator<Item = NaiveDate>) -> Calendar {
        Calendar {
            holidays: holidays.into_iter().collect(),
        }
    }

    /// The last day a holiday can matter on for a deadline of up to `working_days` after
    /// `from`: every week has five working days, and a month on top covers any run of holidays.
    pub fn horizon(from: NaiveDate, working_days: u32) -> NaiveDate {
        from + Duration::days(i64::from(working_days) * 7 / 5 + 31)
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

    /// The working days after `after` up to and including `until`: those that began with a
    /// complaint waiting, if it started waiting on `after` and its wait ended on `until`.
    pub fn working_days_between(&self, after: NaiveDate, until: NaiveDate) -> u32 {
        let mut date = after;
        let mut count = 0;
        while date < until {
            date += Duration::days(1);
            count += u32::from(self.is_working_day(date));
        }
        count
    }
}

/// Whether a complaint closed at `closed_at` may still be reopened at `now`: at most
/// [`limits::REOPEN_WINDOW_DAYS`] days later.
pub fn within_reopen_window(closed_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now - closed_at <= Duration::days(limits::REOPEN_WINDOW_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_wait_counts_the_working_days_that_began_with_it() {
        // Monday 30 November 2026 is a holiday in this test's calendar.
        let calendar = Calendar::new([date("2026-11-30")]);
        // Asked on Friday 27 November, answered on Tuesday 1 December: the weekend and the
        // Monday holiday are not working days, so only the Tuesday counts.
        assert_eq!(
            calendar.working_days_between(date("2026-11-27"), date("2026-12-01")),
            1
        );
        assert_eq!(
            calendar.working_days_between(date("2026-11-27"), date("2026-11-27")),
            0
        );
        assert_eq!(
            calendar.working_days_between(date("2026-11-23"), date("2026-12-04")),
            8
        );
        // Waiting the counted days and adding them back to a due date lands on the same day
        // as counting from the later start.
        let due = date("2026-11-26");
        let waited = calendar.working_days_between(date("2026-11-25"), date("2026-12-02"));
        assert_eq!(calendar.add_working_days(due, waited), date("2026-12-03"));
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
    fn a_closed_complaint_can_be_reopened_for_thirty_days() {
        let closed: DateTime<Utc> = "2026-11-01T10:00:00Z".parse().unwrap();
        assert!(within_reopen_window(closed, closed + Duration::days(30)));
        assert!(!within_reopen_window(
            closed,
            closed + Duration::days(30) + Duration::seconds(1)
        ));
    }
}
