//! Accounts under attack: the role ceiling (no one acts on an account above their own role),
//! logins counted before the password is checked and limited per account and address, password
//! checking bounded in concurrency, and training sandboxes closed to anyone without the
//! trainee's own link.

use reqwest::StatusCode;
use reqwest::header::{COOKIE, LOCATION, RETRY_AFTER, SET_COOKIE};
use serde_json::{Value, json};
use server::auth::{Role, sha256_hex};

use crate::helpers::*;

const GJILAN: &str = "gjilan:mun_public_services";

async fn login_from(app: &TestApp, address: &str, username: &str, password: &str) -> StatusCode {
    client_from(address)
        .post(app.url("/api/v1/staff/login"))
        .json(&json!({ "username": username, "password": password }))
        .send()
        .await
        .unwrap()
        .status()
}

async fn account_id(app: &TestApp, token: &str, username: &str) -> i64 {
    let accounts = app.accounts(token).await;
    accounts.iter().find(|a| a.username == username).unwrap().id
}

#[tokio::test]
async fn a_manager_cannot_take_over_an_administrator() {
    let app = spawn_app().await;
    let admin = app.staff("admin", Role::Administrator, None).await;
    let manager = app.staff("manager", Role::Manager, Some(GJILAN)).await;
    app.account("colleague", Role::Staff, Some(GJILAN)).await;
    let colleague = account_id(&app, &admin, "colleague").await;
    // The colleague is promoted: an administrator belongs to no institution from then on.
    let promoted = app
        .client
        .patch(app.url(&format!("/api/v1/admin/staff/{colleague}")))
        .bearer_auth(&admin)
        .json(&json!({ "role": "administrator" }))
        .send()
        .await
        .unwrap();
    assert_eq!(promoted.status(), StatusCode::NO_CONTENT);

    // Their old institution's manager can no longer reset their password, nor anything else.
    for change in [
        json!({ "password": "the manager's own choice" }),
        json!({ "active": false }),
        json!({ "display_name": "Someone else" }),
        json!({ "role": "staff" }),
    ] {
        let response = app
            .client
            .patch(app.url(&format!("/api/v1/admin/staff/{colleague}")))
            .bearer_auth(&manager)
            .json(&change)
            .send()
            .await
            .unwrap();
        assert!(
            matches!(
                response.status(),
                StatusCode::FORBIDDEN | StatusCode::NOT_FOUND
            ),
            "{change}: {}",
            response.status()
        );
    }
    assert_eq!(
        login_from(&app, "127.0.0.1", "colleague", "the manager's own choice").await,
        StatusCode::UNAUTHORIZED
    );
    app.login("colleague").await;
    // Nor can an administrator be made with an institution, by the API or in the database.
    let refused = refusal(
        app.staff_post(
            &admin,
            "/api/v1/admin/staff",
            &json!({ "username": "boss", "display_name": "Boss", "password": PASSWORD,
                     "role": "administrator", "institution_id": GJILAN }),
        )
        .await,
    )
    .await;
    assert_eq!(
        refused.kind(),
        (StatusCode::BAD_REQUEST, "institution_for_role"),
        "{}",
        refused.message()
    );
    let stored = app
        .state
        .db
        .call(|c| -> Result<_, server::services::ServiceError> {
            Ok(c.execute(
                "UPDATE staff SET institution_id = 'gjilan:mun_public_services' WHERE role = 'administrator'",
                (),
            )?)
        })
        .await;
    assert!(stored.is_err(), "the database refuses it too");
}

#[tokio::test]
async fn a_manager_grants_no_role_above_their_own_and_manages_only_their_institution() {
    let app = spawn_app().await;
    let admin = app.staff("admin", Role::Administrator, None).await;
    let manager = app.staff("manager", Role::Manager, Some(GJILAN)).await;
    app.account("worker", Role::Staff, Some(GJILAN)).await;
    app.account("elsewhere", Role::Staff, Some("msh")).await;
    let worker = account_id(&app, &admin, "worker").await;
    let elsewhere = account_id(&app, &admin, "elsewhere").await;
    let patch = |id: i64, body: Value| {
        app.client
            .patch(app.url(&format!("/api/v1/admin/staff/{id}")))
            .bearer_auth(&manager)
            .json(&body)
            .send()
    };
    let up = patch(worker, json!({ "role": "administrator" }))
        .await
        .unwrap();
    assert_eq!(up.status(), StatusCode::FORBIDDEN);
    let level = patch(worker, json!({ "role": "manager" })).await.unwrap();
    assert_eq!(level.status(), StatusCode::NO_CONTENT);
    let other = patch(elsewhere, json!({ "password": "a long enough password" }))
        .await
        .unwrap();
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
}

/// `count` logins for `username` with a wrong password from `address`, all at once.
async fn wrong_logins_at_once(
    app: &TestApp,
    address: &str,
    username: &str,
    count: usize,
) -> Vec<StatusCode> {
    let url = app.url("/api/v1/staff/login");
    let attempts: Vec<_> = (0..count)
        .map(|_| {
            let (url, address, username) = (url.clone(), address.to_owned(), username.to_owned());
            tokio::spawn(async move {
                client_from(&address)
                    .post(url)
                    .json(&json!({ "username": username, "password": "guess" }))
                    .send()
                    .await
                    .unwrap()
                    .status()
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for attempt in attempts {
        statuses.push(attempt.await.unwrap());
    }
    statuses
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn wrong_passwords_are_counted_before_they_are_checked() {
    let app = spawn_app().await;
    app.account("target", Role::Staff, Some(GJILAN)).await;
    let statuses = wrong_logins_at_once(&app, "127.0.0.2", "target", 40).await;
    let checked = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    assert!(checked <= 5, "{checked} of 40 passwords were checked");
    assert!(
        statuses.iter().all(|s| matches!(
            *s,
            StatusCode::UNAUTHORIZED
                | StatusCode::TOO_MANY_REQUESTS
                | StatusCode::SERVICE_UNAVAILABLE
        )),
        "{statuses:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_flood_from_elsewhere_does_not_lock_the_owner_out() {
    let app = spawn_app().await;
    app.account("owner", Role::Staff, Some(GJILAN)).await;
    // While the flood runs, and after it, the owner logs in from their own address.
    let (flood, during) = tokio::join!(
        wrong_logins_at_once(&app, "127.0.0.2", "owner", 60),
        login_from(&app, "127.0.0.1", "owner", PASSWORD)
    );
    let refused = flood
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert!(refused >= 50, "the guesser was stopped ({refused} refused)");
    assert_eq!(during, StatusCode::OK);
    assert_eq!(
        login_from(&app, "127.0.0.1", "owner", PASSWORD).await,
        StatusCode::OK
    );
    assert_eq!(
        login_from(&app, "127.0.0.2", "owner", PASSWORD).await,
        StatusCode::TOO_MANY_REQUESTS,
        "the guessing address stays stopped"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn password_checks_wait_their_turn_and_beyond_the_queue_are_told_to_come_back() {
    let app = spawn_app().await;
    let address = app.url("/api/v1/staff/login");
    // 120 logins at once, each from an address and for an account of its own: no limit stops
    // them, so only the bound on password checking does.
    let logins: Vec<_> = (0..120)
        .map(|i| {
            let address = address.clone();
            tokio::spawn(async move {
                let response = client_from(&format!("127.0.1.{}", i + 1))
                    .post(address)
                    .header("Accept-Language", "sq")
                    .json(&json!({ "username": format!("nobody{i}"), "password": "guess" }))
                    .send()
                    .await
                    .unwrap();
                let retry = response.headers().get(RETRY_AFTER).cloned();
                (response.status(), retry, response.text().await.unwrap())
            })
        })
        .collect();
    let mut busy = 0;
    for login in logins {
        let (status, retry, body) = login.await.unwrap();
        match status {
            StatusCode::UNAUTHORIZED => {}
            StatusCode::SERVICE_UNAVAILABLE => {
                busy += 1;
                assert!(retry.is_some(), "a busy answer says when to come back");
                assert!(body.contains("Serveri është i zënë"), "{body}");
            }
            other => panic!("{other}: {body}"),
        }
    }
    assert!(busy > 0, "some logins were told to come back");
}

struct Sandbox {
    cookies: String,
    trainee_id: String,
}

async fn sandbox(app: &TestApp, admin: &str) -> Sandbox {
    let form_token = sha256_hex(format!("zeri-form:{admin}").as_bytes());
    let added = client_from("127.0.0.1")
        .post(app.url("/staff/training"))
        .bearer_auth(admin)
        .form(&[
            ("form_token", form_token.as_str()),
            ("name", "Lirie Osmani"),
            ("institution_id", GJILAN),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let page = app
        .staff_get(admin, "/staff/training")
        .await
        .text()
        .await
        .unwrap();
    let link = page.split("class=\"entry-link\" href=\"").nth(1).unwrap();
    let path = link.split('"').next().unwrap();
    let path = &path[path.find("/training/enter/").unwrap()..];
    let trainee_id = page
        .split("action=\"/staff/training/")
        .nth(1)
        .and_then(|rest| rest.split("/reset").next())
        .unwrap()
        .to_owned();
    let entered = client_from("127.0.0.1")
        .get(app.url(path))
        .send()
        .await
        .unwrap();
    assert_eq!(entered.status(), StatusCode::SEE_OTHER);
    let cookies: Vec<String> = entered
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|c| c.to_str().unwrap().split(';').next().unwrap().to_owned())
        .collect();
    Sandbox {
        cookies: cookies.join("; "),
        trainee_id,
    }
}

async fn login_with_cookies(
    app: &TestApp,
    cookies: &str,
    username: &str,
    password: &str,
) -> reqwest::Response {
    client_from("127.0.0.1")
        .post(app.url("/api/v1/staff/login"))
        .header(COOKIE, cookies)
        .json(&json!({ "username": username, "password": password }))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_sandbox_opens_only_to_the_trainee_s_own_link() {
    let app = spawn_app().await;
    let admin = app.staff("trainer", Role::Administrator, None).await;
    let sandbox = sandbox(&app, &admin).await;
    assert!(!sandbox.trainee_id.is_empty());

    // Knowing the trainee's id is not enough to reach the sandbox's demo accounts.
    let forged = format!("zeri_training={}", sandbox.trainee_id);
    let response = login_with_cookies(&app, &forged, "admin", server::demo::DEMO_PASSWORD).await;
    assert_ne!(
        response.status(),
        StatusCode::OK,
        "a forged cookie opened the sandbox"
    );
    assert_eq!(response.headers()[LOCATION], "/staff/login");

    // The trainee's browser, which followed the link, is in.
    let inside =
        login_with_cookies(&app, &sandbox.cookies, "admin", server::demo::DEMO_PASSWORD).await;
    assert_eq!(inside.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_sandbox_keeps_login_limits_of_its_own() {
    let app = spawn_app().await;
    let admin = app.staff("trainer", Role::Administrator, None).await;
    let sandbox = sandbox(&app, &admin).await;
    for _ in 0..8 {
        login_with_cookies(&app, &sandbox.cookies, "trainer", "guess").await;
    }
    assert_eq!(
        login_with_cookies(&app, &sandbox.cookies, "trainer", "guess")
            .await
            .status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    // The real account, from the same browser's address, is untouched.
    assert_eq!(
        login_from(&app, "127.0.0.1", "trainer", PASSWORD).await,
        StatusCode::OK
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn behind_a_trusted_proxy_limits_count_the_people_it_forwards() {
    let mut config = test_config(&fresh_dir());
    config.trusted_proxies = vec!["127.0.0.9".parse().unwrap()];
    let app = spawn_with(config).await;
    app.account("owner", Role::Staff, Some(GJILAN)).await;
    let through_proxy = |client: &'static str, password: &'static str| {
        client_from("127.0.0.9")
            .post(app.url("/api/v1/staff/login"))
            .header("X-Forwarded-For", client)
            .json(&json!({ "username": "owner", "password": password }))
            .send()
    };
    for _ in 0..8 {
        through_proxy("192.0.2.66", "guess").await.unwrap();
    }
    let guesser = through_proxy("192.0.2.66", "guess").await.unwrap();
    assert_eq!(guesser.status(), StatusCode::TOO_MANY_REQUESTS);
    // The owner, through the same proxy, is someone else.
    let owner = through_proxy("192.0.2.10", PASSWORD).await.unwrap();
    assert_eq!(owner.status(), StatusCode::OK);
    // A client that is not the proxy cannot pick its own address.
    for _ in 0..8 {
        client_from("127.0.0.3")
            .post(app.url("/api/v1/staff/login"))
            .header("X-Forwarded-For", "192.0.2.10")
            .json(&json!({ "username": "owner", "password": "guess" }))
            .send()
            .await
            .unwrap();
    }
    assert_eq!(
        through_proxy("192.0.2.10", PASSWORD)
            .await
            .unwrap()
            .status(),
        StatusCode::OK,
        "the owner's address was not used up by someone claiming it"
    );
}
