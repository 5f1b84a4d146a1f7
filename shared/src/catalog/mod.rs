//! The catalog a citizen drafts from: complaint categories and municipalities.
//!
//! A copy is compiled into the core ([`reference`]), so the very first launch works offline; a
//! fresher copy from the server replaces it when its `ETag` changes, and is kept on the phone.
//! Each name is written in every script, and folded for searching, once, when the catalog is
//! set, so drawing a screen transliterates nothing.

mod reference;

use std::collections::HashMap;

use crux_core::Command;

pub use reference::{
    CATEGORIES_CSV, CatalogError, MUNICIPALITIES_CSV, builtin, from_reference_csv,
};

use crate::api::{Catalog, Category, Municipality, paths};
use crate::effects::{self, Effect, Reply, Request};
use crate::event::Event;
use crate::i18n::{Language, Name};
use crate::model::{Model, SlotKey, StoredCatalog};
use crate::persist::save;

/// What the server answered for the catalog; the core asks, shells never send this.
#[derive(Debug)]
pub enum CatalogEvent {
    /// A new catalog, or `None` when it is unchanged (304) or could not be had.
    Fetched(Option<StoredCatalog>),
}

/// The catalog on the phone, with its names ready to draw and search.
#[derive(Debug, Default)]
pub struct LocalCatalog {
    catalog: Catalog,
    etag: Option<String>,
    categories: Vec<CategoryNames>,
    municipalities: Vec<Name>,
    category_index: HashMap<String, usize>,
    /// A request for a fresher catalog is under way.
    pub fetching: bool,
}

/// A category's name in every script, and folded (see [`fold`]) for matching a search.
#[derive(Debug)]
pub struct CategoryNames {
    pub name: Name,
    search: [String; 4],
}

impl CategoryNames {
    /// Whether any of the names contains `query`, which must already be folded.
    pub fn matches(&self, query: &str) -> bool {
        query.is_empty() || self.search.iter().any(|name| name.contains(query))
    }
}

impl LocalCatalog {
    pub fn new(catalog: Catalog, etag: Option<String>) -> LocalCatalog {
        let categories = catalog
            .categories
            .iter()
            .map(|c| {
                let name = Name::new(&c.name);
                CategoryNames {
                    search: name.all().map(fold),
                    name,
                }
            })
            .collect();
        let municipalities = catalog
            .municipalities
            .iter()
            .map(|m| Name::new(&m.name))
            .collect();
        let category_index = catalog
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        LocalCatalog {
            catalog,
            etag,
            categories,
            municipalities,
            category_index,
            fetching: false,
        }
    }

    /// Replaces the catalog (keeping whether a fetch is under way).
    pub fn set(&mut self, catalog: Catalog, etag: Option<String>) {
        let fetching = self.fetching;
        *self = LocalCatalog::new(catalog, etag);
        self.fetching = fetching;
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    pub fn etag(&self) -> Option<&str> {
        self.etag.as_deref()
    }

    pub fn to_stored(&self) -> StoredCatalog {
        StoredCatalog {
            catalog: self.catalog.clone(),
            etag: self.etag.clone(),
        }
    }

    /// Every category with its names, in catalog order.
    pub fn categories(&self) -> impl Iterator<Item = (&Category, &CategoryNames)> {
        self.catalog.categories.iter().zip(&self.categories)
    }

    /// Every municipality with its name, in catalog order.
    pub fn municipalities(&self) -> impl Iterator<Item = (&Municipality, &Name)> {
        self.catalog.municipalities.iter().zip(&self.municipalities)
    }

    pub fn has_category(&self, id: &str) -> bool {
        self.category_index.contains_key(id)
    }

    pub fn has_municipality(&self, id: &str) -> bool {
        self.catalog.municipalities.iter().any(|m| m.id == id)
    }

    /// A category's name in `language`, or `None` for a category this catalog does not have.
    pub fn category_name(&self, id: &str, language: Language) -> Option<&str> {
        let index = *self.category_index.get(id)?;
        Some(self.categories[index].name.get(language))
    }

    pub fn municipality_name(&self, id: &str, language: Language) -> Option<&str> {
        self.municipalities()
            .find(|(m, _)| m.id == id)
            .map(|(_, name)| name.get(language))
    }
}

/// Lower case without diacritics, so "ujë", "uje" and "UJE" all match.
pub fn fold(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'ë' | 'é' | 'è' => 'e',
            'ç' | 'č' | 'ć' => 'c',
            'š' => 's',
            'ž' => 'z',
            'đ' => 'd',
            _ => c,
        })
        .collect()
}

pub fn update(event: CatalogEvent, model: &mut Model) -> Command<Effect, Event> {
    match event {
        CatalogEvent::Fetched(fresh) => on_fetched(model, fresh),
    }
}

/// Fetches the catalog if the server has a newer one than the phone.
pub fn fetch(model: &mut Model) -> Command<Effect, Event> {
    if model.phase != crate::model::Phase::Ready
        || model.catalog.fetching
        || model.api_base_url.is_empty()
    {
        return Command::done();
    }
    model.catalog.fetching = true;
    let mut headers = vec![("Accept".to_owned(), "application/json".to_owned())];
    if let Some(etag) = model.catalog.etag() {
        headers.push(("If-None-Match".into(), etag.to_owned()));
    }
    effects::http(Request {
        method: "GET",
        url: crate::client::url(model, paths::CATALOG),
        headers,
        body: Vec::new(),
    })
    .then_send(|reply| {
        let fresh = match reply {
            Reply::Response(response) if response.status == 200 => {
                let etag = Reply::header(&response, "etag");
                crate::client::json::<Catalog>(&response.body)
                    .map(|catalog| StoredCatalog { catalog, etag })
            }
            _ => None,
        };
        CatalogEvent::Fetched(fresh).into()
    })
}

fn on_fetched(model: &mut Model, fresh: Option<StoredCatalog>) -> Command<Effect, Event> {
    model.catalog.fetching = false;
    match fresh {
        Some(fresh)
            if !fresh.catalog.categories.is_empty() && !fresh.catalog.municipalities.is_empty() =>
        {
            model.catalog.set(fresh.catalog, fresh.etag);
            save(model, SlotKey::Catalog)
        }
        _ => Command::done(),
    }
}

#[cfg(test)]
mod tests {
    use crux_http::protocol::{HttpHeader, HttpResponse, HttpResult};

    use super::*;
    use crate::effects::EffectTestExt as _;
    use crate::model::Phase;

    fn ready() -> Model {
        Model {
            phase: Phase::Ready,
            api_base_url: "https://zeri.test".into(),
            catalog: LocalCatalog::new(builtin(), Some("\"v1\"".into())),
            ..Model::default()
        }
    }

    #[test]
    fn names_are_ready_in_every_script_and_searchable_without_diacritics() {
        let catalog = LocalCatalog::new(builtin(), None);
        assert_eq!(
            catalog.category_name("waste_collection", Language::SerbianCyrillic),
            Some("Прикупљање отпада и чишћење улица")
        );
        assert_eq!(catalog.category_name("no_such", Language::English), None);
        assert_eq!(
            catalog.municipality_name("gjilan", Language::SerbianCyrillic),
            Some("Гњилане")
        );
        let (_, water) = catalog
            .categories()
            .find(|(c, _)| c.id == "water_supply")
            .unwrap();
        assert!(water.matches(&fold("UJE")));
        assert!(water.matches(&fold("вод")), "Cyrillic matches too");
        assert!(!water.matches(&fold("zzz")));
    }

    #[test]
    fn the_catalog_is_asked_for_with_its_etag_and_a_new_one_is_kept() {
        let mut model = ready();
        let mut command = fetch(&mut model);
        let mut request = command.expect_one_effect().expect_http();
        assert!(
            request
                .operation
                .headers
                .iter()
                .any(|h| h.name == "If-None-Match" && h.value == "\"v1\"")
        );
        assert!(fetch(&mut model).is_done(), "one request at a time");

        let mut smaller = builtin();
        smaller.categories.truncate(2);
        let response = HttpResponse {
            status: 200,
            headers: vec![HttpHeader {
                name: "ETag".into(),
                value: "\"v2\"".into(),
            }],
            body: serde_json::to_vec(&smaller).unwrap(),
        };
        request.resolve(HttpResult::Ok(response)).unwrap();
        let Event::Catalog(event) = command.events().next().unwrap() else {
            panic!("a catalog event")
        };
        let mut save = update(event, &mut model);
        assert_eq!(model.catalog.etag(), Some("\"v2\""));
        assert_eq!(model.catalog.categories().count(), 2);
        save.expect_key_value_with(|op| {
            assert!(matches!(op, crux_kv::KeyValueOperation::Set { key, .. } if key == "catalog"))
        });
    }

    #[test]
    fn an_unchanged_or_empty_catalog_keeps_the_one_on_the_phone() {
        let mut model = ready();
        let _ = fetch(&mut model);
        assert!(update(CatalogEvent::Fetched(None), &mut model).is_done());
        assert!(!model.catalog.fetching);
        let empty = StoredCatalog {
            catalog: Catalog::default(),
            etag: None,
        };
        assert!(update(CatalogEvent::Fetched(Some(empty)), &mut model).is_done());
        assert_eq!(model.catalog.etag(), Some("\"v1\""));
    }
}
