//! Limits an anonymous caller meets: a server-wide budget for new complaints, invalid
//! complaints that cost nothing, campaign figures that one address cannot inflate, connections
//! that must send their request in time and cannot all come from one address, and the headers
//! and redirects every answer carries.

use std::time::Duration;

use protocol::api::NewComplaint;
use reqwest::StatusCode;
use reqwest::header::{CACHE_CONTROL, LOCATION, RETRY_AFTER, SET_COOKIE, X_CONTENT_TYPE_OPTIONS};
use serde_json::{Value, json};
use server::auth::Role;
use server::config::Config;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

use crate::helpers::*;

async fn post_from(
    app: &TestApp,
    address: &str,
    device: &str,
    body: &NewComplaint,
) -> reqwest::Response {
    client_from(address)
        .post(app.url("/api/v1/complaints"))
        .header("Authorization", format!("Device {device}"))
        .json(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn new_complaints_have_a_budget_for_the_whole_server() {
    let mut config = test_config(&fresh_dir());
    config.new_complaints_per_minute = 40;
    let app = spawn_with(config).await;
    let first = complaint("roads_local", in_municipality("gjilan"));
    let first_device = device();
    assert_eq!(
        post_from(&app, "127.0.0.1", &first_device, &first)
            .await
            .status(),
        StatusCode::CREATED
    );
    // 120 complaints from 30 addresses and 120 phones: no address or phone is over its own limit.
    let url = app.url("/api/v1/complaints");
    let posts: Vec<_> = (0..120)
        .map(|i| {
            let url = url.clone();
            tokio::spawn(async move {
                let response = client_from(&format!("127.0.2.{}", i % 30 + 1))
                    .post(url)
                    .header("Authorization", format!("Device {}", device()))
                    .json(&complaint("roads_local", in_municipality("gjilan")))
                    .send()
                    .await
                    .unwrap();
                (
                    response.status(),
                    response.headers().get(RETRY_AFTER).cloned(),
                )
            })
        })
        .collect();
    let mut created = 0;
    for post in posts {
        match post.await.unwrap() {
            (StatusCode::CREATED, _) => created += 1,
            (StatusCode::TOO_MANY_REQUESTS, retry) => assert!(retry.is_some()),
            (other, _) => panic!("{other}"),
        }
    }
    assert!(created < 45, "{created} of 120 taken beyond the budget");
    // A phone retrying a complaint the server already has is never turned away.
    assert_eq!(
        post_from(&app, "127.0.0.1", &first_device, &first)
            .await
            .status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn invalid_complaints_cost_a_phone_nothing() {
    let app = spawn_app().await;
    let phone = device();
    for _ in 0..25 {
        let mut invalid = complaint("roads_local", in_municipality("gjilan"));
        invalid.description = "short".into();
        assert_eq!(
            app.post_complaint(&phone, &invalid).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let outside = complaint("roads_local", gps(48.85, 2.35));
        assert_eq!(
            app.post_complaint(&phone, &outside).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    app.file(&phone, &complaint("roads_local", in_municipality("gjilan")))
        .await;
}

#[tokio::test]
async fn a_complaint_s_campaign_code_follows_the_shared_rule() {
    let app = spawn_app().await;
    let mut huge = complaint("roads_local", in_municipality("gjilan"));
    huge.campaign = Some("A".repeat(60_000));
    let refused = refusal(app.post_complaint(&device(), &huge).await).await;
    assert_eq!(
        refused.kind(),
        (StatusCode::BAD_REQUEST, "invalid_campaign"),
        "{}",
        refused.message()
    );
    let mut odd = complaint("roads_local", in_municipality("gjilan"));
    odd.campaign = Some("GJI 7K3Q; DROP".into());
    assert_eq!(
        app.post_complaint(&device(), &odd).await.status(),
        StatusCode::BAD_REQUEST
    );
    let mut lower = complaint("roads_local", in_municipality("gjilan"));
    lower.campaign = Some("gji-7k3q".into());
    let id = lower.id.to_string();
    app.file(&device(), &lower).await;
    let stored: String = app
        .state
        .db
        .read(move |c| -> Result<_, server::services::ServiceError> {
            Ok(
                c.query_row("SELECT campaign FROM complaints WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?,
            )
        })
        .await
        .unwrap();
    assert_eq!(stored, "GJI-7K3Q");
}

#[tokio::test]
async fn one_address_cannot_inflate_a_campaign_s_reach() {
    let app = spawn_app().await;
    let admin = app.staff("admin", Role::Administrator, None).await;
    let code = create_campaign(&app, &admin, "gjilan").await;
    for _ in 0..50 {
        let page = client_from("127.0.0.2")
            .get(app.url(&format!("/c/{code}")))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), StatusCode::OK, "the page always opens");
    }
    client_from("127.0.0.3")
        .get(app.url(&format!("/c/{code}")))
        .send()
        .await
        .unwrap();
    let mut opened = 0;
    let mut refused = 0;
    for _ in 0..60 {
        let response = client_from("127.0.0.2")
            .post(app.url(&format!("/api/v1/campaigns/{code}/opens")))
            .header("Authorization", format!("Device {}", device()))
            .send()
            .await
            .unwrap();
        match response.status() {
            StatusCode::NO_CONTENT => opened += 1,
            StatusCode::TOO_MANY_REQUESTS => refused += 1,
            other => panic!("{other}"),
        }
    }
    assert!(
        opened <= 30 && refused >= 30,
        "{opened} opened, {refused} refused"
    );
    let (scans, opens): (i64, i64) = app
        .state
        .db
        .read(move |c| -> Result<_, server::services::ServiceError> {
            Ok(c.query_row(
                "SELECT (SELECT COUNT(*) FROM campaign_visits WHERE campaign_code = ?1 AND kind = 'scan'),
                        (SELECT COUNT(*) FROM campaign_visits WHERE campaign_code = ?1 AND kind = 'app_open')",
                [code],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .await
        .unwrap();
    assert_eq!(scans, 2, "one scan for each address that day");
    assert_eq!(opens, opened);
}

fn limited(header_timeout_secs: u64, body_timeout_secs: u64, per_address: usize) -> Config {
    let mut config = test_config(&fresh_dir());
    config.header_timeout_secs = header_timeout_secs;
    config.body_timeout_secs = body_timeout_secs;
    config.max_connections_per_address = per_address;
    config
}

fn port(app: &TestApp) -> u16 {
    app.address.rsplit(':').next().unwrap().parse().unwrap()
}

async fn connect_from(address: &str, port: u16) -> TcpStream {
    let socket = TcpSocket::new_v4().unwrap();
    socket
        .bind(format!("{address}:0").parse().unwrap())
        .unwrap();
    socket
        .connect(format!("127.0.0.1:{port}").parse().unwrap())
        .await
        .unwrap()
}

/// Reads until the server closes the connection; `None` if it is still open after `wait`.
async fn closed_within(stream: &mut TcpStream, wait: Duration) -> Option<String> {
    let mut seen = Vec::new();
    let read = tokio::time::timeout(wait, async {
        let mut buffer = [0u8; 4096];
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => seen.extend_from_slice(&buffer[..n]),
            }
        }
    })
    .await;
    read.ok()
        .map(|()| String::from_utf8_lossy(&seen).into_owned())
}

#[tokio::test]
async fn connections_that_stall_or_idle_are_closed() {
    let app = spawn_with(limited(1, 1, 256)).await;
    let port = port(&app);
    // Headers begun and never finished.
    let mut half_sent = connect_from("127.0.0.1", port).await;
    half_sent
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: zeri\r\n")
        .await
        .unwrap();
    assert!(
        closed_within(&mut half_sent, Duration::from_secs(5))
            .await
            .is_some()
    );
    // A connection that asks nothing at all.
    let mut silent = connect_from("127.0.0.1", port).await;
    assert!(
        closed_within(&mut silent, Duration::from_secs(5))
            .await
            .is_some()
    );
    // A kept-alive connection left idle after its request.
    let mut idle = connect_from("127.0.0.1", port).await;
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: zeri\r\n\r\n")
        .await
        .unwrap();
    let answer = closed_within(&mut idle, Duration::from_secs(5))
        .await
        .expect("closed when idle");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    // A body that stops arriving.
    let mut slow = connect_from("127.0.0.1", port).await;
    slow.write_all(
        b"POST /api/v1/staff/login HTTP/1.1\r\nHost: zeri\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"user",
    )
    .await
    .unwrap();
    let answer = closed_within(&mut slow, Duration::from_secs(5))
        .await
        .expect("abandoned");
    assert!(!answer.contains(" 500 "), "{answer}");
}

#[tokio::test]
async fn one_address_cannot_hold_every_connection() {
    let app = spawn_with(limited(30, 30, 20)).await;
    let port = port(&app);
    let mut held = Vec::new();
    for _ in 0..20 {
        held.push(connect_from("127.0.0.2", port).await);
    }
    // Give the server time to admit them before the next one.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut one_too_many = connect_from("127.0.0.2", port).await;
    assert!(
        closed_within(&mut one_too_many, Duration::from_secs(2))
            .await
            .is_some(),
        "the 21st connection from one address is closed at once"
    );
    // Everyone else is still served.
    let health = client_from("127.0.0.1")
        .get(app.url("/healthz"))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), StatusCode::OK);
    drop(held);
}

#[tokio::test]
async fn answers_are_neither_sniffed_nor_kept_and_health_tells_nothing() {
    let app = spawn_app().await;
    let token = app
        .staff("worker", Role::Staff, Some("gjilan:mun_public_services"))
        .await;
    let receipt = app
        .file(
            &device(),
            &complaint("roads_local", in_municipality("gjilan")),
        )
        .await;
    let id = receipt.id;
    for response in [
        app.staff_get(&token, &format!("/api/v1/staff/complaints/{id}"))
            .await,
        app.staff_get(&token, "/api/v1/staff/complaints").await,
        app.client.get(app.url("/healthz")).send().await.unwrap(),
        app.client
            .get(app.url("/api/v1/nowhere"))
            .send()
            .await
            .unwrap(),
    ] {
        assert_eq!(response.headers()[X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(
            response.headers()[CACHE_CONTROL],
            "no-store",
            "{}",
            response.url()
        );
    }
    let catalog = app
        .client
        .get(app.url("/api/v1/catalog"))
        .send()
        .await
        .unwrap();
    assert_eq!(catalog.headers()[CACHE_CONTROL], "no-cache");

    // Health and metrics stay raw JSON: health's whole document is the point (it tells nothing
    // more), and the metrics' keys are `&'static str`, which no answer can be read into.
    let health: Value = app
        .client
        .get(app.url("/healthz"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health, json!({ "status": "ok" }));
    assert_eq!(
        app.client
            .get(app.url("/api/v1/admin/metrics"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.staff_get(&token, "/api/v1/admin/metrics")
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let admin = app.staff("admin", Role::Administrator, None).await;
    let metrics: Value = app
        .staff_get(&admin, "/api/v1/admin/metrics")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(metrics["complaints"], 1);
}

#[tokio::test]
async fn redirects_never_carry_a_line_break() {
    let app = spawn_app().await;
    app.account("worker", Role::Staff, Some("gjilan:mun_public_services"))
        .await;
    let client = client_from("127.0.0.1");
    let switched = client
        .get(app.url("/staff/language?to=xx&back=/staff%0aX"))
        .send()
        .await
        .unwrap();
    assert!(switched.status().is_redirection(), "{}", switched.status());
    assert_eq!(switched.headers()[LOCATION], "/staff");
    let switched = client
        .get(app.url("/staff/language?to=sq&back=/staff%0d%0aSet-Cookie:%20x=1"))
        .send()
        .await
        .unwrap();
    assert_eq!(switched.headers()[LOCATION], "/staff");

    let logged_in = client
        .post(app.url("/staff/login"))
        .form(&[
            ("username", "worker"),
            ("password", PASSWORD),
            ("next", "/staff\r\nX: y"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(logged_in.status(), StatusCode::SEE_OTHER);
    assert_eq!(logged_in.headers()[LOCATION], "/staff");
    assert!(logged_in.headers().get(SET_COOKIE).is_some());
}
