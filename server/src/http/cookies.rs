//! The dashboard's cookies (the session, the language) and where a request carries its session
//! token: `Authorization: Bearer <token>` from API clients, the session cookie from browsers.

use axum::http::{HeaderMap, header};

/// The cookie that carries a staff session (the dashboard's; API clients send a Bearer token).
pub const SESSION_COOKIE: &str = "zeri_session";

/// The cookie that remembers the dashboard language.
pub const LANGUAGE_COOKIE: &str = "zeri_lang";

/// The value of cookie `name` in the request's `Cookie` headers.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(name)?.strip_prefix('='))
}

/// A `Set-Cookie` value for the dashboard: `name=value` kept for `max_age_secs` (0 ends it),
/// HttpOnly so scripts cannot read it, SameSite=Strict so other sites cannot use it, and
/// Secure unless the server is configured to be reached over plain HTTP.
pub fn private_cookie(name: &str, value: &str, max_age_secs: i64, secure: bool) -> String {
    let secure = if secure { " Secure;" } else { "" };
    format!("{name}={value}; Path=/; Max-Age={max_age_secs}; HttpOnly;{secure} SameSite=Strict")
}

/// The `Set-Cookie` value that keeps a dashboard session (see [`private_cookie`]).
pub fn session_cookie(token: &str, max_age_secs: i64, secure: bool) -> String {
    private_cookie(SESSION_COOKIE, token, max_age_secs, secure)
}

/// The `Set-Cookie` value that remembers the dashboard language for a year (readable by the
/// page's script, and sent when arriving from another site: it is no secret).
pub fn language_cookie(tag: &str) -> String {
    format!("{LANGUAGE_COOKIE}={tag}; Path=/; Max-Age=31536000; SameSite=Lax")
}

/// The session token from `Authorization: Bearer <token>` or the session cookie.
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    if let Some(token) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    {
        return Some(token.trim().to_owned());
    }
    cookie(headers, SESSION_COOKIE).map(str::to_owned)
}
