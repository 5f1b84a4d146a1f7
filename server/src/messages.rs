//! The server's own words (error messages, routing explanations, the dashboard) in every
//! language. Validation messages come from the citizen app's messages, so a citizen reads the
//! same sentence whether the phone or the server caught the problem.

use std::sync::OnceLock;

use protocol::Language;
use protocol::i18n::{Localizer, Messages};

pub const SOURCE_SQ: &str = include_str!("../locales/sq.ftl");
pub const SOURCE_SR_LATN: &str = include_str!("../locales/sr-Latn.ftl");
pub const SOURCE_EN: &str = include_str!("../locales/en.ftl");

pub fn server_messages() -> &'static Messages {
    static MESSAGES: OnceLock<Messages> = OnceLock::new();
    MESSAGES.get_or_init(|| Messages::new(SOURCE_SQ, SOURCE_SR_LATN, SOURCE_EN))
}

pub fn localizer(language: Language) -> Localizer<'static> {
    server_messages().in_language(language)
}

#[cfg(test)]
mod tests {
    use super::*;
    use protocol::i18n::message_ids;

    #[test]
    fn every_server_message_exists_in_every_language() {
        let en = message_ids(SOURCE_EN).unwrap();
        assert_eq!(message_ids(SOURCE_SQ).unwrap(), en);
        assert_eq!(message_ids(SOURCE_SR_LATN).unwrap(), en);
    }
}
