//! The "my complaints" screen: what waits in the outbox, then each complaint sent, newest
//! first, as a card.

use super::format::{ListWords, category_name, status_code};
use super::outbox::outbox_item;
use crate::api::ComplaintRecord;
use crate::i18n::{Localizer, Name};
use crate::model::Model;
use crate::view_model::{ComplaintCardView, MyComplaintsView, OutboxItemView};

pub(super) fn my_complaints(l: &Localizer, model: &Model) -> MyComplaintsView {
    let sending = crate::sync::sending_item(model);
    let mut records: Vec<(&ComplaintRecord, &Name)> = model.complaints.iter().collect();
    records.sort_by_key(|(r, _)| std::cmp::Reverse(r.submitted_at));
    let pending: Vec<OutboxItemView> = model
        .outbox
        .iter()
        .map(|i| outbox_item(l, model, i, sending))
        .collect();
    let words = ListWords::new(l, model);
    MyComplaintsView {
        title: l.t("my-complaints-title"),
        refresh_label: l.t("action-refresh"),
        refreshing: model.refreshing,
        pending_title: l.t("outbox-title"),
        empty_text: (records.is_empty() && pending.is_empty()).then(|| l.t("my-complaints-empty")),
        pending,
        items: records
            .into_iter()
            .map(|(record, institution)| card(l, &words, model, record, institution))
            .collect(),
    }
}

fn card(
    l: &Localizer,
    words: &ListWords,
    model: &Model,
    record: &ComplaintRecord,
    institution: &Name,
) -> ComplaintCardView {
    let language = model.settings.language;
    ComplaintCardView {
        id: record.id.to_string(),
        tracking_code: record.tracking_code.clone(),
        category: category_name(model, &record.category),
        institution: institution.get(language).to_owned(),
        status: status_code(record.status),
        status_label: words.status(record.status),
        due_label: words.due(l, record.due_date),
        overdue: words.overdue(record),
        updated_label: words.updated(l, record.updated_at),
    }
}
