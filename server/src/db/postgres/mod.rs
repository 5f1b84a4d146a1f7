//! PostgreSQL as the services see it: statements in the shared SQL, their `?N` parameters
//! turned into `$N` (here), run on a session ([`session`]) with values converted as PostgreSQL's
//! column types need ([`values`]); the schema and its migrations ([`migrate`]); and databases
//! made and dropped for tests and tools.

use super::DbError;

mod migrate;
mod session;
mod values;

pub use migrate::{known_version, migrate};
pub use session::PgSession;

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
}
