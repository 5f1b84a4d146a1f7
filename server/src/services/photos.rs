//! Photos, written and read: a citizen's upload (checked against the complaint's slots, its
//! metadata removed, stored), the list of a complaint's photos, and a photo for the staff of the
//! institution handling it.
//!
//! The files: each stored once under the photos folder, named by the SHA-256 of its
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

use crate::db::{Conn, OptionalExtension};
use crate::params;
use protocol::domain::InputError;
use protocol::photo::{self, ImageKind, PhotoError};
use serde::Serialize;

use super::ServiceError;
use super::complaints::{complaint_id, store as complaint_store};
use crate::auth::{StaffMember, sha256_hex};
use crate::db::{CachedQuery, Db};

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
    async fn read(&self, digest: &str) -> Result<Option<Vec<u8>>, ServiceError> {
        match tokio::fs::read(self.dir.join(digest)).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(ServiceError::Internal(format!(
                "reading photo {digest}: {e}"
            ))),
        }
    }

    /// Puts the cleaned photo `bytes` into slot `index` of complaint `id` (replacing what was
    /// there), and deletes the file it replaced if nothing else refers to it. Carries on to the
    /// end even if the client goes away, so no upload is left half done.
    async fn save(
        &self,
        db: &Db,
        id: String,
        index: u8,
        kind: ImageKind,
        bytes: Vec<u8>,
    ) -> Result<(), ServiceError> {
        let (store, db) = (self.clone(), db.clone());
        let saving = async move {
            let digest = sha256_hex(&bytes);
            let pin = store.pin(&digest);
            let path = store.dir.join(&digest);
            let size = bytes.len() as i64;
            let written = tokio::task::spawn_blocking(move || write_durably(&path, &bytes))
                .await
                .map_err(|e| ServiceError::Internal(e.to_string()))
                .and_then(|r| {
                    r.map_err(|e| ServiceError::Internal(format!("writing a photo: {e}")))
                });
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
            .map_err(|e| ServiceError::Internal(format!("saving a photo: {e}")))?
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
        let checked = db.read(move |c| -> Result<(), ServiceError> {
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
) -> Result<Option<String>, ServiceError> {
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
            "INSERT INTO photos (complaint_id, idx, sha256, content_type, size) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (complaint_id, idx) DO UPDATE SET sha256 = excluded.sha256,
                content_type = excluded.content_type, size = excluded.size",
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

/// A citizen's device puts photo `body` into slot `index` of its complaint `id` (both as the
/// path names them): the complaint must be the device's and have that slot (else not found),
/// and the photo a readable JPEG or PNG within the limits. Its metadata is removed before it
/// is stored.
pub async fn upload(
    db: &Db,
    store: &PhotoStore,
    device_hash: &str,
    (id, index): (&str, &str),
    body: &[u8],
) -> Result<(), ServiceError> {
    let id = complaint_id(id)?;
    let index: u8 = index.parse().map_err(|_| ServiceError::NotFound)?;
    let photo_count = {
        let (id, hash) = (id.clone(), device_hash.to_owned());
        db.read(move |c| complaint_store::photo_count(c, &id, &hash))
            .await?
    };
    if photo_count.is_none_or(|count| index >= count) {
        return Err(ServiceError::NotFound);
    }
    let (kind, cleaned) = photo::strip_metadata(body).map_err(|e| match e {
        PhotoError::TooLarge { .. } => InputError::PhotoTooLarge,
        PhotoError::TooManyPixels { .. } => InputError::PhotoTooManyPixels,
        _ => InputError::PhotoUnreadable,
    })?;
    store.save(db, id, index, kind, cleaned).await
}

#[derive(Debug, Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct PhotoInfo {
    pub index: u8,
    pub content_type: String,
    pub size: i64,
}

/// The photos complaint `id` has, by slot.
pub fn list(c: &Conn, id: &str) -> Result<Vec<PhotoInfo>, ServiceError> {
    let mut statement = c.prepare(
        "SELECT idx, content_type, size FROM photos WHERE complaint_id = ?1 ORDER BY idx",
    )?;
    let photos = statement
        .query_map([id], |r| {
            Ok(PhotoInfo {
                index: r.get(0)?,
                content_type: r.get(1)?,
                size: r.get(2)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(photos)
}

/// A stored photo: its bytes and the kind of image they are.
pub struct Photo {
    pub kind: ImageKind,
    pub bytes: Vec<u8>,
}

/// Photo `index` of complaint `id`, for `staff`: not found unless their institution handles it.
pub async fn for_staff(
    db: &Db,
    store: &PhotoStore,
    staff: &StaffMember,
    id: &str,
    index: u8,
) -> Result<Photo, ServiceError> {
    // A photo replaced between reading its row and reading its file may be gone by then:
    // read the row again, which names the new one.
    for _ in 0..3 {
        let (digest, institution) = slot(db, id, index).await?.ok_or(ServiceError::NotFound)?;
        if !staff.serves(&institution) {
            return Err(ServiceError::NotFound);
        }
        if let Some(bytes) = store.read(&digest).await? {
            let kind = photo::detect(&bytes).ok_or_else(|| {
                ServiceError::Internal(format!("photo {index} of {id} is not an image"))
            })?;
            return Ok(Photo { kind, bytes });
        }
    }
    Err(ServiceError::Internal(format!(
        "photo {index} of {id}: its file is missing"
    )))
}

/// The file and institution of a complaint's photo.
async fn slot(db: &Db, id: &str, index: u8) -> Result<Option<(String, String)>, ServiceError> {
    let id = id.to_owned();
    db.read(move |c| {
        Ok(c.query_row(
            "SELECT p.sha256, c.institution_id FROM photos p JOIN complaints c ON c.id = p.complaint_id
             WHERE p.complaint_id = ?1 AND p.idx = ?2",
            params![id, index],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
    })
    .await
}
