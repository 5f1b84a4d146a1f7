//! Every word the citizen sees, in Albanian, Serbian (Latin and Cyrillic) and English: the
//! app's own messages (`shared/locales/`) on top of the protocol's (statuses and refused
//! inputs, which the server words the same way). The machinery is the protocol's.

use std::sync::OnceLock;

pub use protocol::i18n::*;

use crate::api::LocalizedText;

const SOURCE_SQ: &str = include_str!("../locales/sq.ftl");
const SOURCE_SR_LATN: &str = include_str!("../locales/sr-Latn.ftl");
const SOURCE_EN: &str = include_str!("../locales/en.ftl");

/// The citizen app's messages.
pub fn app_messages() -> &'static Messages {
    static APP: OnceLock<Messages> = OnceLock::new();
    APP.get_or_init(|| Messages::new(SOURCE_SQ, SOURCE_SR_LATN, SOURCE_EN))
}

/// The citizen app's messages in `language`.
pub fn localizer(language: Language) -> Localizer<'static> {
    app_messages().in_language(language)
}

/// A name (of a category, a municipality, an institution) in each way the app writes it: the
/// three languages, and Serbian in Cyrillic, transliterated once when the name is made rather
/// than every time a screen is drawn.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Name {
    sq: String,
    sr_latin: String,
    sr_cyrillic: String,
    en: String,
}

impl Name {
    pub fn new(text: &LocalizedText) -> Name {
        Name {
            sq: text.sq.clone(),
            sr_latin: text.sr.clone(),
            sr_cyrillic: cyrillic::to_cyrillic(&text.sr),
            en: text.en.clone(),
        }
    }

    /// The name in `language`, as [`pick`] would give it.
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::Albanian => &self.sq,
            Language::SerbianLatin => &self.sr_latin,
            Language::SerbianCyrillic => &self.sr_cyrillic,
            Language::English => &self.en,
        }
    }

    /// The name in every language, for searching.
    pub fn all(&self) -> [&str; 4] {
        [&self.sq, &self.sr_latin, &self.sr_cyrillic, &self.en]
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
    fn the_app_has_no_message_the_protocol_has() {
        let protocol = ids(PROTOCOL_EN);
        let app = ids(SOURCE_EN);
        assert_eq!(
            app.intersection(&protocol).collect::<Vec<_>>(),
            Vec::<&String>::new()
        );
        assert!(localizer(Language::English).has("status-in-progress"));
    }

    #[test]
    fn a_name_reads_as_pick_would_in_every_language() {
        let text = LocalizedText {
            sq: "Drejtoria e Shërbimeve Publike, Gjilan".into(),
            sr: "Direkcija za javne usluge, Gnjilane".into(),
            en: "Directorate of Public Services, Gjilan".into(),
        };
        let name = Name::new(&text);
        for language in Language::ALL {
            assert_eq!(name.get(language), pick(&text, language));
        }
        assert_eq!(
            name.get(Language::SerbianCyrillic),
            "Дирекција за јавне услуге, Гњилане"
        );
    }

    #[test]
    fn plurals_follow_each_language() {
        let count =
            |language, n: usize| localizer(language).format("outbox-count", &[("count", n.into())]);
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
}
