//! Training records: the trainees an administrator adds, the link code each enters their
//! sandbox with, and the exercises each has done, kept in the real database so a reset of a
//! sandbox forgets no one; and, inside a sandbox, what its audit log says the trainee did.
//! Building and serving the sandboxes themselves is `crate::training`'s.

mod progress;
mod trainees;

use chrono::{DateTime, Utc};

pub use progress::{
    ExerciseComplaints, exercise_complaints, exercises_done, record_exercise_setup,
    trainee_staff_id,
};

use crate::auth::{self, StaffMember};
use crate::db::Db;
use crate::services::ServiceError;

/// The trainee's own login inside their sandbox (the demo password, like every demo account).
pub const TRAINEE_USERNAME: &str = "trainee";

/// The longest trainee name.
pub const NAME_MAX: usize = 120;

/// What a trainee practises, in the order the exercises page lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Exercise {
    Acknowledge,
    Reply,
    Transfer,
    Resolve,
    ExportStatistics,
}

impl Exercise {
    pub const ALL: [Exercise; 5] = [
        Exercise::Acknowledge,
        Exercise::Reply,
        Exercise::Transfer,
        Exercise::Resolve,
        Exercise::ExportStatistics,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Exercise::Acknowledge => "acknowledge",
            Exercise::Reply => "reply",
            Exercise::Transfer => "transfer",
            Exercise::Resolve => "resolve",
            Exercise::ExportStatistics => "export",
        }
    }

    pub fn parse(id: &str) -> Option<Exercise> {
        Exercise::ALL.into_iter().find(|e| e.id() == id)
    }
}

/// A trainee, as the trainer's page lists them.
#[derive(Debug, Clone)]
pub struct Trainee {
    pub id: String,
    pub name: String,
    pub institution_id: String,
    pub entry_code: String,
    /// Exercises done, with when each was first done.
    pub done: Vec<(Exercise, String)>,
}

impl Trainee {
    /// Done with every exercise: counted as trained.
    pub fn trained(&self) -> bool {
        Exercise::ALL
            .iter()
            .all(|e| self.done.iter().any(|(d, _)| d == e))
    }

    /// When the last exercise was done, once all are.
    pub fn trained_on(&self) -> Option<&str> {
        self.trained()
            .then(|| self.done.iter().map(|(_, at)| at.as_str()).max())
            .flatten()
    }
}

/// A trainee who cannot be added as asked: a name missing or too long, or an institution that
/// does not exist or takes no complaints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidTrainee;

/// `bytes` random characters that read without ambiguity (no 0/o, 1/l).
pub fn random_id(bytes: usize) -> Result<String, ServiceError> {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    let random = auth::random_bytes::<32>()?;
    Ok(random[..bytes]
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect())
}

/// Adds a trainee with a fresh link code (administrators only); answers their id, or why the
/// trainer's form must change.
pub async fn add(
    hub: &Db,
    staff: &StaffMember,
    name: &str,
    institution_id: &str,
    now: DateTime<Utc>,
) -> Result<Result<String, InvalidTrainee>, ServiceError> {
    staff.require_admin()?;
    let name = name.trim().to_owned();
    let institution_id = institution_id.to_owned();
    let known = crate::services::institutions::is_active(hub, institution_id.clone()).await?;
    if name.is_empty() || name.chars().count() > NAME_MAX || !known {
        return Ok(Err(InvalidTrainee));
    }
    let (id, entry_code) = (random_id(10)?, random_id(24)?);
    let created_by = staff.id;
    let trainee = id.clone();
    hub.call(move |c| {
        Ok::<_, ServiceError>(trainees::insert(
            c,
            &trainees::NewTrainee {
                id: &trainee,
                name: &name,
                institution_id: &institution_id,
                entry_code: &entry_code,
                created_by,
            },
            now,
        )?)
    })
    .await?;
    Ok(Ok(id))
}

/// Every trainee with the exercises recorded for them, newest first.
pub async fn list(hub: &Db) -> Result<Vec<Trainee>, ServiceError> {
    hub.read(|c| Ok(trainees::list(c)?)).await
}

/// The trainee a link's code belongs to.
pub async fn trainee_for_code(hub: &Db, code: &str) -> Result<Option<String>, ServiceError> {
    let code = code.to_owned();
    hub.read(move |c| Ok(trainees::by_entry_code(c, &code)?))
        .await
}

/// A trainee's name and their current sandbox file, if there is such a trainee.
pub async fn name_and_sandbox(
    hub: &Db,
    trainee_id: &str,
) -> Result<Option<(String, Option<String>)>, ServiceError> {
    let id = trainee_id.to_owned();
    hub.read(move |c| Ok(trainees::name_and_sandbox(c, &id)?))
        .await
}

/// A trainee's name and institution.
pub async fn name_and_institution(
    hub: &Db,
    trainee_id: &str,
) -> Result<(String, String), ServiceError> {
    let id = trainee_id.to_owned();
    hub.read(move |c| Ok(trainees::name_and_institution(c, &id)?))
        .await
}

/// Records which file is now the trainee's sandbox.
pub async fn set_sandbox(hub: &Db, trainee_id: &str, file: String) -> Result<(), ServiceError> {
    let id = trainee_id.to_owned();
    hub.call(move |c| Ok(trainees::set_sandbox(c, &id, &file)?))
        .await
}

/// Records when the trainee's sandbox was last made afresh.
pub async fn mark_reset(
    hub: &Db,
    trainee_id: &str,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let id = trainee_id.to_owned();
    hub.call(move |c| Ok(trainees::mark_reset(c, &id, now)?))
        .await
}

/// Records exercises done (the first time each was done counts).
pub async fn record(
    hub: &Db,
    trainee_id: &str,
    done: &[Exercise],
    at: DateTime<Utc>,
) -> Result<(), ServiceError> {
    if done.is_empty() {
        return Ok(());
    }
    let (id, mut done) = (trainee_id.to_owned(), done.to_vec());
    // Most looks find nothing new: write only when there is.
    let trainee = id.clone();
    let known = hub
        .read(move |c| Ok::<_, ServiceError>(trainees::completed(c, &trainee)?))
        .await?;
    done.retain(|e| !known.iter().any(|k| k == e.id()));
    if done.is_empty() {
        return Ok(());
    }
    hub.call(move |c| Ok(trainees::record_completions(c, &id, &done, at)?))
        .await
}
