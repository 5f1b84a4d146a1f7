//! Each engine's consistent copy of a whole database and its way back, for backups
//! (`crate::backup`): SQLite's `VACUUM INTO` and a file put in place, PostgreSQL's `pg_dump` and
//! `pg_restore`; and how many complaints a database holds.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::Conn;
use super::postgres::PgSession;
use crate::config::Database;

#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("the database: {0}")]
    Database(String),
    #[error("{0}")]
    Tool(String),
    #[error(
        "the database already holds {0} complaints: restore into a new place, or pass --force to replace them"
    )]
    NotEmpty(i64),
}

fn database_error(e: impl std::fmt::Display) -> SnapshotError {
    SnapshotError::Database(e.to_string())
}

/// Copies `database` into the file `copy`, consistently while the server writes; returns how
/// many complaints the copy holds.
pub fn snapshot(database: &Database, copy: &Path) -> Result<i64, SnapshotError> {
    match database {
        Database::Sqlite(path) => {
            let live = rusqlite::Connection::open_with_flags(
                path,
                rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE,
            )
            .map_err(database_error)?;
            live.busy_timeout(std::time::Duration::from_secs(30))
                .map_err(database_error)?;
            live.execute("VACUUM INTO ?1", [copy.to_string_lossy()])
                .map_err(database_error)?;
            let copied = rusqlite::Connection::open(copy).map_err(database_error)?;
            count_sqlite(&copied)
        }
        Database::Postgres(url) => {
            // One snapshot for the count and the dump: exported by a transaction that stays
            // open until pg_dump has read everything through it.
            let session = PgSession::connect(url).map_err(database_error)?;
            session
                .batch("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                .map_err(database_error)?;
            let snapshot: String = Conn::postgres(&session)
                .query_row("SELECT pg_export_snapshot()", (), |r| r.get(0))
                .map_err(database_error)?;
            let complaints = count(Conn::postgres(&session))?;
            run(Command::new(postgres_tool("pg_dump")?)
                .args(["--format=custom", "--no-owner", "--no-privileges"])
                .arg(format!("--snapshot={snapshot}"))
                .arg("--file")
                .arg(copy)
                .arg(url))?;
            session.batch("COMMIT").map_err(database_error)?;
            Ok(complaints)
        }
    }
}

/// Puts the copy `copy` in place as `database`, refusing to replace complaints unless `force`.
pub fn load(database: &Database, copy: &Path, force: bool) -> Result<(), SnapshotError> {
    match database {
        Database::Sqlite(path) => {
            if path.exists() {
                let existing = rusqlite::Connection::open(path).map_err(database_error)?;
                let held = count_sqlite(&existing).unwrap_or(0);
                drop(existing);
                if held > 0 && !force {
                    return Err(SnapshotError::NotEmpty(held));
                }
            }
            // The old file's journal would otherwise be replayed onto the restored one.
            for suffix in ["-wal", "-shm"] {
                let mut journal = path.as_os_str().to_owned();
                journal.push(suffix);
                match std::fs::remove_file(PathBuf::from(journal)) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
                    _ => {}
                }
            }
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::copy(copy, path.with_extension("restoring"))?;
            std::fs::File::open(path.with_extension("restoring"))?.sync_all()?;
            std::fs::rename(path.with_extension("restoring"), path)?;
            Ok(())
        }
        Database::Postgres(url) => {
            let session = PgSession::connect(url).map_err(database_error)?;
            let tables: i64 = Conn::postgres(&session)
                .query_row(
                    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'",
                    (),
                    |r| r.get(0),
                )
                .map_err(database_error)?;
            if tables > 0 {
                let held = count(Conn::postgres(&session)).unwrap_or(0);
                if held > 0 && !force {
                    return Err(SnapshotError::NotEmpty(held));
                }
                session
                    .batch("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
                    .map_err(database_error)?;
            }
            drop(session);
            run(Command::new(postgres_tool("pg_restore")?)
                .args([
                    "--no-owner",
                    "--no-privileges",
                    "--exit-on-error",
                    "--dbname",
                ])
                .arg(url)
                .arg(copy))
        }
    }
}

fn count_sqlite(connection: &rusqlite::Connection) -> Result<i64, SnapshotError> {
    count(Conn::sqlite(connection))
}

fn count(conn: Conn) -> Result<i64, SnapshotError> {
    conn.query_row("SELECT COUNT(*) FROM complaints", (), |r| r.get(0))
        .map_err(database_error)
}

/// PostgreSQL's `tool`: `ZERI_POSTGRES_BIN/<tool>` if set, else the newest installed under
/// Debian's `/usr/lib/postgresql/<version>/bin`, else the one on the `PATH`. It must not be
/// older than the server it talks to.
pub fn postgres_tool(tool: &str) -> Result<PathBuf, SnapshotError> {
    if let Some(dir) = std::env::var_os("ZERI_POSTGRES_BIN") {
        return Ok(PathBuf::from(dir).join(tool));
    }
    let mut installed: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_string_lossy().parse().ok()?;
            let binary = entry.path().join("bin").join(tool);
            binary.exists().then_some((version, binary))
        })
        .collect();
    installed.sort();
    Ok(installed
        .pop()
        .map(|(_, path)| path)
        .unwrap_or_else(|| PathBuf::from(tool)))
}

fn run(command: &mut Command) -> Result<(), SnapshotError> {
    let name = command.get_program().to_string_lossy().into_owned();
    let output = command
        .output()
        .map_err(|e| SnapshotError::Tool(format!("{name} could not run ({e}): install PostgreSQL's client tools, or set ZERI_POSTGRES_BIN")))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(SnapshotError::Tool(format!(
            "{name} failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )))
    }
}

/// After an erasure: nothing erased is left in the engine's journal. SQLite writes the journal
/// back into the database (whose deleted rows `secure_delete` has overwritten) and empties it;
/// PostgreSQL vacuums the tables that held it, so the dead rows' space is reclaimed.
pub fn purge_journal(database: &Database) -> Result<(), SnapshotError> {
    match database {
        Database::Sqlite(path) => {
            let connection = rusqlite::Connection::open(path).map_err(database_error)?;
            connection
                .busy_timeout(std::time::Duration::from_secs(30))
                .map_err(database_error)?;
            // The search index keeps a changed description's old words in older segments until
            // they are merged; merging them all drops them.
            connection
                .execute_batch(
                    "PRAGMA secure_delete = ON;
                     INSERT INTO complaints_search (complaints_search) VALUES ('optimize');
                     PRAGMA wal_checkpoint(TRUNCATE)",
                )
                .map_err(database_error)
        }
        Database::Postgres(url) => PgSession::connect(url)
            .and_then(|session| session.batch("VACUUM complaints, photos, audit_texts"))
            .map_err(database_error),
    }
}
