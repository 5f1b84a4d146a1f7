//! Inbox and statistics latency with a large database (one million complaints by default),
//! measured over HTTP against the real server.
//!
//! Run: `cargo bench -p server --bench queries` (add `-- --complaints N` for another size, and
//! `-- --postgres <url of a database in the cluster>` to run it on a new PostgreSQL database).

use std::collections::HashMap;
use std::time::{Duration, Instant};

use chrono::{Duration as Days, Utc};
use clap::Parser;
use server::Application;
use server::auth::{Role, hash_password};
use server::config::{Config, Database};
use server::db::{Dialect, ToValue, Value};
use server::demo::Rng;
use server::params;
use server::services::accounts::{NewAccount, insert_account};

#[derive(Parser)]
#[command(
    name = "queries",
    about = "Inbox and statistics latency with a large database"
)]
struct Args {
    #[arg(long, default_value_t = 1_000_000)]
    complaints: usize,
    /// Requests per measured query.
    #[arg(long, default_value_t = 200)]
    requests: usize,
    /// Run on PostgreSQL: the URL of a database in the cluster, as a user who may create
    /// databases; the bench makes a database of its own there.
    #[arg(long)]
    postgres: Option<String>,
    /// Measure again a database an earlier run kept (`ZERI_BENCH_KEEP=1`): a PostgreSQL URL or
    /// a SQLite file, already filled.
    #[arg(long)]
    existing: Option<String>,
    /// Passed by `cargo bench`.
    #[arg(long, hide = true)]
    bench: bool,
}

/// Requests of each kind made before the measured ones.
const WARM_UP: usize = 10;

fn percentile(samples: &mut [Duration], q: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 - 1.0) * q).round() as usize]
}

/// Writes complaints `first..first + count` of `total`, spread over the past year in time order
/// (as they arrive), in one transaction.
fn fill(connection: &server::db::Conn, first: usize, count: usize, total: usize) {
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
fn set_derived_aside(c: &server::db::Conn) -> Result<Vec<String>, server::db::DbError> {
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

#[tokio::main]
async fn main() {
    let args = Args::parse();
    let dir = std::env::temp_dir().join(format!("zeri-bench-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut config = Config::for_directory(&dir);
    if let Some(existing) = &args.existing {
        config.database = match existing.starts_with("postgres") {
            true => Database::Postgres(existing.clone()),
            false => Database::Sqlite(existing.into()),
        };
    } else if let Some(cluster) = &args.postgres {
        config.database = Database::Postgres(
            server::db::postgres::create_database(cluster, "zeri_bench")
                .expect("a bench database is made in the cluster"),
        );
    }
    let app = Application::build(config).await.unwrap();
    let state = app.state.clone();
    if args.existing.is_none() {
        let started = Instant::now();
        let count = args.complaints;
        let derived = state
            .db
            .call(|c| -> Result<_, server::services::ServiceError> { Ok(set_derived_aside(c)?) })
            .await
            .unwrap();
        for first in (0..count).step_by(20_000) {
            let chunk = 20_000.min(count - first);
            state
                .db
                .call(move |c| -> Result<_, server::services::ServiceError> {
                    fill(c, first, chunk, count);
                    Ok(())
                })
                .await
                .unwrap();
        }
        state
            .db
            .call(move |c| -> Result<_, server::services::ServiceError> {
                for sql in &derived {
                    c.execute_batch(sql)?;
                }
                server::db::figures::rebuild(c)?;
                Ok(())
            })
            .await
            .unwrap();
        // As the server does at start-up on SQLite, and as an operator does after a restore on
        // PostgreSQL (where autovacuum would in time): fresh statistics for the query planner, and
        // on PostgreSQL the visibility map that lets counts read the indexes alone.
        match &state.config.database {
            Database::Postgres(url) => {
                let url = url.clone();
                std::thread::spawn(move || {
                    server::db::postgres::PgSession::connect(&url)
                        .and_then(|session| session.batch("VACUUM ANALYZE"))
                })
                .join()
                .unwrap()
                .unwrap();
            }
            Database::Sqlite(_) => state
                .db
                .call(|c| Ok::<_, server::services::ServiceError>(c.execute_batch("ANALYZE")?))
                .await
                .unwrap(),
        }
        println!(
            "filled {} complaints in {:.1} s",
            args.complaints,
            started.elapsed().as_secs_f64()
        );
    }
    let busiest: (String, i64) = state
        .db
        .call(|c| -> Result<_, server::services::ServiceError> {
            Ok(c.query_row(
                "SELECT institution_id, COUNT(*) n FROM complaints GROUP BY institution_id ORDER BY n DESC LIMIT 1",
                (),
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .await
        .unwrap();
    println!(
        "busiest institution: {} with {} complaints",
        busiest.0, busiest.1
    );
    let hash = hash_password("benchmark password").unwrap();
    let institution = busiest.0.clone();
    state
        .db
        .call(move |c| {
            insert_account(
                c,
                &NewAccount {
                    username: "bench".into(),
                    display_name: "Bench".into(),
                    password: String::new(),
                    role: Role::Staff,
                    institution_id: Some(institution),
                },
                &hash,
            )?;
            insert_account(
                c,
                &NewAccount {
                    username: "bench.admin".into(),
                    display_name: "Bench".into(),
                    password: String::new(),
                    role: Role::Administrator,
                    institution_id: None,
                },
                &hash,
            )
        })
        .await
        .or_else(|e| match args.existing {
            // The kept database has them from its first run.
            Some(_) => Ok(0),
            None => Err(e),
        })
        .unwrap();
    let base = format!("http://{}", app.local_addr());
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::new();
    let login = |username: &'static str| {
        let (client, base) = (client.clone(), base.clone());
        async move {
            let response: serde_json::Value = client
                .post(format!("{base}/api/v1/staff/login"))
                .json(
                    &serde_json::json!({ "username": username, "password": "benchmark password" }),
                )
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            response["token"].as_str().unwrap().to_owned()
        }
    };
    let staff = login("bench").await;
    let admin = login("bench.admin").await;
    let today = Utc::now().date_naive();
    let queries: Vec<(&str, String, Option<&String>, usize)> = vec![
        (
            "baseline: who is signed in (the session lookup every staff request makes)",
            "/api/v1/staff/me".into(),
            Some(&staff),
            args.requests,
        ),
        (
            "inbox, first page",
            "/api/v1/staff/complaints".into(),
            Some(&staff),
            args.requests,
        ),
        (
            "inbox, open and overdue",
            "/api/v1/staff/complaints?status=submitted,received,in_progress&overdue=true".into(),
            Some(&staff),
            args.requests,
        ),
        (
            "inbox, search",
            "/api/v1/staff/complaints?q=Complaint%2012345".into(),
            Some(&staff),
            args.requests,
        ),
        (
            "inbox, page 40 oldest first",
            "/api/v1/staff/complaints?page=40&sort=oldest".into(),
            Some(&staff),
            args.requests,
        ),
        (
            "inbox, administrator, all institutions",
            "/api/v1/staff/complaints".into(),
            Some(&admin),
            20,
        ),
        (
            "statistics, 30 days by institution",
            format!("/api/v1/stats?from={}&to={today}", today - Days::days(30)),
            None,
            20,
        ),
        (
            "statistics, 365 days by category",
            format!(
                "/api/v1/stats?from={}&to={today}&group=category",
                today - Days::days(365)
            ),
            None,
            10,
        ),
        (
            "statistics, 365 days, busiest institution by municipality",
            format!(
                "/api/v1/stats?from={}&to={today}&group=municipality&institution={}",
                today - Days::days(365),
                busiest.0
            ),
            None,
            10,
        ),
    ];
    println!("| query | requests | p50 | p99 |");
    println!("|---|---|---|---|");
    for (name, path, token, requests) in queries {
        let mut samples = Vec::with_capacity(requests);
        // A running server has planned and cached its statements: the first requests of each
        // kind (which PostgreSQL plans anew, five times, before it keeps a plan) are not counted.
        for round in 0..WARM_UP + requests {
            let mut request = client.get(format!("{base}{path}"));
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            let sent = Instant::now();
            let response = request.send().await.unwrap();
            assert!(
                response.status().is_success(),
                "{name}: {}",
                response.status()
            );
            let _ = response.bytes().await.unwrap();
            if round >= WARM_UP {
                samples.push(sent.elapsed());
            }
        }
        let (p50, p99) = (
            percentile(&mut samples, 0.5),
            percentile(&mut samples, 0.99),
        );
        println!(
            "| {name} | {requests} | {:.1} ms | {:.1} ms |",
            p50.as_secs_f64() * 1e3,
            p99.as_secs_f64() * 1e3
        );
    }
    if std::env::var_os("ZERI_BENCH_KEEP").is_some() {
        println!("kept the database in {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
    if let (Some(cluster), Database::Postgres(url)) = (&args.postgres, &state.config.database) {
        if std::env::var_os("ZERI_BENCH_KEEP").is_some() || args.existing.is_some() {
            println!("kept the database {url}");
            return;
        }
        let name = url.rsplit('/').next().unwrap_or_default().to_owned();
        let cluster = cluster.clone();
        drop(state);
        // The server's connections end with the process; dropping waits for none of them.
        let _ =
            std::thread::spawn(move || server::db::postgres::drop_database(&cluster, &name)).join();
    }
}
