//! The citizen API: routing to every level of government, idempotent intake, photos, my
//! complaints with a cursor, rating and reopening, and the limits that stop floods.

use geo::Contains;
use protocol::api::{
    Catalog, ComplaintReceipt, Location, MyComplaintsPage, RatingRequest, ReopenRequest, Status,
    TimelineKind, paths,
};
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::auth::Role;
use server::locate::parse_geometry;

use crate::helpers::*;

const GJILAN: (f64, f64) = (42.44703, 21.46344);
const PRISHTINA: (f64, f64) = (42.69905, 21.28365);
const ZUBIN_POTOK: (f64, f64) = (42.93134, 20.65139);

async fn institution_for(app: &TestApp, category: &str, location: Location) -> String {
    let receipt = app.file(&device(), &complaint(category, location)).await;
    receipt.institution.id
}

#[tokio::test]
async fn each_level_of_government_gets_its_own_complaints() {
    let app = spawn_app().await;
    let cases = [
        // municipal competence: the municipality's own directorate
        (
            "waste_collection",
            gps(GJILAN.0, GJILAN.1),
            "gjilan:mun_public_services",
        ),
        (
            "schools",
            gps(PRISHTINA.0, PRISHTINA.1),
            "prishtine:mun_education",
        ),
        (
            "civil_documents",
            in_municipality("prizren"),
            "prizren:mun_civil_registry",
        ),
        // central: a ministry or agency, wherever the citizen is
        ("hospital_care", gps(GJILAN.0, GJILAN.1), "shskuk"),
        ("national_taxes", in_municipality("peje"), "atk"),
        // public enterprise: the one serving that municipality
        (
            "water_supply",
            gps(PRISHTINA.0, PRISHTINA.1),
            "kru_prishtina",
        ),
        ("water_supply", gps(GJILAN.0, GJILAN.1), "kru_hidromorava"),
        // a municipality no regional water company serves runs water itself
        (
            "water_supply",
            gps(ZUBIN_POTOK.0, ZUBIN_POTOK.1),
            "zubin_potok:mun_public_services",
        ),
        ("electricity", in_municipality("gjilan"), "keds"),
        // independent bodies and the judiciary
        ("corruption", in_municipality("prishtine"), "apk"),
        ("courts", in_municipality("prishtine"), "kgjk"),
    ];
    for (category, location, expected) in cases {
        let institution = institution_for(&app, category, location.clone()).await;
        assert_eq!(institution, expected, "{category} at {location:?}");
    }
}

#[tokio::test]
async fn the_citizen_is_told_why_in_every_language() {
    let app = spawn_app().await;
    let receipt = app
        .file(
            &device(),
            &complaint("waste_collection", gps(GJILAN.0, GJILAN.1)),
        )
        .await;
    let explanation = &receipt.explanation;
    let english = &explanation.en;
    assert!(english.starts_with("Waste collection"), "{english}");
    assert!(english.contains("is the municipality's responsibility. Your location is in Gjilan, so your complaint went to Directorate of Public Services"), "{english}");
    assert!(english.ends_with(", Gjilan."), "{english}");
    assert!(explanation.sq.contains("është përgjegjësi e komunës"));
    assert!(explanation.sr.contains("Gnjilane"));
    assert_eq!(receipt.status, Status::Submitted);
    let code = &receipt.tracking_code;
    assert!(code.len() == 9 && code.starts_with("ZR-"), "{code}");
    assert!(
        code[3..]
            .chars()
            .all(|c| "23456789ABCDEFGHJKMNPQRSTUVWXYZ".contains(c)),
        "{code}"
    );
    assert!(receipt.due_date > receipt.submitted_at.date_naive());
}

#[tokio::test]
async fn points_near_a_municipal_border_go_to_the_side_they_are_on() {
    let app = spawn_app().await;
    let geojson: Value = serde_json::from_str(
        &std::fs::read_to_string(
            app.state
                .config
                .reference_dir
                .join("municipalities.geojson"),
        )
        .unwrap(),
    )
    .unwrap();
    let shape = |id: &str| {
        let feature = geojson["features"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["properties"]["id"] == id)
            .unwrap();
        parse_geometry(&feature["geometry"].to_string()).unwrap()
    };
    let (a, b) = (shape("prishtine"), shape("fushe_kosove"));
    let ring_a: Vec<geo::Coord<f64>> = a.0.iter().flat_map(|p| p.exterior().0.clone()).collect();
    let ring_b: Vec<geo::Coord<f64>> = b.0.iter().flat_map(|p| p.exterior().0.clone()).collect();
    let shared: Vec<usize> = (1..ring_a.len() - 1)
        .filter(|i| ring_b.contains(&ring_a[*i]))
        .collect();
    assert!(shared.len() > 4, "the two municipalities share a border");
    let i = shared[shared.len() / 2];
    let (prev, vertex, next) = (ring_a[i - 1], ring_a[i], ring_a[i + 1]);
    // 50 m either side of the border, along its normal.
    let (tx, ty) = (next.x - prev.x, next.y - prev.y);
    let length = (tx * tx + ty * ty).sqrt();
    let (nx, ny) = (-ty / length * 0.0005, tx / length * 0.0005);
    let one = geo::Point::new(vertex.x + nx, vertex.y + ny);
    let other = geo::Point::new(vertex.x - nx, vertex.y - ny);
    let (in_a, in_b) = if a.contains(&one) {
        (one, other)
    } else {
        (other, one)
    };
    assert!(
        a.contains(&in_a) && b.contains(&in_b),
        "the offsets straddle the border"
    );

    let inst_a = institution_for(&app, "waste_collection", gps(in_a.y(), in_a.x())).await;
    let inst_b = institution_for(&app, "waste_collection", gps(in_b.y(), in_b.x())).await;
    assert_eq!(inst_a, "prishtine:mun_public_services");
    assert_eq!(inst_b, "fushe_kosove:mun_public_services");
    // Exactly on the border: one of the two, never "outside Kosovo".
    let on_border = institution_for(&app, "waste_collection", gps(vertex.y, vertex.x)).await;
    assert!(on_border == inst_a || on_border == inst_b, "{on_border}");
}

#[tokio::test]
async fn a_point_outside_kosovo_is_refused_with_a_clear_message() {
    let app = spawn_app().await;
    // Skopje is inside Kosovo's bounding box but not in Kosovo; Tirana is outside both.
    for (lat, lon) in [(41.9981, 21.4254), (41.3275, 19.8187)] {
        let response = app
            .client
            .post(app.url("/api/v1/complaints"))
            .header("Authorization", format!("Device {}", device()))
            .header("Accept-Language", "sr")
            .json(&complaint("roads_local", gps(lat, lon)))
            .send()
            .await
            .unwrap();
        let refused = refusal(response).await;
        assert_eq!(
            refused.kind(),
            (StatusCode::UNPROCESSABLE_ENTITY, "outside_kosovo")
        );
        assert_eq!(
            refused.message(),
            "Ova lokacija je van Kosova. Izaberi opštinu."
        );
    }
}

#[tokio::test]
async fn sending_the_same_complaint_again_returns_the_first_receipt() {
    let app = spawn_app().await;
    let phone = device();
    let body = complaint("street_lighting", in_municipality("peje"));
    let first = app.file(&phone, &body).await;
    for _ in 0..3 {
        let again = app.post_complaint(&phone, &body).await;
        assert_eq!(again.status(), StatusCode::OK);
        assert_eq!(answer::<ComplaintReceipt>(again).await.unwrap(), first);
    }
    let count: i64 = app
        .state
        .db
        .call(|c| {
            Ok::<_, server::services::ServiceError>(c.query_row(
                "SELECT COUNT(*) FROM complaints",
                (),
                |r| r.get(0),
            )?)
        })
        .await
        .unwrap();
    assert_eq!(count, 1);

    // The same id with a different text, or from another phone, is a conflict, not a complaint.
    let mut changed = body.clone();
    changed.description = "A completely different complaint text here.".into();
    let refused = refusal(app.post_complaint(&phone, &changed).await).await;
    assert_eq!(refused.kind(), (StatusCode::CONFLICT, "id_reused"));
    let refused = refusal(app.post_complaint(&device(), &body).await).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
}

fn jpeg_with_exif() -> Vec<u8> {
    fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
        let mut s = vec![0xFF, marker];
        s.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
        s.extend_from_slice(payload);
        s
    }
    let mut jpeg = vec![0xFF, 0xD8];
    jpeg.extend(segment(0xE0, b"JFIF\0\x01\x02\0\0\x01\0\x01\0\0"));
    jpeg.extend(segment(
        0xE1,
        b"Exif\0\0GPSLatitude 42.4635 GPSLongitude 21.4694 Make Samsung",
    ));
    jpeg.extend(segment(0xDB, &[&[0u8][..], &[1u8; 64][..]].concat()));
    jpeg.extend(segment(0xC0, &[8, 0, 16, 0, 16, 1, 1, 0x11, 0]));
    jpeg.extend(segment(
        0xC4,
        &[0x00, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5],
    ));
    jpeg.extend(segment(0xDA, &[1, 1, 0x00, 0, 63, 0]));
    jpeg.extend_from_slice(&[0x12, 0x34, 0x56, 0xFF, 0xD9]);
    jpeg
}

#[tokio::test]
async fn photos_are_stored_without_their_metadata_and_only_by_their_owner() {
    let app = spawn_app().await;
    let phone = device();
    let mut body = complaint("illegal_dumping", in_municipality("gjilan"));
    body.photo_count = 2;
    let id = app.file(&phone, &body).await.id;
    let put = |device: String, index: &str, bytes: Vec<u8>, content_type: &str| {
        app.client
            .put(app.url(&format!("/api/v1/complaints/{id}/photos/{index}")))
            .header("Authorization", format!("Device {device}"))
            .header("Content-Type", content_type.to_owned())
            .body(bytes)
            .send()
    };
    assert_eq!(
        put(phone.clone(), "0", jpeg_with_exif(), "image/jpeg")
            .await
            .unwrap()
            .status(),
        StatusCode::NO_CONTENT
    );
    // Again (a retry after a lost answer): still fine, still one photo.
    assert_eq!(
        put(phone.clone(), "0", jpeg_with_exif(), "image/jpeg")
            .await
            .unwrap()
            .status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        put(phone.clone(), "2", jpeg_with_exif(), "image/jpeg")
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        put(device(), "1", jpeg_with_exif(), "image/jpeg")
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
    let refused = refusal(
        put(
            phone.clone(),
            "1",
            b"%PDF-1.4 not a photo".to_vec(),
            "image/jpeg",
        )
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(
        refused.kind(),
        (StatusCode::UNPROCESSABLE_ENTITY, "photo_unreadable")
    );
    let refused = refusal(
        put(
            phone.clone(),
            "1",
            vec![0xFF; 3 * 1024 * 1024],
            "image/jpeg",
        )
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(refused.status, StatusCode::PAYLOAD_TOO_LARGE);

    // Illegal dumping is for the municipal inspectorate.
    let token = app
        .staff(
            "gjilan.inspector",
            Role::Staff,
            Some("gjilan:mun_inspection"),
        )
        .await;
    let photo = app
        .staff_get(&token, &format!("/api/v1/staff/complaints/{id}/photos/0"))
        .await;
    assert_eq!(photo.status(), StatusCode::OK);
    assert_eq!(photo.headers()["content-type"], "image/jpeg");
    let bytes = photo.bytes().await.unwrap();
    assert!(bytes.starts_with(&[0xFF, 0xD8]));
    assert!(
        !bytes.windows(11).any(|w| w == b"GPSLatitude"),
        "the location is gone"
    );
    let stored = std::fs::read_dir(app.dir.join("data/photos"))
        .unwrap()
        .count();
    assert_eq!(
        stored, 1,
        "content-addressed: the same photo twice is one file"
    );
}

#[tokio::test]
async fn my_complaints_returns_only_what_changed_since_the_cursor() {
    let app = spawn_app().await;
    let phone = device();
    let first = app
        .file(&phone, &complaint("roads_local", in_municipality("gjilan")))
        .await;
    app.file(&phone, &complaint("noise", in_municipality("gjilan")))
        .await;
    app.file(&device(), &complaint("noise", in_municipality("gjilan")))
        .await; // someone else's

    let page = app.my_complaints(&phone).await;
    assert_eq!(page.complaints.len(), 2);
    let cursor = page.cursor;
    let page = app.my_complaints_since(&phone, &cursor).await;
    assert_eq!(page.complaints.len(), 0);
    assert_eq!(page.cursor, cursor);

    let token = app
        .staff(
            "gjilan.staff",
            Role::Staff,
            Some("gjilan:mun_public_services"),
        )
        .await;
    let id = first.id;
    app.act(
        &token,
        id,
        json!({ "action": "reply", "text": "We will repair it on Monday." }),
    )
    .await
    .expect("a reply");
    app.act(
        &token,
        id,
        json!({ "action": "note", "text": "Internal: ask the contractor." }),
    )
    .await
    .expect("a note");

    // Read as text first: nothing of the note, in any field, reaches the phone.
    let since = format!("{}?since={cursor}", paths::MY_COMPLAINTS);
    let text = app.citizen_get(&phone, &since).await.text().await.unwrap();
    assert!(!text.contains("Internal"), "notes never reach the citizen");
    let page: MyComplaintsPage = serde_json::from_str(&text).unwrap();
    let changed = &page.complaints;
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0].status, Status::Received, "a reply acknowledges");
    let last = changed[0].timeline.last().unwrap();
    assert_eq!(last.kind, TimelineKind::Reply);
    assert_eq!(last.text.as_deref(), Some("We will repair it on Monday."));
    let refused = refusal(
        app.citizen_get(&phone, "/api/v1/complaints/mine?since=abc")
            .await,
    )
    .await;
    assert_eq!(refused.kind(), (StatusCode::BAD_REQUEST, "invalid_cursor"));
}

#[tokio::test]
async fn a_closed_complaint_can_be_rated_and_reopened_within_thirty_days() {
    let app = spawn_app().await;
    app.set_time("2026-11-02T09:00:00Z");
    let phone = device();
    let id = app
        .file(
            &phone,
            &complaint("street_lighting", in_municipality("gjilan")),
        )
        .await
        .id;
    let rating = RatingRequest {
        stars: 4,
        comment: Some("Quick".into()),
    };
    let refused = app.rate(&phone, id, &rating).await.unwrap_err();
    assert_eq!(refused.kind(), (StatusCode::CONFLICT, "not_closed"));

    let token = app
        .staff(
            "gjilan.staff",
            Role::Staff,
            Some("gjilan:mun_public_services"),
        )
        .await;
    app.act(
        &token,
        id,
        json!({ "action": "resolve", "reason": "Bulbs replaced on the whole street." }),
    )
    .await
    .expect("resolved");
    let rated = app.rate(&phone, id, &rating).await.unwrap();
    assert_eq!(rated.rating.map(|r| r.stars), Some(4));
    let bad = RatingRequest {
        stars: 9,
        comment: None,
    };
    let refused = app.rate(&phone, id, &bad).await.unwrap_err();
    assert_eq!(
        refused.kind(),
        (StatusCode::UNPROCESSABLE_ENTITY, "stars_out_of_range")
    );
    // Someone else's phone cannot rate it.
    let refused = app.rate(&device(), id, &rating).await.unwrap_err();
    assert_eq!(refused.status, StatusCode::NOT_FOUND);

    app.set_time("2026-11-20T09:00:00Z");
    let token = app.login("gjilan.staff").await;
    let reopen = ReopenRequest {
        request_id: uuid::Uuid::new_v4(),
        reason: "The lights went out again after two days.".into(),
    };
    for _ in 0..2 {
        let reopened = app.reopen(&phone, id, &reopen).await.unwrap();
        assert_eq!(reopened.status, Status::Reopened);
        assert_eq!(
            reopened.due_date.to_string(),
            "2026-12-11",
            "15 working days from the reopening"
        );
    }
    let reopenings: i64 = app
        .state
        .db
        .call(|c| -> Result<_, server::services::ServiceError> {
            Ok(c.query_row(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'reopened'",
                (),
                |r| r.get(0),
            )?)
        })
        .await
        .unwrap();
    assert_eq!(reopenings, 1, "a retried reopening is one reopening");
    // The staff inbox shows it as new again.
    assert_eq!(app.inbox(&token, "?status=reopened").await.total, 1);

    app.act(
        &token,
        id,
        json!({ "action": "resolve", "reason": "Cable replaced, the lights work." }),
    )
    .await
    .expect("resolved again");
    app.set_time("2026-12-25T09:00:00Z");
    let late = ReopenRequest {
        request_id: uuid::Uuid::new_v4(),
        reason: "Dark again, for the third time now.".into(),
    };
    let refused = app.reopen(&phone, id, &late).await.unwrap_err();
    assert_eq!(
        refused.kind(),
        (StatusCode::CONFLICT, "reopen_window_closed")
    );
}

#[tokio::test]
async fn a_flood_from_one_device_is_turned_away_but_retries_still_get_through() {
    let mut config = test_config(&fresh_dir());
    config.device_complaints_per_hour = 3;
    let app = spawn_with(config).await;
    let phone = device();
    let mut first = None;
    for _ in 0..3 {
        let body = complaint("noise", in_municipality("prizren"));
        app.file(&phone, &body).await;
        first.get_or_insert(body);
    }
    let response = app
        .post_complaint(&phone, &complaint("noise", in_municipality("prizren")))
        .await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(wait > 0 && wait <= 3600);
    assert_eq!(
        app.post_complaint(&phone, &first.unwrap()).await.status(),
        StatusCode::OK
    );
    // Another citizen is not affected.
    app.file(&device(), &complaint("noise", in_municipality("prizren")))
        .await;
}

#[tokio::test]
async fn the_catalog_answers_not_modified_for_a_current_copy() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(app.url(paths::CATALOG))
        .send()
        .await
        .unwrap();
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();
    let catalog: Catalog = answer(response).await.unwrap();
    assert_eq!(catalog.municipalities.len(), 38);
    assert!(catalog.categories.len() > 50);
    let again = app
        .client
        .get(app.url("/api/v1/catalog"))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);

    // An administrator changes a category: the catalog has a new version.
    let admin = app.staff("admin", Role::Administrator, None).await;
    let change = app
        .client
        .patch(app.url("/api/v1/admin/categories/noise"))
        .bearer_auth(&admin)
        .json(&json!({ "name": { "en": "Noise from bars, building sites and events" } }))
        .send()
        .await
        .unwrap();
    assert_eq!(change.status(), StatusCode::OK);
    let fresh = app
        .client
        .get(app.url("/api/v1/catalog"))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(fresh.status(), StatusCode::OK);
    assert_ne!(fresh.headers()["etag"].to_str().unwrap(), etag);
    let catalog: protocol::api::Catalog = fresh.json().await.unwrap();
    let noise = catalog.categories.iter().find(|c| c.id == "noise").unwrap();
    assert_eq!(noise.name.en, "Noise from bars, building sites and events");
    assert_ne!(
        noise.name.sq, noise.name.en,
        "the other languages keep their names"
    );
}
