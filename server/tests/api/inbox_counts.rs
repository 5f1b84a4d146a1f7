//! The inbox's counts ("all", "new", "overdue"), which come from the daily totals, agree with
//! counting the complaints themselves through every kind of change, for an institution and for
//! an administrator.

use protocol::api::ReopenRequest;
use serde_json::json;
use server::auth::Role;

use crate::helpers::*;

const PRISHTINA: &str = "prishtine:mun_public_services";
const GJILAN: &str = "gjilan:mun_public_services";

/// The inbox's counts for `scope` ("" or "?institution=…"), and the same counted from the
/// complaints, through filters that count rows.
async fn counts_and_recount(app: &TestApp, token: &str, scope: &str) -> [(i64, i64); 3] {
    let joined = |filter: &str| {
        if scope.is_empty() {
            format!("?{filter}")
        } else {
            format!("{scope}&{filter}")
        }
    };
    let inbox = app.inbox(token, scope).await;
    let every_status =
        "status=submitted,received,in_progress,transferred,reopened,resolved,rejected";
    let all = app.inbox(token, &joined(every_status)).await.total;
    let new = app
        .inbox(token, &joined("status=submitted,transferred,reopened"))
        .await
        .total;
    let overdue = app.inbox(token, &joined("overdue=true")).await.total;
    [
        (inbox.total, all),
        (inbox.new, new),
        (inbox.overdue, overdue),
    ]
}

async fn assert_counts(app: &TestApp, expected: [i64; 3], when: &str) {
    let staff = app.login("prishtina.staff").await;
    let admin = app.login("counts.admin").await;
    for (token, scope) in [
        (&staff, ""),
        (&admin, &format!("?institution={PRISHTINA}") as &str),
    ] {
        let counts = counts_and_recount(app, token, scope).await;
        let shown: Vec<i64> = counts.iter().map(|(shown, _)| *shown).collect();
        let recounted: Vec<i64> = counts.iter().map(|(_, counted)| *counted).collect();
        assert_eq!(shown, expected, "all, new, overdue {when} ({scope:?})");
        assert_eq!(recounted, expected, "counted from the complaints {when}");
    }
    let everywhere = counts_and_recount(app, &admin, "").await;
    for (shown, counted) in everywhere {
        assert_eq!(shown, counted, "every institution's counts {when}");
    }
}

#[tokio::test]
async fn the_inbox_counts_follow_every_change_to_its_complaints() {
    let app = spawn_app().await;
    app.set_time("2026-11-02T09:00:00Z");
    app.account("counts.admin", Role::Administrator, None).await;
    let staff = app
        .staff("prishtina.staff", Role::Staff, Some(PRISHTINA))
        .await;
    let phone = device();
    let mut ids = Vec::new();
    for _ in 0..4 {
        let receipt = app
            .file(
                &phone,
                &complaint("waste_collection", in_municipality("prishtine")),
            )
            .await;
        ids.push(receipt.id);
    }
    app.file(
        &device(),
        &complaint("waste_collection", in_municipality("gjilan")),
    )
    .await;
    assert_counts(&app, [4, 4, 0], "after filing").await;

    app.act(&staff, ids[0], json!({ "action": "acknowledge" }))
        .await
        .expect("acknowledged");
    app.act(&staff, ids[1], json!({ "action": "transfer", "institution_id": GJILAN, "reason": "Gjilan's containers, not ours." }))
        .await
        .expect("transferred");
    app.act(
        &staff,
        ids[2],
        json!({ "action": "resolve", "reason": "Emptied this morning." }),
    )
    .await
    .expect("resolved");
    assert_counts(
        &app,
        [3, 1, 0],
        "after acknowledging, transferring and resolving",
    )
    .await;

    // Two working days on: the one never acknowledged is late.
    app.set_time("2026-11-05T09:00:00Z");
    assert_counts(&app, [3, 1, 1], "past the acknowledgement deadline").await;

    // The resolved one comes back, to be acknowledged again; three weeks on, the acknowledged
    // one is past its answer deadline as well.
    let reopen = ReopenRequest {
        request_id: uuid::Uuid::new_v4(),
        reason: "The containers are full again.".into(),
    };
    app.reopen(&phone, ids[2], &reopen).await.expect("reopened");
    assert_counts(&app, [3, 2, 1], "after reopening").await;
    app.set_time("2026-11-30T09:00:00Z");
    assert_counts(&app, [3, 2, 3], "past every deadline").await;
}
