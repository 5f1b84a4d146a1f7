//! Routing rules: which institution a category's complaints go to, everywhere or in one
//! municipality. Administrators add and delete them; a rule takes effect with the next
//! complaint (`routing.rs` reads them).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::audit::audit_admin;
use super::{categories, institutions, municipalities};
use crate::auth::StaffMember;
use crate::db::Db;
use crate::services::ServiceError;

/// How far a routing rule's priority goes either side of 0.
pub const MAX_PRIORITY: i64 = 1000;

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RoutingRule {
    #[serde(default, deserialize_with = "protocol::api::whole_number::deserialize")]
    pub id: i64,
    pub category_id: String,
    /// A rule for one municipality wins over a general one.
    pub municipality_id: Option<String>,
    /// `institution:<id>`, `municipal:<template>` or `water_company`.
    pub target: String,
    /// Among rules for the same place, the higher wins; -1000 to 1000.
    #[serde(default, deserialize_with = "protocol::api::whole_number::deserialize")]
    #[schema(minimum = -1000, maximum = 1000)]
    pub priority: i64,
}

fn bad(code: &'static str) -> ServiceError {
    ServiceError::BadRequest { code, detail: None }
}

/// Every rule, by category, municipality and priority.
pub async fn list(db: &Db) -> Result<Vec<RoutingRule>, ServiceError> {
    db.read(|c| Ok(store::list(c)?)).await
}

/// Whether `target` names something complaints can be sent to.
fn target_exists(c: &crate::db::Conn, target: &str) -> crate::db::Result<bool> {
    if let Some(id) = target.strip_prefix("institution:") {
        institutions::exists(c, id)
    } else if let Some(template) = target.strip_prefix("municipal:") {
        // Every municipality has the same bodies; the capital's stands for all of them.
        institutions::exists(
            c,
            &crate::reference::municipal_body_id("prishtine", template),
        )
    } else {
        Ok(target == "water_company")
    }
}

/// Adds a rule (administrators only); `rule.id` is ignored, and the answer carries the new one.
pub async fn create(
    db: &Db,
    staff: &StaffMember,
    rule: RoutingRule,
    now: DateTime<Utc>,
) -> Result<RoutingRule, ServiceError> {
    staff.require_admin()?;
    if !(-MAX_PRIORITY..=MAX_PRIORITY).contains(&rule.priority) {
        return Err(bad("invalid_priority"));
    }
    let staff = staff.clone();
    db.call(move |c| {
        let tx = c.savepoint()?;
        if !categories::exists(&tx, &rule.category_id)? {
            return Err(bad("unknown_category"));
        }
        if let Some(m) = &rule.municipality_id
            && !municipalities::exists(&tx, m)?
        {
            return Err(bad("unknown_municipality"));
        }
        if !target_exists(&tx, &rule.target)? {
            return Err(bad("unknown_target"));
        }
        let rule = RoutingRule {
            id: store::insert(&tx, &rule, now)?,
            ..rule
        };
        audit_admin(&tx, &staff, "routing_rule_created", None, Some(json!(rule)))?;
        tx.commit()?;
        Ok(rule)
    })
    .await
}

/// Deletes a rule (administrators only).
pub async fn delete(db: &Db, staff: &StaffMember, id: i64) -> Result<(), ServiceError> {
    staff.require_admin()?;
    let staff = staff.clone();
    db.call(move |c| {
        let tx = c.savepoint()?;
        let before = store::find(&tx, id)?.ok_or(ServiceError::NotFound)?;
        store::delete(&tx, id)?;
        audit_admin(
            &tx,
            &staff,
            "routing_rule_deleted",
            Some(json!({
                "id": id,
                "rule": (before.category_id, before.municipality_id, before.target, before.priority),
            })),
            None,
        )?;
        tx.commit()?;
        Ok(())
    })
    .await
}

/// Stores a rule as it is, unchecked and unaudited (for seeding a training sandbox); answers
/// its id.
pub fn insert_unaudited(
    c: &crate::db::Conn,
    rule: &RoutingRule,
    now: DateTime<Utc>,
) -> Result<i64, ServiceError> {
    Ok(store::insert(c, rule, now)?)
}

/// Deletes a rule, unaudited (for seeding a training sandbox).
pub fn delete_unaudited(c: &crate::db::Conn, id: i64) -> Result<(), ServiceError> {
    Ok(store::delete(c, id)?)
}

/// The SQL of the `routing_rules` table, as administration uses it.
mod store {
    use crate::db::{Conn, OptionalExtension};
    use crate::params;
    use chrono::{DateTime, Utc};

    use super::RoutingRule;

    const COLUMNS: &str = "id, category_id, municipality_id, target, priority";

    fn row(r: &crate::db::Row) -> crate::db::Result<RoutingRule> {
        Ok(RoutingRule {
            id: r.get(0)?,
            category_id: r.get(1)?,
            municipality_id: r.get(2)?,
            target: r.get(3)?,
            priority: r.get(4)?,
        })
    }

    pub fn list(c: &Conn) -> crate::db::Result<Vec<RoutingRule>> {
        let mut statement = c.prepare(&format!(
            "SELECT {COLUMNS} FROM routing_rules ORDER BY category_id, municipality_id, priority DESC"
        ))?;
        statement.query_map((), row)?.collect()
    }

    pub fn find(c: &Conn, id: i64) -> crate::db::Result<Option<RoutingRule>> {
        c.query_row(
            &format!("SELECT {COLUMNS} FROM routing_rules WHERE id = ?1"),
            [id],
            row,
        )
        .optional()
    }

    /// Stores a rule; answers its id.
    pub fn insert(c: &Conn, rule: &RoutingRule, now: DateTime<Utc>) -> crate::db::Result<i64> {
        c.query_row(
            "INSERT INTO routing_rules (category_id, municipality_id, target, priority, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
            params![
                rule.category_id,
                rule.municipality_id,
                rule.target,
                rule.priority,
                now.to_rfc3339()
            ],
            |r| r.get(0),
        )
    }

    pub fn delete(c: &Conn, id: i64) -> crate::db::Result<()> {
        c.execute("DELETE FROM routing_rules WHERE id = ?1", [id])?;
        Ok(())
    }
}
