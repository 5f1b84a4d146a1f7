//! The municipalities other records name (an institution's, a routing rule's, a campaign's):
//! reference data the administration reads but does not change.

use rusqlite::Connection;

/// Whether `id` is a municipality.
pub fn exists(c: &Connection, id: &str) -> rusqlite::Result<bool> {
    c.query_row(
        "SELECT EXISTS(SELECT 1 FROM municipalities WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )
}
