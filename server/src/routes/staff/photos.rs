//! A complaint's photo for the staff of the institution handling it.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::Response;
use protocol::photo::ImageKind;

use crate::auth::StaffMember;
use crate::http::ApiError;
use crate::routes::openapi::PhotoBytes;
use crate::services::photos::{self, Photo};
use crate::state::AppState;

#[utoipa::path(get, path = "/api/v1/staff/complaints/{id}/photos/{index}", tag = "staff",
    params(("id" = String, Path), ("index" = u8, Path, minimum = 0, maximum = 255)), security(("Bearer" = [])),
    responses((status = 200, description = "The photo, metadata removed (JPEG or PNG, as stored)", content((PhotoBytes = "image/jpeg"), (PhotoBytes = "image/png"))),
              (status = 404, description = "No such photo of a complaint in your institution")))]
pub async fn photo(
    State(state): State<AppState>,
    staff: StaffMember,
    Path((id, index)): Path<(String, u8)>,
) -> Result<Response, ApiError> {
    let now = state.clock.now();
    let photo = photos::for_staff(&state.db, &state.photos, &staff, &id, index, now).await?;
    photo_response(&id, index, photo)
}

/// A stored photo as a browser should take it: as the kind of image its bytes are (never
/// sniffed as anything else), shown in the page under a name made of the complaint's id, and
/// not kept once the page is gone (staff may log out on a shared computer).
fn photo_response(id: &str, index: u8, photo: Photo) -> Result<Response, ApiError> {
    let (content_type, extension) = match photo.kind {
        ImageKind::Jpeg => ("image/jpeg", "jpg"),
        ImageKind::Png => ("image/png", "png"),
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
        .body(Body::from(photo.bytes))
        .map_err(|e| ApiError::Internal(e.to_string()))
}
