//! The citizen's rights over their data through the citizen API: a device reads everything the
//! server holds about its own complaints and nobody else's; removes the contact details from one
//! complaint, which its institution sees; and erases all of it, after which the markers planted
//! in its contact details and photos are nowhere in the database once the scheduled job has
//! emptied the journal, nor in the photo folder, while the complaints stay with the institution.
//! Each request can be repeated with the same result, as the phone's outbox may.

use protocol::api::my_data::{Erasure, MyData};
use protocol::api::{ComplaintRecord, paths};
use reqwest::StatusCode;
use serde_json::json;
use server::auth::Role;
use server::scheduler::erase_if_due;

use crate::helpers::*;
use crate::retention::{
    EMAIL, NAME, PHONE, database_bytes, holds, marked_by, photo_folder, query_text,
};
use crate::supervision::dashboard_page;

const INSPECTION: &str = "gjilan:mun_inspection";

async fn delete(app: &TestApp, phone: &str, path: &str) -> reqwest::Response {
    app.client
        .delete(app.url(path))
        .header("Authorization", format!("Device {phone}"))
        .send()
        .await
        .unwrap()
}

async fn my_data(app: &TestApp, phone: &str) -> MyData {
    answer(app.citizen_get(phone, paths::MY_DATA).await)
        .await
        .expect("the export")
}

#[tokio::test]
async fn a_device_reads_all_it_holds_and_only_its_own() {
    let app = spawn_app().await;
    let phone = device();
    let (id, _) = marked_by(&app, &phone, 7_001).await;
    let message = json!({ "id": uuid::Uuid::new_v4(), "text": "The pile grew after the rain.", "photo_count": 0 });
    let uuid: uuid::Uuid = id.parse().unwrap();
    assert!(
        app.citizen_post(&phone, &paths::messages(uuid), &message)
            .await
            .status()
            .is_success()
    );
    let data = my_data(&app, &phone).await;
    assert_eq!(data.complaints.len(), 1);
    let held = &data.complaints[0];
    assert_eq!(held.id, uuid);
    assert_eq!(held.category, "illegal_dumping");
    assert_eq!(held.municipality, "gjilan");
    assert_eq!(held.institution.id, "gjilan:mun_inspection");
    let contact = held.contact.as_ref().expect("the contact details");
    assert_eq!(
        (
            contact.name.as_deref(),
            contact.phone.as_deref(),
            contact.email.as_deref()
        ),
        (Some(NAME), Some(PHONE), Some(EMAIL))
    );
    assert_eq!(held.photos.len(), 1);
    assert_eq!(held.photos[0].content_type, "image/jpeg");
    assert_eq!(
        held.messages
            .iter()
            .map(|m| m.text.as_deref())
            .collect::<Vec<_>>(),
        [Some("The pile grew after the rain.")]
    );
    assert!(!held.timeline.is_empty());
    assert!(!held.description.is_empty());

    // Another phone holds nothing, and cannot touch this complaint.
    let stranger = device();
    assert!(my_data(&app, &stranger).await.complaints.is_empty());
    let refused = refusal(delete(&app, &stranger, &paths::contact(uuid)).await).await;
    assert_eq!(refused.kind().0, StatusCode::NOT_FOUND);
    // No device proof, no data.
    let anonymous = app
        .client
        .get(app.url(paths::MY_DATA))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let inspector = app
        .staff("gjilan.inspector", Role::Staff, Some(INSPECTION))
        .await;
    assert!(
        app.staff_complaint_revealed(&inspector, &id)
            .await
            .contact
            .is_some(),
        "the stranger changed nothing"
    );
}

#[tokio::test]
async fn removing_the_contact_shows_to_the_institution_and_is_done_once() {
    let app = spawn_app().await;
    let phone = device();
    let (id, _) = marked_by(&app, &phone, 7_002).await;
    let uuid: uuid::Uuid = id.parse().unwrap();
    assert!(app.my_complaints(&phone).await.complaints[0].contact_held);
    app.set_time("2026-10-05T08:30:00Z");
    for _ in 0..2 {
        let record: ComplaintRecord = answer(delete(&app, &phone, &paths::contact(uuid)).await)
            .await
            .expect("removed");
        assert!(!record.contact_held);
    }
    assert!(!app.my_complaints(&phone).await.complaints[0].contact_held);
    assert!(my_data(&app, &phone).await.complaints[0].contact.is_none());

    let inspector = app
        .staff("gjilan.inspector", Role::Staff, Some(INSPECTION))
        .await;
    let seen = app.staff_complaint_revealed(&inspector, &id).await;
    assert!(seen.contact.is_none());
    assert_eq!(
        seen.contact_removed_at
            .as_deref()
            .map(|t| t.parse().unwrap()),
        Some(
            "2026-10-05T08:30:00Z"
                .parse::<chrono::DateTime<chrono::Utc>>()
                .unwrap()
        )
    );
    assert_eq!(
        seen.history
            .iter()
            .filter(|h| h.action == "contact_removed")
            .count(),
        1,
        "recorded once, without the details"
    );
    assert_eq!(
        seen.photos.len(),
        1,
        "the photos are not the contact details"
    );
    // The dashboard's page says so, before anything is revealed, in the staff member's language.
    let page = dashboard_page(
        &app,
        "gjilan.inspector",
        &format!("/staff/complaints/{id}"),
        "sq",
    )
    .await;
    assert!(
        page.contains("Qytetari hoqi të dhënat e kontaktit më"),
        "{page}"
    );
}

#[tokio::test]
async fn erasing_everything_leaves_no_trace_and_lets_go_of_the_complaints() {
    let dir = fresh_dir();
    let app = spawn_with(test_config(&dir)).await;
    app.set_time("2026-10-01T09:00:00Z");
    let phone = device();
    let (first, digest) = marked_by(&app, &phone, 7_003).await;
    let (second, _) = marked_by(&app, &phone, 7_004).await;
    let stored_photo =
        std::fs::read(app.state.config.data_dir.join("photos").join(&digest)).unwrap();
    let register = app
        .client
        .put(app.url(paths::PUSH_TOKEN))
        .header("Authorization", format!("Device {phone}"))
        .json(&json!({ "platform": "fcm", "token": "erase-me-token-0001" }))
        .send()
        .await
        .unwrap();
    assert!(register.status().is_success());
    assert_eq!(my_data(&app, &phone).await.push_tokens.len(), 1);
    let other = app
        .file(
            &device(),
            &complaint("illegal_dumping", in_municipality("gjilan")),
        )
        .await;

    let database = app.state.config.database.clone();
    assert!(holds(&database_bytes(&database, false), PHONE.as_bytes()));

    let erased: Erasure = answer(delete(&app, &phone, paths::MY_DATA).await)
        .await
        .expect("erased");
    assert_eq!(erased.complaints, 2);
    let again: Erasure = answer(delete(&app, &phone, paths::MY_DATA).await)
        .await
        .expect("asked again");
    assert_eq!(again.complaints, 0);
    let data = my_data(&app, &phone).await;
    assert!(data.complaints.is_empty() && data.push_tokens.is_empty());
    assert!(app.my_complaints(&phone).await.complaints.is_empty());

    // The institution keeps the complaints, without what named the citizen.
    let inspector = app
        .staff("gjilan.inspector", Role::Staff, Some(INSPECTION))
        .await;
    for id in [&first, &second] {
        let seen = app.staff_complaint_revealed(&inspector, id).await;
        assert!(seen.contact.is_none() && seen.photos.is_empty());
        assert!(seen.erased_on_request && seen.personal_erased_at.is_some());
        let recorded = seen
            .history
            .iter()
            .find(|h| h.action == "citizen_erased_data")
            .expect("recorded");
        assert_eq!(
            recorded.after,
            Some(json!({ "contact": true, "photos": 1 }))
        );
        assert!(!seen.description.is_empty());
    }
    let device_hash = query_text(
        &app,
        "SELECT device_hash FROM complaints WHERE id = ?1",
        &first,
    )
    .await;
    assert!(device_hash.starts_with("erased:"));
    assert_eq!(
        app.staff_complaint(&inspector, other.id).await.item.id,
        other.id.to_string(),
        "another citizen's complaint is untouched"
    );

    // The scheduled job empties the journal: nothing is left in the files as they are.
    app.set_time("2026-10-01T10:30:00Z");
    erase_if_due(&app.state).await.unwrap();
    let after = database_bytes(&database, false);
    for marker in [NAME, PHONE, EMAIL, &digest, "erase-me-token-0001"] {
        assert!(
            !holds(&after, marker.as_bytes()),
            "{marker} is gone from the database"
        );
    }
    let (files, found) = photo_folder(&app, &stored_photo);
    assert!(!files.contains(&digest) && !found, "the photo is gone");
}

#[tokio::test]
async fn the_privacy_notice_states_this_deployments_facts_in_every_language() {
    let dir = fresh_dir();
    let mut config = test_config(&dir);
    config.erase_personal_after_days = 45;
    config.backup_dir = Some(dir.join("backups"));
    config.backups_kept = 5;
    let app = spawn_with(config).await;
    for (tag, days, backups, rights) in [
        (
            "en",
            "erased 45 days after",
            "newest 5 backups",
            "Settings and then Your data",
        ),
        (
            "sq",
            "fshihen 45 ditë pasi",
            "5 kopjet më të reja",
            "Cilësimet dhe pastaj Të dhënat tuaja",
        ),
        (
            "sr-Latn",
            "brišu se 45 dana nakon",
            "5 najnovijih kopija",
            "Podešavanja pa Vaši podaci",
        ),
        (
            "sr-Cyrl",
            "бришу се 45 дана након",
            "5 најновијих копија",
            "Подешавања па Ваши подаци",
        ),
    ] {
        let page = app
            .client
            .get(app.url(&format!("/privacy?lang={tag}")))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), StatusCode::OK);
        let page = page.text().await.unwrap();
        assert!(page.contains(&format!(r#"<html lang="{tag}">"#)), "{tag}");
        for said in [days, backups, rights] {
            assert!(page.contains(said), "{tag}: {said} in {page}");
        }
    }
    // Without a language asked for, the browser's.
    let page = app
        .client
        .get(app.url("/privacy"))
        .header("Accept-Language", "sq")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Njoftim për privatësinë"));
}

/// The record of processing states the defaults the notice is built from.
#[test]
fn the_record_of_processing_states_the_defaults() {
    let record =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/PRIVACY.md"))
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
    let defaults = <server::config::Config as clap::Parser>::try_parse_from(["zeri-server"])
        .expect("the defaults");
    for fact in [
        format!(
            "erased **{} days after the complaint is closed**",
            server::services::retention::ERASE_AFTER_DAYS_DEFAULT
        ),
        format!(
            "Scheduled backups keep the newest {}",
            defaults.backups_kept
        ),
        format!("({} hours, a setting)", defaults.session_minutes / 60),
    ] {
        assert!(record.contains(&fact), "docs/PRIVACY.md says: {fact}");
    }
}
