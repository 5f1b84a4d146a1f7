//! What staff do with a complaint, and which steps each status allows:
//!
//! ```text
//! Submitted ─acknowledge─▶ Received ─start─▶ In progress ─resolve/reject─▶ Resolved | Rejected
//!     └──────────── transfer (reason) to another institution: Transferred, deadlines restart
//! Resolved | Rejected ─citizen reopens (reason, within 30 days)─▶ Reopened
//! any open status ─ask (question)─▶ Waiting for citizen ─citizen answers─▶ the status it left
//! Waiting for citizen, unanswered for the category's working days ─close unanswered─▶ Rejected
//! ```
//!
//! While a complaint waits for the citizen its deadline is paused ([`waiting`]): the working
//! days it waits are added to its answer due date when the wait ends. Replies, notes and
//! assignment are possible in any open status. Every action writes an audit
//! record with the state before and after; a refused step changes nothing.

pub mod store;
pub mod waiting;

use crate::db::Conn;
use chrono::{DateTime, Utc};
use protocol::api::Status;
use protocol::domain::{self, InputError};
use serde::Deserialize;
use serde_json::json;

use super::ServiceError;
use super::audit::{Actor, AuditEntry, audit};
use super::complaints::deadlines;
use super::inbox::{self, StaffComplaint};
use super::supervision;
use crate::auth::StaffMember;
use crate::calendar::kosovo_date;

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
    /// Ask the citizen a question: the complaint waits for the answer, its deadline paused.
    Ask {
        /// 1 to 4000 characters once trimmed.
        #[schema(min_length = 1, max_length = 4000, pattern = r"\S")]
        text: String,
    },
    /// Close a complaint whose question went unanswered for the category's working days
    /// (`answer_wait_working_days`), with the standard reason, in the citizen's language.
    CloseUnanswered,
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
            Action::Ask { .. } => "asked",
            Action::CloseUnanswered => "closed_unanswered",
        }
    }
}

fn is_open(status: Status) -> bool {
    !status.is_closed()
}

fn text_of(raw: &str) -> Result<String, ServiceError> {
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
        | Action::Transfer { .. }
        | Action::Ask { .. } => is_open(status),
        Action::CloseUnanswered => status == Status::WaitingForCitizen,
        Action::Note { .. } | Action::Assign { .. } => true,
    }
}

/// Applies `action` to complaint `id` for `staff`. A complaint outside the staff member's
/// institution is reported as not found, whatever the action.
pub fn apply(
    connection: &Conn,
    staff: &StaffMember,
    id: &str,
    action: Action,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let tx = connection.savepoint()?;
    let current = store::current(&tx, id)?.ok_or(ServiceError::NotFound)?;
    if !staff.serves(&current.institution) {
        // A supervisor may leave a note on what it oversees, and do nothing else there.
        if !supervision::oversees(&tx, staff, &current.institution)? {
            return Err(ServiceError::NotFound);
        }
        if !matches!(action, Action::Note { .. }) {
            return Err(ServiceError::Forbidden);
        }
    }

    if !permits(current.status, &action) {
        return Err(ServiceError::Conflict {
            code: "invalid_transition",
        });
    }
    let at = now.to_rfc3339();
    let before = json!({
        "status": current.status.as_str(),
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
                return Err(ServiceError::Conflict {
                    code: "same_institution",
                });
            }
            if store::institution_active(&tx, institution_id)? != Some(true) {
                return Err(ServiceError::bad_request("unknown_institution"));
            }
            (
                Status::Transferred,
                Some(domain::parse_reason(reason)?),
                true,
            )
        }
        Action::Ask { text } => (
            Status::WaitingForCitizen,
            Some(domain::parse_message(text)?),
            true,
        ),
        Action::CloseUnanswered => (
            Status::Rejected,
            Some(waiting::unanswered_reason(&tx, id, now)?),
            true,
        ),
        Action::Assign { staff_id } => {
            if let Some(colleague) = staff_id {
                let same = store::institution_of_staff(&tx, *colleague)?;
                if same.as_deref() != Some(current.institution.as_str()) {
                    return Err(ServiceError::bad_request("unknown_staff"));
                }
            }
            (current.status, None, false)
        }
    };

    let mut after = json!({ "status": after_status.as_str(), "institution_id": current.institution, "assigned_to": current.assigned_to });
    match &action {
        Action::Transfer { institution_id, .. } => {
            let due = deadlines(&tx, &current.category, now)?;
            store::transfer(&tx, id, institution_id, &at, due)?;
            after["institution_id"] = json!(institution_id);
            after["assigned_to"] = json!(null);
        }
        Action::Assign { staff_id } => {
            store::assign(&tx, id, *staff_id)?;
            after["assigned_to"] = json!(staff_id);
        }
        Action::Ask { .. } => {
            // Asking acknowledges, so an unacknowledged complaint returns as received.
            let resume = if matches!(
                current.status,
                Status::Submitted | Status::Transferred | Status::Reopened
            ) {
                Status::Received
            } else {
                current.status
            };
            waiting::start(&tx, id, &at, resume)?;
        }
        _ => store::set_status(&tx, id, after_status)?,
    }
    // A decision or a transfer ends a wait: its hours stay apart from the response time.
    let ends_wait = matches!(
        action,
        Action::Resolve { .. }
            | Action::Reject { .. }
            | Action::Transfer { .. }
            | Action::CloseUnanswered
    );
    if ends_wait && current.status == Status::WaitingForCitizen {
        waiting::end(&tx, id, now, waiting::Ending::Closed)?;
    }
    // The first thing the institution does towards the citizen counts as acknowledgement; the
    // first reply or decision as the first response.
    let acknowledges = visible && !matches!(action, Action::Transfer { .. });
    if acknowledges && !current.acknowledged {
        store::acknowledge(&tx, id, &at, kosovo_date(now))?;
    }
    let responds = matches!(
        action,
        Action::Reply { .. }
            | Action::Resolve { .. }
            | Action::Reject { .. }
            | Action::CloseUnanswered
    );
    if responds && !current.responded {
        store::first_response(&tx, id, now)?;
    }
    if after_status.is_closed() {
        store::close(&tx, id, &at)?;
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

/// What the API answers after an action: the complaint as it now is, or nothing when a
/// transfer took it out of the staff member's institution.
pub fn act(
    c: &Conn,
    staff: &StaffMember,
    id: &str,
    action: Action,
    now: DateTime<Utc>,
) -> Result<Option<StaffComplaint>, ServiceError> {
    apply(c, staff, id, action, now)?;
    match inbox::complaint(c, staff, id, &kosovo_date(now).to_string()) {
        Ok(mut complaint) => {
            super::access_log::hide_unless_looked(c, staff, &mut complaint, now)?;
            Ok(Some(complaint))
        }
        Err(ServiceError::NotFound) => Ok(None),
        Err(other) => Err(other),
    }
}

/// An action taken, as the dashboard confirms it.
pub struct Taken {
    pub tracking_code: String,
    /// The action's name (`acknowledged`).
    pub action: &'static str,
    /// Whether the complaint is still the staff member's to see (not transferred away).
    pub still_visible: bool,
}

/// Applies `action` like [`apply`], and says what the dashboard shows next.
pub fn take(
    c: &Conn,
    staff: &StaffMember,
    id: &str,
    action: Action,
    now: DateTime<Utc>,
) -> Result<Taken, ServiceError> {
    let (tracking_code, _) = store::code_and_institution(c, id)
        .ok()
        .flatten()
        .ok_or(ServiceError::NotFound)?;
    let name = action.name();
    apply(c, staff, id, action, now)?;
    let (_, institution) = store::code_and_institution(c, id)?.ok_or(ServiceError::NotFound)?;
    Ok(Taken {
        tracking_code,
        action: name,
        still_visible: staff.serves(&institution) || supervision::oversees(c, staff, &institution)?,
    })
}
