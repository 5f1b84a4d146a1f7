//! Configuration: command-line flags, each with an environment variable, and safe defaults so
//! that `zeri-server --demo` runs with no setup at all.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, ValueEnum};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

#[derive(Debug, Clone, Parser)]
#[command(
    name = "zeri-server",
    about = "Zëri: citizens' complaints, routed to the institution responsible"
)]
pub struct Config {
    /// A tool to run instead of the server.
    #[command(subcommand)]
    pub tool: Option<Tool>,

    /// Address to listen on.
    #[arg(long, env = "ZERI_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,

    /// Where the data lives: a SQLite database file (created on first start), or a
    /// PostgreSQL database, `postgres://user@host/database` (its schema made on first start).
    #[arg(
        long,
        env = "ZERI_DATABASE",
        default_value = "zeri.sqlite3",
        global = true
    )]
    pub database: Database,

    /// Where uploaded photos are kept.
    #[arg(
        long,
        env = "ZERI_DATA_DIR",
        default_value = "zeri-data",
        global = true
    )]
    pub data_dir: PathBuf,

    /// The reference data folder (municipalities, institutions, categories, holidays).
    #[arg(long, env = "ZERI_REFERENCE_DIR", default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/kosovo"))]
    pub reference_dir: PathBuf,

    #[arg(long, env = "ZERI_LOG_FORMAT", value_enum, default_value = "text")]
    pub log_format: LogFormat,

    /// Fill an empty database with demo complaints and demo staff logins (printed at start-up).
    #[arg(long, env = "ZERI_DEMO")]
    pub demo: bool,

    /// The address people reach this server at (e.g. https://zeri.rks-gov.net), for the links
    /// and QR codes campaigns print and the trainees' links. Without it, the address the
    /// browser used. A plain http:// address (a training room's network) also makes the login
    /// cookie work without HTTPS.
    #[arg(long, env = "ZERI_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// The app's page in Apple's App Store, offered by campaign links on iPhones once published.
    #[arg(long, env = "ZERI_APP_STORE_URL")]
    pub app_store_url: Option<String>,

    /// Whether managers and administrators must sign in with a second factor (a code from an
    /// authenticator app) besides their password. The demo and training sandboxes never ask.
    #[arg(long, env = "ZERI_REQUIRE_SECOND_FACTOR", default_value_t = true, action = clap::ArgAction::Set)]
    pub require_second_factor: bool,

    /// How long a staff login lasts, in minutes.
    #[arg(long, env = "ZERI_SESSION_MINUTES", default_value_t = 480)]
    pub session_minutes: i64,

    /// How often, in seconds, the server looks whether a scheduled job (escalating overdue
    /// complaints) is due; 0 runs none. With several servers, each job still runs once.
    #[arg(long, env = "ZERI_JOBS_EVERY_SECONDS", default_value_t = 60)]
    pub jobs_every_seconds: u64,

    /// How often, in minutes, overdue complaints are escalated.
    #[arg(long, env = "ZERI_ESCALATION_MINUTES", default_value_t = 15)]
    pub escalation_minutes: i64,

    /// How many days after a complaint is closed its citizen's contact details and photos are
    /// erased (90: three times the 30 days in which it may be reopened).
    #[arg(long, env = "ZERI_ERASE_PERSONAL_AFTER_DAYS", default_value_t = 90, value_parser = clap::value_parser!(i64).range(1..))]
    pub erase_personal_after_days: i64,

    /// How many days after a complaint is closed what people wrote in it (the description, the
    /// citizen's messages, staff replies and notes, reasons and comments) is removed too; kept
    /// as the record of the institution's work when not set.
    #[arg(long, env = "ZERI_REDACT_TEXTS_AFTER_DAYS", value_parser = clap::value_parser!(i64).range(1..))]
    pub redact_texts_after_days: Option<i64>,

    /// A folder for scheduled backups (as `zeri-server backup` writes them); none without it.
    /// With several servers, one of them takes each backup.
    #[arg(long, env = "ZERI_BACKUP_DIR")]
    pub backup_dir: Option<PathBuf>,

    /// How often, in hours, a scheduled backup is taken.
    #[arg(long, env = "ZERI_BACKUP_EVERY_HOURS", default_value_t = 24, value_parser = clap::value_parser!(i64).range(1..))]
    pub backup_every_hours: i64,

    /// How many scheduled backups are kept; older ones are deleted as new ones are made.
    #[arg(long, env = "ZERI_BACKUPS_KEPT", default_value_t = 7, value_parser = clap::value_parser!(u64).range(1..))]
    pub backups_kept: u64,

    /// The mail server citizens' and institutions' emails leave through, as a URL:
    /// `smtps://user:password@smtp.example:465` (TLS), `smtp://user:password@smtp.example:587?tls=required`
    /// (STARTTLS), or `smtp://localhost:25` (a relay on this machine, unencrypted). Without it no
    /// email is sent; what would have been is dropped. Every server of a deployment needs it.
    #[arg(long, env = "ZERI_SMTP_URL")]
    pub smtp_url: Option<String>,

    /// The sender of the emails, e.g. `Zëri <zeri@rks-gov.net>`.
    #[arg(long, env = "ZERI_MAIL_FROM", default_value = "Zëri <zeri@localhost>")]
    pub mail_from: String,

    /// How often, in seconds, the server sends the emails that are waiting (0 sends none).
    #[arg(long, env = "ZERI_MAIL_EVERY_SECONDS", default_value_t = 5)]
    pub mail_every_seconds: u64,

    /// A Firebase service account's JSON key file, to wake Android phones through FCM when
    /// something changes in their complaints. Without it, Android phones learn on refresh.
    #[arg(long, env = "ZERI_FCM_CREDENTIALS")]
    pub fcm_credentials: Option<PathBuf>,

    /// FCM's address (a test or a relay may stand in for it).
    #[arg(
        long,
        env = "ZERI_FCM_URL",
        default_value = "https://fcm.googleapis.com"
    )]
    pub fcm_url: String,

    /// An Apple push key (the `.p8` file), to wake iPhones through APNs; with it the key's id,
    /// the team's id and the app's bundle id (the topic).
    #[arg(long, env = "ZERI_APNS_KEY")]
    pub apns_key: Option<PathBuf>,

    #[arg(long, env = "ZERI_APNS_KEY_ID")]
    pub apns_key_id: Option<String>,

    #[arg(long, env = "ZERI_APNS_TEAM_ID")]
    pub apns_team_id: Option<String>,

    #[arg(long, env = "ZERI_APNS_TOPIC")]
    pub apns_topic: Option<String>,

    /// APNs' address: production, or https://api.sandbox.push.apple.com for development builds.
    #[arg(
        long,
        env = "ZERI_APNS_URL",
        default_value = "https://api.push.apple.com"
    )]
    pub apns_url: String,

    /// How often, in seconds, waiting push wake-ups are sent (0 sends none).
    #[arg(long, env = "ZERI_PUSH_EVERY_SECONDS", default_value_t = 5)]
    pub push_every_seconds: u64,

    /// When, in Kosovo time (HH:MM), the daily digests leave for the institutions and staff
    /// who asked for one.
    #[arg(long, env = "ZERI_DIGEST_AT", default_value = "07:30", value_parser = parse_time_of_day)]
    pub digest_at: chrono::NaiveTime,

    /// New complaints one device may file per hour.
    #[arg(long, env = "ZERI_DEVICE_COMPLAINTS_PER_HOUR", default_value_t = 20)]
    pub device_complaints_per_hour: u32,

    /// Requests one IP address may make per minute to the citizen API.
    #[arg(long, env = "ZERI_IP_REQUESTS_PER_MINUTE", default_value_t = 600)]
    pub ip_requests_per_minute: u32,

    /// New complaints the whole server takes per minute, from everyone together; beyond it,
    /// phones are told to retry shortly (they keep the complaint queued). The default is
    /// forty times the busiest hour a national system expects.
    #[arg(long, env = "ZERI_NEW_COMPLAINTS_PER_MINUTE", default_value_t = 600)]
    pub new_complaints_per_minute: u32,

    /// Addresses of reverse proxies in front of the server (comma-separated). A request from one
    /// of them is taken to come from the last address in its `X-Forwarded-For` that is not a
    /// proxy, so limits count people, not the proxy; from anyone else the header is ignored.
    #[arg(long, env = "ZERI_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<std::net::IpAddr>,

    /// Open connections the server keeps at most; beyond it, new ones are closed at once.
    #[arg(long, env = "ZERI_MAX_CONNECTIONS", default_value_t = 4096)]
    pub max_connections: usize,

    /// Open connections one address may keep at most.
    #[arg(long, env = "ZERI_MAX_CONNECTIONS_PER_ADDRESS", default_value_t = 256)]
    pub max_connections_per_address: usize,

    /// Seconds a connection may take to send a request's headers, and may stay idle between
    /// requests, before it is closed.
    #[arg(long, env = "ZERI_HEADER_TIMEOUT_SECS", default_value_t = 15)]
    pub header_timeout_secs: u64,

    /// Seconds a request's body may pause between two pieces before it is abandoned.
    #[arg(long, env = "ZERI_BODY_TIMEOUT_SECS", default_value_t = 30)]
    pub body_timeout_secs: u64,

    /// Seconds a whole request may take, body included (a 10 MB photo on a slow line fits).
    #[arg(long, env = "ZERI_REQUEST_TIMEOUT_SECS", default_value_t = 300)]
    pub request_timeout_secs: u64,
}

/// A time of day written `HH:MM`.
fn parse_time_of_day(text: &str) -> Result<chrono::NaiveTime, String> {
    chrono::NaiveTime::parse_from_str(text.trim(), "%H:%M")
        .map_err(|_| format!("{text:?} is not a time of day: write it as HH:MM, e.g. 07:30"))
}

/// What `zeri-server` can do besides serving.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum Tool {
    /// Move a deployment from its SQLite file into an empty PostgreSQL database: every
    /// complaint, photo record, audit record, setting, campaign and trainee; the daily totals
    /// made again there. Staff log in again afterwards. Photos' files stay in the data folder.
    MigrateStore {
        /// The SQLite database file to move.
        #[arg(long)]
        from: PathBuf,
        /// The PostgreSQL database to move it into, `postgres://user@host/database`; it must
        /// be empty (its schema is made first).
        #[arg(long)]
        to: String,
    },
    /// Write a backup of the database and the photos into one archive, while the server runs.
    Backup {
        /// The archive to write (a gzipped tar, e.g. zeri-2026-12-03.tar.gz).
        #[arg(long)]
        to: PathBuf,
    },
    /// Put a backup back: the database where --database says (a SQLite file, or an empty
    /// PostgreSQL database), the photos into --data-dir. Stop the servers first.
    Restore {
        /// The archive `backup` wrote.
        #[arg(long)]
        from: PathBuf,
        /// Replace a database that already holds complaints.
        #[arg(long)]
        force: bool,
    },
}

/// The database a server uses: a SQLite file, or a PostgreSQL server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Database {
    Sqlite(PathBuf),
    /// A `postgres://` or `postgresql://` URL.
    Postgres(String),
}

impl std::str::FromStr for Database {
    type Err = std::convert::Infallible;

    fn from_str(text: &str) -> Result<Database, Self::Err> {
        let postgres = ["postgres://", "postgresql://"].iter().any(|scheme| {
            text.get(..scheme.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
        });
        Ok(if postgres {
            Database::Postgres(text.to_owned())
        } else {
            Database::Sqlite(PathBuf::from(text))
        })
    }
}

impl std::fmt::Display for Database {
    /// The file, or the URL without its password, for logs and messages.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Database::Sqlite(path) => write!(f, "{}", path.display()),
            Database::Postgres(url) => match url.split_once("://").and_then(|(scheme, rest)| {
                let (credentials, host) = rest.split_once('@')?;
                let user = credentials.split(':').next().unwrap_or_default();
                Some(format!("{scheme}://{user}@{host}"))
            }) {
                Some(shown) => f.write_str(&shown),
                None => f.write_str(url),
            },
        }
    }
}

impl Config {
    /// Whether the dashboard's cookies are marked Secure (sent over HTTPS only; browsers also
    /// accept them from http://localhost). Only a public address that is plain `http://` turns
    /// it off: a demo or training on a local network, where the browsers would otherwise refuse
    /// the login cookie.
    pub fn secure_cookies(&self) -> bool {
        !self
            .public_url
            .as_deref()
            .is_some_and(|url| url.starts_with("http://"))
    }

    /// A configuration for tests and tools: everything in `dir`, listening on a free port.
    pub fn for_directory(dir: &std::path::Path) -> Config {
        Config {
            tool: None,
            bind: "127.0.0.1:0".parse().expect("a valid address"),
            database: Database::Sqlite(dir.join("zeri.sqlite3")),
            data_dir: dir.join("data"),
            reference_dir: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/kosovo")),
            log_format: LogFormat::Text,
            demo: false,
            public_url: None,
            app_store_url: None,
            // Tests and tools make accounts of every role at will; a test of the second factor
            // turns this on.
            require_second_factor: false,
            session_minutes: 480,
            jobs_every_seconds: 60,
            smtp_url: None,
            mail_from: "Zëri <zeri@localhost>".to_owned(),
            mail_every_seconds: 5,
            fcm_credentials: None,
            fcm_url: "https://fcm.googleapis.com".to_owned(),
            apns_key: None,
            apns_key_id: None,
            apns_team_id: None,
            apns_topic: None,
            apns_url: "https://api.push.apple.com".to_owned(),
            push_every_seconds: 5,
            digest_at: chrono::NaiveTime::from_hms_opt(7, 30, 0).expect("a time of day"),
            escalation_minutes: 15,
            erase_personal_after_days: 90,
            redact_texts_after_days: None,
            backup_dir: None,
            backup_every_hours: 24,
            backups_kept: 7,
            device_complaints_per_hour: 20,
            ip_requests_per_minute: 600,
            new_complaints_per_minute: 600,
            trusted_proxies: Vec::new(),
            max_connections: 4096,
            max_connections_per_address: 256,
            header_timeout_secs: 15,
            body_timeout_secs: 30,
            request_timeout_secs: 300,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_is_a_file_or_a_postgres_url_shown_without_its_password() {
        let file: Database = "zeri.sqlite3".parse().unwrap();
        assert_eq!(file, Database::Sqlite("zeri.sqlite3".into()));
        let server: Database = "postgres://zeri:secret@db.example:5432/zeri"
            .parse()
            .unwrap();
        assert!(matches!(server, Database::Postgres(_)));
        assert_eq!(server.to_string(), "postgres://zeri@db.example:5432/zeri");
        let plain: Database = "PostgreSQL://db.example/zeri".parse().unwrap();
        assert_eq!(plain.to_string(), "PostgreSQL://db.example/zeri");
    }
}
