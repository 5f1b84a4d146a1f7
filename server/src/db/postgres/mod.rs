//! One PostgreSQL connection as the services see it: statements in the shared SQL, their
//! `?N` parameters turned into `$N`, prepared once and kept; values converted to and from the
//! column types PostgreSQL reports, so a service binds an `i64` to a `BIGINT`, `INTEGER` or
//! `DOUBLE PRECISION` alike, and reads `SUM`'s `NUMERIC` as a number.

use std::cell::RefCell;
use std::collections::HashMap;
use std::error::Error;

use bytes::BytesMut;
use postgres::types::{FromSql, IsNull, ToSql, Type, to_sql_checked};
use postgres::{Client, NoTls, Statement};

use super::DbError;
use super::value::{Row, Value};

mod migrate;

pub use migrate::{known_version, migrate};

/// The client runs its own small runtime, which may neither start nor stop on an async
/// thread: it is made, and dropped, on a thread of its own (see `Drop`).
pub struct PgSession {
    url: String,
    /// An operation failed because the connection was lost; the next one connects again.
    broken: std::cell::Cell<bool>,
    client: RefCell<Option<Client>>,
    statements: RefCell<HashMap<String, Statement>>,
}

fn connect_off_thread(url: &str) -> Result<Client, DbError> {
    std::thread::scope(|scope| {
        scope
            .spawn(|| Client::connect(url, NoTls))
            .join()
            .map_err(|_| DbError::Task("connecting to PostgreSQL panicked".into()))
    })?
    .map_err(DbError::from)
}

impl PgSession {
    pub fn connect(url: &str) -> Result<PgSession, DbError> {
        Ok(PgSession {
            url: url.to_owned(),
            broken: std::cell::Cell::new(false),
            client: RefCell::new(Some(connect_off_thread(url)?)),
            statements: RefCell::new(HashMap::new()),
        })
    }

    /// Connects again if the connection was lost (the server restarted, or failed over), so
    /// the next job finds the database as soon as it is back. Its prepared statements went
    /// with the old connection.
    pub fn reconnect_if_lost(&self) -> Result<(), DbError> {
        if !self.broken.get() && !self.is_closed() {
            return Ok(());
        }
        let fresh = connect_off_thread(&self.url)?;
        self.broken.set(false);
        self.statements.borrow_mut().clear();
        if let Some(old) = self.client.borrow_mut().replace(fresh) {
            let _ = std::thread::Builder::new()
                .name("zeri-postgres-close".into())
                .spawn(move || drop(old));
        }
        Ok(())
    }

    fn client(&self) -> std::cell::RefMut<'_, Client> {
        std::cell::RefMut::map(self.client.borrow_mut(), |client| {
            client
                .as_mut()
                .expect("a session has its client until it is dropped")
        })
    }

    fn statement(&self, sql: &str) -> Result<Statement, DbError> {
        if let Some(statement) = self.statements.borrow().get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.watch(self.client().prepare(&numbered_parameters(sql)))?;
        self.statements
            .borrow_mut()
            .insert(sql.to_owned(), statement.clone());
        Ok(statement)
    }

    /// Notes a lost connection in `outcome`, for [`PgSession::reconnect_if_lost`].
    fn watch<T>(&self, outcome: Result<T, postgres::Error>) -> Result<T, DbError> {
        outcome.map_err(|error| {
            let error = DbError::from(error);
            if error.is_unavailable() {
                self.broken.set(true);
            }
            error
        })
    }

    pub fn execute(&self, sql: &str, values: &[Value]) -> Result<usize, DbError> {
        let statement = self.statement(sql)?;
        let changed = self.watch(self.client().execute(&statement, &parameters(values)))?;
        usize::try_from(changed).map_err(|e| DbError::Conversion(e.to_string()))
    }

    pub fn query(&self, sql: &str, values: &[Value]) -> Result<Vec<Row>, DbError> {
        let statement = self.statement(sql)?;
        let rows = self.watch(self.client().query(&statement, &parameters(values)))?;
        rows.iter()
            .map(|row| {
                let values = (0..row.len())
                    .map(|i| row.try_get::<_, Value>(i))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Row { values })
            })
            .collect()
    }

    pub fn batch(&self, sql: &str) -> Result<(), DbError> {
        self.watch(self.client().batch_execute(sql))
    }

    /// Whether the connection to the server is gone (the server stopped, the network broke).
    pub fn is_closed(&self) -> bool {
        self.client().is_closed()
    }
}

impl Drop for PgSession {
    fn drop(&mut self) {
        if let Some(client) = self.client.get_mut().take() {
            // Its runtime would panic if stopped on an async thread: stop it elsewhere.
            let _ = std::thread::Builder::new()
                .name("zeri-postgres-close".into())
                .spawn(move || drop(client));
        }
    }
}

fn parameters(values: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    values.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}

/// `?1` becomes `$1`, outside quoted text and identifiers.
pub fn numbered_parameters(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quote: Option<char> = None;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c == '?' && chars.peek().is_some_and(char::is_ascii_digit) => {
                out.push('$');
                continue;
            }
            None => {}
        }
        out.push(c);
    }
    out
}

type Failure = Box<dyn Error + Sync + Send>;

impl ToSql for Value {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, Failure> {
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(i) => match *ty {
                Type::INT8 => i.to_sql(ty, out),
                Type::INT4 => i32::try_from(*i)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*i)?.to_sql(ty, out),
                Type::FLOAT8 => (*i as f64).to_sql(ty, out),
                Type::BOOL => (*i != 0).to_sql(ty, out),
                _ => i.to_string().to_sql(ty, out),
            },
            Value::Real(r) => match *ty {
                Type::FLOAT4 => (*r as f32).to_sql(ty, out),
                _ => r.to_sql(ty, out),
            },
            Value::Text(t) => t.as_str().to_sql(ty, out),
            Value::Blob(b) => b.as_slice().to_sql(ty, out),
            Value::Bool(b) => match *ty {
                Type::BOOL => b.to_sql(ty, out),
                _ => i64::from(*b).to_sql(ty, out),
            },
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

impl<'a> FromSql<'a> for Value {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Value, Failure> {
        Ok(match *ty {
            Type::INT8 => Value::Int(i64::from_sql(ty, raw)?),
            Type::INT4 => Value::Int(i32::from_sql(ty, raw)?.into()),
            Type::INT2 => Value::Int(i16::from_sql(ty, raw)?.into()),
            Type::FLOAT8 => Value::Real(f64::from_sql(ty, raw)?),
            Type::FLOAT4 => Value::Real(f32::from_sql(ty, raw)?.into()),
            Type::BOOL => Value::Bool(bool::from_sql(ty, raw)?),
            Type::BYTEA => Value::Blob(raw.to_vec()),
            Type::NUMERIC => numeric(raw)?,
            _ => Value::Text(String::from_sql(ty, raw)?),
        })
    }

    fn from_sql_null(_: &Type) -> Result<Value, Failure> {
        Ok(Value::Null)
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}

/// PostgreSQL's binary `NUMERIC` (base-10000 digits): a whole number as an integer, anything
/// else as a double.
fn numeric(raw: &[u8]) -> Result<Value, Failure> {
    let word = |i: usize| -> Result<i16, Failure> {
        let bytes = raw.get(i * 2..i * 2 + 2).ok_or("a short NUMERIC")?;
        Ok(i16::from_be_bytes([bytes[0], bytes[1]]))
    };
    let (count, weight, sign, scale) = (word(0)?, word(1)?, word(2)? as u16, word(3)?);
    if sign == 0xC000 {
        return Ok(Value::Real(f64::NAN));
    }
    let mut value = 0f64;
    for i in 0..usize::try_from(count)? {
        let exponent = i32::from(weight) - i32::try_from(i)?;
        value += f64::from(word(4 + i)?) * 10000f64.powi(exponent);
    }
    if sign == 0x4000 {
        value = -value;
    }
    Ok(if scale == 0 && value.abs() < 9.0e15 {
        Value::Int(value as i64)
    } else {
        Value::Real(value)
    })
}

/// Makes a new, empty database named `<prefix>_<random>` on the server `cluster` names (a URL
/// to any of its databases, as a role that may create databases); answers its URL. For tests
/// and tools that need a database of their own.
pub fn create_database(cluster: &str, prefix: &str) -> Result<String, DbError> {
    let name = format!("{prefix}_{}", uuid::Uuid::new_v4().simple());
    let (server, _) = cluster
        .rsplit_once('/')
        .ok_or_else(|| DbError::Conversion(format!("{cluster} names no database")))?;
    // Off the caller's thread, which may be an async one: the client blocks.
    std::thread::scope(|scope| {
        scope
            .spawn(|| PgSession::connect(cluster)?.batch(&format!("CREATE DATABASE {name}")))
            .join()
            .map_err(|_| DbError::Task("creating a database panicked".into()))
    })??;
    Ok(format!("{server}/{name}"))
}

/// Drops database `name` of the cluster, ending any connection still open to it (benchmarks
/// clean up with it).
pub fn drop_database(cluster: &str, name: &str) -> Result<(), DbError> {
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(DbError::Conversion(format!(
            "{name} is not a database name"
        )));
    }
    std::thread::scope(|scope| {
        scope
            .spawn(|| {
                PgSession::connect(cluster)?
                    .batch(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            })
            .join()
            .map_err(|_| DbError::Task("dropping a database panicked".into()))
    })?
}

/// For tests: a new, empty database in the test cluster (`scripts/with-postgres`), as a URL.
#[cfg(test)]
pub(crate) fn fresh_database() -> String {
    let cluster = std::env::var("ZERI_TEST_POSTGRES").expect(
        "ZERI_TEST_POSTGRES names the test cluster: run the tests as \
         `scripts/with-postgres cargo test`",
    );
    create_database(&cluster, "zeri_test").expect("a test database is made")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_numbered_the_postgres_way_outside_quotes() {
        assert_eq!(
            numbered_parameters("SELECT a FROM t WHERE b = ?1 AND c IN (?2, ?10)"),
            "SELECT a FROM t WHERE b = $1 AND c IN ($2, $10)"
        );
        assert_eq!(
            numbered_parameters("SELECT '?1', \"q?2\" WHERE x = ?3"),
            "SELECT '?1', \"q?2\" WHERE x = $3"
        );
        assert_eq!(numbered_parameters("SELECT ? "), "SELECT ? ");
    }

    #[test]
    fn numerics_read_as_numbers() {
        // 12345 = 1·10000 + 2345; weight 1, two digits, positive, scale 0.
        let raw = [0, 2, 0, 1, 0, 0, 0, 0, 0, 1, 0x09, 0x29];
        assert_eq!(numeric(&raw).unwrap(), Value::Int(12345));
        // -2.5 = -(2 + 5000·10⁻⁴); scale 1.
        let raw = [0, 2, 0, 0, 0x40, 0, 0, 1, 0, 2, 0x13, 0x88];
        assert_eq!(numeric(&raw).unwrap(), Value::Real(-2.5));
        assert_eq!(numeric(&[0, 0, 0, 0, 0, 0, 0, 0]).unwrap(), Value::Int(0));
        assert!(numeric(&[0, 1]).is_err());
    }
}
