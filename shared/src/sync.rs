//! Talking to the server: sending the outbox one item at a time, retrying with backoff, and
//! fetching what changed (my complaints, the catalog).
//!
//! Every send carries the item's id, which the server treats as an idempotency key, so sending an
//! item again after a lost answer cannot file it twice. An item leaves the outbox only after the
//! server's answer has been recorded.

use std::time::Duration;

use crux_core::Command;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::api::{
    self, ComplaintReceipt, ComplaintRecord, ErrorBody, MyComplaintsPage, TimelineEntry,
    TimelineKind, paths,
};
use crate::app::{Effect, Event, Internal};
use crate::effects::{self, Reply, Request, kv_delete, kv_get};
use crate::model::{Model, Notice, OutboxAction, Phase, SlotKey, Stage, StoredCatalog};
use crate::persist::{device_ready, save};
use crate::view_model::Screen;

/// The first retry waits about this long; each further failure doubles it.
pub const RETRY_BASE: Duration = Duration::from_secs(2);
/// No retry waits longer than this, however often sending failed.
pub const RETRY_CAP: Duration = Duration::from_secs(300);
/// The longest `Retry-After` the core honours.
pub const RETRY_AFTER_CAP: Duration = Duration::from_secs(3600);

/// What became of a request.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome<T> {
    Delivered(T),
    /// No answer, a timeout, 408, 429 or 5xx: sending again later can succeed.
    Retry {
        after: Option<Duration>,
    },
    /// The server refused it for a reason retrying cannot change.
    Refused {
        code: String,
        message: String,
    },
}

fn classify<T>(reply: Reply, parse: impl FnOnce(&[u8]) -> Option<T>) -> Outcome<T> {
    let response = match reply {
        Reply::Response(response) => response,
        Reply::NoResponse(_) => return Outcome::Retry { after: None },
    };
    let status = response.status;
    if (200..300).contains(&status) {
        // A 2xx we cannot read (a captive portal's page, say) is not an answer from our server.
        return match parse(&response.body) {
            Some(value) => Outcome::Delivered(value),
            None => Outcome::Retry { after: None },
        };
    }
    if status == 408 || status == 429 || !(200..500).contains(&status) {
        let after = Reply::header(&response, "retry-after")
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(|secs| Duration::from_secs(secs).min(RETRY_AFTER_CAP));
        return Outcome::Retry { after };
    }
    match serde_json::from_slice::<ErrorBody>(&response.body) {
        Ok(body) => Outcome::Refused {
            code: body.error.code,
            message: body.error.message,
        },
        Err(_) => Outcome::Refused {
            code: format!("http_{status}"),
            message: String::new(),
        },
    }
}

fn json<T: DeserializeOwned>(body: &[u8]) -> Option<T> {
    serde_json::from_slice(body).ok()
}

fn headers(model: &Model) -> Vec<(String, String)> {
    let secret = model.device_secret.clone().unwrap_or_default();
    vec![
        (
            "Authorization".into(),
            format!("{} {secret}", api::DEVICE_AUTH_SCHEME),
        ),
        (
            "Accept-Language".into(),
            model.settings.language.api_tag().into(),
        ),
        ("Accept".into(), "application/json".into()),
    ]
}

fn post_json(model: &Model, path: &str, body: &impl serde::Serialize) -> Request {
    let mut headers = headers(model);
    headers.push(("Content-Type".into(), "application/json".into()));
    Request {
        method: "POST",
        url: format!("{}{path}", model.api_base_url),
        headers,
        body: serde_json::to_vec(body).unwrap_or_default(),
    }
}

/// Sends the first item in the outbox that is on disk and not refused, unless a send is
/// already under way.
pub fn send_now(model: &mut Model) -> Command<Effect, Event> {
    if model.phase != Phase::Ready
        || model.sync.in_flight
        || !device_ready(model)
        || model.api_base_url.is_empty()
    {
        return Command::done();
    }
    let Some(item) = model
        .outbox
        .iter()
        .find(|item| model.is_durable(item) && !matches!(item.stage, Stage::Rejected { .. }))
        .cloned()
    else {
        return Command::done();
    };
    model.sync.in_flight = true;
    let id = item.id;
    match (item.action, item.stage) {
        (OutboxAction::Submit { complaint, .. }, Stage::Pending) => {
            effects::http(post_json(model, paths::COMPLAINTS, &complaint)).then_send(move |reply| {
                Event::internal(Internal::ComplaintPosted {
                    item: id,
                    outcome: classify(reply, json),
                })
            })
        }
        (OutboxAction::Submit { photos, .. }, Stage::UploadingPhotos { done }) => {
            let Some(photo) = photos.get(usize::from(done)).cloned() else {
                // Nothing left to upload: finish the item.
                return Command::event(Event::internal(Internal::PhotoUploaded {
                    item: id,
                    index: done,
                    outcome: Outcome::Delivered(()),
                }));
            };
            let mut headers = headers(model);
            headers.push(("Content-Type".into(), "image/jpeg".into()));
            let url = format!("{}{}", model.api_base_url, paths::photo(id, done));
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
                ctx.send_event(Event::internal(Internal::PhotoUploaded {
                    item: id,
                    index: done,
                    outcome,
                }));
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
            effects::http(post_json(model, &paths::rating(complaint), &body)).then_send(
                move |reply| {
                    Event::internal(Internal::ActionSent {
                        item: id,
                        outcome: classify(reply, json),
                    })
                },
            )
        }
        (OutboxAction::Reopen { complaint, reason }, _) => {
            let body = api::ReopenRequest {
                request_id: id,
                reason,
            };
            effects::http(post_json(model, &paths::reopen(complaint), &body)).then_send(
                move |reply| {
                    Event::internal(Internal::ActionSent {
                        item: id,
                        outcome: classify(reply, json),
                    })
                },
            )
        }
        (OutboxAction::Submit { .. }, Stage::Rejected { .. }) => {
            model.sync.in_flight = false;
            Command::done()
        }
    }
}

/// How long to wait after `failures` consecutive failures: doubling from [`RETRY_BASE`] up to
/// [`RETRY_CAP`], with "equal jitter" (between half and all of it) so that many phones coming
/// back online together do not retry in step. The jitter is drawn from the item's id, which is
/// random, so the core needs no random number generator of its own here.
pub fn backoff(failures: u32, item: Uuid) -> Duration {
    let exponent = failures.saturating_sub(1).min(16);
    let full = RETRY_BASE.saturating_mul(1 << exponent).min(RETRY_CAP);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in item.as_bytes().iter().chain(failures.to_le_bytes().iter()) {
        hash = (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
    }
    let fraction = 0.5 + (hash % 1000) as f64 / 2000.0;
    full.mul_f64(fraction)
}

fn schedule_retry(
    model: &mut Model,
    item: Uuid,
    after: Option<Duration>,
) -> Command<Effect, Event> {
    model.sync.failures = model.sync.failures.saturating_add(1);
    model.sync.timer_generation += 1;
    model.sync.timer_pending = true;
    let generation = model.sync.timer_generation;
    let delay = backoff(model.sync.failures, item).max(after.unwrap_or_default());
    let timer = model.sync.next_timer_id;
    model.sync.next_timer_id += 1;
    effects::sleep(timer, delay)
        .then_send(move |()| Event::internal(Internal::RetryTimerFired { generation }))
}

pub fn on_retry_timer(model: &mut Model, generation: u64) -> Command<Effect, Event> {
    if generation != model.sync.timer_generation {
        return Command::done();
    }
    model.sync.timer_pending = false;
    send_now(model)
}

fn position(model: &Model, item: Uuid) -> Option<usize> {
    model.outbox.iter().position(|i| i.id == item)
}

fn upsert(model: &mut Model, record: ComplaintRecord) {
    match model.complaints.iter_mut().find(|c| c.id == record.id) {
        Some(existing) => *existing = record,
        None => model.complaints.push(record),
    }
}

fn refuse(
    model: &mut Model,
    index: usize,
    code: String,
    message: String,
) -> Command<Effect, Event> {
    model.outbox[index].stage = Stage::Rejected { code, message };
    save(model, SlotKey::Outbox).and(send_now(model))
}

pub fn on_complaint_posted(
    model: &mut Model,
    item: Uuid,
    outcome: Outcome<ComplaintReceipt>,
) -> Command<Effect, Event> {
    model.sync.in_flight = false;
    let Some(index) = position(model, item) else {
        return send_now(model);
    };
    let OutboxAction::Submit { complaint, photos } = &model.outbox[index].action else {
        return send_now(model);
    };
    let (category, has_photos) = (complaint.category.clone(), !photos.is_empty());
    match outcome {
        Outcome::Delivered(receipt) => {
            model.sync.failures = 0;
            if model.complaint(receipt.id).is_none() {
                let record = ComplaintRecord {
                    id: receipt.id,
                    tracking_code: receipt.tracking_code.clone(),
                    category,
                    status: receipt.status,
                    institution: receipt.institution,
                    explanation: receipt.explanation,
                    due_date: receipt.due_date,
                    submitted_at: receipt.submitted_at,
                    updated_at: receipt.submitted_at,
                    resolved_at: None,
                    rating: None,
                    timeline: vec![TimelineEntry {
                        at: receipt.submitted_at,
                        kind: TimelineKind::Submitted,
                        status: receipt.status,
                        text: None,
                        institution: None,
                    }],
                };
                upsert(model, record);
            }
            if !has_photos {
                model.outbox.remove(index);
            } else {
                model.outbox[index].stage = Stage::UploadingPhotos { done: 0 };
            }
            model.notice = Some(Notice::Sent {
                tracking_code: receipt.tracking_code,
            });
            // Complaints first: if the app dies between the writes, the complaint is re-sent
            // and the server answers with the same receipt.
            save(model, SlotKey::Complaints)
                .and(save(model, SlotKey::Outbox))
                .and(send_now(model))
        }
        Outcome::Retry { after } => schedule_retry(model, item, after),
        Outcome::Refused { code, message } => refuse(model, index, code, message),
    }
}

pub fn on_photo_uploaded(
    model: &mut Model,
    item: Uuid,
    index: u8,
    outcome: Outcome<()>,
) -> Command<Effect, Event> {
    model.sync.in_flight = false;
    let Some(position) = position(model, item) else {
        return send_now(model);
    };
    let entry = &mut model.outbox[position];
    let (OutboxAction::Submit { photos, .. }, Stage::UploadingPhotos { done }) =
        (&entry.action, &mut entry.stage)
    else {
        return send_now(model);
    };
    if *done != index {
        return send_now(model);
    }
    match outcome {
        // A refused photo (too large for the server, say) is skipped: the complaint itself is
        // filed, and holding it back for one photo would help nobody.
        Outcome::Delivered(()) | Outcome::Refused { .. } => {
            model.sync.failures = 0;
            *done += 1;
            let mut cleanup = Vec::new();
            if usize::from(*done) >= photos.len() {
                cleanup = photos.iter().map(|p| kv_delete(&p.key())).collect();
                model.outbox.remove(position);
            }
            save(model, SlotKey::Outbox)
                .and(send_now(model))
                .and(Command::all(cleanup))
        }
        Outcome::Retry { after } => schedule_retry(model, item, after),
    }
}

pub fn on_action_sent(
    model: &mut Model,
    item: Uuid,
    outcome: Outcome<ComplaintRecord>,
) -> Command<Effect, Event> {
    model.sync.in_flight = false;
    let Some(index) = position(model, item) else {
        return send_now(model);
    };
    match outcome {
        Outcome::Delivered(record) => {
            model.sync.failures = 0;
            upsert(model, record);
            model.outbox.remove(index);
            save(model, SlotKey::Complaints)
                .and(save(model, SlotKey::Outbox))
                .and(send_now(model))
        }
        Outcome::Retry { after } => schedule_retry(model, item, after),
        Outcome::Refused { code, message } => refuse(model, index, code, message),
    }
}

fn query_escape(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Fetches the complaints that changed since the last refresh.
pub fn refresh(model: &mut Model) -> Command<Effect, Event> {
    if model.phase != Phase::Ready
        || model.refreshing
        || !device_ready(model)
        || model.api_base_url.is_empty()
    {
        return Command::done();
    }
    model.refreshing = true;
    let mut url = format!("{}{}", model.api_base_url, paths::MY_COMPLAINTS);
    if let Some(cursor) = &model.complaints_cursor {
        url.push_str("?since=");
        url.push_str(&query_escape(cursor));
    }
    let request = Request {
        method: "GET",
        url,
        headers: headers(model),
        body: Vec::new(),
    };
    effects::http(request).then_send(|reply| {
        let page = match classify(reply, json::<MyComplaintsPage>) {
            Outcome::Delivered(page) => Some(page),
            _ => None,
        };
        Event::internal(Internal::ComplaintsFetched(page))
    })
}

pub fn on_complaints_fetched(
    model: &mut Model,
    page: Option<MyComplaintsPage>,
) -> Command<Effect, Event> {
    model.refreshing = false;
    let Some(page) = page else {
        if model.screen == Screen::MyComplaints {
            model.notice = Some(Notice::RefreshFailed);
        }
        return Command::done();
    };
    for record in page.complaints {
        upsert(model, record);
    }
    model.complaints_cursor = Some(page.cursor);
    save(model, SlotKey::Complaints)
}

/// Fetches the catalog if the server has a newer one than the phone.
pub fn fetch_catalog(model: &mut Model) -> Command<Effect, Event> {
    if model.phase != Phase::Ready || model.catalog_loading || model.api_base_url.is_empty() {
        return Command::done();
    }
    model.catalog_loading = true;
    let mut headers = vec![("Accept".to_owned(), "application/json".to_owned())];
    if let Some(etag) = &model.catalog_etag {
        headers.push(("If-None-Match".into(), etag.clone()));
    }
    let url = format!("{}{}", model.api_base_url, paths::CATALOG);
    effects::http(Request {
        method: "GET",
        url,
        headers,
        body: Vec::new(),
    })
    .then_send(|reply| {
        let fresh = match reply {
            Reply::Response(response) if response.status == 200 => {
                let etag = Reply::header(&response, "etag");
                json::<api::Catalog>(&response.body).map(|catalog| StoredCatalog { catalog, etag })
            }
            _ => None,
        };
        Event::internal(Internal::CatalogFetched(fresh))
    })
}

pub fn on_catalog_fetched(
    model: &mut Model,
    fresh: Option<StoredCatalog>,
) -> Command<Effect, Event> {
    model.catalog_loading = false;
    match fresh {
        Some(fresh)
            if !fresh.catalog.categories.is_empty() && !fresh.catalog.municipalities.is_empty() =>
        {
            model.catalog = fresh.catalog;
            model.catalog_etag = fresh.etag;
            save(model, SlotKey::Catalog)
        }
        _ => Command::done(),
    }
}

/// Tells the server the app was opened with the stored campaign's code, once: retried on the
/// next start or network change until the server has answered.
pub fn report_campaign_open(model: &mut Model) -> Command<Effect, Event> {
    let Some(code) = model
        .settings
        .campaign
        .as_ref()
        .filter(|c| !c.reported)
        .map(|c| c.code.clone())
    else {
        return Command::done();
    };
    if model.phase != Phase::Ready
        || model.reporting_campaign
        || !device_ready(model)
        || model.api_base_url.is_empty()
    {
        return Command::done();
    }
    model.reporting_campaign = true;
    let request = Request {
        method: "POST",
        url: format!("{}{}", model.api_base_url, paths::campaign_opened(&code)),
        headers: headers(model),
        body: Vec::new(),
    };
    effects::http(request).then_send(move |reply| {
        // 404: no campaign has this code (a mistyped poster); asking again cannot change that.
        let counted = matches!(&reply, Reply::Response(r) if (200..300).contains(&r.status) || r.status == 404);
        Event::internal(Internal::CampaignOpenReported { code, counted })
    })
}

pub fn on_campaign_open_reported(
    model: &mut Model,
    code: String,
    counted: bool,
) -> Command<Effect, Event> {
    model.reporting_campaign = false;
    match model.settings.campaign.as_mut() {
        Some(campaign) if campaign.code == code && counted => {
            campaign.reported = true;
            save(model, SlotKey::Settings)
        }
        // Another link was opened meanwhile: report that one.
        Some(campaign) if campaign.code != code => report_campaign_open(model),
        _ => Command::done(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_and_stays_under_the_cap() {
        let id = Uuid::from_u128(0x1234_5678_9abc_def0_1234_5678_9abc_def0);
        let mut previous_full = Duration::ZERO;
        for failures in 1..=12 {
            let delay = backoff(failures, id);
            let full = RETRY_BASE
                .saturating_mul(1 << (failures - 1))
                .min(RETRY_CAP);
            assert!(
                delay >= full / 2 && delay <= full,
                "{failures}: {delay:?} vs {full:?}"
            );
            assert!(full >= previous_full);
            previous_full = full;
        }
        assert!(backoff(1000, id) <= RETRY_CAP);
    }

    #[test]
    fn jitter_differs_between_items() {
        let delays: std::collections::BTreeSet<_> = (0..20u128)
            .map(|n| backoff(5, Uuid::from_u128(n * 7919 + 13)))
            .collect();
        assert!(delays.len() > 10);
    }
}
