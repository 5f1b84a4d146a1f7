//! The frame every page has: the header with navigation (the sections the person may use),
//! the language switch, logging out, the training banner in a sandbox, and the notices.

use axum::response::Html;
use maud::{DOCTYPE, Markup, html};
use protocol::Language;

use super::{Page, Words, urlencoding};
use crate::auth::Role;

/// The languages the dashboard offers, with their names in themselves.
pub const LANGUAGES: [(Language, &str); 4] = [
    (Language::Albanian, "Shqip"),
    (Language::SerbianLatin, "Srpski"),
    (Language::SerbianCyrillic, "Српски"),
    (Language::English, "English"),
];

/// The sections in the navigation bar.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Inbox,
    /// A supervisor's overdue and escalated complaints.
    Supervision,
    Statistics,
    Templates,
    Staff,
    Campaigns,
    Training,
    Administration,
    /// The staff member's own emails.
    Emails,
    /// The staff member's own password and sessions.
    Account,
    /// Who looked at citizens' personal data.
    AccessLog,
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

pub(super) fn frame(
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
                                @if matches!(page.staff.role, Role::Supervisor | Role::Administrator) {
                                    (nav_link(Section::Supervision, section, "/staff/supervision", "web-nav-supervision"))
                                }
                                (nav_link(Section::Statistics, section, "/staff/stats", "web-nav-statistics"))
                                @if page.staff.institution_id.is_some() && page.staff.role != Role::Supervisor {
                                    (nav_link(Section::Templates, section, "/staff/templates", "web-nav-templates"))
                                }
                                @if matches!(page.staff.role, Role::Manager | Role::Administrator) {
                                    (nav_link(Section::Staff, section, "/staff/people", "web-nav-staff"))
                                    (nav_link(Section::AccessLog, section, "/staff/access-log", "web-nav-access-log"))
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
                        @if let Some((page, section)) = signed_in {
                            form.logout method="post" action="/staff/logout" {
                                (page.token_field())
                                span.who { (page.staff.display_name) }
                                a.my-emails href="/staff/emails" aria-current=[(section == Section::Emails).then_some("page")] { (words.t("web-my-emails")) }
                                a.my-account href="/staff/account" aria-current=[(section == Section::Account).then_some("page")] { (words.t("web-my-account")) }
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

/// A page for citizens, at `path`: the brand, links to the same page in each language
/// (`?lang=`), and `content` in `main`.
pub fn public(language: Language, path: &str, title: &str, content: Markup) -> Html<String> {
    let words = Words::new(language);
    let markup = html! {
        (DOCTYPE)
        html lang=(language.tag()) {
            head { (head_common(&format!("{title} · Zëri"))) }
            body.notice-page {
                header.top {
                    span.brand { "Zëri" }
                    nav.languages aria-label=(words.t("web-language-label")) {
                        @for (other, name) in LANGUAGES {
                            @if other == language {
                                span aria-current="true" lang=(other.tag()) { (name) }
                            } @else {
                                a href=(format!("{path}?lang={}", other.tag())) lang=(other.tag()) hreflang=(other.tag()) { (name) }
                            }
                        }
                    }
                }
                main #main { (content) }
            }
        }
    };
    Html(markup.into_string())
}

/// The language a citizen's page is asked for in `?lang=<tag>`, else the browser's.
pub fn asked_language(lang: Option<&str>, headers: &axum::http::HeaderMap) -> Language {
    lang.and_then(|tag| {
        Language::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
    })
    .unwrap_or_else(|| crate::http::language::chosen_language(headers))
}
