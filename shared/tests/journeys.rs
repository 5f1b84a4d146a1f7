//! The citizen's journeys, driven through the core's full effect loop: event, effects carried out
//! by a fake phone, answers from a fake server, follow-up events, and the resulting view.

mod support;

use chrono::NaiveDate;
use std::time::Duration;

use shared::api::{InstitutionRef, LocalizedText, Status};
use shared::sync::{RETRY_BASE, RETRY_CAP};
use shared::view_model::{OutboxState, Screen, StatusCode};
use shared::{
    DraftEvent, Language, LifecycleEvent, LinkEvent, MyComplaintsEvent, NavigationEvent,
    OutboxEvent, SettingsEvent,
};
use support::{Network, Phone, jpeg_with_gps, server};

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn first_launch_asks_for_language_then_shows_home() {
    let mut phone = Phone::new(server());
    phone.send(LifecycleEvent::Started {
        api_base_url: support::BASE_URL.into(),
        debug_build: false,
    });
    let view = phone.view();
    assert_eq!(view.screen, Screen::Welcome);
    assert_eq!(view.language, Language::Albanian);
    assert_eq!(view.welcome.languages.len(), 4);

    phone.send(SettingsEvent::LanguageSelected {
        language: Language::English,
    });
    phone.send(SettingsEvent::WelcomeFinished);
    let view = phone.view();
    assert_eq!(view.screen, Screen::Home);
    assert_eq!(view.home.new_complaint_label, "New complaint");

    // Settings survive a restart: no welcome screen again, still English.
    phone.restart();
    let view = phone.view();
    assert_eq!(view.screen, Screen::Home);
    assert_eq!(view.home.title, "How can we help?");
}

#[test]
fn the_draft_is_saved_as_it_is_typed_and_restored_after_the_app_is_killed() {
    let mut phone = Phone::launched(server()).on(Screen::NewComplaint);
    phone.send(DraftEvent::CategorySelected {
        id: "water_supply".into(),
    });
    phone.send(DraftEvent::DescriptionChanged {
        text: "No water in Dardania since Monday".into(),
    });
    phone.send(DraftEvent::GpsLocated {
        lat: 42.6532,
        lon: 21.1542,
    });
    phone.send(DraftEvent::ContactPhoneChanged {
        text: "+383 44 123 456".into(),
    });
    phone.send(DraftEvent::PhotoAdded {
        jpeg: jpeg_with_gps(1),
    });

    phone.restart();
    let draft = phone.view().draft;
    assert_eq!(draft.description.value, "No water in Dardania since Monday");
    assert!(
        draft
            .category
            .options
            .iter()
            .any(|o| o.id == "water_supply" && o.selected)
    );
    assert_eq!(
        draft.location.summary.as_deref(),
        Some("Vendndodhja ime: 42.65320, 21.15420")
    );
    assert_eq!(draft.contact_phone.value, "+383 44 123 456");
    assert_eq!(draft.photos.items.len(), 1);
}

#[test]
fn validation_messages_appear_after_submit_in_every_language() {
    let mut phone = Phone::launched(server()).on(Screen::NewComplaint);
    phone.send(DraftEvent::DescriptionChanged {
        text: "short".into(),
    });
    assert_eq!(
        phone.view().draft.description.error,
        None,
        "no message before the first submit"
    );

    phone.send(DraftEvent::SubmitTapped);
    let expected = [
        (
            Language::Albanian,
            "Zgjidh një kategori.",
            "Përshkruaje problemin me të paktën 10 shkronja.",
        ),
        (
            Language::SerbianLatin,
            "Izaberi kategoriju.",
            "Opiši problem sa najmanje 10 znakova.",
        ),
        (
            Language::SerbianCyrillic,
            "Изабери категорију.",
            "Опиши проблем са најмање 10 знакова.",
        ),
        (
            Language::English,
            "Choose a category.",
            "Describe the problem in at least 10 characters.",
        ),
    ];
    for (language, category, description) in expected {
        phone.send(SettingsEvent::LanguageSelected { language });
        let draft = phone.view().draft;
        assert_eq!(draft.category.error.as_deref(), Some(category));
        assert_eq!(draft.description.error.as_deref(), Some(description));
        assert!(draft.location.error.is_some());
        assert!(
            draft.contact_error.is_some(),
            "not anonymous and no contact"
        );
    }
    assert_eq!(phone.posts(), 0);
    assert!(phone.view().my_complaints.pending.is_empty());
}

#[test]
fn gps_outside_kosovo_and_bad_contact_details_are_field_errors() {
    let mut phone = Phone::launched(server())
        .speaking(Language::English)
        .on(Screen::NewComplaint);
    phone.send(DraftEvent::GpsLocated {
        lat: 41.3275,
        lon: 19.8187,
    });
    assert_eq!(
        phone.view().draft.location.error.as_deref(),
        Some("This location is outside Kosovo. Choose a municipality instead.")
    );
    phone.send(DraftEvent::ContactEmailChanged {
        text: "arta@".into(),
    });
    phone.send(DraftEvent::SubmitTapped);
    let draft = phone.view().draft;
    assert_eq!(
        draft.contact_email.error.as_deref(),
        Some("This email address does not look right.")
    );
    phone.send(DraftEvent::MunicipalitySelected {
        id: "gjilan".into(),
    });
    assert_eq!(phone.view().draft.location.error, None);
    assert_eq!(
        phone.view().draft.location.summary.as_deref(),
        Some("Municipality: Gjilan")
    );
}

#[test]
fn a_complaint_sent_offline_is_queued_then_posted_exactly_once_when_online() {
    let server = server();
    let mut phone = Phone::launched(server.clone()).speaking(Language::English);
    phone.network = Network::Offline;
    phone.submit_complaint("Garbage not collected on Rruga e Dëshmorëve for two weeks");

    let view = phone.view();
    assert_eq!(view.screen, Screen::MyComplaints);
    assert_eq!(
        view.notice.unwrap().text,
        "Your complaint is saved on this phone and will be sent as soon as there is a connection."
    );
    assert_eq!(view.my_complaints.pending.len(), 1);
    assert_eq!(view.my_complaints.pending[0].state, OutboxState::Queued);
    assert_eq!(
        view.draft.description.value, "",
        "the draft is cleared once queued"
    );
    assert!(server.borrow().complaints.is_empty());

    phone.network = Network::Online;
    phone.send(LifecycleEvent::NetworkOnline);
    phone.send(LifecycleEvent::Foregrounded);
    phone.fire_timers();

    assert_eq!(server.borrow().complaints.len(), 1);
    assert_eq!(server.borrow().complaint_posts, 1);
    let view = phone.view();
    assert!(view.my_complaints.pending.is_empty());
    let card = &view.my_complaints.items[0];
    assert_eq!(card.tracking_code, "ZR-0001");
    assert_eq!(card.institution, "Directorate of Public Services, Gjilan");
    assert_eq!(card.status, StatusCode::Submitted);
    assert_eq!(card.due_label, "Answer due by 11 Dec 2026");
    assert_eq!(
        view.notice.unwrap().text,
        "Your complaint was received. Tracking code: ZR-0001"
    );
}

#[test]
fn failed_sends_are_retried_with_growing_delays_and_retry_after_is_honoured() {
    let server = server();
    let mut phone = Phone::launched(server.clone());
    phone.network = Network::Status {
        status: 503,
        retry_after: None,
    };
    phone.submit_complaint("Street light broken at the bus stop near the school");

    let mut delays = Vec::new();
    for _ in 0..8 {
        let fired = phone.fire_timers();
        assert_eq!(fired.len(), 1, "exactly one retry timer at a time");
        delays.push(fired[0]);
    }
    for (attempt, delay) in delays.iter().enumerate() {
        let full = RETRY_BASE.saturating_mul(1 << attempt).min(RETRY_CAP);
        assert!(
            *delay >= full / 2 && *delay <= full,
            "attempt {attempt}: {delay:?}"
        );
    }
    assert!(delays[5] > delays[0] * 4, "delays grow: {delays:?}");
    assert_eq!(phone.posts(), 9);

    phone.network = Network::Status {
        status: 429,
        retry_after: Some(600),
    };
    let fired = phone.fire_timers();
    assert_eq!(fired.len(), 1);
    assert!(
        phone.timers[0].0 >= Duration::from_secs(600),
        "Retry-After beats the backoff cap"
    );

    phone.network = Network::Online;
    phone.fire_timers();
    assert_eq!(server.borrow().complaints.len(), 1);
    assert!(phone.timers.is_empty(), "nothing left to retry");
}

#[test]
fn a_refusal_stops_retrying_and_shows_the_reason_with_edit_and_discard() {
    let server = server();
    let mut phone = Phone::launched(server.clone()).speaking(Language::SerbianLatin);
    server.borrow_mut().refuse_complaints_with = Some("outside_kosovo".into());
    phone.submit_complaint("Pothole on the road to the village, very deep");

    let item = phone.view().my_complaints.pending[0].clone();
    assert_eq!(item.state, OutboxState::Rejected);
    assert_eq!(
        item.error.as_deref(),
        Some("Ova lokacija je van Kosova. Izaberi opštinu.")
    );
    assert!(item.edit_label.is_some() && item.discard_label.is_some());
    assert!(phone.timers.is_empty(), "no retry after a refusal");

    phone.send(LifecycleEvent::NetworkOnline);
    phone.send(LifecycleEvent::Foregrounded);
    assert_eq!(
        phone.posts(),
        1,
        "a refused item is not sent again by itself"
    );

    // Edit and resend: back in the draft with the same id, accepted this time.
    phone.send(OutboxEvent::EditTapped {
        id: item.id.clone(),
    });
    let view = phone.view();
    assert_eq!(view.screen, Screen::NewComplaint);
    assert_eq!(
        view.draft.description.value,
        "Pothole on the road to the village, very deep"
    );
    assert!(view.my_complaints.pending.is_empty());
    server.borrow_mut().refuse_complaints_with = None;
    phone.send(DraftEvent::SubmitTapped);
    assert_eq!(server.borrow().complaints.len(), 1);
    assert!(
        server
            .borrow()
            .complaints
            .contains_key(&item.id.parse().unwrap())
    );
}

#[test]
fn a_refused_complaint_can_be_discarded_with_its_photos() {
    let server = server();
    let mut phone = Phone::launched(server.clone());
    server.borrow_mut().refuse_complaints_with = Some("unknown_category".into());
    phone.draft_complaint("Broken bench in the city park, dangerous for kids");
    phone.send(DraftEvent::PhotoAdded {
        jpeg: jpeg_with_gps(7),
    });
    phone.send(DraftEvent::SubmitTapped);
    assert_eq!(
        phone
            .store
            .keys()
            .filter(|k| k.starts_with("photo/"))
            .count(),
        1
    );

    let id = phone.view().my_complaints.pending[0].id.clone();
    phone.send(OutboxEvent::DiscardTapped { id });
    assert!(phone.view().my_complaints.pending.is_empty());
    assert_eq!(
        phone
            .store
            .keys()
            .filter(|k| k.starts_with("photo/"))
            .count(),
        0
    );
    phone.restart();
    assert!(phone.view().my_complaints.pending.is_empty());
}

#[test]
fn a_queued_complaint_survives_a_restart_and_is_sent_once() {
    let server = server();
    let mut phone = Phone::launched(server.clone());
    phone.network = Network::Offline;
    phone.submit_complaint("The school heating has not worked for a week");
    phone.submit_complaint("Bus line 4 never comes on time in the morning");
    assert_eq!(phone.view().my_complaints.pending.len(), 2);

    phone.network = Network::Online;
    phone.restart();
    phone.fire_timers();
    assert_eq!(server.borrow().complaints.len(), 2);
    assert_eq!(
        server.borrow().complaint_posts,
        2,
        "each reached the server once"
    );
    assert!(phone.view().my_complaints.pending.is_empty());
    assert_eq!(phone.view().my_complaints.items.len(), 2);
}

#[test]
fn a_lost_answer_after_the_server_committed_does_not_create_a_duplicate() {
    let server = server();
    let mut phone = Phone::launched(server.clone());
    phone.network = Network::LoseResponses;
    phone.submit_complaint("Sewage overflowing into the street after rain");
    assert_eq!(server.borrow().complaints.len(), 1);
    assert_eq!(
        phone.view().my_complaints.pending.len(),
        1,
        "the phone does not know it arrived"
    );

    phone.network = Network::Online;
    phone.fire_timers();
    assert_eq!(server.borrow().complaint_posts, 2);
    assert_eq!(server.borrow().complaints.len(), 1);
    assert!(phone.view().my_complaints.pending.is_empty());
    assert_eq!(phone.view().my_complaints.items[0].tracking_code, "ZR-0001");
}

#[test]
fn a_failed_queue_write_never_shows_queued_and_keeps_the_draft() {
    let server = server();
    let mut phone = Phone::launched(server.clone()).speaking(Language::English);
    phone.failing_writes = Some("outbox".into());
    phone.draft_complaint("Illegal dumping behind the market every night");

    // Watch every state the view passes through, not only the last.
    phone.post(DraftEvent::SubmitTapped);
    let mut seen = Vec::new();
    while phone.step(0) {
        seen.extend(phone.view().my_complaints.pending.iter().map(|p| p.state));
    }
    assert!(!seen.contains(&OutboxState::Queued), "{seen:?}");
    let view = phone.view();
    assert!(view.my_complaints.pending.is_empty());
    assert_eq!(
        view.draft.description.value,
        "Illegal dumping behind the market every night"
    );
    assert!(!view.draft.submitting);
    assert!(
        view.notice
            .unwrap()
            .text
            .starts_with("Your complaint could not be saved on this phone")
    );
    assert!(server.borrow().complaints.is_empty());

    // Storage recovers: the same draft goes through.
    phone.failing_writes = None;
    phone.send(DraftEvent::SubmitTapped);
    assert_eq!(server.borrow().complaints.len(), 1);
}

#[test]
fn a_draft_queued_just_before_the_app_died_does_not_come_back_as_a_draft() {
    let server = server();
    let mut phone = Phone::launched(server.clone());
    phone.network = Network::Offline;
    phone.draft_complaint("Stray dogs near the primary school every morning");
    phone.post(DraftEvent::SubmitTapped);
    // Carry out only the outbox write, then die before the core hears it succeeded.
    let outbox_write = phone
        .queue
        .iter()
        .position(|e| matches!(e, shared::Effect::KeyValue(r) if matches!(&r.operation, crux_kv::KeyValueOperation::Set { key, .. } if key == "outbox")))
        .expect("an outbox write");
    let effect = phone.queue.remove(outbox_write).unwrap();
    phone.queue.push_front(effect);
    phone.step(0);
    assert!(phone.store.contains_key("outbox") && phone.store.contains_key("draft"));

    phone.network = Network::Online;
    phone.restart();
    let view = phone.view();
    assert_eq!(
        view.draft.description.value, "",
        "the queued draft is not offered again"
    );
    assert_eq!(server.borrow().complaints.len(), 1);
}

#[test]
fn photos_lose_their_location_on_the_phone_and_arrive_after_the_complaint() {
    let server = server();
    let mut phone = Phone::launched(server.clone());
    phone.draft_complaint("Broken water pipe flooding the sidewalk");
    phone.send(DraftEvent::PhotoAdded {
        jpeg: jpeg_with_gps(1),
    });
    phone.send(DraftEvent::PhotoAdded {
        jpeg: jpeg_with_gps(2),
    });
    let stored: Vec<_> = phone
        .store
        .iter()
        .filter(|(k, _)| k.starts_with("photo/"))
        .map(|(_, v)| v.clone())
        .collect();
    assert_eq!(stored.len(), 2);
    assert!(stored.iter().all(|p| !contains(p, b"GPSLatitude")));

    phone.send(DraftEvent::SubmitTapped);
    let server = server.borrow();
    let complaint = server.complaints.values().next().unwrap();
    assert_eq!(complaint.request.photo_count, 2);
    assert_eq!(complaint.photos.len(), 2);
    assert!(
        complaint
            .photos
            .values()
            .all(|p| !contains(p, b"GPSLatitude") && p.starts_with(&[0xFF, 0xD8]))
    );
    assert_eq!(
        phone
            .store
            .keys()
            .filter(|k| k.starts_with("photo/"))
            .count(),
        0,
        "uploaded photos are removed"
    );
    assert!(phone.view().my_complaints.pending.is_empty());
}

#[test]
fn photos_beyond_the_limits_or_not_jpeg_are_refused_with_a_message() {
    let mut phone = Phone::launched(server())
        .speaking(Language::English)
        .on(Screen::NewComplaint);
    phone.send(DraftEvent::PhotoAdded {
        jpeg: b"GIF89a not a photo".to_vec(),
    });
    assert_eq!(
        phone.view().notice.unwrap().text,
        "This file could not be read as a photo."
    );
    // A small file that says it is 65535 × 65535 pixels.
    let mut bomb = jpeg_with_gps(1);
    let frame = bomb.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    bomb[frame + 5..frame + 9].copy_from_slice(&[0xFF; 4]);
    phone.send(DraftEvent::PhotoAdded { jpeg: bomb });
    assert_eq!(
        phone.view().notice.unwrap().text,
        "This photo has too many pixels: at most 8000 on each side and 40 megapixels in all. \
         Send a smaller copy, or take the photo at a lower resolution."
    );
    assert!(phone.view().draft.photos.items.is_empty());
    for seed in 1..=3 {
        phone.send(DraftEvent::PhotoAdded {
            jpeg: jpeg_with_gps(seed),
        });
    }
    assert!(!phone.view().draft.photos.can_add);
    phone.send(DraftEvent::PhotoAdded {
        jpeg: jpeg_with_gps(4),
    });
    assert_eq!(
        phone.view().notice.unwrap().text,
        "You can add at most 3 photos."
    );
    assert_eq!(phone.view().draft.photos.items.len(), 3);
    phone.send(DraftEvent::PhotoRemoved { index: 0 });
    assert_eq!(phone.view().draft.photos.items.len(), 2);
    assert_eq!(
        phone
            .store
            .keys()
            .filter(|k| k.starts_with("photo/"))
            .count(),
        2
    );
}

/// A complaint left unanswered past its deadline is escalated: the citizen sees where it went,
/// in their language, and its status is what it was.
#[test]
fn an_escalation_shows_in_the_timeline_in_the_citizens_language() {
    let server = server();
    let mut phone = Phone::launched(server.clone()).speaking(Language::Albanian);
    phone.submit_complaint("Gropa të mëdha në rrugë që nga vjeshta");
    let id = *server.borrow().complaints.keys().next().unwrap();
    server.borrow_mut().escalate(
        id,
        InstitutionRef {
            id: "prishtine:mun_mayor".into(),
            name: LocalizedText {
                sq: "Zyra e Kryetarit të Komunës, Prishtinë".into(),
                sr: "Kabinet predsednika opštine, Priština".into(),
                en: "Office of the Mayor, Prishtina".into(),
            },
        },
    );
    phone.send(MyComplaintsEvent::RefreshRequested);
    phone.send(NavigationEvent::ComplaintOpened { id: id.to_string() });
    let detail = phone.view().detail.unwrap();
    assert_eq!(detail.status, StatusCode::Submitted);
    let last = detail.timeline.last().unwrap();
    assert_eq!(
        last.title,
        "U përshkallëzua te Zyra e Kryetarit të Komunës, Prishtinë: afati kaloi pa përgjigje"
    );
    phone.send(SettingsEvent::LanguageSelected {
        language: Language::SerbianCyrillic,
    });
    let detail = phone.view().detail.unwrap();
    assert!(
        detail
            .timeline
            .last()
            .unwrap()
            .title
            .starts_with("Ескалирано"),
        "{}",
        detail.timeline.last().unwrap().title
    );
}

#[test]
fn my_complaints_refresh_fetches_only_what_changed_and_shows_replies_and_transfers() {
    let server = server();
    let mut phone = Phone::launched(server.clone()).speaking(Language::English);
    phone.submit_complaint("Garbage containers overflowing in the city centre");
    let id = *server.borrow().complaints.keys().next().unwrap();

    phone.send(MyComplaintsEvent::RefreshRequested);
    let first_cursor_request = phone.last_request_to("/mine").url;

    server.borrow_mut().transfer(
        id,
        InstitutionRef {
            id: "krm_ekohigjiena".into(),
            name: LocalizedText {
                sq: "Ekohigjiena".into(),
                sr: "Ekohigijena".into(),
                en: "Ekohigjiena (Gjilan)".into(),
            },
        },
        "Waste collection in Gjilan is contracted to the regional company.",
        NaiveDate::from_ymd_opt(2026, 12, 11).unwrap(),
    );
    phone.send(MyComplaintsEvent::RefreshRequested);
    let url = phone.last_request_to("/mine").url;
    assert!(url.contains("since="), "{url}");
    assert_ne!(url, first_cursor_request, "the cursor moves on");

    phone.send(NavigationEvent::ComplaintOpened { id: id.to_string() });
    let detail = phone.view().detail.unwrap();
    assert_eq!(detail.status, StatusCode::Transferred);
    assert_eq!(detail.institution, "Ekohigjiena (Gjilan)");
    let last = detail.timeline.last().unwrap();
    assert_eq!(last.title, "Transferred to Ekohigjiena (Gjilan)");
    assert_eq!(
        last.text.as_deref(),
        Some("Waste collection in Gjilan is contracted to the regional company.")
    );

    server.borrow_mut().resolve(
        id,
        "Containers emptied and a second pickup added on Fridays.",
    );
    phone.send(LifecycleEvent::Foregrounded);
    let detail = phone.view().detail.unwrap();
    assert_eq!(detail.status, StatusCode::Resolved);
    assert_eq!(
        detail.timeline.last().unwrap().title,
        "Reply from the institution"
    );
    assert!(detail.rating.is_some() && detail.reopen.is_some());
}

#[test]
fn a_citizen_rates_and_reopens_a_resolved_complaint() {
    let server = server();
    let mut phone = Phone::launched(server.clone()).speaking(Language::English);
    phone.submit_complaint("Potholes on the road to the health centre");
    let id = *server.borrow().complaints.keys().next().unwrap();
    phone.send(NavigationEvent::ComplaintOpened { id: id.to_string() });
    assert!(
        phone.view().detail.unwrap().rating.is_none(),
        "no rating while open"
    );

    server.borrow_mut().resolve(id, "Repaired.");
    phone.send(MyComplaintsEvent::RefreshRequested);

    phone.send(MyComplaintsEvent::RatingSubmitted {
        id: id.to_string(),
        stars: 9,
        comment: String::new(),
    });
    assert_eq!(
        phone
            .view()
            .detail
            .unwrap()
            .rating
            .unwrap()
            .error
            .as_deref(),
        Some("Choose from 1 to 5 stars.")
    );
    phone.send(MyComplaintsEvent::RatingSubmitted {
        id: id.to_string(),
        stars: 2,
        comment: "Only half of it".into(),
    });
    assert_eq!(
        server.borrow().complaints[&id]
            .record
            .rating
            .as_ref()
            .unwrap()
            .stars,
        2
    );
    assert_eq!(
        phone.view().detail.unwrap().rating.unwrap().current_stars,
        2
    );

    phone.send(MyComplaintsEvent::ReopenSubmitted {
        id: id.to_string(),
        reason: "no".into(),
    });
    assert_eq!(
        phone
            .view()
            .detail
            .unwrap()
            .reopen
            .unwrap()
            .error
            .as_deref(),
        Some("Give a reason of at least 10 characters.")
    );
    phone.network = Network::LoseResponses;
    phone.send(MyComplaintsEvent::ReopenSubmitted {
        id: id.to_string(),
        reason: "The holes are back after one week".into(),
    });
    phone.network = Network::Online;
    phone.fire_timers();
    let server = server.borrow();
    assert_eq!(server.complaints[&id].record.status, Status::Reopened);
    assert_eq!(
        server.complaints[&id].reopen_requests.len(),
        1,
        "a retried reopen is one reopen"
    );
    let detail = phone.view().detail.unwrap();
    assert_eq!(detail.status, StatusCode::Reopened);
    assert!(
        detail.reopen.is_none(),
        "an open complaint cannot be reopened"
    );
}

#[test]
fn reopening_closes_thirty_days_after_resolution() {
    let server = server();
    let mut phone = Phone::launched(server.clone());
    phone.submit_complaint("Street lights off in the whole neighbourhood");
    let id = *server.borrow().complaints.keys().next().unwrap();
    server.borrow_mut().resolve(id, "Fixed.");
    phone.now += chrono::Duration::days(31);
    phone.send(LifecycleEvent::Foregrounded);
    phone.send(NavigationEvent::ComplaintOpened { id: id.to_string() });
    let detail = phone.view().detail.unwrap();
    assert!(detail.rating.is_some());
    assert!(detail.reopen.is_none());
    phone.send(MyComplaintsEvent::ReopenSubmitted {
        id: id.to_string(),
        reason: "It is dark again at night".into(),
    });
    assert_eq!(
        server.borrow().complaints[&id].record.status,
        Status::Resolved
    );
}

#[test]
fn the_catalog_is_built_in_and_refreshed_with_an_etag() {
    let server = server();
    let mut phone = Phone::new(server.clone());
    phone.network = Network::Offline;
    phone.send(LifecycleEvent::Started {
        api_base_url: support::BASE_URL.into(),
        debug_build: false,
    });
    assert_eq!(
        phone.view().draft.location.municipalities.len(),
        38,
        "works offline on first launch"
    );

    phone.network = Network::Online;
    phone.send(LifecycleEvent::Foregrounded);
    assert!(phone.store.contains_key("catalog"));
    phone.restart();
    // The stored ETag goes with the next catalog request, and "not modified" keeps the copy.
    let catalog_request = phone
        .requests
        .iter()
        .rev()
        .find(|r| r.url.ends_with("/api/v1/catalog"))
        .unwrap();
    let etag = catalog_request
        .headers
        .iter()
        .find(|h| h.name == "If-None-Match")
        .map(|h| h.value.clone());
    assert_eq!(etag.as_deref(), Some("\"v1\""));
    assert_eq!(phone.view().draft.location.municipalities.len(), 38);
}

#[test]
fn category_search_matches_any_language_and_ignores_diacritics() {
    let mut phone = Phone::launched(server())
        .speaking(Language::English)
        .on(Screen::NewComplaint);
    phone.send(DraftEvent::CategorySearchChanged {
        query: "uje".into(),
    });
    let options = phone.view().draft.category.options;
    assert!(
        options.iter().any(|o| o.id == "water_supply"),
        "Albanian 'ujë' typed without ë"
    );
    assert!(options.iter().all(|o| {
        o.label
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_ascii() || "ëç".contains(c))
    }));
    phone.send(DraftEvent::CategorySearchChanged {
        query: "zzzzzz".into(),
    });
    let category = phone.view().draft.category;
    assert!(category.options.is_empty());
    assert_eq!(
        category.no_match.as_deref(),
        Some("No category matches. Try another word.")
    );
}

#[test]
fn serbian_cyrillic_shows_cyrillic_names_but_leaves_what_people_wrote_alone() {
    let server = server();
    let mut phone = Phone::launched(server.clone()).speaking(Language::SerbianCyrillic);
    phone.submit_complaint("Kontejneri su puni već nedelju dana");
    let id = *server.borrow().complaints.keys().next().unwrap();
    server
        .borrow_mut()
        .resolve(id, "Kontejneri su ispražnjeni.");
    phone.send(MyComplaintsEvent::RefreshRequested);
    phone.send(NavigationEvent::ComplaintOpened { id: id.to_string() });
    let view = phone.view();
    let detail = view.detail.unwrap();
    assert_eq!(detail.category, "Прикупљање отпада и чишћење улица");
    assert_eq!(detail.institution, "Дирекција за јавне услуге, Гњилане");
    assert_eq!(detail.status_label, "Решено");
    assert_eq!(
        detail.timeline.last().unwrap().text.as_deref(),
        Some("Kontejneri su ispražnjeni.")
    );
    assert_eq!(view.app_name, "Zëri");
}

#[test]
fn a_store_that_cannot_be_read_blocks_writes_until_it_can() {
    let server = server();
    let mut phone = Phone::new(server.clone());
    // Make every read fail by answering the first effects by hand.
    phone.post(LifecycleEvent::Started {
        api_base_url: support::BASE_URL.into(),
        debug_build: false,
    });
    let effect = phone.queue.pop_front().unwrap();
    let shared::Effect::KeyValue(mut request) = effect else {
        panic!("expected a read")
    };
    let follow = phone
        .core
        .resolve(
            &mut request,
            crux_kv::KeyValueResult::Err {
                error: crux_kv::KeyValueError::Io {
                    message: "locked".into(),
                },
            },
        )
        .unwrap();
    phone.queue.extend(follow);
    phone.settle();
    let view = phone.view();
    assert_eq!(view.screen, Screen::LoadFailed);
    assert!(view.load_failed.is_some());
    assert!(phone.store.is_empty(), "nothing written over unread data");
    phone.send(DraftEvent::DescriptionChanged {
        text: "typed before load".into(),
    });
    assert!(phone.store.is_empty());

    phone.send(LifecycleEvent::RetryLoadTapped);
    assert_eq!(phone.view().screen, Screen::Welcome);
}

#[test]
fn every_screen_in_every_language_has_all_its_words() {
    let server = server();
    let mut phone = Phone::launched(server.clone());
    // A rich state: sent, resolved with replies, a transfer, a refused item, a queued one, a draft
    // with errors, photos, a form error.
    phone.submit_complaint("Containers overflowing near the main square");
    let id = *server.borrow().complaints.keys().next().unwrap();
    server.borrow_mut().transfer(
        id,
        InstitutionRef {
            id: "x".into(),
            name: LocalizedText {
                sq: "Tjetër".into(),
                sr: "Drugi".into(),
                en: "Other".into(),
            },
        },
        "Not ours.",
        NaiveDate::from_ymd_opt(2026, 12, 11).unwrap(),
    );
    server.borrow_mut().resolve(id, "Done.");
    phone.send(MyComplaintsEvent::RefreshRequested);
    server.borrow_mut().refuse_complaints_with = Some("some_new_rule".into());
    phone.submit_complaint("A complaint the server refuses for a new reason");
    server.borrow_mut().refuse_complaints_with = None;
    phone.network = Network::Offline;
    phone.submit_complaint("A complaint waiting for the network to come back");
    phone.send(NavigationEvent::NavigateTo {
        screen: Screen::NewComplaint,
    });
    phone.send(DraftEvent::DescriptionChanged { text: "x".into() });
    phone.send(DraftEvent::PhotoAdded {
        jpeg: jpeg_with_gps(1),
    });
    phone.send(DraftEvent::SubmitTapped);
    phone.send(NavigationEvent::ComplaintOpened { id: id.to_string() });
    phone.send(MyComplaintsEvent::ReopenSubmitted {
        id: id.to_string(),
        reason: "no".into(),
    });

    for language in Language::ALL {
        phone.send(SettingsEvent::LanguageSelected { language });
        let view = phone.view();
        assert!(
            view.detail
                .as_ref()
                .unwrap()
                .reopen
                .as_ref()
                .unwrap()
                .error
                .is_some()
        );
        assert_eq!(view.my_complaints.pending.len(), 2);
        let json = serde_json::to_string(&view).unwrap();
        assert!(
            !json.contains('⟦'),
            "{language:?}: a message is missing: {json}"
        );
        assert!(
            !json.contains("{ $") && !json.contains("{$"),
            "{language:?}: an argument is missing"
        );
        if language == Language::SerbianCyrillic {
            assert!(
                view.my_complaints
                    .title
                    .chars()
                    .all(|c| !c.is_ascii_alphabetic()),
                "{}",
                view.my_complaints.title
            );
        }
    }
}

/// A campaign's link opened the app: complaints sent afterwards carry its code (case ignored),
/// also after a restart; a malformed code is ignored.
#[test]
fn complaints_after_a_campaign_link_carry_its_code() {
    let server = server();
    let mut phone = Phone::launched(server.clone());
    phone.send(LinkEvent::Opened {
        url: "zeri://campaign/not a code!".into(),
    });
    phone.submit_complaint("Before any campaign: the bins are full.");
    phone.settle();
    let body: serde_json::Value =
        serde_json::from_slice(&phone.last_request_to("/api/v1/complaints").body).unwrap();
    assert_eq!(body["campaign"], serde_json::Value::Null);

    phone.send(LinkEvent::Opened {
        url: "zeri://campaign/gjilan-clean-2026".into(),
    });
    phone.restart();
    phone.submit_complaint("After the poster: the bins are still full.");
    phone.settle();
    let body: serde_json::Value =
        serde_json::from_slice(&phone.last_request_to("/api/v1/complaints").body).unwrap();
    assert_eq!(body["campaign"], "GJILAN-CLEAN-2026");
}

/// Opening the app from a campaign's link is counted by the server once: not again after a
/// restart, later when the phone was offline, and also when the link launched the app (before
/// its stored state was read). An unknown code is not asked about twice.
#[test]
fn a_campaign_link_opening_is_counted_once() {
    let server = server();
    server.borrow_mut().campaigns = vec!["PRI-7K3QA".into(), "KS-ABCDE".into()];
    let mut phone = Phone::launched(server.clone());
    phone.network = Network::Offline;
    phone.send(LinkEvent::Opened {
        url: "zeri://campaign/pri-7k3qa".into(),
    });
    assert!(server.borrow().campaign_opens.is_empty());

    phone.network = Network::Online;
    phone.send(LifecycleEvent::NetworkOnline);
    phone.send(LifecycleEvent::Foregrounded);
    phone.restart();
    let opens = server.borrow().campaign_opens.clone();
    assert_eq!(opens.len(), 1, "{opens:?}");
    assert_eq!(opens[0].0, "PRI-7K3QA");

    // A second campaign's link launches the app: it is counted too, and becomes the campaign.
    phone.restart_without_settling();
    phone.post(LinkEvent::Opened {
        url: "zeri://campaign/KS-ABCDE".into(),
    });
    phone.settle();
    assert_eq!(server.borrow().campaign_opens.len(), 2);
    assert_eq!(server.borrow().campaign_opens[1].0, "KS-ABCDE");
    assert_eq!(
        server.borrow().campaign_opens[0].1,
        server.borrow().campaign_opens[1].1,
        "the same phone"
    );
    phone.submit_complaint("The bins near the school are full.");
    phone.settle();
    let body: serde_json::Value =
        serde_json::from_slice(&phone.last_request_to("/api/v1/complaints").body).unwrap();
    assert_eq!(body["campaign"], "KS-ABCDE");

    // A code no campaign has: asked once, then left alone.
    phone.send(LinkEvent::Opened {
        url: "zeri://campaign/NO-SUCH".into(),
    });
    phone.restart();
    let asked = phone
        .requests
        .iter()
        .filter(|r| r.url.ends_with("/api/v1/campaigns/NO-SUCH/opens"))
        .count();
    assert_eq!(asked, 1);
    assert_eq!(server.borrow().campaign_opens.len(), 2);
}

/// A complaint's link opens that complaint, also when the link launched the app (before its
/// stored state was read); links that are not the app's change nothing.
#[test]
fn a_complaint_link_opens_that_complaint_even_when_it_launched_the_app() {
    let server = server();
    let mut phone = Phone::launched(server.clone());
    phone.submit_complaint("The bins by the school are full again.");
    let id = *server.borrow().complaints.keys().next().unwrap();
    let link = format!("zeri://complaint/{id}");
    phone.send(LinkEvent::Opened { url: link.clone() });
    let view = phone.view();
    assert_eq!(view.screen, Screen::ComplaintDetail);
    assert_eq!(view.detail.unwrap().id, id.to_string());

    phone.restart_without_settling();
    phone.post(LinkEvent::Opened { url: link });
    phone.settle();
    assert_eq!(phone.view().screen, Screen::ComplaintDetail);

    phone.send(NavigationEvent::BackTapped);
    for garbage in [
        "zeri://complaint/not-an-id",
        "zeri://complaint/00000000-0000-0000-0000-000000000000",
        "zeri://nowhere/1",
        "https://example.com/complaint/1",
        "",
    ] {
        phone.send(LinkEvent::Opened {
            url: garbage.into(),
        });
        assert_eq!(phone.view().screen, Screen::MyComplaints, "{garbage:?}");
    }
}

/// A trainer's server link offers the training server; once the citizen accepts, the phone
/// talks to it from its next start on, and the settings lead back to the official one.
#[test]
fn a_server_link_points_the_phone_at_that_server_once_the_citizen_accepts() {
    let mut phone = Phone::launched(server());
    phone.send(LinkEvent::Opened {
        url: "zeri://server?url=https%3A%2F%2Ftraining.zeri.test%2F".into(),
    });
    let offer = phone
        .view()
        .server_offer
        .expect("the citizen is asked first");
    assert!(
        offer.message.contains("training.zeri.test"),
        "{}",
        offer.message
    );
    assert!(offer.message.contains("zeri.test"), "{}", offer.message);
    phone.send(SettingsEvent::ServerOfferDeclined);
    assert_eq!(phone.view().server_offer, None);
    phone.restart();
    let url = phone.last_request_to("/api/v1/complaints/mine").url;
    assert!(url.starts_with(support::BASE_URL), "declined: {url}");

    phone.send(LinkEvent::Opened {
        url: "zeri://server?url=https%3A%2F%2Ftraining.zeri.test%2F".into(),
    });
    phone.send(SettingsEvent::ServerOfferAccepted);
    assert!(phone.view().server_offer.is_none());
    phone.send(MyComplaintsEvent::RefreshRequested);
    let url = phone.last_request_to("/api/v1/complaints/mine").url;
    assert!(
        url.starts_with(support::BASE_URL),
        "not before the next start: {url}"
    );

    phone.restart();
    let url = phone.last_request_to("/api/v1/complaints/mine").url;
    assert!(url.starts_with("https://training.zeri.test/api/"), "{url}");
    let setting = phone.view().settings.server.expect("the settings say so");
    assert!(
        setting.text.contains("training.zeri.test"),
        "{}",
        setting.text
    );

    phone.send(SettingsEvent::OfficialServerChosen);
    phone.restart();
    let url = phone.last_request_to("/api/v1/complaints/mine").url;
    assert!(url.starts_with(support::BASE_URL), "back: {url}");
    assert_eq!(phone.view().settings.server, None);
}

/// A link to a server the app was not built for is refused with a notice, whatever the
/// citizen taps: their complaints and contact details must not go to a stranger.
#[test]
fn a_server_link_to_a_stranger_is_refused() {
    let mut phone = Phone::launched(server());
    for link in [
        "zeri://server?url=https://evil.example",
        "zeri://server?url=http://training.zeri.test",
        "zeri://server?url=https://zeri.test@evil.example",
    ] {
        phone.send(LinkEvent::Opened { url: link.into() });
        let view = phone.view();
        assert_eq!(view.server_offer, None, "{link}");
        assert_eq!(
            view.notice.map(|n| n.kind),
            Some(shared::view_model::NoticeKind::Error),
            "{link}"
        );
        phone.send(SettingsEvent::ServerOfferAccepted);
    }
    phone.send(LinkEvent::Opened {
        url: "zeri://server?url=file:///etc/passwd".into(),
    });
    phone.restart();
    let url = phone.last_request_to("/api/v1/complaints/mine").url;
    assert!(url.starts_with(support::BASE_URL), "{url}");
}

/// The background workers stop when the view model says the outbox is idle: nothing left to
/// send but what the server refused.
#[test]
fn the_outbox_is_idle_once_nothing_is_left_to_send() {
    let server = server();
    let mut phone = Phone::new(server.clone());
    assert!(!phone.view().outbox_idle, "not before the app has started");
    phone.send(LifecycleEvent::Started {
        api_base_url: support::BASE_URL.into(),
        debug_build: false,
    });
    assert!(phone.view().outbox_idle);
    phone.network = Network::Offline;
    phone.submit_complaint("Street lights off in the whole neighbourhood");
    assert!(
        !phone.view().outbox_idle,
        "a complaint waits for the network"
    );

    phone.network = Network::Online;
    server.borrow_mut().refuse_complaints_with = Some("unknown_category".into());
    phone.fire_timers();
    let view = phone.view();
    assert_eq!(view.my_complaints.pending[0].state, OutboxState::Rejected);
    assert!(view.outbox_idle, "what was refused waits for the citizen");
}

/// When the phone gives no location, the citizen reads why and gets a way to fix it, until a
/// place is chosen another way.
#[test]
fn a_phone_without_location_says_why_and_offers_its_settings() {
    use shared::drafting::GpsProblem;
    use shared::view_model::GpsSettingsPage;
    let mut phone = Phone::launched(server()).on(Screen::NewComplaint);
    for (problem, page) in [
        (
            GpsProblem::SwitchedOff,
            Some(GpsSettingsPage::LocationServices),
        ),
        (
            GpsProblem::PermissionDenied,
            Some(GpsSettingsPage::AppPermissions),
        ),
        (GpsProblem::NoFix, None),
    ] {
        phone.send(DraftEvent::GpsUnavailable { problem });
        let location = phone.view().draft.location;
        assert!(location.gps_problem.is_some(), "{problem:?}");
        assert_eq!(location.gps_settings.map(|s| s.page), page, "{problem:?}");
    }
    let municipality = phone.view().draft.location.municipalities[0].id.clone();
    phone.send(DraftEvent::MunicipalitySelected { id: municipality });
    let location = phone.view().draft.location;
    assert_eq!(location.gps_problem, None);
    assert_eq!(location.gps_settings, None);
    assert!(!location.municipality_placeholder.is_empty());
}
