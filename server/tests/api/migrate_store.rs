//! Moving a live SQLite deployment onto PostgreSQL (`zeri-server migrate-store`): the demo
//! data with a photo, a campaign and a trainee beside it arrive whole, a server on PostgreSQL
//! then shows staff and citizens exactly what the SQLite one showed, and a target that holds
//! anything is refused.

use reqwest::StatusCode;
use server::auth::{Role, sha256_hex};
use server::config::{Config, Database};
use server::db::Db;
use server::migrate_store::{MoveError, move_store};

use crate::helpers::*;

/// What staff and one citizen see, to compare before and after the move.
async fn seen(app: &TestApp, admin: &str, phone: &str, photo_of: &str) -> Vec<String> {
    let inbox = app.inbox(admin, "?per_page=100&sort=oldest").await;
    let stats = app
        .stats("?from=2024-01-01&to=2028-12-31&group=institution")
        .await;
    let mine = app.my_complaints(phone).await;
    let accounts = app.accounts(admin).await;
    let photo = app
        .staff_get(
            admin,
            &format!("/api/v1/staff/complaints/{photo_of}/photos/0"),
        )
        .await;
    assert_eq!(photo.status(), StatusCode::OK, "the photo is served");
    let mut seen = vec![
        format!("inbox total {}", inbox.total),
        format!("stats {}", serde_json::to_string(&stats).unwrap()),
        format!("photo {:?}", photo.bytes().await.unwrap()),
    ];
    seen.extend(inbox.items.iter().map(|item| format!("{item:?}")));
    seen.extend(
        mine.complaints
            .iter()
            .map(|c| serde_json::to_string(c).unwrap()),
    );
    seen.extend(
        accounts
            .iter()
            .map(|a| format!("{} {:?}", a.username, a.role)),
    );
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deployment_moves_onto_postgres_whole_and_reads_the_same_there() {
    let dir = fresh_dir();
    let source = spawn_with(Config {
        demo: true,
        database: Database::Sqlite(dir.join("zeri.sqlite3")),
        ..Config::for_directory(&dir)
    })
    .await;
    let admin = source.staff("mover", Role::Administrator, None).await;
    create_campaign(&source, &admin, "gjilan").await;
    let form_token = sha256_hex(format!("zeri-form:{admin}").as_bytes());
    let trainee = no_redirects()
        .post(source.url("/staff/training"))
        .bearer_auth(&admin)
        .form(&[
            ("form_token", form_token.as_str()),
            ("name", "Lirie Osmani"),
            ("institution_id", "gjilan:mun_public_services"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(trainee.status(), StatusCode::SEE_OTHER);
    let phone = device();
    let mut body = complaint("illegal_dumping", in_municipality("gjilan"));
    body.photo_count = 1;
    let id = source.file(&phone, &body).await.id.to_string();
    let uploaded = source
        .client
        .put(source.url(&format!("/api/v1/complaints/{id}/photos/0")))
        .header("Authorization", format!("Device {phone}"))
        .header("Content-Type", "image/jpeg")
        .body(crate::photos::jpeg(4, 4, &[0x12; 16]))
        .send()
        .await
        .unwrap();
    assert!(uploaded.status().is_success(), "{}", uploaded.status());
    let before = seen(&source, &admin, &phone, &id).await;

    let url = fresh_postgres_database();
    let opened = url.clone();
    let target = tokio::task::spawn_blocking(move || Db::open_postgres(&opened, 1))
        .await
        .unwrap()
        .unwrap();
    let moved = move_store(&source.state.db, &target, false).await.unwrap();
    let rows = |table: &str| {
        moved
            .tables
            .iter()
            .find(|(name, _)| *name == table)
            .map_or(0, |(_, rows)| *rows)
    };
    assert!(rows("complaints") > 300, "{moved:?}");
    for table in [
        "photos",
        "campaigns",
        "trainees",
        "audit_log",
        "reopen_requests",
        "staff",
    ] {
        assert!(rows(table) > 0, "{table}: {moved:?}");
    }
    let again = move_store(&source.state.db, &target, false).await;
    assert!(
        matches!(again, Err(MoveError::TargetNotEmpty(_))),
        "a second move into the same database is refused: {again:?}"
    );

    // A server on PostgreSQL, with the same data folder (the photos' files) and the same clock.
    let moved_dir = fresh_dir();
    let there = spawn_with(Config {
        database: Database::Postgres(url),
        data_dir: source.dir.join("data"),
        ..Config::for_directory(&moved_dir)
    })
    .await;
    // Sessions stay behind: staff log in again, with the passwords they had.
    let admin_there = there.login("mover").await;
    let after = seen(&there, &admin_there, &phone, &id).await;
    assert_eq!(before.len(), after.len());
    for (was, is) in before.iter().zip(&after) {
        assert_eq!(was, is);
    }
}

/// Every table of the schema is either moved or left behind for a stated reason: a table
/// added later cannot be forgotten by the move.
#[test]
fn every_table_is_moved_or_left_behind_on_purpose() {
    let path = fresh_dir().join("schema.sqlite3");
    drop(Db::open(&path).expect("a new database opens"));
    let connection = rusqlite::Connection::open(&path).unwrap();
    let mut statement = connection
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table'
             AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'complaints_search%'",
        )
        .unwrap();
    let tables: Vec<String> = statement
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let known: Vec<&str> = server::migrate_store::TABLES
        .iter()
        .chain(server::migrate_store::LEFT_BEHIND.iter())
        .copied()
        .collect();
    let forgotten: Vec<&String> = tables
        .iter()
        .filter(|t| !known.contains(&t.as_str()))
        .collect();
    assert!(
        forgotten.is_empty(),
        "tables the move forgets: {forgotten:?}"
    );
}
