//! Training: every trainee practises in a sandbox of their own, a separate SQLite file holding a
//! fresh copy of the demo data and a few exercise complaints for their institution, so the real
//! database never holds training data and trainees never see each other's work.
//!
//! A trainee enters through a link with an unguessable code; it sets a cookie that sends their
//! browser's requests to their sandbox (where a banner says so) until they leave. The trainer
//! resets a sandbox, or all of them, with one action. The exercises a trainee has done are
//! recorded in the real database, so the trained staff of each institution can be counted even
//! after a reset.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Duration, Utc};
use protocol::api::{ApiLanguage, Location, NewComplaint};
use rusqlite::{Connection, OptionalExtension, params};
use tokio::sync::Mutex;
use tower::ServiceExt;

use crate::app::AppState;
use crate::auth::{self, Role};
use crate::db::Db;
use crate::error::ApiError;
use crate::services::accounts::{NewAccount, insert_account};

/// The cookie that sends a browser to its sandbox: it carries the trainee's link secret (their
/// entry code), never just the trainee's id, so only the browser that followed the link gets in.
pub const SANDBOX_COOKIE: &str = "zeri_training";

/// The trainee's own login inside their sandbox (the demo password, like every demo account).
pub const TRAINEE_USERNAME: &str = "trainee";

/// What a trainee practises, in the order the exercises page lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Exercise {
    Acknowledge,
    Reply,
    Transfer,
    Resolve,
    ExportStatistics,
}

impl Exercise {
    pub const ALL: [Exercise; 5] = [
        Exercise::Acknowledge,
        Exercise::Reply,
        Exercise::Transfer,
        Exercise::Resolve,
        Exercise::ExportStatistics,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Exercise::Acknowledge => "acknowledge",
            Exercise::Reply => "reply",
            Exercise::Transfer => "transfer",
            Exercise::Resolve => "resolve",
            Exercise::ExportStatistics => "export",
        }
    }

    pub fn parse(id: &str) -> Option<Exercise> {
        Exercise::ALL.into_iter().find(|e| e.id() == id)
    }
}

/// Who a sandbox belongs to, known to every request served from it.
pub struct SandboxOwner {
    pub trainee_id: String,
    pub trainee_name: String,
    /// The real database, where exercises done are recorded.
    hub: Db,
}

/// A trainee, as the trainer's page lists them.
#[derive(Debug, Clone)]
pub struct Trainee {
    pub id: String,
    pub name: String,
    pub institution_id: String,
    pub entry_code: String,
    /// Exercises done, with when each was first done.
    pub done: Vec<(Exercise, String)>,
}

impl Trainee {
    /// Done with every exercise: counted as trained.
    pub fn trained(&self) -> bool {
        Exercise::ALL
            .iter()
            .all(|e| self.done.iter().any(|(d, _)| d == e))
    }

    /// When the last exercise was done, once all are.
    pub fn trained_on(&self) -> Option<&str> {
        self.trained()
            .then(|| self.done.iter().map(|(_, at)| at.as_str()).max())
            .flatten()
    }
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

fn random_id(bytes: usize) -> Result<String, ApiError> {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    let random = auth::random_bytes::<32>()?;
    Ok(random[..bytes]
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect())
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

    async fn demo_hash(&self) -> Result<String, ApiError> {
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

    /// Adds a trainee and builds their sandbox; answers their id.
    pub async fn add_trainee(
        &self,
        name: String,
        institution_id: String,
        created_by: i64,
    ) -> Result<String, ApiError> {
        let (id, entry_code) = (random_id(10)?, random_id(24)?);
        let now = self.base.clock.now();
        let trainee = id.clone();
        self.hub
            .call(move |c| {
                c.execute(
                    "INSERT INTO trainees (id, name, institution_id, entry_code, created_by, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![trainee, name, institution_id, entry_code, created_by, now.to_rfc3339()],
                )?;
                Ok(())
            })
            .await?;
        self.build(&id).await?;
        Ok(id)
    }

    /// Every trainee with the exercises they have done, newest first.
    pub async fn trainees(&self) -> Result<Vec<Trainee>, ApiError> {
        self.hub
            .read(|c| {
                let mut statement = c.prepare_cached(
                    "SELECT id, name, institution_id, entry_code FROM trainees ORDER BY created_at DESC, name",
                )?;
                let mut trainees = statement
                    .query_map([], |r| {
                        Ok(Trainee {
                            id: r.get(0)?,
                            name: r.get(1)?,
                            institution_id: r.get(2)?,
                            entry_code: r.get(3)?,
                            done: Vec::new(),
                        })
                    })?
                    .collect::<Result<Vec<_>, _>>()?;
                let mut done = c.prepare_cached(
                    "SELECT trainee_id, exercise, completed_at FROM training_completions",
                )?;
                let rows = done.query_map([], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
                })?;
                for row in rows {
                    let (trainee, exercise, at) = row?;
                    if let (Some(t), Some(e)) = (
                        trainees.iter_mut().find(|t| t.id == trainee),
                        Exercise::parse(&exercise),
                    ) {
                        t.done.push((e, at));
                    }
                }
                Ok(trainees)
            })
            .await
    }

    /// Reads what a trainee has done in their sandbox into the real database; answers what
    /// they have done in the sandbox as it is now.
    pub async fn record_progress(&self, trainee_id: &str) -> Result<Vec<Exercise>, ApiError> {
        let Some(state) = self.state(trainee_id).await? else {
            return Ok(Vec::new());
        };
        let owner = state.sandbox.clone().ok_or(ApiError::NotFound)?;
        sandbox_progress(&state, &owner).await
    }

    /// Throws the trainee's sandbox away and builds a fresh one. What they have done is
    /// recorded first, so it still counts.
    pub async fn reset(&self, trainee_id: &str) -> Result<(), ApiError> {
        self.record_progress(trainee_id).await?;
        self.build(trainee_id).await?;
        let (id, now) = (trainee_id.to_owned(), self.base.clock.now());
        self.hub
            .call(move |c| {
                c.execute(
                    "UPDATE trainees SET reset_at = ?1 WHERE id = ?2",
                    params![now.to_rfc3339(), id],
                )?;
                Ok(())
            })
            .await
    }

    /// The trainee a link's code belongs to.
    async fn trainee_for_code(&self, code: &str) -> Result<Option<String>, ApiError> {
        let code = code.to_owned();
        self.hub
            .read(move |c| {
                Ok(c.query_row(
                    "SELECT id FROM trainees WHERE entry_code = ?1",
                    [code],
                    |r| r.get(0),
                )
                .optional()?)
            })
            .await
    }

    /// The sandbox's state, opened if it is on disk; `None` if there is no such trainee.
    async fn state(&self, trainee_id: &str) -> Result<Option<AppState>, ApiError> {
        Ok(self.open(trainee_id).await?.map(|(state, _)| state))
    }

    async fn open(&self, trainee_id: &str) -> Result<Option<(AppState, Router)>, ApiError> {
        let mut open = self.open.lock().await;
        if let Some(sandbox) = open.get(trainee_id) {
            return Ok(Some((sandbox.state.clone(), sandbox.router.clone())));
        }
        let id = trainee_id.to_owned();
        let found: Option<(String, Option<String>)> = self
            .hub
            .read(move |c| {
                Ok(c.query_row(
                    "SELECT name, sandbox_file FROM trainees WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?)
            })
            .await?;
        let Some((name, file)) = found else {
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
        file: &std::path::Path,
    ) -> Result<OpenSandbox, ApiError> {
        let path = file.to_owned();
        let db = tokio::task::spawn_blocking(move || Db::open(&path))
            .await
            .map_err(|e| ApiError::Internal(e.to_string()))??;
        let photos = crate::photos::PhotoStore::open(file.with_extension("photos"))
            .map_err(|e| ApiError::Internal(format!("sandbox photos: {e}")))?;
        let base = &self.base;
        let state = AppState {
            db,
            locator: base.locator.clone(),
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
    async fn build(&self, trainee_id: &str) -> Result<(), ApiError> {
        let id = trainee_id.to_owned();
        let (name, institution_id): (String, String) = self
            .hub
            .read(move |c| {
                Ok(c.query_row(
                    "SELECT name, institution_id FROM trainees WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?)
            })
            .await?;
        let folder = self.dir.join(trainee_id);
        std::fs::create_dir_all(&folder)
            .map_err(|e| ApiError::Internal(format!("training folder: {e}")))?;
        let file = folder.join(format!("{}.sqlite3", random_id(8)?));
        let hash = self.demo_hash().await?;
        let (path, locator, reference_dir) = (
            file.clone(),
            self.base.locator.clone(),
            self.base.config.reference_dir.clone(),
        );
        let now = self.base.clock.now();
        let trainee_name = name.clone();
        tokio::task::spawn_blocking(move || -> Result<(), ApiError> {
            let db = Db::open(&path)?;
            db.blocking(move |c| -> Result<(), ApiError> {
                crate::reference::load_if_empty(c, &reference_dir)
                    .map_err(|e| ApiError::Internal(e.to_string()))?;
                crate::demo::seed(c, &locator, &hash, now).map_err(ApiError::Internal)?;
                prepare_exercises(c, &locator, &trainee_name, &institution_id, &hash, now)
            })
        })
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))??;

        let sandbox = self.sandbox_state(trainee_id, &name, &file).await?;
        let (id, stored) = (trainee_id.to_owned(), file.display().to_string());
        self.hub
            .call(move |c| {
                c.execute(
                    "UPDATE trainees SET sandbox_file = ?1 WHERE id = ?2",
                    params![stored, id],
                )?;
                Ok(())
            })
            .await?;
        self.open
            .lock()
            .await
            .insert(trainee_id.to_owned(), sandbox);
        // The older sandbox's files (its database, journal and photos); requests still running
        // on it keep their open handles until they finish.
        let current = file
            .file_stem()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        for old in std::fs::read_dir(&folder)
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
        Ok(())
    }
}

/// Records exercises done (the first time each was done counts).
async fn record(
    hub: &Db,
    trainee_id: &str,
    done: &[Exercise],
    at: DateTime<Utc>,
) -> Result<(), ApiError> {
    if done.is_empty() {
        return Ok(());
    }
    let (id, mut done) = (trainee_id.to_owned(), done.to_vec());
    // Most looks find nothing new: write only when there is.
    let trainee = id.clone();
    let known: Vec<String> = hub
        .read(move |c| {
            let mut statement = c.prepare_cached(
                "SELECT exercise FROM training_completions WHERE trainee_id = ?1",
            )?;
            let rows = statement
                .query_map([trainee], |r| r.get(0))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await?;
    done.retain(|e| !known.iter().any(|k| k == e.id()));
    if done.is_empty() {
        return Ok(());
    }
    hub.call(move |c| {
        for exercise in done {
            c.execute(
                "INSERT OR IGNORE INTO training_completions (trainee_id, exercise, completed_at)
                 VALUES (?1, ?2, ?3)",
                params![id, exercise.id(), at.to_rfc3339()],
            )?;
        }
        Ok(())
    })
    .await
}

/// Inside a sandbox: what its trainee has done, recorded in the real database too.
pub async fn sandbox_progress(
    state: &AppState,
    owner: &SandboxOwner,
) -> Result<Vec<Exercise>, ApiError> {
    let done = state.db.read(exercises_done).await?;
    record(&owner.hub, &owner.trainee_id, &done, state.clock.now()).await?;
    Ok(done)
}

/// The complaints the exercises are about and still in the trainee's inbox, as the exercises
/// page points to them.
pub struct ExerciseComplaints {
    /// (id, tracking code) of the complaints that are the trainee's institution's own.
    pub own: Vec<(String, String)>,
    /// The one a wrong routing rule sent to the trainee's institution.
    pub misrouted: Option<(String, String)>,
}

pub async fn exercise_complaints(state: &AppState) -> Result<ExerciseComplaints, ApiError> {
    state
        .db
        .read(|c| {
            // Only those still with the trainee's institution: a transferred one has left it.
            let tracking = |id: &str| -> Result<Option<(String, String)>, ApiError> {
                Ok(c.query_row(
                    "SELECT x.id, x.tracking_code FROM complaints x
                     JOIN staff s ON s.institution_id = x.institution_id
                     WHERE x.id = ?1 AND s.username = ?2",
                    params![id, TRAINEE_USERNAME],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?)
            };
            let own = setting(c, "training.own")?
                .unwrap_or_default()
                .split(',')
                .filter(|s| !s.is_empty())
                .map(tracking)
                .collect::<Result<Vec<_>, _>>()?
                .into_iter()
                .flatten()
                .collect();
            let misrouted = match setting(c, "training.misrouted")? {
                Some(id) => tracking(&id)?,
                None => None,
            };
            Ok(ExerciseComplaints { own, misrouted })
        })
        .await
}

/// What a sandbox recorded about its exercises (`training.*` in its settings table).
fn setting(c: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
    c.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
        r.get(0)
    })
    .optional()
}

/// What the trainee has done in this sandbox, from its audit log.
fn exercises_done(c: &Connection) -> Result<Vec<Exercise>, ApiError> {
    let Some(trainee) = setting(c, "training.trainee")?.and_then(|s| s.parse::<i64>().ok()) else {
        return Ok(Vec::new());
    };
    let did = |action: &str| -> rusqlite::Result<bool> {
        c.query_row(
            "SELECT EXISTS(SELECT 1 FROM audit_log WHERE actor_kind = 'staff' AND actor_id = ?1 AND action = ?2)",
            params![trainee, action],
            |r| r.get(0),
        )
    };
    let transferred_right = match (
        setting(c, "training.misrouted")?,
        setting(c, "training.misrouted_to")?,
    ) {
        (Some(complaint), Some(to)) => c.query_row(
            "SELECT EXISTS(SELECT 1 FROM audit_log a JOIN complaints x ON x.id = a.complaint_id
                 WHERE a.actor_id = ?1 AND a.action = 'transferred' AND a.complaint_id = ?2
                   AND x.institution_id = ?3)",
            params![trainee, complaint, to],
            |r| r.get(0),
        )?,
        _ => false,
    };
    let mut done = Vec::new();
    for exercise in Exercise::ALL {
        let yes = match exercise {
            Exercise::Acknowledge => did("acknowledged")?,
            Exercise::Reply => did("replied")?,
            Exercise::Transfer => transferred_right,
            Exercise::Resolve => did("resolved")?,
            Exercise::ExportStatistics => did("statistics_exported")?,
        };
        if yes {
            done.push(exercise);
        }
    }
    Ok(done)
}

/// Categories tried, in order, for the complaint a wrong rule sends to the trainee: each is
/// plainly another body's business for most institutions.
const MISROUTED_CANDIDATES: &[&str] = &[
    "water_supply",
    "hospital_care",
    "civil_documents",
    "street_lighting",
    "schools",
];

/// In a fresh sandbox: the trainee's account, and complaints for their institution: three of
/// its own, and one a wrong routing rule sent there, to transfer to whoever is responsible.
fn prepare_exercises(
    c: &mut Connection,
    locator: &crate::locate::Locator,
    trainee_name: &str,
    institution_id: &str,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let trainee = insert_account(
        c,
        &NewAccount {
            username: TRAINEE_USERNAME.into(),
            display_name: trainee_name.into(),
            password: String::new(),
            role: Role::Staff,
            institution_id: Some(institution_id.to_owned()),
        },
        password_hash,
    )?;
    let municipality: String = c
        .query_row(
            "SELECT COALESCE(municipality_id, 'prishtine') FROM institutions WHERE id = ?1",
            [institution_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(ApiError::NotFound)?;
    let categories: Vec<String> = {
        let mut statement =
            c.prepare("SELECT id FROM categories WHERE active = 1 ORDER BY position, id")?;
        statement
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?
    };
    let routed_to = |c: &Connection, category: &str| {
        crate::routing::route(c, category, &municipality).map(|(to, _)| to)
    };
    let mut own: Vec<String> = Vec::new();
    for category in &categories {
        if own.len() < 3 && routed_to(c, category)? == institution_id {
            own.push(category.clone());
        }
    }
    let misrouted = MISROUTED_CANDIDATES
        .iter()
        .chain(
            categories
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .iter(),
        )
        .find(|k| routed_to(c, k).is_ok_and(|to| to != institution_id))
        .map(|k| (*k).to_owned())
        .ok_or(ApiError::Internal("no category belongs elsewhere".into()))?;
    let misrouted_to = routed_to(c, &misrouted)?;
    // An institution no category goes to (a ministry, say) practises on complaints a rule
    // sends it, like the wrong one, but for categories that are no one else's here.
    let fillers: Vec<String> = categories
        .iter()
        .filter(|k| **k != misrouted && !own.contains(k))
        .take(3 - own.len())
        .cloned()
        .collect();

    // The writer runs this inside its transaction: all of it is stored, or none.
    let rule = |tx: &Connection, category: &str| -> Result<i64, ApiError> {
        tx.execute(
            "INSERT INTO routing_rules (category_id, municipality_id, target, priority, created_at)
             VALUES (?1, ?2, ?3, 1000, ?4)",
            params![
                category,
                municipality,
                format!("institution:{institution_id}"),
                now.to_rfc3339()
            ],
        )?;
        Ok(tx.last_insert_rowid())
    };
    let mut filed = Vec::new();
    let mut temporary_rules = Vec::new();
    for (n, category) in own.iter().chain(&fillers).chain([&misrouted]).enumerate() {
        if fillers.contains(category) || *category == misrouted {
            temporary_rules.push(rule(c, category)?);
        }
        let language = [ApiLanguage::Sq, ApiLanguage::Sr, ApiLanguage::En][n % 3];
        let description = crate::demo::citizen_text(category, language).unwrap_or_else(|| {
            match language {
                ApiLanguage::Sq => "Kam një javë që pres përgjigje për këtë çështje dhe askush nuk më thotë asgjë. Ju lutem shikojeni.",
                ApiLanguage::Sr => "Već nedelju dana čekam odgovor o ovome i niko mi ništa ne kaže. Molim vas da pogledate.",
                ApiLanguage::En => "I have been waiting a week for an answer about this and nobody tells me anything. Please look into it.",
            }
            .to_owned()
        });
        let request = NewComplaint {
            id: uuid::Uuid::new_v4(),
            category: category.clone(),
            description,
            location: Location::Municipality {
                id: municipality.clone(),
            },
            contact: None,
            photo_count: 0,
            language,
            campaign: None,
        };
        let submitted = now - Duration::minutes(40 + 25 * n as i64);
        let device = auth::sha256_hex(format!("training-exercise-{n}").as_bytes());
        let hash = crate::complaints::request_hash(&request);
        let (receipt, _) =
            crate::complaints::file(c, locator, &device, &request, &hash, submitted)?;
        filed.push(receipt.id.to_string());
    }
    for id in temporary_rules {
        c.execute("DELETE FROM routing_rules WHERE id = ?1", [id])?;
    }
    let misrouted_id = filed
        .pop()
        .ok_or(ApiError::Internal("nothing filed".into()))?;
    for (key, value) in [
        ("training.trainee", trainee.to_string()),
        ("training.own", filed.join(",")),
        ("training.misrouted", misrouted_id),
        ("training.misrouted_to", misrouted_to),
    ] {
        c.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
            params![key, value],
        )?;
    }
    Ok(())
}

// ---- entering, leaving, and serving a sandbox ----------------------------------------------

fn sandbox_cookie(value: &str, max_age: i64, secure: bool) -> String {
    auth::private_cookie(SANDBOX_COOKIE, value, max_age, secure)
}

/// Sends a request to the sandbox its browser is in; handles entering and leaving one.
pub async fn dispatch(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(sandboxes) = state.sandboxes.clone() else {
        return next.run(request).await;
    };
    let path = request.uri().path().to_owned();
    if let Some(code) = path.strip_prefix("/training/enter/") {
        return enter(&state, &sandboxes, code).await;
    }
    if path == "/training/leave" && request.method() == Method::POST {
        return leave(state.config.secure_cookies());
    }
    let Some(code) = in_sandbox(request.headers()) else {
        return next.run(request).await;
    };
    let trainee = match sandboxes.trainee_for_code(&code).await {
        Ok(Some(trainee)) => trainee,
        // An unknown or outdated secret: back to the real system, signed out.
        Ok(None) => return leave(state.config.secure_cookies()),
        Err(error) => return error.into_response(),
    };
    match sandboxes.open(&trainee).await {
        Ok(Some((_, router))) => match router.oneshot(unrouted(request)).await {
            Ok(response) => response,
            Err(never) => match never {},
        },
        // The trainee was removed: back to the real system, signed out.
        Ok(None) => leave(state.config.secure_cookies()),
        Err(error) => error.into_response(),
    }
}

/// The request as it arrived, without what this server's routing added to it (the path's
/// parameters), so the sandbox routes it afresh.
fn unrouted(request: Request) -> Request {
    let (parts, body) = request.into_parts();
    let connection = parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .cloned();
    let mut fresh = Request::new(body);
    *fresh.method_mut() = parts.method;
    *fresh.uri_mut() = parts.uri;
    *fresh.version_mut() = parts.version;
    *fresh.headers_mut() = parts.headers;
    if let Some(connection) = connection {
        fresh.extensions_mut().insert(connection);
    }
    fresh
}

fn in_sandbox(headers: &HeaderMap) -> Option<String> {
    auth::cookie(headers, SANDBOX_COOKIE)
        .filter(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric()))
        .map(str::to_owned)
}

/// The entry link: into the trainee's sandbox, signed in as them, on the exercises page.
async fn enter(state: &AppState, sandboxes: &Sandboxes, code: &str) -> Response {
    let trainee = match sandboxes.trainee_for_code(code).await {
        Ok(Some(trainee)) => trainee,
        Ok(None) => return ApiError::NotFound.into_response(),
        Err(error) => return error.into_response(),
    };
    let sandbox = match sandboxes.state(&trainee).await {
        Ok(Some(sandbox)) => sandbox,
        Ok(None) => return ApiError::NotFound.into_response(),
        Err(error) => return error.into_response(),
    };
    let staff_id = sandbox
        .db
        .read(|c| {
            Ok(c.query_row(
                "SELECT id FROM staff WHERE username = ?1",
                [TRAINEE_USERNAME],
                |r| r.get::<_, i64>(0),
            )?)
        })
        .await;
    let session = match staff_id {
        Ok(id) => crate::routes::staff::open_session(&sandbox, id).await,
        Err(error) => Err(error),
    };
    let (token, expires_at) = match session {
        Ok(session) => session,
        Err(error) => return error.into_response(),
    };
    let max_age = (expires_at - state.clock.now()).num_seconds().max(0);
    let mut response = (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, "/staff/exercises")],
    )
        .into_response();
    let headers = response.headers_mut();
    let secure = state.config.secure_cookies();
    for cookie in [
        sandbox_cookie(code, max_age, secure),
        auth::session_cookie(&token, max_age, secure),
    ] {
        if let Ok(value) = cookie.parse() {
            headers.append(header::SET_COOKIE, value);
        }
    }
    response
}

/// Out of the sandbox and signed out, to the real system's login.
fn leave(secure: bool) -> Response {
    let mut response =
        (StatusCode::SEE_OTHER, [(header::LOCATION, "/staff/login")]).into_response();
    let headers = response.headers_mut();
    for cookie in [
        sandbox_cookie("", 0, secure),
        auth::session_cookie("", 0, secure),
    ] {
        if let Ok(value) = cookie.parse() {
            headers.append(header::SET_COOKIE, value);
        }
    }
    response
}
