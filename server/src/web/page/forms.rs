//! What forms and links need: the form token, the forms that carry only it, the answer after a
//! form, paths that are safe to go back to, the language switch, query strings, CSV downloads,
//! and this server's public address.

use axum::extract::Query;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use protocol::Language;
use serde::Deserialize;

use crate::auth::sha256_hex;
use crate::http::ApiError;
use crate::http::cookies::language_cookie;
use crate::state::AppState;

/// The token every form carries: derived from the session token, which scripts cannot read
/// (the cookie is HttpOnly), so another site cannot forge it.
pub fn form_token(session_token: &str) -> String {
    sha256_hex(format!("zeri-form:{session_token}").as_bytes())
}

/// Whether a form carried the session's token `expected`, compared in constant time.
pub fn form_token_matches(expected: &str, given: &str) -> bool {
    let (expected, given) = (expected.as_bytes(), given.as_bytes());
    expected.len() == given.len()
        && expected
            .iter()
            .zip(given)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// Percent-encodes a value for a query string.
pub fn urlencoding(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[derive(Deserialize)]
pub struct LanguageSwitch {
    to: String,
    back: Option<String>,
}

/// Only paths on this site are followed after a switch or a login.
pub fn local_path(path: Option<&str>) -> &str {
    match path {
        // Visible ASCII only: what a `Location` header can carry, with no line break or space
        // to split it.
        Some(p)
            if p.starts_with("/staff")
                && !p.starts_with("//")
                && !p.contains('\\')
                && p.bytes().all(|b| b.is_ascii_graphic()) =>
        {
            p
        }
        _ => "/staff",
    }
}

/// Remembers the chosen language and goes back to the page it was chosen on.
pub async fn switch_language(Query(switch): Query<LanguageSwitch>) -> Response {
    let back = local_path(switch.back.as_deref()).to_owned();
    let Some(language) = Language::ALL.into_iter().find(|l| l.tag() == switch.to) else {
        return Redirect::to(&back).into_response();
    };
    (
        StatusCode::SEE_OTHER,
        [
            (header::SET_COOKIE, language_cookie(language.tag())),
            (header::LOCATION, back),
        ],
    )
        .into_response()
}

/// Where people reach this server: the configured public address, else the one this
/// request's browser used.
pub fn public_url(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(url) = &state.config.public_url {
        return url.trim_end_matches('/').to_owned();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        })
        .unwrap_or("localhost");
    format!("http://{host}")
}

/// A form that carries nothing but its token (delete, log out).
#[derive(Deserialize)]
pub struct TokenOnly {
    pub form_token: String,
}

/// After a form: on to `location` (303, so a reload does not send the form again).
pub fn see_other(location: &str) -> Response {
    (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, location.to_owned())],
    )
        .into_response()
}

/// A CSV file to download: a header row, then `rows`.
pub fn csv_download(
    filename: &str,
    header: &[&str],
    rows: &[Vec<String>],
) -> Result<Response, ApiError> {
    let internal = |e: csv::Error| ApiError::Internal(format!("csv: {e}"));
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header).map_err(internal)?;
    for row in rows {
        writer.write_record(row).map_err(internal)?;
    }
    let body = writer
        .into_inner()
        .map_err(|e| ApiError::Internal(format!("csv: {e}")))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response())
}
