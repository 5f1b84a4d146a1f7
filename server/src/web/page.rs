//! What every dashboard page shares: who is logged in, in which language, the form token, the
//! page frame with navigation and language switch, and how failures become pages.

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::{DateTime, NaiveDate, Utc};
use maud::{DOCTYPE, Markup, html};
use protocol::Language;
use protocol::api::LocalizedText;
use protocol::api::Status;
use protocol::i18n::Arg;
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{self, Role, StaffMember, sha256_hex};
use crate::error::ApiError;
use crate::messages::{localizer, requested_language};

/// The cookie that remembers the dashboard language.
const LANGUAGE_COOKIE: &str = "zeri_lang";

/// The languages the dashboard offers, with their names in themselves.
pub const LANGUAGES: [(Language, &str); 4] = [
    (Language::Albanian, "Shqip"),
    (Language::SerbianLatin, "Srpski"),
    (Language::SerbianCyrillic, "Српски"),
    (Language::English, "English"),
];

/// The language chosen with the switch, else the browser's.
pub fn language_of(headers: &HeaderMap) -> Language {
    auth::cookie(headers, LANGUAGE_COOKIE)
        .and_then(|tag| LANGUAGES.iter().find(|(l, _)| l.tag() == tag))
        .map(|(l, _)| *l)
        .unwrap_or_else(|| requested_language(headers))
}

/// The token every form carries: derived from the session token, which scripts cannot read
/// (the cookie is HttpOnly), so another site cannot forge it.
pub fn form_token(session_token: &str) -> String {
    sha256_hex(format!("zeri-form:{session_token}").as_bytes())
}

/// Words in one language.
#[derive(Clone, Copy)]
pub struct Words {
    pub language: Language,
}

impl Words {
    pub fn new(language: Language) -> Words {
        Words { language }
    }

    /// A dashboard message.
    pub fn t(&self, id: &str) -> String {
        localizer(self.language).t(id)
    }

    pub fn format(&self, id: &str, args: &[(&str, Arg)]) -> String {
        localizer(self.language).format(id, args)
    }

    pub fn has(&self, id: &str) -> bool {
        localizer(self.language).has(id)
    }

    /// A status's name, in the citizen app's words. A text that is no status is shown as is.
    pub fn status(&self, status: &str) -> String {
        match status.parse::<Status>() {
            Ok(status) => localizer(self.language).t(&status.message_id()),
            Err(_) => status.to_owned(),
        }
    }

    /// A name kept in Albanian, Serbian and English.
    pub fn name(&self, name: &LocalizedText) -> String {
        protocol::i18n::pick(name, self.language)
    }

    pub fn date(&self, date: NaiveDate) -> String {
        protocol::time::format_date(self.language, date)
    }

    pub fn time(&self, at: &str) -> String {
        DateTime::parse_from_rfc3339(at)
            .map(|at| protocol::time::format_time(self.language, at.with_timezone(&Utc)))
            .unwrap_or_else(|_| at.to_owned())
    }

    pub fn due(&self, day: &str) -> String {
        day.parse::<NaiveDate>()
            .map(|d| self.date(d))
            .unwrap_or_else(|_| day.to_owned())
    }
}

/// A logged-in staff member's page: who, in which language, and the form token.
pub struct Page {
    pub staff: StaffMember,
    pub words: Words,
    pub form_token: String,
    /// This page's path and query, to come back to after switching language.
    pub here: String,
    /// In a training sandbox: the trainee's name, for the banner every page shows there.
    pub training: Option<String>,
}

impl Page {
    pub fn t(&self, id: &str) -> String {
        self.words.t(id)
    }

    /// Refuses a form that does not carry this session's token.
    pub fn check_form(&self, token: &str) -> Result<(), WebError> {
        let expected = self.form_token.as_bytes();
        let given = token.as_bytes();
        let same = expected.len() == given.len()
            && expected
                .iter()
                .zip(given)
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0;
        if same {
            Ok(())
        } else {
            Err(WebError::Api(ApiError::BadRequest {
                code: "stale_form",
                detail: None,
            }))
        }
    }

    pub fn is_admin(&self) -> bool {
        self.staff.role == Role::Administrator
    }

    /// The hidden field every form carries.
    pub fn token_field(&self) -> Markup {
        html! { input type="hidden" name="form_token" value=(self.form_token); }
    }
}

impl FromRequestParts<AppState> for Page {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, WebError> {
        let here = parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_else(|| "/staff".to_owned());
        let words = Words::new(language_of(&parts.headers));
        let token = auth::session_token(&parts.headers);
        match StaffMember::from_request_parts(parts, state).await {
            Ok(staff) => Ok(Page {
                staff,
                words,
                form_token: form_token(token.as_deref().unwrap_or_default()),
                here,
                training: state.sandbox.as_ref().map(|s| s.trainee_name.clone()),
            }),
            Err(ApiError::Unauthorized) => Err(WebError::Login {
                next: here,
                expired: token.is_some(),
            }),
            Err(other) => Err(WebError::Api(other)),
        }
    }
}

/// Why a page could not be shown.
#[derive(Debug)]
pub enum WebError {
    /// Not logged in, or the session ended: to the login page, then back.
    Login {
        next: String,
        expired: bool,
    },
    Api(ApiError),
}

impl From<ApiError> for WebError {
    fn from(error: ApiError) -> Self {
        WebError::Api(error)
    }
}

/// Carried on a failed response until [`render_failures`] turns it into a page.
#[derive(Clone)]
pub struct Failure(pub ApiError);

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        match self {
            WebError::Login { next, expired } => {
                let mut target = format!("/staff/login?next={}", urlencoding(&next));
                if expired {
                    target.push_str("&expired=1");
                }
                Redirect::to(&target).into_response()
            }
            WebError::Api(error) => {
                let mut response = error.status().into_response();
                response.extensions_mut().insert(Failure(error));
                response
            }
        }
    }
}

/// Renders failures as pages in the language of the request.
pub async fn render_failures(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let words = Words::new(language_of(request.headers()));
    let response = next.run(request).await;
    let Some(Failure(error)) = response.extensions().get::<Failure>().cloned() else {
        return response;
    };
    if let ApiError::Internal(internal) = &error {
        tracing::error!(error = %internal, "dashboard request failed");
    }
    let body = frame(
        words,
        None,
        None,
        &words.t("web-error-title"),
        html! {
            h1 { (words.t("web-error-title")) }
            p role="alert" { (error.message(words.language)) }
            p { a href="/staff" { (words.t("web-back-to-inbox")) } }
        },
    );
    (error.status(), body).into_response()
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

/// The sections in the navigation bar.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Inbox,
    Statistics,
    Templates,
    Staff,
    Campaigns,
    Training,
    Administration,
}

/// A full page: header, navigation, language switch, and `content` in `main`.
pub fn layout(page: &Page, section: Section, title: &str, content: Markup) -> Html<String> {
    frame(
        page.words,
        Some((page, section)),
        page.training.as_deref(),
        title,
        content,
    )
}

/// What every page's `<head>` starts with: the character set, the viewport, its title and
/// the stylesheet.
pub fn head_common(title: &str) -> Markup {
    html! {
        meta charset="utf-8";
        meta name="viewport" content="width=device-width, initial-scale=1";
        title { (title) }
        link rel="stylesheet" href="/staff/assets/dashboard.css";
    }
}

fn frame(
    words: Words,
    signed_in: Option<(&Page, Section)>,
    training: Option<&str>,
    title: &str,
    content: Markup,
) -> Html<String> {
    let here = signed_in.map(|(p, _)| p.here.as_str()).unwrap_or("/staff");
    let nav_link = |section: Section, current: Section, href: &str, id: &str| {
        html! {
            li { a href=(href) aria-current=[(section == current).then_some("page")] { (words.t(id)) } }
        }
    };
    let markup = html! {
        (DOCTYPE)
        html lang=(words.language.tag()) {
            head {
                (head_common(&format!("{title} · Zëri")))
                script src="/staff/assets/dashboard.js" defer {}
            }
            body {
                a.skip href="#main" { (words.t("web-skip-to-content")) }
                header.top {
                    a.brand href="/staff" { "Zëri" }
                    @if let Some((page, section)) = signed_in {
                        nav aria-label=(words.t("web-nav-label")) {
                            ul {
                                (nav_link(Section::Inbox, section, "/staff", "web-nav-inbox"))
                                (nav_link(Section::Statistics, section, "/staff/stats", "web-nav-statistics"))
                                @if page.staff.institution_id.is_some() {
                                    (nav_link(Section::Templates, section, "/staff/templates", "web-nav-templates"))
                                }
                                @if page.staff.role != Role::Staff {
                                    (nav_link(Section::Staff, section, "/staff/people", "web-nav-staff"))
                                }
                                @if page.is_admin() {
                                    (nav_link(Section::Campaigns, section, "/staff/campaigns", "web-nav-campaigns"))
                                    (nav_link(Section::Training, section, "/staff/training", "web-nav-training"))
                                    (nav_link(Section::Administration, section, "/staff/admin/institutions", "web-nav-administration"))
                                }
                            }
                        }
                    }
                    div.tools {
                        nav.languages aria-label=(words.t("web-language-label")) {
                            @for (language, name) in LANGUAGES {
                                @if language == words.language {
                                    span aria-current="true" lang=(language.tag()) { (name) }
                                } @else {
                                    a href=(format!("/staff/language?to={}&back={}", language.tag(), urlencoding(here)))
                                        lang=(language.tag()) hreflang=(language.tag()) { (name) }
                                }
                            }
                        }
                        @if let Some((page, _)) = signed_in {
                            form.logout method="post" action="/staff/logout" {
                                (page.token_field())
                                span.who { (page.staff.display_name) }
                                button type="submit" { (words.t("web-log-out")) }
                            }
                        }
                    }
                }
                @if let Some(trainee) = training {
                    div.training-banner role="note" {
                        p {
                            strong { (words.t("web-training-banner")) }
                            " " (words.format("web-training-trainee", &[("name", trainee.into())]))
                            " · " a href="/staff/exercises" { (words.t("web-exercises-title")) }
                        }
                        form method="post" action="/training/leave" {
                            button type="submit" { (words.t("web-training-leave")) }
                        }
                    }
                }
                main #main tabindex="-1" { (content) }
            }
        }
    };
    Html(markup.into_string())
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
    let Some((language, _)) = LANGUAGES.iter().find(|(l, _)| l.tag() == switch.to) else {
        return Redirect::to(&back).into_response();
    };
    (
        StatusCode::SEE_OTHER,
        [
            (
                header::SET_COOKIE,
                format!(
                    "{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
                    language.tag()
                ),
            ),
            (header::LOCATION, back),
        ],
    )
        .into_response()
}

/// A notice at the top of a page: what just happened, or what went wrong.
pub fn notice(message: Option<&str>, is_error: bool) -> Markup {
    html! {
        @if let Some(message) = message {
            @if is_error {
                p.notice.error role="alert" { (message) }
            } @else {
                p.notice role="status" { (message) }
            }
        }
    }
}

/// A page for someone not logged in (the login form); `training` names the sandbox's trainee.
pub fn bare(words: Words, training: Option<&str>, title: &str, content: Markup) -> Html<String> {
    frame(words, None, training, title, content)
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
