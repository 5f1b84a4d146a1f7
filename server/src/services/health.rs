//! Whether the database answers, and how much it holds: what an operator watches.

use crate::db::Conn;

use super::ServiceError;

/// Whether the database answers a query at all.
pub fn database_answers(c: &Conn) -> Result<(), ServiceError> {
    c.query_row("SELECT 1", (), |r| r.get::<_, i64>(0))?;
    Ok(())
}

/// How many complaints the database holds.
pub fn complaint_count(c: &Conn) -> Result<i64, ServiceError> {
    Ok(c.query_row("SELECT COUNT(*) FROM complaints", (), |r| r.get(0))?)
}
