//! Every word the citizen sees, in Albanian, Serbian (Latin and Cyrillic) and English.
//!
//! Messages live in Project Fluent files under `shared/locales/`, one per language; the Serbian
//! Cyrillic bundle is derived from the Serbian Latin file by transliteration, so the two scripts
//! cannot drift apart. A missing message shows up as `⟦id⟧`, which the tests look for.

pub mod cyrillic;

use std::sync::OnceLock;

use facet::Facet;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};
use serde::{Deserialize, Serialize};

use crate::api::{ApiLanguage, LocalizedText};

/// The languages of the interface.
#[derive(Facet, Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[repr(C)]
pub enum Language {
    #[default]
    Albanian,
    SerbianLatin,
    SerbianCyrillic,
    English,
}

impl Language {
    pub const ALL: [Language; 4] = [
        Language::Albanian,
        Language::SerbianLatin,
        Language::SerbianCyrillic,
        Language::English,
    ];

    /// BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Language::Albanian => "sq",
            Language::SerbianLatin => "sr-Latn",
            Language::SerbianCyrillic => "sr-Cyrl",
            Language::English => "en",
        }
    }

    /// The language's name in itself, as language pickers show it.
    pub fn autonym(self) -> &'static str {
        match self {
            Language::Albanian => "Shqip",
            Language::SerbianLatin => "Srpski (latinica)",
            Language::SerbianCyrillic => "Српски (ћирилица)",
            Language::English => "English",
        }
    }

    /// The language as the server knows it.
    pub fn api(self) -> ApiLanguage {
        match self {
            Language::Albanian => ApiLanguage::Sq,
            Language::SerbianLatin | Language::SerbianCyrillic => ApiLanguage::Sr,
            Language::English => ApiLanguage::En,
        }
    }

    /// The tag sent as `Accept-Language`, so server messages come back in this language.
    pub fn api_tag(self) -> &'static str {
        match self.api() {
            ApiLanguage::Sq => "sq",
            ApiLanguage::Sr => "sr",
            ApiLanguage::En => "en",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Picks a text from the server or the catalog in the given language.
pub fn pick(text: &LocalizedText, language: Language) -> String {
    match language {
        Language::Albanian => text.sq.clone(),
        Language::SerbianLatin => text.sr.clone(),
        Language::SerbianCyrillic => cyrillic::to_cyrillic(&text.sr),
        Language::English => text.en.clone(),
    }
}

pub(crate) const SOURCE_SQ: &str = include_str!("../../locales/sq.ftl");
pub(crate) const SOURCE_SR_LATN: &str = include_str!("../../locales/sr-Latn.ftl");
pub(crate) const SOURCE_EN: &str = include_str!("../../locales/en.ftl");

type Bundle = FluentBundle<FluentResource>;

/// A set of messages in every language: the app's own, or another component's (the server's).
pub struct Messages {
    bundles: [Bundle; 4],
}

impl Messages {
    /// Builds the four bundles from Fluent sources in Albanian, Serbian Latin and English;
    /// Serbian Cyrillic is transliterated from the Latin source.
    pub fn new(sq: &str, sr_latn: &str, en: &str) -> Messages {
        Messages {
            bundles: Language::ALL.map(|language| {
                let source = match language {
                    Language::Albanian => sq.to_owned(),
                    Language::SerbianLatin => sr_latn.to_owned(),
                    Language::SerbianCyrillic => cyrillic::fluent_source_to_cyrillic(sr_latn),
                    Language::English => en.to_owned(),
                };
                build_bundle(language, source)
            }),
        }
    }

    pub fn in_language(&self, language: Language) -> Localizer<'_> {
        Localizer {
            messages: self,
            language,
        }
    }
}

/// The citizen app's messages.
pub fn app_messages() -> &'static Messages {
    static APP: OnceLock<Messages> = OnceLock::new();
    APP.get_or_init(|| Messages::new(SOURCE_SQ, SOURCE_SR_LATN, SOURCE_EN))
}

fn build_bundle(language: Language, source: String) -> Bundle {
    let langid = language.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    // A resource with syntax errors still yields every message that parsed; the tests make sure
    // there are none.
    let resource = FluentResource::try_new(source).unwrap_or_else(|(partial, _errors)| partial);
    // Duplicate ids keep the first definition; the tests make sure there are none.
    let _ = bundle.add_resource(resource);
    bundle
}

/// The ids of the messages in a Fluent source, or the syntax errors that stop it parsing.
pub fn message_ids(source: &str) -> Result<std::collections::BTreeSet<String>, String> {
    let resource =
        FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| format!("{errors:?}"))?;
    Ok(resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect())
}

/// An argument to a message.
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// Formats messages in one language.
#[derive(Clone, Copy)]
pub struct Localizer<'a> {
    messages: &'a Messages,
    pub language: Language,
}

impl Localizer<'static> {
    /// The citizen app's messages in `language`.
    pub fn new(language: Language) -> Self {
        app_messages().in_language(language)
    }
}

impl Localizer<'_> {
    /// The message `id` with no arguments.
    pub fn t(&self, id: &str) -> String {
        self.format(id, &[])
    }

    /// The message `id` with named arguments.
    pub fn format(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let bundle = &self.messages.bundles[self.language.index()];
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return format!("⟦{id}⟧");
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(s) => FluentValue::from(s.clone()),
                Arg::Number(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// Whether a message exists (used for optional messages such as server error codes).
    pub fn has(&self, id: &str) -> bool {
        self.messages.bundles[self.language.index()].has_message(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn ids(source: &str) -> BTreeSet<String> {
        message_ids(source).expect("no syntax errors")
    }

    #[test]
    fn every_message_exists_in_every_language() {
        let sq = ids(SOURCE_SQ);
        let sr = ids(SOURCE_SR_LATN);
        let en = ids(SOURCE_EN);
        let cyr = ids(&cyrillic::fluent_source_to_cyrillic(SOURCE_SR_LATN));
        assert!(!en.is_empty());
        assert_eq!(
            sq.symmetric_difference(&en).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "sq vs en"
        );
        assert_eq!(
            sr.symmetric_difference(&en).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "sr vs en"
        );
        assert_eq!(cyr, sr);
    }

    #[test]
    fn every_input_error_has_a_message() {
        for language in Language::ALL {
            let l = Localizer::new(language);
            for e in crate::domain::InputError::ALL {
                assert!(
                    l.has(&e.message_id()),
                    "{} missing in {}",
                    e.message_id(),
                    language.tag()
                );
            }
        }
    }

    #[test]
    fn plurals_follow_each_language() {
        let count = |language, n: usize| {
            Localizer::new(language).format("outbox-count", &[("count", n.into())])
        };
        assert_eq!(
            count(Language::English, 1),
            "1 complaint waiting to be sent"
        );
        assert_eq!(
            count(Language::English, 3),
            "3 complaints waiting to be sent"
        );
        assert_eq!(count(Language::SerbianLatin, 2), "2 žalbe čekaju slanje");
        assert_eq!(count(Language::SerbianLatin, 5), "5 žalbi čeka slanje");
        assert_eq!(count(Language::SerbianCyrillic, 5), "5 жалби чека слање");
        assert_eq!(
            count(Language::Albanian, 1),
            "1 ankesë në pritje për t'u dërguar"
        );
        assert_eq!(
            count(Language::Albanian, 4),
            "4 ankesa në pritje për t'u dërguar"
        );
    }

    #[test]
    fn a_missing_message_is_visible_not_fatal() {
        assert_eq!(
            Localizer::new(Language::English).t("no-such-message"),
            "⟦no-such-message⟧"
        );
    }
}
