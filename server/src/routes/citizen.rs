//! The citizen API the phone core talks to: the catalog, filing complaints (idempotently),
//! photos, "my complaints", rating, reopening, writing to the institution, and the citizen's
//! rights over their data ([`citizen_rights`]). A device proves who it is with its secret.

use std::net::SocketAddr;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use axum::{Json, Router};
use protocol::api::push::PushTokenRequest;
use protocol::api::{
    Catalog, CitizenMessageReceipt, CitizenMessageRequest, ComplaintReceipt, ComplaintRecord,
    MyComplaintsPage, NewComplaint, RatingRequest, ReopenRequest, paths,
};
use protocol::photo::MAX_PHOTO_BYTES;
use serde::Deserialize;

use crate::http::{ApiError, ApiJson, Device};
use crate::routes::citizen_rights;
use crate::routes::openapi::PhotoBytes;
use crate::services::complaints::messages::CitizenMessage;
use crate::services::complaints::{self, NewRating, Reopening};
use crate::services::{ServiceError, catalog, photos};
use crate::state::AppState;

pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route(paths::CATALOG, get(catalog))
        .route(paths::COMPLAINTS, post(create_complaint))
        .route(paths::MY_COMPLAINTS, get(my_complaints))
        .route(
            paths::PHOTO,
            put(upload_photo).layer(DefaultBodyLimit::max(MAX_PHOTO_BYTES)),
        )
        .route(paths::RATING, post(rate))
        .route(paths::REOPEN, post(reopen))
        .route(paths::MESSAGES, post(send_message))
        .route(paths::CAMPAIGN_OPENED, post(campaign_opened))
        .route(
            paths::PUSH_TOKEN,
            put(register_push_token).delete(remove_push_tokens),
        )
        .route(paths::CONTACT, delete(citizen_rights::remove_contact))
        .route(
            paths::MY_DATA,
            get(citizen_rights::my_data).delete(citizen_rights::erase_my_data),
        )
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
        Err(wait) => ApiError::from(ServiceError::rate_limited(wait)).into_response(),
    }
}

#[utoipa::path(get, path = "/api/v1/catalog", tag = "citizen",
    responses((status = 200, body = Catalog, description = "Categories and municipalities; `ETag` names the version"),
              (status = 304, description = "The client's copy (`If-None-Match`) is current")))]
pub async fn catalog(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let catalog = state.db.read(catalog::load).await?;
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
    let filed = complaints::submit(
        &state.db,
        state.locator.clone(),
        &state.routes,
        &state.limits,
        &device.hash,
        request,
        state.clock.now(),
    )
    .await?;
    let status = if filed.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(filed.receipt)))
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
    photos::upload(&state.db, &state.photos, &device.hash, (&id, &index), &body).await?;
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
    let rating = NewRating::parse(&id, &request)?;
    let clock = state.clock.clone();
    let record = state
        .db
        .call(move |c| complaints::rate(c, &device.hash, &rating, clock.now()))
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
    let reopening = Reopening::parse(&id, &request)?;
    let clock = state.clock.clone();
    let record = state
        .db
        .call(move |c| complaints::reopen(c, &device.hash, &reopening, clock.now()))
        .await?;
    Ok(Json(record))
}

#[utoipa::path(post, path = "/api/v1/complaints/{id}/messages", tag = "citizen", request_body = CitizenMessageRequest,
    params(("id" = String, Path, description = "The complaint's id (a UUID)")), security(("Device" = [])),
    responses((status = 200, body = CitizenMessageReceipt, description = "Kept (or kept before, for a message sent again): an answer to the complaint's question sends it back to work with its due date moved on by the working days it waited. Its photos go to slots `first_photo` onwards"),
              (status = 404, description = "No such complaint for this device"),
              (status = 409, description = "The complaint is closed (`not_open`), has taken its 20 messages (`too_many_messages`), or the message's id belongs to another complaint"),
              (status = 422, description = "The text is empty or longer than 4000 characters, or more than 3 photos")))]
/// The citizen writes to the institution about their open complaint: an answer to its
/// question, or something they add.
pub async fn send_message(
    State(state): State<AppState>,
    device: Device,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<CitizenMessageRequest>,
) -> Result<Json<CitizenMessageReceipt>, ApiError> {
    let message = CitizenMessage::parse(&id, &request)?;
    let clock = state.clock.clone();
    let receipt = state
        .db
        .call(move |c| complaints::messages::send(c, &device.hash, &message, clock.now()))
        .await?;
    Ok(Json(receipt))
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
        .map_err(ServiceError::rate_limited)?;
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

#[utoipa::path(put, path = "/api/v1/devices/push-token", tag = "citizen", request_body = PushTokenRequest, security(("Device" = [])),
    responses((status = 204, description = "Kept: this device's wake-ups go to this token (which replaces the one it gave before for this provider)"),
              (status = 400, description = "An unknown platform, or a token that is empty, too long, or of characters its provider does not use"),
              (status = 409, description = "This device has filed no complaint yet: register after the first")))]
/// Where this device's push wake-ups go. A wake-up carries nothing but that something changed.
pub async fn register_push_token(
    State(state): State<AppState>,
    device: Device,
    ApiJson(request): ApiJson<PushTokenRequest>,
) -> Result<StatusCode, ApiError> {
    let at = state.clock.now();
    state
        .db
        .call(move |c| crate::services::push::register(c, &device.hash, &request, at))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/api/v1/devices/push-token", tag = "citizen", security(("Device" = [])),
    responses((status = 204, description = "This device has no push token any more")))]
/// Stops this device's push wake-ups.
pub async fn remove_push_tokens(
    State(state): State<AppState>,
    device: Device,
) -> Result<StatusCode, ApiError> {
    state
        .db
        .call(move |c| crate::services::push::remove(c, &device.hash))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
