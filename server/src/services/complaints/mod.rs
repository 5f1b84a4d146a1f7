//! Complaints from their author's side: filing one (idempotent on the phone's UUID), what its
//! author sees (the record, the timeline, what changed since the phone last asked), rating it,
//! reopening it within the window, and writing to its institution ([`messages`]). What staff do with it is [`super::workflow`].

mod filing;
pub mod messages;
mod record;
pub mod route_cache;
pub mod store;

use crate::db::Conn;
use chrono::{DateTime, NaiveDate, Utc};
use protocol::api::{ComplaintRecord, NewComplaint, RatingRequest, ReopenRequest, Status, limits};
use protocol::domain::{self, Description, InputError};
use serde_json::json;

pub use filing::{Filed, already_filed, file, submit};
pub use record::{changed_since, citizen_record, receipt};
pub use route_cache::RouteCache;

use super::ServiceError;
use super::audit::{Actor, AuditEntry, audit};
use crate::auth::sha256_hex;
use crate::calendar::kosovo_date;

/// A complaint's id as a path names it: a UUID, written the one way the database does; any
/// other text names no complaint.
pub fn complaint_id(raw: &str) -> Result<String, ServiceError> {
    uuid::Uuid::parse_str(raw)
        .map(|u| u.to_string())
        .map_err(|_| ServiceError::NotFound)
}

/// The deadlines of a complaint in `category` that reached its institution at `at`.
pub fn deadlines(
    tx: &Conn,
    category: &str,
    at: DateTime<Utc>,
) -> Result<(NaiveDate, NaiveDate), ServiceError> {
    let (ack, answer) = store::category_deadlines(tx, category)?
        .ok_or(ServiceError::Input(InputError::CategoryUnknown))?;
    let day = kosovo_date(at);
    let calendar = store::calendar(tx, day, ack.max(answer))?;
    Ok((
        calendar.add_working_days(day, ack),
        calendar.add_working_days(day, answer),
    ))
}

/// What a new complaint becomes once checked: every field valid.
pub struct Checked {
    description: String,
    name: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    campaign: Option<String>,
}

/// Checks every field of a new complaint that needs no database: done before the complaint
/// counts against any limit or reaches the writer.
pub fn check(request: &NewComplaint) -> Result<Checked, ServiceError> {
    let description = Description::parse(&request.description)?.into_inner();
    let campaign = match request.campaign.as_deref() {
        None => None,
        Some(code) => Some(
            protocol::api::campaign_code(code)
                .ok_or(ServiceError::bad_request("invalid_campaign"))?,
        ),
    };
    if usize::from(request.photo_count) > limits::MAX_PHOTOS {
        return Err(InputError::TooManyPhotos.into());
    }
    let (name, phone, email) = match &request.contact {
        None => (None, None, None),
        Some(contact) => {
            let name = domain::parse_name(contact.name.as_deref().unwrap_or_default())?;
            let phone = domain::parse_phone(contact.phone.as_deref().unwrap_or_default())?;
            let email = domain::parse_email(contact.email.as_deref().unwrap_or_default())?;
            if phone.is_none() && email.is_none() {
                return Err(InputError::ContactMissing.into());
            }
            (name, phone, email)
        }
    };
    Ok(Checked {
        description,
        name,
        phone,
        email,
        campaign,
    })
}

/// The request body's hash, to tell a genuine retry from a different complaint reusing an id.
pub fn request_hash(request: &NewComplaint) -> String {
    sha256_hex(
        serde_json::to_string(request)
            .unwrap_or_default()
            .as_bytes(),
    )
}

/// The status of complaint `id` and when it closed, if `device_hash` filed it; otherwise it does
/// not exist as far as this device is concerned.
pub fn owned_status(
    c: &Conn,
    id: &str,
    device_hash: &str,
) -> Result<(Status, Option<DateTime<Utc>>), ServiceError> {
    let (status, closed) =
        store::owned_status(c, id, device_hash)?.ok_or(ServiceError::NotFound)?;
    Ok((
        store::status(&status)?,
        closed.as_deref().map(store::parse_time).transpose()?,
    ))
}

/// A citizen's rating, checked: which complaint, how many stars, what comment.
pub struct NewRating {
    id: String,
    stars: u8,
    comment: Option<String>,
}

impl NewRating {
    pub fn parse(raw_id: &str, request: &RatingRequest) -> Result<NewRating, ServiceError> {
        Ok(NewRating {
            id: complaint_id(raw_id)?,
            stars: domain::parse_stars(request.stars)?,
            comment: domain::parse_comment(request.comment.as_deref().unwrap_or_default())?,
        })
    }
}

/// The author rates their closed complaint (again, replacing an earlier rating); answers the
/// record as it now is.
pub fn rate(
    c: &Conn,
    device_hash: &str,
    rating: &NewRating,
    now: DateTime<Utc>,
) -> Result<ComplaintRecord, ServiceError> {
    let id = &rating.id;
    let (status, _) = owned_status(c, id, device_hash)?;
    if !status.is_closed() {
        return Err(ServiceError::Conflict { code: "not_closed" });
    }
    let tx = c.savepoint()?;
    store::set_rating(&tx, id, rating.stars, rating.comment.as_deref())?;
    audit(
        &tx,
        now,
        AuditEntry {
            actor: Actor::Citizen,
            action: "rated",
            complaint: Some(id),
            citizen_visible: true,
            before: None,
            after: Some(json!({ "stars": rating.stars })),
            text: rating.comment.as_deref(),
        },
    )?;
    tx.commit()?;
    citizen_record(c, id)?.ok_or(ServiceError::NotFound)
}

/// A citizen's request to reopen, checked: which complaint, the phone's request id, and why.
pub struct Reopening {
    id: String,
    request_id: String,
    reason: String,
}

impl Reopening {
    pub fn parse(raw_id: &str, request: &ReopenRequest) -> Result<Reopening, ServiceError> {
        Ok(Reopening {
            id: complaint_id(raw_id)?,
            reason: domain::parse_reason(&request.reason)?,
            request_id: request.request_id.to_string(),
        })
    }
}

/// The author reopens their closed complaint within the reopen window: back to its institution
/// with fresh deadlines, as if it had just arrived. A request the phone retries is carried out
/// once (its id is the phone's). Answers the record as it now is.
pub fn reopen(
    c: &Conn,
    device_hash: &str,
    reopening: &Reopening,
    now: DateTime<Utc>,
) -> Result<ComplaintRecord, ServiceError> {
    let id = &reopening.id;
    let (status, closed_at) = owned_status(c, id, device_hash)?;
    if !store::reopen_seen(c, &reopening.request_id, id)? {
        if !status.is_closed() {
            return Err(ServiceError::Conflict { code: "not_closed" });
        }
        if closed_at.is_some_and(|closed| !protocol::calendar::within_reopen_window(closed, now)) {
            return Err(ServiceError::Conflict {
                code: "reopen_window_closed",
            });
        }
        let tx = c.savepoint()?;
        let category = store::category_of(&tx, id)?;
        let due = deadlines(&tx, &category, now)?;
        store::reopen(&tx, id, &reopening.request_id, now, due)?;
        audit(
            &tx,
            now,
            AuditEntry {
                actor: Actor::Citizen,
                action: "reopened",
                complaint: Some(id),
                citizen_visible: true,
                before: Some(json!({ "status": status.as_str() })),
                after: Some(json!({ "status": Status::Reopened.as_str() })),
                text: Some(&reopening.reason),
            },
        )?;
        tx.commit()?;
    }
    citizen_record(c, id)?.ok_or(ServiceError::NotFound)
}
