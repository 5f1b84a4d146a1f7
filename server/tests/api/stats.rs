//! Public figures per institution, category and municipality, and their CSV, without personal data.

use protocol::api::Contact;
use reqwest::StatusCode;
use serde_json::json;
use server::auth::Role;
use server::services::statistics::StatsRow;

use crate::helpers::*;

#[tokio::test]
async fn figures_count_what_happened_and_reveal_no_one() {
    let app = spawn_app().await;
    app.set_time("2026-11-02T08:00:00Z");
    let mut ids = Vec::new();
    for _ in 0..3 {
        let mut body = complaint("roads_local", in_municipality("gjilan"));
        body.contact = Some(Contact {
            name: Some("Drita Secret".into()),
            phone: Some("+383 44 999 888".into()),
            email: None,
        });
        ids.push(app.file(&device(), &body).await.id);
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
        ids[0],
        json!({ "action": "reply", "text": "We are on it." }),
    )
    .await
    .expect("a reply");
    app.set_time("2026-11-03T08:00:00Z");
    let token = app.login("gjilan.staff").await;
    app.act(
        &token,
        ids[1],
        json!({ "action": "resolve", "reason": "Pothole filled this morning." }),
    )
    .await
    .expect("resolved");
    app.set_time("2026-11-06T08:00:00Z");
    let token = app.login("gjilan.staff").await;
    app.act(&token, ids[2], json!({ "action": "acknowledge" }))
        .await
        .expect("acknowledged"); // late: due 4 November

    let stats = app.stats("?from=2026-11-01&to=2026-11-30").await;
    let row = |key: &str| -> &StatsRow { stats.rows.iter().find(|r| r.key == key).unwrap() };
    let gjilan = row("gjilan:mun_public_services");
    assert_eq!(gjilan.received, 3);
    assert_eq!(gjilan.acknowledged_on_time, 2);
    assert_eq!(gjilan.resolved, 1);
    assert_eq!(
        gjilan.median_first_response_hours,
        Some(14.0),
        "4 h and 24 h"
    );
    assert_eq!(
        gjilan.overdue, 0,
        "acknowledged late, but its answer is not due yet"
    );
    assert_eq!(
        row("peje:mun_public_services").overdue,
        1,
        "never acknowledged"
    );

    let by_municipality = app
        .stats("?from=2026-11-01&to=2026-11-30&group=municipality")
        .await;
    let keys: Vec<&str> = by_municipality
        .rows
        .iter()
        .map(|r| r.key.as_str())
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
        "key,name_sq,name_sr,name_en,received,acknowledged_on_time,median_first_response_hours,resolved,rejected,transferred,overdue,escalated,ratings,average_rating"
    );
    assert!(lines.next().unwrap().starts_with("roads_local,"));
    for secret in ["Drita", "999", "two weeks"] {
        assert!(!text.contains(secret), "{secret} leaked into the export");
    }
}

/// The figures for all institutions come from daily totals kept by triggers; one institution's
/// come from its complaints. Over the demo data (transfers, reopenings, ratings, overdue ones)
/// both give the same figures for every institution, and the category and municipality totals
/// add up to the same complaints.
#[tokio::test]
async fn daily_totals_agree_with_the_complaints_themselves() {
    let mut config = test_config(&fresh_dir());
    config.demo = true;
    let app = spawn_with(config).await;
    // The demo's oldest unanswered complaints are long past their deadlines.
    let escalated = server::scheduler::escalate_if_due(&app.state)
        .await
        .unwrap()
        .unwrap();
    assert!(!escalated.is_empty(), "the demo has escalated complaints");
    let get = |query: String| {
        let app = &app;
        async move {
            app.stats(&format!("?from=2024-01-01&to=2028-12-31{query}"))
                .await
                .rows
        }
    };
    let all = get(String::new()).await;
    assert!(all.len() > 20, "the demo reaches many institutions");
    let mut received = 0;
    for row in &all {
        let institution = &row.key;
        let own = get(format!("&institution={institution}")).await;
        assert_eq!(own, vec![row.clone()], "{institution}");
        received += row.received;
    }
    assert_eq!(received, 320);
    let figures: [(&str, Figure); 7] = [
        ("received", |r| r.received),
        ("resolved", |r| r.resolved),
        ("rejected", |r| r.rejected),
        ("transferred", |r| r.transferred),
        ("overdue", |r| r.overdue),
        ("escalated", |r| r.escalated),
        ("ratings", |r| r.ratings),
    ];
    for group in ["category", "municipality"] {
        let rows = get(format!("&group={group}")).await;
        for (figure, of) in figures {
            let sum: u64 = rows.iter().map(of).sum();
            let expected: u64 = all.iter().map(of).sum();
            assert_eq!(sum, expected, "{figure} by {group}");
        }
    }
    // What the triggers kept is what a rebuild from the complaints gives.
    let (kept, rebuilt) = app
        .state
        .db
        .call(|c| -> Result<_, server::services::ServiceError> {
            let kept = daily_tables(c);
            server::db::figures::rebuild(c)?;
            Ok((kept, daily_tables(c)))
        })
        .await
        .unwrap();
    assert!(kept.len() > 500);
    assert_eq!(kept, rebuilt);
    for (figure, of) in figures {
        if ["transferred", "overdue", "escalated", "ratings", "resolved"].contains(&figure) {
            assert!(
                all.iter().any(|r| of(r) > 0),
                "the demo has {figure} complaints"
            );
        }
    }
}

/// One of a row's counts.
type Figure = fn(&StatsRow) -> u64;

/// Both daily tables as text, rows with nothing in them left out, response times sorted.
fn daily_tables(c: &server::db::Conn) -> Vec<String> {
    let mut rows = Vec::new();
    let mut figures = c
        .prepare("SELECT * FROM daily_figures WHERE received > 0 ORDER BY 1, 2, 3")
        .unwrap();
    let mut result = figures.query(()).unwrap();
    while let Some(r) = result.next().unwrap() {
        let mut line: Vec<String> = (0..10)
            .map(|i| format!("{:?}", r.get::<_, server::db::Value>(i).unwrap()))
            .collect();
        let mut tenths: Vec<u32> = r
            .get::<_, String>(10)
            .unwrap()
            .split(',')
            .filter_map(|t| t.parse().ok())
            .collect();
        tenths.sort_unstable();
        line.push(format!("{tenths:?}"));
        rows.push(line.join(" "));
    }
    let mut open = c
        .prepare("SELECT * FROM daily_open ORDER BY 1, 2, 3, 4, 5, 6")
        .unwrap();
    let mut result = open.query(()).unwrap();
    while let Some(r) = result.next().unwrap() {
        let line: Vec<String> = (0..7)
            .map(|i| format!("{:?}", r.get::<_, server::db::Value>(i).unwrap()))
            .collect();
        rows.push(line.join(" "));
    }
    rows
}
