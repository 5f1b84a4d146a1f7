//! The audit log: one append-only record for every step anyone takes (database triggers refuse
//! changes and deletions), written here and read here: a complaint's citizen-visible events for
//! its author's timeline, and its whole history for staff.

use crate::db::{Conn, Params, Value};
use crate::params;
use chrono::{DateTime, Utc};
use serde::Serialize;

use super::ServiceError;
use crate::auth::StaffMember;
use crate::db::CachedQuery;

/// Who did something.
#[derive(Debug, Clone, Copy)]
pub enum Actor {
    Citizen,
    Staff(i64),
    System,
}

/// One append-only audit record.
pub struct AuditEntry<'a> {
    pub actor: Actor,
    pub action: &'a str,
    pub complaint: Option<&'a str>,
    pub citizen_visible: bool,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub text: Option<&'a str>,
}

/// Writes an audit record; for a complaint, its trigger also moves the change cursor.
pub fn audit(tx: &Conn, at: DateTime<Utc>, entry: AuditEntry<'_>) -> Result<i64, ServiceError> {
    let (kind, id) = match entry.actor {
        Actor::Citizen => ("citizen", None),
        Actor::Staff(id) => ("staff", Some(id)),
        Actor::System => ("system", None),
    };
    let event_id: i64 = tx.cached_row(
        "INSERT INTO audit_log (at, actor_kind, actor_id, action, complaint_id, citizen_visible, before, after)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
        params![
            at.to_rfc3339(),
            kind,
            id,
            entry.action,
            entry.complaint,
            entry.citizen_visible,
            entry.before.map(|v| v.to_string()),
            entry.after.map(|v| v.to_string())
        ],
        |r| r.get(0),
    )?;
    // What was written goes beside the record, which stays append-only, so that it can go
    // when a retention policy says so.
    if let Some(text) = entry.text {
        tx.cached_execute(
            "INSERT INTO audit_texts (event_id, text) VALUES (?1, ?2)",
            params![event_id, text],
        )?;
    }
    // The trigger audit_log_last_event makes it the complaint's last event.
    if let Some(complaint) = entry.complaint {
        super::mail::queue_for_event(tx, at, event_id, entry.action, complaint, id)?;
        super::push::queue_for_event(tx, at, entry.action, complaint)?;
    }
    Ok(event_id)
}

/// The audit record of complaint `id` filed at `at` with `tracking_code`, as a statement to run
/// right after the complaint's insert and with it (`Conn::execute_together`): it writes the
/// record only if that insert stored the complaint, not when the id was already taken.
pub fn filed_record(
    at: DateTime<Utc>,
    id: &str,
    tracking_code: &str,
    after: serde_json::Value,
) -> (&'static str, Vec<Value>) {
    (
        "INSERT INTO audit_log (at, actor_kind, action, complaint_id, citizen_visible, after)
         SELECT CAST(?1 AS TEXT), 'citizen', 'submitted', CAST(?2 AS TEXT), 1, CAST(?3 AS TEXT)
         WHERE EXISTS (SELECT 1 FROM complaints WHERE id = ?2 AND tracking_code = ?4)",
        params![at.to_rfc3339(), id, after.to_string(), tracking_code].into_values(),
    )
}

/// Records a staff action at `at` that is not about one complaint (administration, exports).
pub fn staff_action(
    tx: &Conn,
    staff: &StaffMember,
    at: DateTime<Utc>,
    action: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<(), ServiceError> {
    audit(
        tx,
        at,
        AuditEntry {
            actor: Actor::Staff(staff.id),
            action,
            complaint: None,
            citizen_visible: false,
            before,
            after,
            text: None,
        },
    )?;
    Ok(())
}

/// Records an administrative change now (by the system clock).
pub fn audit_admin(
    tx: &Conn,
    staff: &StaffMember,
    action: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<(), ServiceError> {
    staff_action(tx, staff, Utc::now(), action, before, after)
}

/// A step of a complaint its author may see, as recorded.
pub struct CitizenEvent {
    pub at: String,
    pub action: String,
    /// The state after the step (JSON), if recorded.
    pub after: Option<String>,
    pub text: Option<String>,
}

/// The citizen-visible steps of complaint `id`, oldest first.
pub fn citizen_events(connection: &Conn, id: &str) -> Result<Vec<CitizenEvent>, ServiceError> {
    let mut statement = connection.prepare_cached(
        "SELECT a.at, a.action, a.after, t.text FROM audit_log a LEFT JOIN audit_texts t ON t.event_id = a.id
         WHERE a.complaint_id = ?1 AND a.citizen_visible = 1 ORDER BY a.id",
    )?;
    let events = statement
        .query_map([id], |r| {
            Ok(CitizenEvent {
                at: r.get(0)?,
                action: r.get(1)?,
                after: r.get(2)?,
                text: r.get(3)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(events)
}

/// A step in a complaint's history, as staff see it.
#[derive(Debug, Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct HistoryEntry {
    pub id: i64,
    pub at: String,
    /// `citizen`, `staff` or `system`.
    pub actor_kind: String,
    pub actor_name: Option<String>,
    pub action: String,
    pub text: Option<String>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub citizen_visible: bool,
}

/// Every step of complaint `id`, oldest first, with the names of the staff who took them.
pub fn history(c: &Conn, id: &str) -> Result<Vec<HistoryEntry>, ServiceError> {
    let mut statement = c.prepare(
        "SELECT a.id, a.at, a.actor_kind, s.display_name, a.action, t.text, a.before, a.after, a.citizen_visible
         FROM audit_log a LEFT JOIN staff s ON s.id = a.actor_id LEFT JOIN audit_texts t ON t.event_id = a.id
         WHERE a.complaint_id = ?1 ORDER BY a.id",
    )?;
    let json = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
    let entries = statement
        .query_map([id], |r| {
            Ok(HistoryEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                actor_kind: r.get(2)?,
                actor_name: r.get(3)?,
                action: r.get(4)?,
                text: r.get(5)?,
                before: json(r.get(6)?),
                after: json(r.get(7)?),
                citizen_visible: r.get(8)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(entries)
}
