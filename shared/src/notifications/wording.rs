//! The words of a notification, in the citizen's language: a title saying what happened, and
//! a body with what the institution wrote, or else which complaint it is.

use crate::api::{ComplaintRecord, Status, TimelineEntry, TimelineKind};
use crate::i18n::{Language, Localizer, Name, localizer, pick};
use crate::model::Model;
use crate::time::format_date;

use super::{CHANNEL_ID, Notification, NotificationChannel};

/// The longest body, in characters: what a lock screen shows of it, and then some.
const BODY_MAX_CHARS: usize = 240;

pub(super) fn channel(language: Language) -> NotificationChannel {
    let l = localizer(language);
    NotificationChannel {
        id: CHANNEL_ID.to_owned(),
        name: l.t("notification-channel-name"),
        description: l.t("notification-channel-description"),
    }
}

/// About `entry`, a change [`super::worth_telling`] chose.
pub(super) fn change(
    model: &Model,
    record: &ComplaintRecord,
    institution: &Name,
    entry: &TimelineEntry,
) -> Notification {
    let language = model.settings.language;
    let l = localizer(language);
    let named = |id: &str, name: &str| l.format(id, &[("institution", name.into())]);
    let here = institution.get(language);
    let there = entry
        .institution
        .as_ref()
        .map(|i| pick(&i.name, language))
        .unwrap_or_else(|| here.to_owned());
    let title = match (entry.kind, entry.status) {
        (TimelineKind::Reply, _) => named("notification-reply", here),
        (TimelineKind::Question, _) => named("notification-question", here),
        (TimelineKind::Transferred, _) => named("notification-transferred", &there),
        (TimelineKind::Escalated, _) => named("notification-escalated", &there),
        (_, Status::Received) => named("notification-received", here),
        (_, Status::Resolved) => named("notification-resolved", here),
        (_, _) => named("notification-rejected", here),
    };
    let body = match entry.text.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() && entry.kind != TimelineKind::Escalated => excerpt(text),
        _ => which_complaint(model, &l, record),
    };
    notification(model, record, title, body)
}

/// That the deadline of `record` passed without an answer.
pub(super) fn overdue(model: &Model, record: &ComplaintRecord, institution: &Name) -> Notification {
    let language = model.settings.language;
    let l = localizer(language);
    let title = l.format(
        "notification-overdue",
        &[("institution", institution.get(language).into())],
    );
    let body = l.format(
        "notification-overdue-body",
        &[
            ("date", format_date(language, record.due_date).into()),
            ("complaint", which_complaint(model, &l, record).into()),
        ],
    );
    notification(model, record, title, body)
}

fn notification(
    model: &Model,
    record: &ComplaintRecord,
    title: String,
    body: String,
) -> Notification {
    Notification {
        id: record.id.to_string(),
        title,
        body,
        link: format!("zeri://complaint/{}", record.id),
        channel: channel(model.settings.language),
    }
}

/// "Water supply, ZR-7K3Q-A9": the complaint's category and tracking code.
fn which_complaint(model: &Model, l: &Localizer, record: &ComplaintRecord) -> String {
    let category = model
        .catalog
        .category_name(&record.category, model.settings.language)
        .unwrap_or(&record.category);
    l.format(
        "notification-complaint",
        &[
            ("category", category.into()),
            ("code", record.tracking_code.as_str().into()),
        ],
    )
}

fn excerpt(text: &str) -> String {
    let mut body: String = text.chars().take(BODY_MAX_CHARS).collect();
    if text.chars().nth(BODY_MAX_CHARS).is_some() {
        body.push('…');
    }
    body
}
