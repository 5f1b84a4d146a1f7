//! Which language a request wants: the one chosen with the dashboard's switch (a cookie), else
//! the first in `Accept-Language` that Zëri speaks, else English (API clients).

use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::request::Parts;
use protocol::Language;

use super::cookies::{LANGUAGE_COOKIE, cookie};

/// The first language in `Accept-Language` that Zëri speaks; English otherwise. The API answers
/// in this one.
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

/// The language chosen with the dashboard's switch, else the browser's. Pages answer in this one.
pub fn chosen_language(headers: &HeaderMap) -> Language {
    cookie(headers, LANGUAGE_COOKIE)
        .and_then(|tag| Language::ALL.into_iter().find(|l| l.tag() == tag))
        .unwrap_or_else(|| requested_language(headers))
}

/// The request's language, as [`chosen_language`] finds it.
pub struct RequestLanguage(pub Language);

impl<S: Send + Sync> FromRequestParts<S> for RequestLanguage {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(RequestLanguage(chosen_language(&parts.headers)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn the_switch_s_choice_comes_before_the_browser_s() {
        let mut headers = HeaderMap::new();
        headers.insert("accept-language", "sq".parse().unwrap());
        headers.insert("cookie", "zeri_lang=sr-Cyrl".parse().unwrap());
        assert_eq!(chosen_language(&headers), Language::SerbianCyrillic);
        headers.insert("cookie", "zeri_lang=de".parse().unwrap());
        assert_eq!(chosen_language(&headers), Language::Albanian);
    }
}
