//! [`Conn`]: one connection, whichever engine holds the data. The services write their SQL
//! once, in what SQLite and PostgreSQL both read: numbered parameters `?1`, `?2`, … (turned into
//! `$1`, `$2`, … for PostgreSQL), `ON CONFLICT … DO …`, `RETURNING`, `CAST(… AS BIGINT)`.
//! Where the two must differ, [`Conn::dialect`] says which one runs. Every statement is prepared
//! once per connection and kept.

use std::cell::Cell;

use super::value::{Params, Row, Value};
use super::{DbError, postgres::PgSession};

/// Which SQL the connection speaks, for the few statements that differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

#[derive(Clone, Copy)]
enum Engine<'a> {
    Sqlite(&'a rusqlite::Connection),
    Postgres(&'a PgSession),
}

/// A connection inside the transaction its caller opened (see [`super::Db`]).
pub struct Conn<'a> {
    engine: Engine<'a>,
    /// Savepoints open on this connection, to name the next one.
    depth: Cell<u32>,
}

impl<'a> Conn<'a> {
    pub fn sqlite(connection: &'a rusqlite::Connection) -> Conn<'a> {
        Conn {
            engine: Engine::Sqlite(connection),
            depth: Cell::new(0),
        }
    }

    pub fn postgres(session: &'a PgSession) -> Conn<'a> {
        Conn {
            engine: Engine::Postgres(session),
            depth: Cell::new(0),
        }
    }

    pub fn dialect(&self) -> Dialect {
        match self.engine {
            Engine::Sqlite(_) => Dialect::Sqlite,
            Engine::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Runs a statement; the number of rows it changed.
    pub fn execute(&self, sql: &str, params: impl Params) -> Result<usize, DbError> {
        let values = params.into_values();
        match self.engine {
            Engine::Sqlite(c) => {
                let mut statement = c.prepare_cached(sql)?;
                Ok(statement.execute(rusqlite::params_from_iter(values.iter().map(to_sqlite)))?)
            }
            Engine::Postgres(session) => session.execute(sql, &values),
        }
    }

    /// Runs statements in order, as [`Conn::execute`] runs each: the rows each changed. On
    /// PostgreSQL they go in one round trip, so a later statement must not need an earlier
    /// one's answer (it may still see its rows); the first failure is the answer.
    pub fn execute_together(
        &self,
        statements: &[(&str, Vec<Value>)],
    ) -> Result<Vec<usize>, DbError> {
        match self.engine {
            Engine::Sqlite(_) => statements
                .iter()
                .map(|(sql, values)| self.execute(sql, values.clone()))
                .collect(),
            Engine::Postgres(session) => session.execute_together(statements),
        }
    }

    /// The rows of a query, at most `limit` of them.
    fn rows(&self, sql: &str, values: &[Value], limit: usize) -> Result<Vec<Row>, DbError> {
        match self.engine {
            Engine::Sqlite(c) => {
                let mut statement = c.prepare_cached(sql)?;
                let columns = statement.column_count();
                let mut rows =
                    statement.query(rusqlite::params_from_iter(values.iter().map(to_sqlite)))?;
                let mut out = Vec::new();
                while out.len() < limit
                    && let Some(row) = rows.next()?
                {
                    out.push(from_sqlite(row, columns)?);
                }
                Ok(out)
            }
            Engine::Postgres(session) => {
                let mut rows = session.query(sql, values)?;
                rows.truncate(limit);
                Ok(rows)
            }
        }
    }

    /// Every row of a query, each turned into a `T` by `f`.
    pub fn query_map<T>(
        &self,
        sql: &str,
        params: impl Params,
        f: impl FnMut(&Row) -> Result<T, DbError>,
    ) -> Result<Vec<T>, DbError> {
        self.rows(sql, &params.into_values(), usize::MAX)?
            .iter()
            .map(f)
            .collect()
    }

    /// The first row of a query as a `T`; [`DbError::NoRows`] if there is none (see
    /// [`super::OptionalExtension::optional`]).
    pub fn query_row<T>(
        &self,
        sql: &str,
        params: impl Params,
        f: impl FnOnce(&Row) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        match self.rows(sql, &params.into_values(), 1)?.first() {
            Some(row) => f(row),
            None => Err(DbError::NoRows),
        }
    }

    /// Whether a query gives any row.
    pub fn exists(&self, sql: &str, params: impl Params) -> Result<bool, DbError> {
        Ok(!self.rows(sql, &params.into_values(), 1)?.is_empty())
    }

    /// Runs several statements with no parameters (schema changes, clearing tables).
    pub fn execute_batch(&self, sql: &str) -> Result<(), DbError> {
        match self.engine {
            Engine::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Engine::Postgres(session) => session.batch(sql),
        }
    }

    /// Opens a savepoint: what is done through it stays once [`Savepoint::commit`] is called,
    /// and is undone if it is dropped first (an error returned early), while the caller's
    /// transaction goes on either way.
    pub fn savepoint(&self) -> Result<Savepoint<'_, 'a>, DbError> {
        let depth = self.depth.get() + 1;
        let name = format!("zeri_savepoint_{depth}");
        self.savepoint_statement(&format!("SAVEPOINT {name}"))?;
        self.depth.set(depth);
        Ok(Savepoint {
            conn: self,
            name,
            open: true,
        })
    }

    /// Opens, releases or rolls back to a savepoint: at once on SQLite; on PostgreSQL with the
    /// next statement, in its round trip (a savepoint's failure is the failure of what it
    /// holds, and then the transaction's).
    fn savepoint_statement(&self, sql: &str) -> Result<(), DbError> {
        match self.engine {
            Engine::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Engine::Postgres(session) => {
                session.defer(sql);
                Ok(())
            }
        }
    }

    /// A statement to run with several sets of parameters (prepared once either way).
    pub fn prepare(&self, sql: &str) -> Result<Statement<'_, 'a>, DbError> {
        Ok(Statement {
            conn: self,
            sql: sql.to_owned(),
        })
    }

    /// The same as [`Conn::prepare`]: every statement is kept once prepared.
    pub fn prepare_cached(&self, sql: &str) -> Result<Statement<'_, 'a>, DbError> {
        self.prepare(sql)
    }
}

fn to_sqlite(value: &Value) -> rusqlite::types::Value {
    use rusqlite::types::Value as V;
    match value {
        Value::Null => V::Null,
        Value::Int(i) => V::Integer(*i),
        Value::Real(r) => V::Real(*r),
        Value::Text(t) => V::Text(t.clone()),
        Value::Blob(b) => V::Blob(b.clone()),
        Value::Bool(b) => V::Integer(i64::from(*b)),
    }
}

fn from_sqlite(row: &rusqlite::Row<'_>, columns: usize) -> Result<Row, DbError> {
    use rusqlite::types::ValueRef;
    let values = (0..columns)
        .map(|i| {
            Ok(match row.get_ref(i)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(i) => Value::Int(i),
                ValueRef::Real(r) => Value::Real(r),
                ValueRef::Text(t) => Value::Text(
                    std::str::from_utf8(t)
                        .map_err(|e| DbError::Conversion(e.to_string()))?
                        .to_owned(),
                ),
                ValueRef::Blob(b) => Value::Blob(b.to_vec()),
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    Ok(Row { values })
}

/// A savepoint on a connection; it is the connection for the work done inside it.
pub struct Savepoint<'c, 'a> {
    conn: &'c Conn<'a>,
    name: String,
    open: bool,
}

impl Savepoint<'_, '_> {
    /// Keeps what was done inside the savepoint.
    pub fn commit(mut self) -> Result<(), DbError> {
        self.open = false;
        self.conn.depth.set(self.conn.depth.get() - 1);
        self.conn
            .savepoint_statement(&format!("RELEASE SAVEPOINT {}", self.name))
    }
}

impl<'a> std::ops::Deref for Savepoint<'_, 'a> {
    type Target = Conn<'a>;

    fn deref(&self) -> &Conn<'a> {
        self.conn
    }
}

impl Drop for Savepoint<'_, '_> {
    fn drop(&mut self) {
        if self.open {
            self.conn.depth.set(self.conn.depth.get() - 1);
            let name = &self.name;
            // If even this fails the connection is broken, and its transaction fails with it.
            let _ = self.conn.savepoint_statement(&format!(
                "ROLLBACK TO SAVEPOINT {name}; RELEASE SAVEPOINT {name}"
            ));
        }
    }
}

/// A statement of a connection, to run once or many times.
pub struct Statement<'c, 'a> {
    conn: &'c Conn<'a>,
    sql: String,
}

impl Statement<'_, '_> {
    pub fn execute(&mut self, params: impl Params) -> Result<usize, DbError> {
        self.conn.execute(&self.sql, params)
    }

    /// Every row, each turned into a `T` by `f`; collect them into a `Result<Vec<T>, _>`.
    pub fn query_map<T>(
        &mut self,
        params: impl Params,
        f: impl FnMut(&Row) -> Result<T, DbError>,
    ) -> Result<std::vec::IntoIter<Result<T, DbError>>, DbError> {
        let rows = self
            .conn
            .rows(&self.sql, &params.into_values(), usize::MAX)?;
        Ok(rows.iter().map(f).collect::<Vec<_>>().into_iter())
    }

    pub fn query_row<T>(
        &mut self,
        params: impl Params,
        f: impl FnOnce(&Row) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        self.conn.query_row(&self.sql, params, f)
    }

    pub fn exists(&mut self, params: impl Params) -> Result<bool, DbError> {
        self.conn.exists(&self.sql, params)
    }

    /// The rows, to walk with [`Rows::next`].
    pub fn query(&mut self, params: impl Params) -> Result<Rows, DbError> {
        Ok(Rows {
            rows: self
                .conn
                .rows(&self.sql, &params.into_values(), usize::MAX)?,
            next: 0,
        })
    }
}

/// A query's rows, one after the other.
pub struct Rows {
    rows: Vec<Row>,
    next: usize,
}

impl Rows {
    pub fn next(&mut self) -> Result<Option<&Row>, DbError> {
        self.next += 1;
        Ok(self.rows.get(self.next - 1))
    }
}

/// The names the hot paths use for [`Conn::query_row`] and [`Conn::execute`]: every statement
/// is kept once prepared, so these are the same.
pub trait CachedQuery {
    fn cached_row<T>(
        &self,
        sql: &str,
        params: impl Params,
        f: impl FnOnce(&Row) -> Result<T, DbError>,
    ) -> Result<T, DbError>;

    fn cached_execute(&self, sql: &str, params: impl Params) -> Result<usize, DbError>;
}

impl CachedQuery for Conn<'_> {
    fn cached_row<T>(
        &self,
        sql: &str,
        params: impl Params,
        f: impl FnOnce(&Row) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        self.query_row(sql, params, f)
    }

    fn cached_execute(&self, sql: &str, params: impl Params) -> Result<usize, DbError> {
        self.execute(sql, params)
    }
}
