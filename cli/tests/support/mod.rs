//! Real processes for the end-to-end tests: the `zeri-server` binary on a free port with its own
//! database file (or its own PostgreSQL database, with `ZERI_TEST_ENGINE=postgres`), the
//! `zeri-cli` binary, and a TCP proxy between them that misbehaves on purpose.

#![allow(dead_code)]

pub mod cluster;

use std::net::TcpListener as StdListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};
use server::db::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

pub fn free_port() -> u16 {
    StdListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zeri-{name}-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The server binary next to this test's (built by the same `cargo test`), built if missing.
pub fn server_binary() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let target = exe.parent().unwrap().parent().unwrap();
    let binary = target.join("zeri-server");
    if !binary.exists() {
        let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args(["build", "-p", "server", "--bin", "zeri-server"])
            .status()
            .unwrap();
        assert!(status.success(), "building zeri-server");
    }
    binary
}

pub struct Server {
    pub child: Child,
    pub port: u16,
    pub dir: PathBuf,
    demo: bool,
    /// The PostgreSQL database it runs on, or none for its own SQLite file.
    postgres: Option<String>,
}

impl Server {
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Starts the server on `port` with the database in `dir` (or, with
    /// `ZERI_TEST_ENGINE=postgres`, a PostgreSQL database `dir` remembers) and waits until it
    /// answers.
    pub async fn start(dir: &Path, port: u16, demo: bool) -> Server {
        let postgres = on_postgres().then(|| {
            std::fs::create_dir_all(dir).unwrap();
            let remembered = dir.join("postgres-url");
            std::fs::read_to_string(&remembered).unwrap_or_else(|_| {
                let url = fresh_postgres_database();
                std::fs::write(&remembered, &url).unwrap();
                url
            })
        });
        Server::launch(dir, port, demo, postgres).await
    }

    /// Starts a server on `port` with the PostgreSQL `database` (its data folder in `dir`).
    pub async fn start_on_postgres(dir: &Path, port: u16, database: &str) -> Server {
        Server::launch(dir, port, false, Some(database.to_owned())).await
    }

    async fn launch(dir: &Path, port: u16, demo: bool, postgres: Option<String>) -> Server {
        std::fs::create_dir_all(dir).unwrap();
        let sqlite = dir.join("server.sqlite3").to_str().unwrap().to_owned();
        let mut command = Command::new(server_binary());
        command
            .args(["--bind", &format!("127.0.0.1:{port}")])
            .args(["--database", postgres.as_deref().unwrap_or(&sqlite)])
            .args(["--data-dir", dir.join("server-data").to_str().unwrap()])
            .env("ZERI_DEVICE_COMPLAINTS_PER_HOUR", "100000")
            .env("ZERI_IP_REQUESTS_PER_MINUTE", "1000000")
            .env("ZERI_NEW_COMPLAINTS_PER_MINUTE", "1000000")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if demo {
            command.arg("--demo");
        }
        let child = command.spawn().unwrap();
        let server = Server {
            child,
            port,
            dir: dir.to_owned(),
            demo,
            postgres,
        };
        server.wait_until_up().await;
        server
    }

    async fn wait_until_up(&self) {
        let client = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if let Ok(response) = client.get(format!("{}/healthz", self.url())).send().await
                && response.status().is_success()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the server did not come up");
    }

    pub fn kill(&mut self) {
        let _ = self.child.kill(); // SIGKILL
        let _ = self.child.wait();
    }

    pub async fn restart(&mut self) {
        self.kill();
        *self = Server::launch(
            &self.dir.clone(),
            self.port,
            self.demo,
            self.postgres.clone(),
        )
        .await;
    }

    /// How many complaints with each description the server holds.
    pub fn descriptions(&self) -> Vec<(String, i64)> {
        if let Some(database) = &self.postgres {
            return postgres_descriptions(database, "");
        }
        let connection = Connection::open_with_flags(
            self.dir.join("server.sqlite3"),
            OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap();
        let mut statement =
            connection.prepare("SELECT description, COUNT(*) FROM complaints GROUP BY description ORDER BY description").unwrap();
        statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    pub fn count_matching(&self, prefix: &str) -> i64 {
        self.descriptions()
            .iter()
            .filter(|(d, _)| d.starts_with(prefix))
            .map(|(_, n)| n)
            .sum()
    }

    pub fn tracking_codes(&self) -> Vec<String> {
        if let Some(database) = &self.postgres {
            return postgres_rows(database, "SELECT tracking_code FROM complaints", Vec::new())
                .iter()
                .map(|row| row.get(0).unwrap())
                .collect();
        }
        let connection = Connection::open_with_flags(
            self.dir.join("server.sqlite3"),
            OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap();
        let mut statement = connection
            .prepare("SELECT tracking_code FROM complaints")
            .unwrap();
        statement
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Runs `sql` on the PostgreSQL `database`, off the async threads (the client blocks).
fn postgres_rows(database: &str, sql: &str, values: Vec<Value>) -> Vec<server::db::Row> {
    let (database, sql) = (database.to_owned(), sql.to_owned());
    std::thread::spawn(move || {
        server::db::postgres::PgSession::connect(&database)
            .and_then(|session| session.query(&sql, &values))
            .expect("the test database answers")
    })
    .join()
    .unwrap()
}

/// Whether the end-to-end tests run their servers on PostgreSQL (`ZERI_TEST_ENGINE=postgres`).
pub fn on_postgres() -> bool {
    std::env::var("ZERI_TEST_ENGINE").is_ok_and(|engine| engine == "postgres")
}

/// A new database in the test cluster (`ZERI_TEST_POSTGRES`, from `scripts/with-postgres`).
pub fn fresh_postgres_database() -> String {
    let cluster = std::env::var("ZERI_TEST_POSTGRES")
        .expect("ZERI_TEST_POSTGRES names the cluster: run under scripts/with-postgres");
    server::db::postgres::create_database(&cluster, "zeri_e2e").expect("a test database is made")
}

/// How many complaints with each description starting with `prefix` the database holds.
pub fn postgres_descriptions(database: &str, prefix: &str) -> Vec<(String, i64)> {
    postgres_rows(
        database,
        "SELECT description, COUNT(*) FROM complaints WHERE description LIKE ?1
         GROUP BY description ORDER BY description",
        vec![Value::Text(format!("{prefix}%"))],
    )
    .iter()
    .map(|row| (row.get(0).unwrap(), row.get(1).unwrap()))
    .collect()
}

pub fn postgres_count(database: &str, prefix: &str) -> i64 {
    postgres_descriptions(database, prefix)
        .iter()
        .map(|(_, n)| n)
        .sum()
}

/// Runs `zeri-cli` with a phone store and a server, and returns (exit code, stdout, stderr).
pub fn cli(store: &Path, server: &str, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_zeri-cli"))
        .args(["--store", store.to_str().unwrap(), "--server", server])
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// What the proxy does with each new connection, in turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trouble {
    /// Passes everything through.
    Pass,
    /// Accepts and closes at once: the request never reaches the server.
    Drop,
    /// Waits before passing everything through.
    Delay(Duration),
    /// Passes the request, waits for the server's answer, and closes without passing it on:
    /// the server has committed, the phone never hears so.
    CutResponse,
}

pub struct Proxy {
    pub port: u16,
    pub answers_cut: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Proxy {
    /// A proxy to `upstream` that treats the n-th connection as `pattern[n % len]`.
    pub async fn start(upstream: u16, pattern: Vec<Trouble>) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let answers_cut = Arc::new(AtomicUsize::new(0));
        let cut = answers_cut.clone();
        let task = tokio::spawn(async move {
            let mut n = 0usize;
            loop {
                let Ok((client, _)) = listener.accept().await else {
                    continue;
                };
                let trouble = pattern[n % pattern.len()];
                n += 1;
                let cut = cut.clone();
                tokio::spawn(async move {
                    let _ = handle(client, upstream, trouble, cut).await;
                });
            }
        });
        Proxy {
            port,
            answers_cut,
            task,
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

async fn handle(
    mut client: TcpStream,
    upstream: u16,
    trouble: Trouble,
    cut: Arc<AtomicUsize>,
) -> std::io::Result<()> {
    match trouble {
        Trouble::Drop => return Ok(()),
        Trouble::Delay(delay) => tokio::time::sleep(delay).await,
        Trouble::Pass | Trouble::CutResponse => {}
    }
    let mut server = TcpStream::connect(("127.0.0.1", upstream)).await?;
    if trouble != Trouble::CutResponse {
        tokio::io::copy_bidirectional(&mut client, &mut server).await?;
        return Ok(());
    }
    let (mut client_read, _client_write) = client.split();
    let (mut server_read, mut server_write) = server.split();
    let mut buffer = vec![0u8; 64 * 1024];
    let forward = async {
        loop {
            let n = client_read.read(&mut buffer).await?;
            if n == 0 {
                return Ok::<_, std::io::Error>(());
            }
            server_write.write_all(&buffer[..n]).await?;
        }
    };
    let mut answer = [0u8; 1];
    tokio::select! {
        _ = forward => {},
        read = server_read.read(&mut answer) => {
            if matches!(read, Ok(n) if n > 0) {
                cut.fetch_add(1, Ordering::SeqCst);
            }
        }
    }
    // Dropping both streams closes the connection without a word to the phone.
    Ok(())
}
