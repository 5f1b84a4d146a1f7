//! What a supervisor oversees: every institution below the supervising body its account names
//! (its children, their children, and so on), never that body itself. A supervisor reads these
//! institutions' complaints without the citizens' contact details or photos, and may leave a
//! note on them; it acts on none.

use crate::auth::{Role, StaffMember};
use crate::db::Conn;

/// The institutions `staff` oversees: none unless it is a supervisor.
pub fn overseen(c: &Conn, staff: &StaffMember) -> crate::db::Result<Vec<String>> {
    let (Role::Supervisor, Some(body)) = (staff.role, staff.institution_id.as_deref()) else {
        return Ok(Vec::new());
    };
    c.query_map(
        "WITH RECURSIVE below (id) AS (
             SELECT id FROM institutions WHERE parent_id = ?1
             UNION SELECT i.id FROM institutions i JOIN below b ON i.parent_id = b.id
         )
         SELECT id FROM below ORDER BY id",
        [body],
        |r| r.get(0),
    )
}

/// Whether `staff` oversees `institution`.
pub fn oversees(c: &Conn, staff: &StaffMember, institution: &str) -> crate::db::Result<bool> {
    Ok(overseen(c, staff)?.iter().any(|id| id == institution))
}
