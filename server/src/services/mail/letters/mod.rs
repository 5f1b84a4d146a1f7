//! What a queued message says, written out when it is sent: to whom, the subject, and the
//! body's parts in the reader's language, and the body as plain text (the mailer draws the
//! same parts as HTML). A citizen reads what happened to their
//! complaint (with the institution's reply or reason) and a link that stops these emails; an
//! institution reads that a complaint reached it, with no word of its text or its author, and
//! a link to it in the dashboard. A message whose reader is gone (the address removed, the
//! emails stopped, the notification address cleared) is written as nothing.

use chrono::NaiveDate;
use protocol::Language;
use protocol::api::LocalizedText;
use protocol::i18n::{Arg, pick};
use protocol::time::format_date;

mod staff;

use super::stop::{link_key, token};
use super::{Claimed, Kind};
use crate::db::{Conn, OptionalExtension};
use crate::messages::localizer;
use crate::services::ServiceError;
use crate::services::names::{NAME_COLUMNS, localized};

/// An email, ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub to: String,
    pub language: Language,
    /// Who sends it, as its first line says.
    pub sender: String,
    pub subject: String,
    pub greeting: Option<String>,
    /// What happened.
    pub lead: String,
    /// The institution's own words (a reply, a reason), quoted.
    pub quoted: Option<String>,
    /// Facts, one a line (a digest's figures).
    pub lines: Vec<String>,
    /// A link to follow, with its words.
    pub action: Option<Link>,
    /// What the reader can do next.
    pub follow: Option<String>,
    /// Why the reader receives it.
    pub why: String,
    /// The link that stops these emails (also for the `List-Unsubscribe` header).
    pub stop: Option<Link>,
}

/// A link in a letter: its words and where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub words: String,
    /// The sentence the plain text shows instead, with the address itself.
    pub in_text: String,
    pub url: String,
}

impl Letter {
    /// The body as plain text.
    pub fn text(&self) -> String {
        let mut text = String::new();
        if let Some(greeting) = &self.greeting {
            text.push_str(&format!("{greeting}\n\n"));
        }
        text.push_str(&format!("{}\n", self.lead));
        if let Some(quoted) = &self.quoted {
            for line in quoted.lines() {
                text.push_str(&format!("\n> {line}"));
            }
            text.push('\n');
        }
        if !self.lines.is_empty() {
            text.push('\n');
            for line in &self.lines {
                text.push_str(&format!("- {line}\n"));
            }
        }
        if let Some(action) = &self.action {
            text.push_str(&format!("\n{}\n", action.in_text));
        }
        if let Some(follow) = &self.follow {
            text.push_str(&format!("\n{follow}\n"));
        }
        text.push_str(&format!("\n-- \n{}\n", self.why));
        if let Some(stop) = &self.stop {
            text.push_str(&format!("{}\n", stop.in_text));
        }
        text
    }
}

/// Writes out `message` for a server reached at `base` (`https://zeri.example`): `None` if it
/// has nobody to go to any more.
pub fn write(c: &Conn, message: &Claimed, base: &str) -> Result<Option<Letter>, ServiceError> {
    match (message.kind, &message.complaint, message.event) {
        (Kind::CitizenUpdate, Some(complaint), Some(event)) => {
            to_citizen(c, complaint, event, base)
        }
        (
            Kind::InstitutionNew | Kind::StaffNew | Kind::StaffAssigned | Kind::StaffCitizenWrote,
            Some(complaint),
            _,
        ) => staff::about_complaint(c, message, complaint, base),
        (Kind::InstitutionDigest | Kind::StaffDigest, _, _) => staff::digest(c, message, base),
        // A message missing what it tells of has nothing to say.
        _ => Ok(None),
    }
}

/// The language a complaint was filed in, as the server writes it (Serbian in Latin letters,
/// as the app sends no script).
pub fn language_of(tag: &str) -> Language {
    match tag {
        "sr" | "sr-Latn" => Language::SerbianLatin,
        "sr-Cyrl" => Language::SerbianCyrillic,
        "en" => Language::English,
        _ => Language::Albanian,
    }
}

struct Step {
    email: String,
    language: Language,
    code: String,
    ack_due: String,
    answer_due: String,
    action: String,
    after: Option<String>,
    text: Option<String>,
    institution: LocalizedText,
}

fn to_citizen(
    c: &Conn,
    complaint: &str,
    event: i64,
    base: &str,
) -> Result<Option<Letter>, ServiceError> {
    let step = c
        .query_row(
            &format!(
                "SELECT c.contact_email, c.language, c.tracking_code, c.ack_due, c.answer_due,
                        a.action, a.after, t.text, {NAME_COLUMNS}
                 FROM complaints c JOIN audit_log a ON a.id = ?2 AND a.complaint_id = c.id
                   LEFT JOIN audit_texts t ON t.event_id = a.id
                   JOIN institutions i ON i.id = c.institution_id
                 WHERE c.id = ?1 AND c.contact_email IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM mail_stops s WHERE s.complaint_id = c.id)"
            ),
            crate::params![complaint, event],
            |r| {
                Ok(Step {
                    email: r.get(0)?,
                    language: language_of(&r.get::<_, String>(1)?),
                    code: r.get(2)?,
                    ack_due: r.get(3)?,
                    answer_due: r.get(4)?,
                    action: r.get(5)?,
                    after: r.get(6)?,
                    text: r.get(7)?,
                    institution: localized(r, 8)?,
                })
            },
        )
        .optional()?;
    let Some(step) = step else {
        return Ok(None);
    };
    let words = localizer(step.language);
    // A transfer and an escalation name where the complaint went.
    let field = match step.action.as_str() {
        "escalated" => Some("escalated_to"),
        "transferred" => Some("institution_id"),
        _ => None,
    };
    let named_id = field.and_then(|field| {
        let after: serde_json::Value = serde_json::from_str(step.after.as_deref()?).ok()?;
        after.get(field)?.as_str().map(str::to_owned)
    });
    let named = match named_id {
        Some(id) => institution_name(c, &id)?,
        None => None,
    };
    let institution = pick(named.as_ref().unwrap_or(&step.institution), step.language);
    let date = |text: &str| date_in(step.language, text);
    let args = [
        ("code", Arg::from(step.code.as_str())),
        ("institution", Arg::from(institution.as_str())),
        ("ack", Arg::from(date(&step.ack_due).as_str())),
        ("answer", Arg::from(date(&step.answer_due).as_str())),
    ];
    let what = words.t(&format!("mail-what-{}", step.action));
    let subject = words.format(
        "mail-subject",
        &[
            ("code", Arg::from(step.code.as_str())),
            ("what", Arg::from(what.as_str())),
        ],
    );
    let lead = words.format(&format!("mail-body-{}", step.action), &args);
    let key = link_key(c)?;
    let stop_link = format!(
        "{}/email/stop/{}/{}",
        base.trim_end_matches('/'),
        step.code,
        token(&key, complaint)
    );
    let quoted = step.text.filter(|t| !t.trim().is_empty());
    Ok(Some(Letter {
        to: step.email,
        language: step.language,
        sender: words.t("mail-sender"),
        subject,
        greeting: Some(words.t("mail-greeting")),
        lead,
        quoted,
        lines: Vec::new(),
        action: None,
        follow: Some(words.t("mail-follow")),
        why: words.format("mail-why", &args[..1]),
        stop: Some(Link {
            words: words.t("mail-stop"),
            in_text: words.format("mail-stop-text", &[("link", Arg::from(stop_link.as_str()))]),
            url: stop_link,
        }),
    }))
}

/// A stored date (`YYYY-MM-DD`) as `language` writes dates.
pub(super) fn date_in(language: Language, text: &str) -> String {
    text.parse::<NaiveDate>()
        .map(|d| format_date(language, d))
        .unwrap_or_else(|_| text.to_owned())
}

pub(super) fn institution_name(c: &Conn, id: &str) -> Result<Option<LocalizedText>, ServiceError> {
    Ok(c.query_row(
        &format!("SELECT {NAME_COLUMNS} FROM institutions WHERE id = ?1"),
        [id],
        |r| localized(r, 0),
    )
    .optional()?)
}
