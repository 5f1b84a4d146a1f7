//! The sandboxes' lifecycle: each trainee's is built on demand in a new file, kept open with
//! its own `AppState` and router, and replaced on reset (the old files removed).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use tokio::sync::Mutex;

use crate::db::Db;
use crate::services::ServiceError;
use crate::services::training::{self, Exercise, Trainee, random_id};
use crate::state::AppState;

/// Who a sandbox belongs to, known to every request served from it.
pub struct SandboxOwner {
    pub trainee_id: String,
    pub trainee_name: String,
    /// The real database, where exercises done are recorded.
    hub: Db,
}

struct OpenSandbox {
    state: AppState,
    router: Router,
}

/// The sandboxes of one server: built on demand, kept open, replaced on reset.
pub struct Sandboxes {
    hub: Db,
    base: AppState,
    dir: PathBuf,
    open: Mutex<HashMap<String, OpenSandbox>>,
    /// The demo password's hash, computed once (Argon2 is slow on purpose).
    demo_hash: tokio::sync::OnceCell<String>,
}

/// Inside a sandbox: what its trainee has done, recorded in the real database too.
pub async fn sandbox_progress(
    state: &AppState,
    owner: &SandboxOwner,
) -> Result<Vec<Exercise>, ServiceError> {
    let done = training::exercises_done(&state.db).await?;
    training::record(&owner.hub, &owner.trainee_id, &done, state.clock.now()).await?;
    Ok(done)
}

impl Sandboxes {
    /// `base` is the real server's state: sandboxes share its reference data, settings and
    /// clock, and get their own database, photos and limits.
    pub fn new(base: &AppState) -> Sandboxes {
        Sandboxes {
            hub: base.db.clone(),
            base: base.clone(),
            dir: base.config.data_dir.join("training"),
            open: Mutex::new(HashMap::new()),
            demo_hash: tokio::sync::OnceCell::new(),
        }
    }

    async fn demo_hash(&self) -> Result<String, ServiceError> {
        self.demo_hash
            .get_or_try_init(|| async {
                self.base
                    .passwords
                    .hash(crate::demo::DEMO_PASSWORD.to_owned())
                    .await
            })
            .await
            .cloned()
    }

    /// Every trainee with the exercises recorded for them, newest first.
    pub async fn trainees(&self) -> Result<Vec<Trainee>, ServiceError> {
        training::list(&self.hub).await
    }

    /// Reads what a trainee has done in their sandbox into the real database; answers what
    /// they have done in the sandbox as it is now.
    pub async fn record_progress(&self, trainee_id: &str) -> Result<Vec<Exercise>, ServiceError> {
        let Some(state) = self.state(trainee_id).await? else {
            return Ok(Vec::new());
        };
        let owner = state.sandbox.clone().ok_or(ServiceError::NotFound)?;
        sandbox_progress(&state, &owner).await
    }

    /// Throws the trainee's sandbox away and builds a fresh one. What they have done is
    /// recorded first, so it still counts.
    pub async fn reset(&self, trainee_id: &str) -> Result<(), ServiceError> {
        self.record_progress(trainee_id).await?;
        self.build(trainee_id).await?;
        training::mark_reset(&self.hub, trainee_id, self.base.clock.now()).await
    }

    /// The trainee a link's code belongs to.
    pub(super) async fn trainee_for_code(
        &self,
        code: &str,
    ) -> Result<Option<String>, ServiceError> {
        training::trainee_for_code(&self.hub, code).await
    }

    /// The sandbox's state, opened if it is on disk; `None` if there is no such trainee.
    pub(super) async fn state(&self, trainee_id: &str) -> Result<Option<AppState>, ServiceError> {
        Ok(self.open(trainee_id).await?.map(|(state, _)| state))
    }

    /// The sandbox's state and router, opened (or built, if its file is gone) as needed;
    /// `None` if there is no such trainee.
    pub(super) async fn open(
        &self,
        trainee_id: &str,
    ) -> Result<Option<(AppState, Router)>, ServiceError> {
        let mut open = self.open.lock().await;
        if let Some(sandbox) = open.get(trainee_id) {
            return Ok(Some((sandbox.state.clone(), sandbox.router.clone())));
        }
        let Some((name, file)) = training::name_and_sandbox(&self.hub, trainee_id).await? else {
            return Ok(None);
        };
        let file = match file.map(PathBuf::from).filter(|f| f.exists()) {
            Some(file) => file,
            None => {
                drop(open);
                self.build(trainee_id).await?;
                return Box::pin(self.open(trainee_id)).await;
            }
        };
        let sandbox = self.sandbox_state(trainee_id, &name, &file).await?;
        let result = (sandbox.state.clone(), sandbox.router.clone());
        open.insert(trainee_id.to_owned(), sandbox);
        Ok(Some(result))
    }

    async fn sandbox_state(
        &self,
        trainee_id: &str,
        name: &str,
        file: &Path,
    ) -> Result<OpenSandbox, ServiceError> {
        let path = file.to_owned();
        let db = tokio::task::spawn_blocking(move || Db::open(&path))
            .await
            .map_err(|e| ServiceError::Internal(e.to_string()))??;
        let photos = crate::services::photos::PhotoStore::open(file.with_extension("photos"))
            .map_err(|e| ServiceError::Internal(format!("sandbox photos: {e}")))?;
        let base = &self.base;
        let state = AppState {
            db,
            locator: base.locator.clone(),
            // Its own database, so routes of its own.
            routes: Default::default(),
            config: base.config.clone(),
            photos,
            limits: Arc::new(crate::ratelimit::Limiters::new(&base.config)),
            passwords: base.passwords.clone(),
            clock: base.clock.clone(),
            sandboxes: None,
            sandbox: Some(Arc::new(SandboxOwner {
                trainee_id: trainee_id.to_owned(),
                trainee_name: name.to_owned(),
                hub: self.hub.clone(),
            })),
        };
        Ok(OpenSandbox {
            router: crate::app::router(state.clone()),
            state,
        })
    }

    /// Builds a fresh sandbox in a new file, puts it in place of the old one, and removes the
    /// old one's files.
    pub(super) async fn build(&self, trainee_id: &str) -> Result<(), ServiceError> {
        let (name, institution_id) = training::name_and_institution(&self.hub, trainee_id).await?;
        let folder = self.dir.join(trainee_id);
        std::fs::create_dir_all(&folder)
            .map_err(|e| ServiceError::Internal(format!("training folder: {e}")))?;
        let file = folder.join(format!("{}.sqlite3", random_id(8)?));
        let hash = self.demo_hash().await?;
        let (path, locator, reference_dir) = (
            file.clone(),
            self.base.locator.clone(),
            self.base.config.reference_dir.clone(),
        );
        let now = self.base.clock.now();
        let trainee_name = name.clone();
        tokio::task::spawn_blocking(move || -> Result<(), ServiceError> {
            let db = Db::open(&path)?;
            db.blocking(move |c| -> Result<(), ServiceError> {
                crate::reference::load_if_empty(c, &reference_dir)
                    .map_err(|e| ServiceError::Internal(e.to_string()))?;
                crate::demo::seed(c, &locator, &hash, now).map_err(ServiceError::Internal)?;
                super::seeding::prepare_exercises(
                    c,
                    &locator,
                    &trainee_name,
                    &institution_id,
                    &hash,
                    now,
                )
            })
        })
        .await
        .map_err(|e| ServiceError::Internal(e.to_string()))??;

        let sandbox = self.sandbox_state(trainee_id, &name, &file).await?;
        training::set_sandbox(&self.hub, trainee_id, file.display().to_string()).await?;
        self.open
            .lock()
            .await
            .insert(trainee_id.to_owned(), sandbox);
        remove_all_but(&folder, &file);
        Ok(())
    }
}

/// Removes the older sandboxes' files from `folder` (their databases, journals and photos),
/// keeping `current`'s; requests still running on an old one keep their open handles until
/// they finish.
fn remove_all_but(folder: &Path, current: &Path) {
    let current = current
        .file_stem()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_owned();
    for old in std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
    {
        let name = old.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if name.starts_with(&current) {
            continue;
        }
        let _ = if old.is_dir() {
            std::fs::remove_dir_all(&old)
        } else {
            std::fs::remove_file(&old)
        };
    }
}
