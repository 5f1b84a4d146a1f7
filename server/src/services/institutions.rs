//! Institutions: the bodies complaints are routed to. Every staff member may list them; only
//! administrators create and change them, and each change is audited with the institution
//! before and after.

use std::collections::HashSet;

use protocol::api::LocalizedText;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::audit::audit_admin;
use super::mail::preferences;
use super::municipalities;
use super::names::{self, NameChange};
use crate::auth::StaffMember;
use crate::db::Db;
use crate::services::ServiceError;

pub use store::{exists, seat};

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Institution {
    /// Lower-case letters, digits, `_` and `:`.
    #[schema(pattern = "^[a-z0-9_:]{1,100}$")]
    pub id: String,
    /// As in `data/kosovo/institutions.csv` (`central_ministry`, `municipal_body`, ...).
    pub level: String,
    #[schema(value_type = names::LocalizedName)]
    pub name: LocalizedText,
    pub parent_id: Option<String>,
    pub municipality_id: Option<String>,
    #[serde(default = "yes")]
    pub active: bool,
    /// Where the institution hears of complaints by email.
    #[serde(default)]
    pub notifications: Notifications,
}

fn yes() -> bool {
    true
}

/// An institution's notification address and what it receives there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Notifications {
    /// The address (a shared mailbox, not a person's); none sends nothing.
    #[schema(max_length = 254, format = Email)]
    pub email: Option<String>,
    /// An email for each complaint that reaches the institution (filed or transferred to it),
    /// naming it without its text or its author.
    #[serde(default)]
    pub each_new: bool,
    /// Each morning, its new, overdue and escalated complaints, in one email.
    #[serde(default)]
    pub daily_digest: bool,
    /// The language of its emails.
    #[serde(default = "albanian")]
    #[schema(pattern = "^(sq|sr|sr-Cyrl|en)$")]
    pub language: String,
}

impl Default for Notifications {
    fn default() -> Self {
        Notifications {
            email: None,
            each_new: false,
            daily_digest: false,
            language: albanian(),
        }
    }
}

fn albanian() -> String {
    "sq".to_owned()
}

impl Notifications {
    /// The settings as stored: the address, if any, a valid one, and the language
    /// one emails can be written in.
    fn checked(self) -> Result<Notifications, ServiceError> {
        let email = preferences::checked_address(self.email, "invalid_notification_email")?;
        preferences::checked_language(&self.language, "invalid_notification_language")?;
        Ok(Notifications { email, ..self })
    }
}

/// What may change about an institution; what is left out stays as it is, and a field it does
/// not know (such as the former `name_en`) is refused.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InstitutionChange {
    pub name: Option<NameChange>,
    pub parent_id: Option<String>,
    pub active: Option<bool>,
    /// The notification settings, all three together.
    pub notifications: Option<Notifications>,
}

fn bad(code: &'static str) -> ServiceError {
    ServiceError::BadRequest { code, detail: None }
}

/// Every institution, by English name.
pub async fn list(db: &Db) -> Result<Vec<Institution>, ServiceError> {
    db.read(|c| Ok(store::list(c)?)).await
}

/// The kinds of institution there are, for a new one to be one of.
pub async fn levels(db: &Db) -> Result<Vec<String>, ServiceError> {
    db.read(|c| Ok(store::levels(c)?)).await
}

/// The institutions that are a municipality's own.
pub async fn municipal(db: &Db) -> Result<HashSet<String>, ServiceError> {
    db.read(|c| Ok(store::municipal(c)?)).await
}

/// Whether `id` is an institution that takes complaints now.
pub async fn is_active(db: &Db, id: String) -> Result<bool, ServiceError> {
    db.read(move |c| Ok(store::is_active(c, &id)?)).await
}

/// Adds an institution (administrators only).
pub async fn create(
    db: &Db,
    staff: &StaffMember,
    institution: Institution,
) -> Result<Institution, ServiceError> {
    staff.require_admin()?;
    let valid_id = !institution.id.is_empty()
        && institution.id.len() <= 100
        && institution
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == ':');
    if !valid_id {
        return Err(bad("invalid_id"));
    }
    let institution = Institution {
        name: names::checked(&institution.name)?,
        notifications: institution.notifications.checked()?,
        ..institution
    };
    let staff = staff.clone();
    db.call(move |c| {
        let tx = c.savepoint()?;
        if store::exists(&tx, &institution.id)? {
            return Err(ServiceError::Conflict { code: "id_taken" });
        }
        if let Some(parent) = &institution.parent_id
            && !store::exists(&tx, parent)?
        {
            return Err(bad("unknown_reference"));
        }
        if let Some(municipality) = &institution.municipality_id
            && !municipalities::exists(&tx, municipality)?
        {
            return Err(bad("unknown_reference"));
        }
        store::insert(&tx, &institution)?;
        audit_admin(
            &tx,
            &staff,
            "institution_created",
            None,
            Some(json!(institution.id)),
        )?;
        tx.commit()?;
        Ok(institution)
    })
    .await
}

/// Renames, re-parents, activates or deactivates an institution (administrators only).
pub async fn update(
    db: &Db,
    staff: &StaffMember,
    id: String,
    change: InstitutionChange,
) -> Result<Institution, ServiceError> {
    staff.require_admin()?;
    let staff = staff.clone();
    db.call(move |c| {
        let tx = c.savepoint()?;
        let before = store::find(&tx, &id)?.ok_or(ServiceError::NotFound)?;
        let mut after = before.clone();
        if let Some(name) = &change.name {
            name.apply(&mut after.name)?;
        }
        if let Some(parent) = &change.parent_id {
            if !store::exists(&tx, parent)? || *parent == id {
                return Err(bad("unknown_reference"));
            }
            after.parent_id = Some(parent.clone());
        }
        if let Some(active) = change.active {
            after.active = active;
        }
        if let Some(notifications) = change.notifications.clone() {
            after.notifications = notifications.checked()?;
        }
        store::update(&tx, &after)?;
        audit_admin(
            &tx,
            &staff,
            "institution_changed",
            Some(json!(before)),
            Some(json!(after)),
        )?;
        tx.commit()?;
        Ok(after)
    })
    .await
}

/// The SQL of the `institutions` table.
mod store {
    use std::collections::HashSet;

    use crate::db::{Conn, OptionalExtension};
    use crate::params;

    use super::Institution;
    use crate::services::names::{self, NAME_COLUMNS};

    fn columns() -> String {
        format!(
            "id, level, {NAME_COLUMNS}, parent_id, municipality_id, active,
             notify_email, notify_each_new, notify_digest, notify_language"
        )
    }

    fn row(r: &crate::db::Row) -> crate::db::Result<Institution> {
        Ok(Institution {
            id: r.get(0)?,
            level: r.get(1)?,
            name: names::localized(r, 2)?,
            parent_id: r.get(5)?,
            municipality_id: r.get(6)?,
            active: r.get(7)?,
            notifications: super::Notifications {
                email: r.get(8)?,
                each_new: r.get(9)?,
                daily_digest: r.get(10)?,
                language: r.get(11)?,
            },
        })
    }

    pub fn list(c: &Conn) -> crate::db::Result<Vec<Institution>> {
        let mut statement = c.prepare(&format!(
            "SELECT {} FROM institutions ORDER BY name_en",
            columns()
        ))?;
        statement.query_map((), row)?.collect()
    }

    pub fn find(c: &Conn, id: &str) -> crate::db::Result<Option<Institution>> {
        c.query_row(
            &format!("SELECT {} FROM institutions WHERE id = ?1", columns()),
            [id],
            row,
        )
        .optional()
    }

    /// Whether `id` is an institution.
    pub fn exists(c: &Conn, id: &str) -> crate::db::Result<bool> {
        c.query_row(
            "SELECT EXISTS(SELECT 1 FROM institutions WHERE id = ?1)",
            [id],
            |r| r.get(0),
        )
    }

    /// The municipality an institution works in (the capital for a central one), if there is
    /// such an institution.
    pub fn seat(c: &Conn, id: &str) -> crate::db::Result<Option<String>> {
        c.query_row(
            "SELECT COALESCE(municipality_id, 'prishtine') FROM institutions WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()
    }

    pub fn is_active(c: &Conn, id: &str) -> crate::db::Result<bool> {
        c.query_row(
            "SELECT EXISTS(SELECT 1 FROM institutions WHERE id = ?1 AND active = 1)",
            [id],
            |r| r.get(0),
        )
    }

    pub fn levels(c: &Conn) -> crate::db::Result<Vec<String>> {
        let mut statement = c.prepare("SELECT DISTINCT level FROM institutions ORDER BY level")?;
        statement.query_map((), |r| r.get(0))?.collect()
    }

    pub fn municipal(c: &Conn) -> crate::db::Result<HashSet<String>> {
        let mut statement =
            c.prepare_cached("SELECT id FROM institutions WHERE municipality_id IS NOT NULL")?;
        statement.query_map((), |r| r.get(0))?.collect()
    }

    pub fn insert(c: &Conn, institution: &Institution) -> crate::db::Result<()> {
        c.execute(
            &format!(
                "INSERT INTO institutions ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                columns()
            ),
            params![
                institution.id,
                institution.level,
                institution.name.sq,
                institution.name.sr,
                institution.name.en,
                institution.parent_id,
                institution.municipality_id,
                institution.active,
                institution.notifications.email,
                institution.notifications.each_new,
                institution.notifications.daily_digest,
                institution.notifications.language
            ],
        )?;
        Ok(())
    }

    /// Stores what may change: the name, the parent, whether it is active, and its
    /// notifications.
    pub fn update(c: &Conn, institution: &Institution) -> crate::db::Result<()> {
        c.execute(
            "UPDATE institutions SET name_sq = ?1, name_sr = ?2, name_en = ?3, parent_id = ?4, active = ?5,
                 notify_email = ?6, notify_each_new = ?7, notify_digest = ?8, notify_language = ?9
             WHERE id = ?10",
            params![
                institution.name.sq,
                institution.name.sr,
                institution.name.en,
                institution.parent_id,
                institution.active,
                institution.notifications.email,
                institution.notifications.each_new,
                institution.notifications.daily_digest,
                institution.notifications.language,
                institution.id
            ],
        )?;
        Ok(())
    }
}
