//! The load generator: many simulated phones, each a real core with its own store, queue
//! complaints offline and then all come online at once against one server. It measures how fast
//! the server takes them in (durably acknowledged) and checks afterwards that the server holds
//! exactly the complaints that were sent, each once.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};
use shared::view_model::Screen;
use shared::{DraftEvent, LifecycleEvent, SettingsEvent};
use tokio::sync::Semaphore;

use crate::phone::Phone;
use crate::store::MemoryStore;

/// An address nothing listens on: phones queue their complaints while "offline".
const NOWHERE: &str = "http://127.0.0.1:9";

#[derive(Debug, Clone)]
pub struct LoadPlan {
    pub server: String,
    pub phones: usize,
    pub complaints_per_phone: usize,
    /// How many phones talk to the server at the same moment.
    pub concurrency: usize,
    /// Tells this run's complaints apart from any others on the server.
    pub tag: String,
}

#[derive(Debug, Clone)]
pub struct Latencies {
    pub count: usize,
    pub p50: Duration,
    pub p99: Duration,
    pub max: Duration,
}

impl Latencies {
    pub fn of(mut samples: Vec<Duration>) -> Latencies {
        samples.sort();
        let at = |q: f64| {
            samples
                .get(((samples.len() as f64 - 1.0) * q).round() as usize)
                .copied()
                .unwrap_or_default()
        };
        Latencies {
            count: samples.len(),
            p50: at(0.5),
            p99: at(0.99),
            max: samples.last().copied().unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct LoadReport {
    pub sent: usize,
    pub elapsed: Duration,
    /// Complaints acknowledged per second, from the first phone online to the last one done.
    pub per_second: f64,
    /// Latency of each `POST /api/v1/complaints` as the phones saw it.
    pub latency: Latencies,
    pub phones_not_done: usize,
}

/// A complaint's description in a load run: unique, so duplicates would show.
pub fn description(tag: &str, phone: usize, n: usize) -> String {
    format!("{tag} phone {phone:05} complaint {n}: the road is full of potholes")
}

/// The catalog as a phone that has run before keeps it (with its ETag), so that simulated
/// phones ask "not modified?" as real ones mostly do, instead of all downloading it afresh.
pub async fn cached_catalog(server: &str, client: &reqwest::Client) -> Option<Vec<u8>> {
    let response = client
        .get(format!("{server}/api/v1/catalog"))
        .send()
        .await
        .ok()?;
    let etag = response
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let catalog: shared::api::Catalog =
        serde_json::from_slice(&response.bytes().await.ok()?).ok()?;
    serde_json::to_vec(&shared::model::StoredCatalog { catalog, etag }).ok()
}

async fn queued_phone(
    plan: &LoadPlan,
    index: usize,
    client: reqwest::Client,
    catalog: Option<&[u8]>,
) -> Phone<MemoryStore> {
    let store = MemoryStore::default();
    if let Some(catalog) = catalog {
        let _ = crate::store::Store::set(&store, "catalog", catalog);
    }
    let mut phone = Phone::new(store, client);
    phone.send(LifecycleEvent::Started {
        api_base_url: NOWHERE.into(),
        debug_build: true,
    });
    phone
        .run_until(Duration::from_secs(30), |v| v.screen != Screen::Loading)
        .await;
    phone.send(SettingsEvent::WelcomeFinished);
    for n in 0..plan.complaints_per_phone {
        phone.send(DraftEvent::CategorySelected {
            id: "roads_local".into(),
        });
        phone.send(DraftEvent::DescriptionChanged {
            text: description(&plan.tag, index, n),
        });
        phone.send(DraftEvent::MunicipalitySelected {
            id: ["prishtine", "prizren", "gjilan", "peje", "ferizaj"][index % 5].into(),
        });
        phone.send(DraftEvent::AnonymousToggled { anonymous: true });
        phone.send(DraftEvent::SubmitTapped);
        // The attempt to send fails at once (nothing listens): let the phone take note.
        phone
            .run_until(Duration::from_secs(10), |v| !v.draft.submitting)
            .await;
    }
    phone
}

/// Runs a load test: queue everything offline, then bring every phone online.
pub async fn run(plan: &LoadPlan) -> LoadReport {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(4)
        .build()
        .unwrap_or_default();
    let catalog = cached_catalog(&plan.server, &client).await;
    let mut phones = Vec::with_capacity(plan.phones);
    for index in 0..plan.phones {
        phones.push(queued_phone(plan, index, client.clone(), catalog.as_deref()).await);
    }
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(
        plan.phones * plan.complaints_per_phone,
    )));
    let permits = Arc::new(Semaphore::new(plan.concurrency.max(1)));
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for mut phone in phones {
        let server = plan.server.clone();
        let permits = permits.clone();
        let latencies = latencies.clone();
        tasks.spawn(async move {
            let _permit = permits.acquire_owned().await;
            phone.set_latency_log(latencies);
            // The network comes back: the phone learns the server's address again and sends.
            phone.send(LifecycleEvent::Started {
                api_base_url: server,
                debug_build: true,
            });
            phone.send(LifecycleEvent::NetworkOnline);
            phone.sync(Duration::from_secs(600)).await
        });
    }
    let mut not_done = 0;
    while let Some(result) = tasks.join_next().await {
        if !matches!(result, Ok(true)) {
            not_done += 1;
        }
    }
    let elapsed = started.elapsed();
    let samples = std::mem::take(&mut *latencies.lock().unwrap_or_else(|p| p.into_inner()));
    let sent = plan.phones * plan.complaints_per_phone;
    LoadReport {
        sent,
        elapsed,
        per_second: sent as f64 / elapsed.as_secs_f64(),
        latency: Latencies::of(samples),
        phones_not_done: not_done,
    }
}

/// Where the server under load keeps its complaints, so the run can count them afterwards.
#[derive(Debug, Clone)]
pub enum ServerDatabase {
    Sqlite(PathBuf),
    /// A `postgres://` URL. Call [`verify`] off any async runtime for it: the client blocks.
    Postgres(String),
}

/// How many of this run's complaints the server's database holds, and how many of those more
/// than once.
pub fn verify(database: &ServerDatabase, tag: &str) -> Result<(usize, usize), String> {
    let pattern = format!("{tag} phone %");
    let (distinct, total): (i64, i64) = match database {
        ServerDatabase::Sqlite(path) => {
            let connection = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
                .map_err(|e| e.to_string())?;
            connection
                .query_row(
                    "SELECT COUNT(DISTINCT description), COUNT(*) FROM complaints WHERE description LIKE ?1",
                    [&pattern],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .map_err(|e| e.to_string())?
        }
        ServerDatabase::Postgres(url) => {
            let mut client =
                postgres::Client::connect(url, postgres::NoTls).map_err(|e| e.to_string())?;
            let row = client
                .query_one(
                    "SELECT COUNT(DISTINCT description), COUNT(*) FROM complaints WHERE description LIKE $1",
                    &[&pattern],
                )
                .map_err(|e| e.to_string())?;
            (row.get(0), row.get(1))
        }
    };
    Ok((distinct as usize, (total - distinct) as usize))
}
