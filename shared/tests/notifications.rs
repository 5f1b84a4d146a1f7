//! What the citizen is told, through the core's full effect loop: each change worth telling is
//! shown once, in their language, with a link that opens its complaint, also after restarts and
//! kills; nothing is told about what the citizen did or what the phone already knew; a passed
//! deadline is told once per deadline; permission is asked once, on the first complaint.

mod support;

use chrono::{Duration, NaiveDate};
use shared::api::{InstitutionRef, LocalizedText};
use shared::view_model::Screen;
use shared::{Language, LifecycleEvent, LinkEvent, MyComplaintsEvent};
use support::{Phone, server};
use uuid::Uuid;

type Server = std::rc::Rc<std::cell::RefCell<support::FakeServer>>;

/// A phone speaking `language` with one filed complaint, seen back from the server.
fn filed(language: Language) -> (Server, Phone, Uuid) {
    let server = server();
    let mut phone = Phone::launched(server.clone()).speaking(language);
    phone.submit_complaint("The containers on Rruga e Dëshmorëve overflow every weekend");
    phone.send(LifecycleEvent::Foregrounded);
    let id = *server.borrow().complaints.keys().next().unwrap();
    (server, phone, id)
}

fn ministry() -> InstitutionRef {
    InstitutionRef {
        id: "mmphi".into(),
        name: LocalizedText {
            sq: "Ministria e Mjedisit".into(),
            sr: "Ministarstvo životne sredine".into(),
            en: "Ministry of Environment".into(),
        },
    }
}

#[test]
fn a_reply_is_told_once_in_the_citizens_language_and_opens_its_complaint() {
    for (language, title) in [
        (Language::English, "replied"),
        (Language::Albanian, "u përgjigj"),
        (Language::SerbianLatin, "Odgovor"),
        (Language::SerbianCyrillic, "Одговор"),
    ] {
        let (server, mut phone, id) = filed(language);
        assert!(phone.shown.is_empty(), "{language:?}: filing tells nothing");
        server
            .borrow_mut()
            .resolve(id, "The containers are now emptied on Saturdays too.");
        phone.send(LifecycleEvent::Foregrounded);
        assert_eq!(phone.shown.len(), 1, "{language:?}");
        let shown = phone.shown[0].clone();
        assert!(shown.title.contains(title), "{language:?}: {}", shown.title);
        assert_eq!(
            shown.body,
            "The containers are now emptied on Saturdays too."
        );
        assert_eq!(shown.id, id.to_string());
        assert_eq!(shown.channel.id, "complaint_updates");

        // Told once: not on the next refresh, nor after a restart.
        phone.send(MyComplaintsEvent::RefreshRequested);
        phone.restart();
        phone.send(LifecycleEvent::Foregrounded);
        assert_eq!(phone.shown.len(), 1, "{language:?}: told once");

        // Tapping it opens the complaint.
        phone.send(LinkEvent::Opened { url: shown.link });
        let view = phone.view();
        assert_eq!(view.screen, Screen::ComplaintDetail);
        assert_eq!(view.detail.unwrap().id, id.to_string());
    }
}

#[test]
fn each_kind_of_change_is_told_and_the_citizens_own_steps_are_not() {
    let (server, mut phone, id) = filed(Language::English);
    let tell = |change: &dyn Fn(&mut support::FakeServer), phone: &mut Phone| {
        change(&mut server.borrow_mut());
        let before = phone.shown.len();
        phone.send(LifecycleEvent::Foregrounded);
        phone.shown[before..]
            .iter()
            .map(|n| n.title.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        tell(&|s| s.acknowledge(id), &mut phone),
        ["Directorate of Public Services, Gjilan received your complaint"]
    );
    assert_eq!(
        tell(
            &|s| s.ask(id, "Which entrance of the building?"),
            &mut phone
        ),
        ["Directorate of Public Services, Gjilan asks you a question"]
    );
    // The citizen answers: their own message is nothing to tell them about.
    phone.send(MyComplaintsEvent::MessageSubmitted {
        id: id.to_string(),
        text: "The one facing the park.".into(),
    });
    assert_eq!(tell(&|_| {}, &mut phone), Vec::<String>::new());
    let due = NaiveDate::from_ymd_opt(2026, 12, 18).unwrap();
    let moved = tell(
        &|s| s.transfer(id, ministry(), "Landfills are the ministry's.", due),
        &mut phone,
    );
    assert_eq!(moved, ["Your complaint went to Ministry of Environment"]);
    assert_eq!(
        phone.shown.last().unwrap().body,
        "Landfills are the ministry's."
    );
    let escalated = tell(&|s| s.escalate(id, ministry()), &mut phone);
    assert_eq!(
        escalated,
        ["No answer in time: your complaint was escalated to Ministry of Environment"]
    );
    // Several changes between two refreshes: one notification, about the newest.
    let both = tell(
        &|s| {
            s.acknowledge(id);
            s.resolve(id, "Cleared.");
        },
        &mut phone,
    );
    assert_eq!(both, ["Ministry of Environment replied"]);
    // Rating it afterwards tells nothing either.
    phone.send(MyComplaintsEvent::RatingSubmitted {
        id: id.to_string(),
        stars: 5,
        comment: String::new(),
    });
    assert_eq!(tell(&|_| {}, &mut phone), Vec::<String>::new());
    assert!(phone.shown.iter().all(|n| n.id == id.to_string()));
}

#[test]
fn a_phone_that_learns_of_old_complaints_tells_nothing_about_them() {
    let (server, mut phone, id) = filed(Language::English);
    server.borrow_mut().resolve(id, "Emptied.");
    // The app's data is cleared but the device keeps its secret (a restored backup): every
    // complaint arrives anew, one of them long overdue.
    let second = {
        phone.submit_complaint("Nobody collects the bins on Rruga Adem Jashari");
        *server
            .borrow()
            .complaints
            .keys()
            .find(|k| **k != id)
            .unwrap()
    };
    phone.store.remove("complaints");
    phone.now += Duration::days(60);
    phone.restart();
    phone.send(LifecycleEvent::Foregrounded);
    assert_eq!(phone.view().my_complaints.items.len(), 2);
    assert!(phone.shown.is_empty(), "told: {:?}", phone.shown);
    // What happens from then on is told.
    server.borrow_mut().resolve(second, "Collected.");
    phone.send(LifecycleEvent::Foregrounded);
    assert_eq!(phone.shown.len(), 1);
    assert_eq!(phone.shown[0].id, second.to_string());
}

#[test]
fn a_passed_deadline_is_told_once_for_each_deadline() {
    let (server, mut phone, id) = filed(Language::Albanian);
    let due = server.borrow().complaints[&id].record.due_date;
    phone.now = due.and_hms_opt(20, 0, 0).unwrap().and_utc() + Duration::days(1);
    phone.send(LifecycleEvent::Foregrounded);
    assert_eq!(phone.shown.len(), 1);
    assert_eq!(
        phone.shown[0].title,
        "Drejtoria e Shërbimeve Publike, Gjilan nuk është përgjigjur në afat"
    );
    assert!(phone.shown[0].body.starts_with("Përgjigja duhej deri më"));
    phone.send(LifecycleEvent::Foregrounded);
    phone.restart();
    assert_eq!(phone.shown.len(), 1, "once for this deadline");

    // Sent on with a new deadline, which passes too: told again.
    let later = due + Duration::days(20);
    server
        .borrow_mut()
        .transfer(id, ministry(), "Landfills are the ministry's.", later);
    phone.send(LifecycleEvent::Foregrounded);
    assert_eq!(phone.shown.len(), 2);
    phone.now = later.and_hms_opt(20, 0, 0).unwrap().and_utc() + Duration::days(1);
    phone.send(LifecycleEvent::Foregrounded);
    phone.send(LifecycleEvent::Foregrounded);
    assert_eq!(phone.shown.len(), 3);
    assert!(phone.shown[2].title.starts_with("Ministria e Mjedisit"));
}

#[test]
fn a_kill_before_what_was_told_is_written_shows_it_again_under_the_same_id_only() {
    for k in 0..12 {
        let (server, mut phone, id) = filed(Language::English);
        server.borrow_mut().resolve(id, "Emptied.");
        phone.post(LifecycleEvent::Foregrounded);
        for _ in 0..k {
            phone.step(0);
        }
        phone.restart();
        phone.send(LifecycleEvent::Foregrounded);
        let told = phone.shown.len();
        assert!(told >= 1, "k = {k}: told");
        assert!(
            phone.shown.iter().all(|n| n.id == id.to_string()),
            "k = {k}: every showing replaces the one before"
        );
        phone.send(LifecycleEvent::Foregrounded);
        phone.restart();
        assert_eq!(phone.shown.len(), told, "k = {k}: and then never again");
    }
}

#[test]
fn permission_to_notify_is_asked_once_on_the_first_complaint() {
    let (_, mut phone, _) = filed(Language::English);
    assert_eq!(phone.permission_asks, 1);
    phone.submit_complaint("The bins on Rruga Adem Jashari were not emptied");
    phone.restart();
    phone.submit_complaint("Nor on Rruga Skënderbeu");
    assert_eq!(phone.permission_asks, 1);
}
