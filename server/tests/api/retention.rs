//! Retention: the set time after a complaint is closed, its citizen's contact details and photos
//! are erased for real. Unique markers planted in them are found in the database (the raw SQLite
//! file and its journal, or a PostgreSQL dump) and the photo folder before, and nowhere after
//! the erasure, a checkpoint and a vacuum; the audit log says it happened without what it was; an
//! open complaint keeps its contact; and erasure is due again after a restart.

use std::path::Path;

use chrono::{DateTime, Utc};
use protocol::api::Contact;
use serde_json::json;
use server::auth::Role;
use server::config::Database;
use server::scheduler::erase_if_due;

use crate::helpers::*;
use crate::photos::{numbered_jpeg, put_photo};

const INSPECTION: &str = "gjilan:mun_inspection";
pub(crate) const NAME: &str = "Zyzzyva Markerovic";
pub(crate) const PHONE: &str = "+38349441741";
pub(crate) const EMAIL: &str = "zyzzyva4417@example.org";

/// Files an illegal-dumping complaint in Gjilan with the markers as its contact and a photo:
/// its id and the photo file's name.
pub(crate) async fn marked(app: &TestApp, photo: u32) -> (String, String) {
    marked_by(app, &device(), photo).await
}

/// The same, filed by device `phone`.
pub(crate) async fn marked_by(app: &TestApp, phone: &str, photo: u32) -> (String, String) {
    let mut body = complaint("illegal_dumping", in_municipality("gjilan"));
    body.photo_count = 1;
    body.contact = Some(Contact {
        name: Some(NAME.into()),
        phone: Some(PHONE.into()),
        email: Some(EMAIL.into()),
    });
    let id = app.file(phone, &body).await.id.to_string();
    assert!(
        put_photo(app, phone, &id, 0, numbered_jpeg(photo))
            .await
            .status()
            .is_success()
    );
    let digest = query_text(
        app,
        "SELECT sha256 FROM photos WHERE complaint_id = ?1",
        &id,
    )
    .await;
    (id, digest)
}

pub(crate) async fn query_text(app: &TestApp, sql: &'static str, id: &str) -> String {
    let id = id.to_owned();
    app.state
        .db
        .read(move |c| -> Result<String, server::services::ServiceError> {
            Ok(c.query_row(sql, [id], |r| r.get(0))?)
        })
        .await
        .unwrap()
}

/// Every byte the database holds: the SQLite file with its journal (checkpointed and vacuumed
/// first when `compact`), or a plain PostgreSQL dump.
pub(crate) fn database_bytes(database: &Database, compact: bool) -> Vec<u8> {
    match database {
        Database::Sqlite(path) => {
            if compact {
                let connection = rusqlite::Connection::open(path).unwrap();
                connection
                    .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); VACUUM;")
                    .unwrap();
            }
            let mut bytes = Vec::new();
            for suffix in ["", "-wal", "-shm"] {
                let mut file = path.as_os_str().to_owned();
                file.push(suffix);
                bytes.extend(std::fs::read(Path::new(&file)).unwrap_or_default());
            }
            bytes
        }
        Database::Postgres(url) => {
            let pg_dump = server::db::snapshots::postgres_tool("pg_dump").unwrap();
            let dump = std::process::Command::new(pg_dump)
                .args(["--format=plain", url])
                .output()
                .unwrap();
            assert!(
                dump.status.success(),
                "{}",
                String::from_utf8_lossy(&dump.stderr)
            );
            dump.stdout
        }
    }
}

pub(crate) fn holds(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The names of the files in the photo folder, and whether any holds `bytes`.
pub(crate) fn photo_folder(app: &TestApp, bytes: &[u8]) -> (Vec<String>, bool) {
    let mut names = Vec::new();
    let mut found = false;
    for entry in std::fs::read_dir(app.state.config.data_dir.join("photos")).unwrap() {
        let entry = entry.unwrap();
        names.push(entry.file_name().into_string().unwrap());
        found |= holds(&std::fs::read(entry.path()).unwrap(), bytes);
    }
    (names, found)
}

async fn resolve(app: &TestApp, token: &str, id: &str) {
    app.act(
        token,
        id,
        json!({ "action": "resolve", "reason": "The dump was cleared and the site fenced." }),
    )
    .await
    .expect("resolved");
}

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

#[tokio::test]
async fn erased_contact_and_photos_leave_no_trace_in_the_database_or_the_photo_folder() {
    let dir = fresh_dir();
    let app = spawn_with(test_config(&dir)).await;
    app.set_time("2026-09-01T09:00:00Z");
    let (id, digest) = marked(&app, 441_741).await;
    let stored_photo =
        std::fs::read(app.state.config.data_dir.join("photos").join(&digest)).unwrap();
    let inspector = app
        .staff("gjilan.inspector", Role::Staff, Some(INSPECTION))
        .await;
    resolve(&app, &inspector, &id).await;
    // Still open, and its contact stays: a different phone number marks it.
    let mut open = complaint("illegal_dumping", in_municipality("gjilan"));
    open.contact = Some(Contact {
        name: None,
        phone: Some("+38344999888".into()),
        email: None,
    });
    let open = app.file(&device(), &open).await.id.to_string();

    let database = app.state.config.database.clone();
    let before = database_bytes(&database, false);
    for marker in [NAME, PHONE, EMAIL, &digest] {
        assert!(
            holds(&before, marker.as_bytes()),
            "{marker} is there to be found"
        );
    }
    assert!(photo_folder(&app, &stored_photo).1);

    // Not yet: 89 days after it closed.
    app.set_time("2026-11-29T09:00:00Z");
    assert_eq!(erase_if_due(&app.state).await.unwrap(), Some(vec![]));
    // The 90th day.
    app.set_time("2026-11-30T10:00:00Z");
    assert_eq!(
        erase_if_due(&app.state).await.unwrap(),
        Some(vec![id.clone()])
    );

    let admin = app.staff("the.admin", Role::Administrator, None).await;
    // Months later: logged in again.
    let inspector = app.login("gjilan.inspector").await;
    let seen = app.staff_complaint_revealed(&inspector, &id).await;
    assert!(seen.contact.is_none() && seen.photos.is_empty());
    assert_eq!(
        seen.personal_erased_at.as_deref().map(at),
        Some(at("2026-11-30T10:00:00Z"))
    );
    let erased = seen
        .history
        .iter()
        .find(|h| h.action == "personal_data_erased")
        .expect("recorded");
    assert_eq!(erased.after, Some(json!({ "contact": true, "photos": 1 })));
    assert!(!erased.citizen_visible);
    let photo = app
        .staff_get(&admin, &format!("/api/v1/staff/complaints/{id}/photos/0"))
        .await;
    assert_eq!(photo.status(), reqwest::StatusCode::NOT_FOUND);
    assert_eq!(
        app.staff_complaint_revealed(&inspector, &open)
            .await
            .contact
            .and_then(|c| c.phone)
            .as_deref(),
        Some("+38344999888")
    );

    let after = database_bytes(&database, true);
    for marker in [NAME, PHONE, EMAIL, &digest] {
        assert!(
            !holds(&after, marker.as_bytes()),
            "{marker} is gone from the database"
        );
    }
    assert!(
        holds(&after, b"+38344999888"),
        "the open complaint's contact stays"
    );
    let (files, found) = photo_folder(&app, &stored_photo);
    assert!(
        !files.contains(&digest) && !found,
        "the photo file is gone: {files:?}"
    );

    // A restart loses nothing of what is due: another complaint closed later is erased on time.
    let (second, _) = marked(&app, 441_742).await;
    resolve(&app, &inspector, &second).await;
    drop(app.stop_keeping_data());
    let app = spawn_with(test_config(&dir)).await;
    app.set_time("2027-03-01T10:00:00Z");
    assert_eq!(erase_if_due(&app.state).await.unwrap(), Some(vec![second]));
}

/// Where the deployment's policy is not to keep them, what people wrote goes a set time after
/// the complaint closed: the description, the citizen's message, the staff's reply and reason;
/// markers planted in them are nowhere in the database after the scheduled run, while the audit
/// log still says who did what and when.
#[tokio::test]
async fn by_policy_what_people_wrote_goes_too_and_the_record_of_who_did_what_stays() {
    let dir = fresh_dir();
    let mut config = test_config(&dir);
    config.redact_texts_after_days = Some(30);
    let app = spawn_with(config).await;
    app.set_time("2026-09-01T09:00:00Z");
    let phone = device();
    let mut body = complaint("illegal_dumping", in_municipality("gjilan"));
    body.description = "Rubble dumped by the Xylophonia workshop behind the school.".into();
    let id = app.file(&phone, &body).await.id;
    let message = json!({ "id": uuid::Uuid::new_v4(), "text": "Quokkaville trucks came at night.", "photo_count": 0 });
    assert!(
        app.citizen_post(&phone, &protocol::api::paths::messages(id), &message)
            .await
            .status()
            .is_success()
    );
    let inspector = app
        .staff("gjilan.inspector", Role::Staff, Some(INSPECTION))
        .await;
    let id = id.to_string();
    app.act(
        &inspector,
        &id,
        json!({ "action": "reply", "text": "We fined Wombatson Ltd for it." }),
    )
    .await
    .expect("replied");
    resolve(&app, &inspector, &id).await;
    // As written, and as the search index keeps its words (folded to lower case).
    let markers = ["Xylophonia", "xylophonia", "Quokkaville", "Wombatson"];
    let database = app.state.config.database.clone();
    let before = database_bytes(&database, false);
    for marker in markers {
        assert!(
            holds(&before, marker.as_bytes()),
            "{marker} is there to be found"
        );
    }
    let steps = app.staff_complaint(&inspector, &id).await.history.len();
    let found = app.inbox(&inspector, "?q=Xylophonia&status=resolved").await;
    assert_eq!(found.total, 1, "found by its words while they are kept");

    app.set_time("2026-09-25T10:00:00Z");
    erase_if_due(&app.state).await.unwrap();
    let inspector = app.login("gjilan.inspector").await;
    assert!(
        app.staff_complaint(&inspector, &id)
            .await
            .texts_redacted_at
            .is_none(),
        "not yet"
    );
    app.set_time("2026-10-02T10:00:00Z");
    erase_if_due(&app.state).await.unwrap();
    let inspector = app.login("gjilan.inspector").await;

    let seen = app.staff_complaint(&inspector, &id).await;
    assert_eq!(
        seen.texts_redacted_at.as_deref().map(at),
        Some(at("2026-10-02T10:00:00Z"))
    );
    assert!(seen.description.is_empty());
    assert_eq!(
        seen.history.len(),
        steps + 1,
        "every record stays, and one more says so"
    );
    assert!(seen.history.iter().all(|h| h.text.is_none()));
    let redacted = seen
        .history
        .iter()
        .find(|h| h.action == "texts_redacted")
        .unwrap();
    assert_eq!(redacted.after, Some(json!({ "texts": 3 })));
    assert!(
        seen.history.iter().any(|h| h.action == "replied"),
        "who replied and when stays"
    );
    let after = database_bytes(&database, false);
    for marker in markers {
        assert!(
            !holds(&after, marker.as_bytes()),
            "{marker} is gone from the database"
        );
    }
    // The search finds it no more by those words.
    let found = app.inbox(&inspector, "?q=Xylophonia&status=resolved").await;
    assert_eq!(found.total, 0);
}
