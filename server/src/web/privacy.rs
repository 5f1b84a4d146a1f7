//! `/privacy`: the privacy notice for citizens, in Albanian, Serbian (Latin and Cyrillic) and
//! English, which the app's settings link to. Public, no login. Its figures (how long contact
//! details and photos are kept, how many backups) are this deployment's own settings, the same
//! facts `docs/PRIVACY.md` records; a test holds the document to the defaults.

use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use maud::html;
use serde::Deserialize;

use super::page::{Words, asked_language, public};
use crate::state::AppState;

#[derive(Deserialize)]
pub struct NoticeQuery {
    lang: Option<String>,
}

/// What the notice states that depends on the deployment.
pub struct PrivacyFacts {
    pub erase_after_days: i64,
    /// How many scheduled backups are kept, when this server takes them.
    pub backups_kept: Option<u64>,
}

impl PrivacyFacts {
    pub fn of(config: &crate::config::Config) -> PrivacyFacts {
        PrivacyFacts {
            erase_after_days: config.erase_personal_after_days,
            backups_kept: config.backup_dir.as_ref().map(|_| config.backups_kept),
        }
    }
}

/// `GET /privacy?lang=<tag>`: the notice in the language asked for, else the browser's.
pub async fn notice(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<NoticeQuery>,
) -> Response {
    let language = asked_language(query.lang.as_deref(), &headers);
    let words = Words::new(language);
    let facts = PrivacyFacts::of(&state.config);
    let days = [("days", facts.erase_after_days.into())];
    let sections: [(&str, Vec<String>); 6] = [
        (
            "privacy-what-title",
            vec![
                words.t("privacy-what-complaint"),
                words.t("privacy-what-contact"),
                words.t("privacy-what-photos"),
                words.t("privacy-what-device"),
            ],
        ),
        ("privacy-why-title", vec![words.t("privacy-why")]),
        (
            "privacy-who-title",
            vec![
                words.t("privacy-who-institution"),
                words.t("privacy-who-looks"),
                words.t("privacy-who-public"),
            ],
        ),
        ("privacy-how-long-title", {
            let mut lines = vec![
                words.format("privacy-how-long-contact", &days),
                words.t("privacy-how-long-text"),
            ];
            if let Some(kept) = facts.backups_kept {
                lines.push(words.format(
                    "privacy-how-long-backups",
                    &[("kept", i64::try_from(kept).unwrap_or(i64::MAX).into())],
                ));
            }
            lines
        }),
        (
            "privacy-rights-title",
            vec![
                words.t("privacy-rights-app"),
                words.t("privacy-rights-web"),
                words.t("privacy-rights-law"),
            ],
        ),
        ("privacy-complain-title", vec![words.t("privacy-complain")]),
    ];
    let title = words.t("privacy-title");
    let content = html! {
        h1 { (title) }
        p.lead { (words.t("privacy-intro")) }
        @for (heading, lines) in &sections {
            section {
                h2 { (words.t(heading)) }
                @for line in lines { p { (line) } }
            }
        }
        p { a #my-complaint-link href=(format!("/my-complaint?lang={}", language.tag())) { (words.t("my-complaint-title")) } }
    };
    public(language, "/privacy", &title, content).into_response()
}
