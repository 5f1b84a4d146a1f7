//! `zeri-server`: reads the configuration and runs the server until SIGTERM or Ctrl-C.

use clap::Parser;
use server::config::{Config, LogFormat, Tool};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let config = Config::parse();
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    match config.log_format {
        LogFormat::Text => tracing_subscriber::fmt().with_env_filter(filter).init(),
        LogFormat::Json => tracing_subscriber::fmt()
            .json()
            .with_env_filter(filter)
            .init(),
    }
    match config.tool.clone() {
        Some(Tool::MigrateStore { from, to }) => return migrate_store(&from, &to).await,
        Some(Tool::Backup { to }) => {
            let (database, data_dir) = (config.database.clone(), config.data_dir.clone());
            return finish(tokio::task::spawn_blocking(move || {
                server::backup::backup(&database, &data_dir, &to)
            }))
            .await;
        }
        Some(Tool::Restore { from, force }) => {
            let (database, data_dir) = (config.database.clone(), config.data_dir.clone());
            return finish(tokio::task::spawn_blocking(move || {
                server::backup::restore(&from, &database, &data_dir, force)
            }))
            .await;
        }
        None => {}
    }
    let app = match server::Application::build(config).await {
        Ok(app) => app,
        Err(error) => {
            eprintln!("zeri-server: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    if let Err(error) = app.run_until_stopped().await {
        eprintln!("zeri-server: {error}");
        return std::process::ExitCode::FAILURE;
    }
    std::process::ExitCode::SUCCESS
}

/// `zeri-server migrate-store`: opens both databases, moves everything, and says what arrived.
async fn migrate_store(from: &std::path::Path, to: &str) -> std::process::ExitCode {
    let source = match server::db::Db::open(from) {
        Ok(db) => db,
        Err(error) => {
            eprintln!("zeri-server: opening {}: {error}", from.display());
            return std::process::ExitCode::FAILURE;
        }
    };
    let url = to.to_owned();
    let target = tokio::task::spawn_blocking(move || server::db::Db::open_postgres(&url, 1)).await;
    let target = match target {
        Ok(Ok(db)) => db,
        Ok(Err(error)) => {
            eprintln!("zeri-server: opening the target: {error}");
            return std::process::ExitCode::FAILURE;
        }
        Err(error) => {
            eprintln!("zeri-server: opening the target: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match server::migrate_store::move_store(&source, &target, true).await {
        Ok(moved) => {
            for (table, rows) in moved.tables {
                println!("{table:>22}  {rows}");
            }
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("zeri-server: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Says what a backup or a restore held, or why it failed.
async fn finish(
    work: tokio::task::JoinHandle<Result<server::backup::Manifest, server::backup::BackupError>>,
) -> std::process::ExitCode {
    match work.await {
        Ok(Ok(manifest)) => {
            println!(
                "{} complaints and {} photos, as of {} ({})",
                manifest.complaints, manifest.photos, manifest.taken_at, manifest.engine
            );
            std::process::ExitCode::SUCCESS
        }
        Ok(Err(error)) => {
            eprintln!("zeri-server: {error}");
            std::process::ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("zeri-server: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
