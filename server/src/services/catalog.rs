//! The reference data as the doors read it: the phone's catalog (categories and municipalities,
//! with its version), the lists forms choose from, an institution's name, and the municipal
//! boundaries the locator is built from.

use crate::db::{Conn, OptionalExtension};
use protocol::api::{Catalog, Category, InstitutionRef, LocalizedText, Municipality};

use super::ServiceError;
use super::names::localized;
use crate::db::{CachedQuery, Db};

/// The current catalog and its version.
pub fn load(connection: &Conn) -> Result<Catalog, ServiceError> {
    let version: String = connection
        .query_row(
            "SELECT value FROM settings WHERE key = 'catalog_version'",
            (),
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_else(|| "1".into());
    let mut statement = connection.prepare(
        "SELECT id, name_sq, name_sr, name_en, level FROM categories WHERE active = 1
         ORDER BY position, id",
    )?;
    let categories = statement
        .query_map((), |r| {
            Ok(Category {
                id: r.get(0)?,
                name: localized(r, 1)?,
                // A level the protocol does not know is the municipality's to answer for.
                level: r
                    .get::<_, String>(4)?
                    .parse()
                    .unwrap_or(protocol::api::ResponsibleLevel::Municipal),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut statement = connection
        .prepare("SELECT id, name_sq, name_sr, name_en FROM municipalities ORDER BY name_sq")?;
    let municipalities = statement
        .query_map((), |r| {
            Ok(Municipality {
                id: r.get(0)?,
                name: localized(r, 1)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Catalog {
        version,
        categories,
        municipalities,
    })
}

/// A list a form chooses from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// The active categories.
    Categories,
    /// Every municipality.
    Municipalities,
    /// The active institutions.
    Institutions,
}

impl Listing {
    fn sql(self) -> &'static str {
        match self {
            Listing::Categories => {
                "SELECT id, name_sq, name_sr, name_en FROM categories WHERE active = 1"
            }
            Listing::Municipalities => "SELECT id, name_sq, name_sr, name_en FROM municipalities",
            Listing::Institutions => {
                "SELECT id, name_sq, name_sr, name_en FROM institutions WHERE active = 1"
            }
        }
    }
}

/// One option: its id and its name in three languages.
#[derive(Debug, Clone)]
pub struct Choice {
    pub id: String,
    pub name: LocalizedText,
}

/// Every entry of `listing`, unsorted (a page sorts them in its language).
pub fn choices(c: &Conn, listing: Listing) -> Result<Vec<Choice>, ServiceError> {
    let mut statement = c.prepare_cached(listing.sql())?;
    let rows = statement
        .query_map((), |r| {
            Ok(Choice {
                id: r.get(0)?,
                name: localized(r, 1)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Every entry of `listing`, read on a reading connection.
pub async fn listing(db: &Db, listing: Listing) -> Result<Vec<Choice>, ServiceError> {
    db.read(move |c| choices(c, listing)).await
}

/// Institution `id` with its name, as a complaint's record names it.
pub fn institution_ref(connection: &Conn, id: &str) -> Result<InstitutionRef, ServiceError> {
    connection
        .cached_row(
            "SELECT id, name_sq, name_sr, name_en FROM institutions WHERE id = ?1",
            [id],
            |r| {
                Ok(InstitutionRef {
                    id: r.get(0)?,
                    name: localized(r, 1)?,
                })
            },
        )
        .optional()?
        .ok_or_else(|| ServiceError::Internal(format!("institution {id} is missing")))
}

/// Every municipality's id and boundary (GeoJSON geometry).
pub fn boundaries(c: &Conn) -> crate::db::Result<Vec<(String, String)>> {
    let mut statement = c.prepare("SELECT id, geometry FROM municipalities")?;
    statement
        .query_map((), |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
}

/// The name of category `id`, active or not, in three languages.
pub fn category_name(c: &Conn, id: &str) -> Result<Option<LocalizedText>, ServiceError> {
    Ok(c.query_row(
        "SELECT name_sq, name_sr, name_en FROM categories WHERE id = ?1",
        [id],
        |r| localized(r, 0),
    )
    .optional()?)
}
