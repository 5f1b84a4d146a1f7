//! The dashboard's session and form rules, where the test needs the server's clock.

use reqwest::StatusCode;
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use server::auth::Role;

use crate::helpers::*;

#[tokio::test]
async fn a_session_ends_after_a_working_day_and_the_login_says_so() {
    let app = spawn_app().await;
    app.set_time("2026-11-02T08:00:00Z");
    app.account("drita", Role::Staff, Some("gjilan:mun_public_services"))
        .await;
    let client = no_redirects();
    let login = client
        .post(app.url("/staff/login"))
        .form(&[
            ("username", "drita"),
            ("password", PASSWORD),
            ("next", "/staff/stats"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), StatusCode::SEE_OTHER);
    assert_eq!(login.headers()[LOCATION], "/staff/stats");
    let cookie = login.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    for flag in ["HttpOnly", "Secure", "SameSite=Strict", "Max-Age=28800"] {
        assert!(cookie.contains(flag), "{cookie} lacks {flag}");
    }
    let session = cookie.split(';').next().unwrap().to_owned();

    let inbox = client
        .get(app.url("/staff"))
        .header(COOKIE, &session)
        .send()
        .await
        .unwrap();
    assert_eq!(inbox.status(), StatusCode::OK);

    app.set_time("2026-11-02T16:00:01Z");
    let expired = client
        .get(app.url("/staff"))
        .header(COOKIE, &session)
        .send()
        .await
        .unwrap();
    assert_eq!(expired.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        expired.headers()[LOCATION],
        "/staff/login?next=/staff&expired=1"
    );
    let page = client
        .get(app.url("/staff/login?next=/staff&expired=1"))
        .header("accept-language", "sq")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Seanca juaj ka përfunduar"), "{page}");
}

#[tokio::test]
async fn a_login_never_sends_anyone_to_another_site() {
    let app = spawn_app().await;
    app.account("drita", Role::Staff, Some("gjilan:mun_public_services"))
        .await;
    for next in [
        "https://attacker.example/",
        "//attacker.example/staff",
        "/api/v1/stats",
    ] {
        let login = no_redirects()
            .post(app.url("/staff/login"))
            .form(&[
                ("username", "drita"),
                ("password", PASSWORD),
                ("next", next),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(login.headers()[LOCATION], "/staff", "{next}");
    }
}

/// A training room's network without HTTPS: with a plain http:// public address the login
/// cookie is not marked Secure (browsers would refuse it there), and stays HttpOnly and Strict.
#[tokio::test]
async fn a_plain_http_public_address_lets_browsers_on_the_network_log_in() {
    let config = server::config::Config {
        public_url: Some("http://192.168.1.20:8080".into()),
        ..test_config(&fresh_dir())
    };
    let app = spawn_with(config).await;
    app.account("drita", Role::Staff, Some("gjilan:mun_public_services"))
        .await;
    let login = no_redirects()
        .post(app.url("/staff/login"))
        .form(&[("username", "drita"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), StatusCode::SEE_OTHER);
    let cookie = login.headers()[SET_COOKIE].to_str().unwrap();
    assert!(!cookie.contains("Secure"), "{cookie}");
    for flag in ["HttpOnly", "SameSite=Strict"] {
        assert!(cookie.contains(flag), "{cookie} lacks {flag}");
    }
}
