//! The life of one demo complaint after it is filed, decided by the seed: left untouched (many
//! overdue), passed to the institution responsible, acknowledged, started, answered, resolved
//! or rejected, rated, reopened and taken up again.

use crate::db::Conn;
use chrono::{DateTime, Duration, Utc};
use protocol::api::{ApiLanguage, RatingRequest, ReopenRequest};

use super::Rng;
use crate::auth::StaffMember;
use crate::services::ServiceError;
use crate::services::complaints::{self, NewRating, Reopening};
use crate::services::workflow::{self, Action};

/// A demo complaint just filed.
pub(super) struct Filed {
    /// Its number in the demo.
    pub n: u64,
    pub id: String,
    /// The device that filed it (its hash).
    pub device: String,
    pub category: &'static str,
    pub institution: String,
    pub language: ApiLanguage,
    pub submitted: DateTime<Utc>,
}

/// Carries complaint `filed` through the steps the seed picks for it, `worker` acting for its
/// institution, each step at a time after the last and before `now`.
pub(super) fn live(
    c: &Conn,
    rng: &mut Rng,
    filed: &Filed,
    worker: &StaffMember,
    now: DateTime<Utc>,
) -> Result<(), String> {
    let error = |e: ServiceError| e.to_string();
    let id = &filed.id;
    let age_hours = (now - filed.submitted).num_hours();
    let mut at = filed.submitted;
    let mut step = |rng: &mut Rng, max_hours: u64| {
        at += Duration::minutes(30 + rng.below(max_hours * 60) as i64);
        at.min(now - Duration::minutes(5))
    };
    // Roughly: a tenth untouched (many overdue), the rest acknowledged, most answered.
    let fate = rng.below(100);
    if fate < 10 || age_hours < 6 {
        return Ok(());
    }
    let apply = |c: &Conn, action: Action, at: DateTime<Utc>| {
        workflow::apply(c, worker, id, action, at).map_err(error)
    };
    if fate < 16 {
        // Misrouted: the municipality passes it to the water company or the ministry.
        let to = if filed.category == "water_supply" {
            "kru_prishtina"
        } else {
            "msh"
        };
        if to != filed.institution {
            let reason = "Kjo nuk është në kompetencë të kësaj drejtorie; po e dërgojmë te institucioni përgjegjës.";
            let transfer = Action::Transfer {
                institution_id: to.into(),
                reason: reason.into(),
            };
            return apply(c, transfer, step(rng, 30));
        }
    }
    apply(c, Action::Acknowledge, step(rng, 30))?;
    if fate < 30 {
        return Ok(());
    }
    apply(c, Action::Start, step(rng, 48))?;
    let language = filed.language;
    if fate < 45 {
        let reply = match language {
            ApiLanguage::Sq => {
                "Faleminderit për njoftimin. Ekipi ynë do ta vizitojë vendin këtë javë."
            }
            ApiLanguage::Sr => "Hvala na prijavi. Naša ekipa će izaći na teren ove nedelje.",
            ApiLanguage::En => {
                "Thank you for reporting this. Our team will visit the site this week."
            }
        };
        return apply(c, Action::Reply { text: reply.into() }, step(rng, 48));
    }
    let closed_at = step(rng, 120);
    if fate < 88 {
        let reason = match language {
            ApiLanguage::Sq => "Problemi u rregullua nga ekipi ynë. Ju faleminderit për durimin.",
            ApiLanguage::Sr => "Naša ekipa je otklonila problem. Hvala na strpljenju.",
            ApiLanguage::En => "Our team has fixed the problem. Thank you for your patience.",
        };
        let resolve = Action::Resolve {
            reason: reason.into(),
        };
        apply(c, resolve, closed_at)?;
    } else {
        let reason = match language {
            ApiLanguage::Sq => "Pas verifikimit në terren nuk u gjet problemi i përshkruar.",
            ApiLanguage::Sr => "Nakon provere na terenu opisani problem nije pronađen.",
            ApiLanguage::En => "An inspection on site did not find the problem described.",
        };
        let reject = Action::Reject {
            reason: reason.into(),
        };
        apply(c, reject, closed_at)?;
    }
    if rng.chance(45) {
        let stars = if fate < 88 {
            3 + rng.below(3)
        } else {
            1 + rng.below(2)
        } as u8;
        let rating = NewRating::parse(
            id,
            &RatingRequest {
                stars,
                comment: None,
            },
        )
        .map_err(error)?;
        let rated_at = (closed_at + Duration::hours(5)).min(now);
        complaints::rate(c, &filed.device, &rating, rated_at).map_err(error)?;
    }
    // Some citizens find the problem is still there and reopen; the institution has taken
    // some of those up again.
    let reopen_at = closed_at + Duration::hours(6 + rng.below(60) as i64);
    let unhappy = if fate >= 88 { 30 } else { 7 };
    if rng.chance(unhappy) && reopen_at < now - Duration::minutes(30) {
        let reason = match language {
            ApiLanguage::Sq => "Problemi nuk është zgjidhur, gjendja është e njëjtë si më parë.",
            ApiLanguage::Sr => "Problem nije rešen, stanje je isto kao ranije.",
            ApiLanguage::En => "The problem has not been fixed; it is the same as before.",
        };
        let request = ReopenRequest {
            request_id: uuid::Uuid::from_u64_pair(0x2026_0000_0000_0000 | filed.n, 1),
            reason: reason.into(),
        };
        let reopening = Reopening::parse(id, &request).map_err(error)?;
        complaints::reopen(c, &filed.device, &reopening, reopen_at).map_err(error)?;
        if rng.chance(50) {
            let again = (reopen_at + Duration::hours(2 + rng.below(20) as i64))
                .min(now - Duration::minutes(5));
            apply(c, Action::Acknowledge, again)?;
        }
    }
    Ok(())
}
