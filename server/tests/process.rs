//! The `zeri-server` binary as an operator runs it: configured by flags, stopped by SIGTERM
//! (finishing cleanly) or killed outright, and started again on the same database file without
//! losing a complaint it acknowledged.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

#[path = "smtp/mod.rs"]
mod smtp;

use smtp::free_port;

fn start(dir: &Path, port: u16) -> Child {
    start_with(dir, port, &[])
}

/// The binary on `port` with its data in `dir`, with settings `env` besides.
fn start_with(dir: &Path, port: u16, env: &[(&str, &str)]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_zeri-server"))
        .envs(env.iter().copied())
        .args(["--bind", &format!("127.0.0.1:{port}")])
        .args(["--database", dir.join("zeri.sqlite3").to_str().unwrap()])
        .args(["--data-dir", dir.join("data").to_str().unwrap()])
        .args(["--log-format", "json"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts")
}

async fn wait_until_up(client: &reqwest::Client, base: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Ok(response) = client.get(format!("{base}/healthz")).send().await
            && response.status().is_success()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the server did not come up");
}

/// `GET /api/v1/complaints/mine` as `device`.
async fn my_complaints(client: &reqwest::Client, base: &str, device: &str) -> Value {
    client
        .get(format!("{base}/api/v1/complaints/mine"))
        .header("Authorization", format!("Device {device}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

fn complaint(n: usize) -> Value {
    json!({
        "id": uuid::Uuid::new_v4(),
        "category": "roads_local",
        "description": format!("Pothole number {n} on the main road, getting bigger every day"),
        "location": { "type": "municipality", "id": "ferizaj" },
        "contact": null,
        "photo_count": 0,
        "language": "en",
        "campaign": null,
    })
}

/// A phone's device secret.
fn new_device() -> String {
    format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

#[tokio::test]
async fn sigterm_stops_cleanly_and_sigkill_loses_nothing_acknowledged() {
    let dir = std::env::temp_dir().join(format!("zeri-process-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let client = reqwest::Client::new();
    let device = new_device();
    let file = |base: String, body: Value| {
        let client = client.clone();
        let device = device.clone();
        async move {
            client
                .post(format!("{base}/api/v1/complaints"))
                .header("Authorization", format!("Device {device}"))
                .json(&body)
                .send()
                .await
                .unwrap()
        }
    };

    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = start(&dir, port);
    wait_until_up(&client, &base).await;
    let mut acknowledged = Vec::new();
    for n in 0..5 {
        let response = file(base.clone(), complaint(n)).await;
        assert_eq!(response.status(), 201);
        acknowledged.push(
            response.json::<Value>().await.unwrap()["tracking_code"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    signal(&server, "TERM");
    let status = server.wait().unwrap();
    assert!(status.success(), "SIGTERM is a clean stop: {status:?}");

    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = start(&dir, port);
    wait_until_up(&client, &base).await;
    for n in 5..10 {
        let response = file(base.clone(), complaint(n)).await;
        assert_eq!(response.status(), 201);
        acknowledged.push(
            response.json::<Value>().await.unwrap()["tracking_code"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    signal(&server, "KILL");
    server.wait().unwrap();

    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = start(&dir, port);
    wait_until_up(&client, &base).await;
    let page = my_complaints(&client, &base, &device).await;
    let codes: Vec<&str> = page["complaints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["tracking_code"].as_str().unwrap())
        .collect();
    for code in &acknowledged {
        assert!(
            codes.contains(&code.as_str()),
            "{code} was acknowledged and must survive"
        );
    }
    assert_eq!(codes.len(), 10);
    signal(&server, "TERM");
    server.wait().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

/// A figure from `/proc/<pid>/status`, in kB.
fn memory_kb(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.trim().strip_suffix("kB"))
        .and_then(|kb| kb.trim().parse().ok())
        .unwrap_or_else(|| panic!("no {field} in /proc/{pid}/status"))
}

/// 200 logins at once, each from an address of its own (so no rate limit stops them and only
/// the bound on password checking keeps memory in hand): the server's peak resident memory
/// stays under 300 MB, and every attempt gets an answer that is not a 5xx other than "busy".
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_login_flood_keeps_memory_flat() {
    let dir = std::env::temp_dir().join(format!("zeri-process-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let client = reqwest::Client::new();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = start(&dir, port);
    wait_until_up(&client, &base).await;
    let before = memory_kb(server.id(), "VmRSS:");
    let logins: Vec<_> = (0..200u32)
        .map(|i| {
            let url = format!("{base}/api/v1/staff/login");
            tokio::spawn(async move {
                let from: std::net::IpAddr = format!("127.0.4.{}", i % 250 + 1).parse().unwrap();
                reqwest::Client::builder()
                    .local_address(from)
                    .build()
                    .unwrap()
                    .post(url)
                    .json(&json!({ "username": format!("flood{i}"), "password": "guess" }))
                    .send()
                    .await
                    .map(|r| r.status().as_u16())
            })
        })
        .collect();
    let mut answered = std::collections::BTreeMap::new();
    for login in logins {
        let status = login.await.unwrap().expect("every attempt is answered");
        *answered.entry(status).or_insert(0) += 1;
    }
    let peak = memory_kb(server.id(), "VmHWM:");
    println!(
        "login flood of 200: resident memory {} MB before, peak {} MB ({:.2}x); answers {answered:?}",
        before / 1024,
        peak / 1024,
        peak as f64 / before as f64
    );
    assert!(
        answered.keys().all(|s| [401, 429, 503].contains(s)),
        "{answered:?}"
    );
    assert!(peak < 300 * 1024, "peak resident memory {} MB", peak / 1024);
    signal(&server, "TERM");
    server.wait().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

/// The mail queue outlives the server: emails queued while the mail server was down, then the
/// server killed outright, all leave once the server is back, and each leaves once, also after
/// a further kill and start.
#[tokio::test]
async fn queued_emails_survive_sigkill_and_each_is_sent_once() {
    let dir = std::env::temp_dir().join(format!("zeri-process-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let client = reqwest::Client::new();
    let device = new_device();
    let mut smtp = smtp::SmtpServer::not_running(free_port());
    let smtp_url = smtp.url();
    let start_mailing = |port: u16, every: &str| {
        let settings = [
            ("ZERI_SMTP_URL", smtp_url.as_str()),
            ("ZERI_MAIL_EVERY_SECONDS", every),
            ("ZERI_PUBLIC_URL", "http://zeri.test"),
        ];
        start_with(&dir, port, &settings)
    };

    // The mail server is down, and the mailer looks only hourly (once, at start).
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = start_mailing(port, "3600");
    wait_until_up(&client, &base).await;
    for n in 0..5 {
        let mut body = complaint(n);
        body["contact"] = json!({ "email": format!("citizen{n}@example.org") });
        let response = client
            .post(format!("{base}/api/v1/complaints"))
            .header("Authorization", format!("Device {device}"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 201);
    }
    signal(&server, "KILL");
    server.wait().unwrap();

    smtp.start_again();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = start_mailing(port, "1");
    wait_until_up(&client, &base).await;
    let received = smtp.wait_for(5);
    assert_eq!(
        received.len(),
        5,
        "every queued email arrives after the kill"
    );
    signal(&server, "KILL");
    server.wait().unwrap();

    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = start_mailing(port, "1");
    wait_until_up(&client, &base).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    signal(&server, "TERM");
    server.wait().unwrap();

    let received = smtp.received();
    assert_eq!(received.len(), 5, "nothing is sent twice");
    let mut recipients: Vec<String> = received.iter().map(|m| m.rcpt_tos.join(",")).collect();
    recipients.sort();
    let expected: Vec<String> = (0..5).map(|n| format!("citizen{n}@example.org")).collect();
    assert_eq!(recipients, expected);
    let ids: std::collections::BTreeSet<&str> =
        received.iter().map(|m| m.header("Message-ID")).collect();
    assert_eq!(ids.len(), 5);
    let _ = std::fs::remove_dir_all(&dir);
}

/// `zeri-server <args>` with its data in `dir`, run to the end: its exit status and output.
fn tool(dir: &Path, args: &[&str]) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_zeri-server"))
        .args(args)
        .args(["--database", dir.join("zeri.sqlite3").to_str().unwrap()])
        .args(["--data-dir", dir.join("data").to_str().unwrap()])
        .output()
        .expect("the binary runs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.success(), text)
}

#[tokio::test]
async fn backup_while_serving_then_restore_elsewhere_and_serve_from_there() {
    let root = std::env::temp_dir().join(format!("zeri-backup-{}", uuid::Uuid::new_v4()));
    let (live, elsewhere) = (root.join("live"), root.join("elsewhere"));
    std::fs::create_dir_all(&live).unwrap();
    let client = reqwest::Client::new();
    let device = new_device();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = start(&live, port);
    wait_until_up(&client, &base).await;
    for n in 0..3 {
        let response = client
            .post(format!("{base}/api/v1/complaints"))
            .header("Authorization", format!("Device {device}"))
            .json(&complaint(n))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 201);
    }
    let archive = root.join("zeri-backup.tar.gz");
    let (ok, said) = tool(&live, &["backup", "--to", archive.to_str().unwrap()]);
    assert!(ok, "{said}");
    assert!(said.contains("3 complaints"), "{said}");
    signal(&server, "TERM");
    server.wait().unwrap();

    let (ok, said) = tool(
        &elsewhere,
        &["restore", "--from", archive.to_str().unwrap()],
    );
    assert!(ok, "{said}");
    let (ok, said) = tool(
        &elsewhere,
        &["restore", "--from", archive.to_str().unwrap()],
    );
    assert!(!ok && said.contains("already holds 3 complaints"), "{said}");
    let (ok, said) = tool(&elsewhere, &["restore", "--from", "/etc/hostname"]);
    assert!(
        !ok && said.contains("/etc/hostname is not a Zëri backup"),
        "{said}"
    );

    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = start(&elsewhere, port);
    wait_until_up(&client, &base).await;
    let page = my_complaints(&client, &base, &device).await;
    assert_eq!(page["complaints"].as_array().unwrap().len(), 3);
    signal(&server, "TERM");
    server.wait().unwrap();
    let _ = std::fs::remove_dir_all(&root);
}
