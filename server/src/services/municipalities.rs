//! The municipalities other records name (an institution's, a routing rule's, a campaign's):
//! reference data the administration reads but does not change.

use crate::db::Conn;

/// Whether `id` is a municipality.
pub fn exists(c: &Conn, id: &str) -> crate::db::Result<bool> {
    c.query_row(
        "SELECT EXISTS(SELECT 1 FROM municipalities WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )
}
