//! "Your data": each complaint as the server holds it, labelled field by field in the citizen's
//! language, with keeping it as a file and erasing it.

use super::format::{category_name, status_label};
use crate::api::my_data::{HeldComplaint, MyData};
use crate::i18n::{Language, Localizer, pick};
use crate::model::Model;
use crate::my_data::erase_queued;
use crate::time::format_time;
use crate::view_model::{
    ConfirmView, DataRowView, EraseView, HeldComplaintView, MyDataView, Screen,
};

pub(super) fn my_data(l: &Localizer, model: &Model) -> MyDataView {
    let state = &model.my_data;
    if model.screen != Screen::MyData {
        return MyDataView::default();
    }
    let status = if state.loading {
        Some(l.t("my-data-loading"))
    } else if state.failed {
        Some(l.t("my-data-failed"))
    } else {
        None
    };
    let data = state.data.as_ref();
    let language = model.settings.language;
    MyDataView {
        intro: l.t("my-data-intro"),
        status,
        loading: state.loading,
        reload_label: (state.failed && !state.loading).then(|| l.t("action-retry")),
        empty: data
            .filter(|d| d.complaints.is_empty())
            .map(|_| l.t("my-data-empty")),
        complaints: data
            .map(|d| {
                d.complaints
                    .iter()
                    .map(|c| held(l, model, language, c))
                    .collect()
            })
            .unwrap_or_default(),
        push_line: data.and_then(|d| push_line(l, language, d)),
        export_label: data.map(|_| l.t("my-data-export")),
        erase: erase(l, model),
    }
}

fn push_line(l: &Localizer, language: Language, data: &MyData) -> Option<String> {
    let first = data.push_tokens.first()?;
    Some(l.format(
        "my-data-push",
        &[("since", format_time(language, first.registered_at).into())],
    ))
}

fn erase(l: &Localizer, model: &Model) -> EraseView {
    let queued = erase_queued(model);
    EraseView {
        title: l.t("erase-title"),
        explanation: l.t("erase-explanation"),
        button_label: (!queued).then(|| l.t("erase-button")),
        confirm: (model.my_data.confirming_erase && !queued).then(|| ConfirmView {
            question: l.t("erase-question"),
            confirm_label: l.t("erase-confirm"),
            cancel_label: l.t("action-cancel"),
        }),
        pending: queued.then(|| l.t("erase-pending")),
    }
}

fn held(l: &Localizer, model: &Model, language: Language, c: &HeldComplaint) -> HeldComplaintView {
    let mut rows = Vec::new();
    let mut row = |label: &str, value: String| {
        rows.push(DataRowView {
            label: l.t(label),
            value,
        })
    };
    row("data-category", category_name(model, &c.category));
    row("data-institution", pick(&c.institution.name, language));
    row("data-status", status_label(l, c.status));
    row("data-submitted", format_time(language, c.submitted_at));
    row("data-description", c.description.clone());
    let municipality = model
        .catalog
        .municipalities()
        .find(|(m, _)| m.id == c.municipality)
        .map(|(_, name)| name.get(language).to_owned())
        .unwrap_or_else(|| c.municipality.clone());
    let place = match (c.latitude, c.longitude) {
        (Some(lat), Some(lon)) => format!("{municipality} ({lat:.5}, {lon:.5})"),
        _ => municipality,
    };
    row("data-place", place);
    let contact = match (&c.contact, c.contact_removed_at, c.personal_erased_at) {
        (Some(contact), _, _) => contact.one_line(),
        (None, Some(at), _) => l.format(
            "data-contact-removed",
            &[("date", format_time(language, at).into())],
        ),
        (None, None, Some(at)) => l.format(
            "data-contact-erased",
            &[("date", format_time(language, at).into())],
        ),
        (None, None, None) => l.t("data-contact-none"),
    };
    row("data-contact", contact);
    row(
        "data-photos",
        l.format("data-photo-count", &[("count", c.photos.len().into())]),
    );
    for message in &c.messages {
        let mut text = message.text.clone().unwrap_or_default();
        if message.photo_count > 0 {
            text.push_str(&l.format(
                "data-message-photos",
                &[("count", usize::from(message.photo_count).into())],
            ));
        }
        row(
            "data-message",
            format!("{} — {text}", format_time(language, message.sent_at)),
        );
    }
    if let Some(rating) = &c.rating {
        let mut value = "★".repeat(usize::from(rating.stars));
        if let Some(comment) = &rating.comment {
            value = format!("{value} {comment}");
        }
        row("data-rating", value);
    }
    if c.emails_stopped {
        row("data-emails", l.t("data-emails-stopped"));
    }
    HeldComplaintView {
        id: c.id.to_string(),
        title: c.tracking_code.clone(),
        rows,
    }
}
