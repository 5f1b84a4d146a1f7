//! Counting a campaign's visits: its web page opened (usually from the QR code) and the app
//! opened with its code, each visitor once a Kosovo day, known only by a keyed hash.

use crate::db::Conn;
use crate::params;
use chrono::{DateTime, Utc};

use crate::services::ServiceError;

/// How a campaign link was followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visit {
    /// Its web page was opened (usually from the QR code).
    Scan,
    /// The app was opened with its code.
    AppOpen,
}

impl Visit {
    /// The visit as the database writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Visit::Scan => "scan",
            Visit::AppOpen => "app_open",
        }
    }
}

/// The key that makes visitors' hashes irreversible without the database; made on first use.
fn visitor_key(c: &Conn) -> Result<String, ServiceError> {
    let fresh = crate::auth::hex(&crate::auth::random_bytes::<32>()?);
    c.execute(
        "INSERT INTO settings (key, value) VALUES ('visitor_key', ?1) ON CONFLICT DO NOTHING",
        [fresh],
    )?;
    Ok(c.query_row(
        "SELECT value FROM settings WHERE key = 'visitor_key'",
        (),
        |r| r.get(0),
    )?)
}

/// Counts a visit from `visitor` (an address for a scan, a device for an app opening) once a
/// Kosovo day; `false` when there is no such campaign.
pub fn record_visit(
    c: &Conn,
    code: &str,
    visit: Visit,
    visitor: &str,
    at: DateTime<Utc>,
) -> Result<bool, ServiceError> {
    let kind = visit.as_str();
    let known: bool = c.query_row(
        "SELECT EXISTS(SELECT 1 FROM campaigns WHERE code = ?1)",
        [code],
        |r| r.get(0),
    )?;
    if !known {
        return Ok(false);
    }
    let day = crate::calendar::kosovo_date(at);
    let key = visitor_key(c)?;
    let visitor_hash =
        crate::auth::sha256_hex(format!("{key}\n{code}\n{kind}\n{day}\n{visitor}").as_bytes());
    let device_hash = matches!(visit, Visit::AppOpen).then_some(visitor);
    c.execute(
        "INSERT INTO campaign_visits (campaign_code, kind, device_hash, visitor, at)
         VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
        params![code, kind, device_hash, visitor_hash, at.to_rfc3339()],
    )?;
    Ok(true)
}
