//! The second factor of staff sign-in: setting it up on the dashboard (the key shown, a code
//! from it confirming, ten recovery codes shown once), then signing in through the API and the
//! dashboard with a code computed here as an authenticator app would, never with a wrong one,
//! never twice with the same one, and once with each recovery code; a login challenge that
//! takes five wrong codes is spent, and an account takes twenty codes in a quarter hour. Where the deployment requires it, a manager's or an
//! administrator's session reaches nothing but the page that sets it up, a staff member's
//! everything; the demo asks nobody, and requiring it is the default.

use reqwest::StatusCode;
use serde_json::json;
use server::auth::Role;
use totp_rs::{Algorithm, Secret, Totp};

use crate::helpers::*;

const INSTITUTION: &str = "gjilan:mun_inspection";

/// The code an authenticator app shows now for the key the setup page gave.
fn code_for(secret: &str, now: chrono::DateTime<chrono::Utc>) -> String {
    let totp: Totp = totp_rs::Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_step_duration(30)
        .with_secret(Secret::try_from_base32(secret.replace(' ', "")).unwrap())
        .build()
        .unwrap();
    totp.generate(now.timestamp() as u64).to_string()
}

fn between<'a>(page: &'a str, start: &str, end: &str) -> &'a str {
    let from = page
        .find(start)
        .unwrap_or_else(|| panic!("{start} in {page}"))
        + start.len();
    &page[from..from + page[from..].find(end).unwrap()]
}

async fn dashboard(app: &TestApp, token: &str, path: &str) -> reqwest::Response {
    no_redirects()
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

async fn api_login(app: &TestApp, username: &str, code: Option<&str>) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/staff/login"))
        .json(&json!({ "username": username, "password": PASSWORD, "code": code }))
        .send()
        .await
        .unwrap()
}

/// Sets up the second factor for the session `token`: the key, and the recovery codes.
async fn set_up(app: &TestApp, token: &str) -> (String, Vec<String>) {
    let page = dashboard(app, token, "/staff/second-factor").await;
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    assert!(page.contains("<svg"), "a QR code");
    let secret = between(&page, r#"<code id="totp-secret">"#, "</code>").to_owned();
    let wrong = post_form(app, token, "/staff/second-factor", &[("code", "000000")]).await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let code = code_for(&secret, app.state.clock.now());
    let done = post_form(app, token, "/staff/second-factor", &[("code", &code)]).await;
    assert_eq!(done.status(), StatusCode::OK);
    let done = done.text().await.unwrap();
    let list = between(
        &done,
        r#"<ul class="recovery-codes" id="recovery-codes">"#,
        "</ul>",
    );
    let codes: Vec<String> = list
        .split("<code>")
        .skip(1)
        .map(|c| c[..c.find("</code>").unwrap()].to_owned())
        .collect();
    assert_eq!(codes.len(), 10);
    (secret, codes)
}

#[tokio::test]
async fn codes_sign_in_once_each_and_recovery_codes_once() {
    let app = spawn_app().await;
    app.set_time("2026-12-01T08:00:10Z");
    let token = app
        .staff("drita.inspector", Role::Staff, Some(INSTITUTION))
        .await;
    let (secret, recovery) = set_up(&app, &token).await;
    let account = dashboard(&app, &token, "/staff/account")
        .await
        .text()
        .await
        .unwrap();
    assert!(account.contains("On: a code from your authenticator app"));

    let needed = refusal(api_login(&app, "drita.inspector", None).await).await;
    assert_eq!(
        needed.kind(),
        (StatusCode::UNAUTHORIZED, "second_factor_required")
    );
    let wrong = refusal(api_login(&app, "drita.inspector", Some("123456")).await).await;
    assert_eq!(wrong.kind(), (StatusCode::UNAUTHORIZED, "wrong_code"));
    app.set_time("2026-12-01T08:01:10Z");
    let code = code_for(&secret, app.state.clock.now());
    assert_eq!(
        api_login(&app, "drita.inspector", Some(&code))
            .await
            .status(),
        StatusCode::OK
    );
    let again = refusal(api_login(&app, "drita.inspector", Some(&code)).await).await;
    assert_eq!(again.code(), "wrong_code", "a code is accepted once");
    // A code of an earlier step is not taken after a later one was.
    let earlier = code_for(
        &secret,
        app.state.clock.now() - chrono::Duration::seconds(30),
    );
    assert_eq!(
        refusal(api_login(&app, "drita.inspector", Some(&earlier)).await)
            .await
            .code(),
        "wrong_code"
    );

    let spaced = recovery[0].to_lowercase();
    assert_eq!(
        api_login(&app, "drita.inspector", Some(&spaced))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        refusal(api_login(&app, "drita.inspector", Some(&recovery[0])).await)
            .await
            .code(),
        "wrong_code"
    );
    assert_eq!(
        api_login(&app, "drita.inspector", Some(&recovery[1]))
            .await
            .status(),
        StatusCode::OK
    );
    let page = dashboard(&app, &token, "/staff/second-factor")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Recovery codes left: 8"), "{page}");

    // A staff member may turn it off again.
    let off = post_form(&app, &token, "/staff/second-factor/off", &[]).await;
    assert_eq!(off.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        api_login(&app, "drita.inspector", None).await.status(),
        StatusCode::OK
    );
}

async fn dashboard_login(app: &TestApp) -> String {
    let page = no_redirects()
        .post(app.url("/staff/login"))
        .form(&[
            ("username", "arben.inspector"),
            ("password", PASSWORD),
            ("next", "/staff"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    assert!(page.contains(r#"action="/staff/login/code""#), "{page}");
    between(&page, r#"name="challenge" value=""#, "\"").to_owned()
}

async fn answer_challenge(app: &TestApp, challenge: String, code: String) -> reqwest::Response {
    no_redirects()
        .post(app.url("/staff/login/code"))
        .form(&[
            ("challenge", challenge.as_str()),
            ("code", code.as_str()),
            ("next", "/staff"),
        ])
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_dashboard_asks_for_the_code_after_the_password_and_a_challenge_takes_five_tries() {
    let app = spawn_app().await;
    app.set_time("2026-12-01T09:00:00Z");
    let token = app
        .staff("arben.inspector", Role::Staff, Some(INSTITUTION))
        .await;
    let (secret, _) = set_up(&app, &token).await;
    let challenge = dashboard_login(&app).await;
    let wrong = answer_challenge(&app, challenge.clone(), "999999".into()).await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert!(
        wrong
            .text()
            .await
            .unwrap()
            .contains("That code is not right")
    );
    app.set_time("2026-12-01T09:00:40Z");
    let right = answer_challenge(
        &app,
        challenge.clone(),
        code_for(&secret, app.state.clock.now()),
    )
    .await;
    assert_eq!(right.status(), StatusCode::SEE_OTHER);
    assert!(
        right.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .starts_with("zeri_session=")
    );
    assert_eq!(
        answer_challenge(&app, challenge, "000000".into())
            .await
            .status(),
        StatusCode::UNAUTHORIZED,
        "spent"
    );

    let challenge = dashboard_login(&app).await;
    for _ in 0..5 {
        answer_challenge(&app, challenge.clone(), "111111".into()).await;
    }
    app.set_time("2026-12-01T09:01:40Z");
    let late = answer_challenge(&app, challenge, code_for(&secret, app.state.clock.now())).await;
    assert_eq!(late.status(), StatusCode::UNAUTHORIZED);
    assert!(late.text().await.unwrap().contains("too many tries"));

    // However many challenges a password opens, the account takes 20 codes in 15 minutes.
    for _ in 0..3 {
        let challenge = dashboard_login(&app).await;
        for _ in 0..5 {
            answer_challenge(&app, challenge.clone(), "111111".into()).await;
        }
    }
    let challenge = dashboard_login(&app).await;
    app.set_time("2026-12-01T09:03:10Z");
    let refused = answer_challenge(&app, challenge, code_for(&secret, app.state.clock.now())).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn where_required_managers_and_administrators_set_it_up_before_anything_else() {
    let dir = fresh_dir();
    let mut config = test_config(&dir);
    config.require_second_factor = true;
    let app = spawn_with(config).await;
    app.set_time("2026-12-01T10:00:00Z");
    let staff = app
        .staff("plain.staff", Role::Staff, Some(INSTITUTION))
        .await;
    assert_eq!(
        app.staff_get(&staff, "/api/v1/staff/me").await.status(),
        StatusCode::OK
    );
    for (username, role, institution) in [
        ("the.manager", Role::Manager, Some(INSTITUTION)),
        ("the.admin", Role::Administrator, None),
    ] {
        let token = app.staff(username, role, institution).await;
        let refused = refusal(app.staff_get(&token, "/api/v1/staff/me").await).await;
        assert_eq!(
            refused.kind(),
            (StatusCode::FORBIDDEN, "second_factor_enrolment_required")
        );
        let inbox = dashboard(&app, &token, "/staff").await;
        assert_eq!(inbox.status(), StatusCode::SEE_OTHER);
        assert_eq!(inbox.headers()["location"], "/staff/second-factor");
        let (secret, _) = set_up(&app, &token).await;
        assert_eq!(
            app.staff_get(&token, "/api/v1/staff/me").await.status(),
            StatusCode::OK
        );
        let page = dashboard(&app, &token, "/staff/second-factor")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            !page.contains("/staff/second-factor/off"),
            "not to be turned off"
        );
        let off = post_form(&app, &token, "/staff/second-factor/off", &[]).await;
        assert_eq!(off.status(), StatusCode::FORBIDDEN);
        app.set_time("2026-12-01T10:05:00Z");
        let code = code_for(&secret, app.state.clock.now());
        assert_eq!(
            api_login(&app, username, Some(&code)).await.status(),
            StatusCode::OK
        );
        app.set_time("2026-12-01T10:00:00Z");
    }
}

#[tokio::test]
async fn the_demo_asks_nobody_and_requiring_it_is_the_default() {
    let defaults =
        <server::config::Config as clap::Parser>::try_parse_from(["zeri-server"]).unwrap();
    assert!(defaults.require_second_factor);
    let dir = fresh_dir();
    let mut config = test_config(&dir);
    config.require_second_factor = true;
    config.demo = true;
    let app = spawn_with(config).await;
    let admin = app
        .staff("demo.admin.extra", Role::Administrator, None)
        .await;
    assert_eq!(
        app.staff_get(&admin, "/api/v1/staff/me").await.status(),
        StatusCode::OK
    );
}
