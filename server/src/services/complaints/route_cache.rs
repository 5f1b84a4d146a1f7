//! What filing reads of the reference data, kept between complaints: for a category, a
//! municipality and a Kosovo day, the institution a complaint goes to, why, and its deadlines.
//! Every server keeps its own, and trusts it only while the database's reference version (a
//! number the triggers on categories, municipalities, institutions, routing rules and holidays
//! move on every change, schema version 7) is the one it was filled at: so a rule an
//! administrator changes through any server routes the very next complaint on every server,
//! at the cost of one small read instead of the dozen a routing takes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use protocol::api::{InstitutionRef, LocalizedText};

use crate::db::{CachedQuery, Conn};
use crate::services::ServiceError;

/// More entries than categories × municipalities × a few days: then it starts again.
const MOST_ENTRIES: usize = 20_000;

/// Where a complaint goes and by when it must be answered.
#[derive(Debug, Clone)]
pub struct Route {
    pub institution: InstitutionRef,
    pub explanation: LocalizedText,
    pub ack_due: NaiveDate,
    pub answer_due: NaiveDate,
}

type Key = (String, String, NaiveDate);

#[derive(Default)]
struct Entries {
    version: i64,
    routes: HashMap<Key, Arc<Route>>,
}

/// One server's routes, by category, municipality and day.
#[derive(Default, Clone)]
pub struct RouteCache {
    entries: Arc<Mutex<Entries>>,
}

/// The reference data's version as the database has it now.
pub fn reference_version(c: &Conn) -> Result<i64, ServiceError> {
    Ok(c.cached_row("SELECT version FROM reference_version", (), |r| r.get(0))?)
}

impl RouteCache {
    /// The route of `category` in `municipality` on `day`, if kept at `version`.
    pub fn get(
        &self,
        version: i64,
        category: &str,
        municipality: &str,
        day: NaiveDate,
    ) -> Option<Arc<Route>> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.version != version {
            return None;
        }
        entries
            .routes
            .get(&(category.to_owned(), municipality.to_owned(), day))
            .cloned()
    }

    /// Keeps a route read at `version`; one read at an older version than the newest seen is
    /// not kept, and a newer version forgets everything kept before it.
    pub fn put(
        &self,
        version: i64,
        category: &str,
        municipality: &str,
        day: NaiveDate,
        route: Arc<Route>,
    ) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if version < entries.version {
            return;
        }
        if version > entries.version || entries.routes.len() >= MOST_ENTRIES {
            entries.routes.clear();
            entries.version = version;
        }
        entries
            .routes
            .insert((category.to_owned(), municipality.to_owned(), day), route);
    }
}
