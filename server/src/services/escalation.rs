//! Overdue complaints escalate by themselves. A complaint still open (not resolved or
//! rejected) a number of working days after its answer deadline (its category's
//! `escalate_working_days`, 5 unless an administrator sets another) goes to its institution's
//! supervising body, the institution's parent: a municipal directorate to the mayor's office,
//! a mayor's office to the Ministry of Local Government Administration, an agency to its
//! ministry. Its status stays what it was; the escalation is recorded on the complaint and in
//! the audit log, where the citizen sees it ("escalated to …"). An institution with no parent
//! (the Government, the Assembly) escalates to no one.
//!
//! Runs as the scheduled job [`JOB`] (`schedule.rs`): once per period whichever servers run,
//! and each complaint once only, since one already escalated is never a candidate again.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde_json::json;

use crate::calendar::{Calendar, kosovo_date, load_between};
use crate::db::Conn;
use crate::params;
use crate::services::ServiceError;
use crate::services::audit::{Actor, AuditEntry, audit};

/// The scheduled job's name, its lease's key.
pub const JOB: &str = "escalation";

/// The most complaints one run escalates: the rest wait for the next run, so that one run
/// never holds the writer long.
const PER_RUN: i64 = 500;

/// The open statuses: what an institution still owes an answer on.
const OPEN: &str = "('submitted', 'received', 'in_progress', 'transferred', 'reopened')";

/// A complaint escalated, and to whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Escalation {
    pub complaint: String,
    pub to: String,
}

/// The latest answer deadline that has passed by `days` working days on `today`: a complaint
/// due on or before it is due for escalation.
fn latest_deadline_escalating(calendar: &Calendar, today: NaiveDate, days: u32) -> NaiveDate {
    let mut deadline = today - Duration::days(1);
    while calendar.add_working_days(deadline, days) > today {
        deadline -= Duration::days(1);
    }
    deadline
}

/// Escalates every complaint due for escalation at `now` (at most [`PER_RUN`]), the longest
/// overdue first; answers what it escalated. Run it on the writer.
pub fn escalate_due(c: &Conn, now: DateTime<Utc>) -> Result<Vec<Escalation>, ServiceError> {
    let today = kosovo_date(now);
    let grace: Vec<i64> = c.query_map(
        "SELECT DISTINCT escalate_working_days FROM categories",
        (),
        |r| r.get(0),
    )?;
    let longest = grace.iter().copied().max().unwrap_or(0).clamp(0, 365);
    let calendar = load_between(c, today - Duration::days(longest * 7 / 5 + 60), today)?;
    let mut escalated = Vec::new();
    for days in grace {
        let Ok(days) = u32::try_from(days) else {
            continue;
        };
        let latest = latest_deadline_escalating(&calendar, today, days);
        let due: Vec<(String, String)> = c.query_map(
            &format!(
                "SELECT c.id, i.parent_id FROM complaints c
                 JOIN categories k ON k.id = c.category_id
                 JOIN institutions i ON i.id = c.institution_id
                 WHERE c.status IN {OPEN} AND c.escalated_at IS NULL AND c.answer_due <= ?1
                   AND k.escalate_working_days = ?2 AND i.parent_id IS NOT NULL
                 ORDER BY c.answer_due, c.id LIMIT ?3"
            ),
            params![
                latest.to_string(),
                i64::from(days),
                PER_RUN - escalated.len() as i64
            ],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        for (complaint, to) in due {
            escalate(c, now, &complaint, &to)?;
            escalated.push(Escalation { complaint, to });
        }
        if escalated.len() as i64 >= PER_RUN {
            break;
        }
    }
    Ok(escalated)
}

fn escalate(c: &Conn, now: DateTime<Utc>, id: &str, to: &str) -> Result<(), ServiceError> {
    c.execute(
        "UPDATE complaints SET escalated_at = ?1, escalated_to = ?2 WHERE id = ?3",
        params![now.to_rfc3339(), to, id],
    )?;
    audit(
        c,
        now,
        AuditEntry {
            actor: Actor::System,
            action: "escalated",
            complaint: Some(id),
            citizen_visible: true,
            before: None,
            after: Some(json!({ "escalated_to": to })),
            text: None,
        },
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_grace_counts_working_days_only() {
        let calendar = Calendar::new([date("2026-12-25")]);
        // Tuesday 29 December: five working days back, over Christmas and a weekend, is a
        // deadline of Monday 21 December (22, 23, 24, 28, 29 are the five).
        let latest = latest_deadline_escalating(&calendar, date("2026-12-29"), 5);
        assert_eq!(latest, date("2026-12-21"));
        assert_eq!(calendar.add_working_days(latest, 5), date("2026-12-29"));
        assert!(calendar.add_working_days(latest + Duration::days(1), 5) > date("2026-12-29"));
        // No grace: any deadline before today.
        assert_eq!(
            latest_deadline_escalating(&calendar, date("2026-12-29"), 0),
            date("2026-12-28")
        );
    }
}
