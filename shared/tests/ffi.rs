//! The byte-level interface the shells call: real events in bincode work end to end, and no
//! bytes a shell could send (random, truncated, stale ids) make the core panic.

use crux_core::bridge::Request;
use crux_kv::{KeyValueOperation, KeyValueResponse, KeyValueResult};
use proptest::prelude::*;
use shared::effects::EffectFfi;
use shared::ffi::{CoreFfi, FfiError};
use shared::view_model::{Screen, ViewModel};
use shared::{
    DraftEvent, Event, Language, LifecycleEvent, LinkEvent, MyComplaintsEvent, SettingsEvent,
};

fn encode(event: impl Into<Event>) -> Vec<u8> {
    bincode::serialize(&event.into()).unwrap()
}

fn start(core: &CoreFfi) -> Result<Vec<u8>, FfiError> {
    core.update(encode(LifecycleEvent::Started {
        api_base_url: "https://zeri.test".into(),
        debug_build: false,
    }))
}

fn requests(bytes: &[u8]) -> Vec<Request<EffectFfi>> {
    bincode::deserialize(bytes).expect("effect requests decode")
}

/// Answers every store request with "absent"/"done" until the core stops asking.
fn answer_store(core: &CoreFfi, mut pending: Vec<Request<EffectFfi>>) {
    while let Some(request) = pending.pop() {
        let EffectFfi::KeyValue(operation) = request.effect else {
            continue;
        };
        let response = match operation {
            KeyValueOperation::Get { .. } => KeyValueResponse::Get { value: None.into() },
            KeyValueOperation::Set { .. } => KeyValueResponse::Set {
                previous: None.into(),
            },
            KeyValueOperation::Delete { .. } => KeyValueResponse::Delete {
                previous: None.into(),
            },
            _ => continue,
        };
        let output = bincode::serialize(&KeyValueResult::Ok { response }).unwrap();
        pending.extend(requests(&core.resolve(request.id.0, output).unwrap()));
    }
}

#[test]
fn a_launch_through_the_ffi_reads_the_store_and_shows_the_welcome_screen() {
    let core = CoreFfi::new();
    let first = requests(&start(&core).unwrap());
    let EffectFfi::KeyValue(KeyValueOperation::Get { key }) = &first[0].effect else {
        panic!("expected a store read first")
    };
    assert_eq!(key, "settings");
    answer_store(&core, first);

    let view: ViewModel = bincode::deserialize(&core.view().unwrap()).unwrap();
    assert_eq!(view.screen, Screen::Welcome);
    answer_store(
        &core,
        requests(
            &core
                .update(encode(SettingsEvent::LanguageSelected {
                    language: Language::English,
                }))
                .unwrap(),
        ),
    );
    let view: ViewModel = bincode::deserialize(&core.view().unwrap()).unwrap();
    assert_eq!(view.welcome.continue_label, "Continue");
}

#[test]
fn resolving_an_unknown_or_finished_effect_is_an_error_value() {
    let core = CoreFfi::new();
    let first = requests(&start(&core).unwrap());
    let id = first[0].id.0;
    let ok = bincode::serialize(&KeyValueResult::Ok {
        response: KeyValueResponse::Get { value: None.into() },
    })
    .unwrap();
    assert!(core.resolve(id, ok.clone()).is_ok());
    assert!(matches!(
        core.resolve(id, ok.clone()),
        Err(FfiError::InvalidOutput { .. })
    ));
    assert!(matches!(
        core.resolve(999_999, ok),
        Err(FfiError::InvalidOutput { .. })
    ));
}

#[test]
fn a_wrong_kind_of_answer_is_a_failed_operation_not_a_crash() {
    let core = CoreFfi::new();
    let first = requests(&start(&core).unwrap());
    // Answer a read as if it were a write: the core treats the store as unreadable.
    let wrong = bincode::serialize(&KeyValueResult::Ok {
        response: KeyValueResponse::Set {
            previous: None.into(),
        },
    })
    .unwrap();
    let mut pending = requests(&core.resolve(first[0].id.0, wrong).unwrap());
    pending.retain(|r| matches!(r.effect, EffectFfi::KeyValue(_)));
    answer_store(&core, pending);
    let view: ViewModel = bincode::deserialize(&core.view().unwrap()).unwrap();
    assert_eq!(view.screen, Screen::LoadFailed);
}

fn no_panic(result: Result<Vec<u8>, FfiError>) -> Result<(), TestCaseError> {
    if let Err(FfiError::Internal { reason }) = &result {
        return Err(TestCaseError::fail(format!(
            "the core failed inside: {reason}"
        )));
    }
    Ok(())
}

proptest! {
    #[test]
    fn random_event_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let core = CoreFfi::new();
        no_panic(core.update(bytes))?;
        no_panic(core.view())?;
    }

    #[test]
    fn truncated_events_never_panic(cut in 0usize..200, text in ".{0,60}") {
        let core = CoreFfi::new();
        no_panic(start(&core))?;
        for event in [
            Event::from(DraftEvent::DescriptionChanged { text: text.clone() }),
            DraftEvent::PhotoAdded { jpeg: text.clone().into_bytes() }.into(),
            MyComplaintsEvent::RatingSubmitted { id: text.clone(), stars: 3, comment: text.clone() }.into(),
            DraftEvent::GpsLocated { lat: 42.6, lon: 21.1 }.into(),
            LinkEvent::Opened { url: format!("zeri://campaign/{text}") }.into(),
        ] {
            let bytes = encode(event);
            no_panic(core.update(bytes[..cut.min(bytes.len())].to_vec()))?;
        }
    }

    #[test]
    fn random_effect_outputs_never_panic(id in 0u32..8, bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let core = CoreFfi::new();
        no_panic(start(&core))?;
        no_panic(core.resolve(id, bytes))?;
        no_panic(core.view())?;
    }
}
