//! Public figures per institution, category and municipality, and their CSV, without personal data.

use reqwest::StatusCode;
use serde_json::{Value, json};
use server::auth::Role;

use crate::helpers::*;

#[tokio::test]
async fn figures_count_what_happened_and_reveal_no_one() {
    let app = spawn_app().await;
    app.set_time("2026-11-02T08:00:00Z");
    let mut ids = Vec::new();
    for _ in 0..3 {
        let mut body = complaint("roads_local", in_municipality("gjilan"));
        body["contact"] =
            json!({ "name": "Drita Secret", "phone": "+383 44 999 888", "email": null });
        ids.push(
            app.file(&device(), &body).await["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    app.file(
        &device(),
        &complaint("roads_local", in_municipality("peje")),
    )
    .await;
    let token = app
        .staff(
            "gjilan.staff",
            Role::Staff,
            Some("gjilan:mun_public_services"),
        )
        .await;
    app.set_time("2026-11-02T12:00:00Z");
    app.act(
        &token,
        &ids[0],
        json!({ "action": "reply", "text": "We are on it." }),
    )
    .await;
    app.set_time("2026-11-03T08:00:00Z");
    let token = app.login("gjilan.staff").await;
    app.act(
        &token,
        &ids[1],
        json!({ "action": "resolve", "reason": "Pothole filled this morning." }),
    )
    .await;
    app.set_time("2026-11-06T08:00:00Z");
    let token = app.login("gjilan.staff").await;
    app.act(&token, &ids[2], json!({ "action": "acknowledge" }))
        .await; // late: due 4 November

    let stats: Value = app
        .client
        .get(app.url("/api/v1/stats?from=2026-11-01&to=2026-11-30"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let gjilan = stats["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "gjilan:mun_public_services")
        .unwrap();
    assert_eq!(gjilan["received"], 3);
    assert_eq!(gjilan["acknowledged_on_time"], 2);
    assert_eq!(gjilan["resolved"], 1);
    assert_eq!(gjilan["median_first_response_hours"], 14.0, "4 h and 24 h");
    assert_eq!(
        gjilan["overdue"], 0,
        "acknowledged late, but its answer is not due yet"
    );
    let peje = stats["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "peje:mun_public_services")
        .unwrap();
    assert_eq!(peje["overdue"], 1, "never acknowledged");

    let by_municipality: Value = app
        .client
        .get(app.url("/api/v1/stats?from=2026-11-01&to=2026-11-30&group=municipality"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let keys: Vec<&str> = by_municipality["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, vec!["gjilan", "peje"]);

    let csv = app
        .client
        .get(app.url("/api/v1/stats.csv?from=2026-11-01&to=2026-11-30&group=category"))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = csv.text().await.unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "key,name_sq,name_sr,name_en,received,acknowledged_on_time,median_first_response_hours,resolved,rejected,transferred,overdue,ratings,average_rating"
    );
    assert!(lines.next().unwrap().starts_with("roads_local,"));
    for secret in ["Drita", "999", "two weeks"] {
        assert!(!text.contains(secret), "{secret} leaked into the export");
    }
}
