//! Dates, periods, numbers and search text at their extremes, sent to every endpoint that reads
//! them: each answers a 4xx with a message a person can act on (or, for search text, 200 with
//! what matched), never a 500.

use reqwest::{Response, StatusCode};
use serde_json::json;
use server::auth::{Role, sha256_hex};

use crate::helpers::*;

/// Dates no one means: the ends of what the date library can hold, year zero, far futures,
/// and the days just outside the window the server accepts.
const DATES: &[&str] = &[
    "-262143-01-01",
    "+262142-12-31",
    "262143-01-01",
    "0000-01-01",
    "9999-12-31",
    "1999-12-31",
    "2101-01-01",
];

/// Numbers outside every range a request may carry: negative, zero where counting starts at
/// one, past 32 and 64 bits, and not numbers at all.
const NUMBERS: &[&str] = &[
    "-1",
    "0",
    "101",
    "100001",
    "4294967296",
    "9223372036854775807",
    "-9223372036854775808",
    "18446744073709551616",
    "1e9",
    "NaN",
];

/// Asserts a refusal a person can act on: a 4xx whose body (JSON or a page) is not empty.
async fn refused(what: &str, response: Response) {
    let status = response.status();
    let body = response.text().await.unwrap();
    assert!(status.is_client_error(), "{what}: {status} {body}");
    assert!(!body.trim().is_empty(), "{what}: an empty {status}");
}

#[tokio::test]
async fn dates_periods_and_numbers_at_their_extremes_are_refused_with_a_4xx() {
    let app = spawn_app().await;
    app.set_time("2026-11-02T08:00:00Z");
    let admin = app.staff("admin", Role::Administrator, None).await;
    let staff = app
        .staff(
            "gjilan.staff",
            Role::Staff,
            Some("gjilan:mun_public_services"),
        )
        .await;
    let phone = device();
    let form_token = sha256_hex(format!("zeri-form:{admin}").as_bytes());
    let holiday = |date: &str| json!({ "date": date, "name": { "sq": "Festë", "sr": "Praznik", "en": "Holiday" } });

    for date in DATES {
        for query in [
            format!("to={date}"),
            format!("from={date}"),
            format!("from={date}&to={date}"),
            format!("from=2026-01-01&to={date}"),
        ] {
            for path in ["/api/v1/stats", "/api/v1/stats.csv", "/staff/stats"] {
                let url = format!("{path}?{}", query.replace('+', "%2B"));
                refused(&url, app.staff_get(&staff, &url).await).await;
            }
        }
        refused(
            &format!("holiday {date}"),
            app.staff_post(&admin, "/api/v1/admin/holidays", &holiday(date))
                .await,
        )
        .await;
        let response = app
            .client
            .delete(app.url(&format!(
                "/api/v1/admin/holidays/{}",
                date.replace('+', "%2B")
            )))
            .bearer_auth(&admin)
            .send()
            .await
            .unwrap();
        refused(&format!("delete holiday {date}"), response).await;
        for (starts_on, ends_on) in [(*date, "2026-12-01"), ("2026-11-01", *date)] {
            let response = app
                .client
                .post(app.url("/staff/campaigns"))
                .bearer_auth(&admin)
                .form(&[
                    ("form_token", form_token.as_str()),
                    ("name", "Extremes"),
                    ("starts_on", starts_on),
                    ("ends_on", ends_on),
                    ("municipality_id", ""),
                ])
                .send()
                .await
                .unwrap();
            refused(&format!("campaign {starts_on} to {ends_on}"), response).await;
        }
    }

    // Periods backwards, and longer than anyone reports on.
    for query in [
        "from=2026-12-01&to=2026-11-01",
        "from=2000-01-01&to=2100-12-31",
        "from=2020-01-01&to=2026-01-02",
        "from=2010-01-01",
    ] {
        for path in ["/api/v1/stats", "/api/v1/stats.csv", "/staff/stats"] {
            let url = format!("{path}?{query}");
            refused(&url, app.staff_get(&staff, &url).await).await;
        }
    }
    let refused_date = refusal(
        app.staff_get(&staff, "/api/v1/stats?to=-262143-01-01")
            .await,
    )
    .await;
    assert_eq!(
        refused_date.kind(),
        (StatusCode::BAD_REQUEST, "date_out_of_range"),
        "{}",
        refused_date.message()
    );

    for number in NUMBERS {
        let mut paths = vec![
            format!("/api/v1/staff/complaints?per_page={number}"),
            format!(
                "/api/v1/staff/complaints/{}/photos/{number}",
                uuid::Uuid::new_v4()
            ),
        ];
        if *number != "101" {
            paths.push(format!("/api/v1/staff/complaints?page={number}"));
            paths.push(format!("/staff?page={number}"));
        }
        for path in paths {
            refused(&path, app.staff_get(&staff, &path).await).await;
        }
        let path = format!("/api/v1/complaints/mine?since={number}");
        if !["0", "101", "100001", "4294967296"].contains(number) {
            refused(&path, app.citizen_get(&phone, &path).await).await;
        }
        let raw = |body: String| {
            app.client
                .patch(app.url("/api/v1/admin/categories/roads_local"))
                .bearer_auth(&admin)
                .header("Content-Type", "application/json")
                .body(body)
                .send()
        };
        for field in [
            "ack_working_days",
            "answer_working_days",
            "escalate_working_days",
        ] {
            if field == "answer_working_days" && *number == "101" {
                continue;
            }
            let response = raw(format!("{{\"{field}\": {number}}}")).await.unwrap();
            refused(&format!("{field} {number}"), response).await;
        }
        let rule = format!(
            "{{\"category_id\": \"roads_local\", \"target\": \"water_company\", \"priority\": {number}}}"
        );
        if !["-1", "0", "101"].contains(number) {
            let response = app
                .client
                .post(app.url("/api/v1/admin/routing-rules"))
                .bearer_auth(&admin)
                .header("Content-Type", "application/json")
                .body(rule)
                .send()
                .await
                .unwrap();
            refused(&format!("priority {number}"), response).await;
        }
        for path in [
            format!("/api/v1/admin/routing-rules/{number}"),
            format!("/api/v1/admin/holidays/{number}"),
        ] {
            let response = app
                .client
                .delete(app.url(&path))
                .bearer_auth(&admin)
                .send()
                .await
                .unwrap();
            refused(&path, response).await;
        }
        // Raw JSON: numbers no `u8` can hold.
        let mut body =
            serde_json::to_value(complaint("roads_local", in_municipality("gjilan"))).unwrap();
        body["photo_count"] = serde_json::from_str(number).unwrap_or(json!(number));
        if *number != "0" {
            refused(
                &format!("photo_count {number}"),
                app.post_complaint(&phone, &body).await,
            )
            .await;
        }
    }
    for assigned in ["9223372036854775808", "-9223372036854775809", "1e9", "NaN"] {
        let path = format!("/api/v1/staff/complaints?assigned={assigned}");
        refused(&path, app.staff_get(&staff, &path).await).await;
    }
    // The cursor a phone sends back is one the server gave it: a count of events, never negative.
    assert_eq!(
        app.citizen_get(&phone, "/api/v1/complaints/mine?since=0")
            .await
            .status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn search_text_with_control_characters_and_query_syntax_is_searched_as_words() {
    let app = spawn_app().await;
    let staff = app
        .staff(
            "gjilan.staff",
            Role::Staff,
            Some("gjilan:mun_public_services"),
        )
        .await;
    let mut body = complaint("roads_local", in_municipality("gjilan"));
    body.description = "A deep pothole on the main road near the school.".into();
    let tracking_code = app.file(&device(), &body).await.tracking_code;

    let long = "pothole ".repeat(25);
    let queries: Vec<String> = [
        "%00",
        "pothole%00",
        "%00pothole",
        "%01%02%1F%7F",
        "pot%0Ahole",
        "%09pothole%0D",
        "%22",
        "%22%22%22",
        "pothole%22",
        "*",
        "pothole*",
        "**",
        "NEAR(",
        "NEAR(pothole road",
        "pothole NEAR road",
        "AND",
        "pothole AND",
        "OR NOT",
        "-",
        "-pothole",
        ":",
        "description:pothole",
        "(",
        ")",
        "((pothole",
        "pothole))",
        "!@%23$%25^%26*()_%2B{}|:<>?",
        ".,;",
        "^",
        "%E2%80%8B",
        "%F0%9F%95%B3%EF%B8%8F",
    ]
    .iter()
    .map(|q| q.to_string())
    .chain([long.trim().replace(' ', "+")])
    .collect();
    for q in &queries {
        for path in [
            format!("/api/v1/staff/complaints?q={q}"),
            format!("/staff?q={q}"),
        ] {
            let response = app.staff_get(&staff, &path).await;
            let status = response.status();
            let text = response.text().await.unwrap();
            assert_eq!(status, StatusCode::OK, "{path}: {text}");
        }
    }

    // Words still find what they should, whatever surrounds them.
    for q in [
        "pothole",
        "%00pothole%00",
        "%22pothole%22",
        "pothole*",
        "(pothole)",
        "pot",
    ] {
        let inbox = app.inbox(&staff, &format!("?q={q}")).await;
        assert_eq!(inbox.total, 1, "{q}: {inbox:?}");
    }
    let inbox = app.inbox(&staff, &format!("?q={tracking_code}")).await;
    assert_eq!(inbox.total, 1, "{tracking_code}: {inbox:?}");

    // Text longer than anyone types into a search box is refused, and the page says why.
    let too_long = "a".repeat(201);
    for path in [
        format!("/api/v1/staff/complaints?q={too_long}"),
        format!("/staff?q={too_long}"),
    ] {
        let response = app.staff_get(&staff, &path).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{path}");
    }
    let too_long = refusal(
        app.staff_get(&staff, &format!("/api/v1/staff/complaints?q={too_long}"))
            .await,
    )
    .await;
    assert_eq!(too_long.code(), "search_too_long", "{}", too_long.message());
}
