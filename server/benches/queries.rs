//! Inbox and statistics latency with a large database (one million complaints by default),
//! measured over HTTP against the real server.
//!
//! Run: `cargo bench -p server --bench queries` (add `-- --complaints N` for another size, and
//! `-- --postgres <url of a database in the cluster>` to run it on a new PostgreSQL database).

#[path = "queries/fill.rs"]
mod fill;

use std::time::{Duration, Instant};

use chrono::{Duration as Days, Utc};
use clap::Parser;
use fill::{fill, set_derived_aside};
use server::Application;
use server::auth::{Role, hash_password};
use server::config::{Config, Database};
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
