//! `zeri-server migrate-store --from <sqlite file> --to postgres://…`: moves a deployment from
//! its SQLite file onto PostgreSQL. Every table of record arrives row for row (complaints,
//! photos' records, reopenings, the audit log, staff, settings, campaigns and their visits,
//! trainees, the reference data); what is derived is made again on the target (the daily totals,
//! by [`figures::rebuild`]; the search index, by its triggers); staff sessions stay behind, so
//! everyone logs in again. The target must be empty: the command refuses to write into a
//! database that holds anything. Photos' files stay in the data folder, which the PostgreSQL
//! servers share.

use indicatif::{ProgressBar, ProgressStyle};

use crate::db::{Conn, Db, DbError, Value, figures};

/// The tables that are copied, parents before children.
pub const TABLES: [&str; 24] = [
    "municipalities",
    "institutions",
    "categories",
    "routing_rules",
    "holidays",
    "staff",
    "recovery_codes",
    "response_templates",
    "complaints",
    "photos",
    "reopen_requests",
    "citizen_messages",
    "audit_log",
    "audit_texts",
    "personal_data_views",
    "settings",
    "campaigns",
    "campaign_visits",
    "trainees",
    "training_completions",
    "mail_queue",
    "mail_stops",
    "push_tokens",
    "push_queue",
];

/// The tables that stay behind, and why: sessions and login challenges (everyone logs in
/// again), what is made again
/// from the tables of record (the daily totals), and what only a running server holds for a
/// moment (photo pins, the leases of scheduled jobs) or keeps for itself (the reference
/// version, which the target starts at its own).
pub const LEFT_BEHIND: [&str; 7] = [
    "sessions",
    "login_challenges",
    "daily_figures",
    "daily_open",
    "photo_pins",
    "job_leases",
    "reference_version",
];

/// Rows written to the target in one transaction.
const BATCH: usize = 500;

#[derive(Debug, thiserror::Error)]
pub enum MoveError {
    #[error("{0}")]
    Database(#[from] DbError),
    #[error(
        "the target already holds data (table {0} is not empty): move into a new, empty database"
    )]
    TargetNotEmpty(&'static str),
    #[error("table {table}: {copied} rows arrived of {expected}")]
    Incomplete {
        table: &'static str,
        copied: i64,
        expected: i64,
    },
}

/// What was moved: each table and its rows.
#[derive(Debug, Default)]
pub struct Moved {
    pub tables: Vec<(&'static str, i64)>,
}

/// Moves everything from `source` (SQLite) into the empty `target` (PostgreSQL), showing
/// progress on standard error when `progress` is set.
pub async fn move_store(source: &Db, target: &Db, progress: bool) -> Result<Moved, MoveError> {
    for table in TABLES {
        if !target.read(move |c| crate::db::is_empty(c, table)).await? {
            return Err(MoveError::TargetNotEmpty(table));
        }
    }
    let mut counts = Vec::new();
    for table in TABLES {
        let rows: i64 = source.read(move |c| count(c, table)).await?;
        counts.push((table, rows));
    }
    let total: i64 = counts.iter().map(|(_, rows)| rows).sum();
    let bar = if progress {
        ProgressBar::new(u64::try_from(total).unwrap_or(0))
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{msg:>20} [{bar:40}] {pos}/{len} rows ({eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    for &(table, _) in &counts {
        bar.set_message(table);
        copy_table(source, target, table, &bar).await?;
    }
    bar.set_message("daily totals");
    target
        .call(|c| -> Result<(), DbError> {
            figures::rebuild(c)?;
            restart_identities(c)
        })
        .await?;
    bar.finish_with_message("done");
    let mut moved = Moved::default();
    for (table, expected) in counts {
        let copied = target.read(move |c| count(c, table)).await?;
        if copied != expected {
            return Err(MoveError::Incomplete {
                table,
                copied,
                expected,
            });
        }
        moved.tables.push((table, copied));
    }
    Ok(moved)
}

fn count(c: &Conn, table: &str) -> Result<i64, DbError> {
    c.query_row(&format!("SELECT COUNT(*) FROM {table}"), (), |r| r.get(0))
}

/// The columns of `table` the source stores (not the ones it computes).
fn stored_columns(c: &Conn, table: &str) -> Result<Vec<String>, DbError> {
    c.query_map(&format!("PRAGMA table_xinfo({table})"), (), |r| {
        Ok((r.get::<_, String>(1)?, r.get::<_, i64>(6)?))
    })
    .map(|columns| {
        columns
            .into_iter()
            .filter(|(_, hidden)| *hidden == 0)
            .map(|(name, _)| name)
            .collect()
    })
}

async fn copy_table(
    source: &Db,
    target: &Db,
    table: &'static str,
    bar: &ProgressBar,
) -> Result<(), MoveError> {
    let columns = source.read(move |c| stored_columns(c, table)).await?;
    let list = columns.join(", ");
    let placeholders: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    let insert = format!(
        "INSERT INTO {table} ({list}) VALUES ({})",
        placeholders.join(", ")
    );
    // Pages in the source's row order, so a table of a million rows is never held at once.
    let page =
        format!("SELECT rowid, {list} FROM {table} WHERE rowid > ?1 ORDER BY rowid LIMIT {BATCH}");
    let width = columns.len();
    let mut after = i64::MIN;
    loop {
        let sql = page.clone();
        let rows: Vec<Vec<Value>> = source
            .read(move |c| {
                c.query_map(&sql, [after], |r| {
                    (0..=width).map(|i| r.get::<_, Value>(i)).collect()
                })
            })
            .await?;
        let Some(last) = rows.last() else { break };
        after = match last.first() {
            Some(Value::Int(rowid)) => *rowid,
            _ => break,
        };
        let written = rows.len();
        let sql = insert.clone();
        target
            .call(move |c| -> Result<(), DbError> {
                // Institutions name parents that may come later in the same table.
                c.execute_batch("SET CONSTRAINTS ALL DEFERRED")?;
                for row in rows {
                    c.execute(&sql, row.into_iter().skip(1).collect::<Vec<_>>())?;
                }
                Ok(())
            })
            .await?;
        bar.inc(written as u64);
    }
    Ok(())
}

/// Identity columns continue after the ids that were copied.
fn restart_identities(c: &Conn) -> Result<(), DbError> {
    let identities: Vec<(String, String)> = c.query_map(
        "SELECT table_name, column_name FROM information_schema.columns
         WHERE table_schema = current_schema() AND is_identity = 'YES'",
        (),
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    for (table, column) in identities {
        c.execute_batch(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', '{column}'),
                 GREATEST((SELECT MAX({column}) FROM {table}), 1))"
        ))?;
    }
    Ok(())
}
