//! The working calendar with the holidays kept in the database (an administrator can add a day
//! the government declares). The rules themselves are the protocol's: [`protocol::calendar`].

use crate::db::Conn;
use chrono::NaiveDate;

pub use protocol::calendar::Calendar;
pub use protocol::time::{kosovo_date, kosovo_offset};

/// The calendar with the holidays after `from` that can matter for a deadline of up to
/// `working_days`.
pub fn load_for(
    connection: &Conn,
    from: NaiveDate,
    working_days: u32,
) -> Result<Calendar, crate::db::DbError> {
    load_between(connection, from, Calendar::horizon(from, working_days))
}

/// The calendar with the holidays after `from` and up to `until`.
pub fn load_between(
    connection: &Conn,
    from: NaiveDate,
    until: NaiveDate,
) -> Result<Calendar, crate::db::DbError> {
    let mut statement =
        connection.prepare_cached("SELECT date FROM holidays WHERE date > ?1 AND date <= ?2")?;
    let dates = statement
        .query_map([from.to_string(), until.to_string()], |row| {
            row.get::<_, String>(0)
        })?
        .filter_map(|d| d.ok()?.parse::<NaiveDate>().ok())
        .collect::<Vec<_>>();
    Ok(Calendar::new(dates))
}
