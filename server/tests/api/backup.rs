//! Backups: taken while complaints with photos are being filed, a backup holds every complaint
//! acknowledged before it began, with its photo; it restores into a new place, where a server
//! starts and serves them; and a restore does not overwrite a database that holds complaints.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use server::auth::Role;
use server::backup::{self, BackupError};
use server::db::snapshots::SnapshotError;

use crate::helpers::*;
use crate::photos::{numbered_jpeg, put_photo};

/// Files complaints with one photo each until `stop`, noting each once its photo is stored.
async fn keep_filing(
    app: &TestApp,
    writer: u32,
    stop: Arc<AtomicBool>,
    done: Arc<Mutex<Vec<(String, Instant)>>>,
) {
    let mut n = 0;
    while !stop.load(Ordering::SeqCst) {
        let phone = device();
        let mut body = complaint("illegal_dumping", in_municipality("gjilan"));
        body.photo_count = 1;
        let id = app.file(&phone, &body).await.id.to_string();
        let stored = put_photo(app, &phone, &id, 0, numbered_jpeg(writer * 100_000 + n)).await;
        assert!(stored.status().is_success(), "{}", stored.status());
        done.lock().unwrap().push((id, Instant::now()));
        n += 1;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_under_load_restores_every_acknowledged_complaint_with_its_photo() {
    let mut config = test_config(&fresh_dir());
    // The load is one address filing as fast as it can.
    config.ip_requests_per_minute = 1_000_000;
    config.new_complaints_per_minute = 1_000_000;
    let app = Arc::new(spawn_with(config).await);
    let stop = Arc::new(AtomicBool::new(false));
    let done = Arc::new(Mutex::new(Vec::new()));
    let writers: Vec<_> = (0..3)
        .map(|writer| {
            let (app, stop, done) = (app.clone(), stop.clone(), done.clone());
            tokio::spawn(async move { keep_filing(&app, writer, stop, done).await })
        })
        .collect();
    while done.lock().unwrap().len() < 20 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let began = Instant::now();
    let archive = app.dir.join("zeri-backup.tar.gz");
    let (database, data_dir) = (
        app.state.config.database.clone(),
        app.state.config.data_dir.clone(),
    );
    let (db, dir, to) = (database.clone(), data_dir.clone(), archive.clone());
    let manifest = tokio::task::spawn_blocking(move || backup::backup(&db, &dir, &to))
        .await
        .unwrap()
        .expect("backed up while the writers write");
    // Writing went on during the backup.
    tokio::time::sleep(Duration::from_millis(200)).await;
    stop.store(true, Ordering::SeqCst);
    for writer in writers {
        writer.await.unwrap();
    }
    let acknowledged: Vec<String> = done
        .lock()
        .unwrap()
        .iter()
        .filter(|(_, at)| *at < began)
        .map(|(id, _)| id.clone())
        .collect();
    let total = done.lock().unwrap().len();
    assert!(
        total > acknowledged.len(),
        "complaints arrived during and after the backup"
    );
    assert!(manifest.complaints as usize >= acknowledged.len());

    // Not over the live database, which holds complaints.
    let (db, dir, from) = (database.clone(), data_dir.clone(), archive.clone());
    let refused = tokio::task::spawn_blocking(move || backup::restore(&from, &db, &dir, false))
        .await
        .unwrap();
    assert!(
        matches!(refused, Err(BackupError::Snapshot(SnapshotError::NotEmpty(n))) if n as usize >= total),
        "{refused:?}"
    );

    // Into a new place: a server starts there and has every acknowledged complaint, photo and all.
    let place = fresh_dir();
    let config = test_config(&place);
    let (db, dir, from) = (
        config.database.clone(),
        config.data_dir.clone(),
        archive.clone(),
    );
    let restored = tokio::task::spawn_blocking(move || backup::restore(&from, &db, &dir, false))
        .await
        .unwrap()
        .expect("restored into an empty place");
    assert_eq!(restored, manifest);
    let restored = spawn_with(config).await;
    let original = app
        .staff("backup.original", Role::Administrator, None)
        .await;
    let token = restored
        .staff("backup.checker", Role::Administrator, None)
        .await;
    let inbox = restored.inbox(&token, "?per_page=1").await;
    assert_eq!(
        inbox.total, manifest.complaints,
        "the restored server serves the inbox"
    );
    for id in &acknowledged {
        let photo = format!("/api/v1/staff/complaints/{id}/photos/0");
        let there = restored.staff_get(&token, &photo).await;
        assert_eq!(there.status(), reqwest::StatusCode::OK, "{id}'s photo");
        let here = app.staff_get(&original, &photo).await;
        assert_eq!(
            there.bytes().await.unwrap(),
            here.bytes().await.unwrap(),
            "{id}'s photo"
        );
    }
}

#[tokio::test]
async fn scheduled_backups_are_taken_when_due_and_only_the_newest_are_kept() {
    let dir = fresh_dir();
    let mut config = test_config(&dir);
    let folder = dir.join("backups");
    config.backup_dir = Some(folder.clone());
    config.backups_kept = 2;
    let app = spawn_with(config).await;
    app.set_time("2026-12-01T02:00:00Z");
    app.file(
        &device(),
        &complaint("illegal_dumping", in_municipality("gjilan")),
    )
    .await;
    let archives = || {
        let mut names: Vec<String> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    };
    let first = server::scheduler::backup_if_due(&app.state).await.unwrap();
    assert!(first.is_some());
    assert_eq!(
        server::scheduler::backup_if_due(&app.state).await.unwrap(),
        None,
        "not due again yet"
    );
    for day in ["2026-12-02T02:00:00Z", "2026-12-03T02:00:00Z"] {
        app.set_time(day);
        assert!(
            server::scheduler::backup_if_due(&app.state)
                .await
                .unwrap()
                .is_some()
        );
    }
    assert_eq!(
        archives(),
        ["zeri-20261202-020000.tar.gz", "zeri-20261203-020000.tar.gz"],
        "the oldest went"
    );
}
