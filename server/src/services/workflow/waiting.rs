//! A complaint waiting for its citizen's answer: the wait starting with a question, and ending
//! with the answer (back to the status it left, its answer due date moved on by exactly the
//! working days it waited), or with a decision or transfer. Hours spent waiting before the
//! first response are kept apart, so response times leave them out. A wait unanswered for the
//! category's `answer_wait_working_days` lets staff close the complaint for that reason.
//!
//! A working day counts as waited when it began with the complaint waiting: asked on a Friday
//! and answered the next Tuesday, with a holiday on the Monday, is one day (the Tuesday).

use chrono::{DateTime, NaiveDate, Utc};
use protocol::api::Status;
use protocol::calendar::Calendar;
use protocol::i18n::Arg;

use crate::calendar::{kosovo_date, load_between};
use crate::db::{CachedQuery, Conn, OptionalExtension};
use crate::messages::localizer;
use crate::params;
use crate::services::ServiceError;
use crate::services::mail::letters::language_of;

/// Starts a wait at `at`, or carries on one already running (a second question does not
/// restart it). `resume` is the status the answer brings the complaint back to.
pub fn start(c: &Conn, id: &str, at: &str, resume: Status) -> Result<(), ServiceError> {
    c.cached_execute(
        "UPDATE complaints SET status = 'waiting_for_citizen',
            waiting_since = coalesce(waiting_since, ?1), resume_status = coalesce(resume_status, ?2)
         WHERE id = ?3",
        params![at, resume.as_str(), id],
    )?;
    Ok(())
}

/// How a wait ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The citizen answered: back to work, the due date moved on.
    Answered,
    /// Staff decided or transferred the complaint; its status is theirs to set.
    Closed,
}

/// A running wait, as the complaint row holds it.
struct Wait {
    since: DateTime<Utc>,
    resume: Status,
    answer_due: NaiveDate,
    responded: bool,
}

fn wait_of(c: &Conn, id: &str) -> Result<Option<Wait>, ServiceError> {
    let row: Option<(Option<String>, Option<String>, String, bool)> = c
        .cached_row(
            "SELECT waiting_since, resume_status, answer_due, first_response_at IS NOT NULL
             FROM complaints WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((Some(since), resume, answer_due, responded)) = row else {
        return Ok(None);
    };
    let broken = |what: &str| ServiceError::Internal(format!("complaint {id}: its {what}"));
    Ok(Some(Wait {
        since: DateTime::parse_from_rfc3339(&since)
            .map_err(|_| broken("waiting time"))?
            .with_timezone(&Utc),
        resume: resume
            .and_then(|s| s.parse().ok())
            .unwrap_or(Status::Received),
        answer_due: answer_due.parse().map_err(|_| broken("due date"))?,
        responded,
    }))
}

/// The working days a wait from `since` to `now` took, with the calendar that counted them
/// (holidays up to where the due date can move).
fn waited(
    c: &Conn,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
    answer_due: NaiveDate,
) -> Result<(u32, Calendar), ServiceError> {
    let (from, until) = (kosovo_date(since), kosovo_date(now));
    let span = u32::try_from((until - from).num_days().max(0)).unwrap_or(u32::MAX);
    let horizon = Calendar::horizon(until.max(answer_due), span);
    let calendar = load_between(c, from.min(answer_due), horizon)?;
    Ok((calendar.working_days_between(from, until), calendar))
}

/// Ends the wait of complaint `id` at `now`, if it is waiting; answers the status it goes back
/// to when the citizen answered.
pub fn end(
    c: &Conn,
    id: &str,
    now: DateTime<Utc>,
    ending: Ending,
) -> Result<Option<Status>, ServiceError> {
    let Some(wait) = wait_of(c, id)? else {
        return Ok(None);
    };
    // Only an answer moves the due date: a transfer has just set the new institution's, and a
    // closed complaint has none to meet.
    let due = match ending {
        Ending::Answered => {
            let (days, calendar) = waited(c, wait.since, now, wait.answer_due)?;
            calendar.add_working_days(wait.answer_due, days)
        }
        Ending::Closed => current_due(c, id)?,
    };
    let hours = if wait.responded {
        0.0
    } else {
        (now - wait.since).num_seconds().max(0) as f64 / 3600.0
    };
    let status = match ending {
        Ending::Answered => Some(wait.resume),
        Ending::Closed => None,
    };
    c.cached_execute(
        "UPDATE complaints SET status = coalesce(?1, status), answer_due = ?2, waiting_since = NULL,
            resume_status = NULL, waited_hours = waited_hours + ?3 WHERE id = ?4",
        params![status.map(Status::as_str), due.to_string(), hours, id],
    )?;
    Ok(status)
}

fn current_due(c: &Conn, id: &str) -> Result<NaiveDate, ServiceError> {
    let due: String = c.cached_row(
        "SELECT answer_due FROM complaints WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    due.parse()
        .map_err(|_| ServiceError::Internal(format!("complaint {id}: its due date")))
}

/// The standard reason for closing complaint `id` unanswered, in its citizen's language; a
/// conflict while it has waited less than its category's working days.
pub fn unanswered_reason(c: &Conn, id: &str, now: DateTime<Utc>) -> Result<String, ServiceError> {
    let wait = wait_of(c, id)?.ok_or(ServiceError::Conflict {
        code: "invalid_transition",
    })?;
    let (language, limit): (String, u32) = c.cached_row(
        "SELECT c.language, k.answer_wait_working_days FROM complaints c
         JOIN categories k ON k.id = c.category_id WHERE c.id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let (days, _) = waited(c, wait.since, now, wait.answer_due)?;
    if days < limit {
        return Err(ServiceError::Conflict {
            code: "still_waiting_for_answer",
        });
    }
    let language = language_of(&language);
    let asked = protocol::time::format_date(language, kosovo_date(wait.since));
    Ok(localizer(language).format(
        "closing-unanswered",
        &[
            ("date", Arg::from(asked.as_str())),
            ("days", Arg::Number(i64::from(limit))),
        ],
    ))
}
