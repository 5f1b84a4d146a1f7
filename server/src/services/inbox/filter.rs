//! The inbox's SQL: a `WHERE` clause built from the filters a request gives (each value a
//! numbered parameter, never text in the query), the columns an inbox row reads, and what
//! "past a deadline" means.

use crate::db::Value;
use protocol::api::Status;

use super::InboxItem;
use crate::services::names::localized;

/// The SQL condition for "past a deadline" on `:today` (a Kosovo date), as an item's `overdue`
/// and the daily totals' open counts have it.
const OVERDUE_SQL: &str =
    "(c.status IN ('submitted', 'received', 'in_progress', 'transferred', 'reopened')
    AND (c.answer_due < :today
        OR (c.status IN ('submitted', 'transferred', 'reopened') AND c.ack_due < :today)))";

/// "Past a deadline" on `today`, a date the server wrote (never text from a request).
pub fn overdue_condition(today: &str) -> String {
    OVERDUE_SQL.replace(":today", &format!("'{today}'"))
}

/// The columns [`item_from_row`] reads, from `complaints c`, `categories k` and
/// `municipalities m`.
pub const ITEM_COLUMNS: &str = "c.id, c.tracking_code, c.category_id, k.name_sq, k.name_sr, k.name_en, c.municipality_id,
    m.name_sq, m.name_sr, m.name_en, c.institution_id, c.status, c.submitted_at, c.ack_due, c.answer_due,
    c.assigned_to, c.photo_count, c.contact_phone IS NULL AND c.contact_email IS NULL, c.description,
    c.escalated_at IS NOT NULL";

/// How many columns [`ITEM_COLUMNS`] names: a query reading more puts them after these.
pub const ITEM_COLUMN_COUNT: usize = 20;

/// An inbox row of [`ITEM_COLUMNS`], overdue or not on `today`.
pub fn item_from_row(row: &crate::db::Row, today: &str) -> crate::db::Result<InboxItem> {
    let status: String = row.get(11)?;
    let ack_due: String = row.get(13)?;
    let answer_due: String = row.get(14)?;
    let description: String = row.get(18)?;
    let known = status.parse::<Status>().ok();
    let open = known.is_some_and(Status::runs_against_deadline);
    let acknowledged = !matches!(
        known,
        Some(Status::Submitted | Status::Transferred | Status::Reopened)
    );
    Ok(InboxItem {
        id: row.get(0)?,
        tracking_code: row.get(1)?,
        category_id: row.get(2)?,
        category: localized(row, 3)?,
        municipality_id: row.get(6)?,
        municipality: localized(row, 7)?,
        institution_id: row.get(10)?,
        overdue: open
            && (answer_due.as_str() < today || (!acknowledged && ack_due.as_str() < today)),
        status,
        submitted_at: row.get(12)?,
        ack_due,
        answer_due,
        assigned_to: row.get(15)?,
        photo_count: row.get(16)?,
        anonymous: row.get(17)?,
        excerpt: description.chars().take(160).collect(),
        escalated: row.get(19)?,
    })
}

/// A `WHERE` clause built up from conditions with numbered parameters.
#[derive(Clone, Default)]
pub struct Filter {
    conditions: Vec<String>,
    pub values: Vec<Value>,
}

impl Filter {
    /// Adds a condition; each `?` in it stands for the next of `values`.
    pub fn add(&mut self, sql: &str, values: impl IntoIterator<Item = Value>) {
        let mut values = values.into_iter();
        let mut numbered = String::with_capacity(sql.len() + 8);
        for c in sql.chars() {
            if c == '?'
                && let Some(value) = values.next()
            {
                self.values.push(value);
                numbered.push_str(&format!("?{}", self.values.len()));
            } else {
                numbered.push(c);
            }
        }
        self.conditions.push(numbered);
    }

    pub fn clause(&self) -> String {
        if self.conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.conditions.join(" AND "))
        }
    }
}
