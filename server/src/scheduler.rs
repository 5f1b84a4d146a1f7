//! The scheduled jobs' driver: every `jobs_every_seconds` it asks whether a job is due and, if
//! this server takes its lease, runs it (`services::schedule`): escalating overdue complaints,
//! queueing the daily digests, erasing personal data past its time (`services::retention`), and
//! taking the scheduled backups (`crate::backup`). The jobs themselves are
//! services; this only keeps time. A job that fails is logged and tried again when next due.

use std::sync::Arc;
use std::time::Duration;

use chrono::Duration as Span;

use crate::services::escalation::{self, Escalation};
use crate::services::mail::digest;
use crate::services::retention;
use crate::services::{ServiceError, schedule};
use crate::state::AppState;

/// This server's name on the leases it takes: one per process.
fn holder() -> &'static str {
    static HOLDER: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HOLDER.get_or_init(|| format!("server-{}", uuid::Uuid::new_v4().simple()))
}

/// Escalates the complaints due for it, if escalation is due and this server takes its lease:
/// what it escalated, or `None` if the job was not this server's to run now.
pub async fn escalate_if_due(state: &AppState) -> Result<Option<Vec<Escalation>>, ServiceError> {
    let now = state.clock.now();
    let every = Span::minutes(state.config.escalation_minutes.max(1));
    state
        .db
        .call(move |c| {
            if schedule::take_if_due(c, escalation::JOB, holder(), now, every)? {
                escalation::escalate_due(c, now).map(Some)
            } else {
                Ok(None)
            }
        })
        .await
}

/// How often the digest job looks whether the day's digests are due.
const DIGEST_EVERY_MINUTES: i64 = 15;

/// Queues the day's digests once their time has come, if the job is due and this server takes
/// its lease: how many it queued, or `None` if the job was not this server's to run now.
pub async fn queue_digests_if_due(state: &AppState) -> Result<Option<usize>, ServiceError> {
    let now = state.clock.now();
    let at = state.config.digest_at;
    state
        .db
        .call(move |c| {
            let every = Span::minutes(DIGEST_EVERY_MINUTES);
            if schedule::take_if_due(c, digest::JOB, holder(), now, every)? {
                digest::queue_due(c, now, at).map(Some)
            } else {
                Ok(None)
            }
        })
        .await
}

/// How often the retention job looks for personal data due for erasure.
const RETENTION_EVERY_MINUTES: i64 = 60;

/// Erases the personal data whose time has come, if the job is due and this server takes its
/// lease (and, where the deployment's policy says so, what people wrote), then the photo files
/// nothing refers to any more: the complaints erased, or `None` if the job was not this
/// server's to run now.
pub async fn erase_if_due(state: &AppState) -> Result<Option<Vec<String>>, ServiceError> {
    let now = state.clock.now();
    let after_days = state.config.erase_personal_after_days;
    let redact_after = state.config.redact_texts_after_days;
    let erased = state
        .db
        .call(move |c| {
            let every = Span::minutes(RETENTION_EVERY_MINUTES);
            if schedule::take_if_due(c, retention::JOB, holder(), now, every)? {
                let requested = retention::take_erased_note(c)?;
                let erased = retention::erase_due(c, now, after_days)?;
                let redacted = match redact_after {
                    Some(days) => retention::redact_due(c, now, days)?,
                    None => Vec::new(),
                };
                Ok::<_, ServiceError>(Some((erased, requested || !redacted.is_empty())))
            } else {
                Ok(None)
            }
        })
        .await?;
    let Some((erased, requested)) = erased else {
        return Ok(None);
    };
    for digest in erased.iter().flat_map(|e| e.photo_files.iter()) {
        state
            .photos
            .delete_if_unused(&state.db, digest.clone())
            .await;
    }
    if !erased.is_empty() || requested {
        let database = state.config.database.clone();
        tokio::task::spawn_blocking(move || crate::db::snapshots::purge_journal(&database))
            .await
            .map_err(|e| ServiceError::Internal(e.to_string()))?
            .map_err(|e| ServiceError::Internal(format!("after erasing: {e}")))?;
    }
    Ok(Some(erased.into_iter().map(|e| e.complaint).collect()))
}

/// The scheduled backups' job, on the leases.
const BACKUP_JOB: &str = "backup";

/// Takes a backup into the backup folder if one is set, the job is due and this server takes
/// its lease, and deletes the oldest beyond the number kept: the new archive, or `None` if there
/// was none to take now.
pub async fn backup_if_due(state: &AppState) -> Result<Option<std::path::PathBuf>, ServiceError> {
    let Some(dir) = state.config.backup_dir.clone() else {
        return Ok(None);
    };
    let now = state.clock.now();
    let every = Span::hours(state.config.backup_every_hours.max(1));
    let ours = state
        .db
        .call(move |c| schedule::take_if_due(c, BACKUP_JOB, holder(), now, every))
        .await?;
    if !ours {
        return Ok(None);
    }
    let config = state.config.clone();
    let archive = dir.join(format!("zeri-{}.tar.gz", now.format("%Y%m%d-%H%M%S")));
    tokio::task::spawn_blocking(move || {
        std::fs::create_dir_all(&dir)?;
        crate::backup::backup(&config.database, &config.data_dir, &archive)?;
        crate::backup::prune(
            &dir,
            usize::try_from(config.backups_kept).unwrap_or(usize::MAX),
        )?;
        Ok::<_, crate::backup::BackupError>(archive)
    })
    .await
    .map_err(|e| ServiceError::Internal(e.to_string()))?
    .map(Some)
    .map_err(|e| ServiceError::Internal(format!("a scheduled backup: {e}")))
}

/// The running jobs, stopped when this is dropped.
pub struct Jobs(tokio::task::JoinHandle<()>);

impl Drop for Jobs {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Runs the jobs as they fall due, until the answer is dropped (none if the setting is 0).
pub fn spawn(state: AppState) -> Option<Jobs> {
    let seconds = state.config.jobs_every_seconds;
    if seconds == 0 {
        return None;
    }
    let state = Arc::new(state);
    Some(Jobs(tokio::spawn(async move {
        let mut ticks = tokio::time::interval(Duration::from_secs(seconds));
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            match escalate_if_due(&state).await {
                Ok(Some(escalated)) if !escalated.is_empty() => {
                    tracing::info!(count = escalated.len(), "escalated overdue complaints");
                }
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "escalating overdue complaints"),
            }
            match queue_digests_if_due(&state).await {
                Ok(Some(queued)) if queued > 0 => tracing::info!(queued, "daily digests"),
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "queueing the daily digests"),
            }
            match erase_if_due(&state).await {
                Ok(Some(erased)) if !erased.is_empty() => {
                    tracing::info!(count = erased.len(), "erased personal data past its time");
                }
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "erasing personal data"),
            }
            match backup_if_due(&state).await {
                Ok(Some(archive)) => tracing::info!(archive = %archive.display(), "backed up"),
                Ok(None) => {}
                Err(error) => tracing::warn!(%error, "taking a scheduled backup"),
            }
        }
    })))
}
