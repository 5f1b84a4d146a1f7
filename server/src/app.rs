//! Building and running the server: open the database, load the reference data, assemble the
//! routes with their limits, and serve until SIGTERM or Ctrl-C, finishing requests in flight.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};
use tower_http::trace::TraceLayer;

use crate::auth::passwords::PasswordWork;
use crate::config::{Config, Database};
use crate::db::{Db, DbError};
use crate::http::{ApiError, localize_errors};
use crate::locate::Locator;
use crate::ratelimit::Limiters;
use crate::services::{catalog, photos::PhotoStore};
use crate::state::AppState;

/// Connections that read a PostgreSQL database, beside the one that writes.
const READERS: usize = 4;
use crate::{demo, reference, routes};

/// Largest JSON body the API reads.
pub const JSON_BODY_LIMIT: usize = 64 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("opening the database {path}: {source}")]
    Database { path: String, source: DbError },
    #[error("creating the data directory {path}: {source}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },
    #[error("loading the reference data: {0}")]
    Reference(#[from] reference::ReferenceError),
    #[error("municipal boundaries: {0}")]
    Geometry(#[from] crate::locate::GeometryError),
    #[error("demo data: {0}")]
    Demo(String),
    #[error("{0}")]
    Mail(#[from] crate::mailer::MailSetupError),
    #[error("{0}")]
    Push(#[from] crate::pusher::PushSetupError),
    #[error("listening on {address}: {source}")]
    Bind {
        address: SocketAddr,
        source: std::io::Error,
    },
}

pub struct Application {
    listener: TcpListener,
    router: Router,
    mailer: crate::mailer::Mailer,
    pusher: crate::pusher::Pusher,
    pub state: AppState,
}

impl Application {
    pub async fn build(config: Config) -> Result<Application, StartupError> {
        let photos_dir = config.data_dir.join("photos");
        let photos =
            PhotoStore::open(photos_dir.clone()).map_err(|source| StartupError::DataDir {
                path: photos_dir.display().to_string(),
                source,
            })?;
        let opened = match &config.database {
            Database::Sqlite(path) => Db::open(path),
            Database::Postgres(url) => {
                let url = url.clone();
                tokio::task::spawn_blocking(move || Db::open_postgres(&url, READERS))
                    .await
                    .map_err(|e| DbError::Task(e.to_string()))
                    .and_then(|opened| opened)
            }
        };
        let db = opened.map_err(|source| StartupError::Database {
            path: config.database.to_string(),
            source,
        })?;
        let reference_dir = config.reference_dir.clone();
        let loaded = db.blocking(move |c| reference::load_if_empty(c, &reference_dir))?;
        if loaded {
            tracing::info!(
                "reference data loaded from {}",
                config.reference_dir.display()
            );
        }
        let boundaries =
            db.blocking(catalog::boundaries)
                .map_err(|source| StartupError::Database {
                    path: config.database.to_string(),
                    source,
                })?;
        let locator = Arc::new(Locator::new(boundaries)?);

        let mailer = crate::mailer::Mailer::from_config(&config)?;
        let pusher = crate::pusher::Pusher::from_config(&config)?;
        let mut state = AppState {
            db,
            locator,
            routes: Default::default(),
            photos,
            limits: Arc::new(Limiters::new(&config)),
            passwords: PasswordWork::default(),
            config: Arc::new(config),
            clock: crate::clock::Clock::default(),
            sandboxes: None,
            sandbox: None,
        };
        state.sandboxes = Some(Arc::new(crate::training::Sandboxes::new(&state)));
        if state.config.demo {
            demo::seed_if_empty(&state)
                .await
                .map_err(StartupError::Demo)?;
        }

        let address = state.config.bind;
        let listener = TcpListener::bind(address)
            .await
            .map_err(|source| StartupError::Bind { address, source })?;
        let router = router(state.clone());
        Ok(Application {
            listener,
            router,
            mailer,
            pusher,
            state,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        tracing::info!("listening on http://{}", self.local_addr());
        // Stopped with the server, however the server stops (a test aborting it too).
        let _jobs = crate::scheduler::spawn(self.state.clone());
        let _mail = crate::mailer::spawn(self.state.clone(), self.mailer);
        let _push = crate::pusher::spawn(self.state.clone(), self.pusher);
        let config = &self.state.config;
        let limits = crate::serve::ConnectionLimits {
            max_connections: crate::serve::connections_the_system_allows(config.max_connections),
            max_per_address: config.max_connections_per_address,
            header_timeout: Duration::from_secs(config.header_timeout_secs),
        };
        crate::serve::serve(
            self.listener,
            self.router,
            limits,
            Arc::new(config.trusted_proxies.clone()),
            shutdown_signal(),
            Duration::from_secs(30),
        )
        .await
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

pub fn router(state: AppState) -> Router {
    let config = &state.config;
    let body_timeout = Duration::from_secs(config.body_timeout_secs);
    let request_timeout = Duration::from_secs(config.request_timeout_secs);
    Router::new()
        .merge(routes::health::router())
        .merge(routes::citizen::router(state.clone()))
        .merge(routes::staff::router())
        .merge(routes::admin::router())
        .merge(routes::stats::router())
        .merge(routes::openapi::router())
        .merge(crate::web::router())
        .fallback(|| async { ApiError::NotFound })
        .layer(DefaultBodyLimit::max(JSON_BODY_LIMIT))
        .layer(RequestBodyTimeoutLayer::new(body_timeout))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            request_timeout,
        ))
        .layer(middleware::from_fn(localize_errors))
        .layer(CatchPanicLayer::custom(|_| {
            ApiError::Internal("a handler panicked".into()).to_response(protocol::Language::English)
        }))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            crate::training::dispatch,
        ))
        .layer(middleware::from_fn(security_headers))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// What the browser may load and do on a page of this site (and nothing, for an API answer).
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
    img-src 'self' https://tile.openstreetmap.org; connect-src 'self'; form-action 'self'; \
    frame-ancestors 'none'; base-uri 'none'";

/// Headers every answer carries: no sniffing a type other than the one declared, no framing,
/// and, unless the answer says otherwise, no caching (API answers and pages carry personal data
/// a shared computer must not keep after logout).
async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "same-origin"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}
