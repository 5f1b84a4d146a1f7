//! Decides which institution a complaint goes to, and says why in every language.
//!
//! The location gives the municipality (a GPS point by point-in-polygon, or the one the citizen
//! chose); the category's routing rules give the institution: the most specific rule wins (one
//! for this municipality before a general one), then the highest priority. Rules live in the
//! database, so administrators change routing without a deploy.

use crate::db::{Conn, OptionalExtension};
use crate::params;
use protocol::Language;
use protocol::api::{LocalizedText, Location, ResponsibleLevel};
use protocol::domain::{GpsPoint, InputError};

use crate::db::CachedQuery;
use crate::locate::Locator;
use crate::messages::localizer;
use crate::reference::municipal_body_id;
use crate::services::ServiceError;

#[derive(Debug, Clone, PartialEq)]
pub struct Routed {
    pub municipality_id: String,
    pub institution_id: String,
    pub explanation: LocalizedText,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// Resolves the municipality of a location.
pub fn municipality_of(
    connection: &Conn,
    locator: &Locator,
    location: &Location,
) -> Result<(String, Option<(f64, f64)>), ServiceError> {
    match location {
        Location::Gps { lat, lon } => {
            let point = GpsPoint::parse(*lat, *lon)?;
            let id = locator
                .municipality_at(point.lat, point.lon)
                .ok_or(InputError::OutsideKosovo)?;
            Ok((id.to_owned(), Some((point.lat, point.lon))))
        }
        Location::Municipality { id } => {
            let exists: Option<String> = connection
                .cached_row("SELECT id FROM municipalities WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?;
            exists
                .map(|id| (id, None))
                .ok_or(ServiceError::Input(InputError::MunicipalityUnknown))
        }
    }
}

struct Names {
    sq: String,
    sr: String,
    en: String,
}

impl Names {
    fn get(&self, language: Language) -> String {
        match language {
            Language::Albanian => self.sq.clone(),
            Language::SerbianLatin | Language::SerbianCyrillic => self.sr.clone(),
            Language::English => self.en.clone(),
        }
    }
}

fn names(connection: &Conn, table: &str, id: &str) -> Result<Names, ServiceError> {
    let sql = format!("SELECT name_sq, name_sr, name_en FROM {table} WHERE id = ?1");
    connection
        .cached_row(&sql, [id], |r| {
            Ok(Names {
                sq: r.get(0)?,
                sr: r.get(1)?,
                en: r.get(2)?,
            })
        })
        .optional()?
        .ok_or_else(|| ServiceError::Internal(format!("{table} {id} is missing")))
}

/// Where a rule's target leads for a municipality: an institution id, if it exists and is active.
fn resolve_target(
    connection: &Conn,
    target: &str,
    municipality: &str,
) -> Result<Option<String>, ServiceError> {
    let candidate = if let Some(id) = target.strip_prefix("institution:") {
        id.to_owned()
    } else if let Some(template) = target.strip_prefix("municipal:") {
        municipal_body_id(municipality, template)
    } else if target == "water_company" {
        let company: Option<String> = connection
            .cached_row(
                "SELECT water_company FROM municipalities WHERE id = ?1",
                [municipality],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        // Municipalities without a regional company run water through their public services.
        company.unwrap_or_else(|| municipal_body_id(municipality, "mun_public_services"))
    } else {
        return Ok(None);
    };
    let active: Option<bool> = connection
        .cached_row(
            "SELECT active FROM institutions WHERE id = ?1",
            [&candidate],
            |r| r.get(0),
        )
        .optional()?;
    Ok(active.filter(|a| *a).map(|_| candidate))
}

/// Routes a complaint in `category` located in `municipality`.
pub fn route(
    connection: &Conn,
    category: &str,
    municipality: &str,
) -> Result<(String, LocalizedText), ServiceError> {
    let level: Option<ResponsibleLevel> = connection
        .cached_row(
            "SELECT level FROM categories WHERE id = ?1 AND active = 1",
            [category],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .ok_or(ServiceError::Input(InputError::CategoryUnknown))?
        .parse()
        .ok();
    let mut statement = connection.prepare_cached(
        "SELECT target, municipality_id IS NOT NULL FROM routing_rules
         WHERE category_id = ?1 AND (municipality_id IS NULL OR municipality_id = ?2)
         ORDER BY municipality_id IS NULL, priority DESC, id DESC",
    )?;
    let rules = statement
        .query_map(params![category, municipality], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    for (target, local_rule) in rules {
        if let Some(institution) = resolve_target(connection, &target, municipality)? {
            let explanation = explain(
                connection,
                category,
                level,
                municipality,
                &institution,
                local_rule,
            )?;
            return Ok((institution, explanation));
        }
    }
    // No rule leads anywhere (a misconfiguration): the municipality's mayor's office decides.
    let fallback = municipal_body_id(municipality, "mun_mayor");
    let explanation = explain(connection, category, None, municipality, &fallback, false)?;
    Ok((fallback, explanation))
}

fn explain(
    connection: &Conn,
    category: &str,
    level: Option<ResponsibleLevel>,
    municipality: &str,
    institution: &str,
    local_rule: bool,
) -> Result<LocalizedText, ServiceError> {
    let category = names(connection, "categories", category)?;
    let municipality = names(connection, "municipalities", municipality)?;
    let institution = names(connection, "institutions", institution)?;
    let message = if local_rule {
        "explanation-local-rule"
    } else {
        match level {
            Some(ResponsibleLevel::Municipal) => "explanation-municipal",
            Some(ResponsibleLevel::Central) => "explanation-central",
            Some(ResponsibleLevel::PublicEnterprise) => "explanation-public-enterprise",
            Some(ResponsibleLevel::PrivateOperator) => "explanation-private-operator",
            Some(ResponsibleLevel::Independent) => "explanation-independent",
            Some(ResponsibleLevel::Judiciary) => "explanation-judiciary",
            // No rule led anywhere: the mayor's office decides.
            None => "explanation-fallback",
        }
    };
    let text = |language: Language| {
        localizer(language).format(
            message,
            &[
                ("category", category.get(language).into()),
                ("municipality", municipality.get(language).into()),
                ("institution", institution.get(language).into()),
            ],
        )
    };
    Ok(LocalizedText {
        sq: text(Language::Albanian),
        sr: text(Language::SerbianLatin),
        en: text(Language::English),
    })
}
