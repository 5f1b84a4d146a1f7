//! Filing a complaint: checked, routed and given its deadlines on a reading connection, then
//! given a tracking code and stored with its first audit record by the writer, whose work is
//! only those two rows (on PostgreSQL every statement the writer runs is a round trip, and the
//! writer is one at a time). The phone's UUID is the idempotency key: a retry of the same
//! complaint gets the receipt it already has, whatever the limits say.

use std::sync::Arc;

use crate::db::Conn;
use chrono::{DateTime, Utc};
use protocol::api::{ComplaintReceipt, Location, NewComplaint, Status};
use serde_json::json;

use super::route_cache::{Route, RouteCache, reference_version};
use super::{check, deadlines, receipt, request_hash, store};
use crate::auth::random_bytes;
use crate::calendar::kosovo_date;
use crate::db::Db;
use crate::locate::Locator;
use crate::ratelimit::Limiters;
use crate::routing;
use crate::services::ServiceError;
use crate::services::audit::filed_record;
use crate::services::catalog::institution_ref;
use crate::services::citizen_rights::pin;
use crate::services::mail;

/// Letters and digits nobody confuses when reading a code out on the phone (no 0/O, 1/I/L).
const TRACKING_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// The one key of the server-wide budget for new complaints.
const NEW_COMPLAINTS: &str = "all";

/// A tracking code such as `ZR-K7M3PX`: 31^6, close to a billion codes.
fn new_tracking_code() -> Result<String, ServiceError> {
    let bytes = random_bytes::<6>()?;
    let code: String = bytes
        .iter()
        .map(|b| TRACKING_ALPHABET[usize::from(*b) % TRACKING_ALPHABET.len()] as char)
        .collect();
    Ok(format!("ZR-{code}"))
}

/// A complaint's receipt, and whether the complaint was filed just now (or before, by a request
/// this one repeats).
pub struct Filed {
    pub receipt: ComplaintReceipt,
    pub created: bool,
}

/// Files a complaint a device sent, or answers the receipt it already has.
///
/// Everything that needs no database is checked first, so an invalid complaint costs no limit
/// and never reaches the writer. A retry always gets its receipt; only a complaint that is new
/// counts against the device's limit and the server's, and one that is refused (outside Kosovo,
/// say) gives both back.
pub async fn submit(
    db: &Db,
    locator: Arc<Locator>,
    routes: &RouteCache,
    limits: &Limiters,
    device_hash: &str,
    request: NewComplaint,
    now: DateTime<Utc>,
) -> Result<Filed, ServiceError> {
    check(&request)?;
    let request_hash = request_hash(&request);
    let id = request.id.to_string();
    let (retry_device, retry_hash) = (device_hash.to_owned(), request_hash.clone());
    let locator_for_reading = locator.clone();
    let routes = routes.clone();
    let for_reading = request.clone();
    let read = db
        .read(move |c| -> Result<_, ServiceError> {
            if let Some(receipt) = already_filed(c, &id, &retry_device, &retry_hash)? {
                return Ok(Err(receipt));
            }
            Ok(Ok(prepare(
                c,
                &locator_for_reading,
                &routes,
                &for_reading,
                now,
            )?))
        })
        .await?;
    let prepared = match read {
        Ok(prepared) => prepared,
        Err(receipt) => {
            return Ok(Filed {
                receipt,
                created: false,
            });
        }
    };
    limits
        .new_complaints
        .hit(NEW_COMPLAINTS)
        .map_err(ServiceError::rate_limited)?;
    if let Err(wait) = limits.device_complaints.hit(device_hash) {
        limits.new_complaints.refund(NEW_COMPLAINTS);
        return Err(ServiceError::rate_limited(wait));
    }
    let device = device_hash.to_owned();
    let filed = db
        .call(move |c| store_prepared(c, &device, &request, &request_hash, &prepared, now))
        .await;
    match filed {
        Ok((receipt, created)) => Ok(Filed { receipt, created }),
        Err(error) => {
            if !matches!(error, ServiceError::Internal(_)) {
                // Refused: nothing was filed, so nothing counts.
                limits.new_complaints.refund(NEW_COMPLAINTS);
                limits.device_complaints.refund(device_hash);
            }
            Err(error)
        }
    }
}

/// The receipt of complaint `id` if this device already filed this very complaint (a retry);
/// a conflict if the id was used for another one. Works on a reading connection.
pub fn already_filed(
    connection: &Conn,
    id: &str,
    device_hash: &str,
    request_hash: &str,
) -> Result<Option<ComplaintReceipt>, ServiceError> {
    match store::identity(connection, id)? {
        None => Ok(None),
        Some((device, hash)) if device == device_hash && hash == request_hash => {
            Ok(Some(receipt(connection, id)?))
        }
        Some(_) => Err(ServiceError::Conflict { code: "id_reused" }),
    }
}

/// A complaint checked, routed and given its deadlines: all that filing reads.
pub struct Prepared {
    checked: super::Checked,
    municipality: String,
    point: Option<(f64, f64)>,
    route: Arc<Route>,
    /// The key PINs are made with, when a complaint before this one made it.
    pin_key: Option<String>,
}

/// Checks and routes a complaint and works out its deadlines; reads only, so any connection.
/// The route comes from `routes` while the reference data is as it was when it was kept.
pub fn prepare(
    connection: &Conn,
    locator: &Locator,
    routes: &RouteCache,
    request: &NewComplaint,
    now: DateTime<Utc>,
) -> Result<Prepared, ServiceError> {
    let checked = check(request)?;
    let version = reference_version(connection)?;
    let day = kosovo_date(now);
    let (municipality, point) = match &request.location {
        Location::Gps { .. } => routing::municipality_of(connection, locator, &request.location)?,
        // Known if a route was kept for it; else looked up below.
        Location::Municipality { id } => (id.clone(), None),
    };
    let route = match routes.get(version, &request.category, &municipality, day) {
        Some(route) => route,
        None => {
            if let Location::Municipality { .. } = request.location {
                routing::municipality_of(connection, locator, &request.location)?;
            }
            let (institution, explanation) =
                routing::route(connection, &request.category, &municipality)?;
            let (ack_due, answer_due) = deadlines(connection, &request.category, now)?;
            let route = Arc::new(Route {
                institution: institution_ref(connection, &institution)?,
                explanation,
                ack_due,
                answer_due,
            });
            routes.put(
                version,
                &request.category,
                &municipality,
                day,
                route.clone(),
            );
            route
        }
    };
    Ok(Prepared {
        checked,
        municipality,
        point,
        route,
        pin_key: pin::key(connection)?,
    })
}

/// Files a complaint, or returns the receipt it already has: the id is the idempotency key.
/// Returns the receipt and whether it was created now.
pub fn file(
    connection: &Conn,
    locator: &Locator,
    device_hash: &str,
    request: &NewComplaint,
    request_hash: &str,
    now: DateTime<Utc>,
) -> Result<(ComplaintReceipt, bool), ServiceError> {
    let id = request.id.to_string();
    if let Some(receipt) = already_filed(connection, &id, device_hash, request_hash)? {
        return Ok((receipt, false));
    }
    let prepared = prepare(connection, locator, &RouteCache::default(), request, now)?;
    store_prepared(
        connection,
        device_hash,
        request,
        request_hash,
        &prepared,
        now,
    )
}

/// Stores a prepared complaint with its first audit record, on the writer; or, if its id is
/// already taken, answers that complaint's receipt (or the conflict of an id reused for
/// another complaint). Run inside a savepoint (every writer job is): a failure leaves nothing.
pub fn store_prepared(
    connection: &Conn,
    device_hash: &str,
    request: &NewComplaint,
    request_hash: &str,
    prepared: &Prepared,
    now: DateTime<Utc>,
) -> Result<(ComplaintReceipt, bool), ServiceError> {
    let id = request.id.to_string();
    let language = match request.language {
        protocol::api::ApiLanguage::Sq => "sq",
        protocol::api::ApiLanguage::Sr => "sr",
        protocol::api::ApiLanguage::En => "en",
    };
    let checked = &prepared.checked;
    let route = &prepared.route;
    let institution = &route.institution.id;
    // The insert does nothing when the id or the tracking code is taken: a retry, an id reused,
    // or (about once in a billion) a code drawn twice, which gets another.
    for _ in 0..5 {
        let tracking_code = new_tracking_code()?;
        let row = store::NewRow {
            id: &id,
            tracking_code: &tracking_code,
            device_hash,
            request_hash,
            category: &request.category,
            description: &checked.description,
            point: prepared.point,
            municipality: &prepared.municipality,
            contact_name: checked.name.as_deref(),
            contact_phone: checked.phone.as_deref(),
            contact_email: checked.email.as_deref(),
            language,
            campaign: checked.campaign.as_deref(),
            photo_count: request.photo_count,
            institution,
            explanation: &route.explanation,
            submitted_at: now,
            ack_due: route.ack_due,
            answer_due: route.answer_due,
        };
        let after = json!({ "status": "submitted", "institution_id": institution });
        // The complaint and its first audit record in one round trip on PostgreSQL.
        let [tell_citizen, tell_institution, tell_staff] =
            mail::filed_statements(now, &id, &tracking_code);
        let stored = connection.execute_together(&[
            store::insert(&row),
            filed_record(now, &id, &tracking_code, after),
            tell_citizen,
            tell_institution,
            tell_staff,
            pin::make_key_statement()?,
        ])?;
        if stored.first() != Some(&1) {
            if let Some(receipt) = already_filed(connection, &id, device_hash, request_hash)? {
                return Ok((receipt, false));
            }
            continue;
        }
        // The first complaint of a database made the key just now, in the same round trip.
        let pin_key = match &prepared.pin_key {
            Some(key) => Some(key.clone()),
            None => pin::key(connection)?,
        };
        return Ok((
            ComplaintReceipt {
                id: request.id,
                tracking_code,
                status: Status::Submitted,
                institution: route.institution.clone(),
                explanation: route.explanation.clone(),
                due_date: route.answer_due,
                submitted_at: now,
                pin: pin_key.as_deref().map(|key| pin::pin_of(key, &id)),
            },
            true,
        ));
    }
    Err(ServiceError::Internal(
        "no free tracking code in five draws".into(),
    ))
}
