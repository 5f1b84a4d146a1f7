//! What staff do with a complaint, and which steps each status allows:
//!
//! ```text
//! Submitted ─acknowledge─▶ Received ─start─▶ In progress ─resolve/reject─▶ Resolved | Rejected
//!     └──────────── transfer (reason) to another institution: Transferred, deadlines restart
//! Resolved | Rejected ─citizen reopens (reason, within 30 days)─▶ Reopened
//! ```
//!
//! Replies, notes and assignment are possible in any open status. Every action writes an audit
//! record with the state before and after; a refused step changes nothing.

use chrono::{DateTime, Utc};
use protocol::api::Status;
use protocol::domain::{self, InputError};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Deserialize;
use serde_json::json;

use crate::auth::StaffMember;
use crate::complaints::{Actor, AuditEntry, audit, deadlines, parse_status, status_str};
use crate::db::CachedQuery;
use crate::error::ApiError;

/// An action on a complaint, as staff send it.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    /// Confirm the complaint arrived and is being looked at.
    Acknowledge,
    /// Work has started.
    Start,
    /// A message to the citizen.
    Reply {
        /// 1 to 4000 characters once trimmed.
        #[schema(min_length = 1, max_length = 4000, pattern = r"\S")]
        text: String,
    },
    /// An internal note; the citizen never sees it.
    Note {
        #[schema(min_length = 1, max_length = 4000, pattern = r"\S")]
        text: String,
    },
    Resolve {
        /// 10 to 2000 characters once trimmed, for the citizen to read.
        #[schema(min_length = 10, max_length = 2000)]
        reason: String,
    },
    Reject {
        #[schema(min_length = 10, max_length = 2000)]
        reason: String,
    },
    /// Pass the complaint to the institution that is responsible.
    Transfer {
        institution_id: String,
        #[schema(min_length = 10, max_length = 2000)]
        reason: String,
    },
    /// Give the complaint to a colleague, or to nobody (`null`).
    Assign {
        #[serde(default, deserialize_with = "protocol::api::whole_number::optional")]
        staff_id: Option<i64>,
    },
}

impl Action {
    pub fn name(&self) -> &'static str {
        match self {
            Action::Acknowledge => "acknowledged",
            Action::Start => "started",
            Action::Reply { .. } => "replied",
            Action::Note { .. } => "noted",
            Action::Resolve { .. } => "resolved",
            Action::Reject { .. } => "rejected",
            Action::Transfer { .. } => "transferred",
            Action::Assign { .. } => "assigned",
        }
    }
}

struct Current {
    status: Status,
    institution: String,
    category: String,
    assigned_to: Option<i64>,
    acknowledged: bool,
    responded: bool,
}

fn is_open(status: Status) -> bool {
    !status.is_closed()
}

fn text_of(raw: &str) -> Result<String, ApiError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(InputError::ReasonTooShort.into());
    }
    if text.chars().count() > protocol::api::limits::DESCRIPTION_MAX_CHARS {
        return Err(InputError::ReasonTooLong.into());
    }
    Ok(text.to_owned())
}

/// Whether `action` may be taken on a complaint in `status` (the dashboard offers only these).
pub fn permits(status: Status, action: &Action) -> bool {
    match action {
        Action::Acknowledge => matches!(
            status,
            Status::Submitted | Status::Transferred | Status::Reopened
        ),
        Action::Start => matches!(
            status,
            Status::Submitted | Status::Received | Status::Transferred | Status::Reopened
        ),
        Action::Reply { .. }
        | Action::Resolve { .. }
        | Action::Reject { .. }
        | Action::Transfer { .. } => is_open(status),
        Action::Note { .. } | Action::Assign { .. } => true,
    }
}

/// Applies `action` to complaint `id` for `staff`. A complaint outside the staff member's
/// institution is reported as not found, whatever the action.
pub fn apply(
    connection: &mut Connection,
    staff: &StaffMember,
    id: &str,
    action: Action,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let tx = connection.savepoint()?;
    let current = tx
        .cached_row(
            "SELECT status, institution_id, category_id, assigned_to, acknowledged_at IS NOT NULL,
                first_response_at IS NOT NULL
             FROM complaints WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .optional()?
        .map(
            |(status, institution, category, assigned_to, acknowledged, responded)| Current {
                status: parse_status(&status).unwrap_or(Status::Submitted),
                institution,
                category,
                assigned_to,
                acknowledged,
                responded,
            },
        )
        .filter(|c| staff.serves(&c.institution))
        .ok_or(ApiError::NotFound)?;

    if !permits(current.status, &action) {
        return Err(ApiError::Conflict {
            code: "invalid_transition",
        });
    }
    let at = now.to_rfc3339();
    let before = json!({
        "status": status_str(current.status),
        "institution_id": current.institution,
        "assigned_to": current.assigned_to,
    });
    let (after_status, text, visible) = match &action {
        Action::Acknowledge => (Status::Received, None, true),
        Action::Start => (Status::InProgress, None, true),
        Action::Reply { text } => {
            // A reply acknowledges, so an unacknowledged complaint becomes received.
            let status = if matches!(
                current.status,
                Status::Submitted | Status::Transferred | Status::Reopened
            ) {
                Status::Received
            } else {
                current.status
            };
            (status, Some(text_of(text)?), true)
        }
        Action::Note { text } => (current.status, Some(text_of(text)?), false),
        Action::Resolve { reason } | Action::Reject { reason } => {
            let status = if matches!(action, Action::Resolve { .. }) {
                Status::Resolved
            } else {
                Status::Rejected
            };
            (status, Some(domain::parse_reason(reason)?), true)
        }
        Action::Transfer {
            institution_id,
            reason,
        } => {
            if *institution_id == current.institution {
                return Err(ApiError::Conflict {
                    code: "same_institution",
                });
            }
            let active: Option<bool> = tx
                .cached_row(
                    "SELECT active FROM institutions WHERE id = ?1",
                    [institution_id],
                    |r| r.get(0),
                )
                .optional()?;
            if active != Some(true) {
                return Err(ApiError::BadRequest {
                    code: "unknown_institution",
                    detail: None,
                });
            }
            (
                Status::Transferred,
                Some(domain::parse_reason(reason)?),
                true,
            )
        }
        Action::Assign { staff_id } => {
            if let Some(colleague) = staff_id {
                let same: Option<String> = tx
                    .cached_row(
                        "SELECT institution_id FROM staff WHERE id = ?1 AND active = 1",
                        [colleague],
                        |r| r.get(0),
                    )
                    .optional()?
                    .flatten();
                if same.as_deref() != Some(current.institution.as_str()) {
                    return Err(ApiError::BadRequest {
                        code: "unknown_staff",
                        detail: None,
                    });
                }
            }
            (current.status, None, false)
        }
    };

    let mut after = json!({ "status": status_str(after_status), "institution_id": current.institution, "assigned_to": current.assigned_to });
    match &action {
        Action::Transfer { institution_id, .. } => {
            let (ack_due, answer_due) = deadlines(&tx, &current.category, now)?;
            tx.cached_execute(
                "UPDATE complaints SET institution_id = ?1, status = 'transferred', routed_at = ?2, ack_due = ?3,
                    answer_due = ?4, acknowledged_at = NULL, acknowledged_on_time = NULL, assigned_to = NULL,
                    transfers = transfers + 1 WHERE id = ?5",
                params![institution_id, at, ack_due.to_string(), answer_due.to_string(), id],
            )?;
            after["institution_id"] = json!(institution_id);
            after["assigned_to"] = json!(null);
        }
        Action::Assign { staff_id } => {
            tx.cached_execute(
                "UPDATE complaints SET assigned_to = ?1 WHERE id = ?2",
                params![staff_id, id],
            )?;
            after["assigned_to"] = json!(staff_id);
        }
        _ => {
            tx.cached_execute(
                "UPDATE complaints SET status = ?1 WHERE id = ?2",
                params![status_str(after_status), id],
            )?;
        }
    }
    // The first thing the institution does towards the citizen counts as acknowledgement; the
    // first reply or decision as the first response.
    let acknowledges = visible && !matches!(action, Action::Transfer { .. });
    if acknowledges && !current.acknowledged {
        tx.cached_execute(
            "UPDATE complaints SET acknowledged_at = ?1, acknowledged_on_time = (?3 <= ack_due) WHERE id = ?2",
            params![at, id, crate::calendar::kosovo_date(now).to_string()],
        )?;
    }
    let responds = matches!(
        action,
        Action::Reply { .. } | Action::Resolve { .. } | Action::Reject { .. }
    );
    if responds && !current.responded {
        tx.cached_execute(
            "UPDATE complaints SET first_response_at = ?1,
                first_response_hours = (julianday(?1) - julianday(submitted_at)) * 24.0 WHERE id = ?2",
            params![at, id],
        )?;
    }
    if after_status.is_closed() {
        tx.cached_execute(
            "UPDATE complaints SET closed_at = ?1 WHERE id = ?2",
            params![at, id],
        )?;
    }
    audit(
        &tx,
        now,
        AuditEntry {
            actor: Actor::Staff(staff.id),
            action: action.name(),
            complaint: Some(id),
            citizen_visible: visible,
            before: Some(before),
            after: Some(after),
            text: text.as_deref(),
        },
    )?;
    tx.commit()?;
    Ok(())
}
