//! `zeri-server` on PostgreSQL through the failures a deployment meets, with real phones
//! sending real complaints: two servers on one database (the cluster of
//! `scripts/with-postgres`) behind a balancer, the first killed mid-load; and PostgreSQL itself
//! killed with `kill -9` mid-load and started again. The server says 503, never 500, while the
//! database is gone, and every complaint arrives exactly once.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicU16, Ordering};
use std::time::{Duration, Instant};

use cli::load::{self, LoadPlan};
use tokio::net::{TcpListener, TcpStream};

use support::cluster::Cluster;
use support::*;

/// A load balancer of one target at a time: each new connection goes to `target`.
struct Balancer {
    port: u16,
    target: Arc<AtomicU16>,
    task: tokio::task::JoinHandle<()>,
}

impl Balancer {
    async fn start(target: u16) -> Balancer {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let target = Arc::new(AtomicU16::new(target));
        let to = target.clone();
        let task = tokio::spawn(async move {
            loop {
                let Ok((mut client, _)) = listener.accept().await else {
                    continue;
                };
                let upstream = to.load(Ordering::SeqCst);
                tokio::spawn(async move {
                    if let Ok(mut server) = TcpStream::connect(("127.0.0.1", upstream)).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
            }
        });
        Balancer { port, target, task }
    }

    fn turn_to(&self, target: u16) {
        self.target.store(target, Ordering::SeqCst);
    }
}

impl Drop for Balancer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Waits until the database holds at least `count` complaints of the run tagged `tag`;
/// answers how many it holds then.
async fn filed_at_least(database: &str, tag: &str, count: usize) -> i64 {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let filed = postgres_count(database, tag);
        if filed >= count as i64 {
            return filed;
        }
        assert!(
            Instant::now() < deadline,
            "the server files {count} of {tag}"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_on_one_database_and_one_killed_mid_load_file_everything_once() {
    let database = fresh_postgres_database();
    let dir = temp_dir("scale-out");
    let (first_port, second_port) = (free_port(), free_port());
    let mut first = Server::start_on_postgres(&dir.join("first"), first_port, &database).await;
    let _second = Server::start_on_postgres(&dir.join("second"), second_port, &database).await;
    let balancer = Balancer::start(first_port).await;

    let plan = LoadPlan {
        server: format!("http://127.0.0.1:{}", balancer.port),
        phones: 40,
        complaints_per_phone: 5,
        concurrency: 40,
        tag: "scale-out".into(),
    };
    let expected = plan.phones * plan.complaints_per_phone;
    let run = tokio::spawn(async move { load::run(&plan).await });

    // Once the first server has filed a fifth, it dies outright; new connections go on.
    let deadline = Instant::now() + Duration::from_secs(120);
    while postgres_count(&database, "scale-out") < expected as i64 / 5 {
        assert!(
            Instant::now() < deadline,
            "the first server files something"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    first.kill();
    balancer.turn_to(second_port);

    let report = run.await.unwrap();
    assert_eq!(report.phones_not_done, 0, "every phone's outbox emptied");
    let filed = postgres_descriptions(&database, "scale-out");
    assert_eq!(filed.len(), expected, "every complaint arrived");
    assert!(
        filed.iter().all(|(_, copies)| *copies == 1),
        "none twice: {:?}",
        filed
            .iter()
            .filter(|(_, copies)| *copies != 1)
            .collect::<Vec<_>>()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_killed_mid_load_and_started_again_loses_nothing_and_files_nothing_twice() {
    let cluster = Cluster::start();
    let database = cluster.database();
    let dir = temp_dir("postgres-kill");
    let port = free_port();
    let server = Server::start_on_postgres(&dir, port, &database).await;
    let plan = LoadPlan {
        server: server.url(),
        phones: 30,
        complaints_per_phone: 5,
        concurrency: 30,
        tag: "postgres-kill".into(),
    };
    let expected = plan.phones * plan.complaints_per_phone;
    let run = tokio::spawn(async move { load::run(&plan).await });

    let filed_before = filed_at_least(&database, "postgres-kill", expected / 5).await;
    cluster.kill_9();

    // While the database is gone, the server says so: 503, with a message, never a 500.
    let client = reqwest::Client::new();
    for path in ["/healthz", "/api/v1/stats"] {
        let answer = client
            .get(format!("{}{path}", server.url()))
            .send()
            .await
            .unwrap();
        assert_eq!(
            answer.status(),
            reqwest::StatusCode::SERVICE_UNAVAILABLE,
            "{path}"
        );
        assert!(answer.headers().contains_key("retry-after"), "{path}");
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    cluster.up();

    let report = run.await.unwrap();
    assert_eq!(report.phones_not_done, 0, "every phone's outbox emptied");
    let filed = postgres_descriptions(&database, "postgres-kill");
    assert!(
        filed.len() as i64 >= filed_before,
        "what was filed before the kill is there"
    );
    assert_eq!(filed.len(), expected, "every complaint arrived");
    assert!(filed.iter().all(|(_, copies)| *copies == 1), "none twice");
}
