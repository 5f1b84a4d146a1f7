//! One PostgreSQL connection: statements prepared once and kept, a lost connection noticed and
//! made again, and savepoints that cost no round trip of their own. The client is
//! `tokio-postgres` on a small runtime of the session's own, so that statements can be
//! *pipelined*: the savepoint a writer job opens (and the one the job before it released) go
//! to the server together with the job's first statement, and the job's rows are the only
//! round trips it makes. The services' code stays synchronous: each call waits on the
//! runtime, which may neither start nor stop on an async thread (see `Drop`).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::{Future, poll_fn};
use std::pin::pin;
use std::task::Poll;

use tokio_postgres::types::ToSql;
use tokio_postgres::{Client, NoTls, Statement};

use super::numbered_parameters;
use crate::db::DbError;
use crate::db::value::{Row, Value};

/// A client and the runtime its connection runs on.
struct Link {
    runtime: tokio::runtime::Runtime,
    client: Client,
}

pub struct PgSession {
    url: String,
    /// An operation failed because the connection was lost; the next one connects again.
    broken: Cell<bool>,
    link: RefCell<Option<Link>>,
    statements: RefCell<HashMap<String, Statement>>,
    /// Statements without parameters (savepoints opened, released, rolled back to) held back
    /// to travel with the next statement; their failure is that statement's.
    deferred: RefCell<String>,
}

fn connect_off_thread(url: &str) -> Result<Link, DbError> {
    std::thread::scope(|scope| {
        scope
            .spawn(|| -> Result<Link, DbError> {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .map_err(|e| DbError::Task(format!("starting the PostgreSQL client: {e}")))?;
                let (client, connection) = runtime.block_on(tokio_postgres::connect(url, NoTls))?;
                // Runs whenever the session waits on a statement.
                runtime.spawn(async move {
                    let _ = connection.await;
                });
                Ok(Link { runtime, client })
            })
            .join()
            .map_err(|_| DbError::Task("connecting to PostgreSQL panicked".into()))
    })?
}

/// Stops a link's runtime on a thread of its own: it panics if stopped on an async thread.
fn close_off_thread(link: Link) {
    let _ = std::thread::Builder::new()
        .name("zeri-postgres-close".into())
        .spawn(move || drop(link));
}

/// Runs `work` after the `deferred` statements, in one round trip.
async fn after<T>(
    client: &Client,
    deferred: &str,
    work: impl Future<Output = Result<T, tokio_postgres::Error>>,
) -> Result<T, tokio_postgres::Error> {
    if deferred.is_empty() {
        work.await
    } else {
        in_order(client.batch_execute(deferred), work).await
    }
}

/// Runs `first` and then `second` concurrently on one connection: `first` is polled first, so
/// its request is sent first, and both travel before either answer is awaited. `first`'s
/// failure wins, as the server (which aborts the transaction) sees it.
async fn in_order<A, B, T>(first: A, second: B) -> Result<T, tokio_postgres::Error>
where
    A: Future<Output = Result<(), tokio_postgres::Error>>,
    B: Future<Output = Result<T, tokio_postgres::Error>>,
{
    let (mut first, mut second) = (pin!(first), pin!(second));
    let (mut first_done, mut second_done) = (None, None);
    poll_fn(|cx| {
        if first_done.is_none()
            && let Poll::Ready(outcome) = first.as_mut().poll(cx)
        {
            first_done = Some(outcome);
        }
        if second_done.is_none()
            && let Poll::Ready(outcome) = second.as_mut().poll(cx)
        {
            second_done = Some(outcome);
        }
        if first_done.is_some() && second_done.is_some() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;
    match (first_done, second_done) {
        (Some(Err(error)), _) => Err(error),
        (_, Some(outcome)) => outcome,
        _ => unreachable!("both futures finished"),
    }
}

/// Runs `works` concurrently on one connection, each first polled (so sent) in turn; their
/// answers in order, or the first failure.
async fn all_in_order<F, T>(works: impl Iterator<Item = F>) -> Result<Vec<T>, tokio_postgres::Error>
where
    F: Future<Output = Result<T, tokio_postgres::Error>>,
{
    let mut works: Vec<_> = works.map(Box::pin).collect();
    let mut done: Vec<Option<Result<T, tokio_postgres::Error>>> =
        works.iter().map(|_| None).collect();
    poll_fn(|cx| {
        for (work, outcome) in works.iter_mut().zip(done.iter_mut()) {
            if outcome.is_none()
                && let Poll::Ready(answer) = work.as_mut().poll(cx)
            {
                *outcome = Some(answer);
            }
        }
        if done.iter().all(Option::is_some) {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;
    done.into_iter().flatten().collect()
}

impl PgSession {
    pub fn connect(url: &str) -> Result<PgSession, DbError> {
        Ok(PgSession {
            url: url.to_owned(),
            broken: Cell::new(false),
            link: RefCell::new(Some(connect_off_thread(url)?)),
            statements: RefCell::new(HashMap::new()),
            deferred: RefCell::new(String::new()),
        })
    }

    /// Connects again if the connection was lost (the server restarted, or failed over), so
    /// the next job finds the database as soon as it is back. Its prepared statements and
    /// anything deferred went with the old connection.
    pub fn reconnect_if_lost(&self) -> Result<(), DbError> {
        if !self.broken.get() && !self.is_closed() {
            return Ok(());
        }
        let fresh = connect_off_thread(&self.url)?;
        self.broken.set(false);
        self.statements.borrow_mut().clear();
        self.deferred.borrow_mut().clear();
        if let Some(old) = self.link.borrow_mut().replace(fresh) {
            close_off_thread(old);
        }
        Ok(())
    }

    /// Runs `work` with the link and what was deferred (taken: it goes with `work`), noting a
    /// lost connection.
    fn run<T>(
        &self,
        work: impl FnOnce(&Link, String) -> Result<T, tokio_postgres::Error>,
    ) -> Result<T, DbError> {
        let deferred = std::mem::take(&mut *self.deferred.borrow_mut());
        let link = self.link.borrow();
        let link = link
            .as_ref()
            .expect("a session has its client until it is dropped");
        work(link, deferred).map_err(|error| {
            let error = DbError::from(error);
            if error.is_unavailable() {
                self.broken.set(true);
            }
            error
        })
    }

    fn statement(&self, sql: &str) -> Result<Statement, DbError> {
        if let Some(statement) = self.statements.borrow().get(sql) {
            return Ok(statement.clone());
        }
        let numbered = numbered_parameters(sql);
        let statement = self.run(|link, deferred| {
            link.runtime.block_on(after(
                &link.client,
                &deferred,
                link.client.prepare(&numbered),
            ))
        })?;
        self.statements
            .borrow_mut()
            .insert(sql.to_owned(), statement.clone());
        Ok(statement)
    }

    pub fn execute(&self, sql: &str, values: &[Value]) -> Result<usize, DbError> {
        let statement = self.statement(sql)?;
        let parameters = parameters(values);
        let changed = self.run(|link, deferred| {
            let work = link.client.execute(&statement, &parameters);
            link.runtime.block_on(after(&link.client, &deferred, work))
        })?;
        usize::try_from(changed).map_err(|e| DbError::Conversion(e.to_string()))
    }

    /// Runs statements in order, all in one round trip (with whatever was deferred).
    pub fn execute_together(
        &self,
        statements: &[(&str, Vec<Value>)],
    ) -> Result<Vec<usize>, DbError> {
        let prepared = statements
            .iter()
            .map(|(sql, values)| Ok((self.statement(sql)?, parameters(values))))
            .collect::<Result<Vec<_>, DbError>>()?;
        let changed = self.run(|link, deferred| {
            let client = &link.client;
            let work = all_in_order(
                prepared
                    .iter()
                    .map(|(statement, parameters)| client.execute(statement, parameters)),
            );
            link.runtime.block_on(after(client, &deferred, work))
        })?;
        changed
            .into_iter()
            .map(|n| usize::try_from(n).map_err(|e| DbError::Conversion(e.to_string())))
            .collect()
    }

    pub fn query(&self, sql: &str, values: &[Value]) -> Result<Vec<Row>, DbError> {
        let statement = self.statement(sql)?;
        let parameters = parameters(values);
        let rows = self.run(|link, deferred| {
            let work = link.client.query(&statement, &parameters);
            link.runtime.block_on(after(&link.client, &deferred, work))
        })?;
        rows.iter()
            .map(|row| {
                let values = (0..row.len())
                    .map(|i| row.try_get::<_, Value>(i))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Row { values })
            })
            .collect()
    }

    /// Runs statements without parameters, after whatever was deferred.
    pub fn batch(&self, sql: &str) -> Result<(), DbError> {
        self.run(|link, mut all| {
            if !all.is_empty() {
                all.push_str(";\n");
            }
            all.push_str(sql);
            link.runtime.block_on(link.client.batch_execute(&all))
        })
    }

    /// Holds back statements without parameters until the next statement goes (see the
    /// module's comment): for savepoints, whose failure is never the job's own to handle.
    pub fn defer(&self, sql: &str) {
        let mut deferred = self.deferred.borrow_mut();
        if !deferred.is_empty() {
            deferred.push_str(";\n");
        }
        deferred.push_str(sql);
    }

    /// Ends the transaction undone, whatever was deferred (which may be why it failed).
    pub fn rollback(&self) -> Result<(), DbError> {
        self.deferred.borrow_mut().clear();
        self.batch("ROLLBACK")
    }

    /// Whether the connection to the server is gone (the server stopped, the network broke).
    pub fn is_closed(&self) -> bool {
        self.link
            .borrow()
            .as_ref()
            .is_none_or(|link| link.client.is_closed())
    }
}

impl Drop for PgSession {
    fn drop(&mut self) {
        if let Some(link) = self.link.get_mut().take() {
            close_off_thread(link);
        }
    }
}

fn parameters(values: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    values.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}
