//! `generate-types [ROOT]`: writes the shells' generated types under ROOT (default: the
//! current directory, which `./scripts/generate` sets to the repository).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."));
    match shared_types::write_all(&root) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("generate-types: {error}");
            ExitCode::FAILURE
        }
    }
}
