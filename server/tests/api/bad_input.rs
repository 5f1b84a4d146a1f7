//! Bad input gets a 4xx with a message a person can act on, in their language; never a 500.

use protocol::api::Contact;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::*;

#[tokio::test]
async fn malformed_wrong_and_oversized_requests_are_told_what_is_wrong() {
    let app = spawn_app().await;
    let phone = device();
    let post_raw = |body: Vec<u8>, content_type: &'static str| {
        app.client
            .post(app.url("/api/v1/complaints"))
            .header("Authorization", format!("Device {phone}"))
            .header("Content-Type", content_type)
            .body(body)
            .send()
    };
    let cases: Vec<(reqwest::Response, StatusCode, &str)> = vec![
        (
            post_raw(b"{\"id\": ".to_vec(), "application/json")
                .await
                .unwrap(),
            StatusCode::BAD_REQUEST,
            "malformed_json",
        ),
        (
            post_raw(br#"{"id": 5, "category": []}"#.to_vec(), "application/json")
                .await
                .unwrap(),
            StatusCode::BAD_REQUEST,
            "invalid_body",
        ),
        (
            post_raw(b"category=roads".to_vec(), "text/plain")
                .await
                .unwrap(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            post_raw(vec![b' '; 200 * 1024], "application/json")
                .await
                .unwrap(),
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
        ),
        (
            app.post_complaint(
                &phone,
                &complaint("no_such_category", in_municipality("gjilan")),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_category",
        ),
        (
            app.post_complaint(
                &phone,
                &complaint("roads_local", in_municipality("atlantis")),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_municipality",
        ),
        (
            app.post_complaint(&phone, &complaint("roads_local", gps(48.85, 2.35)))
                .await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "outside_kosovo",
        ),
        (
            app.post_complaint(&phone, &{
                let mut c = complaint("roads_local", in_municipality("gjilan"));
                c.description = "short".into();
                c
            })
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "description_too_short",
        ),
        (
            app.post_complaint(&phone, &{
                let mut c = complaint("roads_local", in_municipality("gjilan"));
                c.photo_count = 9;
                c
            })
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "too_many_photos",
        ),
        (
            app.post_complaint(&phone, &{
                let mut c = complaint("roads_local", in_municipality("gjilan"));
                c.contact = Some(Contact {
                    name: Some("Arta".into()),
                    phone: None,
                    email: Some("arta@".into()),
                });
                c
            })
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "email_invalid",
        ),
        (
            app.client
                .post(app.url("/api/v1/complaints"))
                .json(&complaint("roads_local", in_municipality("gjilan")))
                .send()
                .await
                .unwrap(),
            StatusCode::UNAUTHORIZED,
            "device_required",
        ),
        (
            app.citizen_get(&phone, "/api/v1/complaints/not-a-uuid/rating")
                .await,
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
        ),
        (
            app.citizen_post(
                &phone,
                "/api/v1/complaints/not-a-uuid/rating",
                &json!({ "stars": 3 }),
            )
            .await,
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            app.citizen_get(&phone, "/api/v1/nowhere").await,
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            app.staff_get("x", "/api/v1/staff/complaints?page=-1").await,
            StatusCode::UNAUTHORIZED,
            "unauthorized",
        ),
    ];
    for (response, status, code) in cases {
        let refused = refusal(response).await;
        assert_eq!(refused.kind(), (status, code), "{}", refused.message());
    }
}

#[tokio::test]
async fn errors_speak_the_language_the_request_asks_for() {
    let app = spawn_app().await;
    let body = complaint("roads_local", in_municipality("gjilan"));
    let mut short = body.clone();
    short.description = "short".into();
    for (language, expected) in [
        ("sq", "Përshkruaje problemin me të paktën 10 shkronja."),
        ("sr-Latn", "Opiši problem sa najmanje 10 znakova."),
        ("sr-Cyrl", "Опиши проблем са најмање 10 знакова."),
        (
            "en-GB,en;q=0.9",
            "Describe the problem in at least 10 characters.",
        ),
    ] {
        let response = app
            .client
            .post(app.url("/api/v1/complaints"))
            .header("Authorization", format!("Device {}", device()))
            .header("Accept-Language", language)
            .json(&short)
            .send()
            .await
            .unwrap();
        assert_eq!(refusal(response).await.message(), expected);
    }
    let response = app
        .client
        .get(app.url("/api/v1/nowhere"))
        .header("Accept-Language", "sq")
        .send()
        .await
        .unwrap();
    assert_eq!(
        refusal(response).await.message(),
        "Nuk u gjet. Kontrollo adresën ose kodin e gjurmimit."
    );
}

#[tokio::test]
async fn staff_and_admin_input_is_checked_too() {
    let app = spawn_app().await;
    let admin = app
        .staff("admin", server::auth::Role::Administrator, None)
        .await;
    let id = app
        .file(
            &device(),
            &complaint("roads_local", in_municipality("gjilan")),
        )
        .await
        .id;
    let actions = actions_path(id);
    let cases = [
        (app.staff_post(&admin, &actions, &json!({ "action": "dance" })).await, StatusCode::BAD_REQUEST, "invalid_body"),
        (app.staff_post(&admin, &actions, &json!({ "action": "reply", "text": "   " })).await, StatusCode::UNPROCESSABLE_ENTITY, "reason_too_short"),
        (app.staff_get(&admin, "/api/v1/staff/complaints?assigned=someone").await, StatusCode::BAD_REQUEST, "invalid_filter"),
        (app.staff_get(&admin, "/api/v1/stats?from=2026-12-01&to=2026-11-01").await, StatusCode::BAD_REQUEST, "invalid_period"),
        (app.staff_get(&admin, "/api/v1/stats?group=planet").await, StatusCode::BAD_REQUEST, "bad_request"),
        (
            app.staff_post(&admin, "/api/v1/admin/routing-rules", &json!({ "category_id": "roads_local", "target": "institution:nowhere" })).await,
            StatusCode::BAD_REQUEST,
            "unknown_target",
        ),
        (
            app.staff_post(
                &admin,
                "/api/v1/admin/staff",
                &json!({ "username": "new.person", "display_name": "New", "password": "short", "role": "staff", "institution_id": "msh" }),
            )
            .await,
            StatusCode::BAD_REQUEST,
            "password_too_short",
        ),
    ];
    for (response, status, code) in cases {
        let refused = refusal(response).await;
        assert_eq!(refused.kind(), (status, code), "{}", refused.message());
    }
}
