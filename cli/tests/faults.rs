//! The real core against the real server, over real HTTP, through outages, crashes of either
//! side and a misbehaving network: every complaint arrives exactly once.

mod support;

use std::time::Duration;

use cli::{Phone, SqliteStore};
use serde_json::{Value, json};
use shared::view_model::Screen;
use shared::{DraftEvent, LifecycleEvent, SettingsEvent};
use support::*;

/// A phone with its store in `path`, started against `server`.
async fn phone(
    path: &std::path::Path,
    server: &str,
    client: reqwest::Client,
) -> Phone<SqliteStore> {
    let mut phone = Phone::new(SqliteStore::open(path).unwrap(), client);
    phone.send(LifecycleEvent::Started {
        api_base_url: server.to_owned(),
        debug_build: true,
    });
    phone
        .run_until(Duration::from_secs(10), |v| v.screen != Screen::Loading)
        .await;
    phone.send(SettingsEvent::WelcomeFinished);
    phone
}

/// Writes and queues one complaint (without waiting for the network).
async fn queue(phone: &mut Phone<SqliteStore>, description: &str) {
    phone.send(DraftEvent::CategorySelected {
        id: "roads_local".into(),
    });
    phone.send(DraftEvent::DescriptionChanged {
        text: description.into(),
    });
    phone.send(DraftEvent::MunicipalitySelected {
        id: "ferizaj".into(),
    });
    phone.send(DraftEvent::AnonymousToggled { anonymous: true });
    phone.send(DraftEvent::SubmitTapped);
    phone
        .run_until(Duration::from_secs(10), |v| !v.draft.submitting)
        .await;
    assert!(
        phone.view().draft.description.value.is_empty(),
        "queued: {:?}",
        phone.view().notice
    );
}

/// The id of the complaint with this tracking code, found as staff find it: by searching.
async fn find_in_inbox(
    client: &reqwest::Client,
    url: &str,
    token: &str,
    tracking_code: &str,
) -> String {
    let inbox: Value = client
        .get(format!("{url}/api/v1/staff/complaints?q={tracking_code}"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    inbox["items"][0]["id"].as_str().unwrap().to_owned()
}

fn exactly_once(server: &Server, prefix: &str, expected: usize) {
    let ours: Vec<(String, i64)> = server
        .descriptions()
        .into_iter()
        .filter(|(d, _)| d.starts_with(prefix))
        .collect();
    assert_eq!(ours.len(), expected, "every complaint arrived: {ours:?}");
    assert!(ours.iter().all(|(_, n)| *n == 1), "none twice: {ours:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn complaints_written_while_the_server_is_down_arrive_once_it_is_up() {
    let dir = temp_dir("down");
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let store = dir.join("phone.sqlite3");
    for n in 0..3 {
        let description = format!("Offline complaint {n}: the bridge railing is broken");
        let (code, out, err) = cli(
            &store,
            &url,
            &[
                "--wait",
                "2",
                "submit",
                "--category",
                "roads_local",
                "--description",
                &description,
                "--municipality",
                "gjilan",
            ],
        );
        assert_eq!(code, 0, "{out}{err}");
        assert!(out.contains("Queued") || out.contains("radhë"), "{out}");
    }
    let server = Server::start(&dir, port, false).await;
    let (code, out, err) = cli(&store, &url, &["sync"]);
    assert_eq!(code, 0, "{out}{err}");
    exactly_once(&server, "Offline complaint", 3);
    for code in server.tracking_codes() {
        assert!(out.contains(&code), "the phone lists {code}: {out}");
    }
    let (code, _, _) = cli(&store, &url, &["sync"]);
    assert_eq!(code, 0);
    exactly_once(&server, "Offline complaint", 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_mid_sync_loses_nothing_it_acknowledged() {
    let dir = temp_dir("server-kill");
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let mut phone = phone(&dir.join("phone.sqlite3"), &url, reqwest::Client::new()).await;
    let total = 40;
    for n in 0..total {
        queue(
            &mut phone,
            &format!("Queued complaint {n:02}: potholes on the road to the school"),
        )
        .await;
    }
    let mut server = Server::start(&dir, port, false).await;
    phone.send(LifecycleEvent::NetworkOnline);
    // Sync until the server has filed at least ten, then kill it outright.
    let kill_at_ten = async {
        while server.count_matching("Queued complaint") < 10 {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        server.kill();
    };
    tokio::select! {
        _ = phone.sync(Duration::from_secs(60)) => panic!("the sync finished before the kill"),
        () = kill_at_ten => {}
    }
    let acknowledged: Vec<String> = phone
        .view()
        .my_complaints
        .items
        .iter()
        .map(|c| c.tracking_code.clone())
        .collect();
    assert!(
        !acknowledged.is_empty() && acknowledged.len() < total,
        "killed in the middle: {}",
        acknowledged.len()
    );
    // The phone keeps trying against a dead server for a moment.
    phone.run_until(Duration::from_secs(2), |_| false).await;

    server.restart().await;
    phone.send(LifecycleEvent::NetworkOnline);
    assert!(
        phone.sync(Duration::from_secs(120)).await,
        "the outbox drains after the restart"
    );
    exactly_once(&server, "Queued complaint", total);
    let on_server = server.tracking_codes();
    for code in &acknowledged {
        assert!(
            on_server.contains(code),
            "{code} was acknowledged before the kill and must still be there"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_killed_mid_sync_resumes_from_its_store() {
    let dir = temp_dir("phone-kill");
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let store = dir.join("phone.sqlite3");
    let total = 30;
    {
        let mut phone = phone(&store, &url, reqwest::Client::new()).await;
        for n in 0..total {
            queue(
                &mut phone,
                &format!("Resumed complaint {n:02}: no street lights on the whole street"),
            )
            .await;
        }
    }
    let server = Server::start(&dir, port, false).await;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_zeri-cli"))
        .args(["--store", store.to_str().unwrap(), "--server", &url, "sync"])
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while server.count_matching("Resumed complaint") < 5 && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    child.kill().unwrap(); // SIGKILL, mid-sync
    child.wait().unwrap();
    let before = server.count_matching("Resumed complaint");
    assert!(
        before >= 5 && before < total as i64,
        "killed in the middle: {before}"
    );

    let (code, out, err) = cli(&store, &url, &["sync"]);
    assert_eq!(code, 0, "{out}{err}");
    exactly_once(&server, "Resumed complaint", total);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropped_delayed_and_cut_connections_never_duplicate_a_complaint() {
    let dir = temp_dir("network");
    let port = free_port();
    let server = Server::start(&dir, port, false).await;
    let proxy = Proxy::start(
        port,
        vec![
            Trouble::CutResponse,
            Trouble::Pass,
            Trouble::Drop,
            Trouble::Pass,
            Trouble::Delay(Duration::from_millis(300)),
            Trouble::CutResponse,
            Trouble::Pass,
        ],
    )
    .await;
    // One request per connection, so that every request meets the next kind of trouble.
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    let mut phone = phone(&dir.join("phone.sqlite3"), &proxy.url(), client).await;
    let total = 12;
    for n in 0..total {
        queue(
            &mut phone,
            &format!("Flaky complaint {n:02}: sewage overflowing after the rain"),
        )
        .await;
    }
    // The network comes and goes; the phone hears about it each time it comes back.
    for _ in 0..200 {
        phone.send(LifecycleEvent::NetworkOnline);
        if phone
            .run_until(Duration::from_millis(500), |v| {
                v.my_complaints.pending.is_empty()
            })
            .await
        {
            break;
        }
    }
    assert!(
        phone.view().my_complaints.pending.is_empty(),
        "{:?}",
        phone.view().my_complaints.pending
    );
    assert!(
        proxy.answers_cut.load(std::sync::atomic::Ordering::SeqCst) > 0,
        "some answers were cut after the server committed"
    );
    exactly_once(&server, "Flaky complaint", total);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_replies_resolutions_and_transfers_reach_the_citizen() {
    let dir = temp_dir("staff");
    let port = free_port();
    let server = Server::start(&dir, port, true).await;
    let url = server.url();
    let store = dir.join("phone.sqlite3");
    cli(&store, &url, &["language", "en"]);
    let submit = |description: &str| {
        let (code, out, err) = cli(
            &store,
            &url,
            &[
                "submit",
                "--category",
                "waste_collection",
                "--description",
                description,
                "--municipality",
                "gjilan",
            ],
        );
        assert_eq!(code, 0, "{out}{err}");
        out.split("Tracking code: ")
            .nth(1)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .trim()
            .to_owned()
    };
    let resolved_code = submit("Containers at the market have not been emptied for a week");
    let transferred_code = submit("Rubbish trucks skip our street every Friday now");

    let client = reqwest::Client::new();
    let login: Value = client
        .post(format!("{url}/api/v1/staff/login"))
        .json(&json!({ "username": "gjilan.staff", "password": server::demo::DEMO_PASSWORD }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = login["token"].as_str().unwrap();
    let id = find_in_inbox(&client, &url, token, &resolved_code).await;
    let act = |id: String, action: Value| {
        let client = client.clone();
        let url = url.clone();
        let token = token.to_owned();
        async move {
            let response = client
                .post(format!("{url}/api/v1/staff/complaints/{id}/actions"))
                .bearer_auth(token)
                .json(&action)
                .send()
                .await
                .unwrap();
            assert!(
                response.status().is_success(),
                "{}",
                response.text().await.unwrap()
            );
        }
    };
    act(
        id.clone(),
        json!({ "action": "reply", "text": "A truck will come tomorrow morning." }),
    )
    .await;
    act(
        id,
        json!({ "action": "resolve", "reason": "All containers emptied and washed." }),
    )
    .await;
    let id = find_in_inbox(&client, &url, token, &transferred_code).await;
    act(id, json!({ "action": "transfer", "institution_id": "krm_ekohigjiena", "reason": "Collection in Gjilan is done by Ekohigjiena." })).await;

    let (code, out, _) = cli(&store, &url, &["sync"]);
    assert_eq!(code, 0);
    // Told, once each, as a phone's notification tray would show it.
    assert!(
        out.contains("Gjilan resolved your complaint\n  All containers emptied and washed.\n  zeri://complaint/"),
        "{out}"
    );
    assert!(
        out.contains("* Your complaint went to Regional Waste Company \"Ekohigjiena\" (Gjilan)\n  Collection in Gjilan is done by Ekohigjiena."),
        "{out}"
    );
    assert_eq!(
        out.matches("\n* ").count() + usize::from(out.starts_with("* ")),
        2,
        "{out}"
    );
    let (_, again, _) = cli(&store, &url, &["list"]);
    assert!(!again.contains("* "), "told once: {again}");
    let (_, shown, _) = cli(&store, &url, &["show", &resolved_code]);
    assert!(shown.contains("(Resolved)"), "{shown}");
    assert!(
        shown.contains("A truck will come tomorrow morning."),
        "{shown}"
    );
    assert!(
        shown.contains("All containers emptied and washed."),
        "{shown}"
    );
    let (_, shown, _) = cli(&store, &url, &["show", &transferred_code]);
    assert!(shown.contains("(Transferred)"), "{shown}");
    assert!(
        shown.contains("Handled by: Regional Waste Company \"Ekohigjiena\""),
        "{shown}"
    );
    assert!(
        shown.contains("Collection in Gjilan is done by Ekohigjiena."),
        "{shown}"
    );
    assert!(out.contains(&resolved_code) && out.contains(&transferred_code));

    // The citizen rates and reopens from the phone.
    let (code, _, _) = cli(
        &store,
        &url,
        &["rate", &resolved_code, "2", "--comment", "Came late"],
    );
    assert_eq!(code, 0);
    let (code, shown, _) = cli(
        &store,
        &url,
        &[
            "reopen",
            &resolved_code,
            "--reason",
            "The containers are full again already.",
        ],
    );
    assert_eq!(code, 0);
    assert!(shown.contains("(Reopened)"), "{shown}");
}
