//! The citizen API the phone core talks to: the catalog, filing complaints (idempotently),
//! photos, "my complaints", rating and reopening. A device proves who it is with its secret.

use std::net::SocketAddr;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use chrono::Duration;
use protocol::api::{
    Catalog, Category, ComplaintReceipt, ComplaintRecord, LocalizedText, Municipality,
    MyComplaintsPage, NewComplaint, RatingRequest, ReopenRequest, ResponsibleLevel, limits,
};
use protocol::domain::{self, InputError};
use protocol::photo::{self, MAX_PHOTO_BYTES};
use rusqlite::{OptionalExtension, params};
use serde::Deserialize;
use serde_json::json;

use crate::app::{ApiJson, AppState};
use crate::auth::Device;
use crate::complaints::{self, Actor, AuditEntry, audit};
use crate::db::CachedQuery;
use crate::error::ApiError;
use crate::routes::openapi::PhotoBytes;

pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/api/v1/catalog", get(catalog))
        .route("/api/v1/complaints", post(create_complaint))
        .route("/api/v1/complaints/mine", get(my_complaints))
        .route(
            "/api/v1/complaints/{id}/photos/{index}",
            put(upload_photo).layer(DefaultBodyLimit::max(MAX_PHOTO_BYTES)),
        )
        .route("/api/v1/complaints/{id}/rating", post(rate))
        .route("/api/v1/complaints/{id}/reopen", post(reopen))
        .route("/api/v1/campaigns/{code}/opens", post(campaign_opened))
        .route_layer(middleware::from_fn_with_state(state, limit_by_address))
}

/// Turns away an address that floods the citizen API.
async fn limit_by_address(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    request: Request,
    next: Next,
) -> Response {
    match state
        .limits
        .citizen_requests
        .hit(&crate::ratelimit::address_key(address.ip()))
    {
        Ok(()) => next.run(request).await,
        Err(wait) => ApiError::rate_limited(wait).into_response(),
    }
}

/// The one key of the server-wide budget for new complaints.
const NEW_COMPLAINTS: &str = "all";

fn level(s: &str) -> ResponsibleLevel {
    match s {
        "central" => ResponsibleLevel::Central,
        "public_enterprise" => ResponsibleLevel::PublicEnterprise,
        "private_operator" => ResponsibleLevel::PrivateOperator,
        "independent" => ResponsibleLevel::Independent,
        "judiciary" => ResponsibleLevel::Judiciary,
        _ => ResponsibleLevel::Municipal,
    }
}

/// The current catalog and its version.
pub fn load_catalog(connection: &rusqlite::Connection) -> Result<Catalog, ApiError> {
    let version: String = connection
        .query_row(
            "SELECT value FROM settings WHERE key = 'catalog_version'",
            [],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_else(|| "1".into());
    let mut statement =
        connection.prepare("SELECT id, name_sq, name_sr, name_en, level FROM categories WHERE active = 1 ORDER BY position, id")?;
    let categories = statement
        .query_map([], |r| {
            Ok(Category {
                id: r.get(0)?,
                name: LocalizedText {
                    sq: r.get(1)?,
                    sr: r.get(2)?,
                    en: r.get(3)?,
                },
                level: level(&r.get::<_, String>(4)?),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut statement = connection
        .prepare("SELECT id, name_sq, name_sr, name_en FROM municipalities ORDER BY name_sq")?;
    let municipalities = statement
        .query_map([], |r| {
            Ok(Municipality {
                id: r.get(0)?,
                name: LocalizedText {
                    sq: r.get(1)?,
                    sr: r.get(2)?,
                    en: r.get(3)?,
                },
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Catalog {
        version,
        categories,
        municipalities,
    })
}

#[utoipa::path(get, path = "/api/v1/catalog", tag = "citizen",
    responses((status = 200, body = Catalog, description = "Categories and municipalities; `ETag` names the version"),
              (status = 304, description = "The client's copy (`If-None-Match`) is current")))]
pub async fn catalog(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let catalog = state.db.read(load_catalog).await?;
    let etag = format!("\"catalog-{}\"", catalog.version);
    let current = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let etag_value = HeaderValue::from_str(&etag).map_err(|e| ApiError::Internal(e.to_string()))?;
    // Public data: kept, but checked against the ETag before each use.
    let revalidate = HeaderValue::from_static("no-cache");
    if current {
        return Ok((
            StatusCode::NOT_MODIFIED,
            [
                (header::ETAG, etag_value),
                (header::CACHE_CONTROL, revalidate),
            ],
        )
            .into_response());
    }
    Ok((
        [
            (header::ETAG, etag_value),
            (header::CACHE_CONTROL, revalidate),
        ],
        Json(catalog),
    )
        .into_response())
}

#[utoipa::path(post, path = "/api/v1/complaints", tag = "citizen", request_body = NewComplaint,
    security(("Device" = [])),
    responses((status = 201, body = ComplaintReceipt, description = "Filed: where it went, why, and when an answer is due"),
              (status = 200, body = ComplaintReceipt, description = "Already filed with this id: the same receipt"),
              (status = 409, description = "The id was used for a different complaint"),
              (status = 422, description = "A field is invalid, or the location is outside Kosovo"),
              (status = 429, description = "Too many new complaints from this device, or for the whole server at this moment; the phone keeps it queued and retries after `Retry-After` seconds")))]
pub async fn create_complaint(
    State(state): State<AppState>,
    device: Device,
    ApiJson(request): ApiJson<NewComplaint>,
) -> Result<(StatusCode, Json<ComplaintReceipt>), ApiError> {
    // Everything that needs no database is checked first: an invalid complaint costs no limit
    // and never reaches the writer.
    complaints::check(&request)?;
    let request_hash = complaints::request_hash(&request);
    let id = request.id.to_string();
    let (retry_device, retry_hash) = (device.hash.clone(), request_hash.clone());
    let retried = state
        .db
        .read(move |c| complaints::already_filed(c, &id, &retry_device, &retry_hash))
        .await?;
    if let Some(receipt) = retried {
        // A retry always gets through, whatever the limits.
        return Ok((StatusCode::OK, Json(receipt)));
    }
    let limits = state.limits.clone();
    limits
        .new_complaints
        .hit(NEW_COMPLAINTS)
        .map_err(ApiError::rate_limited)?;
    if let Err(wait) = limits.device_complaints.hit(&device.hash) {
        limits.new_complaints.refund(NEW_COMPLAINTS);
        return Err(ApiError::rate_limited(wait));
    }
    let locator = state.locator.clone();
    let now = state.clock.now();
    let device_hash = device.hash.clone();
    let filed = state
        .db
        .call(move |c| complaints::file(c, &locator, &device_hash, &request, &request_hash, now))
        .await;
    let (receipt, created) = match filed {
        Ok(filed) => filed,
        Err(error) => {
            if !matches!(error, ApiError::Internal(_)) {
                // Refused (outside Kosovo, say): nothing was filed, so nothing counts.
                limits.new_complaints.refund(NEW_COMPLAINTS);
                limits.device_complaints.refund(&device.hash);
            }
            return Err(error);
        }
    };
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(receipt)))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Since {
    /// The cursor from the previous page (digits); absent or empty for everything.
    #[param(pattern = "^[0-9]{0,15}$")]
    since: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/complaints/mine", tag = "citizen", params(Since), security(("Device" = [])),
    responses((status = 200, body = MyComplaintsPage, description = "This device's complaints changed since the cursor"),
              (status = 400, description = "The cursor is not one the server handed out")))]
pub async fn my_complaints(
    State(state): State<AppState>,
    device: Device,
    Query(query): Query<Since>,
) -> Result<Json<MyComplaintsPage>, ApiError> {
    let since = crate::input::cursor(query.since.as_deref())?;
    let (complaints, cursor) = state
        .db
        .read(move |c| complaints::changed_since(c, &device.hash, since))
        .await?;
    Ok(Json(MyComplaintsPage {
        complaints,
        cursor: cursor.to_string(),
    }))
}

fn complaint_id(raw: &str) -> Result<String, ApiError> {
    uuid::Uuid::parse_str(raw)
        .map(|u| u.to_string())
        .map_err(|_| ApiError::NotFound)
}

#[utoipa::path(put, path = "/api/v1/complaints/{id}/photos/{index}", tag = "citizen", security(("Device" = [])),
    request_body(content((PhotoBytes = "image/jpeg"), (PhotoBytes = "image/png")), description = "A JPEG or PNG of at most 2 MB"),
    params(("id" = String, Path, description = "The complaint's id (a UUID); any other text is not found"),
           ("index" = u8, Path, minimum = 0, maximum = 2, description = "0 to photo_count - 1; any other is not found")),
    responses((status = 204, description = "Stored, metadata removed (uploading the same index again replaces it)"),
              (status = 404, description = "No such complaint for this device, or no such photo index"),
              (status = 413, description = "Larger than 2 MB"),
              (status = 422, description = "Not a readable JPEG or PNG, or one that says it has more than 8000 pixels on a side or 40 megapixels in all")))]
pub async fn upload_photo(
    State(state): State<AppState>,
    device: Device,
    Path((id, index)): Path<(String, String)>,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    let id = complaint_id(&id)?;
    let index: u8 = index.parse().map_err(|_| ApiError::NotFound)?;
    let photo_count: Option<u8> = {
        let (id, hash) = (id.clone(), device.hash.clone());
        state
            .db
            .read(move |c| {
                Ok(c.query_row(
                    "SELECT photo_count FROM complaints WHERE id = ?1 AND device_hash = ?2",
                    params![id, hash],
                    |r| r.get(0),
                )
                .optional()?)
            })
            .await?
    };
    if photo_count.is_none_or(|count| index >= count) {
        return Err(ApiError::NotFound);
    }
    let (kind, cleaned) = photo::strip_metadata(&body).map_err(|e| match e {
        photo::PhotoError::TooLarge { .. } => ApiError::PayloadTooLarge,
        photo::PhotoError::TooManyPixels { .. } => ApiError::Input(InputError::PhotoTooManyPixels),
        _ => ApiError::Input(InputError::PhotoUnreadable),
    })?;
    state
        .photos
        .save(&state.db, id, index, kind, cleaned)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/complaints/{id}/rating", tag = "citizen", request_body = RatingRequest,
    params(("id" = String, Path, description = "The complaint's id (a UUID)")), security(("Device" = [])),
    responses((status = 200, body = ComplaintRecord),
              (status = 404, description = "No such complaint for this device"),
              (status = 409, description = "The complaint is not closed yet"),
              (status = 422, description = "Stars outside 1 to 5, or a comment too long")))]
pub async fn rate(
    State(state): State<AppState>,
    device: Device,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<RatingRequest>,
) -> Result<Json<ComplaintRecord>, ApiError> {
    let id = complaint_id(&id)?;
    let stars = domain::parse_stars(request.stars)?;
    let comment = domain::parse_comment(request.comment.as_deref().unwrap_or_default())?;
    let record = state
        .db
        .call(move |c| {
            let (status, _) = complaints::owned_status(c, &id, &device.hash)?;
            if !status.is_closed() {
                return Err(ApiError::Conflict { code: "not_closed" });
            }
            let tx = c.savepoint()?;
            tx.cached_execute(
                "UPDATE complaints SET rating_stars = ?1, rating_comment = ?2 WHERE id = ?3",
                params![stars, comment, id],
            )?;
            audit(
                &tx,
                state.clock.now(),
                AuditEntry {
                    actor: Actor::Citizen,
                    action: "rated",
                    complaint: Some(&id),
                    citizen_visible: true,
                    before: None,
                    after: Some(json!({ "stars": stars })),
                    text: comment.as_deref(),
                },
            )?;
            tx.commit()?;
            complaints::citizen_record(c, &id)?.ok_or(ApiError::NotFound)
        })
        .await?;
    Ok(Json(record))
}

#[utoipa::path(post, path = "/api/v1/complaints/{id}/reopen", tag = "citizen", request_body = ReopenRequest,
    params(("id" = String, Path, description = "The complaint's id (a UUID)")), security(("Device" = [])),
    responses((status = 200, body = ComplaintRecord, description = "Reopened, back with the institution with new deadlines"),
              (status = 404, description = "No such complaint for this device"),
              (status = 409, description = "Not closed, or closed more than 30 days ago"),
              (status = 422, description = "The reason is too short or too long")))]
pub async fn reopen(
    State(state): State<AppState>,
    device: Device,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<ReopenRequest>,
) -> Result<Json<ComplaintRecord>, ApiError> {
    let id = complaint_id(&id)?;
    let reason = domain::parse_reason(&request.reason)?;
    let request_id = request.request_id.to_string();
    let record = state
        .db
        .call(move |c| {
            let (status, closed_at) = complaints::owned_status(c, &id, &device.hash)?;
            let seen: bool = c.query_row(
                "SELECT EXISTS(SELECT 1 FROM reopen_requests WHERE request_id = ?1 AND complaint_id = ?2)",
                params![request_id, id],
                |r| r.get(0),
            )?;
            if !seen {
                if !status.is_closed() {
                    return Err(ApiError::Conflict { code: "not_closed" });
                }
                let now = state.clock.now();
                if closed_at.is_some_and(|closed| now - closed > Duration::days(limits::REOPEN_WINDOW_DAYS)) {
                    return Err(ApiError::Conflict { code: "reopen_window_closed" });
                }
                complaints::reopen(c, &id, status, &reason, &request_id, now)?;
            }
            complaints::citizen_record(c, &id)?.ok_or(ApiError::NotFound)
        })
        .await?;
    Ok(Json(record))
}

#[utoipa::path(post, path = "/api/v1/campaigns/{code}/opens", tag = "citizen", security(("Device" = [])),
    params(("code" = String, Path, description = "The campaign's code, as its link carries it")),
    responses((status = 204, description = "Counted in the campaign's reach"),
              (status = 404, description = "No campaign has this code"),
              (status = 429, description = "Too many openings reported from this address; wait `Retry-After` seconds")))]
/// The app was opened from a campaign's link or QR code.
pub async fn campaign_opened(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    device: Device,
    Path(code): Path<String>,
) -> Result<StatusCode, ApiError> {
    let code = protocol::api::campaign_code(&code).ok_or(ApiError::NotFound)?;
    state
        .limits
        .campaign_visits
        .hit(&crate::ratelimit::address_key(address.ip()))
        .map_err(ApiError::rate_limited)?;
    let at = state.clock.now();
    let known = state
        .db
        .call(move |c| {
            crate::services::campaigns::record_visit(
                c,
                &code,
                crate::services::campaigns::Visit::AppOpen,
                &device.hash,
                at,
            )
        })
        .await?;
    if known {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}
