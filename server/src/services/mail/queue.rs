//! What each change queues, in the transaction that makes it: a step in a complaint's life
//! tells its author (if they left an email address and did not stop the emails); a complaint
//! reaching an institution (filed, or transferred to it) tells the institution's notification
//! address and each of its staff who asked for every new complaint; a complaint given to a
//! staff member tells them, unless they took it themselves; a citizen writing tells the staff
//! member handling it (the one it is given to, or else the one who last asked a question).

use chrono::{DateTime, Utc};

use super::Kind;
use crate::db::{Conn, Params, Value};
use crate::params;
use crate::services::ServiceError;

/// The steps of a complaint's life its author is told of by email: what the institution (or
/// the escalation) did, not what the citizen did themselves, and not a step that changes
/// nothing for them (work started).
pub const TOLD_TO_CITIZENS: [&str; 9] = [
    "submitted",
    "acknowledged",
    "replied",
    "asked",
    "resolved",
    "rejected",
    "closed_unanswered",
    "transferred",
    "escalated",
];

/// The steps that bring a complaint to an institution.
const NEW_AT_INSTITUTION: [&str; 2] = ["submitted", "transferred"];

/// Queues what audit record `event` (action `action` on complaint `complaint`, by staff member
/// `actor` if staff took it, written at `at`) should tell. Run it in the transaction that
/// wrote the record.
pub fn queue_for_event(
    tx: &Conn,
    at: DateTime<Utc>,
    event: i64,
    action: &str,
    complaint: &str,
    actor: Option<i64>,
) -> Result<(), ServiceError> {
    let at = at.to_rfc3339();
    if TOLD_TO_CITIZENS.contains(&action) {
        tx.execute(
            CITIZEN_SQL,
            params![Kind::CitizenUpdate.as_str(), event, at, complaint],
        )?;
    }
    if NEW_AT_INSTITUTION.contains(&action) {
        for (kind, sql) in [
            (Kind::InstitutionNew, INSTITUTION_SQL),
            (Kind::StaffNew, STAFF_NEW_SQL),
        ] {
            tx.execute(sql, params![kind.as_str(), event, at, complaint])?;
        }
    }
    if action == "assigned" {
        tx.execute(
            ASSIGNED_SQL,
            params![
                Kind::StaffAssigned.as_str(),
                event,
                at,
                complaint,
                actor.unwrap_or(0)
            ],
        )?;
    }
    if action == "citizen_wrote" {
        tx.execute(
            CITIZEN_WROTE_SQL,
            params![Kind::StaffCitizenWrote.as_str(), event, at, complaint],
        )?;
    }
    Ok(())
}

const CITIZEN_WROTE_SQL: &str = "INSERT INTO mail_queue (kind, complaint_id, event_id, staff_id, created_at, next_attempt_at)
     SELECT ?1, c.id, ?2, s.id, ?3, ?3 FROM complaints c JOIN staff s ON s.id = coalesce(c.assigned_to,
         (SELECT a.actor_id FROM audit_log a WHERE a.complaint_id = c.id AND a.action = 'asked'
          ORDER BY a.id DESC LIMIT 1))
     WHERE c.id = ?4 AND s.active = 1 AND s.email IS NOT NULL";

const CITIZEN_SQL: &str =
    "INSERT INTO mail_queue (kind, complaint_id, event_id, created_at, next_attempt_at)
     SELECT ?1, c.id, ?2, ?3, ?3 FROM complaints c
     WHERE c.id = ?4 AND c.contact_email IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM mail_stops s WHERE s.complaint_id = c.id)";

const INSTITUTION_SQL: &str = "INSERT INTO mail_queue (kind, complaint_id, event_id, institution_id, created_at, next_attempt_at)
     SELECT ?1, c.id, ?2, i.id, ?3, ?3 FROM complaints c JOIN institutions i ON i.id = c.institution_id
     WHERE c.id = ?4 AND i.notify_email IS NOT NULL AND i.notify_each_new = 1";

const STAFF_NEW_SQL: &str = "INSERT INTO mail_queue (kind, complaint_id, event_id, staff_id, created_at, next_attempt_at)
     SELECT ?1, c.id, ?2, s.id, ?3, ?3 FROM complaints c JOIN staff s ON s.institution_id = c.institution_id
     WHERE c.id = ?4 AND s.active = 1 AND s.email IS NOT NULL AND s.notify_new = 1";

const ASSIGNED_SQL: &str = "INSERT INTO mail_queue (kind, complaint_id, event_id, staff_id, created_at, next_attempt_at)
     SELECT ?1, c.id, ?2, s.id, ?3, ?3 FROM complaints c JOIN staff s ON s.id = c.assigned_to
     WHERE c.id = ?4 AND s.id <> ?5 AND s.active = 1 AND s.email IS NOT NULL AND s.notify_assigned = 1";

/// The statements that queue what a complaint's filing tells, to run right after its insert
/// and its first audit record and with them (`Conn::execute_together`): they queue nothing if
/// the insert did not store the complaint (its id was taken).
pub fn filed_statements(
    at: DateTime<Utc>,
    id: &str,
    tracking_code: &str,
) -> [(&'static str, Vec<Value>); 3] {
    let at = at.to_rfc3339();
    [
        (Kind::CitizenUpdate, FILED_CITIZEN_SQL),
        (Kind::InstitutionNew, FILED_INSTITUTION_SQL),
        (Kind::StaffNew, FILED_STAFF_SQL),
    ]
    .map(|(kind, sql)| {
        (
            sql,
            params![kind.as_str(), at, id, tracking_code].into_values(),
        )
    })
}

const FILED_CITIZEN_SQL: &str =
    "INSERT INTO mail_queue (kind, complaint_id, event_id, created_at, next_attempt_at)
     SELECT CAST(?1 AS TEXT), c.id, a.id, CAST(?2 AS TEXT), CAST(?2 AS TEXT)
     FROM complaints c JOIN audit_log a ON a.complaint_id = c.id AND a.action = 'submitted'
     WHERE c.id = ?3 AND c.tracking_code = ?4 AND c.contact_email IS NOT NULL";

const FILED_INSTITUTION_SQL: &str = "INSERT INTO mail_queue (kind, complaint_id, event_id, institution_id, created_at, next_attempt_at)
     SELECT CAST(?1 AS TEXT), c.id, a.id, i.id, CAST(?2 AS TEXT), CAST(?2 AS TEXT)
     FROM complaints c JOIN audit_log a ON a.complaint_id = c.id AND a.action = 'submitted'
       JOIN institutions i ON i.id = c.institution_id
     WHERE c.id = ?3 AND c.tracking_code = ?4 AND i.notify_email IS NOT NULL AND i.notify_each_new = 1";

const FILED_STAFF_SQL: &str = "INSERT INTO mail_queue (kind, complaint_id, event_id, staff_id, created_at, next_attempt_at)
     SELECT CAST(?1 AS TEXT), c.id, a.id, s.id, CAST(?2 AS TEXT), CAST(?2 AS TEXT)
     FROM complaints c JOIN audit_log a ON a.complaint_id = c.id AND a.action = 'submitted'
       JOIN staff s ON s.institution_id = c.institution_id
     WHERE c.id = ?3 AND c.tracking_code = ?4 AND s.active = 1 AND s.email IS NOT NULL AND s.notify_new = 1";
