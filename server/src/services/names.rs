//! Names in three languages: how the `name_sq`, `name_sr`, `name_en` columns of a row become one
//! `LocalizedText`, the rule every name a person types must meet, and a change to some of a
//! name's languages. The administration API writes names as the citizen API does,
//! `{ "sq", "sr", "en" }`.

use protocol::api::LocalizedText;
use serde::Deserialize;

use crate::services::ServiceError;

/// The longest name (or display name), once trimmed.
pub const NAME_MAX_CHARS: usize = 300;

/// The three columns a name is stored in, in the order [`localized`] reads them.
pub const NAME_COLUMNS: &str = "name_sq, name_sr, name_en";

/// The name held in a row's three columns from `first` on (Albanian, Serbian, English).
pub fn localized(row: &crate::db::Row, first: usize) -> crate::db::Result<LocalizedText> {
    Ok(LocalizedText {
        sq: row.get(first)?,
        sr: row.get(first + 1)?,
        en: row.get(first + 2)?,
    })
}

/// Like [`localized`], for a row that may have no name there (an outer join that found nothing).
pub fn optional_localized(
    row: &crate::db::Row,
    first: usize,
) -> crate::db::Result<Option<LocalizedText>> {
    match row.get::<_, Option<String>>(first)? {
        Some(sq) => Ok(Some(LocalizedText {
            sq,
            sr: row.get(first + 1)?,
            en: row.get(first + 2)?,
        })),
        None => Ok(None),
    }
}

/// A text a person must give: trimmed, 1 to [`NAME_MAX_CHARS`] characters; refused as `code`.
pub fn required_text(value: &str, code: &'static str) -> Result<String, ServiceError> {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > NAME_MAX_CHARS {
        Err(ServiceError::BadRequest { code, detail: None })
    } else {
        Ok(value.to_owned())
    }
}

/// A name in every language, each checked by [`required_text`].
pub fn checked(name: &LocalizedText) -> Result<LocalizedText, ServiceError> {
    Ok(LocalizedText {
        sq: required_text(&name.sq, "name_required")?,
        sr: required_text(&name.sr, "name_required")?,
        en: required_text(&name.en, "name_required")?,
    })
}

/// A new name in some of the languages; the others stay as they are.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NameChange {
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    pub sq: Option<String>,
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    pub sr: Option<String>,
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    pub en: Option<String>,
}

impl NameChange {
    /// `name` with the languages this change gives replaced, each checked.
    pub fn apply(&self, name: &mut LocalizedText) -> Result<(), ServiceError> {
        for (current, new) in [
            (&mut name.sq, &self.sq),
            (&mut name.sr, &self.sr),
            (&mut name.en, &self.en),
        ] {
            if let Some(new) = new {
                *current = required_text(new, "name_required")?;
            }
        }
        Ok(())
    }
}

// How the OpenAPI document describes a name an administrator gives; only the document uses it.
/// A name in Albanian, Serbian (Latin) and English, the shape of `LocalizedText`: each 1 to 300
/// characters once trimmed.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct LocalizedName {
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    sq: String,
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    sr: String,
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    en: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name() -> LocalizedText {
        LocalizedText {
            sq: "Emri".into(),
            sr: "Ime".into(),
            en: "Name".into(),
        }
    }

    #[test]
    fn a_change_replaces_only_the_languages_it_gives_trimmed() {
        let mut changed = name();
        let change = NameChange {
            en: Some("  New name ".into()),
            ..NameChange::default()
        };
        change.apply(&mut changed).unwrap();
        assert_eq!(
            changed,
            LocalizedText {
                en: "New name".into(),
                ..name()
            }
        );
    }

    #[test]
    fn a_blank_or_overlong_name_is_refused() {
        let blank = NameChange {
            sr: Some("   ".into()),
            ..NameChange::default()
        };
        assert!(blank.apply(&mut name()).is_err());
        let long = LocalizedText {
            sq: "a".repeat(NAME_MAX_CHARS + 1),
            ..name()
        };
        assert!(checked(&long).is_err());
        assert!(checked(&name()).is_ok());
    }
}
