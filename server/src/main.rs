//! `zeri-server`: reads the configuration and runs the server until SIGTERM or Ctrl-C.

use clap::Parser;
use server::config::{Config, LogFormat};
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
