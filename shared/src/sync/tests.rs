//! Sending the outbox, one effect at a time.

use chrono::{TimeZone, Utc};
use crux_http::protocol::{HttpHeader, HttpResponse, HttpResult};
use crux_kv::{KeyValueOperation, KeyValueResponse, KeyValueResult};

use super::*;
use crate::api::{ApiLanguage, InstitutionRef, LocalizedText, Location, NewComplaint, Status};
use crate::effects::EffectTestExt as _;
use crate::model::{Notice, OutboxItem, PhotoRef, SlotKey};

const ITEM: Uuid = Uuid::from_u128(31);

/// A phone that can reach the server, with one complaint queued (and on disk).
fn phone(photos: usize) -> Model {
    let mut model = Model::online();
    let complaint = NewComplaint {
        id: ITEM,
        category: "water_supply".into(),
        description: "No water in Dardania since Monday".into(),
        location: Location::Municipality {
            id: "gjilan".into(),
        },
        contact: None,
        photo_count: u8::try_from(photos).unwrap(),
        language: ApiLanguage::En,
        campaign: None,
    };
    let photos = (0..photos)
        .map(|n| PhotoRef {
            id: Uuid::from_u128(100 + n as u128),
            size: 1,
        })
        .collect();
    model.outbox.push(OutboxItem {
        id: ITEM,
        action: OutboxAction::Submit { complaint, photos },
        stage: Stage::Pending,
        added_in: 0,
    });
    model
}

fn receipt() -> ComplaintReceipt {
    let at = Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
    ComplaintReceipt {
        id: ITEM,
        tracking_code: "ZR-0001".into(),
        status: Status::Submitted,
        institution: InstitutionRef {
            id: "gjilan".into(),
            name: LocalizedText::default(),
        },
        explanation: LocalizedText::default(),
        due_date: at.date_naive(),
        submitted_at: at,
        pin: Some("48210937".into()),
    }
}

fn answer(status: u16, body: Vec<u8>) -> HttpResult {
    HttpResult::Ok(HttpResponse {
        status,
        headers: vec![HttpHeader {
            name: "content-type".into(),
            value: "application/json".into(),
        }],
        body,
    })
}

/// Sends, answers the one request with `result`, and handles what came back.
fn send_and_answer(model: &mut Model, result: HttpResult) -> Command<Effect, Event> {
    let mut command = send_now(model);
    let mut request = command.expect_one_effect().expect_http();
    request.resolve(result).unwrap();
    let Event::Sync(event) = command.expect_one_event() else {
        panic!("a sync event")
    };
    update(*event, model)
}

#[test]
fn a_complaint_is_posted_as_the_device_with_its_id() {
    let mut model = phone(0);
    let mut command = send_now(&mut model);
    command.expect_http_with(|op| {
        assert_eq!(op.method, "POST");
        assert_eq!(op.url, "https://zeri.test/api/v1/complaints");
        assert!(
            op.headers
                .iter()
                .any(|h| h.name == "Authorization" && h.value == "Device secret")
        );
        let sent: NewComplaint = serde_json::from_slice(&op.body).unwrap();
        assert_eq!(sent.id, ITEM);
    });
    assert!(send_now(&mut model).is_done(), "one item at a time");
    assert_eq!(sending_item(&model), Some(ITEM));
}

#[test]
fn nothing_is_sent_before_the_device_secret_is_on_disk() {
    let mut model = phone(0);
    model.slots.get_mut(SlotKey::Device).persisted = 0;
    send_now(&mut model).expect_done();
}

#[test]
fn a_receipt_makes_the_complaint_mine_and_empties_the_outbox() {
    let mut model = phone(0);
    let mut command = send_and_answer(
        &mut model,
        answer(201, serde_json::to_vec(&receipt()).unwrap()),
    );
    assert!(model.outbox.is_empty());
    assert_eq!(model.complaint(ITEM).unwrap().tracking_code, "ZR-0001");
    assert_eq!(
        model.notice,
        Some(Notice::Sent {
            tracking_code: "ZR-0001".into()
        })
    );
    // Complaints are written before the outbox.
    for key in ["complaints", "outbox"] {
        command.expect_key_value_with(|op| {
            assert!(matches!(op, KeyValueOperation::Set { key: k, .. } if k == key))
        });
    }
}

#[test]
fn a_server_error_is_retried_after_a_timer() {
    let mut model = phone(0);
    let mut command = send_and_answer(&mut model, answer(503, Vec::new()));
    command.expect_time_with(|_| {});
    assert_eq!(model.sync.failures, 1);
    assert_eq!(model.outbox[0].stage, Stage::Pending);
    assert!(!model.sync.in_flight);
}

#[test]
fn a_refusal_waits_for_the_citizen() {
    let mut model = phone(0);
    let body = br#"{"error":{"code":"unknown_category","message":"No such category."}}"#;
    let _ = send_and_answer(&mut model, answer(422, body.to_vec()));
    assert_eq!(
        model.outbox[0].stage,
        Stage::Rejected {
            code: "unknown_category".into(),
            message: "No such category.".into()
        }
    );
    send_now(&mut model).expect_done();
}

#[test]
fn photos_go_up_one_by_one_after_the_complaint_and_are_then_deleted() {
    let mut model = phone(2);
    let mut command = send_and_answer(
        &mut model,
        answer(201, serde_json::to_vec(&receipt()).unwrap()),
    );
    assert_eq!(model.outbox[0].stage, Stage::UploadingPhotos { done: 0 });
    for index in 0..2u8 {
        // Beside the writes, the next photo is read from the store, then sent.
        let mut read = command
            .effects()
            .find_map(|effect| match effect {
                Effect::KeyValue(request)
                    if matches!(request.operation, KeyValueOperation::Get { .. }) =>
                {
                    Some(request)
                }
                _ => None,
            })
            .expect("the photo is read");
        let photo = KeyValueResponse::Get {
            value: Some(vec![0xFF, 0xD8]).into(),
        };
        read.resolve(KeyValueResult::Ok { response: photo })
            .unwrap();
        let mut upload = command.expect_one_effect().expect_http();
        assert_eq!(upload.operation.method, "PUT");
        assert!(upload.operation.url.ends_with(&format!("/photos/{index}")));
        upload.resolve(answer(204, Vec::new())).unwrap();
        let Event::Sync(event) = command.expect_one_event() else {
            panic!("a sync event")
        };
        command = update(*event, &mut model);
    }
    assert!(model.outbox.is_empty());
    let deletes = command
        .effects()
        .filter(|effect| {
            matches!(effect, Effect::KeyValue(request)
                if matches!(request.operation, KeyValueOperation::Delete { .. }))
        })
        .count();
    assert_eq!(deletes, 2, "both photos leave the phone");
}

/// The server erases a device's complaints a thousand at a time: after a full batch the phone
/// asks again, and stops once a request erased fewer.
#[test]
fn an_erasure_is_asked_again_while_the_server_erases_a_full_batch() {
    let mut model = Model::online();
    model.outbox.push(OutboxItem {
        id: ITEM,
        action: OutboxAction::EraseMyData,
        stage: Stage::Pending,
        added_in: 0,
    });
    let erased = |complaints: u32| {
        answer(
            200,
            serde_json::to_vec(&crate::api::my_data::Erasure { complaints }).unwrap(),
        )
    };
    let full = crate::api::my_data::EXPORT_MAX_COMPLAINTS as u32;
    let mut command = send_and_answer(&mut model, erased(full));
    assert_eq!(model.outbox.len(), 1, "more may be left");
    assert_eq!(sending_item(&model), Some(ITEM), "asked again at once");
    let mut again = command.effects().find_map(|e| match e {
        Effect::Http(request) => Some(request),
        _ => None,
    });
    again
        .as_mut()
        .expect("the second request")
        .resolve(erased(7))
        .unwrap();
    for event in command.events() {
        if let Event::Sync(event) = event {
            let _ = update(*event, &mut model);
        }
    }
    assert!(model.outbox.is_empty(), "fewer than a batch: done");
    assert_eq!(model.notice, Some(Notice::DataErased));
}
