//! The SQL of the trainees and the exercises they have done, in the real database.

use crate::db::{Conn, OptionalExtension};
use crate::params;
use chrono::{DateTime, Utc};

use super::{Exercise, Trainee};

pub struct NewTrainee<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub institution_id: &'a str,
    pub entry_code: &'a str,
    pub created_by: i64,
}

pub fn insert(c: &Conn, trainee: &NewTrainee<'_>, now: DateTime<Utc>) -> crate::db::Result<()> {
    c.execute(
        "INSERT INTO trainees (id, name, institution_id, entry_code, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            trainee.id,
            trainee.name,
            trainee.institution_id,
            trainee.entry_code,
            trainee.created_by,
            now.to_rfc3339()
        ],
    )?;
    Ok(())
}

/// Every trainee with the exercises recorded for them, newest first.
pub fn list(c: &Conn) -> crate::db::Result<Vec<Trainee>> {
    let mut statement = c.prepare_cached(
        "SELECT id, name, institution_id, entry_code FROM trainees ORDER BY created_at DESC, name",
    )?;
    let mut trainees = statement
        .query_map((), |r| {
            Ok(Trainee {
                id: r.get(0)?,
                name: r.get(1)?,
                institution_id: r.get(2)?,
                entry_code: r.get(3)?,
                done: Vec::new(),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut done =
        c.prepare_cached("SELECT trainee_id, exercise, completed_at FROM training_completions")?;
    let rows = done.query_map((), |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    for row in rows {
        let (trainee, exercise, at) = row?;
        if let (Some(t), Some(e)) = (
            trainees.iter_mut().find(|t| t.id == trainee),
            Exercise::parse(&exercise),
        ) {
            t.done.push((e, at));
        }
    }
    Ok(trainees)
}

pub fn by_entry_code(c: &Conn, code: &str) -> crate::db::Result<Option<String>> {
    c.query_row(
        "SELECT id FROM trainees WHERE entry_code = ?1",
        [code],
        |r| r.get(0),
    )
    .optional()
}

pub fn name_and_sandbox(c: &Conn, id: &str) -> crate::db::Result<Option<(String, Option<String>)>> {
    c.query_row(
        "SELECT name, sandbox_file FROM trainees WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
}

pub fn name_and_institution(c: &Conn, id: &str) -> crate::db::Result<(String, String)> {
    c.query_row(
        "SELECT name, institution_id FROM trainees WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

pub fn set_sandbox(c: &Conn, id: &str, file: &str) -> crate::db::Result<()> {
    c.execute(
        "UPDATE trainees SET sandbox_file = ?1 WHERE id = ?2",
        params![file, id],
    )?;
    Ok(())
}

pub fn mark_reset(c: &Conn, id: &str, now: DateTime<Utc>) -> crate::db::Result<()> {
    c.execute(
        "UPDATE trainees SET reset_at = ?1 WHERE id = ?2",
        params![now.to_rfc3339(), id],
    )?;
    Ok(())
}

/// The ids of the exercises recorded for the trainee.
pub fn completed(c: &Conn, id: &str) -> crate::db::Result<Vec<String>> {
    let mut statement =
        c.prepare_cached("SELECT exercise FROM training_completions WHERE trainee_id = ?1")?;
    statement.query_map([id], |r| r.get(0))?.collect()
}

/// Records exercises done at `at`; one recorded before keeps its first time.
pub fn record_completions(
    c: &Conn,
    id: &str,
    done: &[Exercise],
    at: DateTime<Utc>,
) -> crate::db::Result<()> {
    for exercise in done {
        c.execute(
            "INSERT INTO training_completions (trainee_id, exercise, completed_at)
             VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
            params![id, exercise.id(), at.to_rfc3339()],
        )?;
    }
    Ok(())
}
