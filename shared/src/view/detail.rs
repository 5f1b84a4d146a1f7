//! One complaint's page: where it is, its history, and the forms: writing to the institution
//! (answering its question) while it is open, rating and reopening once it is closed, and
//! taking back the contact details given with it.

use uuid::Uuid;

use super::format::{category_name, due_label, is_overdue, server_page, status_code, status_label};
use crate::api::paths::MY_COMPLAINT_PAGE;
use crate::api::{ComplaintRecord, Status, TimelineEntry, TimelineKind, limits};
use crate::i18n::{Language, Localizer, input_error, pick};
use crate::messages::{can_write, photos_for};
use crate::model::{Form, Model, OutboxAction};
use crate::my_complaints::{can_reopen, reopen_pending};
use crate::my_data::removal_queued;
use crate::time::format_time;
use crate::view_model::*;

fn timeline_title(l: &Localizer, language: Language, entry: &TimelineEntry) -> String {
    let institution = || {
        entry
            .institution
            .as_ref()
            .map(|i| pick(&i.name, language))
            .unwrap_or_default()
    };
    match entry.kind {
        TimelineKind::Submitted => l.t("timeline-submitted"),
        TimelineKind::StatusChanged => l.format(
            "timeline-status",
            &[("status", status_label(l, entry.status).into())],
        ),
        TimelineKind::Reply => l.t("timeline-reply"),
        TimelineKind::Transferred => l.format(
            "timeline-transferred",
            &[("institution", institution().into())],
        ),
        TimelineKind::Escalated => l.format(
            "timeline-escalated",
            &[("institution", institution().into())],
        ),
        TimelineKind::Rated => l.t("timeline-rated"),
        TimelineKind::Reopened => l.t("timeline-reopened"),
        TimelineKind::Question => l.t("timeline-question"),
        TimelineKind::CitizenMessage => l.t("timeline-you-wrote"),
    }
}

pub(super) fn detail(l: &Localizer, model: &Model, id: Uuid) -> Option<ComplaintDetailView> {
    let (record, institution) = model.complaints.iter().find(|(r, _)| r.id == id)?;
    let language = model.settings.language;
    let form_error = |form: Form| {
        model
            .form_error
            .as_ref()
            .filter(|e| e.complaint == id && e.form == form)
            .map(|e| input_error(l, e.error))
    };
    let pending_rating = model.outbox.iter().find_map(|i| match &i.action {
        OutboxAction::Rate {
            complaint, stars, ..
        } if *complaint == id => Some(*stars),
        _ => None,
    });
    let reopen_pending = reopen_pending(model, id);
    let mut timeline: Vec<_> = record.timeline.iter().collect();
    timeline.sort_by_key(|e| e.at);
    Some(ComplaintDetailView {
        id: id.to_string(),
        tracking_code_label: l.t("tracking-code"),
        tracking_code: record.tracking_code.clone(),
        category: category_name(model, &record.category),
        institution_label: l.t("institution-label"),
        institution: institution.get(language).to_owned(),
        explanation: pick(&record.explanation, language),
        status: status_code(record.status),
        status_label: status_label(l, record.status),
        due_label: if record.status == Status::WaitingForCitizen {
            l.t("due-paused")
        } else {
            due_label(l, record.due_date)
        },
        overdue: is_overdue(model, record),
        timeline_title: l.t("timeline-title"),
        timeline: timeline
            .into_iter()
            .map(|e| TimelineItemView {
                time_label: format_time(language, e.at),
                title: timeline_title(l, language, e),
                text: e.text.clone(),
            })
            .collect(),
        rating: record.status.is_closed().then(|| RatingFormView {
            prompt: l.t("rating-prompt"),
            stars_label: l.t("rating-stars"),
            current_stars: pending_rating
                .or(record.rating.as_ref().map(|r| r.stars))
                .unwrap_or(0),
            comment_label: l.t("rating-comment"),
            submit_label: l.t("rating-submit"),
            pending: pending_rating.map(|_| l.t("outbox-queued")),
            error: form_error(Form::Rating),
        }),
        reopen: (can_reopen(model, id) || reopen_pending).then(|| ReopenFormView {
            prompt: l.format(
                "reopen-prompt",
                &[("days", limits::REOPEN_WINDOW_DAYS.into())],
            ),
            reason_label: l.t("reopen-reason"),
            submit_label: l.t("reopen-submit"),
            pending: reopen_pending.then(|| l.t("outbox-queued")),
            error: form_error(Form::Reopen),
        }),
        contact: contact(l, model, record),
        web_access: record.pin.as_deref().map(|pin| WebAccessView {
            title: l.t("web-access-title"),
            pin_label: l.t("web-access-pin"),
            pin: match (pin.get(..4), pin.get(4..)) {
                (Some(first), Some(rest)) => format!("{first} {rest}"),
                _ => pin.to_owned(),
            },
            explanation: l.t("web-access-explanation"),
            url: server_page(model, MY_COMPLAINT_PAGE),
        }),
        message: can_write(model, id)
            .then(|| message_form(l, model, record, form_error(Form::Message))),
    })
}

/// Whether the institution can reach the citizen about this complaint, and taking that back.
fn contact(l: &Localizer, model: &Model, record: &ComplaintRecord) -> ContactView {
    let queued = removal_queued(model, record.id);
    let held = record.contact_held && !queued;
    ContactView {
        text: l.t(if held {
            "contact-held"
        } else {
            "contact-not-held"
        }),
        remove_label: held.then(|| l.t("contact-remove")),
        pending: queued.then(|| l.t("contact-removal-pending")),
    }
}

/// Writing to the institution: the question first, if the complaint waits for an answer.
fn message_form(
    l: &Localizer,
    model: &Model,
    record: &ComplaintRecord,
    error: Option<String>,
) -> MessageFormView {
    let id = record.id;
    let waiting = record.status == Status::WaitingForCitizen;
    let question = waiting
        .then(|| {
            record
                .timeline
                .iter()
                .filter(|e| e.kind == TimelineKind::Question)
                .max_by_key(|e| e.at)
                .and_then(|e| e.text.clone())
        })
        .flatten();
    let photos = photos_for(model, id);
    let saving = model.draft.message.complaint == Some(id) && model.draft.message.photos_saving > 0;
    let pending = model
        .outbox
        .iter()
        .filter_map(|item| match &item.action {
            OutboxAction::Message {
                complaint, text, ..
            } if *complaint == id => Some(l.format(
                "message-pending",
                &[("text", super::format::excerpt(text, 60).into())],
            )),
            _ => None,
        })
        .collect();
    MessageFormView {
        question,
        prompt: l.t(if waiting {
            "message-answer-prompt"
        } else {
            "message-add-prompt"
        }),
        text_label: l.t(if waiting {
            "message-answer-label"
        } else {
            "message-add-label"
        }),
        add_photo_label: l.format(
            "message-add-photo",
            &[("max", limits::MESSAGE_MAX_PHOTOS.into())],
        ),
        photos: (1..=photos.len())
            .map(|number| MessagePhotoView {
                label: l.format("message-photo", &[("number", number.into())]),
                remove_label: l.t("message-photo-remove"),
            })
            .collect(),
        can_add_photo: photos.len() + usize::from(saving) < limits::MESSAGE_MAX_PHOTOS,
        submit_label: l.t(if waiting {
            "message-answer-submit"
        } else {
            "message-add-submit"
        }),
        pending,
        error,
    }
}
