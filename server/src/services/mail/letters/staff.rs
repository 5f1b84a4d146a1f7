//! The letters the institution side reads: a complaint that reached the institution, one given
//! to a staff member, its citizen writing to the one handling it, and the daily digest. They go to the institution's notification address
//! or to a staff member's own, in the language chosen there, and name a complaint only by its
//! tracking code, category and municipality (never its text or its author), with a link into
//! the dashboard, where the usual tenancy decides what the reader may see. A letter about a
//! complaint that has since left the reader's institution is not sent.

use chrono::{DateTime, Utc};
use protocol::Language;
use protocol::i18n::{Arg, pick};

use super::{Letter, Link, date_in, language_of};
use crate::db::{Conn, OptionalExtension};
use crate::messages::localizer;
use crate::services::ServiceError;
use crate::services::mail::digest::day_of;
use crate::services::mail::{Claimed, Kind};
use crate::services::names::localized;

/// Who reads a letter for the institution side.
struct Reader {
    to: String,
    language: Language,
    institution: String,
    /// The message saying why they receive it.
    why: &'static str,
}

/// The reader of `message`, if they still want it: the institution's notification address
/// with the choice ticked, or an active staff member with theirs.
fn reader(c: &Conn, message: &Claimed) -> Result<Option<Reader>, ServiceError> {
    let (table, wants, why) = match message.kind {
        Kind::InstitutionNew => ("institution", "notify_each_new", "mail-new-why"),
        Kind::InstitutionDigest => ("institution", "notify_digest", "mail-digest-why"),
        Kind::StaffNew => ("staff", "notify_new", "mail-staff-new-why"),
        Kind::StaffAssigned => ("staff", "notify_assigned", "mail-staff-assigned-why"),
        Kind::StaffDigest => ("staff", "notify_digest", "mail-staff-digest-why"),
        // Asked for by asking the question, or by taking the complaint on.
        Kind::StaffCitizenWrote => ("staff", "1", "mail-staff-citizen-wrote-why"),
        Kind::CitizenUpdate => return Ok(None),
    };
    let row = |r: &crate::db::Row| {
        Ok(Reader {
            to: r.get(0)?,
            language: language_of(&r.get::<_, String>(1)?),
            institution: r.get(2)?,
            why,
        })
    };
    let found = match (table, &message.institution, message.staff) {
        ("institution", Some(institution), _) => c
            .query_row(
                &format!(
                    "SELECT notify_email, notify_language, id FROM institutions
                     WHERE id = ?1 AND notify_email IS NOT NULL AND {wants} = 1"
                ),
                [institution.as_str()],
                row,
            )
            .optional()?,
        ("staff", _, Some(staff)) => c
            .query_row(
                &format!(
                    "SELECT email, email_language, institution_id FROM staff
                     WHERE id = ?1 AND active = 1 AND email IS NOT NULL
                       AND institution_id IS NOT NULL AND {wants} = 1"
                ),
                [staff],
                row,
            )
            .optional()?,
        _ => None,
    };
    Ok(found)
}

/// A complaint that reached the reader's institution, or was given to them.
pub fn about_complaint(
    c: &Conn,
    message: &Claimed,
    complaint: &str,
    base: &str,
) -> Result<Option<Letter>, ServiceError> {
    let Some(reader) = reader(c, message)? else {
        return Ok(None);
    };
    let found = c
        .query_row(
            "SELECT c.tracking_code, c.ack_due, c.answer_due,
                    i.name_sq, i.name_sr, i.name_en, k.name_sq, k.name_sr, k.name_en,
                    m.name_sq, m.name_sr, m.name_en
             FROM complaints c JOIN institutions i ON i.id = c.institution_id
               JOIN categories k ON k.id = c.category_id
               JOIN municipalities m ON m.id = c.municipality_id
             WHERE c.id = ?1 AND c.institution_id = ?2",
            [complaint, reader.institution.as_str()],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    localized(r, 3)?,
                    localized(r, 6)?,
                    localized(r, 9)?,
                ))
            },
        )
        .optional()?;
    let Some((code, ack, answer, institution, category, municipality)) = found else {
        return Ok(None);
    };
    let language = reader.language;
    let words = localizer(language);
    let institution = pick(&institution, language);
    let args = [
        ("code", Arg::from(code.as_str())),
        ("institution", Arg::from(institution.as_str())),
        ("category", Arg::from(pick(&category, language).as_str())),
        (
            "municipality",
            Arg::from(pick(&municipality, language).as_str()),
        ),
        ("ack", Arg::from(date_in(language, &ack).as_str())),
        ("answer", Arg::from(date_in(language, &answer).as_str())),
    ];
    let (subject, lead) = match message.kind {
        Kind::StaffAssigned => ("mail-assigned-subject", "mail-assigned-body"),
        Kind::StaffCitizenWrote => ("mail-citizen-wrote-subject", "mail-citizen-wrote-body"),
        _ => ("mail-new-subject", "mail-new-body"),
    };
    let link = format!(
        "{}/staff/complaints/{complaint}",
        base.trim_end_matches('/')
    );
    let texts = [
        words.format(subject, &args),
        words.format(lead, &args),
        words.format(reader.why, &args),
    ];
    Ok(Some(to_dashboard(
        reader,
        texts,
        Vec::new(),
        "mail-new-open",
        link,
    )))
}

/// A letter to the institution side: `[subject, lead, why]`, facts, and a link into the
/// dashboard whose words are message `open`.
fn to_dashboard(
    reader: Reader,
    [subject, lead, why]: [String; 3],
    lines: Vec<String>,
    open: &str,
    link: String,
) -> Letter {
    let words = localizer(reader.language);
    let open = words.t(open);
    Letter {
        to: reader.to,
        language: reader.language,
        sender: words.t("mail-sender"),
        subject,
        greeting: None,
        lead,
        quoted: None,
        lines,
        action: Some(Link {
            in_text: format!("{open}: {link}"),
            words: open,
            url: link,
        }),
        follow: None,
        why,
        stop: None,
    }
}

/// The daily digest of the reader's institution; `None` on a day with nothing to tell.
pub fn digest(c: &Conn, message: &Claimed, base: &str) -> Result<Option<Letter>, ServiceError> {
    let Some(reader) = reader(c, message)? else {
        return Ok(None);
    };
    let Ok(until) = DateTime::parse_from_rfc3339(&message.created_at) else {
        return Ok(None);
    };
    let until = until.with_timezone(&Utc);
    let day = day_of(c, &reader.institution, until)?;
    if day.is_quiet() {
        return Ok(None);
    }
    let language = reader.language;
    let words = localizer(language);
    let name = c
        .query_row(
            "SELECT name_sq, name_sr, name_en FROM institutions WHERE id = ?1",
            [reader.institution.as_str()],
            |r| localized(r, 0),
        )
        .optional()?;
    let institution = name.map(|n| pick(&n, language)).unwrap_or_default();
    let date = message.day.clone().unwrap_or_default();
    let args = [
        ("institution", Arg::from(institution.as_str())),
        ("date", Arg::from(date_in(language, &date).as_str())),
    ];
    let count = |id: &str, n: i64| words.format(id, &[("count", Arg::Number(n))]);
    let mut lines = vec![
        count("mail-digest-new", day.new),
        count("mail-digest-overdue", day.overdue),
        count("mail-digest-escalated", day.escalated),
    ];
    if day.escalated_here > 0 {
        lines.push(count("mail-digest-escalated-here", day.escalated_here));
    }
    if !day.longest_overdue.is_empty() {
        let codes: Vec<&str> = day
            .longest_overdue
            .iter()
            .map(|(_, code)| code.as_str())
            .collect();
        lines.push(words.format(
            "mail-digest-longest",
            &[("codes", Arg::from(codes.join(", ").as_str()))],
        ));
    }
    let link = format!("{}/staff", base.trim_end_matches('/'));
    let texts = [
        words.format("mail-digest-subject", &args),
        words.format("mail-digest-lead", &args),
        words.format(reader.why, &args),
    ];
    Ok(Some(to_dashboard(
        reader,
        texts,
        lines,
        "mail-digest-open",
        link,
    )))
}
