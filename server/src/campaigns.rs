//! Promotional campaigns: administrators create them; each has a code, a web link and a
//! printable QR code that lead to the app, and a report of what it reached: how often its link
//! was opened, how often the app was opened with its code, and the complaints that carry the
//! code, by municipality.

use chrono::{DateTime, NaiveDate, Utc};
use protocol::api::LocalizedText;
use rusqlite::{Connection, OptionalExtension, params};

use crate::http::ApiError;

/// The longest campaign name.
pub const NAME_MAX: usize = 120;

/// Characters a code is made of: no 0/O or 1/I, so a code read off a poster is typed right.
const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/// What an administrator fills in.
pub struct NewCampaign {
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// `None`: the whole country.
    pub municipality_id: Option<String>,
}

/// Why a campaign cannot be created as asked; each is a message the form shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CampaignInputError {
    NameMissing,
    NameTooLong,
    EndsBeforeItStarts,
    UnknownMunicipality,
}

impl CampaignInputError {
    /// The dashboard message that explains it.
    pub fn message_id(self) -> &'static str {
        match self {
            CampaignInputError::NameMissing => "web-campaign-name-missing",
            CampaignInputError::NameTooLong => "web-campaign-name-too-long",
            CampaignInputError::EndsBeforeItStarts => "web-campaign-ends-before-start",
            CampaignInputError::UnknownMunicipality => "web-campaign-unknown-municipality",
        }
    }
}

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

/// A new code: a few letters for the place (KS for the whole country) and five random
/// characters, e.g. `GJI-7K3QA`.
fn new_code(municipality_id: Option<&str>) -> Result<String, ApiError> {
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
/// the form should say.
pub fn validate(
    c: &Connection,
    campaign: &NewCampaign,
) -> Result<Result<(), CampaignInputError>, ApiError> {
    let name = campaign.name.trim();
    if name.is_empty() {
        return Ok(Err(CampaignInputError::NameMissing));
    }
    if name.chars().count() > NAME_MAX {
        return Ok(Err(CampaignInputError::NameTooLong));
    }
    if campaign.ends_on < campaign.starts_on {
        return Ok(Err(CampaignInputError::EndsBeforeItStarts));
    }
    if let Some(id) = &campaign.municipality_id {
        let known: bool = c.query_row(
            "SELECT EXISTS(SELECT 1 FROM municipalities WHERE id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if !known {
            return Ok(Err(CampaignInputError::UnknownMunicipality));
        }
    }
    Ok(Ok(()))
}

/// Stores a validated campaign and answers its new code.
pub fn create(
    c: &Connection,
    campaign: &NewCampaign,
    created_by: i64,
    now: DateTime<Utc>,
) -> Result<String, ApiError> {
    loop {
        let code = new_code(campaign.municipality_id.as_deref())?;
        let inserted = c.execute(
            "INSERT INTO campaigns (code, name, starts_on, ends_on, municipality_id, created_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (code) DO NOTHING",
            params![
                code,
                campaign.name.trim(),
                campaign.starts_on.to_string(),
                campaign.ends_on.to_string(),
                campaign.municipality_id,
                created_by,
                now.to_rfc3339(),
            ],
        )?;
        if inserted == 1 {
            return Ok(code);
        }
    }
}

const REACH_SELECT: &str = "SELECT k.code, k.name, k.starts_on, k.ends_on,
        m.name_sq, m.name_sr, m.name_en,
        (SELECT COUNT(*) FROM campaign_visits v WHERE v.campaign_code = k.code AND v.kind = 'scan'),
        (SELECT COUNT(*) FROM campaign_visits v WHERE v.campaign_code = k.code AND v.kind = 'app_open'),
        (SELECT COUNT(DISTINCT device_hash) FROM campaign_visits v WHERE v.campaign_code = k.code AND v.kind = 'app_open'),
        (SELECT COUNT(*) FROM complaints x WHERE x.campaign = k.code)
    FROM campaigns k LEFT JOIN municipalities m ON m.id = k.municipality_id";

fn reach_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CampaignReach> {
    let date = |i: usize| -> rusqlite::Result<NaiveDate> {
        let text: String = r.get(i)?;
        text.parse().map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
        })
    };
    let municipality = match r.get::<_, Option<String>>(4)? {
        Some(sq) => Some(LocalizedText {
            sq,
            sr: r.get(5)?,
            en: r.get(6)?,
        }),
        None => None,
    };
    Ok(CampaignReach {
        code: r.get(0)?,
        name: r.get(1)?,
        starts_on: date(2)?,
        ends_on: date(3)?,
        municipality,
        scans: r.get(7)?,
        app_opens: r.get(8)?,
        devices: r.get(9)?,
        complaints: r.get(10)?,
    })
}

/// Every campaign with its reach, the newest first.
pub fn all(c: &Connection) -> Result<Vec<CampaignReach>, ApiError> {
    let mut statement =
        c.prepare_cached(&format!("{REACH_SELECT} ORDER BY k.starts_on DESC, k.name"))?;
    let rows = statement
        .query_map([], reach_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// One campaign with its reach.
pub fn find(c: &Connection, code: &str) -> Result<Option<CampaignReach>, ApiError> {
    Ok(c.query_row(
        &format!("{REACH_SELECT} WHERE k.code = ?1"),
        [code],
        reach_row,
    )
    .optional()?)
}

/// Where a campaign's complaints came from, the most first.
pub fn by_municipality(c: &Connection, code: &str) -> Result<Vec<MunicipalityReach>, ApiError> {
    let mut statement = c.prepare_cached(
        "SELECT m.name_sq, m.name_sr, m.name_en, COUNT(*),
                SUM(x.status = 'resolved')
         FROM complaints x JOIN municipalities m ON m.id = x.municipality_id
         WHERE x.campaign = ?1
         GROUP BY x.municipality_id ORDER BY COUNT(*) DESC, m.name_sq",
    )?;
    let rows = statement
        .query_map([code], |r| {
            Ok(MunicipalityReach {
                municipality: LocalizedText {
                    sq: r.get(0)?,
                    sr: r.get(1)?,
                    en: r.get(2)?,
                },
                complaints: r.get(3)?,
                resolved: r.get(4)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// How a campaign link was followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visit {
    /// Its web page was opened (usually from the QR code).
    Scan,
    /// The app was opened with its code.
    AppOpen,
}

/// The key that makes visitors' hashes irreversible without the database; made on first use.
fn visitor_key(c: &Connection) -> Result<String, ApiError> {
    let fresh = crate::auth::hex(&crate::auth::random_bytes::<32>()?);
    c.execute(
        "INSERT OR IGNORE INTO settings (key, value) VALUES ('visitor_key', ?1)",
        [fresh],
    )?;
    Ok(c.query_row(
        "SELECT value FROM settings WHERE key = 'visitor_key'",
        [],
        |r| r.get(0),
    )?)
}

/// Counts a visit from `visitor` (an address for a scan, a device for an app opening) once a
/// Kosovo day; `false` when there is no such campaign.
pub fn record_visit(
    c: &Connection,
    code: &str,
    visit: Visit,
    visitor: &str,
    at: DateTime<Utc>,
) -> Result<bool, ApiError> {
    let kind = match visit {
        Visit::Scan => "scan",
        Visit::AppOpen => "app_open",
    };
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
        "INSERT OR IGNORE INTO campaign_visits (campaign_code, kind, device_hash, visitor, at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![code, kind, device_hash, visitor_hash, at.to_rfc3339()],
    )?;
    Ok(true)
}

/// The link the app opens with (a custom URL scheme both phones register).
pub fn app_link(code: &str) -> String {
    format!("zeri://campaign/{code}")
}

/// The web link a QR code or a poster carries: a page that opens the app, or leads to it.
pub fn web_link(public_url: &str, code: &str) -> String {
    format!("{}/c/{code}", public_url.trim_end_matches('/'))
}

/// The QR code for `link`, as an SVG document that prints sharp at any size.
pub fn qr_svg(link: &str) -> Result<String, ApiError> {
    let code = qrcode::QrCode::new(link.as_bytes())
        .map_err(|e| ApiError::Internal(format!("QR code: {e}")))?;
    Ok(code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(400, 400)
        .quiet_zone(true)
        .build())
}

/// The QR code for `link` as a PNG: `scale` pixels a module, with the standard quiet zone.
pub fn qr_png(link: &str, scale: u32) -> Result<Vec<u8>, ApiError> {
    let code = qrcode::QrCode::new(link.as_bytes())
        .map_err(|e| ApiError::Internal(format!("QR code: {e}")))?;
    const QUIET: u32 = 4;
    let modules = code.width() as u32;
    let side = (modules + 2 * QUIET) * scale;
    let colors = code.to_colors();
    let mut pixels = vec![255u8; (side * side) as usize];
    for y in 0..side {
        for x in 0..side {
            let (mx, my) = (
                (x / scale).checked_sub(QUIET),
                (y / scale).checked_sub(QUIET),
            );
            if let (Some(mx), Some(my)) = (mx, my)
                && mx < modules
                && my < modules
                && colors[(my * modules + mx) as usize] == qrcode::Color::Dark
            {
                pixels[(y * side + x) as usize] = 0;
            }
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, side, side);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let failed = |e: png::EncodingError| ApiError::Internal(format!("PNG: {e}"));
    let mut writer = encoder.write_header().map_err(failed)?;
    writer.write_image_data(&pixels).map_err(failed)?;
    writer.finish().map_err(failed)?;
    Ok(out)
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

    #[test]
    fn the_png_is_a_square_image_with_a_white_quiet_zone() {
        let link = "https://zeri.example/c/KS-ABCDE";
        let modules = qrcode::QrCode::new(link).unwrap().width() as u32;
        let png = qr_png(link, 4).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let frame = reader.next_frame(&mut pixels).unwrap();
        assert_eq!(frame.width, frame.height);
        // The code's modules plus 4 quiet modules each side, 4 pixels a module.
        assert_eq!(frame.width, (modules + 8) * 4);
        let side = frame.width as usize;
        assert!(pixels[..side * 16].iter().all(|p| *p == 255), "quiet zone");
        // The top-left finder pattern starts right after the quiet zone.
        assert_eq!(pixels[16 * side + 16], 0);
    }

    #[test]
    fn the_svg_is_a_drawing_of_the_same_code() {
        let svg = qr_svg("https://zeri.example/c/KS-ABCDE").unwrap();
        assert!(svg.contains("<svg"), "{svg}");
        assert!(svg.contains("<path"), "{svg}");
    }
}
