//! Push wake-ups through the core's full effect loop: the provider's token is registered with
//! the server once the citizen has filed, again when it changes, and retried when the server
//! cannot be reached; a wake-up in the background (a push, the periodic refresh) fetches what
//! changed and tells the citizen.

mod support;

use shared::push::PushProvider;
use shared::{LifecycleEvent, MyComplaintsEvent};
use support::{Network, Phone, server};

fn token(phone: &mut Phone, token: &str) {
    phone.send(LifecycleEvent::PushTokenIssued {
        provider: PushProvider::Fcm,
        token: token.into(),
    });
}

#[test]
fn the_token_is_registered_once_the_citizen_has_filed_and_again_when_it_changes() {
    let server = server();
    let mut phone = Phone::launched(server.clone());
    token(&mut phone, "fcm-token:one");
    phone.send(LifecycleEvent::Foregrounded);
    assert!(server.borrow().push_tokens.is_empty(), "nothing filed yet");

    phone.submit_complaint("The street lights on Rruga Skënderbeu are out");
    phone.send(LifecycleEvent::Foregrounded);
    let registered = server.borrow().push_tokens.clone();
    assert_eq!(registered.len(), 1, "once: {registered:?}");
    let (device, request) = &registered[0];
    assert_eq!(request.token, "fcm-token:one");
    assert_eq!(
        *device,
        server.borrow().complaints.values().next().unwrap().device,
        "bound to the device that filed"
    );

    // Renewed by the provider: registered again; after a restart once more (a run does not
    // know what an earlier one registered), however often the shell hands it over.
    token(&mut phone, "fcm-token:two");
    phone.restart();
    token(&mut phone, "fcm-token:two");
    phone.send(LifecycleEvent::Foregrounded);
    token(&mut phone, "fcm-token:two");
    let tokens: Vec<String> = server
        .borrow()
        .push_tokens
        .iter()
        .map(|(_, t)| t.token.clone())
        .collect();
    assert_eq!(tokens, ["fcm-token:one", "fcm-token:two", "fcm-token:two"]);

    // Nothing a provider could give is sent.
    token(&mut phone, "not a token; DROP TABLE");
    assert_eq!(server.borrow().push_tokens.len(), 3);
}

#[test]
fn a_registration_that_fails_is_tried_again_on_the_next_wake_up() {
    let server = server();
    let mut phone = Phone::launched(server.clone());
    phone.submit_complaint("The street lights on Rruga Skënderbeu are out");
    phone.network = Network::Offline;
    token(&mut phone, "apns0123abcd");
    assert!(server.borrow().push_tokens.is_empty());
    phone.network = Network::Online;
    phone.send(LifecycleEvent::NetworkOnline);
    assert_eq!(server.borrow().push_tokens.len(), 1);
}

#[test]
fn a_wake_up_in_the_background_fetches_what_changed_and_tells_it() {
    let server = server();
    let mut phone = Phone::launched(server.clone());
    phone.submit_complaint("The street lights on Rruga Skënderbeu are out");
    phone.send(MyComplaintsEvent::RefreshRequested);
    let id = *server.borrow().complaints.keys().next().unwrap();
    server.borrow_mut().ask(id, "Which lamp posts exactly?");
    phone.send(LifecycleEvent::WokenInBackground);
    assert_eq!(phone.shown.len(), 1);
    assert_eq!(phone.shown[0].body, "Which lamp posts exactly?");
    assert!(
        !phone.view().my_complaints.refreshing,
        "done, for the worker"
    );
}
