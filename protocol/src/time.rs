//! Kosovo's local time, from the time-zone database (`Europe/Belgrade`, which Kosovo follows:
//! CET, CEST in summer), and how dates and times are written in each language. Complaints are
//! about places in Kosovo, so their times are shown as people there read them, wherever the
//! reader is, and deadlines fall on Kosovo's calendar days.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Europe::Belgrade;

use crate::i18n::Language;

/// The wall-clock time in Kosovo at an instant.
pub fn kosovo_time(at: DateTime<Utc>) -> NaiveDateTime {
    at.with_timezone(&Belgrade).naive_local()
}

/// The calendar date in Kosovo at an instant.
pub fn kosovo_date(at: DateTime<Utc>) -> NaiveDate {
    kosovo_time(at).date()
}

/// How far ahead of UTC Kosovo is at an instant (one hour, two in summer).
pub fn kosovo_offset(at: DateTime<Utc>) -> Duration {
    let seconds = Belgrade
        .offset_from_utc_datetime(&at.naive_utc())
        .fix()
        .local_minus_utc();
    Duration::seconds(i64::from(seconds))
}

/// A date as readers of `language` write it.
pub fn format_date(language: Language, date: NaiveDate) -> String {
    match language {
        Language::English => date.format("%-d %b %Y").to_string(),
        Language::SerbianLatin | Language::SerbianCyrillic => {
            date.format("%-d.%-m.%Y.").to_string()
        }
        Language::Albanian => date.format("%d.%m.%Y").to_string(),
    }
}

/// An instant as a date and a time of day in Kosovo.
pub fn format_time(language: Language, at: DateTime<Utc>) -> String {
    let local = kosovo_time(at);
    format!(
        "{} {}",
        format_date(language, local.date()),
        local.format("%H:%M")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn kosovo_time_follows_summer_time() {
        let hm = |s| kosovo_time(at(s)).format("%H:%M").to_string();
        assert_eq!(hm("2026-01-15T12:00:00Z"), "13:00");
        assert_eq!(hm("2026-07-15T12:00:00Z"), "14:00");
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert_eq!(hm("2026-03-29T00:59:00Z"), "01:59");
        assert_eq!(hm("2026-03-29T01:00:00Z"), "03:00");
        assert_eq!(hm("2026-10-25T00:59:00Z"), "02:59");
        assert_eq!(hm("2026-10-25T01:00:00Z"), "02:00");
        assert_eq!(
            kosovo_offset(at("2026-07-15T12:00:00Z")),
            Duration::hours(2)
        );
        assert_eq!(
            kosovo_offset(at("2026-12-15T12:00:00Z")),
            Duration::hours(1)
        );
    }

    #[test]
    fn the_date_is_taken_in_kosovo() {
        assert_eq!(
            kosovo_date(at("2026-11-26T23:30:00Z")),
            NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
        );
    }

    #[test]
    fn each_language_writes_dates_its_own_way() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert_eq!(format_date(Language::English, date), "5 Mar 2026");
        assert_eq!(format_date(Language::SerbianLatin, date), "5.3.2026.");
        assert_eq!(format_date(Language::Albanian, date), "05.03.2026");
        assert_eq!(
            format_time(Language::English, at("2026-03-05T08:07:00Z")),
            "5 Mar 2026 09:07"
        );
        let winter = at("2026-01-15T12:00:00Z");
        assert_eq!(
            format_time(Language::SerbianLatin, winter),
            "15.1.2026. 13:00"
        );
        assert_eq!(format_time(Language::Albanian, winter), "15.01.2026 13:00");
        assert_eq!(format_time(Language::English, winter), "15 Jan 2026 13:00");
    }
}
