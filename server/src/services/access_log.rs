//! Who looked at a citizen's personal data. The contact details and photos of a complaint are
//! shown to its institution's staff only when one of them asks, and each look is recorded: who,
//! when, which complaint, the contact or the photos (a staff member's looks at one complaint
//! within [`WINDOW_MINUTES`] count once). A manager reads the record of their institution's
//! complaints, an administrator all of it; nobody else.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::ServiceError;
use super::inbox::{self, StaffComplaint};
use crate::auth::{Role, StaffMember};
use crate::db::{Conn, Db, Value, params_from_iter};
use crate::params;

/// How long one look lasts: the contact stays shown, and further looks are not recorded again.
pub const WINDOW_MINUTES: i64 = 15;

/// The most entries one reading of the record gives.
const MAX_ENTRIES: i64 = 500;

/// What was looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Looked {
    Contact,
    Photos,
}

impl Looked {
    fn as_str(self) -> &'static str {
        match self {
            Looked::Contact => "contact",
            Looked::Photos => "photos",
        }
    }
}

/// Records that `staff` looked at `what` of complaint `id` at `now`, unless they already did
/// within the window.
pub fn record(
    c: &Conn,
    staff: &StaffMember,
    id: &str,
    what: Looked,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    if looked_lately(c, staff, id, what, now)? {
        return Ok(());
    }
    c.execute(
        "INSERT INTO personal_data_views (at, staff_id, complaint_id, what) VALUES (?1, ?2, ?3, ?4)",
        params![now.to_rfc3339(), staff.id, id, what.as_str()],
    )?;
    Ok(())
}

/// Whether `staff` looked at `what` of complaint `id` within the window before `now`.
pub fn looked_lately(
    c: &Conn,
    staff: &StaffMember,
    id: &str,
    what: Looked,
    now: DateTime<Utc>,
) -> Result<bool, ServiceError> {
    let since = (now - Duration::minutes(WINDOW_MINUTES)).to_rfc3339();
    Ok(c.exists(
        "SELECT 1 FROM personal_data_views
         WHERE staff_id = ?1 AND complaint_id = ?2 AND what = ?3 AND at > ?4",
        params![staff.id, id, what.as_str(), since],
    )?)
}

/// Takes the contact details off `complaint` unless `staff` looked at them within the window:
/// whether there is something hidden that they may ask to see (they handle the complaint, and
/// it has a contact or photos).
pub fn hide_unless_looked(
    c: &Conn,
    staff: &StaffMember,
    complaint: &mut StaffComplaint,
    now: DateTime<Utc>,
) -> Result<bool, ServiceError> {
    let theirs = staff.serves(&complaint.item.institution_id);
    let personal = complaint.contact.is_some() || !complaint.photos.is_empty();
    if theirs && personal && looked_lately(c, staff, &complaint.item.id, Looked::Contact, now)? {
        return Ok(false);
    }
    complaint.contact = None;
    Ok(theirs && personal)
}

/// `staff` asks to see the contact details and photos of complaint `id`: recorded, and shown
/// for the window. Not found unless they handle it.
pub async fn reveal(
    db: &Db,
    staff: &StaffMember,
    id: String,
    today: String,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let staff = staff.clone();
    db.call(move |c| {
        let complaint = inbox::complaint(c, &staff, &id, &today)?;
        if !staff.serves(&complaint.item.institution_id) {
            return Err(ServiceError::NotFound);
        }
        record(c, &staff, &id, Looked::Contact, now)
    })
    .await
}

/// One look, as the record shows it.
#[derive(Debug, Clone, Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct AccessEntry {
    pub at: String,
    pub staff_id: i64,
    pub staff_name: String,
    pub complaint_id: String,
    pub tracking_code: String,
    pub institution_id: String,
    /// `contact` or `photos`.
    pub what: String,
}

/// The newest looks `staff` may read: a manager's institution's complaints, every one for an
/// administrator (or one institution's, if `institution` names it); forbidden to anyone else.
pub async fn entries(
    db: &Db,
    staff: &StaffMember,
    institution: Option<String>,
) -> Result<Vec<AccessEntry>, ServiceError> {
    let scope: Option<String> = match (staff.role, &staff.institution_id) {
        (Role::Administrator, _) => institution,
        (Role::Manager, Some(own)) => Some(own.clone()),
        _ => return Err(ServiceError::Forbidden),
    };
    db.read(move |c| {
        let mut values: Vec<Value> = Vec::new();
        let mut sql = "SELECT v.at, v.staff_id, s.display_name, v.complaint_id, c.tracking_code,
                c.institution_id, v.what
             FROM personal_data_views v JOIN staff s ON s.id = v.staff_id
             JOIN complaints c ON c.id = v.complaint_id"
            .to_owned();
        if let Some(institution) = scope {
            sql.push_str(" WHERE c.institution_id = ?1");
            values.push(institution.into());
        }
        sql.push_str(&format!(" ORDER BY v.id DESC LIMIT {MAX_ENTRIES}"));
        let mut statement = c.prepare(&sql)?;
        let rows = statement
            .query_map(params_from_iter(values.iter()), |r| {
                Ok(AccessEntry {
                    at: r.get(0)?,
                    staff_id: r.get(1)?,
                    staff_name: r.get(2)?,
                    complaint_id: r.get(3)?,
                    tracking_code: r.get(4)?,
                    institution_id: r.get(5)?,
                    what: r.get(6)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    })
    .await
}
