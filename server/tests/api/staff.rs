//! The institution API: login, the inbox and its filters, every status transition (and the ones
//! that are refused), transfers, assignment, the audit trail, and the tenant boundary.

use protocol::api::{Contact, TimelineKind};
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::auth::Role;

use crate::helpers::*;

const GJILAN: &str = "gjilan:mun_public_services";
const PRISHTINA: &str = "prishtine:mun_public_services";

async fn filed_in(app: &TestApp, municipality: &str) -> String {
    let receipt = app
        .file(
            &device(),
            &complaint("waste_collection", in_municipality(municipality)),
        )
        .await;
    receipt.id.to_string()
}

#[tokio::test]
async fn login_needs_the_right_password_and_stops_guessing() {
    let app = spawn_app().await;
    app.account("gjilan.staff", Role::Staff, Some(GJILAN)).await;
    let attempt = |password: &str| {
        app.client
            .post(app.url("/api/v1/staff/login"))
            .json(&json!({ "username": "gjilan.staff", "password": password }))
            .send()
    };
    let refused = refusal(attempt("wrong").await.unwrap()).await;
    assert_eq!(
        refused.kind(),
        (StatusCode::UNAUTHORIZED, "invalid_credentials")
    );
    let refused = refusal(
        app.client
            .post(app.url("/api/v1/staff/login"))
            .json(&json!({ "username": "nobody", "password": "x" }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        refused.kind(),
        (StatusCode::UNAUTHORIZED, "invalid_credentials"),
        "no hint that the user does not exist"
    );
    for _ in 0..4 {
        attempt("wrong").await.unwrap();
    }
    let blocked = attempt(PASSWORD).await.unwrap();
    assert_eq!(
        blocked.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits after five failures"
    );
    assert!(blocked.headers().contains_key("retry-after"));

    let stored: String = app
        .state
        .db
        .call(|c| -> Result<_, server::services::ServiceError> {
            Ok(c.query_row(
                "SELECT password_hash FROM staff WHERE username = 'gjilan.staff'",
                (),
                |r| r.get(0),
            )?)
        })
        .await
        .unwrap();
    assert!(stored.starts_with("$argon2id$") && !stored.contains(PASSWORD));
}

#[tokio::test]
async fn sessions_expire_and_logging_out_ends_them() {
    let app = spawn_app().await;
    app.set_time("2026-11-26T08:00:00Z");
    let token = app.staff("gjilan.staff", Role::Staff, Some(GJILAN)).await;
    assert_eq!(
        app.staff_get(&token, "/api/v1/staff/me").await.status(),
        StatusCode::OK
    );
    app.set_time("2026-11-26T17:00:00Z");
    assert_eq!(
        app.staff_get(&token, "/api/v1/staff/me").await.status(),
        StatusCode::UNAUTHORIZED,
        "8 hours later"
    );

    let token = app.login("gjilan.staff").await;
    let out = app
        .client
        .post(app.url("/api/v1/staff/logout"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.staff_get(&token, "/api/v1/staff/me").await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.staff_get("made-up-token", "/api/v1/staff/complaints")
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn staff_see_only_their_institutions_complaints_in_every_endpoint() {
    let app = spawn_app().await;
    let in_prishtina = filed_in(&app, "prishtine").await;
    let in_gjilan = filed_in(&app, "gjilan").await;
    let gjilan = app.staff("gjilan.staff", Role::Staff, Some(GJILAN)).await;

    let inbox = app.inbox(&gjilan, "").await;
    let ids: Vec<&str> = inbox.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, vec![in_gjilan.as_str()]);
    // Asking for another institution is ignored for non-administrators.
    let inbox = app
        .inbox(&gjilan, &format!("?institution={PRISHTINA}"))
        .await;
    assert_eq!(inbox.total, 1);

    let paths = [
        format!("/api/v1/staff/complaints/{in_prishtina}"),
        format!("/api/v1/staff/complaints/{in_prishtina}/photos/0"),
    ];
    for path in &paths {
        let refused = refusal(app.staff_get(&gjilan, path).await).await;
        assert_eq!(
            refused.kind(),
            (StatusCode::NOT_FOUND, "not_found"),
            "{path}"
        );
    }
    for action in [
        json!({ "action": "acknowledge" }),
        json!({ "action": "start" }),
        json!({ "action": "reply", "text": "Hello" }),
        json!({ "action": "note", "text": "Note" }),
        json!({ "action": "resolve", "reason": "Fixed it all already." }),
        json!({ "action": "reject", "reason": "Not a real problem here." }),
        json!({ "action": "transfer", "institution_id": GJILAN, "reason": "Moving it to us, why not." }),
        json!({ "action": "assign", "staff_id": null }),
    ] {
        let refused = app
            .act(&gjilan, &in_prishtina, action.clone())
            .await
            .unwrap_err();
        assert_eq!(refused.status, StatusCode::NOT_FOUND, "{action}");
    }
    // Nothing changed for Prishtina's complaint.
    let untouched: i64 = app
        .state
        .db
        .call(move |c| -> Result<_, server::services::ServiceError> {
            Ok(c.query_row(
                "SELECT COUNT(*) FROM audit_log WHERE complaint_id = ?1",
                [in_prishtina],
                |r| r.get(0),
            )?)
        })
        .await
        .unwrap();
    assert_eq!(untouched, 1, "only its submission");

    // An administrator sees everything.
    let admin = app.staff("admin", Role::Administrator, None).await;
    assert_eq!(app.inbox(&admin, "").await.total, 2);
}

#[tokio::test]
async fn contact_details_reach_only_the_handling_institution() {
    let app = spawn_app().await;
    let mut body = complaint("waste_collection", in_municipality("gjilan"));
    body.contact = Some(Contact {
        name: Some("Arta".into()),
        phone: Some("+383 44 123 456".into()),
        email: None,
    });
    let id = app.file(&device(), &body).await.id;
    let gjilan = app.staff("gjilan.staff", Role::Staff, Some(GJILAN)).await;
    let hidden = app.staff_complaint(&gjilan, id).await;
    assert!(hidden.contact.is_none(), "hidden until asked for");
    let detail = app.staff_complaint_revealed(&gjilan, id).await;
    let contact = detail
        .contact
        .expect("the handling institution sees the contact");
    assert_eq!(contact.phone.as_deref(), Some("+38344123456"));
    assert!(!detail.item.anonymous);

    let outcome = app
        .act(&gjilan, id, json!({ "action": "transfer", "institution_id": "krm_ekohigjiena", "reason": "Collection here is done by Ekohigjiena." }))
        .await
        .unwrap();
    assert!(outcome.complaint.is_none(), "gone from this institution");
    let refused = refusal(
        app.staff_get(&gjilan, &format!("/api/v1/staff/complaints/{id}"))
            .await,
    )
    .await;
    assert_eq!(
        refused.status,
        StatusCode::NOT_FOUND,
        "nor can they read the contact any more"
    );
}

/// What a staff action led to: the complaint's new status, or the refusal's status and code.
type Outcome = Result<String, (StatusCode, String)>;

fn led_to(status: &str) -> Outcome {
    Ok(status.into())
}

fn refused(status: StatusCode, code: &str) -> Outcome {
    Err((status, code.into()))
}

#[tokio::test]
async fn every_allowed_step_works_and_every_other_is_refused() {
    let app = spawn_app().await;
    let id = filed_in(&app, "gjilan").await;
    let token = app.staff("gjilan.staff", Role::Staff, Some(GJILAN)).await;
    let step = |action: Value| {
        let (app, token, id) = (&app, &token, &id);
        async move {
            match app.act(token, id, action).await {
                Ok(outcome) => Ok(outcome.complaint.expect("still ours").item.status),
                Err(refusal) => Err((refusal.status, refusal.body.error.code)),
            }
        }
    };

    // Each step in turn: the status it leads to, or the reason it is refused.
    for (action, expected) in [
        (json!({ "action": "acknowledge" }), led_to("received")),
        (
            json!({ "action": "acknowledge" }),
            refused(StatusCode::CONFLICT, "invalid_transition"),
        ),
        (json!({ "action": "start" }), led_to("in_progress")),
        (
            json!({ "action": "start" }),
            refused(StatusCode::CONFLICT, "invalid_transition"),
        ),
        (
            json!({ "action": "reply", "text": "On it." }),
            led_to("in_progress"),
        ),
        (
            json!({ "action": "resolve", "reason": "" }),
            refused(StatusCode::UNPROCESSABLE_ENTITY, "reason_too_short"),
        ),
        (
            // A reason is required.
            json!({ "action": "reject" }),
            refused(StatusCode::BAD_REQUEST, "invalid_body"),
        ),
        (
            json!({ "action": "resolve", "reason": "Containers emptied today." }),
            led_to("resolved"),
        ),
    ] {
        assert_eq!(step(action.clone()).await, expected, "{action}");
    }
    for action in [
        json!({ "action": "acknowledge" }),
        json!({ "action": "start" }),
        json!({ "action": "reply", "text": "More" }),
        json!({ "action": "resolve", "reason": "Resolved once more." }),
        json!({ "action": "reject", "reason": "Rejected after all now." }),
        json!({ "action": "transfer", "institution_id": "msh", "reason": "Sending it elsewhere now." }),
    ] {
        assert_eq!(
            step(action.clone()).await,
            refused(StatusCode::CONFLICT, "invalid_transition"),
            "{action}"
        );
    }
    // A note is always possible.
    assert_eq!(
        step(json!({ "action": "note", "text": "Citizen called to thank us." })).await,
        led_to("resolved")
    );

    let detail = app.staff_complaint(&token, &id).await;
    let actions: Vec<&str> = detail.history.iter().map(|h| h.action.as_str()).collect();
    assert_eq!(
        actions,
        vec![
            "submitted",
            "acknowledged",
            "started",
            "replied",
            "resolved",
            "noted"
        ]
    );
    let resolved = &detail.history[4];
    assert_eq!(resolved.actor_name.as_deref(), Some("Test gjilan.staff"));
    assert_eq!(resolved.before.as_ref().unwrap()["status"], "in_progress");
    assert_eq!(resolved.after.as_ref().unwrap()["status"], "resolved");
    assert_eq!(resolved.text.as_deref(), Some("Containers emptied today."));
    assert!(
        detail.acknowledged_at.is_some()
            && detail.first_response_at.is_some()
            && detail.closed_at.is_some()
    );

    // The audit trail cannot be rewritten, even from inside the database.
    let tampering = app
        .state
        .db
        .call(|c| {
            Ok::<_, server::services::ServiceError>(
                c.execute("UPDATE audit_log SET text = 'changed'", ())?,
            )
        })
        .await;
    assert!(tampering.is_err());
    let deleting = app
        .state
        .db
        .call(|c| Ok::<_, server::services::ServiceError>(c.execute("DELETE FROM audit_log", ())?))
        .await;
    assert!(deleting.is_err());
}

#[tokio::test]
async fn a_misrouted_complaint_is_transferred_with_a_reason_and_a_fresh_deadline() {
    let app = spawn_app().await;
    app.set_time("2026-11-02T09:00:00Z");
    let phone = device();
    let id = app
        .file(
            &phone,
            &complaint("waste_collection", in_municipality("gjilan")),
        )
        .await
        .id;
    let gjilan = app.staff("gjilan.staff", Role::Staff, Some(GJILAN)).await;
    let transfer = |institution: &str, reason: &str| {
        app.act(
            &gjilan,
            id,
            json!({ "action": "transfer", "institution_id": institution, "reason": reason }),
        )
    };
    let refused = transfer("krm_ekohigjiena", "no").await.unwrap_err();
    assert_eq!(
        refused.kind(),
        (StatusCode::UNPROCESSABLE_ENTITY, "reason_too_short")
    );
    let refused = transfer(GJILAN, "To ourselves, for fun.")
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), (StatusCode::CONFLICT, "same_institution"));
    let refused = transfer("no_such_body", "Somewhere that does not exist.")
        .await
        .unwrap_err();
    assert_eq!(
        refused.kind(),
        (StatusCode::BAD_REQUEST, "unknown_institution")
    );

    app.set_time("2026-11-10T09:00:00Z");
    let gjilan = app.login("gjilan.staff").await;
    app.act(
        &gjilan,
        id,
        json!({ "action": "transfer", "institution_id": "krm_ekohigjiena", "reason": "Collection in Gjilan is done by Ekohigjiena." }),
    )
    .await
    .expect("transferred");

    let eko = app
        .staff("eko.staff", Role::Staff, Some("krm_ekohigjiena"))
        .await;
    let inbox = app.inbox(&eko, "").await;
    assert_eq!(inbox.total, 1);
    assert_eq!(inbox.new, 1);
    let item = &inbox.items[0];
    assert_eq!(item.status, "transferred");
    assert_eq!(
        item.ack_due, "2026-11-12",
        "two working days from the transfer"
    );
    assert_eq!(
        item.answer_due, "2026-12-01",
        "fifteen working days from the transfer"
    );

    let page = app.my_complaints(&phone).await;
    let record = &page.complaints[0];
    assert_eq!(record.institution.id, "krm_ekohigjiena");
    let last = record.timeline.last().unwrap();
    assert_eq!(last.kind, TimelineKind::Transferred);
    assert_eq!(
        last.institution.as_ref().map(|i| i.id.as_str()),
        Some("krm_ekohigjiena")
    );
    assert_eq!(
        last.text.as_deref(),
        Some("Collection in Gjilan is done by Ekohigjiena.")
    );
}

#[tokio::test]
async fn complaints_are_assigned_within_the_institution_only() {
    let app = spawn_app().await;
    let id = filed_in(&app, "gjilan").await;
    let token = app.staff("gjilan.staff", Role::Staff, Some(GJILAN)).await;
    app.account("gjilan.other", Role::Staff, Some(GJILAN)).await;
    app.account("prishtina.staff", Role::Staff, Some(PRISHTINA))
        .await;
    let colleagues = app.colleagues(&token).await;
    let names: Vec<&str> = colleagues.iter().map(|c| c.display_name.as_str()).collect();
    assert_eq!(names, vec!["Test gjilan.other", "Test gjilan.staff"]);
    let other_id = colleagues[0].id;
    let outsider: i64 = app
        .state
        .db
        .call(|c| -> Result<_, server::services::ServiceError> {
            Ok(c.query_row(
                "SELECT id FROM staff WHERE username = 'prishtina.staff'",
                (),
                |r| r.get(0),
            )?)
        })
        .await
        .unwrap();

    let refused = app
        .act(
            &token,
            &id,
            json!({ "action": "assign", "staff_id": outsider }),
        )
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), (StatusCode::BAD_REQUEST, "unknown_staff"));
    let assigned = app
        .act(
            &token,
            &id,
            json!({ "action": "assign", "staff_id": other_id }),
        )
        .await
        .unwrap();
    assert_eq!(assigned.complaint.unwrap().item.assigned_to, Some(other_id));
    let other = app.login("gjilan.other").await;
    assert_eq!(app.inbox(&other, "?assigned=me").await.total, 1);
    assert_eq!(app.inbox(&other, "?assigned=none").await.total, 0);
}

#[tokio::test]
async fn the_inbox_filters_searches_sorts_and_pages() {
    let app = spawn_app().await;
    let phone = device();
    for n in 0..7 {
        let mut body = complaint(
            if n % 2 == 0 {
                "waste_collection"
            } else {
                "roads_local"
            },
            in_municipality("gjilan"),
        );
        body.description = format!("Complaint number {n} about the street near the market");
        app.file(&phone, &body).await;
    }
    let mut special = complaint("street_lighting", in_municipality("gjilan"));
    special.description = "Lamp post 45 on Rruga e Dëshmorëve is dark".into();
    let special = app.file(&phone, &special).await;
    let special_id = special.id.to_string();
    let token = app.staff("gjilan.staff", Role::Staff, Some(GJILAN)).await;

    let total = |query: &'static str| {
        let (app, token) = (&app, &token);
        async move { app.inbox(token, query).await.total }
    };
    assert_eq!(total("").await, 8);
    assert_eq!(app.inbox(&token, "").await.new, 8);
    assert_eq!(total("?category=roads_local").await, 3);
    let found = app.inbox(&token, "?q=D%C3%ABshmor%C3%ABve").await;
    assert_eq!(found.total, 1, "{found:?}");
    assert_eq!(
        total("?q=deshmoreve").await,
        1,
        "diacritics and case do not matter"
    );
    assert_eq!(total("?q=lamp%20dark").await, 1, "every word, in any order");
    assert_eq!(total("?q=lamp%20bright").await, 0);
    let by_code = format!("?q={}", special.tracking_code);
    let found = app.inbox(&token, &by_code).await;
    assert_eq!(found.items[0].id, special_id);
    let page = app.inbox(&token, "?per_page=3&page=3&sort=oldest").await;
    assert_eq!(page.items.len(), 2);
    assert_eq!(
        page.items[1].id, special_id,
        "the last one filed is last when oldest first"
    );
    app.act(&token, &special_id, json!({ "action": "acknowledge" }))
        .await
        .expect("acknowledged");
    assert_eq!(total("?status=received").await, 1);
    assert_eq!(total("?status=submitted,received").await, 8);
    assert_eq!(app.inbox(&token, "").await.new, 7);
    // Percent and underscore are searched literally.
    assert_eq!(total("?q=%25").await, 0);
}

#[tokio::test]
async fn overdue_complaints_are_flagged_and_escalated_to_the_supervising_body() {
    let app = spawn_app().await;
    app.set_time("2026-11-02T09:00:00Z");
    let late = filed_in(&app, "prishtine").await;
    let token = app
        .staff("prishtina.staff", Role::Staff, Some(PRISHTINA))
        .await;
    let on_time = filed_in(&app, "prishtine").await;
    app.act(&token, &on_time, json!({ "action": "acknowledge" }))
        .await
        .expect("acknowledged");

    app.set_time("2026-11-05T09:00:00Z");
    let token = app.login("prishtina.staff").await;
    let inbox = app.inbox(&token, "?overdue=true").await;
    assert_eq!(inbox.total, 1, "unacknowledged after two working days");
    assert_eq!(inbox.items[0].id, late);
    assert!(inbox.items[0].overdue);
    assert_eq!(inbox.overdue, 1);

    let mayor = app
        .staff(
            "prishtina.mayor",
            Role::Manager,
            Some("prishtine:mun_mayor"),
        )
        .await;
    let escalated = app.escalations(&mayor).await;
    let ids: Vec<&str> = escalated.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, vec![late.as_str()]);
    let gjilan = app
        .staff("gjilan.mayor", Role::Manager, Some("gjilan:mun_mayor"))
        .await;
    assert_eq!(
        app.escalations(&gjilan).await.len(),
        0,
        "another municipality's mayor does not see it"
    );

    app.set_time("2026-11-24T09:00:00Z");
    let token = app.login("prishtina.staff").await;
    assert_eq!(
        app.inbox(&token, "?overdue=true").await.total,
        2,
        "past the answer deadline too"
    );
}
