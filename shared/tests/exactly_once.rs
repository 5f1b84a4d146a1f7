//! Property: whatever the network, the server and the phone's process do, every complaint and
//! every message to an institution the citizen was told is queued reaches the server exactly
//! once, with all its photos, and the citizen's list ends up showing it.
//!
//! Random programs interleave submissions, messages about a filed complaint (some with photos),
//! effects carried out in any order, network outages,
//! lost answers (the server committed, the phone never heard), busy servers, timers, and
//! kills of the app that drop everything in flight.

mod support;

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use shared::view_model::OutboxState;
use shared::{DraftEvent, LifecycleEvent, MyComplaintsEvent, NavigationEvent};
use support::{Network, Phone, jpeg_with_gps, server};

#[derive(Debug, Clone)]
enum Op {
    Submit { photos: u8 },
    Write { photos: u8 },
    CarryOut(usize),
    CarryOutAll,
    Network(Network),
    NetworkOnline,
    Foreground,
    FireTimers,
    Refresh,
    Kill,
}

fn network() -> impl Strategy<Value = Network> {
    prop_oneof![
        Just(Network::Online),
        Just(Network::Offline),
        Just(Network::LoseResponses),
        Just(Network::Status {
            status: 503,
            retry_after: None
        }),
        Just(Network::Status {
            status: 429,
            retry_after: Some(30)
        }),
        Just(Network::Status {
            status: 408,
            retry_after: None
        }),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0u8..=2).prop_map(|photos| Op::Submit { photos }),
        2 => (0u8..=2).prop_map(|photos| Op::Write { photos }),
        8 => any::<usize>().prop_map(Op::CarryOut),
        1 => Just(Op::CarryOutAll),
        3 => network().prop_map(Op::Network),
        1 => Just(Op::NetworkOnline),
        1 => Just(Op::Foreground),
        2 => Just(Op::FireTimers),
        1 => Just(Op::Refresh),
        2 => Just(Op::Kill),
    ]
}

/// What every complaint's description starts with; every message's starts with `MESSAGE`.
const COMPLAINT: &str = "Complaint number";
const MESSAGE: &str = "Message number";

/// Descriptions and message texts the view shows as safely queued or sent.
fn confirmed(phone: &Phone) -> BTreeSet<String> {
    let view = phone.view();
    let mut seen = BTreeSet::new();
    for item in &view.my_complaints.pending {
        if item.state != OutboxState::Saving {
            seen.insert(item.summary.clone());
        }
    }
    let server = phone.server.borrow();
    for card in &view.my_complaints.items {
        if let Some(c) = server
            .complaints
            .values()
            .find(|c| c.record.tracking_code == card.tracking_code)
        {
            seen.insert(c.request.description.clone());
        }
    }
    seen
}

fn run(ops: Vec<Op>) {
    let server = server();
    let mut phone = Phone::launched(server.clone());
    // One complaint already filed, for messages to be written about from the start.
    phone.submit_complaint(&format!(
        "{COMPLAINT} 0: the water has been off since morning"
    ));
    phone.send(MyComplaintsEvent::RefreshRequested);
    let mut next = 0;
    let mut written = 0;
    let mut promised = BTreeSet::new();

    for op in ops {
        match op {
            Op::Submit { photos } => {
                let view = phone.view();
                if view.draft.submitting {
                    continue;
                }
                if view.draft.description.value.is_empty() {
                    next += 1;
                    let text = format!("{COMPLAINT} {next}: the water has been off since morning");
                    phone.post(DraftEvent::CategorySelected {
                        id: "water_supply".into(),
                    });
                    phone.post(DraftEvent::DescriptionChanged { text });
                    phone.post(DraftEvent::MunicipalitySelected {
                        id: "prizren".into(),
                    });
                    phone.post(DraftEvent::AnonymousToggled { anonymous: true });
                    for p in 0..photos {
                        phone.post(DraftEvent::PhotoAdded {
                            jpeg: jpeg_with_gps(p + 1),
                        });
                    }
                }
                phone.post(DraftEvent::SubmitTapped);
            }
            Op::Write { photos } => {
                let Some(card) = phone.view().my_complaints.items.first().cloned() else {
                    continue;
                };
                phone.post(NavigationEvent::ComplaintOpened {
                    id: card.id.clone(),
                });
                let open = phone.view().detail.and_then(|d| d.message);
                if open.is_none() {
                    continue;
                }
                written += 1;
                for p in 0..photos {
                    phone.post(MyComplaintsEvent::MessagePhotoAdded {
                        id: card.id.clone(),
                        jpeg: jpeg_with_gps(p + 7),
                    });
                }
                phone.post(MyComplaintsEvent::MessageSubmitted {
                    id: card.id,
                    text: format!("{MESSAGE} {written}: still no water on the third floor"),
                });
            }
            Op::CarryOut(index) => {
                phone.step(index);
            }
            Op::CarryOutAll => phone.settle(),
            Op::Network(network) => phone.network = network,
            Op::NetworkOnline => phone.post(LifecycleEvent::NetworkOnline),
            Op::Foreground => phone.post(LifecycleEvent::Foregrounded),
            Op::FireTimers => {
                phone.fire_timers();
            }
            Op::Refresh => phone.post(MyComplaintsEvent::RefreshRequested),
            Op::Kill => phone.restart_without_settling(),
        }
        promised.extend(confirmed(&phone));
    }

    // The network comes back for good and the citizen keeps the app open.
    phone.network = Network::Online;
    phone.settle();
    if !phone.view().draft.description.value.is_empty() {
        phone.send(DraftEvent::SubmitTapped);
    }
    phone.send(LifecycleEvent::NetworkOnline);
    for _ in 0..50 {
        if phone.timers.is_empty() && phone.queue.is_empty() {
            break;
        }
        phone.fire_timers();
        phone.settle();
    }
    phone.send(MyComplaintsEvent::RefreshRequested);

    let server = server.borrow();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for c in server.complaints.values() {
        *counts.entry(c.request.description.as_str()).or_default() += 1;
        for (_, text, _) in &c.messages {
            *counts.entry(text.as_str()).or_default() += 1;
        }
        assert_eq!(
            c.photos.len(),
            usize::from(c.photo_slots),
            "all photos of {:?} and of its messages",
            c.request.description
        );
    }
    for (description, count) in &counts {
        assert_eq!(*count, 1, "{description:?} arrived {count} times");
    }
    for description in &promised {
        assert!(
            counts.contains_key(description.as_str()),
            "{description:?} was queued but never arrived"
        );
    }
    let view = phone.view();
    assert!(
        view.my_complaints.pending.is_empty(),
        "outbox drained: {:?}",
        view.my_complaints.pending
    );
    assert_eq!(
        view.my_complaints.items.len(),
        server.complaints.len(),
        "the citizen sees every complaint"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn every_queued_complaint_arrives_exactly_once(ops in prop::collection::vec(op(), 1..80)) {
        run(ops);
    }
}

#[test]
fn a_kill_in_the_middle_of_every_effect_of_a_submission_loses_nothing() {
    // Systematically: submit with a photo, then kill the app after carrying out k effects, for
    // every k up to the whole submission.
    for k in 0..40 {
        let server = server();
        let mut phone = Phone::launched(server.clone());
        phone.draft_complaint("The lift in the municipal building is broken");
        phone.send(DraftEvent::PhotoAdded {
            jpeg: jpeg_with_gps(3),
        });
        phone.post(DraftEvent::SubmitTapped);
        let mut promised = false;
        for _ in 0..k {
            phone.step(0);
            promised |= !confirmed(&phone).is_empty();
        }
        phone.restart();
        if !phone.view().draft.description.value.is_empty() {
            phone.send(DraftEvent::SubmitTapped);
        }
        phone.fire_timers();
        let server = server.borrow();
        assert_eq!(server.complaints.len(), 1, "k = {k}, promised = {promised}");
        assert_eq!(
            server.complaints.values().next().unwrap().photos.len(),
            1,
            "k = {k}"
        );
    }
}

/// The app stopped after the outbox took a message with photos but before the message draft
/// said so: the next message must not carry (and lose) the same photos.
#[test]
fn photos_handed_to_a_message_are_not_sent_again_after_a_kill() {
    run(vec![
        Op::Write { photos: 2 },
        Op::CarryOutAll,
        Op::Write { photos: 0 },
        Op::CarryOut(8_341_708_185_870_520_042),
        Op::Submit { photos: 0 },
        Op::Kill,
        Op::CarryOutAll,
        Op::Write { photos: 0 },
        Op::Submit { photos: 0 },
        Op::Submit { photos: 0 },
    ]);
}
