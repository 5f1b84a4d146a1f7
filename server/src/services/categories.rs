//! Category settings: each category's names, the level of government that answers for it, and
//! its deadlines in working days (to acknowledge a complaint, to answer it, and past the answer
//! deadline, to escalate it to the supervising body). Administrators change them; a change moves the catalog's version, so phones fetch it again.

use protocol::api::{LocalizedText, ResponsibleLevel};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::audit::audit_admin;
use super::names::{self, NameChange};
use crate::auth::StaffMember;
use crate::db::Db;
use crate::services::ServiceError;

pub use store::{active_ids, exists};

/// The most working days a category may give to acknowledge a complaint, and to answer it.
pub const MAX_ACK_WORKING_DAYS: u32 = 60;
pub const MAX_ANSWER_WORKING_DAYS: u32 = 120;
/// The most working days past its answer deadline a complaint may wait before it escalates.
pub const MAX_ESCALATE_WORKING_DAYS: u32 = 60;
pub const MAX_ANSWER_WAIT_WORKING_DAYS: u32 = 60;

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CategorySettings {
    pub id: String,
    #[schema(value_type = names::LocalizedName)]
    pub name: LocalizedText,
    pub level: ResponsibleLevel,
    pub ack_working_days: u32,
    pub answer_working_days: u32,
    /// Working days past the answer deadline before an unanswered complaint escalates.
    pub escalate_working_days: u32,
    /// Working days a question may wait for the citizen's answer before staff may close the
    /// complaint for want of one.
    pub answer_wait_working_days: u32,
    pub active: bool,
}

/// What may change about a category; what is left out stays as it is, and a field it does not
/// know (such as the former `name_en`) is refused.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryChange {
    pub name: Option<NameChange>,
    /// 1 to 60 working days, and not more than the days to answer.
    #[schema(minimum = 1, maximum = 60)]
    #[serde(default, deserialize_with = "protocol::api::whole_number::optional")]
    pub ack_working_days: Option<u32>,
    /// 1 to 120 working days.
    #[schema(minimum = 1, maximum = 120)]
    #[serde(default, deserialize_with = "protocol::api::whole_number::optional")]
    pub answer_working_days: Option<u32>,
    /// 1 to 60 working days past the answer deadline.
    #[schema(minimum = 1, maximum = 60)]
    #[serde(default, deserialize_with = "protocol::api::whole_number::optional")]
    pub escalate_working_days: Option<u32>,
    /// 1 to 60 working days a question may wait unanswered.
    #[schema(minimum = 1, maximum = 60)]
    #[serde(default, deserialize_with = "protocol::api::whole_number::optional")]
    pub answer_wait_working_days: Option<u32>,
    pub active: Option<bool>,
}

/// Every category, in the catalog's order.
pub async fn list(db: &Db) -> Result<Vec<CategorySettings>, ServiceError> {
    db.read(|c| Ok(store::list(c)?)).await
}

/// Changes a category's names, deadlines or whether it is offered (administrators only).
pub async fn update(
    db: &Db,
    staff: &StaffMember,
    id: String,
    change: CategoryChange,
) -> Result<CategorySettings, ServiceError> {
    staff.require_admin()?;
    let staff = staff.clone();
    db.call(move |c| {
        let tx = c.savepoint()?;
        let before = store::find(&tx, &id)?.ok_or(ServiceError::NotFound)?;
        let mut after = before.clone();
        if let Some(name) = &change.name {
            name.apply(&mut after.name)?;
        }
        after.ack_working_days = change.ack_working_days.unwrap_or(after.ack_working_days);
        after.answer_working_days = change
            .answer_working_days
            .unwrap_or(after.answer_working_days);
        after.escalate_working_days = change
            .escalate_working_days
            .unwrap_or(after.escalate_working_days);
        after.answer_wait_working_days = change
            .answer_wait_working_days
            .unwrap_or(after.answer_wait_working_days);
        after.active = change.active.unwrap_or(after.active);
        if !(1..=MAX_ACK_WORKING_DAYS).contains(&after.ack_working_days)
            || !(1..=MAX_ANSWER_WORKING_DAYS).contains(&after.answer_working_days)
            || !(1..=MAX_ESCALATE_WORKING_DAYS).contains(&after.escalate_working_days)
            || !(1..=MAX_ANSWER_WAIT_WORKING_DAYS).contains(&after.answer_wait_working_days)
            || after.ack_working_days > after.answer_working_days
        {
            return Err(ServiceError::BadRequest {
                code: "invalid_deadlines",
                detail: None,
            });
        }
        store::update(&tx, &after)?;
        // Phones fetch the catalog again when its version moves.
        store::move_catalog_version(&tx)?;
        audit_admin(
            &tx,
            &staff,
            "category_changed",
            Some(json!(before)),
            Some(json!(after)),
        )?;
        tx.commit()?;
        Ok(after)
    })
    .await
}

/// The SQL of the `categories` table.
mod store {
    use crate::db::{Conn, OptionalExtension};
    use crate::params;
    use protocol::api::ResponsibleLevel;

    use super::CategorySettings;
    use crate::services::names::{self, NAME_COLUMNS};

    fn columns() -> String {
        format!(
            "id, {NAME_COLUMNS}, level, ack_working_days, answer_working_days, active,
                escalate_working_days, answer_wait_working_days"
        )
    }

    fn row(r: &crate::db::Row) -> crate::db::Result<CategorySettings> {
        let level: String = r.get(4)?;
        Ok(CategorySettings {
            id: r.get(0)?,
            name: names::localized(r, 1)?,
            level: level
                .parse::<ResponsibleLevel>()
                .map_err(|e| crate::db::DbError::Conversion(format!("level: {e}")))?,
            ack_working_days: r.get(5)?,
            answer_working_days: r.get(6)?,
            active: r.get(7)?,
            escalate_working_days: r.get(8)?,
            answer_wait_working_days: r.get(9)?,
        })
    }

    pub fn list(c: &Conn) -> crate::db::Result<Vec<CategorySettings>> {
        let mut statement = c.prepare(&format!(
            "SELECT {} FROM categories ORDER BY position",
            columns()
        ))?;
        statement.query_map((), row)?.collect()
    }

    pub fn find(c: &Conn, id: &str) -> crate::db::Result<Option<CategorySettings>> {
        c.query_row(
            &format!("SELECT {} FROM categories WHERE id = ?1", columns()),
            [id],
            row,
        )
        .optional()
    }

    /// The ids of the categories offered, in the catalog's order.
    pub fn active_ids(c: &Conn) -> crate::db::Result<Vec<String>> {
        let mut statement =
            c.prepare("SELECT id FROM categories WHERE active = 1 ORDER BY position, id")?;
        statement.query_map((), |r| r.get(0))?.collect()
    }

    /// Whether `id` is a category.
    pub fn exists(c: &Conn, id: &str) -> crate::db::Result<bool> {
        c.query_row(
            "SELECT EXISTS(SELECT 1 FROM categories WHERE id = ?1)",
            [id],
            |r| r.get(0),
        )
    }

    /// Stores what may change: the names, the deadlines and whether it is offered.
    pub fn update(c: &Conn, category: &CategorySettings) -> crate::db::Result<()> {
        c.execute(
            "UPDATE categories SET name_sq = ?1, name_sr = ?2, name_en = ?3, ack_working_days = ?4,
                 answer_working_days = ?5, active = ?6, escalate_working_days = ?8,
                 answer_wait_working_days = ?9
             WHERE id = ?7",
            params![
                category.name.sq,
                category.name.sr,
                category.name.en,
                category.ack_working_days,
                category.answer_working_days,
                category.active,
                category.id,
                category.escalate_working_days,
                category.answer_wait_working_days
            ],
        )?;
        Ok(())
    }

    pub fn move_catalog_version(c: &Conn) -> crate::db::Result<()> {
        c.execute(
            "UPDATE settings SET value = CAST(value AS INTEGER) + 1 WHERE key = 'catalog_version'",
            (),
        )?;
        Ok(())
    }
}
