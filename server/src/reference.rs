//! Loads the reference data (`data/kosovo/`) into an empty database: the 38 municipalities with
//! their boundaries, the institutions (with each municipality's own directorates made from the
//! templates), the complaint categories with their deadlines, the default routing rules, and
//! the public holidays. After that the database is the authority and administrators change it.

use std::collections::HashMap;
use std::path::Path;

use crate::db::Conn;
use crate::params;
use serde::Deserialize;

#[derive(Debug, thiserror::Error)]
pub enum ReferenceError {
    #[error("reading {file}: {source}")]
    Read {
        file: String,
        source: std::io::Error,
    },
    #[error("{file}: {source}")]
    Csv { file: String, source: csv::Error },
    #[error("municipalities.geojson: {0}")]
    GeoJson(String),
    #[error("database: {0}")]
    Database(#[from] crate::db::DbError),
}

fn read(dir: &Path, file: &str) -> Result<String, ReferenceError> {
    std::fs::read_to_string(dir.join(file)).map_err(|source| ReferenceError::Read {
        file: file.into(),
        source,
    })
}

fn rows<T: for<'de> Deserialize<'de>>(dir: &Path, file: &str) -> Result<Vec<T>, ReferenceError> {
    let text = read(dir, file)?;
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .collect::<Result<Vec<T>, _>>()
        .map_err(|source| ReferenceError::Csv {
            file: file.into(),
            source,
        })
}

#[derive(Deserialize)]
struct MunicipalityRow {
    id: String,
    kas_code: i64,
    name_sq: String,
    name_sr: String,
    name_en: String,
    water_company: String,
}

#[derive(Deserialize)]
struct InstitutionRow {
    id: String,
    name_en: String,
    name_sq: String,
    level: String,
    parent: String,
    status: String,
}

#[derive(Deserialize)]
struct SerbianName {
    id: String,
    name_sr: String,
}

#[derive(Deserialize)]
struct CategoryRow {
    id: String,
    name_en: String,
    name_sq: String,
    name_sr: String,
    responsible_level: String,
    typical_institution: String,
}

#[derive(Deserialize)]
struct HolidayRow {
    date: String,
    name_sq: String,
    name_sr: String,
    name_en: String,
}

/// Categories where people wait for water, light, heat or safety get shorter deadlines
/// (acknowledge, answer) in working days; the rest use the defaults of 2 and 15.
const URGENT_DEADLINES: &[(&str, i64, i64)] = &[
    ("emergencies_fire_floods", 1, 3),
    ("water_supply", 1, 5),
    ("sewage_drainage", 1, 5),
    ("electricity", 1, 5),
    ("district_heating", 1, 5),
    ("snow_clearing", 1, 3),
    ("crime_public_order", 1, 5),
];

/// The id of a municipality's own body made from a template, e.g. `gjilan:mun_public_services`.
pub fn municipal_body_id(municipality: &str, template: &str) -> String {
    format!("{municipality}:{template}")
}

/// Loads everything if the database has no municipalities yet; returns whether it did.
pub fn load_if_empty(connection: &Conn, dir: &Path) -> Result<bool, ReferenceError> {
    if !crate::db::is_empty(connection, "municipalities")? {
        return Ok(false);
    }
    let municipalities: Vec<MunicipalityRow> = rows(dir, "municipalities.csv")?;
    let geometries = geometries(&read(dir, "municipalities.geojson")?)?;
    let institutions: Vec<InstitutionRow> = rows(dir, "institutions.csv")?;
    let serbian: HashMap<String, String> = rows::<SerbianName>(dir, "institution_names_sr.csv")?
        .into_iter()
        .map(|r| (r.id, r.name_sr))
        .collect();
    let categories: Vec<CategoryRow> = rows(dir, "categories.csv")?;
    let holidays: Vec<HolidayRow> = rows(dir, "holidays.csv")?;
    let now = chrono::Utc::now().to_rfc3339();

    let tx = connection.savepoint()?;
    // Institutions name their parents, which may come later in the file: the foreign keys are
    // checked at the commit.
    tx.execute_batch(match tx.dialect() {
        crate::db::Dialect::Sqlite => "PRAGMA defer_foreign_keys = ON",
        crate::db::Dialect::Postgres => "SET CONSTRAINTS ALL DEFERRED",
    })?;

    for m in &municipalities {
        let geometry = geometries
            .get(&m.id)
            .ok_or_else(|| ReferenceError::GeoJson(format!("no boundary for {}", m.id)))?;
        let water = m
            .water_company
            .starts_with("kru_")
            .then_some(m.water_company.as_str());
        tx.execute(
            "INSERT INTO municipalities (id, kas_code, name_sq, name_sr, name_en, water_company, geometry)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![m.id, m.kas_code, m.name_sq, m.name_sr, m.name_en, water, geometry],
        )?;
    }

    let sr = |row: &InstitutionRow| {
        serbian
            .get(&row.id)
            .cloned()
            .unwrap_or_else(|| row.name_en.clone())
    };
    for row in institutions.iter().filter(|r| r.level != "municipal_body") {
        let parent = match row.parent.as_str() {
            "" => None,
            p => Some(match p.strip_prefix("municipality:") {
                Some(municipality) => municipal_body_id(municipality, "mun_mayor"),
                None => p.to_owned(),
            }),
        };
        let active = !row.status.starts_with("former");
        tx.execute(
            "INSERT INTO institutions (id, level, name_sq, name_sr, name_en, parent_id, municipality_id, active)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, ?7)",
            params![row.id, row.level, row.name_sq, sr(row), row.name_en, parent, active],
        )?;
    }
    for template in institutions.iter().filter(|r| r.level == "municipal_body") {
        for m in &municipalities {
            // `municipality` is the municipality's own mayor's office; another id is a body
            // outside the municipality (a delegated competence's appeal body, the Ombudsperson).
            let parent = match template.parent.as_str() {
                "" => None,
                "municipality" => Some(municipal_body_id(&m.id, "mun_mayor")),
                other => Some(other.to_owned()),
            };
            tx.execute(
                "INSERT INTO institutions (id, level, name_sq, name_sr, name_en, parent_id, municipality_id, active)
                 VALUES (?1, 'municipal_body', ?2, ?3, ?4, ?5, ?6, 1)",
                params![
                    municipal_body_id(&m.id, &template.id),
                    format!("{}, {}", template.name_sq, m.name_sq),
                    format!("{}, {}", sr(template), m.name_sr),
                    format!("{}, {}", template.name_en, m.name_en),
                    parent,
                    m.id
                ],
            )?;
        }
    }

    for (position, c) in categories.iter().enumerate() {
        let (ack, answer) = URGENT_DEADLINES
            .iter()
            .find(|(id, _, _)| *id == c.id)
            .map(|(_, ack, answer)| (*ack, *answer))
            .unwrap_or((2, 15));
        tx.execute(
            "INSERT INTO categories (id, name_sq, name_sr, name_en, level, ack_working_days, answer_working_days, position)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![c.id, c.name_sq, c.name_sr, c.name_en, c.responsible_level, ack, answer, position as i64],
        )?;
        let target = if c.typical_institution.starts_with("mun_") {
            format!("municipal:{}", c.typical_institution)
        } else if c.typical_institution.starts_with("KRU") {
            "water_company".to_owned()
        } else {
            format!("institution:{}", c.typical_institution)
        };
        tx.execute(
            "INSERT INTO routing_rules (category_id, municipality_id, target, priority, created_at)
             VALUES (?1, NULL, ?2, 0, ?3)",
            params![c.id, target, now],
        )?;
    }

    for h in &holidays {
        tx.execute(
            "INSERT INTO holidays (date, name_sq, name_sr, name_en) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT DO NOTHING",
            params![h.date, h.name_sq, h.name_sr, h.name_en],
        )?;
    }
    tx.execute(
        "INSERT INTO settings (key, value) VALUES ('catalog_version', '1')
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (),
    )?;
    tx.commit()?;
    Ok(true)
}

/// Each municipality's boundary as a GeoJSON geometry string, by id.
fn geometries(geojson: &str) -> Result<HashMap<String, String>, ReferenceError> {
    let collection: serde_json::Value =
        serde_json::from_str(geojson).map_err(|e| ReferenceError::GeoJson(e.to_string()))?;
    let features = collection["features"]
        .as_array()
        .ok_or_else(|| ReferenceError::GeoJson("no features".into()))?;
    features
        .iter()
        .map(|feature| {
            let id = feature["properties"]["id"]
                .as_str()
                .ok_or_else(|| ReferenceError::GeoJson("a feature without an id".into()))?;
            Ok((id.to_owned(), feature["geometry"].to_string()))
        })
        .collect()
}
