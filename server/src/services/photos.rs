//! Photos, written and read: a citizen's upload (checked against the complaint's slots, its
//! metadata removed, stored), the list of a complaint's photos, and a photo for the staff of the
//! institution handling it.
//!
//! The files: each stored once under the photos folder, named by the SHA-256 of its
//! (cleaned) bytes, so two slots or complaints with the same photo share one file. The
//! `photos` table says which slot holds which file; a file nothing refers to any more is
//! deleted, so replacing a photo again and again does not fill the disk.
//!
//! Key decision: a file is deleted only when no committed row refers to it and no upload, on
//! any server sharing the folder, is between writing it and committing its row. An upload
//! first commits a *pin* on its file's name (a row of `photo_pins`), then looks whether the
//! file is there and writes it if not, and drops the pin when its photo row is committed (or
//! has failed). Deleting is two steps around a second look: the file is moved aside, the
//! database is asked again, and the file is put back if a pin or a row has appeared meanwhile.
//! So an upload pinned before that second look has its file back, and one pinned after it
//! finds no file and writes its own. Whoever unpins a name or replaces a reference checks that
//! name afterwards, so the last one to let go of a file deletes it. A pin older than an hour
//! belongs to an upload that died with its server and no longer holds its file.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::db::{Conn, OptionalExtension};
use crate::params;
use protocol::domain::InputError;
use protocol::photo::{self, ImageKind, PhotoError};
use serde::Serialize;

use super::ServiceError;
use super::complaints::{complaint_id, store as complaint_store};
use crate::auth::{StaffMember, sha256_hex};
use crate::db::{CachedQuery, Db};

/// How long a pin holds its file: far longer than an upload may take.
const PIN_HOURS: i64 = 1;

/// The photos folder, which every server of a deployment shares.
#[derive(Clone)]
pub struct PhotoStore {
    dir: PathBuf,
}

impl PhotoStore {
    /// The store in `dir`, created if missing.
    pub fn open(dir: PathBuf) -> std::io::Result<PhotoStore> {
        std::fs::create_dir_all(&dir)?;
        Ok(PhotoStore { dir })
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
            let pin = pin(&db, digest.clone()).await?;
            let path = store.dir.join(&digest);
            let size = bytes.len() as i64;
            let written = tokio::task::spawn_blocking(move || write_durably(&path, &bytes))
                .await
                .map_err(|e| ServiceError::Internal(e.to_string()))
                .and_then(|r| {
                    r.map_err(|e| ServiceError::Internal(format!("writing a photo: {e}")))
                });
            let committed = match written {
                Ok(()) => refer(&db, id, index, digest.clone(), kind, size, pin).await,
                Err(e) => Err(e),
            };
            if committed.is_err() {
                unpin(&db, pin).await;
            }
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

    /// Deletes the file named `digest` unless an upload holds it or a committed row refers to it.
    /// A failure leaves the file (taking only disk space) and goes to the log.
    pub async fn delete_if_unused(&self, db: &Db, digest: String) {
        if let Err(e) = self.try_delete_if_unused(db, digest).await {
            tracing::warn!(error = %e, "deleting a photo nothing refers to");
        }
    }

    async fn try_delete_if_unused(&self, db: &Db, digest: String) -> Result<(), ServiceError> {
        if in_use(db, digest.clone()).await? {
            return Ok(());
        }
        let path = self.dir.join(&digest);
        let aside = path.with_extension(format!("{}.deleting", uuid::Uuid::new_v4().simple()));
        match tokio::fs::rename(&path, &aside).await {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(ServiceError::Internal(format!("moving a photo aside: {e}"))),
        }
        // The second look: an upload that pinned the name before it finds its file put back.
        let still_unused = !in_use(db, digest).await.unwrap_or(true);
        let restored = if still_unused || tokio::fs::try_exists(&path).await.unwrap_or(false) {
            tokio::fs::remove_file(&aside).await
        } else {
            tokio::fs::rename(&aside, &path).await
        };
        restored.map_err(|e| ServiceError::Internal(format!("deleting a photo: {e}")))
    }
}

fn pin_cutoff() -> String {
    (chrono::Utc::now() - chrono::Duration::hours(PIN_HOURS)).to_rfc3339()
}

/// Commits a pin on file `digest` (and forgets pins of uploads long dead), answering its id.
async fn pin(db: &Db, digest: String) -> Result<i64, ServiceError> {
    db.call(move |c| {
        c.cached_execute(
            "DELETE FROM photo_pins WHERE pinned_at < ?1",
            [pin_cutoff()],
        )?;
        Ok(c.query_row(
            "INSERT INTO photo_pins (sha256, pinned_at) VALUES (?1, ?2) RETURNING id",
            params![digest, chrono::Utc::now().to_rfc3339()],
            |r| r.get(0),
        )?)
    })
    .await
}

/// Drops pin `id` of an upload that failed. A failure leaves the pin to lapse.
async fn unpin(db: &Db, id: i64) {
    let dropped = db
        .call(move |c| -> Result<_, ServiceError> {
            Ok(c.cached_execute("DELETE FROM photo_pins WHERE id = ?1", [id])?)
        })
        .await;
    if let Err(e) = dropped {
        tracing::warn!(error = %e, "dropping a photo pin");
    }
}

/// Whether a committed photo row or a live pin refers to file `digest`.
async fn in_use(db: &Db, digest: String) -> Result<bool, ServiceError> {
    db.read(move |c| {
        Ok(c.cached_row(
            "SELECT EXISTS (SELECT 1 FROM photos WHERE sha256 = ?1)
                 OR EXISTS (SELECT 1 FROM photo_pins WHERE sha256 = ?1 AND pinned_at >= ?2)",
            params![digest, pin_cutoff()],
            |r| r.get(0),
        )?)
    })
    .await
}

/// Makes slot `index` of complaint `id` refer to `digest` and drops the upload's pin in the
/// same transaction; answers the name the slot referred to before, if that was another file.
async fn refer(
    db: &Db,
    id: String,
    index: u8,
    digest: String,
    kind: ImageKind,
    size: i64,
    pin: i64,
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
        c.cached_execute("DELETE FROM photo_pins WHERE id = ?1", [pin])?;
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
    now: chrono::DateTime<chrono::Utc>,
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
            let (looker, complaint) = (staff.clone(), id.to_owned());
            db.call(move |c| {
                super::access_log::record(
                    c,
                    &looker,
                    &complaint,
                    super::access_log::Looked::Photos,
                    now,
                )
            })
            .await?;
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
