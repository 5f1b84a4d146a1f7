//! A connection the writer or a reader holds, to either engine, and how the writer opens and
//! closes the transaction of a group of jobs on it.

use super::postgres::PgSession;
use super::{Conn, DbError};

/// The lock every server's writer holds for its group's transaction on a shared PostgreSQL
/// database, so writers on several machines take turns as SQLite's one writer does: what a job
/// reads before it writes (is this complaint id taken?) holds until it commits.
const WRITER_LOCK: i64 = 0x5a_45_52_49; // "ZERI"

pub(super) enum Session {
    Sqlite(rusqlite::Connection),
    Postgres(Box<PgSession>),
}

impl Session {
    pub fn conn(&self) -> Conn<'_> {
        match self {
            Session::Sqlite(connection) => Conn::sqlite(connection),
            Session::Postgres(session) => Conn::postgres(session),
        }
    }

    /// Opens the transaction of a group of jobs.
    pub fn begin(&self) -> Result<(), DbError> {
        match self {
            Session::Sqlite(connection) => Ok(connection.execute_batch("BEGIN IMMEDIATE")?),
            Session::Postgres(session) => {
                session.reconnect_if_lost()?;
                session.batch(&format!(
                    "BEGIN; SELECT pg_advisory_xact_lock({WRITER_LOCK})"
                ))
            }
        }
    }

    /// Before a reader's work: connected, after a lost connection too.
    pub fn ready(&self) -> Result<(), DbError> {
        match self {
            Session::Sqlite(_) => Ok(()),
            Session::Postgres(session) => session.reconnect_if_lost(),
        }
    }

    pub fn commit(&self) -> Result<(), DbError> {
        self.conn().execute_batch("COMMIT")
    }

    /// Undoes the group's transaction; if even that fails, the connection is gone with it.
    pub fn rollback(&self) {
        let _ = match self {
            Session::Sqlite(connection) => {
                connection.execute_batch("ROLLBACK").map_err(DbError::from)
            }
            Session::Postgres(session) => session.rollback(),
        };
    }
}
