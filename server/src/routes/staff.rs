//! The institution API: staff log in, see their institution's inbox, open a complaint (with the
//! citizen's contact details, which only the handling institution sees), and act on it.
//! A complaint of another institution is "not found", never "forbidden": its existence is not
//! theirs to know.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{Duration, Utc};
use protocol::api::{Contact, InstitutionRef, LocalizedText, Rating};
use protocol::photo::ImageKind;
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params, params_from_iter};
use serde::{Deserialize, Serialize};

use crate::app::{ApiJson, AppState};
use crate::auth::{self, Role, StaffMember, random_bytes, sha256_hex};
use crate::calendar::kosovo_date;
use crate::complaints::{Actor, AuditEntry, audit};
use crate::error::ApiError;
use crate::input;
use crate::routes::openapi::PhotoBytes;
use crate::workflow::{self, Action};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/staff/login", post(login))
        .route("/api/v1/staff/logout", post(logout))
        .route("/api/v1/staff/me", get(me))
        .route("/api/v1/staff/complaints", get(inbox))
        .route("/api/v1/staff/complaints/{id}", get(complaint))
        .route("/api/v1/staff/complaints/{id}/actions", post(act))
        .route("/api/v1/staff/complaints/{id}/photos/{index}", get(photo))
        .route("/api/v1/staff/escalations", get(escalations))
        .route("/api/v1/staff/colleagues", get(colleagues))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
}

#[derive(Serialize, Deserialize, utoipa::ToSchema)]
pub struct LoginResponse {
    /// Send as `Authorization: Bearer <token>`.
    pub token: String,
    pub expires_at: chrono::DateTime<Utc>,
    pub staff: StaffMember,
}

/// A hash to verify against when the username does not exist, so that a wrong username takes as
/// long as a wrong password and reveals nothing.
async fn decoy_hash(state: &AppState) -> Result<String, ApiError> {
    static DECOY: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    DECOY
        .get_or_try_init(|| state.passwords.hash("decoy password".to_owned()))
        .await
        .cloned()
}

#[utoipa::path(post, path = "/api/v1/staff/login", tag = "staff", request_body = LoginRequest, security(()),
    responses((status = 200, body = LoginResponse), (status = 401, description = "Wrong username or password"),
              (status = 429, description = "Too many attempts at this account from this address, or from this address in all; wait `Retry-After` seconds"),
              (status = 503, description = "Passwords are being checked at capacity; try again after `Retry-After` seconds")))]
pub async fn login(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    ApiJson(request): ApiJson<LoginRequest>,
) -> Result<Json<LoginResponse>, ApiError> {
    Ok(Json(start_session(&state, address, request).await?))
}

/// Checks a username and password and opens a session. Used by the API and by the dashboard's
/// login form.
///
/// Every attempt is counted before the password is checked, atomically, per account from this
/// address and per address: a guesser is stopped, but the account's owner, from another address,
/// still gets in. A right password gives its attempt back.
pub async fn start_session(
    state: &AppState,
    address: SocketAddr,
    request: LoginRequest,
) -> Result<LoginResponse, ApiError> {
    let username = request.username.trim().to_lowercase();
    let address_key = crate::ratelimit::address_key(address.ip());
    let attempt_key = format!("{username}\n{address_key}");
    let limits = &state.limits;
    limits
        .login_addresses
        .hit(&address_key)
        .map_err(ApiError::rate_limited)?;
    if let Err(too_soon) = limits.login_attempts.hit(&attempt_key) {
        limits.login_addresses.refund(&address_key);
        return Err(ApiError::rate_limited(too_soon));
    }
    let lookup = username.clone();
    let found = state
        .db
        .read(move |c| {
            Ok(c.query_row(
                "SELECT id, username, display_name, role, institution_id, password_hash FROM staff
                 WHERE username = ?1 AND active = 1",
                [lookup],
                |r| {
                    Ok((
                        StaffMember {
                            id: r.get(0)?,
                            username: r.get(1)?,
                            display_name: r.get(2)?,
                            role: Role::parse(&r.get::<_, String>(3)?).unwrap_or(Role::Staff),
                            institution_id: r.get(4)?,
                        },
                        r.get::<_, String>(5)?,
                    ))
                },
            )
            .optional()?)
        })
        .await?;
    let (staff, hash) = match found {
        Some((staff, hash)) => (Some(staff), hash),
        None => (None, decoy_hash(state).await?),
    };
    let verified = match state.passwords.verify(hash, request.password).await {
        Ok(verified) => verified,
        Err(busy) => {
            // Turned away before any check: the attempt does not count.
            limits.login_attempts.refund(&attempt_key);
            limits.login_addresses.refund(&address_key);
            return Err(busy);
        }
    };
    let Some(staff) = staff.filter(|_| verified) else {
        return Err(ApiError::InvalidCredentials);
    };
    limits.login_attempts.refund(&attempt_key);
    limits.login_addresses.refund(&address_key);
    let (token, expires_at) = open_session(state, staff.id).await?;
    Ok(LoginResponse {
        token,
        expires_at,
        staff,
    })
}

/// Opens a session for a staff member who has proved who they are; answers its token, which
/// only the holder ever sees (the database keeps its hash), and when it ends.
pub async fn open_session(
    state: &AppState,
    staff_id: i64,
) -> Result<(String, chrono::DateTime<chrono::Utc>), ApiError> {
    let token = auth::hex(&random_bytes::<32>()?);
    let now = state.clock.now();
    let expires_at = now + Duration::minutes(state.config.session_minutes);
    let token_hash = sha256_hex(token.as_bytes());
    state
        .db
        .call(move |c| {
            c.execute(
                "INSERT INTO sessions (token_hash, staff_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
                params![token_hash, staff_id, now.to_rfc3339(), expires_at.to_rfc3339()],
            )?;
            c.execute("DELETE FROM sessions WHERE expires_at < ?1", [now.to_rfc3339()])?;
            Ok(())
        })
        .await?;
    Ok((token, expires_at))
}

#[utoipa::path(post, path = "/api/v1/staff/logout", tag = "staff", security((), ("Bearer" = [])),
    responses((status = 204, description = "The session sent (if any) has ended")))]
pub async fn logout(
    State(state): State<AppState>,
    request: axum::extract::Request,
) -> Result<StatusCode, ApiError> {
    let (parts, _) = request.into_parts();
    if let Some(token) = auth::session_token(&parts.headers) {
        end_session(&state, &token).await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Ends the session `token` belongs to.
pub async fn end_session(state: &AppState, token: &str) -> Result<(), ApiError> {
    let token_hash = sha256_hex(token.as_bytes());
    state
        .db
        .call(move |c| Ok(c.execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash])?))
        .await?;
    Ok(())
}

#[utoipa::path(get, path = "/api/v1/staff/me", tag = "staff", security(("Bearer" = [])),
    responses((status = 200, body = StaffMember)))]
pub async fn me(staff: StaffMember) -> Json<StaffMember> {
    Json(staff)
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InboxQuery {
    /// Comma-separated statuses, e.g. `submitted,reopened`.
    #[param(
        pattern = "^((submitted|received|in_progress|transferred|reopened|resolved|rejected)(,(submitted|received|in_progress|transferred|reopened|resolved|rejected))*)?$"
    )]
    pub status: Option<String>,
    pub category: Option<String>,
    pub municipality: Option<String>,
    /// Only complaints past a deadline.
    pub overdue: Option<bool>,
    /// Words from the description, or a tracking code (control characters count as spaces).
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// `me`, `none`, or a staff id.
    #[param(pattern = "^(me|none|[0-9]{1,18})?$")]
    pub assigned: Option<String>,
    /// Administrators: one institution's complaints.
    pub institution: Option<String>,
    /// `newest` (default), `oldest` or `due`.
    #[param(pattern = "^(newest|oldest|due)?$")]
    pub sort: Option<String>,
    /// From 1 (the default).
    #[param(minimum = 1, maximum = 100000)]
    pub page: Option<u32>,
    /// 25 unless asked.
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u32>,
}

#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct InboxItem {
    pub id: String,
    pub tracking_code: String,
    pub category_id: String,
    pub category: LocalizedText,
    pub municipality_id: String,
    pub municipality: LocalizedText,
    pub institution_id: String,
    pub status: String,
    pub submitted_at: String,
    pub ack_due: String,
    pub answer_due: String,
    pub overdue: bool,
    pub assigned_to: Option<i64>,
    pub photo_count: u8,
    pub anonymous: bool,
    pub excerpt: String,
}

#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Inbox {
    pub items: Vec<InboxItem>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
    /// Complaints nobody has acknowledged yet (submitted, transferred in, reopened).
    pub new: i64,
    pub overdue: i64,
}

/// The SQL condition for "past a deadline" on `today` (Kosovo date), with its parameter.
pub const OVERDUE_SQL: &str =
    "(c.status IN ('submitted', 'received', 'in_progress', 'transferred', 'reopened')
    AND (c.answer_due < :today OR (c.acknowledged_at IS NULL AND c.ack_due < :today)))";

fn overdue_condition(today: &str) -> String {
    OVERDUE_SQL.replace(":today", &format!("'{today}'"))
}

const ITEM_COLUMNS: &str = "c.id, c.tracking_code, c.category_id, k.name_sq, k.name_sr, k.name_en, c.municipality_id,
    m.name_sq, m.name_sr, m.name_en, c.institution_id, c.status, c.submitted_at, c.ack_due, c.answer_due,
    c.assigned_to, c.photo_count, c.contact_phone IS NULL AND c.contact_email IS NULL, c.description";

fn item_from_row(row: &rusqlite::Row<'_>, today: &str) -> rusqlite::Result<InboxItem> {
    let status: String = row.get(11)?;
    let ack_due: String = row.get(13)?;
    let answer_due: String = row.get(14)?;
    let description: String = row.get(18)?;
    let open = status != "resolved" && status != "rejected";
    let acknowledged = !matches!(status.as_str(), "submitted" | "transferred" | "reopened");
    Ok(InboxItem {
        id: row.get(0)?,
        tracking_code: row.get(1)?,
        category_id: row.get(2)?,
        category: LocalizedText {
            sq: row.get(3)?,
            sr: row.get(4)?,
            en: row.get(5)?,
        },
        municipality_id: row.get(6)?,
        municipality: LocalizedText {
            sq: row.get(7)?,
            sr: row.get(8)?,
            en: row.get(9)?,
        },
        institution_id: row.get(10)?,
        overdue: open
            && (answer_due.as_str() < today || (!acknowledged && ack_due.as_str() < today)),
        status,
        submitted_at: row.get(12)?,
        ack_due,
        answer_due,
        assigned_to: row.get(15)?,
        photo_count: row.get(16)?,
        anonymous: row.get(17)?,
        excerpt: description.chars().take(160).collect(),
    })
}

#[utoipa::path(get, path = "/api/v1/staff/complaints", tag = "staff", params(InboxQuery), security(("Bearer" = [])),
    responses((status = 200, body = Inbox, description = "The staff member's institution's complaints"),
              (status = 400, description = "A filter, the search text, the page or its size is out of range"),
              (status = 403, description = "The account belongs to no institution")))]
pub async fn inbox(
    State(state): State<AppState>,
    staff: StaffMember,
    Query(query): Query<InboxQuery>,
) -> Result<Json<Inbox>, ApiError> {
    let today = kosovo_date(state.clock.now()).to_string();
    let inbox = state
        .db
        .read(move |c| load_inbox(c, &staff, &query, &today))
        .await?;
    Ok(Json(inbox))
}

/// A `WHERE` clause built up from conditions with numbered parameters.
#[derive(Clone, Default)]
struct Filter {
    conditions: Vec<String>,
    values: Vec<Value>,
}

impl Filter {
    /// Adds a condition; each `?` in it stands for the next of `values`.
    fn add(&mut self, sql: &str, values: impl IntoIterator<Item = Value>) {
        let mut values = values.into_iter();
        let mut numbered = String::with_capacity(sql.len() + 8);
        for c in sql.chars() {
            if c == '?'
                && let Some(value) = values.next()
            {
                self.values.push(value);
                numbered.push_str(&format!("?{}", self.values.len()));
            } else {
                numbered.push(c);
            }
        }
        self.conditions.push(numbered);
    }

    fn clause(&self) -> String {
        if self.conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.conditions.join(" AND "))
        }
    }
}

/// Every status a complaint can have, as the inbox filter names them.
pub const STATUSES: [&str; 7] = [
    "submitted",
    "received",
    "in_progress",
    "transferred",
    "reopened",
    "resolved",
    "rejected",
];

fn invalid_filter() -> ApiError {
    ApiError::BadRequest {
        code: "invalid_filter",
        detail: None,
    }
}

pub fn load_inbox(
    c: &rusqlite::Connection,
    staff: &StaffMember,
    query: &InboxQuery,
    today: &str,
) -> Result<Inbox, ApiError> {
    let mut filter = Filter::default();
    // The tenant boundary: everyone but an administrator sees one institution only.
    match (staff.role, &staff.institution_id, &query.institution) {
        (Role::Administrator, _, Some(institution)) => {
            filter.add("c.institution_id = ?", [institution.clone().into()])
        }
        (Role::Administrator, _, None) => {}
        (_, Some(institution), _) => {
            filter.add("c.institution_id = ?", [institution.clone().into()])
        }
        (_, None, _) => return Err(ApiError::Forbidden),
    }
    let scope = filter.clone();
    if let Some(statuses) = query.status.as_deref().filter(|s| !s.is_empty()) {
        let list: Vec<Value> = statuses
            .split(',')
            .map(|s| {
                STATUSES
                    .contains(&s)
                    .then(|| s.to_owned().into())
                    .ok_or_else(invalid_filter)
            })
            .collect::<Result<_, _>>()?;
        let placeholders = vec!["?"; list.len()].join(", ");
        filter.add(&format!("c.status IN ({placeholders})"), list);
    }
    if let Some(category) = query.category.as_deref().filter(|s| !s.is_empty()) {
        filter.add("c.category_id = ?", [category.to_owned().into()]);
    }
    if let Some(municipality) = query.municipality.as_deref().filter(|s| !s.is_empty()) {
        filter.add("c.municipality_id = ?", [municipality.to_owned().into()]);
    }
    if query.overdue == Some(true) {
        filter.add(&overdue_condition(today), []);
    }
    if let Some(words) = input::search_words(query.q.as_deref().unwrap_or_default())? {
        filter.add(
            "c.rowid IN (SELECT rowid FROM complaints_search WHERE complaints_search MATCH ?)",
            [input::search_expression(&words).into()],
        );
    }
    match query.assigned.as_deref() {
        Some("me") => filter.add("c.assigned_to = ?", [staff.id.into()]),
        Some("none") => filter.add("c.assigned_to IS NULL", []),
        Some(id) if !id.is_empty() => {
            let digits = id.len() <= 18 && id.bytes().all(|b| b.is_ascii_digit());
            let id: i64 = digits
                .then(|| id.parse().ok())
                .flatten()
                .ok_or_else(invalid_filter)?;
            filter.add("c.assigned_to = ?", [id.into()]);
        }
        _ => {}
    }
    let order = match query.sort.as_deref() {
        None | Some("") | Some("newest") => "c.submitted_at DESC",
        Some("oldest") => "c.submitted_at ASC",
        Some("due") => "c.answer_due ASC, c.submitted_at ASC",
        Some(_) => return Err(invalid_filter()),
    };
    let (page, per_page) = input::page(query.page, query.per_page)?;
    let from = "FROM complaints c JOIN categories k ON k.id = c.category_id JOIN municipalities m ON m.id = c.municipality_id";

    // Counting needs no names: every filter is on the complaint itself.
    let count = |filter: &Filter| -> Result<i64, ApiError> {
        Ok(c.prepare_cached(&format!(
            "SELECT COUNT(*) FROM complaints c {}",
            filter.clause()
        ))?
        .query_row(params_from_iter(filter.values.iter()), |r| r.get(0))?)
    };
    let total = count(&filter)?;
    // The page's rows are chosen from the indexes alone; only they are then read in full.
    let sql = format!(
        "SELECT {ITEM_COLUMNS} {from} WHERE c.rowid IN
            (SELECT c.rowid FROM complaints c {} ORDER BY {order} LIMIT {per_page} OFFSET {})
         ORDER BY {order}",
        filter.clause(),
        u64::from(page - 1) * u64::from(per_page)
    );
    let mut statement = c.prepare_cached(&sql)?;
    let items = statement
        .query_map(params_from_iter(filter.values.iter()), |r| {
            item_from_row(r, today)
        })?
        .collect::<Result<Vec<_>, _>>()?;

    let mut unacknowledged = scope.clone();
    unacknowledged.add("c.status IN ('submitted', 'transferred', 'reopened')", []);
    let mut overdue = scope;
    overdue.add(&overdue_condition(today), []);
    Ok(Inbox {
        items,
        total,
        page,
        per_page,
        new: count(&unacknowledged)?,
        overdue: count(&overdue)?,
    })
}

#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PhotoInfo {
    pub index: u8,
    pub content_type: String,
    pub size: i64,
}

#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct HistoryEntry {
    pub id: i64,
    pub at: String,
    /// `citizen`, `staff` or `system`.
    pub actor_kind: String,
    pub actor_name: Option<String>,
    pub action: String,
    pub text: Option<String>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub citizen_visible: bool,
}

#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StaffComplaint {
    #[serde(flatten)]
    pub item: InboxItem,
    pub description: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Only the institution handling the complaint sees this; absent when anonymous.
    pub contact: Option<Contact>,
    pub language: String,
    pub institution: InstitutionRef,
    pub explanation: LocalizedText,
    pub acknowledged_at: Option<String>,
    pub first_response_at: Option<String>,
    pub closed_at: Option<String>,
    pub rating: Option<Rating>,
    pub photos: Vec<PhotoInfo>,
    pub history: Vec<HistoryEntry>,
}

/// Loads a complaint for `staff`, or 404 if it is not theirs to see.
pub fn load_complaint(
    c: &rusqlite::Connection,
    staff: &StaffMember,
    id: &str,
    today: &str,
) -> Result<StaffComplaint, ApiError> {
    let sql = format!(
        "SELECT {ITEM_COLUMNS}, c.lat, c.lon, c.contact_name, c.contact_phone, c.contact_email, c.language,
            i.name_sq, i.name_sr, i.name_en, c.explanation_sq, c.explanation_sr, c.explanation_en,
            c.acknowledged_at, c.first_response_at, c.closed_at, c.rating_stars, c.rating_comment
         FROM complaints c JOIN categories k ON k.id = c.category_id JOIN municipalities m ON m.id = c.municipality_id
         JOIN institutions i ON i.id = c.institution_id WHERE c.id = ?1"
    );
    let complaint = c
        .query_row(&sql, [id], |r| {
            let item = item_from_row(r, today)?;
            let (name, phone, email): (Option<String>, Option<String>, Option<String>) =
                (r.get(21)?, r.get(22)?, r.get(23)?);
            let contact = (name.is_some() || phone.is_some() || email.is_some())
                .then_some(Contact { name, phone, email });
            let stars: Option<u8> = r.get(34)?;
            Ok(StaffComplaint {
                institution: InstitutionRef {
                    id: item.institution_id.clone(),
                    name: LocalizedText {
                        sq: r.get(25)?,
                        sr: r.get(26)?,
                        en: r.get(27)?,
                    },
                },
                description: r.get(18)?,
                item,
                lat: r.get(19)?,
                lon: r.get(20)?,
                contact,
                language: r.get(24)?,
                explanation: LocalizedText {
                    sq: r.get(28)?,
                    sr: r.get(29)?,
                    en: r.get(30)?,
                },
                acknowledged_at: r.get(31)?,
                first_response_at: r.get(32)?,
                closed_at: r.get(33)?,
                rating: stars.map(|stars| Rating {
                    stars,
                    comment: r.get(35).ok().flatten(),
                }),
                photos: Vec::new(),
                history: Vec::new(),
            })
        })
        .optional()?
        .filter(|complaint| staff.serves(&complaint.item.institution_id))
        .ok_or(ApiError::NotFound)?;
    let mut complaint = complaint;
    let mut statement = c.prepare(
        "SELECT idx, content_type, size FROM photos WHERE complaint_id = ?1 ORDER BY idx",
    )?;
    complaint.photos = statement
        .query_map([id], |r| {
            Ok(PhotoInfo {
                index: r.get(0)?,
                content_type: r.get(1)?,
                size: r.get(2)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut statement = c.prepare(
        "SELECT a.id, a.at, a.actor_kind, s.display_name, a.action, a.text, a.before, a.after, a.citizen_visible
         FROM audit_log a LEFT JOIN staff s ON s.id = a.actor_id WHERE a.complaint_id = ?1 ORDER BY a.id",
    )?;
    let json = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
    complaint.history = statement
        .query_map([id], |r| {
            Ok(HistoryEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                actor_kind: r.get(2)?,
                actor_name: r.get(3)?,
                action: r.get(4)?,
                text: r.get(5)?,
                before: json(r.get(6)?),
                after: json(r.get(7)?),
                citizen_visible: r.get(8)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(complaint)
}

#[utoipa::path(get, path = "/api/v1/staff/complaints/{id}", tag = "staff", params(("id" = String, Path)),
    security(("Bearer" = [])),
    responses((status = 200, body = StaffComplaint), (status = 404, description = "No such complaint in your institution")))]
pub async fn complaint(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(id): Path<String>,
) -> Result<Json<StaffComplaint>, ApiError> {
    let today = kosovo_date(state.clock.now()).to_string();
    let complaint = state
        .db
        .read(move |c| load_complaint(c, &staff, &id, &today))
        .await?;
    Ok(Json(complaint))
}

#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ActionOutcome {
    /// The complaint after the action; absent when a transfer took it out of your institution.
    pub complaint: Option<StaffComplaint>,
}

#[utoipa::path(post, path = "/api/v1/staff/complaints/{id}/actions", tag = "staff", params(("id" = String, Path)),
    request_body = Action, security(("Bearer" = [])),
    responses((status = 200, body = ActionOutcome),
              (status = 404, description = "No such complaint in your institution"),
              (status = 409, description = "The complaint's status does not allow this action"),
              (status = 422, description = "A reason or text is missing or too long")))]
pub async fn act(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(id): Path<String>,
    ApiJson(action): ApiJson<Action>,
) -> Result<Json<ActionOutcome>, ApiError> {
    let today = kosovo_date(state.clock.now()).to_string();
    let outcome = state
        .db
        .call(move |c| {
            workflow::apply(c, &staff, &id, action, state.clock.now())?;
            match load_complaint(c, &staff, &id, &today) {
                Ok(complaint) => Ok(ActionOutcome {
                    complaint: Some(complaint),
                }),
                Err(ApiError::NotFound) => Ok(ActionOutcome { complaint: None }),
                Err(other) => Err(other),
            }
        })
        .await?;
    Ok(Json(outcome))
}

#[utoipa::path(get, path = "/api/v1/staff/complaints/{id}/photos/{index}", tag = "staff",
    params(("id" = String, Path), ("index" = u8, Path, minimum = 0, maximum = 255)), security(("Bearer" = [])),
    responses((status = 200, description = "The photo, metadata removed (JPEG or PNG, as stored)", content((PhotoBytes = "image/jpeg"), (PhotoBytes = "image/png"))),
              (status = 404, description = "No such photo of a complaint in your institution")))]
pub async fn photo(
    State(state): State<AppState>,
    staff: StaffMember,
    Path((id, index)): Path<(String, u8)>,
) -> Result<Response, ApiError> {
    // A photo replaced between reading its row and reading its file may be gone by then:
    // read the row again, which names the new one.
    for _ in 0..3 {
        let (digest, institution) = photo_row(&state, &id, index)
            .await?
            .ok_or(ApiError::NotFound)?;
        if !staff.serves(&institution) {
            return Err(ApiError::NotFound);
        }
        if let Some(bytes) = state.photos.read(&digest).await? {
            return photo_response(&id, index, bytes);
        }
    }
    Err(ApiError::Internal(format!(
        "photo {index} of {id}: its file is missing"
    )))
}

/// A stored photo as a browser should take it: as the kind of image its bytes are (never
/// sniffed as anything else), shown in the page under a name made of the complaint's id, and
/// not kept once the page is gone (staff may log out on a shared computer).
fn photo_response(id: &str, index: u8, bytes: Vec<u8>) -> Result<Response, ApiError> {
    let (content_type, extension) = match protocol::photo::detect(&bytes) {
        Some(ImageKind::Jpeg) => ("image/jpeg", "jpg"),
        Some(ImageKind::Png) => ("image/png", "png"),
        None => {
            return Err(ApiError::Internal(format!(
                "photo {index} of {id} is not an image"
            )));
        }
    };
    // The id has been found in the database, so it is a UUID; keep only its characters anyway.
    let id: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let filename = format!("complaint-{id}-photo-{}.{extension}", u16::from(index) + 1);
    Response::builder()
        .header(header::CONTENT_TYPE, content_type)
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
        .header(
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{filename}\""),
        )
        .header(header::CACHE_CONTROL, "private, no-store")
        .body(Body::from(bytes))
        .map_err(|e| ApiError::Internal(e.to_string()))
}

/// The file and institution of a complaint's photo.
async fn photo_row(
    state: &AppState,
    id: &str,
    index: u8,
) -> Result<Option<(String, String)>, ApiError> {
    let id = id.to_owned();
    state
        .db
        .read(move |c| {
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

#[utoipa::path(get, path = "/api/v1/staff/escalations", tag = "staff", security(("Bearer" = [])),
    responses((status = 200, body = [InboxItem], description = "Overdue complaints of the institutions this one supervises"),
              (status = 403, description = "The account belongs to no institution")))]
pub async fn escalations(
    State(state): State<AppState>,
    staff: StaffMember,
) -> Result<Json<Vec<InboxItem>>, ApiError> {
    let today = kosovo_date(state.clock.now()).to_string();
    let items = state
        .db
        .read(move |c| {
            let mut filter = Filter::default();
            match (&staff.role, &staff.institution_id) {
                (Role::Administrator, _) => {}
                (_, Some(institution)) => filter.add("i.parent_id = ?", [institution.clone().into()]),
                (_, None) => return Err(ApiError::Forbidden),
            }
            filter.add(&overdue_condition(&today), []);
            let sql = format!(
                "SELECT {ITEM_COLUMNS} FROM complaints c JOIN categories k ON k.id = c.category_id
                 JOIN municipalities m ON m.id = c.municipality_id JOIN institutions i ON i.id = c.institution_id
                 {} ORDER BY c.answer_due ASC LIMIT 500",
                filter.clause()
            );
            let mut statement = c.prepare(&sql)?;
            let items = statement
                .query_map(params_from_iter(filter.values.iter()), |r| item_from_row(r, &today))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(items)
        })
        .await?;
    Ok(Json(items))
}

#[derive(Serialize, Deserialize, utoipa::ToSchema)]
pub struct Colleague {
    pub id: i64,
    pub display_name: String,
    pub role: Role,
}

#[utoipa::path(get, path = "/api/v1/staff/colleagues", tag = "staff", security(("Bearer" = [])),
    responses((status = 200, body = [Colleague], description = "Staff of the same institution, to assign complaints to")))]
pub async fn colleagues(
    State(state): State<AppState>,
    staff: StaffMember,
) -> Result<Json<Vec<Colleague>>, ApiError> {
    let institution = staff.institution_id.clone();
    let list = state
        .db
        .read(move |c| {
            let mut statement =
                c.prepare("SELECT id, display_name, role FROM staff WHERE institution_id IS ?1 AND active = 1 ORDER BY display_name")?;
            let list = statement
                .query_map([institution], |r| {
                    Ok(Colleague { id: r.get(0)?, display_name: r.get(1)?, role: Role::parse(&r.get::<_, String>(2)?).unwrap_or(Role::Staff) })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(list)
        })
        .await?;
    Ok(Json(list))
}

/// Records a staff action that is not about one complaint (used by administration).
pub fn audit_admin(
    tx: &rusqlite::Connection,
    staff: &StaffMember,
    action: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<(), ApiError> {
    audit(
        tx,
        Utc::now(),
        AuditEntry {
            actor: Actor::Staff(staff.id),
            action,
            complaint: None,
            citizen_visible: false,
            before,
            after,
            text: None,
        },
    )?;
    Ok(())
}
