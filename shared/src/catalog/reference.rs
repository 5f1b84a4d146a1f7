//! The catalog compiled into the core from the project's reference data (`data/kosovo/`), so
//! the very first launch works offline, before the server's copy arrives.

use serde::Deserialize;

use crate::api::{Catalog, Category, LocalizedText, Municipality, ResponsibleLevel};

pub const CATEGORIES_CSV: &str = include_str!("../../../data/kosovo/categories.csv");
pub const MUNICIPALITIES_CSV: &str = include_str!("../../../data/kosovo/municipalities.csv");

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("reference data row {row}: {source}")]
    Csv { row: usize, source: csv::Error },
    #[error("reference data: unknown responsible level {0:?}")]
    UnknownLevel(String),
}

#[derive(Deserialize)]
struct CategoryRow {
    id: String,
    name_en: String,
    name_sq: String,
    name_sr: String,
    responsible_level: String,
}

#[derive(Deserialize)]
struct MunicipalityRow {
    id: String,
    name_sq: String,
    name_sr: String,
    name_en: String,
}

fn parse_level(raw: &str) -> Result<ResponsibleLevel, CatalogError> {
    raw.parse()
        .map_err(|_| CatalogError::UnknownLevel(raw.to_owned()))
}

fn rows<T: for<'de> Deserialize<'de>>(csv_text: &str) -> Result<Vec<T>, CatalogError> {
    csv::Reader::from_reader(csv_text.as_bytes())
        .deserialize()
        .enumerate()
        .map(|(i, row)| row.map_err(|source| CatalogError::Csv { row: i + 2, source }))
        .collect()
}

/// Parses the reference CSVs (`categories.csv`, `municipalities.csv`) into a catalog.
pub fn from_reference_csv(
    version: &str,
    categories_csv: &str,
    municipalities_csv: &str,
) -> Result<Catalog, CatalogError> {
    let categories = rows::<CategoryRow>(categories_csv)?
        .into_iter()
        .map(|r| {
            Ok(Category {
                level: parse_level(&r.responsible_level)?,
                id: r.id,
                name: LocalizedText {
                    sq: r.name_sq,
                    sr: r.name_sr,
                    en: r.name_en,
                },
            })
        })
        .collect::<Result<Vec<_>, CatalogError>>()?;
    let municipalities = rows::<MunicipalityRow>(municipalities_csv)?
        .into_iter()
        .map(|r| Municipality {
            id: r.id,
            name: LocalizedText {
                sq: r.name_sq,
                sr: r.name_sr,
                en: r.name_en,
            },
        })
        .collect();
    Ok(Catalog {
        version: version.to_owned(),
        categories,
        municipalities,
    })
}

/// The catalog compiled into the core. Its version is `builtin`, which no server sends.
pub fn builtin() -> Catalog {
    // The data is checked by the tests below, so this cannot fail in a released build; an
    // empty catalog (the citizen picks nothing until the server's arrives) is the fallback.
    from_reference_csv("builtin", CATEGORIES_CSV, MUNICIPALITIES_CSV).unwrap_or_else(|_| Catalog {
        version: "builtin".into(),
        categories: Vec::new(),
        municipalities: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::cyrillic::to_cyrillic;

    #[test]
    fn the_builtin_catalog_has_all_municipalities_and_categories() {
        let catalog = from_reference_csv("builtin", CATEGORIES_CSV, MUNICIPALITIES_CSV).unwrap();
        assert_eq!(catalog.municipalities.len(), 38);
        assert!(catalog.categories.len() >= 50);
        let waste = catalog
            .categories
            .iter()
            .find(|c| c.id == "waste_collection")
            .unwrap();
        assert_eq!(waste.level, ResponsibleLevel::Municipal);
        assert_eq!(
            waste.name.sq,
            "Grumbullimi i mbeturinave dhe pastrimi i rrugëve"
        );
        for c in &catalog.categories {
            assert!(
                !c.name.sq.is_empty() && !c.name.sr.is_empty() && !c.name.en.is_empty(),
                "{}",
                c.id
            );
        }
    }

    #[test]
    fn transliteration_reproduces_the_official_cyrillic_municipality_names() {
        #[derive(Deserialize)]
        struct Row {
            name_sr: String,
            name_sr_cyrl: String,
        }
        for row in rows::<Row>(MUNICIPALITIES_CSV).unwrap() {
            assert_eq!(to_cyrillic(&row.name_sr), row.name_sr_cyrl);
        }
    }

    #[test]
    fn a_bad_level_is_an_error_not_a_panic() {
        let csv = "id,name_en,name_sq,name_sr,responsible_level\nx,X,X,X,galactic\n";
        assert!(matches!(
            from_reference_csv("v", csv, MUNICIPALITIES_CSV),
            Err(CatalogError::UnknownLevel(_))
        ));
    }
}
