//! `zeri-load`: how many complaints one server takes in, against ceilings measured in the same
//! run on the same machine: a trivial HTTP endpoint (the HTTP ceiling) and raw committed inserts
//! of the same rows into the server's engine, one transaction per complaint and group-committed
//! (the storage ceilings, `ceiling.rs`). Then it checks that the server holds exactly the
//! complaints the simulated phones sent. The server runs on SQLite, or on PostgreSQL with
//! `--postgres <url of a database in the cluster>`, where the run makes databases of its own
//! and drops them afterwards.
//!
//! Run it with a release build: `cargo run --release -p cli --bin zeri-load -- --phones 10000`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::post;
use clap::Parser;
use cli::ceiling::{Ceiling, CeilingStore};
use cli::load::{self, Latencies, LoadPlan, ServerDatabase};
use tokio::sync::Semaphore;

#[derive(Parser)]
#[command(
    name = "zeri-load",
    about = "Load test: simulated phones against one Zëri server, with HTTP and storage ceilings"
)]
struct Args {
    /// Simulated phones, each a real core with its own store.
    #[arg(long, default_value_t = 1000)]
    phones: usize,
    /// Complaints each phone queues offline before coming online.
    #[arg(long, default_value_t = 5)]
    complaints: usize,
    /// Phones talking to the server at the same moment.
    #[arg(long, default_value_t = 64)]
    concurrency: usize,
    /// Rows (and requests) for the two ceilings.
    #[arg(long, default_value_t = 3000)]
    baseline: usize,
    /// The zeri-server binary (default: next to this one).
    #[arg(long)]
    server_binary: Option<PathBuf>,
    /// Run on PostgreSQL: the URL of a database in the cluster, as a user who may create
    /// databases (`postgres://user@host:port/postgres`).
    #[arg(long)]
    postgres: Option<String>,
}

struct ServerProcess {
    child: Child,
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn start_server(
    binary: &Path,
    dir: &Path,
    database: &ServerDatabase,
) -> (ServerProcess, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let process = ServerProcess {
        child: Command::new(binary)
            .args(["--bind", &format!("127.0.0.1:{port}")])
            .arg("--database")
            .arg(match database {
                ServerDatabase::Sqlite(path) => path.as_os_str().to_owned(),
                ServerDatabase::Postgres(url) => url.into(),
            })
            .args(["--data-dir", dir.join("data").to_str().unwrap()])
            .env("ZERI_DEVICE_COMPLAINTS_PER_HOUR", "1000000")
            .env("ZERI_IP_REQUESTS_PER_MINUTE", "100000000")
            .env("ZERI_NEW_COMPLAINTS_PER_MINUTE", "100000000")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()
            .expect("zeri-server starts (build it with `cargo build --release -p server`)"),
    };
    let url = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    for _ in 0..600 {
        if client
            .get(format!("{url}/healthz"))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            return (process, url);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the server did not come up");
}

/// A new database in the PostgreSQL cluster `cluster` (a URL to one of its databases), as a URL.
fn create_database(cluster: &str, name: &str) -> String {
    let mut client = postgres::Client::connect(cluster, postgres::NoTls)
        .expect("the PostgreSQL cluster given with --postgres answers");
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("zeri-load may create databases in the cluster");
    let (server, _) = cluster
        .rsplit_once('/')
        .expect("--postgres is a URL to a database");
    format!("{server}/{name}")
}

fn drop_database(cluster: &str, name: &str) {
    if let Ok(mut client) = postgres::Client::connect(cluster, postgres::NoTls) {
        let _ = client.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
    }
}

/// Both storage ceilings on the server's engine, off the async runtime.
async fn storage_ceilings(
    dir: &Path,
    postgres: Option<String>,
    rows: usize,
    producers: usize,
) -> (Ceiling, Ceiling) {
    let path = dir.join("ceiling.sqlite3");
    tokio::task::spawn_blocking(move || {
        let mut store = match &postgres {
            Some(url) => CeilingStore::postgres(url),
            None => CeilingStore::sqlite(&path),
        }
        .expect("the ceiling's database opens");
        let per_row = store.per_row(rows).expect("the per-row ceiling runs");
        let grouped = store
            .grouped(rows, producers)
            .expect("the group-commit ceiling runs");
        (per_row, grouped)
    })
    .await
    .unwrap()
}

/// A trivial JSON endpoint on the same machine, driven like the load run drives the server.
async fn http_ceiling(requests: usize, concurrency: usize) -> (f64, Latencies) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let app = Router::new().route(
        "/echo",
        post(|body: axum::body::Bytes| async move {
            (
                axum::http::StatusCode::CREATED,
                axum::Json(
                    serde_json::json!({ "received": body.len(), "tracking_code": "ZR-AAAAAA" }),
                ),
            )
        }),
    );
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    let body = serde_json::json!({
        "id": uuid::Uuid::new_v4(), "category": "roads_local", "description": load::description("ceiling", 0, 0),
        "location": { "type": "municipality", "id": "prishtine" }, "contact": null, "photo_count": 0, "language": "sq", "campaign": null
    })
    .to_string();
    let client = reqwest::Client::new();
    let permits = Arc::new(Semaphore::new(concurrency));
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..requests {
        let (client, permits, body) = (client.clone(), permits.clone(), body.clone());
        tasks.spawn(async move {
            let _permit = permits.acquire_owned().await;
            let sent = Instant::now();
            let response = client
                .post(format!("http://{address}/echo"))
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await;
            let _ = response.unwrap().bytes().await;
            sent.elapsed()
        });
    }
    let mut samples = Vec::with_capacity(requests);
    while let Some(latency) = tasks.join_next().await {
        samples.push(latency.unwrap());
    }
    let rate = requests as f64 / started.elapsed().as_secs_f64();
    server.abort();
    (rate, Latencies::of(samples))
}

/// The server's intake with the cheapest possible client: prepared JSON bodies posted with the
/// same concurrency, so the figure is the server's and not the simulated phones'.
async fn plain_intake(server: &str, requests: usize, concurrency: usize) -> (f64, Latencies) {
    let client = reqwest::Client::new();
    let permits = Arc::new(Semaphore::new(concurrency));
    let bodies: Vec<String> = (0..requests)
        .map(|n| {
            let municipality = ["prishtine", "prizren", "gjilan", "peje", "ferizaj"][n % 5];
            serde_json::json!({
                "id": uuid::Uuid::new_v4(), "category": "roads_local", "description": load::description("plain", n, 0),
                "location": { "type": "municipality", "id": municipality },
                "contact": null, "photo_count": 0, "language": "sq", "campaign": null
            })
            .to_string()
        })
        .collect();
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for (n, body) in bodies.into_iter().enumerate() {
        let (client, permits, url) = (
            client.clone(),
            permits.clone(),
            format!("{server}/api/v1/complaints"),
        );
        tasks.spawn(async move {
            let _permit = permits.acquire_owned().await;
            let device = format!("plain-device-{:032}", n % 5000);
            let sent = Instant::now();
            let response = client
                .post(url)
                .header("content-type", "application/json")
                .header("authorization", format!("Device {device}"))
                .body(body)
                .send()
                .await
                .unwrap();
            assert_eq!(
                response.status(),
                201,
                "{}",
                response.text().await.unwrap_or_default()
            );
            sent.elapsed()
        });
    }
    let mut samples = Vec::with_capacity(requests);
    while let Some(latency) = tasks.join_next().await {
        samples.push(latency.unwrap());
    }
    (
        requests as f64 / started.elapsed().as_secs_f64(),
        Latencies::of(samples),
    )
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    let binary = args.server_binary.clone().unwrap_or_else(|| {
        std::env::current_exe()
            .unwrap()
            .with_file_name("zeri-server")
    });
    let dir = std::env::temp_dir().join(format!("zeri-load-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();

    println!(
        "zeri-load: {} phones x {} complaints, {} at a time",
        args.phones, args.complaints, args.concurrency
    );
    let run = uuid::Uuid::new_v4().simple().to_string();
    let (server_database, ceiling_database) = match &args.postgres {
        Some(cluster) => {
            let cluster = cluster.clone();
            let run = run.clone();
            let (server, ceiling) = tokio::task::spawn_blocking(move || {
                (
                    create_database(&cluster, &format!("zeri_load_{run}")),
                    create_database(&cluster, &format!("zeri_ceiling_{run}")),
                )
            })
            .await
            .unwrap();
            (ServerDatabase::Postgres(server), Some(ceiling))
        }
        None => (ServerDatabase::Sqlite(dir.join("server.sqlite3")), None),
    };
    let engine = if args.postgres.is_some() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    println!("engine: {engine}");
    let (per_row, grouped) =
        storage_ceilings(&dir, ceiling_database, args.baseline, args.concurrency).await;
    let storage = per_row.per_second;
    println!("storage ceiling: {storage:.0} committed complaint inserts/s, one transaction each");
    println!(
        "group ceiling:   {:.0} committed complaint inserts/s, group-committed ({:.1} per group)",
        grouped.per_second, grouped.mean_group
    );
    let (http, http_latency) = http_ceiling(args.baseline, args.concurrency).await;
    println!(
        "HTTP ceiling:    {http:.0} requests/s (p50 {}, p99 {})",
        ms(http_latency.p50),
        ms(http_latency.p99)
    );

    let (server, url) = start_server(&binary, &dir, &server_database).await;
    let (plain, plain_latency) = plain_intake(&url, args.baseline, args.concurrency).await;
    println!(
        "server intake:   {plain:.0} complaints/s from a plain HTTP client (p50 {}, p99 {})",
        ms(plain_latency.p50),
        ms(plain_latency.p99)
    );
    println!(
        "server intake / storage ceiling: {:.0}%; / group ceiling: {:.0}%",
        100.0 * plain / storage,
        100.0 * plain / grouped.per_second
    );
    let plan = LoadPlan {
        server: url,
        phones: args.phones,
        complaints_per_phone: args.complaints,
        concurrency: args.concurrency,
        tag: format!("load-{}", uuid::Uuid::new_v4().simple()),
    };
    let report = load::run(&plan).await;
    let (distinct, duplicates) = tokio::task::spawn_blocking({
        let (database, tag) = (server_database.clone(), plan.tag.clone());
        move || load::verify(&database, &tag)
    })
    .await
    .unwrap()
    .expect("the server's database answers");
    println!(
        "phone intake:    {:.0} complaints/s from simulated phones ({} in {:.1} s; p50 {}, p99 {}, max {})",
        report.per_second,
        report.sent,
        report.elapsed.as_secs_f64(),
        ms(report.latency.p50),
        ms(report.latency.p99),
        ms(report.latency.max)
    );
    println!(
        "phone intake / storage ceiling: {:.0}%; / group ceiling: {:.0}%",
        100.0 * report.per_second / storage,
        100.0 * report.per_second / grouped.per_second
    );
    println!(
        "phone intake / HTTP ceiling:    {:.0}%",
        100.0 * report.per_second / http
    );
    println!(
        "exactly once: {distinct} of {} complaints on the server, {duplicates} duplicates, {} phones not done",
        report.sent, report.phones_not_done
    );
    drop(server);
    if let Some(cluster) = args.postgres.clone() {
        tokio::task::spawn_blocking(move || {
            drop_database(&cluster, &format!("zeri_load_{run}"));
            drop_database(&cluster, &format!("zeri_ceiling_{run}"));
        })
        .await
        .unwrap();
    }
    let _ = std::fs::remove_dir_all(&dir);
    if distinct != report.sent || duplicates != 0 || report.phones_not_done != 0 {
        eprintln!("zeri-load: the server does not hold exactly the complaints sent");
        std::process::exit(1);
    }
}
