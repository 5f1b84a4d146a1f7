//! Public holidays: the days, besides weekends, that deadlines do not count (`calendar.rs`
//! reads them). Administrators add, rename and remove them.

use chrono::NaiveDate;
use protocol::api::LocalizedText;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::audit::audit_admin;
use super::names;
use crate::auth::StaffMember;
use crate::db::Db;
use crate::services::ServiceError;

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Holiday {
    /// A day within 2000 to 2100.
    #[schema(pattern = "^(20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$")]
    pub date: NaiveDate,
    #[schema(value_type = names::LocalizedName)]
    pub name: LocalizedText,
}

/// Every holiday, by date.
pub async fn list(db: &Db) -> Result<Vec<Holiday>, ServiceError> {
    db.read(|c| Ok(store::list(c)?)).await
}

/// Makes a day a holiday, or renames it if it is one (administrators only).
pub async fn add(db: &Db, staff: &StaffMember, holiday: Holiday) -> Result<(), ServiceError> {
    staff.require_admin()?;
    crate::input::day(holiday.date)?;
    let staff = staff.clone();
    db.call(move |c| {
        let tx = c.savepoint()?;
        store::put(&tx, holiday.date, &names::checked(&holiday.name)?)?;
        audit_admin(&tx, &staff, "holiday_added", None, Some(json!(holiday)))?;
        tx.commit()?;
        Ok(())
    })
    .await
}

/// Makes the day written `date` (`YYYY-MM-DD`) a working day again (administrators only).
pub async fn remove(db: &Db, staff: &StaffMember, date: &str) -> Result<(), ServiceError> {
    staff.require_admin()?;
    let date = crate::input::parse_day(date)?;
    let staff = staff.clone();
    db.call(move |c| {
        let tx = c.savepoint()?;
        if !store::delete(&tx, date)? {
            return Err(ServiceError::NotFound);
        }
        audit_admin(
            &tx,
            &staff,
            "holiday_removed",
            Some(json!(date.to_string())),
            None,
        )?;
        tx.commit()?;
        Ok(())
    })
    .await
}

/// The SQL of the `holidays` table, as administration uses it.
mod store {
    use crate::db::Conn;
    use crate::params;
    use chrono::NaiveDate;
    use protocol::api::LocalizedText;

    use super::Holiday;
    use crate::services::names::{self, NAME_COLUMNS};

    pub fn list(c: &Conn) -> crate::db::Result<Vec<Holiday>> {
        let mut statement = c.prepare(&format!(
            "SELECT date, {NAME_COLUMNS} FROM holidays ORDER BY date"
        ))?;
        statement
            .query_map((), |r| {
                let date: String = r.get(0)?;
                Ok(Holiday {
                    date: date.parse().unwrap_or_default(),
                    name: names::localized(r, 1)?,
                })
            })?
            .collect()
    }

    /// Stores `date` as a holiday named `name`, in place of any name it had.
    pub fn put(c: &Conn, date: NaiveDate, name: &LocalizedText) -> crate::db::Result<()> {
        c.execute(
            "INSERT INTO holidays (date, name_sq, name_sr, name_en) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (date) DO UPDATE SET name_sq = excluded.name_sq, name_sr = excluded.name_sr,
                name_en = excluded.name_en",
            params![date.to_string(), name.sq, name.sr, name.en],
        )?;
        Ok(())
    }

    /// Whether there was such a holiday to delete.
    pub fn delete(c: &Conn, date: NaiveDate) -> crate::db::Result<bool> {
        Ok(c.execute("DELETE FROM holidays WHERE date = ?1", [date.to_string()])? > 0)
    }
}
