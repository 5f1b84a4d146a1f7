//! A restart keeps everything that was acknowledged, and loads the reference data only once.

use protocol::api::ComplaintReceipt;
use reqwest::StatusCode;
use server::auth::Role;

use crate::helpers::*;

#[tokio::test]
async fn every_acknowledged_complaint_survives_a_restart() {
    let app = spawn_app().await;
    let phone = device();
    let mut bodies = Vec::new();
    let mut receipts = Vec::new();
    for municipality in ["gjilan", "prishtine", "prizren", "peje"] {
        let body = complaint("roads_local", in_municipality(municipality));
        receipts.push(app.file(&phone, &body).await);
        bodies.push(body);
    }
    let token = app
        .staff(
            "gjilan.staff",
            Role::Staff,
            Some("gjilan:mun_public_services"),
        )
        .await;
    let gjilan_id = receipts[0].id;
    app.act(
        &token,
        gjilan_id,
        serde_json::json!({ "action": "acknowledge" }),
    )
    .await
    .expect("acknowledged");
    let institutions_before: i64 = app
        .state
        .db
        .call(|c| {
            Ok::<_, server::services::ServiceError>(c.query_row(
                "SELECT COUNT(*) FROM institutions",
                (),
                |r| r.get(0),
            )?)
        })
        .await
        .unwrap();
    let dir = app.stop_keeping_data();

    let app = spawn_with(test_config(&dir)).await;
    let page = app.my_complaints(&phone).await;
    let codes: Vec<&str> = page
        .complaints
        .iter()
        .map(|c| c.tracking_code.as_str())
        .collect();
    for receipt in &receipts {
        assert!(codes.contains(&receipt.tracking_code.as_str()));
    }
    // A phone that never heard the answer sends again: the same receipt, no duplicate.
    let again = app.post_complaint(&phone, &bodies[3]).await;
    assert_eq!(again.status(), StatusCode::OK);
    assert_eq!(
        answer::<ComplaintReceipt>(again).await.unwrap(),
        receipts[3]
    );
    let token = app.login("gjilan.staff").await;
    let detail = app.staff_complaint(&token, gjilan_id).await;
    assert_eq!(detail.item.status, "received");
    let institutions_after: i64 = app
        .state
        .db
        .call(|c| {
            Ok::<_, server::services::ServiceError>(c.query_row(
                "SELECT COUNT(*) FROM institutions",
                (),
                |r| r.get(0),
            )?)
        })
        .await
        .unwrap();
    assert_eq!(institutions_before, institutions_after);
}

#[tokio::test]
async fn a_failing_database_job_does_not_stop_the_writer() {
    let app = spawn_app().await;
    let crashed = app
        .state
        .db
        .call(|_| -> Result<(), server::services::ServiceError> { panic!("a bug in a handler") })
        .await;
    assert!(crashed.is_err());
    // The next complaint is filed as usual.
    app.file(
        &device(),
        &complaint("roads_local", in_municipality("gjilan")),
    )
    .await;
}
