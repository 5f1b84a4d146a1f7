//! Talking with the institution, through the core's full effect loop: the question shows on the
//! complaint, the answer (with photos) goes through the outbox and arrives once whatever the
//! network and a restart do, and a citizen adds to an open complaint the same way.

mod support;

use shared::api::Status;
use shared::view_model::StatusCode;
use shared::{Language, LifecycleEvent, MyComplaintsEvent, NavigationEvent};
use support::{Network, Phone, jpeg_with_gps, server};
use uuid::Uuid;

/// A phone with one filed complaint the institution asked about; its page is open.
fn asked(
    language: Language,
) -> (
    std::rc::Rc<std::cell::RefCell<support::FakeServer>>,
    Phone,
    Uuid,
) {
    let server = server();
    let mut phone = Phone::launched(server.clone()).speaking(language);
    phone.submit_complaint("The water has been brown for three days now");
    let id = *server.borrow().complaints.keys().next().unwrap();
    server
        .borrow_mut()
        .ask(id, "Is it brown from the cold tap as well?");
    phone.send(LifecycleEvent::Foregrounded);
    phone.send(NavigationEvent::ComplaintOpened { id: id.to_string() });
    (server, phone, id)
}

#[test]
fn the_question_shows_on_the_complaint_with_the_deadline_paused_in_every_language() {
    for (language, prompt, paused) in [
        (
            Language::English,
            "asked you a question",
            "deadline is paused",
        ),
        (
            Language::Albanian,
            "të bëri një pyetje",
            "afati është ndalur",
        ),
        (Language::SerbianLatin, "postavila pitanje", "rok stoji"),
        (Language::SerbianCyrillic, "поставила питање", "рок стоји"),
    ] {
        let (_, phone, _) = asked(language);
        let detail = phone.view().detail.unwrap();
        assert_eq!(detail.status, StatusCode::WaitingForCitizen);
        assert!(
            detail.due_label.contains(paused),
            "{language:?}: {}",
            detail.due_label
        );
        let form = detail.message.expect("the answer form");
        assert_eq!(
            form.question.as_deref(),
            Some("Is it brown from the cold tap as well?"),
            "what staff wrote stays as they wrote it"
        );
        assert!(
            form.prompt.contains(prompt),
            "{language:?}: {}",
            form.prompt
        );
        assert!(!detail.timeline.last().unwrap().title.is_empty());
    }
}

#[test]
fn an_answer_with_photos_arrives_once_through_lost_answers_and_a_restart() {
    let (server, mut phone, id) = asked(Language::English);
    for n in 1..=2 {
        phone.send(MyComplaintsEvent::MessagePhotoAdded {
            id: id.to_string(),
            jpeg: jpeg_with_gps(n),
        });
    }
    assert_eq!(
        phone.view().detail.unwrap().message.unwrap().photos.len(),
        2
    );

    // The server keeps the answer, but the phone never hears so; then the app is killed.
    phone.network = Network::LoseResponses;
    phone.send(MyComplaintsEvent::MessageSubmitted {
        id: id.to_string(),
        text: "Yes, from every tap in the flat.".into(),
    });
    assert_eq!(server.borrow().complaints[&id].messages.len(), 1);
    phone.restart();
    phone.network = Network::Online;
    phone.fire_timers();
    phone.send(LifecycleEvent::Foregrounded);
    phone.send(NavigationEvent::ComplaintOpened { id: id.to_string() });

    let server = server.borrow();
    let complaint = &server.complaints[&id];
    assert!(
        complaint.message_posts >= 2,
        "sent again after the lost answer"
    );
    assert_eq!(complaint.messages.len(), 1, "and kept once");
    assert_eq!(complaint.messages[0].1, "Yes, from every tap in the flat.");
    assert_eq!(
        complaint.photos.len(),
        2,
        "both photos, in the message's slots"
    );
    assert!(
        complaint
            .photos
            .values()
            .all(|p| !p.windows(11).any(|w| w == b"GPSLatitude"))
    );
    assert_eq!(complaint.record.status, Status::Received, "back to work");
    assert!(phone.view().my_complaints.pending.is_empty());
    assert_eq!(
        phone
            .store
            .keys()
            .filter(|k| k.starts_with("photo/"))
            .count(),
        0,
        "uploaded photos leave the phone"
    );
    let detail = phone.view().detail.unwrap();
    assert_eq!(detail.status, StatusCode::Received);
    assert_eq!(
        detail.timeline.last().unwrap().text.as_deref(),
        Some("Yes, from every tap in the flat.")
    );
    let form = detail.message.expect("still open, so more can be added");
    assert_eq!(form.question, None);
    assert!(form.photos.is_empty());
}

#[test]
fn a_message_written_offline_waits_and_goes_once_the_network_returns() {
    let (server, mut phone, id) = asked(Language::English);
    phone.network = Network::Offline;
    phone.send(MyComplaintsEvent::MessageSubmitted {
        id: id.to_string(),
        text: "It is clear again since this morning.".into(),
    });
    let form = phone.view().detail.unwrap().message.unwrap();
    assert_eq!(form.pending.len(), 1, "shown as waiting");
    assert!(server.borrow().complaints[&id].messages.is_empty());

    phone.restart();
    phone.network = Network::Online;
    phone.send(LifecycleEvent::Foregrounded);
    phone.fire_timers();
    assert_eq!(server.borrow().complaints[&id].messages.len(), 1);
    assert_eq!(server.borrow().complaints[&id].message_posts, 1);
}

#[test]
fn an_empty_message_is_refused_on_the_phone_and_a_closed_complaint_takes_none() {
    let (server, mut phone, id) = asked(Language::English);
    phone.send(MyComplaintsEvent::MessageSubmitted {
        id: id.to_string(),
        text: "   ".into(),
    });
    let form = phone.view().detail.unwrap().message.unwrap();
    assert_eq!(form.error.as_deref(), Some("Write something first."));
    assert_eq!(server.borrow().complaints[&id].message_posts, 0);

    for n in 1..=4 {
        phone.send(MyComplaintsEvent::MessagePhotoAdded {
            id: id.to_string(),
            jpeg: jpeg_with_gps(n),
        });
    }
    let form = phone.view().detail.unwrap().message.unwrap();
    assert_eq!(form.photos.len(), 3, "three at most");
    assert!(!form.can_add_photo);
    assert!(form.error.is_some(), "the fourth is refused with a message");

    server.borrow_mut().resolve(id, "Fixed at the main valve.");
    phone.send(LifecycleEvent::Foregrounded);
    let detail = phone.view().detail.unwrap();
    assert!(
        detail.message.is_none(),
        "closed: rating and reopening instead"
    );
    phone.send(MyComplaintsEvent::MessageSubmitted {
        id: id.to_string(),
        text: "Thanks!".into(),
    });
    assert_eq!(server.borrow().complaints[&id].message_posts, 0);
}

#[test]
fn a_kill_in_the_middle_of_every_effect_of_an_answer_loses_nothing_and_sends_it_once() {
    // Systematically: attach a photo, send the answer, then kill the app after carrying out k
    // effects, for every k up to the whole sending.
    for k in 0..40 {
        let (server, mut phone, id) = asked(Language::English);
        phone.send(MyComplaintsEvent::MessagePhotoAdded {
            id: id.to_string(),
            jpeg: jpeg_with_gps(7),
        });
        phone.post(MyComplaintsEvent::MessageSubmitted {
            id: id.to_string(),
            text: "Yes, the cold tap too.".into(),
        });
        for _ in 0..k {
            phone.step(0);
        }
        phone.restart();
        phone.send(NavigationEvent::ComplaintOpened { id: id.to_string() });
        let form = phone.view().detail.unwrap().message.expect("still open");
        let arrived = !server.borrow().complaints[&id].messages.is_empty();
        if form.pending.is_empty() && !arrived {
            // Never queued: the photo is still attached, and the citizen sends it again.
            assert_eq!(form.photos.len(), 1, "k = {k}: the photo is not lost");
            phone.send(MyComplaintsEvent::MessageSubmitted {
                id: id.to_string(),
                text: "Yes, the cold tap too.".into(),
            });
        }
        phone.fire_timers();
        phone.send(LifecycleEvent::Foregrounded);
        let server = server.borrow();
        let complaint = &server.complaints[&id];
        assert_eq!(complaint.messages.len(), 1, "k = {k}");
        assert_eq!(complaint.photos.len(), 1, "k = {k}");
        assert!(phone.view().my_complaints.pending.is_empty(), "k = {k}");
    }
}
