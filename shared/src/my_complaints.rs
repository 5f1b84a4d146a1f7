//! The citizen's complaints: fetching what changed on the server (from a cursor, so only what
//! is new), rating or reopening a closed complaint, and writing to the institution about an
//! open one ([`crate::messages`]), each queued in the outbox.

use crux_core::Command;
use facet::Facet;
use facet_generate_attrs as typegen;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::api::{MyComplaintsPage, paths};
use crate::calendar::within_reopen_window;
use crate::client::{self, Outcome};
use crate::domain;
use crate::effects::{self, Effect};
use crate::event::Event;
use crate::messages;
use crate::model::{Form, FormError, Model, Notice, OutboxAction, PhotoRef, SlotKey};
use crate::notifications;
use crate::outbox;
use crate::persist::save;
use crate::view_model::Screen;

/// `id` is a complaint's, as the view model gives it; any other id is ignored.
#[derive(Facet, Serialize, Deserialize, Debug)]
#[repr(C)]
pub enum MyComplaintsEvent {
    RefreshRequested,
    RatingSubmitted {
        id: String,
        stars: u8,
        comment: String,
    },
    ReopenSubmitted {
        id: String,
        reason: String,
    },
    /// A photo (JPEG bytes) for the message being written about complaint `id`.
    MessagePhotoAdded {
        id: String,
        #[serde(with = "serde_bytes")]
        #[facet(typegen::bytes)]
        jpeg: Vec<u8>,
    },
    MessagePhotoRemoved {
        id: String,
        index: u32,
    },
    /// Send the message about complaint `id`: an answer to its question, or information added.
    MessageSubmitted {
        id: String,
        text: String,
    },

    /// What changed since the last refresh, or `None` if the server could not be asked; the
    /// core asks, shells never send this.
    #[serde(skip)]
    #[facet(skip)]
    Fetched(#[facet(opaque)] Option<MyComplaintsPage>),
    /// A message's photo was written to the store (or not); the core asks.
    #[serde(skip)]
    #[facet(skip)]
    MessagePhotoStored {
        #[facet(opaque)]
        complaint: Uuid,
        #[facet(opaque)]
        photo: PhotoRef,
        ok: bool,
    },
}

pub fn update(event: MyComplaintsEvent, model: &mut Model) -> Command<Effect, Event> {
    match event {
        MyComplaintsEvent::RefreshRequested => refresh(model),
        MyComplaintsEvent::RatingSubmitted { id, stars, comment } => match Uuid::parse_str(&id) {
            Ok(id) => rate(model, id, stars, &comment),
            Err(_) => Command::done(),
        },
        MyComplaintsEvent::ReopenSubmitted { id, reason } => match Uuid::parse_str(&id) {
            Ok(id) => reopen(model, id, &reason),
            Err(_) => Command::done(),
        },
        MyComplaintsEvent::MessagePhotoAdded { id, jpeg } => match Uuid::parse_str(&id) {
            Ok(id) => messages::add_photo(model, id, &jpeg),
            Err(_) => Command::done(),
        },
        MyComplaintsEvent::MessagePhotoRemoved { id, index } => match Uuid::parse_str(&id) {
            Ok(id) => messages::remove_photo(model, id, index),
            Err(_) => Command::done(),
        },
        MyComplaintsEvent::MessageSubmitted { id, text } => match Uuid::parse_str(&id) {
            Ok(id) => messages::submit(model, id, &text),
            Err(_) => Command::done(),
        },
        MyComplaintsEvent::Fetched(page) => on_fetched(model, page),
        MyComplaintsEvent::MessagePhotoStored {
            complaint,
            photo,
            ok,
        } => messages::on_photo_stored(model, complaint, photo, ok),
    }
}

/// Fetches the complaints that changed since the last refresh.
pub fn refresh(model: &mut Model) -> Command<Effect, Event> {
    if model.refreshing || !model.can_reach_server() {
        return Command::done();
    }
    model.refreshing = true;
    let mut url = client::url(model, paths::MY_COMPLAINTS);
    if let Some(cursor) = &model.complaints.cursor {
        url.push_str("?since=");
        url.push_str(&client::query_escape(cursor));
    }
    effects::http(client::request(model, "GET", url)).then_send(|reply| {
        let page = match client::classify(reply, client::json::<MyComplaintsPage>) {
            Outcome::Delivered(page) => Some(page),
            _ => None,
        };
        MyComplaintsEvent::Fetched(page).into()
    })
}

fn on_fetched(model: &mut Model, page: Option<MyComplaintsPage>) -> Command<Effect, Event> {
    model.refreshing = false;
    let Some(page) = page else {
        if model.screen == Screen::MyComplaints {
            model.notice = Some(Notice::RefreshFailed);
        }
        return Command::done();
    };
    let changed: Vec<Uuid> = page.complaints.iter().map(|r| r.id).collect();
    for record in page.complaints {
        let overdue_for = notifications::already_overdue(model, &record);
        model.complaints.upsert(record, overdue_for);
    }
    model.complaints.cursor = Some(page.cursor);
    notifications::tell(model, &changed).then(save(model, SlotKey::Complaints))
}

fn form_error(model: &mut Model, complaint: Uuid, form: Form, error: domain::InputError) {
    model.form_error = Some(FormError {
        complaint,
        form,
        error,
    });
}

fn rate(model: &mut Model, complaint: Uuid, stars: u8, comment: &str) -> Command<Effect, Event> {
    let Some(record) = model.complaint(complaint) else {
        return Command::done();
    };
    if !record.status.is_closed() {
        return Command::done();
    }
    let checked =
        domain::parse_stars(stars).and_then(|stars| Ok((stars, domain::parse_comment(comment)?)));
    let (stars, comment) = match checked {
        Ok(values) => values,
        Err(error) => {
            form_error(model, complaint, Form::Rating, error);
            return Command::done();
        }
    };
    model.form_error = None;
    model.notice = Some(Notice::RatingQueued);
    outbox::enqueue(
        model,
        Uuid::new_v4(),
        OutboxAction::Rate {
            complaint,
            stars,
            comment,
        },
    )
}

fn reopen(model: &mut Model, complaint: Uuid, reason: &str) -> Command<Effect, Event> {
    if !can_reopen(model, complaint) {
        return Command::done();
    }
    let reason = match domain::parse_reason(reason) {
        Ok(reason) => reason,
        Err(error) => {
            form_error(model, complaint, Form::Reopen, error);
            return Command::done();
        }
    };
    model.form_error = None;
    model.notice = Some(Notice::ReopenQueued);
    outbox::enqueue(
        model,
        Uuid::new_v4(),
        OutboxAction::Reopen { complaint, reason },
    )
}

/// Whether a reopening of `complaint` waits in the outbox.
pub fn reopen_pending(model: &Model, complaint: Uuid) -> bool {
    model
        .outbox
        .iter()
        .any(|i| matches!(&i.action, OutboxAction::Reopen { complaint: c, .. } if *c == complaint))
}

/// Whether the citizen may still reopen a complaint: it was closed (resolved or rejected) at
/// most [`crate::api::limits::REOPEN_WINDOW_DAYS`] days ago, and no reopening is already
/// waiting to go out.
pub fn can_reopen(model: &Model, complaint: Uuid) -> bool {
    let Some(record) = model.complaint(complaint) else {
        return false;
    };
    if !record.status.is_closed() {
        return false;
    }
    let closed_at = record.resolved_at.unwrap_or(record.updated_at);
    let in_window = model
        .now
        .is_none_or(|now| within_reopen_window(closed_at, now));
    !reopen_pending(model, complaint) && in_window
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone, Utc};
    use crux_http::protocol::{HttpResponse, HttpResult};
    use crux_kv::KeyValueOperation;

    use super::*;
    use crate::api::{ComplaintRecord, InstitutionRef, LocalizedText, Status};
    use crate::effects::EffectTestExt as _;

    fn record(id: Uuid, status: Status) -> ComplaintRecord {
        let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
        ComplaintRecord {
            id,
            tracking_code: "ZR-0001".into(),
            category: "water_supply".into(),
            status,
            institution: InstitutionRef {
                id: "gjilan".into(),
                name: LocalizedText::default(),
            },
            explanation: LocalizedText::default(),
            due_date: at.date_naive(),
            submitted_at: at,
            updated_at: at,
            resolved_at: status.is_closed().then_some(at),
            rating: None,
            timeline: Vec::new(),
            contact_held: false,
            pin: None,
        }
    }

    /// A phone that can reach the server, with one complaint of `status`.
    fn phone_with(status: Status) -> (Model, Uuid) {
        let id = Uuid::from_u128(21);
        let mut model = Model::online();
        model.now = Some(Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap());
        model.complaints.upsert(record(id, status), None);
        (model, id)
    }

    #[test]
    fn a_refresh_asks_from_the_cursor_and_keeps_what_came() {
        let (mut model, id) = phone_with(Status::InProgress);
        model.complaints.cursor = Some("7 8".into());
        let mut command = update(MyComplaintsEvent::RefreshRequested, &mut model);
        let mut request = command.expect_one_effect().expect_http();
        assert_eq!(
            request.operation.url,
            "https://zeri.test/api/v1/complaints/mine?since=7%208"
        );
        assert!(refresh(&mut model).is_done(), "one refresh at a time");

        let page = MyComplaintsPage {
            complaints: vec![record(id, Status::Resolved)],
            cursor: "9".into(),
        };
        let answer = HttpResponse {
            status: 200,
            headers: vec![],
            body: serde_json::to_vec(&page).unwrap(),
        };
        request.resolve(HttpResult::Ok(answer)).unwrap();
        let Event::MyComplaints(fetched) = command.expect_one_event() else {
            panic!("a my-complaints event")
        };
        update(fetched, &mut model).expect_key_value_with(|op| {
            assert!(matches!(op, KeyValueOperation::Set { key, .. } if key == "complaints"))
        });
        assert_eq!(model.complaint(id).unwrap().status, Status::Resolved);
        assert_eq!(model.complaints.cursor.as_deref(), Some("9"));
        assert!(!model.refreshing);
    }

    #[test]
    fn a_failed_refresh_says_so_on_my_complaints() {
        let (mut model, _) = phone_with(Status::InProgress);
        model.screen = Screen::MyComplaints;
        model.refreshing = true;
        update(MyComplaintsEvent::Fetched(None), &mut model).expect_done();
        assert_eq!(model.notice, Some(Notice::RefreshFailed));
    }

    #[test]
    fn a_rating_is_checked_then_queued_for_a_closed_complaint_only() {
        let (mut model, id) = phone_with(Status::InProgress);
        let rate = |stars| MyComplaintsEvent::RatingSubmitted {
            id: id.to_string(),
            stars,
            comment: String::new(),
        };
        update(rate(4), &mut model).expect_done();
        assert!(model.outbox.is_empty(), "not while it is open");

        let (mut model, id) = phone_with(Status::Resolved);
        let rate = |stars| MyComplaintsEvent::RatingSubmitted {
            id: id.to_string(),
            stars,
            comment: String::new(),
        };
        update(rate(9), &mut model).expect_done();
        assert_eq!(model.form_error.as_ref().unwrap().form, Form::Rating);
        update(rate(4), &mut model).expect_key_value_with(|op| {
            assert!(matches!(op, KeyValueOperation::Set { key, .. } if key == "outbox"))
        });
        assert_eq!(model.form_error, None);
        assert_eq!(model.notice, Some(Notice::RatingQueued));
    }

    #[test]
    fn a_reopening_is_allowed_once_within_thirty_days_of_closing() {
        let (mut model, id) = phone_with(Status::Resolved);
        assert!(can_reopen(&model, id));
        let reopen = || MyComplaintsEvent::ReopenSubmitted {
            id: id.to_string(),
            reason: "The pipe leaks again since Sunday".into(),
        };
        let _ = update(reopen(), &mut model);
        assert!(reopen_pending(&model, id));
        assert!(!can_reopen(&model, id), "one reopening waits already");
        update(reopen(), &mut model).expect_done();

        let (mut model, id) = phone_with(Status::Resolved);
        model.now = model.now.map(|now| now + Duration::days(30));
        assert!(!can_reopen(&model, id));
    }
}
