//! Filling the bench's database: a year of complaints written a few hundred rows a statement,
//! with the indexes and triggers that derive from them set aside during the load and made
//! again after it, as a restore would.

use std::collections::HashMap;

use chrono::{Duration as Days, Utc};
use server::db::{Dialect, ToValue, Value};
use server::demo::Rng;
use server::params;

/// Writes complaints `first..first + count` of `total`, spread over the past year in time order
/// (as they arrive), in one transaction.
pub fn fill(connection: &server::db::Conn, first: usize, count: usize, total: usize) {
    let categories: Vec<String> = {
        let mut s = connection.prepare("SELECT id FROM categories").unwrap();
        s.query_map((), |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let mut routes: HashMap<(usize, &str), String> = HashMap::new();
    let municipalities = server::demo::MUNICIPALITY_WEIGHTS;
    let total_weight: u64 = municipalities.iter().map(|(_, w)| w).sum();
    let mut rng = Rng::new(7 + first as u64);
    let now = Utc::now();
    let year_minutes = 365 * 24 * 60;
    let tx = connection.savepoint().unwrap();
    let mut complaints: Vec<Value> = Vec::new();
    let mut audits: Vec<Value> = Vec::new();
    for n in first..first + count {
        let category = rng.below(categories.len() as u64) as usize;
        let mut pick = rng.below(total_weight);
        let municipality = municipalities
            .iter()
            .find(|(_, w)| {
                let hit = pick < *w;
                pick = pick.saturating_sub(*w);
                hit
            })
            .map(|(id, _)| *id)
            .unwrap_or("prishtine");
        let institution = routes
            .entry((category, municipality))
            .or_insert_with(|| {
                server::routing::route(&tx, &categories[category], municipality)
                    .map(|r| r.0)
                    .unwrap()
            })
            .clone();
        let submitted = now - Days::minutes(((total - n) * year_minutes / total) as i64);
        let age_days = (now - submitted).num_days();
        let fate = rng.below(100);
        let (status, acknowledged, responded, closed) = match fate {
            _ if age_days < 2 && fate < 60 => ("submitted", None, None, None),
            0..=4 => ("submitted", None, None, None),
            5..=14 => ("received", Some(1), None, None),
            15..=24 => ("in_progress", Some(1), Some(3), None),
            25..=89 => ("resolved", Some(1), Some(4), Some(6)),
            _ => ("rejected", Some(1), Some(2), Some(2)),
        };
        let at = |days: Option<i64>| {
            days.map(|d| (submitted + Days::hours(d * 20)).min(now).to_rfc3339())
        };
        let ack_due = (submitted + Days::days(2)).date_naive().to_string();
        let answer_due = (submitted + Days::days(21)).date_naive().to_string();
        let id = format!(
            "{:032x}",
            (n as u128) << 32 | u128::from(rng.next_u64() as u32)
        );
        let rating = (closed.is_some() && rng.chance(40)).then(|| 1 + rng.below(5) as i64);
        let row = params![
            id,
            format!("ZR-{n:07}"),
            format!("device-{}", n % 50_000),
            categories[category],
            format!("Complaint {n}: the problem has been there for weeks and nobody came"),
            municipality,
            institution,
            status,
            submitted.to_rfc3339(),
            at(acknowledged),
            at(responded),
            at(closed),
            ack_due,
            answer_due,
            rating,
            n as i64 + 1,
            acknowledged.map(|d| d <= 2),
            responded.map(|d| (d * 20) as f64),
        ];
        complaints.extend(row.iter().map(|v| v.to_value()));
        audits.extend([submitted.to_rfc3339().to_value(), id.to_value()]);
        if complaints.len() == ROWS_PER_STATEMENT * COMPLAINT_VALUES || n + 1 == first + count {
            write_rows(&tx, &mut complaints, &mut audits);
        }
    }
    tx.commit().unwrap();
}

/// Complaints written by one statement: a few hundred rows make a round trip cheap to share.
const ROWS_PER_STATEMENT: usize = 500;
/// Values a complaint row carries in [`write_rows`].
const COMPLAINT_VALUES: usize = 18;

/// Writes the complaints in `complaints` (18 values each) and their first audit records (2
/// values each) in two statements, and empties both.
fn write_rows(tx: &server::db::Conn, complaints: &mut Vec<Value>, audits: &mut Vec<Value>) {
    let rows = complaints.len() / COMPLAINT_VALUES;
    let complaint_rows: Vec<String> = (0..rows)
        .map(|r| {
            let p = |k: usize| format!("?{}", r * COMPLAINT_VALUES + k);
            format!(
                "({}, {}, {}, '', {}, {}, {}, 'sq', 0, {}, '', '', '', {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {})",
                p(1), p(2), p(3), p(4), p(5), p(6), p(7), p(8), p(9), p(9), p(10), p(11), p(12),
                p(13), p(14), p(15), p(16), p(17), p(18)
            )
        })
        .collect();
    tx.execute(
        &format!(
            "INSERT INTO complaints (id, tracking_code, device_hash, request_hash, category_id, description,
                municipality_id, language, photo_count, institution_id, explanation_sq, explanation_sr, explanation_en,
                status, submitted_at, routed_at, acknowledged_at, first_response_at, closed_at, ack_due, answer_due,
                rating_stars, last_event_id, acknowledged_on_time, first_response_hours)
             VALUES {}",
            complaint_rows.join(", ")
        ),
        std::mem::take(complaints),
    )
    .unwrap();
    let audit_rows: Vec<String> = (0..rows)
        .map(|r| {
            format!(
                "(?{}, 'citizen', 'submitted', ?{}, 1, '{{}}')",
                2 * r + 1,
                2 * r + 2
            )
        })
        .collect();
    tx.execute(
        &format!(
            "INSERT INTO audit_log (at, actor_kind, action, complaint_id, citizen_visible, after) VALUES {}",
            audit_rows.join(", ")
        ),
        std::mem::take(audits),
    )
    .unwrap();
}

/// Loads as a restore would: sets aside the secondary indexes of `complaints` and the triggers
/// that keep the daily totals and the search index, and answers the statements that make them
/// again once the rows are in (far faster than a million random index inserts). On PostgreSQL
/// the trigger that computes a row's Kosovo day and search words stays: it is per row anyway.
pub fn set_derived_aside(c: &server::db::Conn) -> Result<Vec<String>, server::db::DbError> {
    match c.dialect() {
        Dialect::Sqlite => {
            let objects: Vec<(String, String, String)> = c.query_map(
                "SELECT name, type, sql FROM sqlite_master
                 WHERE tbl_name = 'complaints' AND type IN ('index', 'trigger') AND sql IS NOT NULL",
                (),
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            for (name, kind, _) in &objects {
                c.execute_batch(&format!("DROP {} {name}", kind.to_uppercase()))?;
            }
            let mut again: Vec<String> = objects.into_iter().map(|(_, _, sql)| sql).collect();
            again.push(
                "INSERT INTO complaints_search (complaints_search) VALUES ('rebuild')".into(),
            );
            Ok(again)
        }
        Dialect::Postgres => {
            // Indexes that back a constraint (the key, the unique tracking code) stay.
            let indexes: Vec<(String, String)> = c.query_map(
                "SELECT indexname, indexdef FROM pg_indexes
                 WHERE tablename = 'complaints' AND schemaname = current_schema()
                   AND indexname NOT IN (SELECT conname FROM pg_constraint)",
                (),
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let mut again = Vec::new();
            for (name, definition) in indexes {
                c.execute_batch(&format!("DROP INDEX {name}"))?;
                again.push(definition);
            }
            for trigger in ["complaints_figures_insert", "complaints_figures_update"] {
                c.execute_batch(&format!("ALTER TABLE complaints DISABLE TRIGGER {trigger}"))?;
                again.push(format!("ALTER TABLE complaints ENABLE TRIGGER {trigger}"));
            }
            Ok(again)
        }
    }
}
