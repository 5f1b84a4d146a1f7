//! Citizen input, parsed into types that can only hold valid values.
//!
//! The core uses these to give field-level messages while the citizen types; the server uses the
//! same parsers on what arrives, so the two can never disagree about what is valid.

use crate::api::{kosovo_bounds, limits};

/// Why a piece of input was refused. Each maps to a message in every language
/// (see [`InputError::message_id`]) and to a stable code for the API.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize,
)]
pub enum InputError {
    #[error("no category chosen")]
    CategoryMissing,
    #[error("unknown category")]
    CategoryUnknown,
    #[error("description too short")]
    DescriptionTooShort,
    #[error("description too long")]
    DescriptionTooLong,
    #[error("no location given")]
    LocationMissing,
    #[error("location outside Kosovo")]
    OutsideKosovo,
    #[error("unknown municipality")]
    MunicipalityUnknown,
    #[error("too many photos")]
    TooManyPhotos,
    #[error("photo too large")]
    PhotoTooLarge,
    #[error("photo is not a JPEG image")]
    PhotoUnreadable,
    #[error("photo has more pixels than the limits")]
    PhotoTooManyPixels,
    #[error("no phone or email given")]
    ContactMissing,
    #[error("name too long")]
    NameTooLong,
    #[error("invalid phone number")]
    PhoneInvalid,
    #[error("invalid email address")]
    EmailInvalid,
    #[error("rating must be 1 to 5 stars")]
    StarsOutOfRange,
    #[error("comment too long")]
    CommentTooLong,
    #[error("reason too short")]
    ReasonTooShort,
    #[error("reason too long")]
    ReasonTooLong,
    #[error("message empty")]
    MessageEmpty,
    #[error("message too long")]
    MessageTooLong,
}

impl InputError {
    /// The stable code the server puts in `{"error": {"code": ...}}`.
    pub fn code(self) -> &'static str {
        match self {
            InputError::CategoryMissing => "category_missing",
            InputError::CategoryUnknown => "unknown_category",
            InputError::DescriptionTooShort => "description_too_short",
            InputError::DescriptionTooLong => "description_too_long",
            InputError::LocationMissing => "location_missing",
            InputError::OutsideKosovo => "outside_kosovo",
            InputError::MunicipalityUnknown => "unknown_municipality",
            InputError::TooManyPhotos => "too_many_photos",
            InputError::PhotoTooLarge => "photo_too_large",
            InputError::PhotoUnreadable => "photo_unreadable",
            InputError::PhotoTooManyPixels => "photo_too_many_pixels",
            InputError::ContactMissing => "contact_missing",
            InputError::NameTooLong => "name_too_long",
            InputError::PhoneInvalid => "phone_invalid",
            InputError::EmailInvalid => "email_invalid",
            InputError::StarsOutOfRange => "stars_out_of_range",
            InputError::CommentTooLong => "comment_too_long",
            InputError::ReasonTooShort => "reason_too_short",
            InputError::ReasonTooLong => "reason_too_long",
            InputError::MessageEmpty => "message_empty",
            InputError::MessageTooLong => "message_too_long",
        }
    }

    /// The id of the message that explains this error to a person, in the localisation files.
    pub fn message_id(self) -> String {
        format!("error-{}", self.code().replace('_', "-"))
    }

    pub const ALL: [InputError; 21] = [
        InputError::CategoryMissing,
        InputError::CategoryUnknown,
        InputError::DescriptionTooShort,
        InputError::DescriptionTooLong,
        InputError::LocationMissing,
        InputError::OutsideKosovo,
        InputError::MunicipalityUnknown,
        InputError::TooManyPhotos,
        InputError::PhotoTooLarge,
        InputError::PhotoUnreadable,
        InputError::PhotoTooManyPixels,
        InputError::ContactMissing,
        InputError::NameTooLong,
        InputError::PhoneInvalid,
        InputError::EmailInvalid,
        InputError::StarsOutOfRange,
        InputError::CommentTooLong,
        InputError::ReasonTooShort,
        InputError::ReasonTooLong,
        InputError::MessageEmpty,
        InputError::MessageTooLong,
    ];

    /// The error a server code stands for, if it is one of ours.
    pub fn from_code(code: &str) -> Option<InputError> {
        InputError::ALL.into_iter().find(|e| e.code() == code)
    }
}

fn char_count(s: &str) -> usize {
    s.chars().count()
}

/// What happened, trimmed, between the minimum and maximum length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Description(String);

impl Description {
    pub fn parse(raw: &str) -> Result<Description, InputError> {
        let text = raw.trim();
        let n = char_count(text);
        if n < limits::DESCRIPTION_MIN_CHARS {
            Err(InputError::DescriptionTooShort)
        } else if n > limits::DESCRIPTION_MAX_CHARS {
            Err(InputError::DescriptionTooLong)
        } else {
            Ok(Description(text.to_owned()))
        }
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// A GPS fix inside Kosovo's bounding box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GpsPoint {
    pub lat: f64,
    pub lon: f64,
}

impl GpsPoint {
    pub fn parse(lat: f64, lon: f64) -> Result<GpsPoint, InputError> {
        let inside = lat.is_finite()
            && lon.is_finite()
            && (kosovo_bounds::MIN_LAT..=kosovo_bounds::MAX_LAT).contains(&lat)
            && (kosovo_bounds::MIN_LON..=kosovo_bounds::MAX_LON).contains(&lon);
        if inside {
            Ok(GpsPoint { lat, lon })
        } else {
            Err(InputError::OutsideKosovo)
        }
    }
}

/// An optional name; empty means none.
pub fn parse_name(raw: &str) -> Result<Option<String>, InputError> {
    let name = raw.trim();
    if name.is_empty() {
        Ok(None)
    } else if char_count(name) > limits::NAME_MAX_CHARS {
        Err(InputError::NameTooLong)
    } else {
        Ok(Some(name.to_owned()))
    }
}

/// An optional phone number: digits with an optional leading `+`; spaces, dashes, dots and
/// brackets are allowed while typing and removed. Between 6 and 15 digits (E.164's maximum),
/// so local, Kosovo (+383) and diaspora numbers all fit.
pub fn parse_phone(raw: &str) -> Result<Option<String>, InputError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let mut normalized = String::new();
    for (i, c) in raw.chars().enumerate() {
        match c {
            '+' if i == 0 => normalized.push('+'),
            '0'..='9' => normalized.push(c),
            ' ' | '-' | '.' | '(' | ')' | '/' => {}
            _ => return Err(InputError::PhoneInvalid),
        }
    }
    let digits = normalized.chars().filter(char::is_ascii_digit).count();
    if (6..=15).contains(&digits) {
        Ok(Some(normalized))
    } else {
        Err(InputError::PhoneInvalid)
    }
}

/// An optional email address: one `@`, a local part, and a domain with a dot; no spaces.
pub fn parse_email(raw: &str) -> Result<Option<String>, InputError> {
    let email = raw.trim();
    if email.is_empty() {
        return Ok(None);
    }
    let valid = email.len() <= 254
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        && match email.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains("..")
            }
            None => false,
        };
    if valid {
        Ok(Some(email.to_owned()))
    } else {
        Err(InputError::EmailInvalid)
    }
}

/// A rating of 1 to 5 stars.
pub fn parse_stars(stars: u8) -> Result<u8, InputError> {
    if (1..=5).contains(&stars) {
        Ok(stars)
    } else {
        Err(InputError::StarsOutOfRange)
    }
}

/// An optional comment on a rating; empty means none.
pub fn parse_comment(raw: &str) -> Result<Option<String>, InputError> {
    let comment = raw.trim();
    if comment.is_empty() {
        Ok(None)
    } else if char_count(comment) > limits::COMMENT_MAX_CHARS {
        Err(InputError::CommentTooLong)
    } else {
        Ok(Some(comment.to_owned()))
    }
}

/// The reason for reopening (or, on the server, for rejecting or transferring).
pub fn parse_reason(raw: &str) -> Result<String, InputError> {
    let reason = raw.trim();
    let n = char_count(reason);
    if n < limits::REASON_MIN_CHARS {
        Err(InputError::ReasonTooShort)
    } else if n > limits::REASON_MAX_CHARS {
        Err(InputError::ReasonTooLong)
    } else {
        Ok(reason.to_owned())
    }
}

/// What a citizen writes to the institution about a complaint (an answer to a question, or
/// something added), or a question staff ask: not empty, and at most
/// `limits::MESSAGE_MAX_CHARS` characters once trimmed.
pub fn parse_message(raw: &str) -> Result<String, InputError> {
    let message = raw.trim();
    if message.is_empty() {
        Err(InputError::MessageEmpty)
    } else if char_count(message) > limits::MESSAGE_MAX_CHARS {
        Err(InputError::MessageTooLong)
    } else {
        Ok(message.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn description_is_trimmed_and_bounded_in_characters_not_bytes() {
        assert_eq!(
            Description::parse("  short  "),
            Err(InputError::DescriptionTooShort)
        );
        // ten Albanian letters with diacritics are ten characters, though more bytes
        assert!(Description::parse("ëëëëëççççç").is_ok());
        assert_eq!(
            Description::parse(&"a".repeat(4001)),
            Err(InputError::DescriptionTooLong)
        );
        assert_eq!(
            Description::parse("  Gropë e madhe në rrugë  ")
                .unwrap()
                .into_inner(),
            "Gropë e madhe në rrugë"
        );
    }

    #[test]
    fn gps_must_be_inside_kosovo() {
        assert!(GpsPoint::parse(42.6629, 21.1655).is_ok()); // Prishtina
        assert_eq!(
            GpsPoint::parse(41.3275, 19.8187),
            Err(InputError::OutsideKosovo)
        ); // Tirana
        assert_eq!(
            GpsPoint::parse(44.7866, 20.4489),
            Err(InputError::OutsideKosovo)
        ); // Belgrade
        assert_eq!(
            GpsPoint::parse(f64::NAN, 21.0),
            Err(InputError::OutsideKosovo)
        );
        assert_eq!(GpsPoint::parse(0.0, 0.0), Err(InputError::OutsideKosovo));
    }

    #[test]
    fn phone_numbers_from_kosovo_and_the_diaspora() {
        assert_eq!(
            parse_phone("+383 44 123 456"),
            Ok(Some("+38344123456".into()))
        );
        assert_eq!(parse_phone("044-123-456"), Ok(Some("044123456".into())));
        assert_eq!(
            parse_phone("+49 (151) 2345 6789"),
            Ok(Some("+4915123456789".into()))
        );
        assert_eq!(parse_phone(""), Ok(None));
        assert_eq!(parse_phone("12ab34"), Err(InputError::PhoneInvalid));
        assert_eq!(parse_phone("123"), Err(InputError::PhoneInvalid));
        assert_eq!(parse_phone("44+123456"), Err(InputError::PhoneInvalid));
    }

    #[test]
    fn email_addresses() {
        assert_eq!(
            parse_email(" arta@example.com "),
            Ok(Some("arta@example.com".into()))
        );
        assert_eq!(parse_email(""), Ok(None));
        for bad in [
            "arta",
            "arta@",
            "@example.com",
            "a b@example.com",
            "a@b",
            "a@@b.com",
            "a@b..com",
        ] {
            assert_eq!(parse_email(bad), Err(InputError::EmailInvalid), "{bad}");
        }
    }

    #[test]
    fn stars_comment_and_reason() {
        assert_eq!(parse_stars(0), Err(InputError::StarsOutOfRange));
        assert_eq!(parse_stars(6), Err(InputError::StarsOutOfRange));
        assert_eq!(parse_stars(5), Ok(5));
        assert_eq!(parse_comment("   "), Ok(None));
        assert_eq!(
            parse_comment(&"x".repeat(1001)),
            Err(InputError::CommentTooLong)
        );
        assert_eq!(parse_reason("still broken"), Ok("still broken".into()));
        assert_eq!(parse_reason("no"), Err(InputError::ReasonTooShort));
    }

    #[test]
    fn every_error_code_round_trips() {
        for e in InputError::ALL {
            assert_eq!(InputError::from_code(e.code()), Some(e));
            assert!(e.message_id().starts_with("error-"));
        }
        assert_eq!(InputError::from_code("nonsense"), None);
    }
}
