//! Sending the outbox: one item at a time, in order, retried with backoff ([`retry`]) until
//! the server has answered for good ([`answers`]).
//!
//! Every send carries the item's id, which the server treats as an idempotency key, so sending an
//! item again after a lost answer cannot file it twice. An item leaves the outbox only after the
//! server's answer has been recorded.

mod answers;
mod retry;

use crux_core::Command;
use uuid::Uuid;

pub use retry::{RETRY_BASE, RETRY_CAP, backoff};

use crate::api::my_data::Erasure;
use crate::api::{self, CitizenMessageReceipt, ComplaintReceipt, ComplaintRecord, paths};
use crate::client::{self, Outcome, classify, json};
use crate::effects::{self, Effect, Request, kv_get};
use crate::event::Event;
use crate::model::{Model, OutboxAction, Stage};

/// What the server answered to an item of the outbox, and the retry timer; the core asks,
/// shells never send these.
#[derive(Debug)]
pub enum SyncEvent {
    ComplaintPosted {
        item: Uuid,
        outcome: Outcome<ComplaintReceipt>,
    },
    PhotoUploaded {
        item: Uuid,
        index: u8,
        outcome: Outcome<()>,
    },
    /// A rating or a reopening was sent.
    ActionSent {
        item: Uuid,
        outcome: Outcome<ComplaintRecord>,
    },
    /// A message to the institution was sent.
    MessageSent {
        item: Uuid,
        outcome: Outcome<CitizenMessageReceipt>,
    },
    /// The server erased this phone's data.
    DataErased {
        item: Uuid,
        outcome: Outcome<Erasure>,
    },
    RetryTimerFired {
        generation: u64,
    },
}

pub fn update(event: SyncEvent, model: &mut Model) -> Command<Effect, Event> {
    match event {
        SyncEvent::ComplaintPosted { item, outcome } => {
            answers::on_complaint_posted(model, item, outcome)
        }
        SyncEvent::PhotoUploaded {
            item,
            index,
            outcome,
        } => answers::on_photo_uploaded(model, item, index, outcome),
        SyncEvent::ActionSent { item, outcome } => answers::on_action_sent(model, item, outcome),
        SyncEvent::MessageSent { item, outcome } => answers::on_message_sent(model, item, outcome),
        SyncEvent::DataErased { item, outcome } => answers::on_data_erased(model, item, outcome),
        SyncEvent::RetryTimerFired { generation } => retry::on_timer(model, generation),
    }
}

/// The item being sent right now, if any: the first one on disk that was not refused.
pub fn sending_item(model: &Model) -> Option<Uuid> {
    if !model.sync.in_flight {
        return None;
    }
    next_to_send(model).map(|item| item.id)
}

fn next_to_send(model: &Model) -> Option<&crate::model::OutboxItem> {
    model
        .outbox
        .iter()
        .find(|item| model.is_durable(item) && !matches!(item.stage, Stage::Rejected { .. }))
}

/// Sends the first item in the outbox that is on disk and not refused, unless a send is
/// already under way.
pub fn send_now(model: &mut Model) -> Command<Effect, Event> {
    if model.sync.in_flight || !model.can_reach_server() {
        return Command::done();
    }
    let Some(item) = next_to_send(model).cloned() else {
        return Command::done();
    };
    model.sync.in_flight = true;
    let id = item.id;
    // Where a message's photos go: the slots the server gave it (a complaint's start at 0).
    let photo_slots = match &item.action {
        OutboxAction::Message {
            complaint,
            first_photo,
            ..
        } => (*complaint, first_photo.unwrap_or(0)),
        _ => (id, 0),
    };
    match (item.action, item.stage) {
        (OutboxAction::Submit { complaint, .. }, Stage::Pending) => {
            let request = client::post_json(model, paths::COMPLAINTS, &complaint);
            effects::http(request).then_send(move |reply| {
                SyncEvent::ComplaintPosted {
                    item: id,
                    outcome: classify(reply, json),
                }
                .into()
            })
        }
        (
            OutboxAction::Submit { photos, .. } | OutboxAction::Message { photos, .. },
            Stage::UploadingPhotos { done },
        ) => {
            let (complaint, first) = photo_slots;
            let Some(photo) = photos.get(usize::from(done)).cloned() else {
                // Nothing left to upload: finish the item.
                return Command::event(
                    SyncEvent::PhotoUploaded {
                        item: id,
                        index: done,
                        outcome: Outcome::Delivered(()),
                    }
                    .into(),
                );
            };
            let mut headers = client::device_headers(model);
            headers.push(("Content-Type".into(), "image/jpeg".into()));
            let url = client::url(model, &paths::photo(complaint, first.saturating_add(done)));
            Command::new(move |ctx| async move {
                let outcome = match kv_get(photo.key()).into_future(ctx.clone()).await {
                    Ok(Some(body)) => {
                        let request = Request {
                            method: "PUT",
                            url,
                            headers,
                            body,
                        };
                        classify(
                            effects::http(request).into_future(ctx.clone()).await,
                            |_| Some(()),
                        )
                    }
                    // The photo is gone from the phone: there is nothing to send.
                    Ok(None) => Outcome::Delivered(()),
                    Err(_) => Outcome::Retry { after: None },
                };
                ctx.send_event(
                    SyncEvent::PhotoUploaded {
                        item: id,
                        index: done,
                        outcome,
                    }
                    .into(),
                );
            })
        }
        (
            OutboxAction::Rate {
                complaint,
                stars,
                comment,
            },
            _,
        ) => {
            let body = api::RatingRequest { stars, comment };
            send_action(
                client::post_json(model, &paths::rating(complaint), &body),
                id,
            )
        }
        (OutboxAction::Reopen { complaint, reason }, _) => {
            let body = api::ReopenRequest {
                request_id: id,
                reason,
            };
            send_action(
                client::post_json(model, &paths::reopen(complaint), &body),
                id,
            )
        }
        (
            OutboxAction::Message {
                complaint,
                text,
                photos,
                ..
            },
            _,
        ) => {
            let body = api::CitizenMessageRequest {
                id,
                text,
                photo_count: u8::try_from(photos.len()).unwrap_or(u8::MAX),
            };
            let request = client::post_json(model, &paths::messages(complaint), &body);
            effects::http(request).then_send(move |reply| {
                SyncEvent::MessageSent {
                    item: id,
                    outcome: classify(reply, json),
                }
                .into()
            })
        }
        (OutboxAction::RemoveContact { complaint }, _) => {
            let url = client::url(model, &paths::contact(complaint));
            send_action(client::request(model, "DELETE", url), id)
        }
        (OutboxAction::EraseMyData, _) => {
            let url = client::url(model, paths::MY_DATA);
            effects::http(client::request(model, "DELETE", url)).then_send(move |reply| {
                SyncEvent::DataErased {
                    item: id,
                    outcome: classify(reply, json),
                }
                .into()
            })
        }
        (OutboxAction::Submit { .. }, Stage::Rejected { .. }) => {
            model.sync.in_flight = false;
            Command::done()
        }
    }
}

fn send_action(request: Request, item: Uuid) -> Command<Effect, Event> {
    effects::http(request).then_send(move |reply| {
        SyncEvent::ActionSent {
            item,
            outcome: classify(reply, json),
        }
        .into()
    })
}

#[cfg(test)]
mod tests;
