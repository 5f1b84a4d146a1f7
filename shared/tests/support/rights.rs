//! The fake server's side of the citizen's rights: everything it holds about a device's
//! complaints, removing a complaint's contact details, and erasing a device's data.

use shared::api::my_data::{Erasure, HeldComplaint, HeldPhoto, MyData};
use shared::api::{ComplaintRecord, Location};
use uuid::Uuid;

use super::{FakeServer, StoredComplaint, error_response, json_response};
use crux_http::protocol::HttpResponse;

fn held(c: &StoredComplaint) -> HeldComplaint {
    let record: &ComplaintRecord = &c.record;
    let (latitude, longitude, municipality) = match &c.request.location {
        Location::Gps { lat, lon } => (Some(*lat), Some(*lon), "gjilan".to_owned()),
        Location::Municipality { id } => (None, None, id.clone()),
    };
    HeldComplaint {
        id: record.id,
        tracking_code: record.tracking_code.clone(),
        category: record.category.clone(),
        status: record.status,
        institution: record.institution.clone(),
        submitted_at: record.submitted_at,
        language: "en".into(),
        description: c.request.description.clone(),
        latitude,
        longitude,
        municipality,
        contact: c.request.contact.clone(),
        contact_removed_at: None,
        personal_erased_at: None,
        photos: c
            .photos
            .iter()
            .map(|(slot, bytes)| HeldPhoto {
                slot: *slot,
                content_type: "image/jpeg".into(),
                bytes: bytes.len() as u64,
            })
            .collect(),
        messages: vec![],
        rating: record.rating.clone(),
        emails_stopped: false,
        timeline: record.timeline.clone(),
    }
}

impl FakeServer {
    /// The answer to a request about the citizen's data, or `None` for any other request.
    pub(super) fn rights(
        &mut self,
        method: &str,
        segments: &[&str],
        device: &str,
    ) -> Option<HttpResponse> {
        let response = match (method, segments) {
            ("GET", ["api", "v1", "devices", "data"]) => json_response(
                200,
                &MyData {
                    generated_at: self.clock,
                    complaints: self
                        .complaints
                        .values()
                        .filter(|c| c.device == device)
                        .map(held)
                        .collect(),
                    push_tokens: vec![],
                },
            ),
            ("DELETE", ["api", "v1", "devices", "data"]) => {
                self.rights_requests += 1;
                let mut erased = 0;
                for c in self.complaints.values_mut().filter(|c| c.device == device) {
                    c.device = format!("erased:{}", Uuid::new_v4());
                    c.request.contact = None;
                    c.record.contact_held = false;
                    c.photos.clear();
                    erased += 1;
                }
                json_response(200, &Erasure { complaints: erased })
            }
            ("DELETE", ["api", "v1", "complaints", id, "contact"]) => {
                self.rights_requests += 1;
                let seq = self.bump();
                let found = Uuid::parse_str(id)
                    .ok()
                    .and_then(|id| self.complaints.get_mut(&id))
                    .filter(|c| c.device == device);
                match found {
                    Some(c) => {
                        if c.record.contact_held {
                            c.request.contact = None;
                            c.record.contact_held = false;
                            c.seq = seq;
                        }
                        json_response(200, &c.record)
                    }
                    None => error_response(404, "complaint_not_found", "not found"),
                }
            }
            _ => return None,
        };
        Some(response)
    }
}
