//! The citizen's rights, through the core's full effect loop: "Your data" shows what the server
//! holds, in the citizen's language, and hands it over as a file; taking the contact details
//! back from a complaint and erasing everything go through the outbox, so each reaches the
//! server once whatever the network and a restart do, and the phone lets go of its complaints
//! once the server erased them.

mod support;

use shared::view_model::Screen;
use shared::{DraftEvent, Language, LifecycleEvent, MyDataEvent, NavigationEvent};
use support::{BASE_URL, Network, Phone, server};

/// Files a complaint with contact details: its id.
fn file_with_contact(phone: &mut Phone, description: &str) -> uuid::Uuid {
    phone.draft_complaint(description);
    phone.send(DraftEvent::AnonymousToggled { anonymous: false });
    phone.send(DraftEvent::ContactNameChanged {
        text: "Arta Krasniqi".into(),
    });
    phone.send(DraftEvent::ContactPhoneChanged {
        text: "+383 44 123 456".into(),
    });
    phone.send(DraftEvent::SubmitTapped);
    let server = phone.server.borrow();
    let stored = server
        .complaints
        .values()
        .find(|c| c.request.description == description)
        .expect("filed");
    assert!(stored.request.contact.is_some());
    stored.record.id
}

#[test]
fn your_data_shows_what_the_server_holds_and_saves_it_as_a_file_in_every_language() {
    for (language, contact_label, name) in [
        (Language::English, "Contact details", "Your data"),
        (
            Language::Albanian,
            "Të dhënat e kontaktit",
            "Të dhënat tuaja",
        ),
        (Language::SerbianLatin, "Kontakt podaci", "Vaši podaci"),
        (Language::SerbianCyrillic, "Контакт подаци", "Ваши подаци"),
    ] {
        let server = server();
        let mut phone = Phone::launched(server.clone()).speaking(language);
        file_with_contact(&mut phone, "The bins on Rruga e Dëshmorëve overflow");
        assert_eq!(phone.view().settings.my_data_label, name);
        phone.send(MyDataEvent::Opened);
        let view = phone.view();
        assert_eq!(view.screen, Screen::MyData);
        assert_eq!(view.navigation.title, name);
        assert!(view.my_data.status.is_none() && !view.my_data.loading);
        let [complaint] = view.my_data.complaints.as_slice() else {
            panic!("one complaint: {:?}", view.my_data.complaints)
        };
        let contact = complaint
            .rows
            .iter()
            .find(|r| r.label == contact_label)
            .expect("the contact row");
        assert_eq!(contact.value, "Arta Krasniqi, +38344123456");
        assert!(
            complaint
                .rows
                .iter()
                .any(|r| r.value == "The bins on Rruga e Dëshmorëve overflow")
        );

        phone.send(MyDataEvent::ExportTapped);
        let [file] = phone.exported.as_slice() else {
            panic!("one file")
        };
        assert_eq!(file.file_name, "zeri-my-data-2026-11-20.json");
        assert_eq!(file.media_type, "application/json");
        let parsed: shared::api::my_data::MyData = serde_json::from_str(&file.text).unwrap();
        assert_eq!(
            parsed.complaints[0]
                .contact
                .as_ref()
                .unwrap()
                .name
                .as_deref(),
            Some("Arta Krasniqi")
        );

        phone.send(NavigationEvent::BackTapped);
        assert_eq!(phone.view().screen, Screen::Settings);
    }
}

#[test]
fn your_data_says_when_the_server_cannot_be_reached_and_asks_again() {
    let server = server();
    let mut phone = Phone::launched(server.clone()).speaking(Language::English);
    file_with_contact(&mut phone, "The street light at the school is out");
    phone.network = Network::Offline;
    phone.send(MyDataEvent::Opened);
    let view = phone.view().my_data;
    assert!(view.status.unwrap().contains("could not be reached"));
    assert!(view.reload_label.is_some() && view.export_label.is_none());
    phone.send(MyDataEvent::ExportTapped);
    assert!(phone.exported.is_empty(), "nothing to hand over yet");
    phone.network = Network::Online;
    phone.send(MyDataEvent::ReloadTapped);
    assert_eq!(phone.view().my_data.complaints.len(), 1);
}

#[test]
fn the_contact_details_are_taken_back_once_whatever_the_network_does() {
    let server = server();
    let mut phone = Phone::launched(server.clone()).speaking(Language::English);
    let id = file_with_contact(&mut phone, "Water is leaking under the road");
    phone.send(NavigationEvent::ComplaintOpened { id: id.to_string() });
    let contact = phone.view().detail.unwrap().contact;
    assert_eq!(
        contact.remove_label.as_deref(),
        Some("Remove my contact details")
    );

    phone.network = Network::LoseResponses;
    phone.send(MyDataEvent::RemoveContactTapped { id: id.to_string() });
    let contact = phone.view().detail.unwrap().contact;
    assert!(contact.remove_label.is_none() && contact.pending.is_some());
    // Tapped again while it waits: still one request queued.
    phone.send(MyDataEvent::RemoveContactTapped { id: id.to_string() });
    phone.restart();
    phone.network = Network::Online;
    phone.send(LifecycleEvent::NetworkOnline);
    for _ in 0..5 {
        phone.fire_timers();
        phone.settle();
    }
    assert!(server.borrow().complaints[&id].request.contact.is_none());
    phone.send(NavigationEvent::ComplaintOpened { id: id.to_string() });
    let contact = phone.view().detail.unwrap().contact;
    assert!(contact.remove_label.is_none() && contact.pending.is_none());
    assert_eq!(
        contact.text,
        "The institution holds no contact details of yours for this complaint."
    );
    assert!(phone.view().my_complaints.pending.is_empty());
}

#[test]
fn erasing_asks_first_then_reaches_the_server_once_and_the_phone_lets_go() {
    let server = server();
    let mut phone = Phone::launched(server.clone()).speaking(Language::English);
    file_with_contact(&mut phone, "The bus to Kamenica did not come");
    file_with_contact(&mut phone, "The bus to Kamenica did not come again");
    phone.send(MyDataEvent::Opened);
    phone.send(MyDataEvent::EraseTapped);
    assert!(phone.view().my_data.erase.confirm.is_some());
    phone.send(MyDataEvent::EraseCancelled);
    assert!(phone.view().my_data.erase.confirm.is_none());
    assert_eq!(server.borrow().rights_requests, 0);

    phone.network = Network::Offline;
    phone.send(MyDataEvent::EraseTapped);
    phone.send(MyDataEvent::EraseConfirmed);
    let erase = phone.view().my_data.erase;
    assert!(erase.button_label.is_none() && erase.pending.is_some());
    assert_eq!(phone.view().my_complaints.items.len(), 2, "not yet erased");
    // Killed while offline: the erasure waits on disk.
    phone.restart_without_settling();
    phone.network = Network::Online;
    phone.send(LifecycleEvent::NetworkOnline);
    for _ in 0..5 {
        phone.fire_timers();
        phone.settle();
    }
    let server = server.borrow();
    assert_eq!(server.rights_requests, 1, "erased once");
    assert!(
        server
            .complaints
            .values()
            .all(|c| c.request.contact.is_none())
    );
    assert!(
        server
            .complaints
            .values()
            .all(|c| c.device.starts_with("erased:"))
    );
    drop(server);
    let view = phone.view();
    assert!(view.my_complaints.items.is_empty(), "the phone let go");
    assert!(view.my_complaints.pending.is_empty());
    assert!(view.notice.unwrap().text.contains("erased"));
    // After another restart it stays so.
    phone.restart();
    assert!(phone.view().my_complaints.items.is_empty());
}

#[test]
fn what_was_queued_about_the_erased_complaints_goes_with_them() {
    let server = server();
    let mut phone = Phone::launched(server.clone()).speaking(Language::English);
    let id = file_with_contact(&mut phone, "The playground swings are broken");
    phone.network = Network::Offline;
    phone.send(MyDataEvent::Opened);
    phone.send(MyDataEvent::EraseTapped);
    phone.send(MyDataEvent::EraseConfirmed);
    // Written after the erasure was asked for, while the complaint still shows.
    phone.send(NavigationEvent::ComplaintOpened { id: id.to_string() });
    phone.send(shared::MyComplaintsEvent::MessageSubmitted {
        id: id.to_string(),
        text: "Two of the three swings hang by one chain.".into(),
    });
    assert_eq!(phone.view().my_complaints.pending.len(), 2);
    phone.network = Network::Online;
    phone.send(LifecycleEvent::NetworkOnline);
    for _ in 0..5 {
        phone.fire_timers();
        phone.settle();
    }
    let view = phone.view();
    assert!(view.my_complaints.items.is_empty());
    assert!(
        view.my_complaints.pending.is_empty(),
        "nothing left refused for ever: {:?}",
        view.my_complaints.pending
    );
    assert!(server.borrow().complaints[&id].messages.is_empty());
    phone.restart();
    assert!(phone.view().my_complaints.pending.is_empty());
}

#[test]
fn a_complaint_shows_the_pin_that_opens_it_on_the_web_in_the_citizens_language() {
    for (language, title, tag) in [
        (Language::English, "Open it without this phone", "en"),
        (Language::Albanian, "Hapeni pa këtë telefon", "sq"),
        (
            Language::SerbianLatin,
            "Otvorite je bez ovog telefona",
            "sr-Latn",
        ),
        (
            Language::SerbianCyrillic,
            "Отворите је без овог телефона",
            "sr-Cyrl",
        ),
    ] {
        let server = server();
        let mut phone = Phone::launched(server.clone()).speaking(language);
        let id = file_with_contact(&mut phone, "The bins on Rruga e Dëshmorëve overflow");
        let pin = server.borrow().complaints[&id].record.pin.clone().unwrap();
        phone.send(NavigationEvent::ComplaintOpened { id: id.to_string() });
        let detail = phone.view().detail.expect("the complaint's page");
        let access = detail.web_access.expect("the PIN, told with the receipt");
        assert_eq!(access.title, title);
        assert_eq!(access.pin, format!("{} {}", &pin[..4], &pin[4..]));
        assert_eq!(access.url, format!("{BASE_URL}/my-complaint?lang={tag}"));
        assert!(!access.explanation.is_empty() && !access.pin_label.is_empty());
        // Kept with the complaint: still there after a restart.
        phone.restart();
        phone.send(NavigationEvent::ComplaintOpened { id: id.to_string() });
        assert_eq!(
            phone
                .view()
                .detail
                .and_then(|d| d.web_access)
                .map(|a| a.pin),
            Some(format!("{} {}", &pin[..4], &pin[4..]))
        );
    }
}
