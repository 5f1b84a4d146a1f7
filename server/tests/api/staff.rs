//! The institution API: login, the inbox and its filters, every status transition (and the ones
//! that are refused), transfers, assignment, the audit trail, and the tenant boundary.

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
    receipt["id"].as_str().unwrap().to_owned()
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
    let (status, code, _) = error_code(attempt("wrong").await.unwrap()).await;
    assert_eq!(
        (status, code.as_str()),
        (StatusCode::UNAUTHORIZED, "invalid_credentials")
    );
    let (status, code, _) = error_code(
        app.client
            .post(app.url("/api/v1/staff/login"))
            .json(&json!({ "username": "nobody", "password": "x" }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, code.as_str()),
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
                [],
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

    let inbox: Value = app
        .staff_get(&gjilan, "/api/v1/staff/complaints")
        .await
        .json()
        .await
        .unwrap();
    let ids: Vec<&str> = inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec![in_gjilan.as_str()]);
    // Asking for another institution is ignored for non-administrators.
    let inbox: Value = app
        .staff_get(
            &gjilan,
            &format!("/api/v1/staff/complaints?institution={PRISHTINA}"),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(inbox["total"], 1);

    let paths = [
        format!("/api/v1/staff/complaints/{in_prishtina}"),
        format!("/api/v1/staff/complaints/{in_prishtina}/photos/0"),
    ];
    for path in &paths {
        let (status, code, _) = error_code(app.staff_get(&gjilan, path).await).await;
        assert_eq!(
            (status, code.as_str()),
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
        let (status, _, _) =
            error_code(app.act(&gjilan, &in_prishtina, action.clone()).await).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{action}");
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
    let all: Value = app
        .staff_get(&admin, "/api/v1/staff/complaints")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(all["total"], 2);
}

#[tokio::test]
async fn contact_details_reach_only_the_handling_institution() {
    let app = spawn_app().await;
    let mut body = complaint("waste_collection", in_municipality("gjilan"));
    body["contact"] = json!({ "name": "Arta", "phone": "+383 44 123 456", "email": null });
    let id = app.file(&device(), &body).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let gjilan = app.staff("gjilan.staff", Role::Staff, Some(GJILAN)).await;
    let detail: Value = app
        .staff_get(&gjilan, &format!("/api/v1/staff/complaints/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(detail["contact"]["phone"], "+38344123456");
    assert_eq!(detail["anonymous"], false);

    let moved = app
        .act(&gjilan, &id, json!({ "action": "transfer", "institution_id": "krm_ekohigjiena", "reason": "Collection here is done by Ekohigjiena." }))
        .await;
    let outcome: Value = moved.json().await.unwrap();
    assert!(outcome["complaint"].is_null(), "gone from this institution");
    let (status, _, _) = error_code(
        app.staff_get(&gjilan, &format!("/api/v1/staff/complaints/{id}"))
            .await,
    )
    .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "nor can they read the contact any more"
    );
}

#[tokio::test]
async fn every_allowed_step_works_and_every_other_is_refused() {
    let app = spawn_app().await;
    let id = filed_in(&app, "gjilan").await;
    let token = app.staff("gjilan.staff", Role::Staff, Some(GJILAN)).await;
    let step = |action: Value| app.act(&token, &id, action);
    let status_of = |response: reqwest::Response| async move {
        let code = response.status();
        let body: Value = response.json().await.unwrap();
        (
            code,
            body["complaint"]["status"].as_str().map(str::to_owned),
            body["error"]["code"].as_str().map(str::to_owned),
        )
    };

    // Each step in turn: the status it leads to, or the reason it is refused.
    for (action, status, error) in [
        (json!({ "action": "acknowledge" }), Some("received"), None),
        (
            json!({ "action": "acknowledge" }),
            None,
            Some("invalid_transition"),
        ),
        (json!({ "action": "start" }), Some("in_progress"), None),
        (
            json!({ "action": "start" }),
            None,
            Some("invalid_transition"),
        ),
        (
            json!({ "action": "reply", "text": "On it." }),
            Some("in_progress"),
            None,
        ),
    ] {
        let (_, got_status, got_error) = status_of(step(action.clone()).await).await;
        assert_eq!(
            (got_status.as_deref(), got_error.as_deref()),
            (status, error),
            "{action}"
        );
    }
    let (code, _, error) =
        status_of(step(json!({ "action": "resolve", "reason": "" })).await).await;
    assert_eq!(
        (code, error.as_deref()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("reason_too_short"))
    );
    let (code, _, error) = status_of(step(json!({ "action": "reject" })).await).await;
    assert_eq!(
        (code, error.as_deref()),
        (StatusCode::BAD_REQUEST, Some("invalid_body")),
        "a reason is required"
    );
    assert_eq!(
        status_of(
            step(json!({ "action": "resolve", "reason": "Containers emptied today." })).await
        )
        .await
        .1
        .as_deref(),
        Some("resolved")
    );
    for refused in [
        json!({ "action": "acknowledge" }),
        json!({ "action": "start" }),
        json!({ "action": "reply", "text": "More" }),
        json!({ "action": "resolve", "reason": "Resolved once more." }),
        json!({ "action": "reject", "reason": "Rejected after all now." }),
        json!({ "action": "transfer", "institution_id": "msh", "reason": "Sending it elsewhere now." }),
    ] {
        let (code, _, error) = status_of(step(refused.clone()).await).await;
        assert_eq!(
            (code, error.as_deref()),
            (StatusCode::CONFLICT, Some("invalid_transition")),
            "{refused}"
        );
    }
    // A note is always possible.
    assert_eq!(
        status_of(step(json!({ "action": "note", "text": "Citizen called to thank us." })).await)
            .await
            .0,
        StatusCode::OK
    );

    let detail: Value = app
        .staff_get(&token, &format!("/api/v1/staff/complaints/{id}"))
        .await
        .json()
        .await
        .unwrap();
    let actions: Vec<&str> = detail["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["action"].as_str().unwrap())
        .collect();
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
    let resolved = &detail["history"][4];
    assert_eq!(resolved["actor_name"], "Test gjilan.staff");
    assert_eq!(resolved["before"]["status"], "in_progress");
    assert_eq!(resolved["after"]["status"], "resolved");
    assert_eq!(resolved["text"], "Containers emptied today.");
    assert!(
        detail["acknowledged_at"].is_string()
            && detail["first_response_at"].is_string()
            && detail["closed_at"].is_string()
    );

    // The audit trail cannot be rewritten, even from inside the database.
    let tampering = app
        .state
        .db
        .call(|c| {
            Ok::<_, server::services::ServiceError>(
                c.execute("UPDATE audit_log SET text = 'changed'", [])?,
            )
        })
        .await;
    assert!(tampering.is_err());
    let deleting = app
        .state
        .db
        .call(|c| Ok::<_, server::services::ServiceError>(c.execute("DELETE FROM audit_log", [])?))
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
        .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let gjilan = app.staff("gjilan.staff", Role::Staff, Some(GJILAN)).await;
    let transfer = |institution: &str, reason: &str| {
        app.act(
            &gjilan,
            &id,
            json!({ "action": "transfer", "institution_id": institution, "reason": reason }),
        )
    };
    let (status, code, _) = error_code(transfer("krm_ekohigjiena", "no").await).await;
    assert_eq!(
        (status, code.as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "reason_too_short")
    );
    let (status, code, _) = error_code(transfer(GJILAN, "To ourselves, for fun.").await).await;
    assert_eq!(
        (status, code.as_str()),
        (StatusCode::CONFLICT, "same_institution")
    );
    let (status, code, _) =
        error_code(transfer("no_such_body", "Somewhere that does not exist.").await).await;
    assert_eq!(
        (status, code.as_str()),
        (StatusCode::BAD_REQUEST, "unknown_institution")
    );

    app.set_time("2026-11-10T09:00:00Z");
    let gjilan = app.login("gjilan.staff").await;
    let transfer = |institution: &str, reason: &str| {
        app.act(
            &gjilan,
            &id,
            json!({ "action": "transfer", "institution_id": institution, "reason": reason }),
        )
    };
    assert_eq!(
        transfer(
            "krm_ekohigjiena",
            "Collection in Gjilan is done by Ekohigjiena."
        )
        .await
        .status(),
        StatusCode::OK
    );

    let eko = app
        .staff("eko.staff", Role::Staff, Some("krm_ekohigjiena"))
        .await;
    let inbox: Value = app
        .staff_get(&eko, "/api/v1/staff/complaints")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(inbox["total"], 1);
    assert_eq!(inbox["new"], 1);
    let item = &inbox["items"][0];
    assert_eq!(item["status"], "transferred");
    assert_eq!(
        item["ack_due"], "2026-11-12",
        "two working days from the transfer"
    );
    assert_eq!(
        item["answer_due"], "2026-12-01",
        "fifteen working days from the transfer"
    );

    let page: Value = app
        .citizen_get(&phone, "/api/v1/complaints/mine")
        .await
        .json()
        .await
        .unwrap();
    let record = &page["complaints"][0];
    assert_eq!(record["institution"]["id"], "krm_ekohigjiena");
    let last = record["timeline"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["kind"], "transferred");
    assert_eq!(last["institution"]["id"], "krm_ekohigjiena");
    assert_eq!(last["text"], "Collection in Gjilan is done by Ekohigjiena.");
}

#[tokio::test]
async fn complaints_are_assigned_within_the_institution_only() {
    let app = spawn_app().await;
    let id = filed_in(&app, "gjilan").await;
    let token = app.staff("gjilan.staff", Role::Staff, Some(GJILAN)).await;
    app.account("gjilan.other", Role::Staff, Some(GJILAN)).await;
    app.account("prishtina.staff", Role::Staff, Some(PRISHTINA))
        .await;
    let colleagues: Value = app
        .staff_get(&token, "/api/v1/staff/colleagues")
        .await
        .json()
        .await
        .unwrap();
    let names: Vec<&str> = colleagues
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["display_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Test gjilan.other", "Test gjilan.staff"]);
    let other_id = colleagues[0]["id"].as_i64().unwrap();
    let outsider: i64 = app
        .state
        .db
        .call(|c| -> Result<_, server::services::ServiceError> {
            Ok(c.query_row(
                "SELECT id FROM staff WHERE username = 'prishtina.staff'",
                [],
                |r| r.get(0),
            )?)
        })
        .await
        .unwrap();

    let (status, code, _) = error_code(
        app.act(
            &token,
            &id,
            json!({ "action": "assign", "staff_id": outsider }),
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, code.as_str()),
        (StatusCode::BAD_REQUEST, "unknown_staff")
    );
    let assigned: Value = app
        .act(
            &token,
            &id,
            json!({ "action": "assign", "staff_id": other_id }),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(assigned["complaint"]["assigned_to"], other_id);
    let other = app.login("gjilan.other").await;
    let mine: Value = app
        .staff_get(&other, "/api/v1/staff/complaints?assigned=me")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["total"], 1);
    let unassigned: Value = app
        .staff_get(&other, "/api/v1/staff/complaints?assigned=none")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(unassigned["total"], 0);
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
        body["description"] = json!(format!(
            "Complaint number {n} about the street near the market"
        ));
        app.file(&phone, &body).await;
    }
    let mut special = complaint("street_lighting", in_municipality("gjilan"));
    special["description"] = json!("Lamp post 45 on Rruga e Dëshmorëve is dark");
    let special = app.file(&phone, &special).await;
    let token = app.staff("gjilan.staff", Role::Staff, Some(GJILAN)).await;

    let get = |query: &'static str| {
        let token = token.clone();
        let app = &app;
        async move {
            app.staff_get(&token, &format!("/api/v1/staff/complaints{query}"))
                .await
                .json::<Value>()
                .await
                .unwrap()
        }
    };
    assert_eq!(get("").await["total"], 8);
    assert_eq!(get("").await["new"], 8);
    assert_eq!(get("?category=roads_local").await["total"], 3);
    let found = get("?q=D%C3%ABshmor%C3%ABve").await;
    assert_eq!(found["total"], 1, "{found}");
    assert_eq!(
        get("?q=deshmoreve").await["total"],
        1,
        "diacritics and case do not matter"
    );
    assert_eq!(
        get("?q=lamp%20dark").await["total"],
        1,
        "every word, in any order"
    );
    assert_eq!(get("?q=lamp%20bright").await["total"], 0);
    let by_code = format!("?q={}", special["tracking_code"].as_str().unwrap());
    let found: Value = app
        .staff_get(&token, &format!("/api/v1/staff/complaints{by_code}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(found["items"][0]["id"], special["id"]);
    let page: Value = get("?per_page=3&page=3&sort=oldest").await;
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    assert_eq!(
        page["items"][1]["id"], special["id"],
        "the last one filed is last when oldest first"
    );
    let id = special["id"].as_str().unwrap();
    app.act(&token, id, json!({ "action": "acknowledge" }))
        .await;
    assert_eq!(get("?status=received").await["total"], 1);
    assert_eq!(get("?status=submitted,received").await["total"], 8);
    assert_eq!(get("").await["new"], 7);
    // Percent and underscore are searched literally.
    assert_eq!(get("?q=%25").await["total"], 0);
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
        .await;

    app.set_time("2026-11-05T09:00:00Z");
    let token = app.login("prishtina.staff").await;
    let inbox: Value = app
        .staff_get(&token, "/api/v1/staff/complaints?overdue=true")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(inbox["total"], 1, "unacknowledged after two working days");
    assert_eq!(inbox["items"][0]["id"], late.as_str());
    assert_eq!(inbox["items"][0]["overdue"], true);
    assert_eq!(inbox["overdue"], 1);

    let mayor = app
        .staff(
            "prishtina.mayor",
            Role::Manager,
            Some("prishtine:mun_mayor"),
        )
        .await;
    let escalated: Value = app
        .staff_get(&mayor, "/api/v1/staff/escalations")
        .await
        .json()
        .await
        .unwrap();
    let ids: Vec<&str> = escalated
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec![late.as_str()]);
    let gjilan = app
        .staff("gjilan.mayor", Role::Manager, Some("gjilan:mun_mayor"))
        .await;
    let none: Value = app
        .staff_get(&gjilan, "/api/v1/staff/escalations")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        none.as_array().unwrap().len(),
        0,
        "another municipality's mayor does not see it"
    );

    app.set_time("2026-11-24T09:00:00Z");
    let token = app.login("prishtina.staff").await;
    let inbox: Value = app
        .staff_get(&token, "/api/v1/staff/complaints?overdue=true")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(inbox["total"], 2, "past the answer deadline too");
}
