//! Staff passwords and sessions: a password must be long and hard to guess; a new password, a
//! new role or a deactivation ends the account's sessions; a staff member changes their own
//! password (proving the current one) and sees and ends their own sessions, nobody else's.

use reqwest::StatusCode;
use serde_json::json;
use server::auth::{Role, sha256_hex};

use crate::helpers::*;

const GJILAN: &str = "gjilan:mun_public_services";

/// Logs in as `username` with `password` from a browser called `client`: the token, if any.
async fn log_in(app: &TestApp, username: &str, password: &str, client: &str) -> Option<String> {
    let response = app
        .client
        .post(app.url("/api/v1/staff/login"))
        .header("User-Agent", client)
        .json(&json!({ "username": username, "password": password }))
        .send()
        .await
        .unwrap();
    let body: serde_json::Value = response.json().await.ok()?;
    body["token"].as_str().map(str::to_owned)
}

/// Whether `token` still opens a session.
async fn alive(app: &TestApp, token: &str) -> bool {
    app.staff_get(token, "/api/v1/staff/colleagues")
        .await
        .status()
        == StatusCode::OK
}

async fn account_page(app: &TestApp, token: &str) -> String {
    let response = app
        .client
        .get(app.url("/staff/account"))
        .bearer_auth(token)
        .header("Accept-Language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.text().await.unwrap()
}

#[tokio::test]
async fn short_long_or_guessable_passwords_are_refused_with_a_reason() {
    let app = spawn_app().await;
    let admin = app.staff("admin", Role::Administrator, None).await;
    let create = |password: String| {
        let (app, admin) = (&app, admin.clone());
        async move {
            let body = json!({ "username": "drita.berisha", "display_name": "Drita Berisha",
                               "password": password.clone(), "role": "staff", "institution_id": GJILAN });
            let response = app.staff_post(&admin, "/api/v1/admin/staff", &body).await;
            assert!(!response.status().is_success(), "{password} was taken");
            refusal(response).await
        }
    };
    let short = create("tram violet".into()).await;
    assert_eq!(short.code(), "password_too_short");
    assert!(short.message().contains("12"), "{}", short.message());
    assert_eq!(create("x".repeat(129)).await.code(), "password_too_long");
    for guessable in [
        "password123456",
        "drita.berisha2026",
        "Prishtina2026",
        "qwertyuiop[]",
    ] {
        let refused = create(guessable.into()).await;
        assert_eq!(refused.code(), "password_too_guessable", "{guessable}");
        assert_eq!(refused.kind().0, StatusCode::BAD_REQUEST);
    }
    let made = app
        .staff_post(
            &admin,
            "/api/v1/admin/staff",
            &json!({ "username": "drita.berisha", "display_name": "Drita Berisha",
                     "password": "tram violet kettle spoon", "role": "staff", "institution_id": GJILAN }),
        )
        .await;
    assert_eq!(made.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn a_new_password_role_or_deactivation_ends_every_session_of_the_account() {
    let app = spawn_app().await;
    let admin = app.staff("admin", Role::Administrator, None).await;
    app.account("colleague", Role::Staff, Some(GJILAN)).await;
    let id = app
        .accounts(&admin)
        .await
        .into_iter()
        .find(|a| a.username == "colleague")
        .unwrap()
        .id;
    let change = |body: serde_json::Value| {
        let (app, admin) = (&app, admin.clone());
        async move {
            let response = app
                .client
                .patch(app.url(&format!("/api/v1/admin/staff/{id}")))
                .bearer_auth(&admin)
                .json(&body)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::NO_CONTENT, "{body}");
        }
    };
    let mut password = PASSWORD.to_owned();
    for (body, new_password) in [
        (json!({ "role": "manager" }), None),
        (
            json!({ "password": "saffron harbour lantern" }),
            Some("saffron harbour lantern"),
        ),
        (json!({ "display_name": "Still Here" }), None),
        (json!({ "active": false }), None),
    ] {
        let phone = log_in(&app, "colleague", &password, "phone").await.unwrap();
        let desk = log_in(&app, "colleague", &password, "desk").await.unwrap();
        let renames = body.get("display_name").is_some();
        change(body).await;
        for token in [&phone, &desk] {
            assert_eq!(
                alive(&app, token).await,
                renames,
                "only a rename leaves sessions open"
            );
        }
        if let Some(new) = new_password {
            password = new.to_owned();
        }
    }
    assert_eq!(
        log_in(&app, "colleague", &password, "desk").await,
        None,
        "deactivated"
    );
}

#[tokio::test]
async fn staff_change_their_own_password_and_end_their_own_sessions_only() {
    let app = spawn_app().await;
    app.account("milica", Role::Staff, Some(GJILAN)).await;
    app.account("arben", Role::Staff, Some(GJILAN)).await;
    let here = log_in(&app, "milica", PASSWORD, "Firefox on the office desktop")
        .await
        .unwrap();
    let phone = log_in(&app, "milica", PASSWORD, "Chrome on a phone")
        .await
        .unwrap();
    let theirs = log_in(&app, "arben", PASSWORD, "Arben's laptop")
        .await
        .unwrap();

    let page = account_page(&app, &here).await;
    assert!(page.contains("Firefox on the office desktop") && page.contains("Chrome on a phone"));
    assert!(!page.contains("Arben's laptop"), "only their own sessions");
    assert_eq!(page.matches("This session").count(), 1);

    // The phone is lost: it is logged out from the desk.
    let handle = |token: &str| sha256_hex(token.as_bytes())[..16].to_owned();
    let ended = post_form(
        &app,
        &here,
        &format!("/staff/account/sessions/{}/end", handle(&phone)),
        &[],
    )
    .await;
    assert_eq!(ended.status(), StatusCode::SEE_OTHER);
    assert!(!alive(&app, &phone).await && alive(&app, &here).await);
    // Someone else's session is not theirs to end, nor to know of.
    let refused = post_form(
        &app,
        &here,
        &format!("/staff/account/sessions/{}/end", handle(&theirs)),
        &[],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
    assert!(alive(&app, &theirs).await);

    // A new password: the current one first, then a strong one.
    let other = log_in(&app, "milica", PASSWORD, "Edge at home")
        .await
        .unwrap();
    let wrong = post_form(
        &app,
        &here,
        "/staff/account/password",
        &[
            ("current", "not it at all"),
            ("new", "saffron harbour lantern"),
        ],
    )
    .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        wrong
            .text()
            .await
            .unwrap()
            .contains("The current password is not right.")
    );
    let weak = post_form(
        &app,
        &here,
        "/staff/account/password",
        &[("current", PASSWORD), ("new", "milica12345678")],
    )
    .await;
    assert_eq!(weak.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(weak.text().await.unwrap().contains("too easy to guess"));
    let changed = post_form(
        &app,
        &here,
        "/staff/account/password",
        &[("current", PASSWORD), ("new", "saffron harbour lantern")],
    )
    .await;
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    assert!(
        alive(&app, &here).await,
        "the session that changed it stays"
    );
    assert!(!alive(&app, &other).await, "every other one ends");
    assert!(alive(&app, &theirs).await, "nobody else's");
    assert_eq!(log_in(&app, "milica", PASSWORD, "x").await, None);
    assert!(
        log_in(&app, "milica", "saffron harbour lantern", "x")
            .await
            .is_some()
    );
}
