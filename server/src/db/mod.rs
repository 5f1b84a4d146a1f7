//! The database: one SQLite file in WAL mode with full sync, so a committed transaction survives
//! a crash or power cut, or a PostgreSQL database shared by several servers. Schema migrations
//! are numbered steps (SQL files, or code where the SQL is generated) applied in order on start;
//! PostgreSQL's keep the same numbers (see `postgres/migrate.rs`). Neither engine opens a
//! database whose schema is newer than the server knows.
//!
//! Writes go through [`Db::call`] to one writer thread that owns the write connection and
//! commits in groups: it takes every job waiting, runs each inside its own savepoint (a job that
//! fails rolls back alone), commits them together with one sync to disk, and only then answers
//! any of them. So a complaint is acknowledged only once it is on disk, and a busy server pays
//! for one sync per group, not one per complaint. [`Db::read`] runs read-only queries on their
//! own connections, so long reports never hold up intake. [`snapshots`] copies a whole database
//! consistently, and puts such a copy back, for backups.

use std::path::Path;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, OpenFlags};
use tokio::sync::oneshot;

mod conn;
#[cfg(test)]
mod conn_tests;
mod engine;
pub mod figures;
#[cfg(test)]
mod figures_tests;
#[cfg(test)]
mod fixtures;
pub mod postgres;
#[cfg(test)]
mod postgres_tests;
#[cfg(test)]
mod schema_tests;
pub mod search;
#[cfg(test)]
mod search_tests;
pub mod snapshots;
mod value;

use engine::Session;

pub use conn::{CachedQuery, Conn, Dialect, Savepoint, Statement};
pub use value::{FromValue, OptionalExtension, Params, Row, RowIndex, ToValue, Value};

/// A result whose error is the database's own.
pub type Result<T, E = DbError> = std::result::Result<T, E>;

/// Parameters from a list made at run time (`IN (?1, ?2, …)`).
pub fn params_from_iter<T: ToValue>(values: impl IntoIterator<Item = T>) -> Vec<Value> {
    values.into_iter().map(|v| v.to_value()).collect()
}

/// What can go wrong in the database layer itself: the engines' errors, a schema newer than this
/// server, and the writer thread or a reading task going away. A job's own refusals are its
/// caller's type (see [`Db::call`]).
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database: {0}")]
    Postgres(#[from] tokio_postgres::Error),
    #[error(
        "the database's schema is version {found}, newer than this server knows ({known}): \
         run a newer server"
    )]
    NewerSchema { found: i64, known: i64 },
    #[error("the query returned no row")]
    NoRows,
    #[error("a stored value: {0}")]
    Conversion(String),
    #[error("the database cannot be reached")]
    Unavailable,
    #[error("the commit failed")]
    CommitFailed,
    #[error("the database writer has stopped")]
    WriterStopped,
    #[error("the database writer dropped a job")]
    JobDropped,
    #[error("database task: {0}")]
    Task(String),
    #[error("starting the database writer: {0}")]
    Thread(std::io::Error),
}

impl DbError {
    /// Whether the database cannot be reached just now (a PostgreSQL server down, restarting
    /// or failing over): worth trying again shortly, not a fault in the request.
    pub fn is_unavailable(&self) -> bool {
        match self {
            DbError::Unavailable => true,
            DbError::Postgres(error) => {
                let lost_connection = error.is_closed()
                    || std::error::Error::source(error)
                        .is_some_and(|source| source.is::<std::io::Error>());
                let server_going = error.code().is_some_and(|code| {
                    let code = code.code();
                    code.starts_with("08") || code.starts_with("57P")
                });
                lost_connection || server_going
            }
            _ => false,
        }
    }
}

/// One step of the schema, in order: a SQL file, or code where the SQL is generated.
enum Migration {
    Sql(&'static str),
    Code(fn(&Connection) -> Result<(), DbError>),
}

const MIGRATIONS: &[Migration] = &[
    Migration::Sql(include_str!("schema_v1.sql")),
    Migration::Sql(include_str!("schema_v2.sql")),
    Migration::Code(figures::migration),
    Migration::Sql(include_str!("schema_v4.sql")),
    Migration::Sql(include_str!("schema_v5.sql")),
    Migration::Sql(include_str!("schema_v6.sql")),
    Migration::Sql(include_str!("schema_v7.sql")),
    Migration::Sql(include_str!("schema_v8.sql")),
    Migration::Sql(include_str!("schema_v9.sql")),
    Migration::Sql(include_str!("schema_v10.sql")),
    Migration::Sql(include_str!("schema_v11.sql")),
    Migration::Code(figures::migration_v12),
    Migration::Sql(include_str!("schema_v13.sql")),
    Migration::Sql(include_str!("schema_v14.sql")),
    Migration::Sql(include_str!("schema_v15.sql")),
    Migration::Sql(include_str!("schema_v16.sql")),
    Migration::Sql(include_str!("schema_v17.sql")),
];

/// The most jobs committed together.
const MAX_GROUP: usize = 128;

/// What a job did: whether it succeeded (a failed job's changes are undone), and how to tell
/// its caller once the group's commit is known.
struct Ran {
    ok: bool,
    deliver: Box<dyn FnOnce(Committed) + Send>,
}

/// How a group's transaction ended.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Committed {
    Yes,
    No,
    /// The database could not be reached to begin or to commit it.
    Unreachable,
}

/// A job for the writer: runs on the group's connection (none when the group's transaction
/// could not begin), then is told how the group ended.
type Job = Box<dyn FnOnce(Option<&Conn>) -> Ran + Send>;

#[derive(Clone)]
pub struct Db {
    jobs: mpsc::Sender<Job>,
    readers: Arc<Vec<Mutex<Session>>>,
}

fn configure(connection: &Connection) -> Result<(), rusqlite::Error> {
    connection.pragma_update(None, "foreign_keys", "ON")?;
    // What is deleted (erased personal data above all) is overwritten, not left in free pages.
    connection.pragma_update(None, "secure_delete", "ON")?;
    // 64 MiB of page cache per connection: the indexes of a million complaints stay in memory.
    connection.pragma_update(None, "cache_size", -65536)?;
    connection.busy_timeout(std::time::Duration::from_secs(5))?;
    connection.set_prepared_statement_cache_capacity(64);
    Ok(())
}

impl Db {
    pub fn open(path: &Path) -> Result<Db, DbError> {
        let mut connection = Connection::open(path)?;
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "synchronous", "FULL")?;
        configure(&connection)?;
        migrate(&mut connection)?;
        // Refresh the query planner's statistics where they are stale (cheap when they are not).
        connection.execute_batch("PRAGMA optimize=0x10002")?;
        let readers = (0..2)
            .map(|_| {
                let reader = Connection::open_with_flags(
                    path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                configure(&reader)?;
                Ok(Session::Sqlite(reader))
            })
            .collect::<Result<Vec<_>, DbError>>()?;
        Db::start(Session::Sqlite(connection), readers)
    }

    /// Opens a PostgreSQL database, bringing its schema up to date: one writer connection and
    /// `readers` for reading. Writers on several servers take turns, a group at a time.
    pub fn open_postgres(url: &str, readers: usize) -> Result<Db, DbError> {
        // Off the caller's thread, which may be an async one: the client blocks.
        let writer = std::thread::scope(|scope| {
            scope
                .spawn(|| {
                    let writer = postgres::PgSession::connect(url)?;
                    postgres::migrate(&writer)?;
                    Ok::<_, DbError>(writer)
                })
                .join()
                .map_err(|_| DbError::Task("migrating the PostgreSQL schema panicked".into()))
        })??;
        let writer = Session::Postgres(Box::new(writer));
        let readers = (0..readers.max(1))
            .map(|_| {
                Ok(Session::Postgres(Box::new(postgres::PgSession::connect(
                    url,
                )?)))
            })
            .collect::<Result<Vec<_>, DbError>>()?;
        Db::start(writer, readers)
    }

    fn start(writer: Session, readers: Vec<Session>) -> Result<Db, DbError> {
        let (jobs, queue) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("zeri-db-writer".into())
            .spawn(move || write_in_groups(writer, queue))
            .map_err(DbError::Thread)?;
        Ok(Db {
            jobs,
            readers: Arc::new(readers.into_iter().map(Mutex::new).collect()),
        })
    }

    /// Which SQL the database speaks.
    pub fn dialect(&self) -> Dialect {
        self.readers[0]
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .conn()
            .dialect()
    }

    /// Runs `work` on the writer and answers once its changes are committed (or have failed).
    /// Use savepoints, not transactions, inside `work`: the group is the transaction. `work`
    /// fails with its caller's own error type, which can also say what went wrong here.
    pub async fn call<T, E, F>(&self, work: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
        F: FnOnce(&Conn) -> Result<T, E> + Send + 'static,
    {
        let (answer, answered) = oneshot::channel();
        let job: Job = Box::new(move |connection| {
            let result = match connection {
                Some(connection) => work(connection),
                None => Err(DbError::Unavailable.into()),
            };
            Ran {
                ok: result.is_ok(),
                deliver: Box::new(move |committed| {
                    let result = match (result, committed) {
                        (Ok(_), Committed::No) => Err(DbError::CommitFailed.into()),
                        (Ok(_), Committed::Unreachable) => Err(DbError::Unavailable.into()),
                        (other, _) => other,
                    };
                    let _ = answer.send(result);
                }),
            }
        });
        self.jobs.send(job).map_err(|_| DbError::WriterStopped)?;
        answered.await.map_err(|_| DbError::JobDropped)?
    }

    /// Runs read-only `work` on a reader connection, off the async threads.
    pub async fn read<T, E, F>(&self, work: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
        F: FnOnce(&Conn) -> Result<T, E> + Send + 'static,
    {
        let readers = self.readers.clone();
        tokio::task::spawn_blocking(move || {
            // The first reader that is free, or wait for the first.
            let guard = readers
                .iter()
                .find_map(|r| r.try_lock().ok())
                .unwrap_or_else(|| {
                    readers[0]
                        .lock()
                        .unwrap_or_else(|poisoned| poisoned.into_inner())
                });
            guard.ready()?;
            work(&guard.conn())
        })
        .await
        .map_err(|e| DbError::Task(e.to_string()))?
    }

    /// Runs `work` on the writer and waits for it here; for start-up and tools. (It panics if
    /// the database cannot be reached at all.)
    pub fn blocking<T: Send + 'static>(&self, work: impl FnOnce(&Conn) -> T + Send + 'static) -> T {
        let (answer, answered) = std::sync::mpsc::channel();
        let job: Job = Box::new(move |connection| {
            let result = connection.map(work);
            Ran {
                ok: true,
                deliver: Box::new(move |_| {
                    if let Some(result) = result {
                        let _ = answer.send(result);
                    }
                }),
            }
        });
        self.jobs
            .send(job)
            .expect("the database writer runs as long as the Db");
        answered
            .recv()
            .expect("the database writer answers every job")
    }
}

fn write_in_groups(writer: Session, queue: mpsc::Receiver<Job>) {
    while let Ok(first) = queue.recv() {
        let mut group = vec![first];
        while group.len() < MAX_GROUP
            && let Ok(job) = queue.try_recv()
        {
            group.push(job);
        }
        if let Err(error) = writer.begin() {
            let ended = if error.is_unavailable() {
                Committed::Unreachable
            } else {
                Committed::No
            };
            for job in group {
                (job(None).deliver)(ended);
            }
            continue;
        }
        let connection = writer.conn();
        // Each job runs in its own savepoint: one that fails, or panics, is undone alone and
        // its caller hears of it; the writer and the rest of the group carry on.
        let deliveries: Vec<_> = group
            .into_iter()
            .filter_map(|job| {
                let savepoint = connection.savepoint().ok()?;
                let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    job(Some(&savepoint))
                }));
                match ran {
                    Ok(ran) if ran.ok => savepoint.commit().ok().map(|()| ran.deliver),
                    Ok(ran) => {
                        drop(savepoint);
                        Some(ran.deliver)
                    }
                    Err(_) => None,
                }
            })
            .collect();
        let committed = match writer.commit() {
            Ok(()) => Committed::Yes,
            Err(error) => {
                writer.rollback();
                if error.is_unavailable() {
                    Committed::Unreachable
                } else {
                    Committed::No
                }
            }
        };
        for deliver in deliveries {
            deliver(committed);
        }
    }
}

/// Refuses a database whose schema version `found` is newer than the `known` one.
fn check_version(found: i64, known: i64) -> Result<(), DbError> {
    if found > known {
        return Err(DbError::NewerSchema { found, known });
    }
    Ok(())
}

fn migrate(connection: &mut Connection) -> Result<(), DbError> {
    let current: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    check_version(current, MIGRATIONS.len() as i64)?;
    for (index, migration) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(usize::try_from(current).unwrap_or(0))
    {
        let tx = connection.transaction()?;
        match migration {
            Migration::Sql(sql) => tx.execute_batch(sql)?,
            Migration::Code(apply) => apply(&tx)?,
        }
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// Whether a table has any rows.
pub fn is_empty(connection: &Conn, table: &str) -> Result<bool> {
    Ok(!connection.exists(&format!("SELECT 1 FROM {table} LIMIT 1"), ())?)
}
