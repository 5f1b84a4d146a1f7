//! The outbox as "my complaints" lists it: what each item is, how far it got, and what the
//! citizen can do about a refusal.

use uuid::Uuid;

use super::format::{category_name, excerpt, refusal};
use crate::i18n::Localizer;
use crate::model::{Model, OutboxAction, OutboxItem, Stage};
use crate::view_model::{OutboxItemView, OutboxState};

fn complaint_reference(model: &Model, complaint: Uuid) -> String {
    model
        .complaint(complaint)
        .map(|c| c.tracking_code.clone())
        .unwrap_or_default()
}

pub(super) fn outbox_item(
    l: &Localizer,
    model: &Model,
    item: &OutboxItem,
    sending: Option<Uuid>,
) -> OutboxItemView {
    let (title, summary) = match &item.action {
        OutboxAction::Submit { complaint, .. } => (
            category_name(model, &complaint.category),
            excerpt(&complaint.description, 80),
        ),
        OutboxAction::Rate {
            complaint, stars, ..
        } => (
            l.format(
                "outbox-rating",
                &[("code", complaint_reference(model, *complaint).into())],
            ),
            "★".repeat(usize::from(*stars)),
        ),
        OutboxAction::Reopen { complaint, reason } => (
            l.format(
                "outbox-reopen",
                &[("code", complaint_reference(model, *complaint).into())],
            ),
            reason.chars().take(80).collect(),
        ),
        OutboxAction::Message {
            complaint, text, ..
        } => (
            l.format(
                "outbox-message",
                &[("code", complaint_reference(model, *complaint).into())],
            ),
            excerpt(text, 80),
        ),
        OutboxAction::RemoveContact { complaint } => (
            l.format(
                "outbox-remove-contact",
                &[("code", complaint_reference(model, *complaint).into())],
            ),
            String::new(),
        ),
        OutboxAction::EraseMyData => (l.t("outbox-erase"), String::new()),
    };
    let (state, state_label, error) = match &item.stage {
        _ if !model.is_durable(item) => (OutboxState::Saving, l.t("outbox-saving"), None),
        Stage::Rejected { code, message } => (
            OutboxState::Rejected,
            l.t("outbox-rejected"),
            Some(refusal(l, code, message)),
        ),
        Stage::UploadingPhotos { done } => {
            let total = match &item.action {
                OutboxAction::Submit { photos, .. } => photos.len(),
                _ => 0,
            };
            (
                OutboxState::SendingPhotos,
                l.format(
                    "outbox-sending-photos",
                    &[("done", usize::from(*done).into()), ("total", total.into())],
                ),
                None,
            )
        }
        Stage::Pending if sending == Some(item.id) => {
            (OutboxState::Sending, l.t("outbox-sending"), None)
        }
        Stage::Pending => (OutboxState::Queued, l.t("outbox-queued"), None),
    };
    let rejected = state == OutboxState::Rejected;
    OutboxItemView {
        id: item.id.to_string(),
        title,
        summary,
        state,
        state_label,
        error,
        retry_label: rejected.then(|| l.t("action-retry")),
        edit_label: (rejected && matches!(item.action, OutboxAction::Submit { .. }))
            .then(|| l.t("action-edit")),
        discard_label: rejected.then(|| l.t("action-discard")),
    }
}
