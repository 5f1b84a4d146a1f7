//! Languages and messages: Albanian, Serbian (Latin and Cyrillic) and English.
//!
//! Messages live in Project Fluent files, one per language; the Serbian Cyrillic bundle is
//! derived from the Serbian Latin file by transliteration, so the two scripts cannot drift
//! apart. A missing message shows up as `⟦id⟧`, which the tests look for. This crate's own
//! files (`protocol/locales/`) hold what both sides say: the names of statuses, and why an input was refused.

pub mod cyrillic;

use std::sync::OnceLock;

use facet::Facet;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};
use serde::{Deserialize, Serialize};

use crate::api::{ApiLanguage, LocalizedText, limits};
use crate::domain::InputError;
use crate::photo::{MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, MAX_PHOTO_SIDE};

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

/// The names of statuses and why an input was refused, in Albanian, Serbian Latin and English.
pub const PROTOCOL_SQ: &str = include_str!("../../locales/sq.ftl");
pub const PROTOCOL_SR_LATN: &str = include_str!("../../locales/sr-Latn.ftl");
pub const PROTOCOL_EN: &str = include_str!("../../locales/en.ftl");

type Bundle = FluentBundle<FluentResource>;

/// A set of messages in every language: the app's own, or another component's (the server's).
pub struct Messages {
    bundles: [Bundle; 4],
}

impl Messages {
    /// Builds the four bundles from Fluent sources in Albanian, Serbian Latin and English;
    /// Serbian Cyrillic is transliterated from the Latin source. The protocol's own messages
    /// (statuses, refused inputs) are always included, so every component words them the same
    /// way; a component's own message of the same id comes first.
    pub fn new(sq: &str, sr_latn: &str, en: &str) -> Messages {
        Messages {
            bundles: Language::ALL.map(|language| {
                let sources = match language {
                    Language::Albanian => [sq.to_owned(), PROTOCOL_SQ.to_owned()],
                    Language::SerbianLatin => [sr_latn.to_owned(), PROTOCOL_SR_LATN.to_owned()],
                    Language::SerbianCyrillic => [
                        cyrillic::fluent_source_to_cyrillic(sr_latn),
                        cyrillic::fluent_source_to_cyrillic(PROTOCOL_SR_LATN),
                    ],
                    Language::English => [en.to_owned(), PROTOCOL_EN.to_owned()],
                };
                build_bundle(language, sources)
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

/// Only the protocol's own messages: statuses and refused inputs.
pub fn protocol_messages() -> &'static Messages {
    static INPUT: OnceLock<Messages> = OnceLock::new();
    INPUT.get_or_init(|| Messages::new("", "", ""))
}

fn build_bundle(language: Language, sources: [String; 2]) -> Bundle {
    let langid = language.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    for source in sources {
        // A resource with syntax errors still yields every message that parsed; the tests make
        // sure there are none.
        let resource = FluentResource::try_new(source).unwrap_or_else(|(partial, _errors)| partial);
        // Duplicate ids keep the first definition; the tests make sure there are none.
        let _ = bundle.add_resource(resource);
    }
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

/// The message for a refused input, with the limits it refers to.
pub fn input_error(l: &Localizer, error: InputError) -> String {
    let args: Vec<(&str, Arg)> = match error {
        InputError::DescriptionTooShort => vec![("min", limits::DESCRIPTION_MIN_CHARS.into())],
        InputError::DescriptionTooLong => vec![("max", limits::DESCRIPTION_MAX_CHARS.into())],
        InputError::TooManyPhotos => vec![("max", limits::MAX_PHOTOS.into())],
        InputError::PhotoTooLarge => vec![("max", (MAX_PHOTO_BYTES / (1024 * 1024)).into())],
        InputError::PhotoTooManyPixels => vec![
            ("side", i64::from(MAX_PHOTO_SIDE).into()),
            ("megapixels", i64::from(MAX_PHOTO_PIXELS / 1_000_000).into()),
        ],
        InputError::NameTooLong => vec![("max", limits::NAME_MAX_CHARS.into())],
        InputError::CommentTooLong => vec![("max", limits::COMMENT_MAX_CHARS.into())],
        InputError::ReasonTooShort => vec![("min", limits::REASON_MIN_CHARS.into())],
        InputError::ReasonTooLong => vec![("max", limits::REASON_MAX_CHARS.into())],
        InputError::MessageTooLong => vec![("max", limits::MESSAGE_MAX_CHARS.into())],
        _ => Vec::new(),
    };
    l.format(&error.message_id(), &args)
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
        let en = ids(PROTOCOL_EN);
        assert!(!en.is_empty());
        assert_eq!(ids(PROTOCOL_SQ), en, "sq vs en");
        assert_eq!(ids(PROTOCOL_SR_LATN), en, "sr vs en");
        assert_eq!(
            ids(&cyrillic::fluent_source_to_cyrillic(PROTOCOL_SR_LATN)),
            en
        );
    }

    #[test]
    fn every_input_error_has_a_message() {
        for language in Language::ALL {
            let l = protocol_messages().in_language(language);
            for e in InputError::ALL {
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
    fn a_refusal_names_its_limit_in_every_language() {
        let l = protocol_messages().in_language(Language::SerbianCyrillic);
        let text = input_error(&l, InputError::DescriptionTooLong);
        assert!(
            text.contains(&limits::DESCRIPTION_MAX_CHARS.to_string()),
            "{text}"
        );
        assert!(
            text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
            "{text}"
        );
    }

    #[test]
    fn a_missing_message_is_visible_not_fatal() {
        assert_eq!(
            protocol_messages()
                .in_language(Language::English)
                .t("no-such-message"),
            "⟦no-such-message⟧"
        );
    }
}
