//! Deadlines count working days in Kosovo time: weekends and public holidays do not count.

use crate::helpers::*;

async fn dues(app: &TestApp, category: &str, at: &str) -> (String, String) {
    app.set_time(at);
    let receipt = app
        .file(
            &device(),
            &complaint(category, in_municipality("prishtine")),
        )
        .await;
    let id = receipt.id.to_string();
    let row: (String, String) = app
        .state
        .db
        .call(move |c| -> Result<_, server::services::ServiceError> {
            Ok(c.query_row(
                "SELECT ack_due, answer_due FROM complaints WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .await
        .unwrap();
    assert_eq!(
        receipt.due_date.to_string(),
        row.1,
        "the citizen is told the answer deadline"
    );
    row
}

#[tokio::test]
async fn a_friday_complaint_is_due_after_the_weekend() {
    let app = spawn_app().await;
    // Friday 27 November 2026, afternoon: acknowledge by Tuesday, answer 15 working days later.
    let (ack, answer) = dues(&app, "roads_local", "2026-11-27T15:00:00Z").await;
    assert_eq!(ack, "2026-12-01");
    assert_eq!(answer, "2026-12-18");
}

#[tokio::test]
async fn christmas_new_year_and_orthodox_christmas_do_not_count() {
    let app = spawn_app().await;
    // Thursday 24 December 2026. 25 Dec (Catholic Christmas) is a holiday, then a weekend; 1 Jan,
    // 4 Jan (in lieu of 2 Jan, a Saturday) and 7 Jan (Orthodox Christmas) are holidays too.
    let (ack, answer) = dues(&app, "roads_local", "2026-12-24T10:00:00Z").await;
    assert_eq!(ack, "2026-12-29");
    assert_eq!(answer, "2027-01-20");
    // Urgent categories have shorter deadlines: water within 1 and 5 working days.
    let (ack, answer) = dues(&app, "water_supply", "2026-12-24T10:00:00Z").await;
    assert_eq!(ack, "2026-12-28");
    assert_eq!(answer, "2027-01-05");
}

#[tokio::test]
async fn the_day_is_the_day_in_kosovo() {
    let app = spawn_app().await;
    // 23:30 UTC on Thursday is already Friday 00:30 in Kosovo.
    let (ack, _) = dues(&app, "roads_local", "2026-11-26T23:30:00Z").await;
    assert_eq!(ack, "2026-12-01", "counted from Friday");
}

#[tokio::test]
async fn an_administrator_can_declare_an_extra_holiday() {
    let app = spawn_app().await;
    let admin = app
        .staff("admin", server::auth::Role::Administrator, None)
        .await;
    let added = app
        .staff_post(
            &admin,
            "/api/v1/admin/holidays",
            &serde_json::json!({ "date": "2026-11-30", "name": { "sq": "Ditë pushimi", "sr": "Neradni dan", "en": "Day off" } }),
        )
        .await;
    assert_eq!(added.status(), reqwest::StatusCode::CREATED);
    let (ack, _) = dues(&app, "roads_local", "2026-11-27T15:00:00Z").await;
    assert_eq!(ack, "2026-12-02");
}
