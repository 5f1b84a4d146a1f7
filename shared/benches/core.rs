//! How long the core takes for what a phone does most: an event (with its store write carried
//! out, as a shell would) and building the view, with 500 complaints in "my complaints".
//!
//! Run: `cargo bench -p shared --bench core`.

use std::collections::BTreeMap;

use chrono::{Duration, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use crux_core::Core;
use crux_kv::{KeyValueOperation, KeyValueResponse, KeyValueResult};
use shared::api::*;
use shared::model::StoredComplaints;
use shared::view_model::Screen;
use shared::{
    DraftEvent, Effect, Event, Language, LifecycleEvent, NavigationEvent, SettingsEvent, Zeri,
};
use uuid::Uuid;

/// Carries out store effects from `store`; leaves the network unanswered (the phone is offline).
fn settle(core: &Core<Zeri>, store: &mut BTreeMap<String, Vec<u8>>, mut effects: Vec<Effect>) {
    while let Some(effect) = effects.pop() {
        if let Effect::KeyValue(mut request) = effect {
            let response = match &request.operation {
                KeyValueOperation::Get { key } => KeyValueResponse::Get {
                    value: store.get(key).cloned().into(),
                },
                KeyValueOperation::Set { key, value } => KeyValueResponse::Set {
                    previous: store.insert(key.clone(), value.clone()).into(),
                },
                KeyValueOperation::Delete { key } => KeyValueResponse::Delete {
                    previous: store.remove(key).into(),
                },
                _ => continue,
            };
            effects.extend(
                core.resolve(&mut request, KeyValueResult::Ok { response })
                    .unwrap_or_default(),
            );
        }
    }
}

/// Sends `event` and carries out what it asks of the store.
fn process(core: &Core<Zeri>, store: &mut BTreeMap<String, Vec<u8>>, event: impl Into<Event>) {
    let effects = core.process_event(event.into());
    settle(core, store, effects);
}

fn record(n: usize) -> ComplaintRecord {
    let at = Utc.with_ymd_and_hms(2026, 1, 1, 8, 0, 0).unwrap() + Duration::hours(n as i64 * 7);
    let institution = InstitutionRef {
        id: "prishtine:mun_public_services".into(),
        name: LocalizedText {
            sq: "Drejtoria e Shërbimeve Publike, Prishtinë".into(),
            sr: "Direkcija za javne usluge, Priština".into(),
            en: "Directorate of Public Services, Pristina".into(),
        },
    };
    let entry = |kind, status, text: Option<&str>, hours| TimelineEntry {
        at: at + Duration::hours(hours),
        kind,
        status,
        text: text.map(str::to_owned),
        institution: None,
    };
    ComplaintRecord {
        id: Uuid::from_u128(n as u128 + 1),
        tracking_code: format!("ZR-{n:06}"),
        category: [
            "roads_local",
            "waste_collection",
            "water_supply",
            "street_lighting",
        ][n % 4]
            .into(),
        status: if n.is_multiple_of(3) {
            Status::Resolved
        } else {
            Status::InProgress
        },
        institution,
        explanation: LocalizedText {
            sq: "Shpjegim.".into(),
            sr: "Objašnjenje.".into(),
            en: "Explanation.".into(),
        },
        due_date: (at + Duration::days(21)).date_naive(),
        submitted_at: at,
        updated_at: at + Duration::hours(30),
        resolved_at: (n.is_multiple_of(3)).then(|| at + Duration::hours(30)),
        rating: None,
        pin: None,
        timeline: vec![
            entry(TimelineKind::Submitted, Status::Submitted, None, 0),
            entry(TimelineKind::StatusChanged, Status::Received, None, 5),
            entry(
                TimelineKind::Reply,
                Status::InProgress,
                Some("We will send a team this week."),
                20,
            ),
        ],
        contact_held: n.is_multiple_of(2),
    }
}

fn phone_with_complaints(count: usize) -> (Core<Zeri>, BTreeMap<String, Vec<u8>>) {
    let mut store = BTreeMap::new();
    let stored = StoredComplaints {
        complaints: (0..count).map(record).collect(),
        cursor: Some("1".into()),
        told: Default::default(),
    };
    store.insert(
        "complaints".to_owned(),
        serde_json::to_vec(&stored).unwrap(),
    );
    let core = Core::<Zeri>::new();
    process(
        &core,
        &mut store,
        LifecycleEvent::Started {
            api_base_url: "https://zeri.example".into(),
            debug_build: false,
        },
    );
    process(&core, &mut store, SettingsEvent::WelcomeFinished);
    assert_eq!(core.view().my_complaints.items.len(), count);
    (core, store)
}

fn benchmarks(c: &mut Criterion) {
    let (core, mut store) = phone_with_complaints(500);
    process(
        &core,
        &mut store,
        NavigationEvent::NavigateTo {
            screen: Screen::NewComplaint,
        },
    );

    let mut n = 0u64;
    c.bench_function(
        "update: a keystroke in the description (with its draft save)",
        |b| {
            b.iter(|| {
                n += 1;
                process(
                    &core,
                    &mut store,
                    DraftEvent::DescriptionChanged {
                        text: format!("The road is broken {n}"),
                    },
                );
            })
        },
    );
    c.bench_function("update: searching the categories", |b| {
        b.iter(|| {
            process(
                &core,
                &mut store,
                DraftEvent::CategorySearchChanged {
                    query: "uje".into(),
                },
            );
        })
    });
    c.bench_function("update: opening a complaint", |b| {
        b.iter(|| {
            process(
                &core,
                &mut store,
                NavigationEvent::ComplaintOpened {
                    id: Uuid::from_u128(250).to_string(),
                },
            );
        })
    });
    // The baseline: what the FFI costs the shell for the same view (encoding it for the bridge).
    let view = core.view();
    c.bench_function("baseline: bincode encoding of that view", |b| {
        b.iter(|| bincode::serialize(&view).unwrap())
    });
    for language in [Language::English, Language::SerbianCyrillic] {
        process(
            &core,
            &mut store,
            SettingsEvent::LanguageSelected { language },
        );
        c.bench_function(&format!("view: 500 complaints, {}", language.tag()), |b| {
            b.iter(|| core.view())
        });
    }
}

criterion_group!(benches, benchmarks);
criterion_main!(benches);
