//! `zeri-server backup --to <file>` and `zeri-server restore --from <file>`: a deployment's
//! database and photos in one archive, taken while the server runs, and put back in a new place.
//!
//! The archive is a gzipped tar holding `zeri-backup.json` (what it is: the engine, when, how
//! many complaints and photos), the database (`database.sqlite3`, a consistent copy SQLite's
//! `VACUUM INTO` makes from a snapshot while writers carry on; or `database.pgdump`, `pg_dump`'s
//! custom format, itself one snapshot) and `photos/<sha256>`, every photo file there is once the
//! database copy is made. A photo's file is written before its row commits, so every photo the
//! copy refers to is in the folder by then. Training sandboxes are not kept: they are practice
//! and are made again from the seed.
//!
//! A restore puts the database where the configuration says (a SQLite file, or an empty
//! PostgreSQL database, through `pg_restore`) and the photos into the data folder, and refuses to
//! overwrite a database that holds complaints unless told to.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read};
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use indicatif::{ProgressBar, ProgressStyle};
use serde::{Deserialize, Serialize};

use crate::config::Database;
use crate::db::snapshots::{self, SnapshotError};

/// What an archive says of itself.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Manifest {
    /// The archive's layout; a restore refuses one it does not know.
    pub format: u32,
    /// `sqlite` or `postgres`: which engine's copy the archive holds.
    pub engine: String,
    /// When the copy was made (RFC 3339, UTC).
    pub taken_at: String,
    pub complaints: i64,
    pub photos: u64,
}

const FORMAT: u32 = 1;
const MANIFEST: &str = "zeri-backup.json";
const SQLITE_COPY: &str = "database.sqlite3";
const POSTGRES_COPY: &str = "database.pgdump";

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Snapshot(#[from] SnapshotError),
    #[error("{0}")]
    Tool(String),
    #[error("{0} is not a Zëri backup (a gzipped tar holding {MANIFEST}, as `backup` writes it)")]
    NotABackup(PathBuf),
    #[error(
        "this backup's format ({0}) is newer than this server knows: restore it with a newer zeri-server"
    )]
    NewerFormat(u32),
    #[error(
        "this backup holds a {archive} database but the server is configured for {configured}: \
         restore it onto the same engine (moving engines is migrate-store's job)"
    )]
    OtherEngine { archive: String, configured: String },
}

/// Writes a backup of `database` and the photos under `data_dir` to `to`, showing progress.
pub fn backup(database: &Database, data_dir: &Path, to: &Path) -> Result<Manifest, BackupError> {
    let progress = steps("backup");
    let scratch = tempfile_dir(to)?;
    progress.set_message("copying the database");
    let (engine, copy_name) = match database {
        Database::Sqlite(_) => ("sqlite", SQLITE_COPY),
        Database::Postgres(_) => ("postgres", POSTGRES_COPY),
    };
    let copy = scratch.join(copy_name);
    let complaints = snapshots::snapshot(database, &copy)?;
    let photos_dir = data_dir.join("photos");
    let photos = photo_files(&photos_dir)?;
    let manifest = Manifest {
        format: FORMAT,
        engine: engine.to_owned(),
        taken_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        complaints,
        photos: photos.len() as u64,
    };
    // Written beside the target, then renamed: a backup is either whole or not there.
    let partial = to.with_extension("partial");
    let result = (|| -> Result<(), BackupError> {
        let file = BufWriter::new(File::create(&partial)?);
        let mut archive = tar::Builder::new(GzEncoder::new(file, Compression::fast()));
        let json =
            serde_json::to_vec_pretty(&manifest).map_err(|e| BackupError::Tool(e.to_string()))?;
        append_bytes(&mut archive, MANIFEST, &json)?;
        archive.append_path_with_name(&copy, copy_name)?;
        progress.set_length(photos.len() as u64);
        progress.set_message("copying the photos");
        for name in &photos {
            match File::open(photos_dir.join(name)) {
                Ok(mut file) => archive.append_file(format!("photos/{name}"), &mut file)?,
                // Replaced since the copy was made: the copy no longer refers to it.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e.into()),
            }
            progress.inc(1);
        }
        archive
            .into_inner()?
            .finish()?
            .into_inner()
            .map_err(|e| e.into_error())?
            .sync_all()?;
        std::fs::rename(&partial, to)?;
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&scratch);
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result?;
    progress.finish_with_message("done");
    Ok(manifest)
}

/// Restores the backup `from` into `database` and `data_dir`; `force` replaces a database
/// that holds complaints.
pub fn restore(
    from: &Path,
    database: &Database,
    data_dir: &Path,
    force: bool,
) -> Result<Manifest, BackupError> {
    let progress = steps("restore");
    let scratch = tempfile_dir(&data_dir.join("restore"))?;
    let result = (|| {
        progress.set_message("reading the backup");
        let manifest =
            unpack(from, &scratch, &data_dir.join("photos"), &progress).map_err(|e| match e {
                // Not gzip, not tar, or cut short: not something `backup` wrote.
                BackupError::Io(io)
                    if matches!(
                        io.kind(),
                        std::io::ErrorKind::InvalidData
                            | std::io::ErrorKind::InvalidInput
                            | std::io::ErrorKind::UnexpectedEof
                    ) =>
                {
                    BackupError::NotABackup(from.to_owned())
                }
                other => other,
            })?;
        let configured = match database {
            Database::Sqlite(_) => "sqlite",
            Database::Postgres(_) => "postgres",
        };
        if manifest.engine != configured {
            return Err(BackupError::OtherEngine {
                archive: manifest.engine.clone(),
                configured: configured.to_owned(),
            });
        }
        progress.set_message("putting the database back");
        let copy_name = if configured == "sqlite" {
            SQLITE_COPY
        } else {
            POSTGRES_COPY
        };
        snapshots::load(database, &scratch.join(copy_name), force)?;
        Ok(manifest)
    })();
    let _ = std::fs::remove_dir_all(&scratch);
    let manifest = result?;
    progress.finish_with_message("done");
    Ok(manifest)
}

/// Extracts the archive: the manifest and the database copy into `scratch`, the photos into
/// `photos` (files already there are the same bytes, by their names, and are kept).
fn unpack(
    from: &Path,
    scratch: &Path,
    photos: &Path,
    progress: &ProgressBar,
) -> Result<Manifest, BackupError> {
    std::fs::create_dir_all(photos)?;
    let file = File::open(from)?;
    let mut archive = tar::Archive::new(GzDecoder::new(BufReader::new(file)));
    let mut manifest = None;
    for entry in archive.entries()? {
        let mut entry = entry?;
        let path = entry.path()?.into_owned();
        let name = path.to_string_lossy().into_owned();
        if name == MANIFEST {
            let mut json = Vec::new();
            entry.read_to_end(&mut json)?;
            let read: Manifest = serde_json::from_slice(&json)
                .map_err(|_| BackupError::NotABackup(from.to_owned()))?;
            if read.format > FORMAT {
                return Err(BackupError::NewerFormat(read.format));
            }
            progress.set_length(read.photos);
            manifest = Some(read);
        } else if name == SQLITE_COPY || name == POSTGRES_COPY {
            entry.unpack(scratch.join(&name))?;
        } else if let Some(photo) = name.strip_prefix("photos/").filter(|p| is_digest(p)) {
            let target = photos.join(photo);
            if !target.exists() {
                let partial = photos.join(format!("{photo}.partial"));
                entry.unpack(&partial)?;
                std::fs::rename(&partial, &target)?;
            }
            progress.inc(1);
        }
        // Anything else (which a backup never holds) is skipped, never written anywhere.
    }
    manifest.ok_or_else(|| BackupError::NotABackup(from.to_owned()))
}

/// Deletes the oldest scheduled backups in `dir` (`zeri-<when>.tar.gz`) beyond the newest `kept`.
pub fn prune(dir: &Path, kept: usize) -> Result<(), BackupError> {
    let mut archives: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("zeri-") && n.ends_with(".tar.gz"))
        })
        .collect();
    // Their names sort as their times do.
    archives.sort();
    let excess = archives.len().saturating_sub(kept);
    for old in &archives[..excess] {
        std::fs::remove_file(old)?;
    }
    Ok(())
}

/// A photo file's name: the SHA-256 of its bytes, in hex.
fn is_digest(name: &str) -> bool {
    name.len() == 64 && name.bytes().all(|b| b.is_ascii_hexdigit())
}

fn photo_files(dir: &Path) -> Result<Vec<String>, BackupError> {
    let mut names = Vec::new();
    match std::fs::read_dir(dir) {
        Ok(entries) => {
            for entry in entries {
                let name = entry?.file_name().to_string_lossy().into_owned();
                if is_digest(&name) {
                    names.push(name);
                }
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e.into()),
    }
    names.sort();
    Ok(names)
}

fn append_bytes<W: std::io::Write>(
    archive: &mut tar::Builder<W>,
    name: &str,
    bytes: &[u8],
) -> std::io::Result<()> {
    let mut header = tar::Header::new_gnu();
    header.set_size(bytes.len() as u64);
    header.set_mode(0o644);
    header.set_mtime(chrono::Utc::now().timestamp().max(0) as u64);
    header.set_cksum();
    archive.append_data(&mut header, name, bytes)
}

/// A scratch folder beside `near`, made new.
fn tempfile_dir(near: &Path) -> Result<PathBuf, BackupError> {
    let parent = near
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let dir = parent.join(format!(".zeri-scratch-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// A progress bar on a terminal (hidden elsewhere, as in tests and the scheduler's runs).
fn steps(what: &str) -> ProgressBar {
    let bar = if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        ProgressBar::new(0)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template(&format!("{what}: {{msg}} {{bar:30}} {{pos}}/{{len}}"))
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}
