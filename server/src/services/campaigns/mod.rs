//! Promotional campaigns: administrators create them; each has a code, a web link and a
//! printable QR code that lead to the app, and a report of what it reached: how often its link
//! was opened, how often the app was opened with its code, and the complaints that carry the
//! code, by municipality.

pub mod qr;
mod reach;
mod visits;

use crate::db::Conn;
use crate::params;
use chrono::{DateTime, NaiveDate, Utc};

pub use reach::{CampaignReach, MunicipalityReach};
pub use visits::{Visit, record_visit};

use crate::auth::StaffMember;
use crate::db::Db;
use crate::services::ServiceError;
use crate::services::municipalities;

/// The longest campaign name.
pub const NAME_MAX: usize = 120;

/// Characters a code is made of: no 0/O or 1/I, so a code read off a poster is typed right.
const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/// What an administrator fills in; a date that could not be read is `None`.
pub struct NewCampaign {
    pub name: String,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    /// `None`: the whole country.
    pub municipality_id: Option<String>,
}

/// Why a campaign cannot be created as asked; each is a message the form shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CampaignInputError {
    NameMissing,
    NameTooLong,
    /// Also when either date is missing or not a day.
    EndsBeforeItStarts,
    UnknownMunicipality,
}

/// A new code: a few letters for the place (KS for the whole country) and five random
/// characters, e.g. `GJI-7K3QA`.
fn new_code(municipality_id: Option<&str>) -> Result<String, ServiceError> {
    let prefix: String = match municipality_id {
        Some(id) => id
            .chars()
            .filter(char::is_ascii_alphabetic)
            .take(3)
            .collect::<String>()
            .to_ascii_uppercase(),
        None => "KS".into(),
    };
    let random = crate::auth::random_bytes::<5>()?;
    let tail: String = random
        .iter()
        .map(|b| CODE_ALPHABET[usize::from(*b) % CODE_ALPHABET.len()] as char)
        .collect();
    Ok(format!("{prefix}-{tail}"))
}

/// Checks what an administrator typed: the outer error is the database's, the inner one what
/// the form should say. Answers the two dates once they are right.
fn validate(
    c: &Conn,
    campaign: &NewCampaign,
) -> Result<Result<(NaiveDate, NaiveDate), CampaignInputError>, ServiceError> {
    let (Some(starts_on), Some(ends_on)) = (campaign.starts_on, campaign.ends_on) else {
        return Ok(Err(CampaignInputError::EndsBeforeItStarts));
    };
    let name = campaign.name.trim();
    if name.is_empty() {
        return Ok(Err(CampaignInputError::NameMissing));
    }
    if name.chars().count() > NAME_MAX {
        return Ok(Err(CampaignInputError::NameTooLong));
    }
    if ends_on < starts_on {
        return Ok(Err(CampaignInputError::EndsBeforeItStarts));
    }
    if let Some(id) = &campaign.municipality_id
        && !municipalities::exists(c, id)?
    {
        return Ok(Err(CampaignInputError::UnknownMunicipality));
    }
    Ok(Ok((starts_on, ends_on)))
}

/// Creates a campaign (administrators only) and answers its new code, or why the form must
/// change.
pub async fn create(
    db: &Db,
    staff: &StaffMember,
    campaign: NewCampaign,
    now: DateTime<Utc>,
) -> Result<Result<String, CampaignInputError>, ServiceError> {
    staff.require_admin()?;
    let created_by = staff.id;
    db.call(move |c| {
        let (starts_on, ends_on) = match validate(c, &campaign)? {
            Ok(dates) => dates,
            Err(refused) => return Ok(Err(refused)),
        };
        loop {
            let code = new_code(campaign.municipality_id.as_deref())?;
            let inserted = c.execute(
                "INSERT INTO campaigns (code, name, starts_on, ends_on, municipality_id, created_by, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (code) DO NOTHING",
                params![
                    code,
                    campaign.name.trim(),
                    starts_on.to_string(),
                    ends_on.to_string(),
                    campaign.municipality_id,
                    created_by,
                    now.to_rfc3339(),
                ],
            )?;
            if inserted == 1 {
                return Ok(Ok(code));
            }
        }
    })
    .await
}

/// Every campaign with its reach, the newest first (administrators only).
pub async fn all(db: &Db, staff: &StaffMember) -> Result<Vec<CampaignReach>, ServiceError> {
    staff.require_admin()?;
    db.read(reach::all).await
}

/// The campaign a link's code names, with its reach; not found unless `code` is a well-formed
/// code of a campaign. Anyone may follow a campaign's link, so this asks for no one.
pub async fn by_code(db: &Db, code: &str) -> Result<CampaignReach, ServiceError> {
    let code = protocol::api::campaign_code(code).ok_or(ServiceError::NotFound)?;
    db.read(move |c| reach::find(c, &code))
        .await?
        .ok_or(ServiceError::NotFound)
}

/// One campaign with its reach (administrators only).
pub async fn find(db: &Db, staff: &StaffMember, code: &str) -> Result<CampaignReach, ServiceError> {
    staff.require_admin()?;
    by_code(db, code).await
}

/// One campaign's reach with where its complaints came from (administrators only).
pub async fn report(
    db: &Db,
    staff: &StaffMember,
    code: &str,
) -> Result<(CampaignReach, Vec<MunicipalityReach>), ServiceError> {
    let campaign = find(db, staff, code).await?;
    let code = campaign.code.clone();
    let municipalities = db.read(move |c| reach::by_municipality(c, &code)).await?;
    Ok((campaign, municipalities))
}

/// The link the app opens with (a custom URL scheme both phones register).
pub fn app_link(code: &str) -> String {
    format!("zeri://campaign/{code}")
}

/// The web link a QR code or a poster carries: a page that opens the app, or leads to it.
pub fn web_link(public_url: &str, code: &str) -> String {
    format!("{}/c/{code}", public_url.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_codes_name_the_place_and_avoid_look_alike_characters() {
        let code = new_code(Some("gjilan")).unwrap();
        assert!(code.starts_with("GJI-"), "{code}");
        assert_eq!(code.len(), 9);
        assert!(!code[4..].contains(['0', 'O', '1', 'I']), "{code}");
        assert!(new_code(None).unwrap().starts_with("KS-"));
        assert_eq!(protocol::api::campaign_code(&code), Some(code));
    }
}
