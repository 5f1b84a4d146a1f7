//! The storage ceilings `zeri-load` measures intake against: the rows the server writes for a
//! complaint (the complaint and its audit record), inserted raw, with no HTTP and no routing,
//! into the engine the server runs on. Two ceilings: one transaction per complaint (one sync
//! each), and group commit as the server does it (one writer takes every complaint waiting, runs
//! each in its own savepoint and syncs once for the group), fed by as many producers as the load
//! run has phones talking at once.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Instant;

use crate::load;

/// The most complaints the server's writer takes into one group.
const MAX_GROUP: usize = 128;

const EXPLANATION: &str = "Local roads are the municipality's responsibility. Your location is in Prishtina, so your complaint went to the Directorate of Public Services, Prishtina.";
const AUDIT_AFTER: &str =
    r#"{"status":"submitted","institution_id":"prishtine:mun_public_services"}"#;

const TABLES: &str = "DROP TABLE IF EXISTS ceiling_complaints; DROP TABLE IF EXISTS ceiling_audit;
    CREATE TABLE ceiling_complaints (id TEXT PRIMARY KEY, tracking_code TEXT UNIQUE, device_hash TEXT,
       request_hash TEXT, category_id TEXT, description TEXT, municipality_id TEXT, language TEXT,
       institution_id TEXT, explanation_sq TEXT, explanation_sr TEXT, explanation_en TEXT, status TEXT,
       submitted_at TEXT, ack_due TEXT, answer_due TEXT, last_event_id BIGINT);
    CREATE TABLE ceiling_audit (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at TEXT,
       actor_kind TEXT, action TEXT, complaint_id TEXT, after TEXT);";

const INSERT_COMPLAINT: &str = "INSERT INTO ceiling_complaints VALUES ($1, $2, $3, $4, 'roads_local', $5,
    'prishtine', 'sq', 'prishtine:mun_public_services', $6, $6, $6, 'submitted', $7, '2026-12-01', '2026-12-18', 0)";
const INSERT_AUDIT: &str = "INSERT INTO ceiling_audit (at, actor_kind, action, complaint_id, after)
    VALUES ($1, 'citizen', 'submitted', $2, $3)";

/// Where the ceiling rows go: a SQLite file (WAL, full sync, as the server opens it) or a
/// PostgreSQL database (synchronous commit, its default, as the server leaves it).
pub enum CeilingStore {
    Sqlite(rusqlite::Connection),
    Postgres(Box<PostgresCeiling>),
}

/// A PostgreSQL connection with the two inserts prepared, as the server's statement cache
/// keeps them.
pub struct PostgresCeiling {
    client: postgres::Client,
    complaint: postgres::Statement,
    audit: postgres::Statement,
}

/// What a ceiling reached.
#[derive(Debug, Clone, Copy)]
pub struct Ceiling {
    pub per_second: f64,
    /// Complaints per committed transaction, on average.
    pub mean_group: f64,
}

impl CeilingStore {
    pub fn sqlite(path: &std::path::Path) -> Result<CeilingStore, String> {
        let connection = rusqlite::Connection::open(path).map_err(|e| e.to_string())?;
        let mut store = CeilingStore::Sqlite(connection);
        store.batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")?;
        store.batch(&TABLES.replace(
            "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
            "INTEGER PRIMARY KEY",
        ))?;
        Ok(store)
    }

    /// Call off any async runtime: the PostgreSQL client blocks on one of its own.
    pub fn postgres(url: &str) -> Result<CeilingStore, String> {
        let mut client =
            postgres::Client::connect(url, postgres::NoTls).map_err(|e| e.to_string())?;
        client.batch_execute(TABLES).map_err(|e| e.to_string())?;
        let complaint = client
            .prepare(INSERT_COMPLAINT)
            .map_err(|e| e.to_string())?;
        let audit = client.prepare(INSERT_AUDIT).map_err(|e| e.to_string())?;
        Ok(CeilingStore::Postgres(Box::new(PostgresCeiling {
            client,
            complaint,
            audit,
        })))
    }

    fn batch(&mut self, sql: &str) -> Result<(), String> {
        match self {
            CeilingStore::Sqlite(c) => c.execute_batch(sql).map_err(|e| e.to_string()),
            CeilingStore::Postgres(p) => p.client.batch_execute(sql).map_err(|e| e.to_string()),
        }
    }

    /// The two rows of complaint `n`.
    fn insert(&mut self, n: usize) -> Result<(), String> {
        let id = uuid::Uuid::new_v4().to_string();
        let tracking = format!("ZR-{n:07}");
        let description = load::description("ceiling", n, 0);
        let now = chrono::Utc::now().to_rfc3339();
        let (device, request) = ("d".repeat(64), "r".repeat(64));
        match self {
            CeilingStore::Sqlite(c) => {
                let sqlite = |sql: &str| sql.replace('$', "?");
                c.prepare_cached(&sqlite(INSERT_COMPLAINT))
                    .and_then(|mut s| {
                        s.execute(rusqlite::params![
                            id,
                            tracking,
                            device,
                            request,
                            description,
                            EXPLANATION,
                            now
                        ])
                    })
                    .and_then(|_| c.prepare_cached(&sqlite(INSERT_AUDIT)))
                    .and_then(|mut s| s.execute(rusqlite::params![now, id, AUDIT_AFTER]))
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            }
            CeilingStore::Postgres(p) => p
                .client
                .execute(
                    &p.complaint,
                    &[
                        &id,
                        &tracking,
                        &device,
                        &request,
                        &description,
                        &EXPLANATION,
                        &now,
                    ],
                )
                .and_then(|_| p.client.execute(&p.audit, &[&now, &id, &AUDIT_AFTER]))
                .map(|_| ())
                .map_err(|e| e.to_string()),
        }
    }

    /// One transaction, one sync, per complaint.
    pub fn per_row(&mut self, rows: usize) -> Result<Ceiling, String> {
        let started = Instant::now();
        for n in 0..rows {
            self.batch("BEGIN")?;
            self.insert(n)?;
            self.batch("COMMIT")?;
        }
        Ok(Ceiling {
            per_second: rows as f64 / started.elapsed().as_secs_f64(),
            mean_group: 1.0,
        })
    }

    /// Group commit: `producers` threads each hand over one complaint and wait until it is
    /// committed, as a phone waits for its acknowledgement; this thread writes every complaint
    /// waiting (up to the server's group size) in one transaction, each in its own savepoint.
    pub fn grouped(&mut self, rows: usize, producers: usize) -> Result<Ceiling, String> {
        let offset = rows; // tracking codes after the per-row ceiling's
        let next = Arc::new(AtomicUsize::new(0));
        let (queue, waiting) = mpsc::channel::<(usize, mpsc::Sender<()>)>();
        let started = Instant::now();
        let threads: Vec<_> = (0..producers.max(1))
            .map(|_| {
                let (next, queue) = (next.clone(), queue.clone());
                std::thread::spawn(move || {
                    loop {
                        let n = next.fetch_add(1, Ordering::Relaxed);
                        if n >= rows {
                            break;
                        }
                        let (done, committed) = mpsc::channel();
                        if queue.send((offset + n, done)).is_err() || committed.recv().is_err() {
                            break;
                        }
                    }
                })
            })
            .collect();
        drop(queue);
        let mut groups = 0usize;
        let mut written = 0usize;
        while let Ok(first) = waiting.recv() {
            let mut group = vec![first];
            while group.len() < MAX_GROUP
                && let Ok(more) = waiting.try_recv()
            {
                group.push(more);
            }
            self.batch("BEGIN")?;
            for (n, _) in &group {
                self.batch("SAVEPOINT job")?;
                self.insert(*n)?;
                self.batch("RELEASE SAVEPOINT job")?;
            }
            self.batch("COMMIT")?;
            groups += 1;
            written += group.len();
            for (_, done) in group {
                let _ = done.send(());
            }
        }
        for thread in threads {
            let _ = thread.join();
        }
        Ok(Ceiling {
            per_second: written as f64 / started.elapsed().as_secs_f64(),
            mean_group: written as f64 / groups.max(1) as f64,
        })
    }
}
