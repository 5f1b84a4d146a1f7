//! Who chooses which emails: a staff member their own address, its language and what they
//! receive there (each new complaint of their institution, a complaint given to them, the
//! daily digest); and the checks every address and language a person types goes through,
//! here and for an institution's notification address.

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::auth::StaffMember;
use crate::db::{Db, OptionalExtension};
use crate::params;
use crate::services::ServiceError;
use crate::services::audit::audit_admin;

/// The languages emails can be written in.
pub const LANGUAGES: [&str; 4] = ["sq", "sr", "sr-Cyrl", "en"];

/// The longest email address (RFC 5321's path limit).
pub const ADDRESS_MAX_CHARS: usize = 254;

/// An address as given: none, or a valid address of at most [`ADDRESS_MAX_CHARS`] (refused
/// as `code`). The dashboard trims what was typed and sends an empty field as none.
pub fn checked_address(
    address: Option<String>,
    code: &'static str,
) -> Result<Option<String>, ServiceError> {
    if let Some(address) = &address
        && (address.chars().count() > ADDRESS_MAX_CHARS
            || address.parse::<lettre::Address>().is_err())
    {
        return Err(ServiceError::BadRequest { code, detail: None });
    }
    Ok(address)
}

/// A language emails can be written in, or refused as `code`.
pub fn checked_language(language: &str, code: &'static str) -> Result<(), ServiceError> {
    if LANGUAGES.contains(&language) {
        Ok(())
    } else {
        Err(ServiceError::BadRequest { code, detail: None })
    }
}

/// A staff member's own emails.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StaffEmails {
    /// Their work address; none receives nothing.
    #[schema(max_length = 254, format = Email)]
    pub email: Option<String>,
    /// The language of their emails.
    #[schema(pattern = "^(sq|sr|sr-Cyrl|en)$")]
    pub language: String,
    /// An email for each complaint that reaches their institution.
    pub new_complaints: bool,
    /// An email when a colleague gives them a complaint.
    pub assigned_to_me: bool,
    /// Each morning, the institution's new, overdue and escalated complaints.
    pub daily_digest: bool,
}

/// What `staff` receives by email.
pub async fn of(db: &Db, staff: &StaffMember) -> Result<StaffEmails, ServiceError> {
    let id = staff.id;
    db.read(move |c| {
        c.query_row(
            "SELECT email, email_language, notify_new, notify_assigned, notify_digest
             FROM staff WHERE id = ?1",
            [id],
            |r| {
                Ok(StaffEmails {
                    email: r.get(0)?,
                    language: r.get(1)?,
                    new_complaints: r.get(2)?,
                    assigned_to_me: r.get(3)?,
                    daily_digest: r.get(4)?,
                })
            },
        )
        .optional()?
        .ok_or(ServiceError::NotFound)
    })
    .await
}

/// Sets what `staff` receives by email (their own choice, nobody else's): audited.
pub async fn set(
    db: &Db,
    staff: &StaffMember,
    choice: StaffEmails,
) -> Result<StaffEmails, ServiceError> {
    let choice = StaffEmails {
        email: checked_address(choice.email, "invalid_email")?,
        ..choice
    };
    checked_language(&choice.language, "invalid_email_language")?;
    let before = of(db, staff).await?;
    let staff = staff.clone();
    db.call(move |c| {
        let tx = c.savepoint()?;
        tx.execute(
            "UPDATE staff SET email = ?1, email_language = ?2, notify_new = ?3, notify_assigned = ?4,
                 notify_digest = ?5
             WHERE id = ?6",
            params![
                choice.email,
                choice.language,
                choice.new_complaints,
                choice.assigned_to_me,
                choice.daily_digest,
                staff.id
            ],
        )?;
        // Which emails, not the address itself: the audit log keeps no one's address.
        let shown = |e: &StaffEmails| {
            json!({
                "has_email": e.email.is_some(),
                "language": e.language,
                "new_complaints": e.new_complaints,
                "assigned_to_me": e.assigned_to_me,
                "daily_digest": e.daily_digest,
            })
        };
        audit_admin(
            &tx,
            &staff,
            "own_emails_changed",
            Some(shown(&before)),
            Some(shown(&choice)),
        )?;
        tx.commit()?;
        Ok(choice)
    })
    .await
}
