//! What campaigns reached: for each, its link's visits, the app's openings (and the phones
//! behind them), the complaints carrying its code, and where those complaints came from.

use crate::db::{Conn, OptionalExtension};
use chrono::NaiveDate;
use protocol::api::{LocalizedText, Status};

use super::Visit;
use crate::services::ServiceError;
use crate::services::names;

/// A campaign with what it has reached so far.
#[derive(Debug, Clone)]
pub struct CampaignReach {
    pub code: String,
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// The municipality it ran in; `None` for a national campaign.
    pub municipality: Option<LocalizedText>,
    /// Times its web link (the QR code) was opened.
    pub scans: i64,
    /// Times the app was opened with its code.
    pub app_opens: i64,
    /// Different phones that opened the app with its code.
    pub devices: i64,
    /// Complaints that carry its code.
    pub complaints: i64,
}

/// One municipality's share of a campaign's complaints.
#[derive(Debug, Clone)]
pub struct MunicipalityReach {
    pub municipality: LocalizedText,
    pub complaints: i64,
    pub resolved: i64,
}

fn reach_select() -> String {
    let (scan, app_open) = (Visit::Scan.as_str(), Visit::AppOpen.as_str());
    format!(
        "SELECT k.code, k.name, k.starts_on, k.ends_on, m.name_sq, m.name_sr, m.name_en,
            (SELECT COUNT(*) FROM campaign_visits v WHERE v.campaign_code = k.code AND v.kind = '{scan}'),
            (SELECT COUNT(*) FROM campaign_visits v WHERE v.campaign_code = k.code AND v.kind = '{app_open}'),
            (SELECT COUNT(DISTINCT device_hash) FROM campaign_visits v
                WHERE v.campaign_code = k.code AND v.kind = '{app_open}'),
            (SELECT COUNT(*) FROM complaints x WHERE x.campaign = k.code)
        FROM campaigns k LEFT JOIN municipalities m ON m.id = k.municipality_id"
    )
}

fn reach_row(r: &crate::db::Row) -> crate::db::Result<CampaignReach> {
    let date = |i: usize| -> crate::db::Result<NaiveDate> {
        let text: String = r.get(i)?;
        text.parse()
            .map_err(|e| crate::db::DbError::Conversion(format!("column {i}: {e}")))
    };
    Ok(CampaignReach {
        code: r.get(0)?,
        name: r.get(1)?,
        starts_on: date(2)?,
        ends_on: date(3)?,
        municipality: names::optional_localized(r, 4)?,
        scans: r.get(7)?,
        app_opens: r.get(8)?,
        devices: r.get(9)?,
        complaints: r.get(10)?,
    })
}

/// Every campaign with its reach, the newest first.
pub fn all(c: &Conn) -> Result<Vec<CampaignReach>, ServiceError> {
    let mut statement = c.prepare_cached(&format!(
        "{} ORDER BY k.starts_on DESC, k.name",
        reach_select()
    ))?;
    let rows = statement
        .query_map((), reach_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// One campaign with its reach.
pub fn find(c: &Conn, code: &str) -> Result<Option<CampaignReach>, ServiceError> {
    Ok(c.query_row(
        &format!("{} WHERE k.code = ?1", reach_select()),
        [code],
        reach_row,
    )
    .optional()?)
}

/// Where a campaign's complaints came from, the most first.
pub fn by_municipality(c: &Conn, code: &str) -> Result<Vec<MunicipalityReach>, ServiceError> {
    let mut statement = c.prepare_cached(
        "SELECT m.name_sq, m.name_sr, m.name_en, COUNT(*), SUM(CASE WHEN x.status = ?2 THEN 1 ELSE 0 END)
         FROM complaints x JOIN municipalities m ON m.id = x.municipality_id
         WHERE x.campaign = ?1
         GROUP BY m.id, m.name_sq, m.name_sr, m.name_en ORDER BY COUNT(*) DESC, m.name_sq",
    )?;
    let rows = statement
        .query_map([code, Status::Resolved.as_str()], |r| {
            Ok(MunicipalityReach {
                municipality: names::localized(r, 0)?,
                complaints: r.get(3)?,
                resolved: r.get(4)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
