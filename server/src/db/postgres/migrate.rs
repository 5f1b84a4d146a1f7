//! The schema on PostgreSQL, brought up to date when a server opens the database. Its version
//! is SQLite's: the first step brings an empty database straight to SQLite's version 6 (the
//! schema it equals), and every later step carries the number of the SQLite migration it
//! matches. The version is kept in `schema_version` (one row). All the steps run in one
//! transaction, under a lock, so two servers starting at once do not both migrate.

use super::PgSession;
use crate::db::{Conn, DbError, OptionalExtension};

/// One step: the version it brings the database to, and its SQL, in order.
struct Step {
    version: i64,
    sql: &'static [&'static str],
}

const STEPS: &[Step] = &[
    Step {
        version: 6,
        sql: &[
            include_str!("schema.sql"),
            include_str!("search.sql"),
            include_str!("figures.sql"),
            include_str!("triggers.sql"),
        ],
    },
    Step {
        version: 7,
        // search.sql again: the same words, found faster.
        sql: &[include_str!("schema_v7.sql"), include_str!("search.sql")],
    },
    Step {
        version: 8,
        sql: &[include_str!("schema_v8.sql")],
    },
    Step {
        version: 9,
        sql: &[include_str!("schema_v9.sql")],
    },
    Step {
        version: 10,
        sql: &[include_str!("schema_v10.sql")],
    },
    Step {
        version: 11,
        sql: &[include_str!("schema_v11.sql")],
    },
    Step {
        version: 12,
        sql: &[include_str!("schema_v12.sql"), include_str!("figures.sql")],
    },
    Step {
        version: 13,
        sql: &[include_str!("schema_v13.sql")],
    },
    Step {
        version: 14,
        sql: &[include_str!("schema_v14.sql")],
    },
    Step {
        version: 15,
        sql: &[include_str!("schema_v15.sql")],
    },
    Step {
        version: 16,
        sql: &[include_str!("schema_v16.sql")],
    },
    Step {
        version: 17,
        sql: &[include_str!("schema_v17.sql")],
    },
];

/// The newest version this server knows.
pub fn known_version() -> i64 {
    STEPS.last().map_or(0, |step| step.version)
}

/// The session lock migrating servers take turns on (apart from the writers' own).
const MIGRATION_LOCK: i64 = 0x5a45_5249_4d49_4752; // "ZERIMIGR"

/// Brings the database's schema up to date, or refuses one newer than this server knows.
pub fn migrate(session: &PgSession) -> Result<(), DbError> {
    session.batch(&format!("SELECT pg_advisory_lock({MIGRATION_LOCK})"))?;
    let migrated = migrate_locked(session);
    if migrated.is_err() {
        let _ = session.batch("ROLLBACK");
    }
    let unlocked = session.batch(&format!("SELECT pg_advisory_unlock({MIGRATION_LOCK})"));
    migrated.and(unlocked)
}

fn migrate_locked(session: &PgSession) -> Result<(), DbError> {
    session.batch(
        "BEGIN;
         CREATE TABLE IF NOT EXISTS schema_version (
             one     BIGINT PRIMARY KEY DEFAULT 1 CHECK (one = 1),
             version BIGINT NOT NULL
         );",
    )?;
    let conn = Conn::postgres(session);
    let current = conn
        .query_row("SELECT version FROM schema_version", (), |r| r.get(0))
        .optional()?
        .unwrap_or(0);
    crate::db::check_version(current, known_version())?;
    for step in STEPS.iter().filter(|step| step.version > current) {
        for sql in step.sql {
            session.batch(sql)?;
        }
        conn.execute(
            "INSERT INTO schema_version (one, version) VALUES (1, ?1)
             ON CONFLICT (one) DO UPDATE SET version = excluded.version",
            [step.version],
        )?;
    }
    session.batch("COMMIT")
}
