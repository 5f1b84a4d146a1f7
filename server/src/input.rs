//! What a request may carry, checked before any arithmetic or query is built from it: days
//! within the years the service can mean, periods of a few years at most, page numbers and
//! sizes, the phone's change cursor, and search text, cleaned of control characters and turned
//! into a full-text query of quoted words. The API, the dashboard and the administration all
//! read these through here, so a limit is the same wherever it is met; the OpenAPI document
//! states the same numbers, and a test holds it to these constants.

use chrono::{Datelike, Days, NaiveDate};

use crate::services::ServiceError;

/// The first and last years a date from a request may fall in.
pub const FIRST_YEAR: i32 = 2000;
pub const LAST_YEAR: i32 = 2100;
/// The longest period figures are asked for: five years, leap days included.
pub const MAX_PERIOD_DAYS: i64 = 5 * 365 + 2;
/// Pages of a list are numbered from 1 up to this; deeper than that, filters narrow it down.
pub const MAX_PAGE: u32 = 100_000;
/// The most items one page holds, and how many it holds unless asked.
pub const MAX_PER_PAGE: u32 = 100;
pub const DEFAULT_PER_PAGE: u32 = 25;
/// The most digits a change cursor has (cursors are event numbers the server handed out).
pub const MAX_CURSOR_DIGITS: usize = 15;
/// The longest search text, in characters.
pub const SEARCH_MAX_CHARS: usize = 200;

/// The years [`FIRST_YEAR`] to [`LAST_YEAR`] in a JSON schema's words (with `format: date`).
pub const DATE_PATTERN: &str = "^(20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$";

fn bad(code: &'static str) -> ServiceError {
    ServiceError::bad_request(code)
}

/// `date` if it falls within the years a request may name.
pub fn day(date: NaiveDate) -> Result<NaiveDate, ServiceError> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        Ok(date)
    } else {
        Err(bad("date_out_of_range"))
    }
}

/// A day written `YYYY-MM-DD` (a four-digit year), within the years a request may name.
pub fn parse_day(text: &str) -> Result<NaiveDate, ServiceError> {
    let text = text.trim();
    let well_formed = text.len() == 10 && text.as_bytes()[..4].iter().all(u8::is_ascii_digit);
    let parsed = well_formed
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten()
        .ok_or(bad("invalid_date"))?;
    day(parsed)
}

/// Like [`parse_day`], where an empty field means "not given".
pub fn optional_day(text: Option<&str>) -> Result<Option<NaiveDate>, ServiceError> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => parse_day(text).map(Some),
    }
}

/// The period a request asks for, both days included: `to` defaults to `today` and `from` to
/// `default_days` before `to`. Both ends fall within the years a request may name, the start
/// is not after the end, and the period is at most [`MAX_PERIOD_DAYS`] long.
pub fn period(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    today: NaiveDate,
    default_days: u64,
) -> Result<(NaiveDate, NaiveDate), ServiceError> {
    let to = day(to.unwrap_or(today))?;
    let from = match from {
        Some(from) => from,
        None => to
            .checked_sub_days(Days::new(default_days))
            .ok_or(bad("date_out_of_range"))?,
    };
    let from = day(from)?;
    if from > to {
        return Err(bad("invalid_period"));
    }
    if to.signed_duration_since(from).num_days() > MAX_PERIOD_DAYS {
        return Err(bad("period_too_long"));
    }
    Ok((from, to))
}

/// A page number and size from a request: pages count from 1 to [`MAX_PAGE`], and hold 1 to
/// [`MAX_PER_PAGE`] items ([`DEFAULT_PER_PAGE`] unless asked).
pub fn page(page: Option<u32>, per_page: Option<u32>) -> Result<(u32, u32), ServiceError> {
    let page = page.unwrap_or(1);
    let per_page = per_page.unwrap_or(DEFAULT_PER_PAGE);
    if (1..=MAX_PAGE).contains(&page) && (1..=MAX_PER_PAGE).contains(&per_page) {
        Ok((page, per_page))
    } else {
        Err(bad("invalid_page"))
    }
}

/// A page number typed into a link (the dashboard's); empty means the first.
pub fn page_number(text: &str) -> Result<Option<u32>, ServiceError> {
    match text.trim() {
        "" => Ok(None),
        text => text.parse().map(Some).map_err(|_| bad("invalid_page")),
    }
}

/// The phone's change cursor: absent or empty for everything, else the digits of an event
/// number the server handed out.
pub fn cursor(text: Option<&str>) -> Result<i64, ServiceError> {
    match text {
        None | Some("") => Ok(0),
        Some(text)
            if text.len() <= MAX_CURSOR_DIGITS && text.bytes().all(|b| b.is_ascii_digit()) =>
        {
            text.parse().map_err(|_| bad("invalid_cursor"))
        }
        Some(_) => Err(bad("invalid_cursor")),
    }
}

/// The words of a search: control characters (a NUL would end the query early in SQLite's
/// parser) separate words like spaces do. `None` when no word is left; text longer than
/// [`SEARCH_MAX_CHARS`] is refused.
pub fn search_words(text: &str) -> Result<Option<Vec<String>>, ServiceError> {
    if text.chars().count() > SEARCH_MAX_CHARS {
        return Err(bad("search_too_long"));
    }
    let cleaned: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let words: Vec<String> = cleaned.split_whitespace().map(str::to_owned).collect();
    Ok((!words.is_empty()).then_some(words))
}

/// A full-text (FTS5) query in which every word must appear (the last may be the start of a
/// word). Each word is one quoted string, its own quotes doubled, so nothing typed is read as
/// query syntax: `NEAR(`, `AND`, `*`, `-`, `:` and parentheses are only characters.
pub fn search_expression(words: &[String]) -> String {
    let quoted: Vec<String> = words
        .iter()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    let mut expression = quoted.join(" ");
    if !expression.is_empty() {
        expression.push('*');
    }
    expression
}

/// The same search for PostgreSQL, as the text of a `tsquery` (use it as
/// `search @@ CAST(?1 AS TEXT)::tsquery`): every word must appear, the last may be the start of
/// a word, each cut and folded as SQLite cuts and folds it ([`crate::db::search::terms`]), so
/// it finds what [`search_expression`] finds. A word of several parts (`ZR-2026`) is a phrase,
/// its parts one after the other; a word with nothing to find (`-`) is left out, as SQLite
/// leaves it out, and with no word left the query finds nothing. Each part is quoted, so
/// nothing typed is read as query syntax.
pub fn search_tsquery(words: &[String]) -> String {
    let last = words.len().saturating_sub(1);
    let phrases: Vec<String> = words
        .iter()
        .enumerate()
        .filter_map(|(i, word)| {
            let mut parts: Vec<String> = crate::db::search::terms(word)
                .iter()
                .map(|part| format!("'{}'", part.replace('\\', "\\\\").replace('\'', "''")))
                .collect();
            if i == last {
                parts.last_mut()?.push_str(":*");
            }
            match parts.len() {
                0 => None,
                1 => parts.pop(),
                _ => Some(format!("({})", parts.join(" <-> "))),
            }
        })
        .collect();
    phrases.join(" & ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The code a refusal names.
    trait Code {
        fn code(&self) -> &'static str;
    }

    impl Code for ServiceError {
        fn code(&self) -> &'static str {
            match self {
                ServiceError::BadRequest { code, .. } => code,
                other => panic!("not a bad request: {other:?}"),
            }
        }
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn days_outside_the_window_and_malformed_days_are_refused() {
        assert_eq!(parse_day("2026-11-02").unwrap(), date("2026-11-02"));
        for (text, code) in [
            ("1999-12-31", "date_out_of_range"),
            ("2101-01-01", "date_out_of_range"),
            ("0000-01-01", "date_out_of_range"),
            ("9999-12-31", "date_out_of_range"),
            ("-262143-01-01", "invalid_date"),
            ("+262142-12-31", "invalid_date"),
            ("2026-02-30", "invalid_date"),
            ("2026-1-1", "invalid_date"),
            ("", "invalid_date"),
        ] {
            assert_eq!(parse_day(text).unwrap_err().code(), code, "{text}");
        }
        assert!(day(NaiveDate::MIN).is_err() && day(NaiveDate::MAX).is_err());
    }

    #[test]
    fn a_period_is_in_order_in_the_window_and_at_most_five_years() {
        let today = date("2026-11-02");
        assert_eq!(
            period(None, None, today, 30).unwrap(),
            (date("2026-10-03"), today)
        );
        assert!(period(Some(date("2021-11-02")), None, today, 30).is_ok());
        let code = |from: &str, to: &str| {
            period(Some(date(from)), Some(date(to)), today, 30)
                .unwrap_err()
                .code()
        };
        assert_eq!(code("2026-12-01", "2026-11-01"), "invalid_period");
        assert_eq!(code("2020-01-01", "2026-01-02"), "period_too_long");
        assert_eq!(code("2026-01-01", "2101-01-01"), "date_out_of_range");
        assert_eq!(
            period(None, Some(NaiveDate::MIN), today, 30)
                .unwrap_err()
                .code(),
            "date_out_of_range"
        );
        assert_eq!(
            period(None, Some(date("2000-01-10")), today, 30)
                .unwrap_err()
                .code(),
            "date_out_of_range"
        );
    }

    #[test]
    fn pages_and_cursors_are_counted_in_range() {
        assert_eq!(page(None, None).unwrap(), (1, DEFAULT_PER_PAGE));
        assert_eq!(
            page(Some(MAX_PAGE), Some(MAX_PER_PAGE)).unwrap(),
            (MAX_PAGE, 100)
        );
        for (p, n) in [
            (0, 25),
            (MAX_PAGE + 1, 25),
            (1, 0),
            (1, 101),
            (u32::MAX, u32::MAX),
        ] {
            assert!(page(Some(p), Some(n)).is_err(), "{p} {n}");
        }
        assert_eq!(page_number("").unwrap(), None);
        assert!(page_number("9223372036854775807").is_err());
        assert_eq!(cursor(None).unwrap(), 0);
        assert_eq!(cursor(Some("42")).unwrap(), 42);
        for text in ["-1", "+1", "1e3", "9223372036854775807", " 1"] {
            assert!(cursor(Some(text)).is_err(), "{text}");
        }
    }

    #[test]
    fn search_text_becomes_quoted_words_without_control_characters() {
        let words = |t: &str| search_words(t).unwrap();
        assert_eq!(words("\0"), None);
        assert_eq!(words("  \t\r\n "), None);
        let nul = words("pot\0hole").unwrap();
        assert_eq!(nul, ["pot", "hole"]);
        assert_eq!(search_expression(&nul), "\"pot\" \"hole\"*");
        let syntax = words("NEAR( a\"b -x:y)").unwrap();
        assert_eq!(
            search_expression(&syntax),
            "\"NEAR(\" \"a\"\"b\" \"-x:y)\"*"
        );
        assert_eq!(search_tsquery(&nul), "'pot' & 'hole':*");
        assert_eq!(
            search_tsquery(&syntax),
            "'near' & ('a' <-> 'b') & ('x' <-> 'y':*)"
        );
        let folded = words("Ujë ČESMA -").unwrap();
        assert_eq!(search_tsquery(&folded), "'uje' & 'cesma'");
        assert_eq!(search_tsquery(&words("– …").unwrap()), "");
        assert!(search_words(&"a".repeat(SEARCH_MAX_CHARS)).is_ok());
        assert_eq!(
            search_words(&"a".repeat(SEARCH_MAX_CHARS + 1))
                .unwrap_err()
                .code(),
            "search_too_long"
        );
    }
}
