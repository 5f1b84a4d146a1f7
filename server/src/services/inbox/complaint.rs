//! One complaint in full, as the institution handling it sees it: with the citizen's contact
//! details (only that institution sees them), the photos, and the whole history. A supervisor
//! sees it without the contact details and the photos.

use crate::db::{Conn, OptionalExtension};
use protocol::api::{Contact, InstitutionRef, LocalizedText, Rating};
use serde::Serialize;

use super::InboxItem;
use super::filter::{ITEM_COLUMN_COUNT, ITEM_COLUMNS, item_from_row};
use crate::auth::StaffMember;
use crate::services::ServiceError;
use crate::services::audit::{self, HistoryEntry};
use crate::services::names::localized;
use crate::services::photos::{self, PhotoInfo};
use crate::services::supervision;

#[derive(Debug, Serialize, serde::Deserialize, utoipa::ToSchema)]
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
    /// When the citizen's contact details and photos were erased, the retention time after
    /// closing having passed.
    pub personal_erased_at: Option<String>,
    /// Whether that erasure was the citizen's own request.
    pub erased_on_request: bool,
    /// When the citizen removed their contact details from this complaint.
    pub contact_removed_at: Option<String>,
    /// When what people wrote in it was removed, the retention policy's time having passed.
    pub texts_redacted_at: Option<String>,
}

/// Complaint `id` for `staff`, overdue or not on `today`; not found if it is not theirs to see.
pub fn complaint(
    c: &Conn,
    staff: &StaffMember,
    id: &str,
    today: &str,
) -> Result<StaffComplaint, ServiceError> {
    let sql = format!(
        "SELECT {ITEM_COLUMNS}, c.lat, c.lon, c.contact_name, c.contact_phone, c.contact_email, c.language,
            i.name_sq, i.name_sr, i.name_en, c.explanation_sq, c.explanation_sr, c.explanation_en,
            c.acknowledged_at, c.first_response_at, c.closed_at, c.rating_stars, c.rating_comment,
            c.personal_erased_at, c.erased_on_request, c.contact_removed_at, c.texts_redacted_at
         FROM complaints c JOIN categories k ON k.id = c.category_id JOIN municipalities m ON m.id = c.municipality_id
         JOIN institutions i ON i.id = c.institution_id WHERE c.id = ?1"
    );
    let mut complaint = c
        .query_row(&sql, [id], |r| {
            // The columns after an inbox row's.
            let n = ITEM_COLUMN_COUNT;
            let item = item_from_row(r, today)?;
            let (name, phone, email): (Option<String>, Option<String>, Option<String>) =
                (r.get(n + 2)?, r.get(n + 3)?, r.get(n + 4)?);
            let contact = (name.is_some() || phone.is_some() || email.is_some())
                .then_some(Contact { name, phone, email });
            let stars: Option<u8> = r.get(n + 15)?;
            Ok(StaffComplaint {
                institution: InstitutionRef {
                    id: item.institution_id.clone(),
                    name: localized(r, n + 6)?,
                },
                description: r.get(18)?,
                item,
                lat: r.get(n)?,
                lon: r.get(n + 1)?,
                contact,
                language: r.get(n + 5)?,
                explanation: localized(r, n + 9)?,
                acknowledged_at: r.get(n + 12)?,
                first_response_at: r.get(n + 13)?,
                closed_at: r.get(n + 14)?,
                rating: stars.map(|stars| Rating {
                    stars,
                    comment: r.get(n + 16).ok().flatten(),
                }),
                photos: Vec::new(),
                history: Vec::new(),
                personal_erased_at: r.get(n + 17)?,
                erased_on_request: r.get::<_, i64>(n + 18)? == 1,
                contact_removed_at: r.get(n + 19)?,
                texts_redacted_at: r.get(n + 20)?,
            })
        })
        .optional()?
        .ok_or(ServiceError::NotFound)?;
    if staff.serves(&complaint.item.institution_id) {
        complaint.photos = photos::list(c, id)?;
    } else if supervision::oversees(c, staff, &complaint.item.institution_id)? {
        // The contact and the photos are the handling institution's alone.
        complaint.contact = None;
    } else {
        return Err(ServiceError::NotFound);
    }
    complaint.history = audit::history(c, id)?;
    Ok(complaint)
}
