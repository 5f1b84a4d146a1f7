//! How the screens word what the core knows: statuses, who is responsible for a category,
//! refusals from the server, deadlines and times (in Kosovo time, as each language writes
//! dates).

use chrono::{DateTime, NaiveDate, Utc};

use crate::api::{ComplaintRecord, ResponsibleLevel, Status};
use crate::domain::InputError;
use crate::i18n::{Localizer, input_error};
use crate::model::Model;
use crate::time::{format_date, format_time, kosovo_date};
use crate::view_model::StatusCode;

/// A category's name in the citizen's language, or its id if the catalog no longer has it.
/// The address of the server's web page at `path`, in the app's language.
pub(super) fn server_page(model: &Model, path: &str) -> String {
    format!(
        "{}{path}?lang={}",
        model.api_base_url.trim_end_matches('/'),
        model.settings.language.tag()
    )
}

pub(super) fn category_name(model: &Model, id: &str) -> String {
    model
        .catalog
        .category_name(id, model.settings.language)
        .unwrap_or(id)
        .to_owned()
}

pub(super) fn status_code(status: Status) -> StatusCode {
    match status {
        Status::Submitted => StatusCode::Submitted,
        Status::Received => StatusCode::Received,
        Status::InProgress => StatusCode::InProgress,
        Status::Resolved => StatusCode::Resolved,
        Status::Rejected => StatusCode::Rejected,
        Status::Transferred => StatusCode::Transferred,
        Status::Reopened => StatusCode::Reopened,
        Status::WaitingForCitizen => StatusCode::WaitingForCitizen,
    }
}

pub(super) fn status_label(l: &Localizer, status: Status) -> String {
    l.t(&status.message_id())
}

/// Where a [`Template`]'s argument goes (a character of Unicode's private use area, which no
/// message contains).
const HOLE: &str = "\u{E000}";

/// A message with one text argument, formatted once with a hole where the argument goes and
/// filled in for each item: formatting with Fluent is the dearest part of drawing a long list.
/// Only for messages that show the argument as it is (no selector reads it).
pub(super) struct Template(Vec<String>);

impl Template {
    pub(super) fn new(l: &Localizer, id: &str, argument: &str) -> Template {
        let text = l.format(id, &[(argument, HOLE.into())]);
        Template(text.split(HOLE).map(str::to_owned).collect())
    }

    pub(super) fn fill(&self, value: &str) -> String {
        self.0.join(value)
    }
}

/// What every card of a list words the same way, worded once for the whole list.
pub(super) struct ListWords {
    statuses: Vec<(Status, String)>,
    due: Template,
    updated: Template,
    /// Today in Kosovo, if the clock is known.
    today: Option<NaiveDate>,
}

impl ListWords {
    pub(super) fn new(l: &Localizer, model: &Model) -> ListWords {
        ListWords {
            statuses: Status::ALL
                .into_iter()
                .map(|status| (status, status_label(l, status)))
                .collect(),
            due: Template::new(l, "due-by", "date"),
            updated: Template::new(l, "updated-at", "time"),
            today: model.now.map(kosovo_date),
        }
    }

    pub(super) fn status(&self, status: Status) -> String {
        self.statuses
            .iter()
            .find(|(s, _)| *s == status)
            .map(|(_, label)| label.clone())
            .unwrap_or_default()
    }

    /// As [`due_label`] words it.
    pub(super) fn due(&self, l: &Localizer, due: NaiveDate) -> String {
        self.due.fill(&format_date(l.language, due))
    }

    /// "Updated 20 Nov 2026 10:00".
    pub(super) fn updated(&self, l: &Localizer, at: DateTime<Utc>) -> String {
        self.updated.fill(&format_time(l.language, at))
    }

    /// As [`is_overdue`] decides it.
    pub(super) fn overdue(&self, record: &ComplaintRecord) -> bool {
        is_open(record) && self.today.is_some_and(|today| today > record.due_date)
    }
}

pub(super) fn level_label(l: &Localizer, level: ResponsibleLevel) -> String {
    use ResponsibleLevel::*;
    l.t(match level {
        Municipal => "level-municipal",
        Central => "level-central",
        PublicEnterprise => "level-public-enterprise",
        PrivateOperator => "level-private-operator",
        Independent => "level-independent",
        Judiciary => "level-judiciary",
    })
}

/// What to tell the citizen when the server refused something: our own words for errors we
/// know, else the server's message (it answers in the language we asked for).
pub(super) fn refusal(l: &Localizer, code: &str, message: &str) -> String {
    if let Some(error) = InputError::from_code(code) {
        return input_error(l, error);
    }
    let id = format!("server-error-{}", code.replace('_', "-"));
    if l.has(&id) {
        l.t(&id)
    } else if !message.trim().is_empty() {
        message.trim().to_owned()
    } else {
        l.t("server-error-unknown")
    }
}

/// "Answer due by 11 Dec 2026".
pub(super) fn due_label(l: &Localizer, due: NaiveDate) -> String {
    l.format("due-by", &[("date", format_date(l.language, due).into())])
}

/// Whether the institution's deadline runs: a complaint waiting for the citizen's answer is
/// never late, its deadline paused.
fn is_open(record: &ComplaintRecord) -> bool {
    record.status.runs_against_deadline()
}

/// Whether an open complaint is past its deadline (in Kosovo's calendar).
pub(super) fn is_overdue(model: &Model, record: &ComplaintRecord) -> bool {
    is_open(record)
        && model
            .now
            .is_some_and(|now| kosovo_date(now) > record.due_date)
}

/// The first `max` characters of `text`, with "…" if there was more.
pub(super) fn excerpt(text: &str, max: usize) -> String {
    let mut summary: String = text.chars().take(max).collect();
    if text.chars().nth(max).is_some() {
        summary.push('…');
    }
    summary
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::i18n::Language;

    pub(in crate::view) fn assert_complete(text: &str) {
        assert!(
            !text.contains('⟦') && !text.contains("{ $") && !text.contains("{$"),
            "{text}"
        );
        assert!(!text.trim().is_empty());
    }

    #[test]
    fn every_status_level_and_error_reads_well_in_every_language() {
        for language in Language::ALL {
            let l = crate::i18n::localizer(language);
            for s in Status::ALL {
                assert_complete(&status_label(&l, s));
            }
            for level in ResponsibleLevel::ALL {
                assert_complete(&level_label(&l, level));
            }
            for e in InputError::ALL {
                assert_complete(&input_error(&l, e));
            }
            for code in [
                "reopen_window_closed",
                "not_closed",
                "complaint_not_found",
                "photo_unsupported",
                "zzz",
            ] {
                assert_complete(&refusal(&l, code, ""));
            }
        }
    }

    #[test]
    fn an_unknown_refusal_shows_the_servers_own_words() {
        let l = crate::i18n::localizer(Language::English);
        assert_eq!(
            refusal(&l, "quota_exceeded", "Too many complaints today."),
            "Too many complaints today."
        );
        assert_eq!(
            refusal(&l, "outside_kosovo", "whatever"),
            "This location is outside Kosovo. Choose a municipality instead."
        );
    }

    #[test]
    fn dates_are_written_as_each_language_writes_them() {
        let due = NaiveDate::from_ymd_opt(2026, 12, 11).unwrap();
        let en = crate::i18n::localizer(Language::English);
        assert_eq!(due_label(&en, due), "Answer due by 11 Dec 2026");
        let sr = crate::i18n::localizer(Language::SerbianLatin);
        assert!(due_label(&sr, due).contains("11.12.2026."));
    }

    fn updated_label(l: &Localizer, at: DateTime<Utc>) -> String {
        l.format(
            "updated-at",
            &[("time", format_time(l.language, at).into())],
        )
    }

    #[test]
    fn a_list_words_each_card_as_each_label_alone_would() {
        use chrono::TimeZone;
        let now = Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
        let model = Model {
            now: Some(now),
            ..Model::default()
        };
        let due = NaiveDate::from_ymd_opt(2026, 11, 19).unwrap();
        let updated = Utc.with_ymd_and_hms(2026, 3, 29, 1, 30, 0).unwrap();
        for language in Language::ALL {
            let l = crate::i18n::localizer(language);
            let words = ListWords::new(&l, &model);
            for s in Status::ALL {
                assert_eq!(words.status(s), status_label(&l, s));
            }
            assert_eq!(words.due(&l, due), due_label(&l, due));
            assert_eq!(words.updated(&l, updated), updated_label(&l, updated));
        }
    }

    #[test]
    fn an_excerpt_marks_what_it_left_out() {
        assert_eq!(excerpt("short", 80), "short");
        assert_eq!(excerpt("ëëëë", 2), "ëë…");
        assert_eq!(excerpt("four", 4), "four");
    }
}
