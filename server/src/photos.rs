//! The photo files: each stored once under the photos folder, named by the SHA-256 of its
//! (cleaned) bytes, so two slots or complaints with the same photo share one file. The
//! `photos` table says which slot holds which file; a file nothing refers to any more is
//! deleted, so replacing a photo again and again does not fill the disk.
//!
//! Key decision: a file is deleted only when no committed row refers to it and no upload is
//! between writing it and committing its row. An upload *pins* its file's name before it looks
//! whether the file is there, and unpins it once its row is committed (or has failed); the
//! check for references runs under the same lock as pinning, against committed data. So an
//! upload either sees its file deleted and writes it again, or keeps it from being deleted.
//! Whoever unpins a name or replaces a reference checks that name afterwards, so the last one
//! to let go of a file deletes it.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use protocol::photo::ImageKind;
use rusqlite::{OptionalExtension, params};

use crate::auth::sha256_hex;
use crate::db::{CachedQuery, Db};
use crate::error::ApiError;

/// The photos folder and the names uploads are holding on to.
#[derive(Clone)]
pub struct PhotoStore {
    dir: PathBuf,
    /// How many uploads hold each name.
    pins: Arc<Mutex<HashMap<String, usize>>>,
}

/// One upload's hold on a file name, released when dropped.
struct Pin {
    pins: Arc<Mutex<HashMap<String, usize>>>,
    digest: String,
}

impl Drop for Pin {
    fn drop(&mut self) {
        let mut pins = lock(&self.pins);
        if let Some(count) = pins.get_mut(&self.digest) {
            *count -= 1;
            if *count == 0 {
                pins.remove(&self.digest);
            }
        }
    }
}

fn lock(pins: &Mutex<HashMap<String, usize>>) -> MutexGuard<'_, HashMap<String, usize>> {
    pins.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl PhotoStore {
    /// The store in `dir`, created if missing.
    pub fn open(dir: PathBuf) -> std::io::Result<PhotoStore> {
        std::fs::create_dir_all(&dir)?;
        Ok(PhotoStore {
            dir,
            pins: Arc::default(),
        })
    }

    /// The bytes of the file named `digest`, or `None` if there is no such file.
    pub async fn read(&self, digest: &str) -> Result<Option<Vec<u8>>, ApiError> {
        match tokio::fs::read(self.dir.join(digest)).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(ApiError::Internal(format!("reading photo {digest}: {e}"))),
        }
    }

    /// Puts the cleaned photo `bytes` into slot `index` of complaint `id` (replacing what was
    /// there), and deletes the file it replaced if nothing else refers to it. Carries on to the
    /// end even if the client goes away, so no upload is left half done.
    pub async fn save(
        &self,
        db: &Db,
        id: String,
        index: u8,
        kind: ImageKind,
        bytes: Vec<u8>,
    ) -> Result<(), ApiError> {
        let (store, db) = (self.clone(), db.clone());
        let saving = async move {
            let digest = sha256_hex(&bytes);
            let pin = store.pin(&digest);
            let path = store.dir.join(&digest);
            let size = bytes.len() as i64;
            let written = tokio::task::spawn_blocking(move || write_durably(&path, &bytes))
                .await
                .map_err(|e| ApiError::Internal(e.to_string()))
                .and_then(|r| r.map_err(|e| ApiError::Internal(format!("writing a photo: {e}"))));
            let committed = match written {
                Ok(()) => refer(&db, id, index, digest.clone(), kind, size).await,
                Err(e) => Err(e),
            };
            drop(pin);
            if let Ok(Some(replaced)) = &committed {
                store.delete_if_unused(&db, replaced.clone()).await;
            }
            store.delete_if_unused(&db, digest).await;
            committed.map(|_| ())
        };
        tokio::spawn(saving)
            .await
            .map_err(|e| ApiError::Internal(format!("saving a photo: {e}")))?
    }

    fn pin(&self, digest: &str) -> Pin {
        *lock(&self.pins).entry(digest.to_owned()).or_default() += 1;
        Pin {
            pins: self.pins.clone(),
            digest: digest.to_owned(),
        }
    }

    /// Deletes the file named `digest` unless an upload holds it or a committed row refers to it.
    /// A failure leaves the file (taking only disk space) and goes to the log.
    async fn delete_if_unused(&self, db: &Db, digest: String) {
        let (pins, path) = (self.pins.clone(), self.dir.join(&digest));
        let checked = db.read(move |c| {
            let pins = lock(&pins);
            if pins.contains_key(&digest) {
                return Ok(());
            }
            let referred: bool = c.cached_row(
                "SELECT EXISTS (SELECT 1 FROM photos WHERE sha256 = ?1)",
                [&digest],
                |r| r.get(0),
            )?;
            if !referred {
                match std::fs::remove_file(&path) {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => tracing::warn!(error = %e, digest, "deleting an unused photo"),
                }
            }
            drop(pins);
            Ok(())
        });
        if let Err(e) = checked.await {
            tracing::warn!(error = %e, "checking whether a photo is still used");
        }
    }
}

/// Makes slot `index` of complaint `id` refer to `digest`; answers the name it referred to
/// before, if that was another file.
async fn refer(
    db: &Db,
    id: String,
    index: u8,
    digest: String,
    kind: ImageKind,
    size: i64,
) -> Result<Option<String>, ApiError> {
    let content_type = match kind {
        ImageKind::Jpeg => "image/jpeg",
        ImageKind::Png => "image/png",
    };
    db.call(move |c| {
        let before: Option<String> = c
            .cached_row(
                "SELECT sha256 FROM photos WHERE complaint_id = ?1 AND idx = ?2",
                params![id, index],
                |r| r.get(0),
            )
            .optional()?;
        c.cached_execute(
            "INSERT OR REPLACE INTO photos (complaint_id, idx, sha256, content_type, size) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, index, digest, content_type, size],
        )?;
        Ok(before.filter(|before| *before != digest))
    })
    .await
}

/// Writes a content-addressed file so that it is complete or absent, never half-written: each
/// upload writes a temporary file of its own and renames it into place, so uploads of the same
/// photo at the same time each put down a whole copy and the last rename wins. The folder is
/// synced too, so the name survives a power cut as well as the bytes.
fn write_durably(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if path.exists() {
        return Ok(());
    }
    let temporary = path.with_extension(format!("{}.partial", uuid::Uuid::new_v4().simple()));
    let written = std::fs::File::create(&temporary).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    });
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written?;
    #[cfg(unix)]
    if let Some(folder) = path.parent() {
        std::fs::File::open(folder)?.sync_all()?;
    }
    Ok(())
}
