//! Daily totals for the statistics, kept in step with the complaints by triggers, so a report
//! over a year reads a few tens of thousands of totals instead of a million complaints.
//!
//! `daily_figures` holds, per Kosovo calendar day of submission and per institution, category
//! and municipality (the `dimension`), the additive figures (received, acknowledged on time,
//! resolved, rejected, transferred, ratings and their sum) and the first-response times
//! themselves, so medians stay exact. `daily_open` counts the complaints still open by their
//! deadlines, so "overdue today" is a sum too. A complaint counts under its current institution:
//! a transfer moves its figures. Schema version 3 creates both, fills them from the complaints
//! there are, and adds the triggers. PostgreSQL's triggers, in `postgres/triggers.sql`, do the
//! same.

use rusqlite::Connection;

use super::{Conn, DbError, Dialect};

/// The groupings a report can ask for, and the complaint column each is keyed on.
pub const DIMENSIONS: [(&str, &str); 3] = [
    ("institution", "institution_id"),
    ("category", "category_id"),
    ("municipality", "municipality_id"),
];

/// The Kosovo calendar date of `submitted_at` (RFC 3339, UTC): Central European Time, with
/// summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
/// October (the first Sunday on or after the 25th).
const KOSOVO_DAY: &str = "date(submitted_at, CASE
    WHEN julianday(submitted_at) >= julianday(date(submitted_at, 'start of year', '+2 months', '+24 days', 'weekday 0') || ' 01:00')
     AND julianday(submitted_at) < julianday(date(submitted_at, 'start of year', '+9 months', '+24 days', 'weekday 0') || ' 01:00')
    THEN '+2 hours' ELSE '+1 hour' END)";

const TABLES: &str = "
CREATE TABLE daily_figures (
    dimension            TEXT NOT NULL,
    day                  TEXT NOT NULL,
    key                  TEXT NOT NULL,
    received             INTEGER NOT NULL,
    acknowledged_on_time INTEGER NOT NULL,
    resolved             INTEGER NOT NULL,
    rejected             INTEGER NOT NULL,
    transferred          INTEGER NOT NULL,
    ratings              INTEGER NOT NULL,
    stars                INTEGER NOT NULL,
    -- Tenths of an hour from submission to first response, one per answered complaint,
    -- as ',12,40,' (a leading and a trailing comma, so one value can be found and removed).
    response_tenths      TEXT NOT NULL,
    PRIMARY KEY (dimension, day, key)
) WITHOUT ROWID;
CREATE TABLE daily_open (
    dimension      TEXT NOT NULL,
    day            TEXT NOT NULL,
    key            TEXT NOT NULL,
    answer_due     TEXT NOT NULL,
    ack_due        TEXT NOT NULL,
    unacknowledged INTEGER NOT NULL,
    open           INTEGER NOT NULL,
    PRIMARY KEY (dimension, day, key, answer_due, ack_due, unacknowledged)
) WITHOUT ROWID;
";

/// Tenths of an hour to first response of the complaint row `row` (`NEW` or `OLD`), or NULL.
fn tenths(row: &str) -> String {
    format!("CAST(round({row}.first_response_hours * 10) AS INTEGER)")
}

/// Open while the institution's deadline runs: not closed, and not waiting for the citizen's
/// answer (`Status::runs_against_deadline`).
fn is_open(row: &str) -> String {
    format!("({row}.status NOT IN ('resolved', 'rejected', 'waiting_for_citizen'))")
}

fn is_unacknowledged(row: &str) -> String {
    format!("({row}.status IN ('submitted', 'transferred', 'reopened'))")
}

/// Adds the complaint `row` to its day's totals in every dimension.
fn add(row: &str) -> String {
    let mut sql = String::new();
    for (dimension, column) in DIMENSIONS {
        let tenths = tenths(row);
        sql.push_str(&format!(
            "INSERT INTO daily_figures VALUES ('{dimension}', {row}.submitted_day, {row}.{column}, 1,
                coalesce({row}.acknowledged_on_time, 0), {row}.status = 'resolved', {row}.status = 'rejected',
                {row}.transfers > 0, {row}.rating_stars IS NOT NULL, coalesce({row}.rating_stars, 0),
                ',' || coalesce({tenths} || ',', ''))
             ON CONFLICT DO UPDATE SET received = received + 1,
                acknowledged_on_time = acknowledged_on_time + excluded.acknowledged_on_time,
                resolved = resolved + excluded.resolved, rejected = rejected + excluded.rejected,
                transferred = transferred + excluded.transferred, ratings = ratings + excluded.ratings,
                stars = stars + excluded.stars,
                response_tenths = response_tenths || substr(excluded.response_tenths, 2);
            INSERT INTO daily_open SELECT '{dimension}', {row}.submitted_day, {row}.{column}, {row}.answer_due,
                {row}.ack_due, {unacknowledged}, 1 WHERE {open}
             ON CONFLICT DO UPDATE SET open = open + 1;
            ",
            unacknowledged = is_unacknowledged(row),
            open = is_open(row),
        ));
    }
    sql
}

/// Takes the complaint `row` out of its day's totals in every dimension.
fn remove(row: &str) -> String {
    let mut sql = String::new();
    for (dimension, column) in DIMENSIONS {
        let found = format!("instr(response_tenths, ',' || {} || ',')", tenths(row));
        sql.push_str(&format!(
            "UPDATE daily_figures SET received = received - 1,
                acknowledged_on_time = acknowledged_on_time - coalesce({row}.acknowledged_on_time, 0),
                resolved = resolved - ({row}.status = 'resolved'), rejected = rejected - ({row}.status = 'rejected'),
                transferred = transferred - ({row}.transfers > 0), ratings = ratings - ({row}.rating_stars IS NOT NULL),
                stars = stars - coalesce({row}.rating_stars, 0),
                response_tenths = CASE WHEN coalesce({found}, 0) = 0 THEN response_tenths
                    ELSE substr(response_tenths, 1, {found}) || substr(response_tenths, {found} + length({tenths}) + 2) END
             WHERE dimension = '{dimension}' AND day = {row}.submitted_day AND key = {row}.{column};
            UPDATE daily_open SET open = open - 1 WHERE {open} AND {open_key};
            DELETE FROM daily_open WHERE open = 0 AND {open_key};
            ",
            open_key = format!(
                "dimension = '{dimension}' AND day = {row}.submitted_day AND key = {row}.{column}
                 AND answer_due = {row}.answer_due AND ack_due = {row}.ack_due
                 AND unacknowledged = {}",
                is_unacknowledged(row)
            ),
            tenths = tenths(row),
            open = is_open(row),
        ));
    }
    sql
}

/// The columns a figure depends on: only changes to these touch the totals.
const COUNTED_COLUMNS: &str = "submitted_at, institution_id, category_id, municipality_id, status, \
    acknowledged_on_time, transfers, rating_stars, first_response_hours, answer_due, ack_due";

fn triggers() -> String {
    format!(
        "CREATE TRIGGER complaints_figures_insert AFTER INSERT ON complaints BEGIN
            {add_new}
        END;
        CREATE TRIGGER complaints_figures_update AFTER UPDATE OF {COUNTED_COLUMNS} ON complaints BEGIN
            {remove_old}
            {add_new}
        END;
        CREATE TRIGGER complaints_figures_delete AFTER DELETE ON complaints BEGIN
            {remove_old}
        END;
        ",
        add_new = add("NEW"),
        remove_old = remove("OLD"),
    )
}

/// Recomputes both tables from the complaints (after a bulk load with the triggers off), in SQL
/// both engines read; only the rounding of response times is each engine's own (PostgreSQL's
/// `hours_in_tenths`, in `postgres/triggers.sql`, rounds as SQLite's `round` does).
pub fn rebuild(connection: &Conn) -> Result<(), DbError> {
    connection.execute_batch("DELETE FROM daily_figures; DELETE FROM daily_open;")?;
    let tenths = match connection.dialect() {
        Dialect::Sqlite => tenths("complaints"),
        Dialect::Postgres => "hours_in_tenths(complaints.first_response_hours)".to_owned(),
    };
    let count = |condition: &str| format!("SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)");
    for (dimension, column) in DIMENSIONS {
        connection.execute_batch(&format!(
            "INSERT INTO daily_figures
             SELECT '{dimension}', submitted_day, {column}, COUNT(*), coalesce(SUM(acknowledged_on_time), 0),
                {resolved}, {rejected}, {transferred}, COUNT(rating_stars), coalesce(SUM(rating_stars), 0),
                ',' || coalesce(string_agg({tenths} || ',', ''), '')
             FROM complaints GROUP BY submitted_day, {column};
            INSERT INTO daily_open
             SELECT '{dimension}', submitted_day, {column}, answer_due, ack_due,
                CASE WHEN {unacknowledged} THEN 1 ELSE 0 END, COUNT(*)
             FROM complaints WHERE {open} GROUP BY 1, 2, 3, 4, 5, 6;",
            resolved = count("status = 'resolved'"),
            rejected = count("status = 'rejected'"),
            transferred = count("transfers > 0"),
            unacknowledged = is_unacknowledged("complaints"),
            open = is_open("complaints"),
        ))?;
    }
    Ok(())
}

/// Schema version 12: the columns and table of `schema_v12.sql`, and the triggers again, now
/// that a complaint waiting for the citizen is not open against its deadline. No complaint can
/// be waiting before this version, so the totals need no rebuilding.
pub fn migration_v12(connection: &Connection) -> Result<(), DbError> {
    connection.execute_batch(include_str!("schema_v12.sql"))?;
    connection.execute_batch(
        "DROP TRIGGER complaints_figures_insert; DROP TRIGGER complaints_figures_update;
         DROP TRIGGER complaints_figures_delete;",
    )?;
    Ok(connection.execute_batch(&triggers())?)
}

/// Schema version 3: the day column, the tables, their contents and the triggers.
pub fn migration(connection: &Connection) -> Result<(), DbError> {
    connection.execute_batch(&format!(
        "ALTER TABLE complaints ADD COLUMN submitted_day TEXT GENERATED ALWAYS AS ({KOSOVO_DAY}) VIRTUAL;
         {TABLES}
         DROP INDEX complaints_figures;
         -- One institution's figures are tallied from its complaints, read from this index alone.
         DROP INDEX complaints_institution_submitted;
         CREATE INDEX complaints_institution_submitted ON complaints(institution_id, submitted_at,
             category_id, municipality_id, status, acknowledged_on_time, transfers, rating_stars,
             answer_due, ack_due, first_response_hours);"
    ))?;
    rebuild(&Conn::sqlite(connection))?;
    Ok(connection.execute_batch(&triggers())?)
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Duration, TimeZone, Utc};

    use super::KOSOVO_DAY;
    use crate::calendar::kosovo_date;

    /// The SQL day agrees with the server's own Kosovo calendar at every quarter hour around
    /// both summer-time changes and the year's end, for several years.
    #[test]
    fn the_sql_day_is_the_kosovo_date() {
        let connection = rusqlite::Connection::open_in_memory().unwrap();
        let mut statement = connection
            .prepare(&format!(
                "SELECT {}",
                KOSOVO_DAY.replace("submitted_at", "?1")
            ))
            .unwrap();
        let mut checked = 0;
        for year in 2025..2031 {
            for (month, day) in [(3, 24), (10, 24), (12, 31), (6, 15)] {
                let start = Utc.with_ymd_and_hms(year, month, day, 0, 0, 0).unwrap();
                for quarter in 0..(9 * 24 * 4) {
                    let at: DateTime<Utc> = start + Duration::minutes(15 * quarter);
                    let sql: String = statement
                        .query_row([at.to_rfc3339()], |r| r.get(0))
                        .unwrap();
                    assert_eq!(sql, kosovo_date(at).to_string(), "at {at}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 20_000);
    }
}
