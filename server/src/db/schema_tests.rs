//! The schema on both engines: PostgreSQL's has SQLite's tables, columns and indexes, migrates
//! once however many servers start together, and its triggers behave as SQLite's; neither
//! engine opens a database newer than the server.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::fixtures::{Complaint, on_both_schemas, reference_rows};
use super::postgres::{PgSession, fresh_database, known_version};
use super::{Conn, Db, DbError, Dialect, MIGRATIONS};
use crate::calendar::kosovo_date;

/// Every table's columns as `table.column type`, `!` for NOT NULL; SQLite's declared types
/// named as PostgreSQL's.
fn columns(c: &Conn) -> BTreeSet<String> {
    let sql = match c.dialect() {
        Dialect::Sqlite => {
            "SELECT m.name, p.name, p.type, p.\"notnull\" OR p.pk > 0 FROM sqlite_master m
             JOIN pragma_table_xinfo(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
                AND m.name NOT LIKE 'complaints_search%'"
        }
        Dialect::Postgres => {
            "SELECT table_name, column_name, upper(data_type), is_nullable = 'NO'
             FROM information_schema.columns WHERE table_schema = 'public'
                AND table_name <> 'schema_version'"
        }
    };
    c.query_map(sql, (), |r| {
        let kind = match r.get::<_, String>(2)?.as_str() {
            "INTEGER" => "BIGINT".to_owned(),
            "REAL" => "DOUBLE PRECISION".to_owned(),
            other => other.to_owned(),
        };
        let required = if r.get(3)? { "!" } else { "" };
        Ok(format!(
            "{}.{} {kind}{required}",
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?
        ))
    })
    .unwrap()
    .into_iter()
    .collect()
}

/// The indexes made by name (not those of primary keys and UNIQUE columns).
fn indexes(c: &Conn) -> BTreeSet<String> {
    let sql = match c.dialect() {
        Dialect::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        }
        Dialect::Postgres => {
            "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'
                AND indexname NOT IN (SELECT conname FROM pg_constraint)"
        }
    };
    c.query_map(sql, (), |r| r.get(0))
        .unwrap()
        .into_iter()
        .collect()
}

#[test]
fn postgres_has_sqlites_tables_columns_and_indexes() {
    assert_eq!(
        known_version(),
        MIGRATIONS.len() as i64,
        "in step with SQLite"
    );
    let mut sqlite = rusqlite::Connection::open_in_memory().unwrap();
    super::migrate(&mut sqlite).unwrap();
    let sqlite = Conn::sqlite(&sqlite);
    let session = PgSession::connect(&fresh_database()).unwrap();
    super::postgres::migrate(&session).unwrap();
    let postgres = Conn::postgres(&session);

    let mut expected = columns(&sqlite);
    // PostgreSQL keeps the complaints' search words in a column, not a table of their own.
    expected.insert("complaints.search TSVECTOR!".to_owned());
    assert!(expected.contains("complaints.submitted_day TEXT"));
    assert_eq!(columns(&postgres), expected);
    let mut expected = indexes(&sqlite);
    expected.insert("complaints_search".to_owned());
    assert_eq!(indexes(&postgres), expected);

    let immediate: i64 = postgres
        .query_row(
            "SELECT COUNT(*) FROM pg_constraint WHERE contype = 'f' AND NOT condeferrable",
            (),
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(immediate, 0, "every foreign key can wait for the commit");
}

fn version(db: &Db) -> i64 {
    db.blocking(|c| c.query_row("SELECT version FROM schema_version", (), |r| r.get(0)))
        .unwrap()
}

#[test]
fn servers_starting_together_migrate_once() {
    let url = fresh_database();
    let opened: Vec<Result<Db, DbError>> = std::thread::scope(|scope| {
        let starting: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| Db::open_postgres(&url, 1)))
            .collect();
        starting.into_iter().map(|s| s.join().unwrap()).collect()
    });
    for db in opened {
        assert_eq!(
            version(&db.expect("every server opens the database")),
            known_version()
        );
    }
    let again = Db::open_postgres(&url, 1).unwrap();
    assert_eq!(
        version(&again),
        known_version(),
        "a migrated database is left as it is"
    );
}

#[test]
fn a_schema_newer_than_the_server_is_refused_on_both_engines() {
    let path = std::env::temp_dir().join(format!("zeri-newer-{}.db", uuid::Uuid::new_v4()));
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let refused = Db::open(&path);
    let _ = std::fs::remove_file(&path);
    assert!(
        matches!(
            refused,
            Err(DbError::NewerSchema {
                found: 99,
                known
            }) if known == known_version()
        ),
        "{:?}",
        refused.err()
    );

    let url = fresh_database();
    let db = Db::open_postgres(&url, 1).unwrap();
    let newer = known_version() + 1;
    db.blocking(move |c| c.execute("UPDATE schema_version SET version = ?1", [newer]))
        .unwrap();
    let refused = Db::open_postgres(&url, 1);
    assert!(
        matches!(refused, Err(DbError::NewerSchema { found, known })
            if found == newer && known == known_version()),
        "{:?}",
        refused.err()
    );
    db.blocking(|c| c.execute("UPDATE schema_version SET version = ?1", [known_version()]))
        .unwrap();
    // The refusal let go of the migration lock.
    assert_eq!(
        version(&Db::open_postgres(&url, 1).unwrap()),
        known_version()
    );
}

/// The day of every quarter hour around both summer-time changes and the year's end, for
/// several years, is the server's own Kosovo date; so is that of a complaint filed, or moved.
#[test]
fn the_postgres_day_is_the_kosovo_date() {
    let session = PgSession::connect(&fresh_database()).unwrap();
    super::postgres::migrate(&session).unwrap();
    let c = Conn::postgres(&session);
    let mut checked = 0;
    for year in 2025..2031 {
        for (month, day) in [(3, 24), (10, 24), (12, 31), (6, 15)] {
            let start = Utc.with_ymd_and_hms(year, month, day, 0, 0, 0).unwrap();
            let moments: Vec<DateTime<Utc>> = (0..(9 * 24 * 4))
                .map(|quarter| start + Duration::minutes(15 * quarter))
                .collect();
            let values: Vec<String> = moments
                .iter()
                .map(|at| format!("('{}')", at.to_rfc3339()))
                .collect();
            let days = c
                .query_map(
                    &format!(
                        "SELECT at, kosovo_day(at) FROM (VALUES {}) AS m (at)",
                        values.join(", ")
                    ),
                    (),
                    |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
                )
                .unwrap();
            assert_eq!(days.len(), moments.len());
            for (at, day) in days {
                let moment = DateTime::parse_from_rfc3339(&at)
                    .unwrap()
                    .with_timezone(&Utc);
                assert_eq!(day, kosovo_date(moment).to_string(), "at {at}");
                checked += 1;
            }
        }
    }
    assert!(checked > 20_000);

    reference_rows(&c);
    let mut complaint = Complaint::new("late");
    complaint.submitted_at = "2026-10-24T22:30:00.123Z".to_owned();
    complaint.insert(&c);
    let day = |c: &Conn| -> String {
        c.query_row("SELECT submitted_day FROM complaints", (), |r| r.get(0))
            .unwrap()
    };
    assert_eq!(day(&c), "2026-10-25", "summer time: 00:30 the next day");
    c.execute(
        "UPDATE complaints SET submitted_at = '2026-10-25T23:30:00+00:00', submitted_day = 'x'",
        (),
    )
    .unwrap();
    assert_eq!(day(&c), "2026-10-26", "winter time: 00:30 the next day");
}

/// Statements each engine must refuse; PostgreSQL's outside a transaction, so each fails alone.
fn refused(c: &Conn, sql: &str) -> String {
    match c.execute(sql, ()) {
        Ok(_) => panic!("{sql} was allowed"),
        Err(e) => format!("{e:?}"),
    }
}

#[test]
fn the_audit_log_is_append_only_and_administrators_belong_nowhere() {
    on_both_schemas(|c| {
        reference_rows(c);
        c.execute(
            "INSERT INTO audit_log (at, actor_kind, action) VALUES ('2026-01-01', 'system', 'x')",
            (),
        )
        .unwrap();
        for sql in ["UPDATE audit_log SET action = 'y'", "DELETE FROM audit_log"] {
            assert!(refused(c, sql).contains("the audit log is append-only"));
        }
        let staff = "INSERT INTO staff (username, display_name, password_hash, role, institution_id, created_at)";
        let administrator =
            format!("{staff} VALUES ('a', 'A', 'h', 'administrator', 'gjilan:mun_mayor', 'now')");
        assert!(refused(c, &administrator).contains("an administrator belongs to no institution"));
        c.execute(
            &format!("{staff} VALUES ('m', 'M', 'h', 'manager', 'gjilan:mun_mayor', 'now')"),
            (),
        )
        .unwrap();
        let promote = "UPDATE staff SET role = 'administrator' WHERE username = 'm'";
        assert!(refused(c, promote).contains("an administrator belongs to no institution"));
        c.execute(
            "UPDATE staff SET role = 'administrator', institution_id = NULL WHERE username = 'm'",
            (),
        )
        .unwrap();
        c.query_row("SELECT COUNT(*), MIN(role) FROM staff", (), |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })
        .unwrap()
    });
}

#[test]
fn foreign_keys_wait_for_the_commit_only_when_deferred() {
    on_both_schemas(|c| {
        reference_rows(c);
        let child = "INSERT INTO institutions (id, level, name_sq, name_sr, name_en, parent_id)
                     VALUES ('child', 'agency', 'c', 'c', 'c', 'parent')";
        let parent = "INSERT INTO institutions (id, level, name_sq, name_sr, name_en)
                      VALUES ('parent', 'ministry', 'p', 'p', 'p')";
        assert!(refused(c, child).to_lowercase().contains("foreign key"));
        c.execute_batch("BEGIN").unwrap();
        c.execute_batch(match c.dialect() {
            Dialect::Sqlite => "PRAGMA defer_foreign_keys = ON",
            Dialect::Postgres => "SET CONSTRAINTS ALL DEFERRED",
        })
        .unwrap();
        c.execute(child, ()).unwrap();
        c.execute(parent, ()).unwrap();
        c.execute_batch("COMMIT").unwrap();
        c.query_row(
            "SELECT parent_id FROM institutions WHERE id = 'child'",
            (),
            |r| r.get::<_, String>(0),
        )
        .unwrap()
    });
}
