//! Inside a sandbox: what its exercises are about (kept in its settings table when it is
//! seeded) and what its audit log says the trainee has done.

use crate::db::{Conn, OptionalExtension};
use crate::params;

use super::{Exercise, TRAINEE_USERNAME};
use crate::db::Db;
use crate::services::ServiceError;

/// The complaints the exercises are about and still in the trainee's inbox, as the exercises
/// page points to them.
pub struct ExerciseComplaints {
    /// (id, tracking code) of the complaints that are the trainee's institution's own.
    pub own: Vec<(String, String)>,
    /// The one a wrong routing rule sent to the trainee's institution.
    pub misrouted: Option<(String, String)>,
}

/// What a sandbox recorded about its exercises (`training.*` in its settings table).
fn setting(c: &Conn, key: &str) -> crate::db::Result<Option<String>> {
    c.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
        r.get(0)
    })
    .optional()
}

/// Records, in a freshly seeded sandbox, who the trainee is and which complaints the exercises
/// are about: the institution's own, and the misrouted one with where it belongs.
pub fn record_exercise_setup(
    c: &Conn,
    trainee: i64,
    own: &[String],
    misrouted: &str,
    misrouted_to: &str,
) -> crate::db::Result<()> {
    for (key, value) in [
        ("training.trainee", trainee.to_string()),
        ("training.own", own.join(",")),
        ("training.misrouted", misrouted.to_owned()),
        ("training.misrouted_to", misrouted_to.to_owned()),
    ] {
        c.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
    }
    Ok(())
}

/// The exercise complaints still with the trainee's institution (a transferred one has left it).
pub async fn exercise_complaints(sandbox: &Db) -> Result<ExerciseComplaints, ServiceError> {
    sandbox
        .read(|c| {
            let tracking = |id: &str| -> Result<Option<(String, String)>, ServiceError> {
                Ok(c.query_row(
                    "SELECT x.id, x.tracking_code FROM complaints x
                     JOIN staff s ON s.institution_id = x.institution_id
                     WHERE x.id = ?1 AND s.username = ?2",
                    params![id, TRAINEE_USERNAME],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?)
            };
            let own = setting(c, "training.own")?
                .unwrap_or_default()
                .split(',')
                .filter(|s| !s.is_empty())
                .map(tracking)
                .collect::<Result<Vec<_>, _>>()?
                .into_iter()
                .flatten()
                .collect();
            let misrouted = match setting(c, "training.misrouted")? {
                Some(id) => tracking(&id)?,
                None => None,
            };
            Ok(ExerciseComplaints { own, misrouted })
        })
        .await
}

/// The trainee's own account in the sandbox.
pub async fn trainee_staff_id(sandbox: &Db) -> Result<i64, ServiceError> {
    sandbox
        .read(|c| {
            Ok(c.query_row(
                "SELECT id FROM staff WHERE username = ?1",
                [TRAINEE_USERNAME],
                |r| r.get::<_, i64>(0),
            )?)
        })
        .await
}

/// What the trainee has done in this sandbox, from its audit log.
pub async fn exercises_done(sandbox: &Db) -> Result<Vec<Exercise>, ServiceError> {
    sandbox.read(|c| Ok(done_in(c)?)).await
}

fn done_in(c: &Conn) -> crate::db::Result<Vec<Exercise>> {
    let Some(trainee) = setting(c, "training.trainee")?.and_then(|s| s.parse::<i64>().ok()) else {
        return Ok(Vec::new());
    };
    let did = |action: &str| -> crate::db::Result<bool> {
        c.query_row(
            "SELECT EXISTS(SELECT 1 FROM audit_log WHERE actor_kind = 'staff' AND actor_id = ?1 AND action = ?2)",
            params![trainee, action],
            |r| r.get(0),
        )
    };
    let transferred_right = match (
        setting(c, "training.misrouted")?,
        setting(c, "training.misrouted_to")?,
    ) {
        (Some(complaint), Some(to)) => c.query_row(
            "SELECT EXISTS(SELECT 1 FROM audit_log a JOIN complaints x ON x.id = a.complaint_id
                 WHERE a.actor_id = ?1 AND a.action = 'transferred' AND a.complaint_id = ?2
                   AND x.institution_id = ?3)",
            params![trainee, complaint, to],
            |r| r.get(0),
        )?,
        _ => false,
    };
    let mut done = Vec::new();
    for exercise in Exercise::ALL {
        let yes = match exercise {
            Exercise::Acknowledge => did("acknowledged")?,
            Exercise::Reply => did("replied")?,
            Exercise::Transfer => transferred_right,
            Exercise::Resolve => did("resolved")?,
            Exercise::ExportStatistics => did("statistics_exported")?,
        };
        if yes {
            done.push(exercise);
        }
    }
    Ok(done)
}
