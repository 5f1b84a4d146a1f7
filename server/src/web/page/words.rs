//! Words in the page's language: the dashboard's messages, statuses in the citizen app's words,
//! names kept in three languages, dates and times in Kosovo time.

use chrono::{DateTime, NaiveDate, Utc};
use protocol::Language;
use protocol::api::{LocalizedText, Status};
use protocol::i18n::Arg;

use crate::messages::localizer;

/// Words in one language.
#[derive(Clone, Copy)]
pub struct Words {
    pub language: Language,
}

impl Words {
    pub fn new(language: Language) -> Words {
        Words { language }
    }

    /// A dashboard message.
    pub fn t(&self, id: &str) -> String {
        localizer(self.language).t(id)
    }

    pub fn format(&self, id: &str, args: &[(&str, Arg)]) -> String {
        localizer(self.language).format(id, args)
    }

    pub fn has(&self, id: &str) -> bool {
        localizer(self.language).has(id)
    }

    /// A status's name, in the citizen app's words. A text that is no status is shown as is.
    pub fn status(&self, status: &str) -> String {
        match status.parse::<Status>() {
            Ok(status) => localizer(self.language).t(&status.message_id()),
            Err(_) => status.to_owned(),
        }
    }

    /// A name kept in Albanian, Serbian and English.
    pub fn name(&self, name: &LocalizedText) -> String {
        protocol::i18n::pick(name, self.language)
    }

    pub fn date(&self, date: NaiveDate) -> String {
        protocol::time::format_date(self.language, date)
    }

    pub fn time(&self, at: &str) -> String {
        DateTime::parse_from_rfc3339(at)
            .map(|at| protocol::time::format_time(self.language, at.with_timezone(&Utc)))
            .unwrap_or_else(|_| at.to_owned())
    }

    pub fn due(&self, day: &str) -> String {
        day.parse::<NaiveDate>()
            .map(|d| self.date(d))
            .unwrap_or_else(|_| day.to_owned())
    }
}
