//! The citizen's rights through the citizen API: everything the server holds about this
//! device's complaints, removing the contact details from one, and erasing it all. Part of the
//! citizen router, so the same device proof and rate limit apply.

use axum::Json;
use axum::extract::{Path, State};
use protocol::api::ComplaintRecord;
use protocol::api::my_data::{Erasure, MyData};

use crate::http::{ApiError, Device};
use crate::services::citizen_rights::{self, Holder};
use crate::state::AppState;

#[utoipa::path(get, path = "/api/v1/devices/data", tag = "citizen", security(("Device" = [])),
    responses((status = 200, body = MyData, description = "Everything the server holds about this device's complaints (the newest 1000): what the citizen wrote, where, their contact details while held, photos, messages, rating, the timeline, and the push services it registered")))]
/// What the server holds about this device's complaints, for the citizen to read and keep.
pub async fn my_data(
    State(state): State<AppState>,
    device: Device,
) -> Result<Json<MyData>, ApiError> {
    let now = state.clock.now();
    let data = state
        .db
        .read(move |c| citizen_rights::export(c, Holder::Device(&device.hash), now))
        .await?;
    Ok(Json(data))
}

#[utoipa::path(delete, path = "/api/v1/devices/data", tag = "citizen", security(("Device" = [])),
    responses((status = 200, body = Erasure, description = "The contact details and photos of this device's complaints are erased (up to 1000 complaints a request; ask again for more), the complaints no longer belong to this device, and its push tokens are gone. What the complaints were about stays with the institutions. Asked again: nothing left, `complaints` is 0")))]
/// Erases the citizen's personal data from every complaint of this device, and lets go of them.
pub async fn erase_my_data(
    State(state): State<AppState>,
    device: Device,
) -> Result<Json<Erasure>, ApiError> {
    let now = state.clock.now();
    let erased = state
        .db
        .call(move |c| citizen_rights::erase_all(c, Holder::Device(&device.hash), now))
        .await?;
    for digest in erased.photo_files {
        state.photos.delete_if_unused(&state.db, digest).await;
    }
    Ok(Json(erased.erasure))
}

#[utoipa::path(delete, path = "/api/v1/complaints/{id}/contact", tag = "citizen", security(("Device" = [])),
    params(("id" = String, Path, description = "The complaint's id (a UUID)")),
    responses((status = 200, body = ComplaintRecord, description = "The institution holds no contact details for this complaint any more (`contact_held` is false); asked again, the same"),
              (status = 404, description = "No such complaint for this device")))]
/// Removes the contact details the citizen gave with this complaint.
pub async fn remove_contact(
    State(state): State<AppState>,
    device: Device,
    Path(id): Path<String>,
) -> Result<Json<ComplaintRecord>, ApiError> {
    let now = state.clock.now();
    let record = state
        .db
        .call(move |c| citizen_rights::remove_contact(c, &device.hash, &id, now))
        .await?;
    Ok(Json(record))
}
