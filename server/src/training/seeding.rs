//! Seeding a fresh sandbox: the trainee's own account, and complaints for their institution:
//! three of its own, and one a wrong routing rule sent there, to transfer to whoever is
//! responsible.

use crate::db::Conn;
use chrono::{DateTime, Duration, Utc};
use protocol::api::{ApiLanguage, Location, NewComplaint};

use crate::auth::{self, Role};
use crate::services::ServiceError;
use crate::services::accounts::{NewAccount, insert_account};
use crate::services::routing_rules::{self, RoutingRule};
use crate::services::training::{TRAINEE_USERNAME, record_exercise_setup};
use crate::services::{categories, institutions};

/// Categories tried, in order, for the complaint a wrong rule sends to the trainee: each is
/// plainly another body's business for most institutions.
const MISROUTED_CANDIDATES: &[&str] = &[
    "water_supply",
    "hospital_care",
    "civil_documents",
    "street_lighting",
    "schools",
];

/// In a fresh sandbox: the trainee's account, and complaints for their institution: three of
/// its own, and one a wrong routing rule sent there, to transfer to whoever is responsible.
pub(super) fn prepare_exercises(
    c: &Conn,
    locator: &crate::locate::Locator,
    trainee_name: &str,
    institution_id: &str,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let trainee = insert_account(
        c,
        &NewAccount {
            username: TRAINEE_USERNAME.into(),
            display_name: trainee_name.into(),
            password: String::new(),
            role: Role::Staff,
            institution_id: Some(institution_id.to_owned()),
        },
        password_hash,
    )?;
    let municipality = institutions::seat(c, institution_id)?.ok_or(ServiceError::NotFound)?;
    let categories = categories::active_ids(c)?;
    let routed_to = |c: &Conn, category: &str| {
        crate::routing::route(c, category, &municipality).map(|(to, _)| to)
    };
    let mut own: Vec<String> = Vec::new();
    for category in &categories {
        if own.len() < 3 && routed_to(c, category)? == institution_id {
            own.push(category.clone());
        }
    }
    let misrouted = MISROUTED_CANDIDATES
        .iter()
        .chain(
            categories
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .iter(),
        )
        .find(|k| routed_to(c, k).is_ok_and(|to| to != institution_id))
        .map(|k| (*k).to_owned())
        .ok_or(ServiceError::Internal(
            "no category belongs elsewhere".into(),
        ))?;
    let misrouted_to = routed_to(c, &misrouted)?;
    // An institution no category goes to (a ministry, say) practises on complaints a rule
    // sends it, like the wrong one, but for categories that are no one else's here.
    let fillers: Vec<String> = categories
        .iter()
        .filter(|k| **k != misrouted && !own.contains(k))
        .take(3 - own.len())
        .cloned()
        .collect();

    // The writer runs this inside its transaction: all of it is stored, or none.
    let rule = |tx: &Conn, category: &str| {
        let rule = RoutingRule {
            id: 0,
            category_id: category.to_owned(),
            municipality_id: Some(municipality.clone()),
            target: format!("institution:{institution_id}"),
            priority: routing_rules::MAX_PRIORITY,
        };
        routing_rules::insert_unaudited(tx, &rule, now)
    };
    let mut filed = Vec::new();
    let mut temporary_rules = Vec::new();
    for (n, category) in own.iter().chain(&fillers).chain([&misrouted]).enumerate() {
        if fillers.contains(category) || *category == misrouted {
            temporary_rules.push(rule(c, category)?);
        }
        let language = [ApiLanguage::Sq, ApiLanguage::Sr, ApiLanguage::En][n % 3];
        let description = crate::demo::citizen_text(category, language).unwrap_or_else(|| {
            match language {
                ApiLanguage::Sq => "Kam një javë që pres përgjigje për këtë çështje dhe askush nuk më thotë asgjë. Ju lutem shikojeni.",
                ApiLanguage::Sr => "Već nedelju dana čekam odgovor o ovome i niko mi ništa ne kaže. Molim vas da pogledate.",
                ApiLanguage::En => "I have been waiting a week for an answer about this and nobody tells me anything. Please look into it.",
            }
            .to_owned()
        });
        let request = NewComplaint {
            id: uuid::Uuid::new_v4(),
            category: category.clone(),
            description,
            location: Location::Municipality {
                id: municipality.clone(),
            },
            contact: None,
            photo_count: 0,
            language,
            campaign: None,
        };
        let submitted = now - Duration::minutes(40 + 25 * n as i64);
        let device = auth::sha256_hex(format!("training-exercise-{n}").as_bytes());
        let hash = crate::services::complaints::request_hash(&request);
        let (receipt, _) =
            crate::services::complaints::file(c, locator, &device, &request, &hash, submitted)?;
        filed.push(receipt.id.to_string());
    }
    for id in temporary_rules {
        routing_rules::delete_unaudited(c, id)?;
    }
    let misrouted_id = filed
        .pop()
        .ok_or(ServiceError::Internal("nothing filed".into()))?;
    record_exercise_setup(c, trainee, &filed, &misrouted_id, &misrouted_to)?;
    Ok(())
}
