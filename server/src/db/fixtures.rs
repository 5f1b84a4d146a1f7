//! For the database's tests: a migrated database on each engine, the reference rows a complaint
//! needs, and complaints to file.

use std::fmt::Debug;

use super::Conn;
use super::postgres::{PgSession, fresh_database};
use crate::params;

/// Runs `check` on a migrated SQLite database (in memory) and on a migrated PostgreSQL one,
/// asserts that both give the same answer, and returns it.
pub(super) fn on_both_schemas<T: Debug + PartialEq>(check: impl Fn(&Conn) -> T) -> T {
    let mut sqlite = rusqlite::Connection::open_in_memory().unwrap();
    super::configure(&sqlite).unwrap();
    super::migrate(&mut sqlite).unwrap();
    let on_sqlite = check(&Conn::sqlite(&sqlite));
    let session = PgSession::connect(&fresh_database()).unwrap();
    super::postgres::migrate(&session).unwrap();
    let on_postgres = check(&Conn::postgres(&session));
    assert_eq!(on_sqlite, on_postgres, "SQLite, then PostgreSQL");
    on_sqlite
}

/// Two municipalities, an institution in each, and two categories.
pub(super) fn reference_rows(c: &Conn) {
    for m in ["prishtina", "gjilan"] {
        c.execute(
            "INSERT INTO municipalities (id, kas_code, name_sq, name_sr, name_en, geometry)
             VALUES (?1, 1, ?1, ?1, ?1, '{}')",
            [m],
        )
        .unwrap();
        c.execute(
            "INSERT INTO institutions (id, level, name_sq, name_sr, name_en, municipality_id)
             VALUES (?1, 'municipal_body', ?1, ?1, ?1, ?2)",
            [format!("{m}:mun_mayor"), m.to_owned()],
        )
        .unwrap();
    }
    for category in ["water", "roads"] {
        c.execute(
            "INSERT INTO categories (id, name_sq, name_sr, name_en, level)
             VALUES (?1, ?1, ?1, ?1, 'municipal')",
            [category],
        )
        .unwrap();
    }
}

/// A complaint as the figures see it; [`Complaint::new`] gives one just submitted.
#[derive(Clone)]
pub(super) struct Complaint {
    pub id: String,
    pub description: String,
    pub submitted_at: String,
    pub municipality: &'static str,
    pub category: &'static str,
    pub status: &'static str,
    pub acknowledged_on_time: Option<i64>,
    pub transfers: i64,
    pub rating_stars: Option<i64>,
    pub first_response_hours: Option<f64>,
    pub ack_due: String,
    pub answer_due: String,
}

impl Complaint {
    pub fn new(id: &str) -> Complaint {
        Complaint {
            id: id.to_owned(),
            description: format!("complaint {id}"),
            submitted_at: "2026-03-28T10:00:00+00:00".to_owned(),
            municipality: "prishtina",
            category: "water",
            status: "submitted",
            acknowledged_on_time: None,
            transfers: 0,
            rating_stars: None,
            first_response_hours: None,
            ack_due: "2026-03-31".to_owned(),
            answer_due: "2026-04-17".to_owned(),
        }
    }

    /// Files it, at its municipality's institution.
    pub fn insert(&self, c: &Conn) {
        c.execute(
            "INSERT INTO complaints (id, tracking_code, device_hash, request_hash, category_id,
                 description, municipality_id, language, photo_count, institution_id,
                 explanation_sq, explanation_sr, explanation_en, status, submitted_at, routed_at,
                 ack_due, answer_due, acknowledged_on_time, transfers, rating_stars,
                 first_response_hours)
             VALUES (?1, ?2, 'device', 'request', ?3, ?4, ?5, 'sq', 0, ?6, '', '', '', ?7, ?8, ?8,
                 ?9, ?10, ?11, ?12, ?13, ?14)",
            params![
                self.id,
                format!("ZR-{}", self.id),
                self.category,
                self.description,
                self.municipality,
                format!("{}:mun_mayor", self.municipality),
                self.status,
                self.submitted_at,
                self.ack_due,
                self.answer_due,
                self.acknowledged_on_time,
                self.transfers,
                self.rating_stars,
                self.first_response_hours,
            ],
        )
        .unwrap();
    }
}
