//! A complaint as its author sees it: no internal notes, no staff names. The record with its
//! timeline of citizen-visible steps, the receipt, and what changed since the phone last asked.

use crate::db::Conn;
use protocol::api::{
    ComplaintReceipt, ComplaintRecord, Rating, Status, TimelineEntry, TimelineKind,
};
use uuid::Uuid;

use super::store::{self, parse_date, parse_time};
use crate::services::ServiceError;
use crate::services::audit::citizen_events;
use crate::services::catalog::institution_ref;
use crate::services::citizen_rights::pin;

pub fn receipt(connection: &Conn, id: &str) -> Result<ComplaintReceipt, ServiceError> {
    let record = citizen_record(connection, id)?.ok_or(ServiceError::NotFound)?;
    Ok(ComplaintReceipt {
        id: record.id,
        tracking_code: record.tracking_code,
        status: record.status,
        institution: record.institution,
        explanation: record.explanation,
        due_date: record.due_date,
        submitted_at: record.submitted_at,
        pin: record.pin,
    })
}

/// Complaint `id` as its author sees it, if it exists.
pub fn citizen_record(
    connection: &Conn,
    id: &str,
) -> Result<Option<ComplaintRecord>, ServiceError> {
    let Some(row) = store::citizen_row(connection, id)? else {
        return Ok(None);
    };
    let timeline = timeline(connection, &row.id)?;
    let updated_at = timeline
        .last()
        .map(|e| e.at)
        .unwrap_or(parse_time(&row.submitted_at)?);
    Ok(Some(ComplaintRecord {
        id: Uuid::parse_str(&row.id).map_err(|e| ServiceError::Internal(e.to_string()))?,
        tracking_code: row.tracking_code,
        category: row.category,
        status: store::status(&row.status)?,
        institution: institution_ref(connection, &row.institution)?,
        explanation: row.explanation,
        due_date: parse_date(&row.answer_due)?,
        submitted_at: parse_time(&row.submitted_at)?,
        updated_at,
        resolved_at: row.closed_at.as_deref().map(parse_time).transpose()?,
        rating: row.rating_stars.map(|stars| Rating {
            stars,
            comment: row.rating_comment,
        }),
        timeline,
        contact_held: row.contact_held,
        pin: pin::key(connection)?.map(|key| pin::pin_of(&key, &row.id)),
    }))
}

fn timeline(connection: &Conn, id: &str) -> Result<Vec<TimelineEntry>, ServiceError> {
    let mut entries = Vec::new();
    let mut status = Status::Submitted;
    for event in citizen_events(connection, id)? {
        let after: serde_json::Value = event
            .after
            .as_deref()
            .and_then(|a| serde_json::from_str(a).ok())
            .unwrap_or_default();
        if let Some(s) = after["status"].as_str().and_then(|s| s.parse().ok()) {
            status = s;
        }
        let kind = match event.action.as_str() {
            "submitted" => TimelineKind::Submitted,
            "replied" => TimelineKind::Reply,
            "transferred" => TimelineKind::Transferred,
            "rated" => TimelineKind::Rated,
            "reopened" => TimelineKind::Reopened,
            "escalated" => TimelineKind::Escalated,
            "asked" => TimelineKind::Question,
            "citizen_wrote" => TimelineKind::CitizenMessage,
            _ => TimelineKind::StatusChanged,
        };
        let institution = match (kind, after["institution_id"].as_str()) {
            (TimelineKind::Transferred, Some(to)) => Some(institution_ref(connection, to)?),
            (TimelineKind::Escalated, _) => match after["escalated_to"].as_str() {
                Some(to) => Some(institution_ref(connection, to)?),
                None => None,
            },
            _ => None,
        };
        entries.push(TimelineEntry {
            at: parse_time(&event.at)?,
            kind,
            status,
            text: event.text,
            institution,
        });
    }
    Ok(entries)
}

/// The device's complaints that changed after event `since`, and the cursor to send next time.
pub fn changed_since(
    connection: &Conn,
    device_hash: &str,
    since: i64,
) -> Result<(Vec<ComplaintRecord>, i64), ServiceError> {
    let rows = store::changed_for_device(connection, device_hash, since)?;
    let cursor = rows.iter().map(|(_, e)| *e).max().unwrap_or(since);
    let mut records = Vec::with_capacity(rows.len());
    for (id, _) in &rows {
        records.extend(citizen_record(connection, id)?);
    }
    Ok((records, cursor))
}
