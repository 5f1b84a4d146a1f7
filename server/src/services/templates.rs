//! Response templates: replies an institution sends often, kept once and picked when replying.
//! Everyone in the institution uses them; managers and administrators keep them.

use crate::db::Conn;

use super::ServiceError;
use crate::auth::{Role, StaffMember};

/// The longest title, in characters.
pub const TITLE_MAX: usize = 120;
/// The longest text, in characters (as long as a complaint may be).
pub const BODY_MAX: usize = protocol::api::limits::DESCRIPTION_MAX_CHARS;
/// The code a template without a title or text, or with one too long, is refused with.
pub const INVALID: &str = "invalid_template";

/// One template of an institution.
pub struct Template {
    pub id: i64,
    pub title: String,
    pub body: String,
}

/// The institution whose templates `staff` works with; administrators have none.
fn institution(staff: &StaffMember) -> Result<&str, ServiceError> {
    staff
        .institution_id
        .as_deref()
        .ok_or(ServiceError::Forbidden)
}

/// Whether `staff` may add and delete templates (managers and administrators do).
pub fn may_keep(staff: &StaffMember) -> bool {
    matches!(staff.role, Role::Manager | Role::Administrator)
}

/// The templates of `institution`, by title.
pub fn of_institution(c: &Conn, institution: &str) -> Result<Vec<Template>, ServiceError> {
    let mut statement = c.prepare_cached(
        "SELECT id, title, body FROM response_templates WHERE institution_id = ?1 ORDER BY title",
    )?;
    let rows = statement
        .query_map([institution], |r| {
            Ok(Template {
                id: r.get(0)?,
                title: r.get(1)?,
                body: r.get(2)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The templates of `staff`'s institution, by title.
pub fn list(c: &Conn, staff: &StaffMember) -> Result<Vec<Template>, ServiceError> {
    of_institution(c, institution(staff)?)
}

/// Adds a template to `staff`'s institution: a title of 1 to [`TITLE_MAX`] characters and a
/// text of 1 to [`BODY_MAX`], once trimmed; else refused with [`INVALID`].
pub fn create(c: &Conn, staff: &StaffMember, title: &str, body: &str) -> Result<(), ServiceError> {
    if !may_keep(staff) {
        return Err(ServiceError::Forbidden);
    }
    let institution = institution(staff)?;
    let (title, body) = (title.trim(), body.trim());
    if title.is_empty()
        || body.is_empty()
        || title.chars().count() > TITLE_MAX
        || body.chars().count() > BODY_MAX
    {
        return Err(ServiceError::bad_request(INVALID));
    }
    c.execute(
        "INSERT INTO response_templates (institution_id, title, body) VALUES (?1, ?2, ?3)",
        [institution, title, body],
    )?;
    Ok(())
}

/// Deletes template `id` of `staff`'s institution; not found if it is another's.
pub fn delete(c: &Conn, staff: &StaffMember, id: i64) -> Result<(), ServiceError> {
    if !may_keep(staff) {
        return Err(ServiceError::Forbidden);
    }
    let institution = institution(staff)?;
    let deleted = c.execute(
        "DELETE FROM response_templates WHERE id = ?1 AND institution_id = ?2",
        crate::params![id, institution],
    )?;
    if deleted == 0 {
        return Err(ServiceError::NotFound);
    }
    Ok(())
}
