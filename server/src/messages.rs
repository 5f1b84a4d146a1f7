//! The server's own words (error messages, routing explanations) in every language, and which
//! language a request wants. Validation messages come from the citizen app's messages, so a
//! citizen reads the same sentence whether the phone or the server caught the problem.

use std::sync::OnceLock;

use axum::http::HeaderMap;
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

/// The first language in `Accept-Language` that Zëri speaks; English otherwise (API clients).
pub fn requested_language(headers: &HeaderMap) -> Language {
    let Some(value) = headers.get("accept-language").and_then(|v| v.to_str().ok()) else {
        return Language::English;
    };
    value
        .split(',')
        .filter_map(|part| {
            let tag = part.split(';').next()?.trim().to_ascii_lowercase();
            match tag.as_str() {
                "sq" | "sq-al" | "sq-xk" => Some(Language::Albanian),
                "sr-cyrl" | "sr-cyrl-rs" | "sr-cyrl-xk" => Some(Language::SerbianCyrillic),
                t if t == "sr" || t.starts_with("sr-") => Some(Language::SerbianLatin),
                t if t == "en" || t.starts_with("en-") => Some(Language::English),
                _ => None,
            }
        })
        .next()
        .unwrap_or(Language::English)
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

    #[test]
    fn accept_language_picks_the_first_known_language() {
        let mut headers = HeaderMap::new();
        assert_eq!(requested_language(&headers), Language::English);
        headers.insert(
            "accept-language",
            "de-DE, sr;q=0.8, sq;q=0.5".parse().unwrap(),
        );
        assert_eq!(requested_language(&headers), Language::SerbianLatin);
        headers.insert("accept-language", "sr-Cyrl".parse().unwrap());
        assert_eq!(requested_language(&headers), Language::SerbianCyrillic);
        headers.insert("accept-language", "sq".parse().unwrap());
        assert_eq!(requested_language(&headers), Language::Albanian);
    }
}
