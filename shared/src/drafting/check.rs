//! The field-by-field check that turns a draft into the request that files it.

use uuid::Uuid;

use crate::api::{Contact, Location, NewComplaint};
use crate::domain::{self, Description, InputError};
use crate::model::{DraftLocation, Model};

/// What is wrong with each field of a draft.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct DraftErrors {
    pub category: Option<InputError>,
    pub description: Option<InputError>,
    pub location: Option<InputError>,
    pub name: Option<InputError>,
    pub phone: Option<InputError>,
    pub email: Option<InputError>,
    pub contact: Option<InputError>,
}

impl DraftErrors {
    pub fn is_empty(&self) -> bool {
        *self == DraftErrors::default()
    }
}

/// Checks the draft and, if it is complete, builds the request that files it.
pub fn check(model: &Model) -> Result<NewComplaint, DraftErrors> {
    let draft = &model.draft;
    let mut errors = DraftErrors::default();

    let category = match &draft.category {
        None => {
            errors.category = Some(InputError::CategoryMissing);
            None
        }
        Some(id) if !model.catalog.has_category(id) => {
            errors.category = Some(InputError::CategoryUnknown);
            None
        }
        Some(id) => Some(id.clone()),
    };
    let description = Description::parse(&draft.description)
        .map_err(|e| errors.description = Some(e))
        .ok();
    let location = match &draft.location {
        _ if draft.location_error.is_some() => {
            errors.location = draft.location_error;
            None
        }
        DraftLocation::None => {
            errors.location = Some(InputError::LocationMissing);
            None
        }
        DraftLocation::Gps { lat, lon } => Some(Location::Gps {
            lat: *lat,
            lon: *lon,
        }),
        DraftLocation::Municipality { id } => Some(Location::Municipality { id: id.clone() }),
    };
    let contact = if draft.anonymous {
        None
    } else {
        let name = domain::parse_name(&draft.contact_name)
            .map_err(|e| errors.name = Some(e))
            .ok()
            .flatten();
        let phone = domain::parse_phone(&draft.contact_phone).map_err(|e| errors.phone = Some(e));
        let email = domain::parse_email(&draft.contact_email).map_err(|e| errors.email = Some(e));
        if matches!((&phone, &email), (Ok(None), Ok(None))) {
            errors.contact = Some(InputError::ContactMissing);
        }
        Some(Contact {
            name,
            phone: phone.ok().flatten(),
            email: email.ok().flatten(),
        })
    };

    match (category, description, location) {
        (Some(category), Some(description), Some(location)) if errors.is_empty() => {
            Ok(NewComplaint {
                id: draft.id.unwrap_or_else(Uuid::new_v4),
                category,
                description: description.into_inner(),
                location,
                contact,
                photo_count: u8::try_from(draft.photos.len()).unwrap_or(u8::MAX),
                language: model.settings.language.api(),
                campaign: model
                    .settings
                    .campaign
                    .as_ref()
                    .and_then(|visit| visit.code_at(model.now))
                    .map(str::to_owned),
            })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::ready;
    use super::*;
    use crate::model::CampaignVisit;

    #[test]
    fn a_blank_draft_names_every_missing_field() {
        let errors = check(&ready()).unwrap_err();
        assert_eq!(errors.category, Some(InputError::CategoryMissing));
        assert!(errors.description.is_some());
        assert_eq!(errors.location, Some(InputError::LocationMissing));
        assert_eq!(errors.contact, Some(InputError::ContactMissing));
    }

    #[test]
    fn a_complete_draft_becomes_the_request_with_its_campaign() {
        let mut model = ready();
        model.draft.id = Some(Uuid::from_u128(5));
        model.draft.category = Some("water_supply".into());
        model.draft.description = "No water in Dardania since Monday".into();
        model.draft.location = DraftLocation::Municipality {
            id: "gjilan".into(),
        };
        model.draft.contact_email = "arta@example.com".into();
        model.settings.campaign = Some(CampaignVisit {
            code: "PR-2026".into(),
            opened_at: None,
            reported: true,
        });
        let complaint = check(&model).unwrap();
        assert_eq!(complaint.id, Uuid::from_u128(5));
        assert_eq!(complaint.campaign.as_deref(), Some("PR-2026"));
        assert_eq!(
            complaint.contact.unwrap().email.as_deref(),
            Some("arta@example.com")
        );
    }
}
