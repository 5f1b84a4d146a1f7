//! The new-complaint screen: the draft's fields with their messages, the category search, the
//! location (GPS, a municipality, or a pin on the map), photos and contact details.

use super::format::level_label;
use crate::api::limits;
use crate::catalog::fold;
use crate::domain::InputError;
use crate::drafting::{self, DraftErrors, GpsProblem};
use crate::i18n::{Localizer, input_error};
use crate::model::{DraftLocation, Model};
use crate::view_model::*;

/// Where a map opens when nothing is chosen yet: the middle of Kosovo.
const KOSOVO_CENTER: (f64, f64) = (42.58, 20.90);

pub(super) fn draft(l: &Localizer, model: &Model) -> DraftView {
    let d = &model.draft;
    let errors = if d.show_errors {
        drafting::check(model).err().unwrap_or_default()
    } else {
        DraftErrors::default()
    };
    let err = |e: Option<InputError>| e.map(|e| input_error(l, e));
    let text_field =
        |label: &str, value: &str, hint: String, error: Option<InputError>| TextFieldView {
            label: l.t(label),
            value: value.to_owned(),
            hint,
            error: err(error),
        };

    DraftView {
        title: l.t("draft-title"),
        category: category(l, model, err(errors.category)),
        description: text_field(
            "description-label",
            &d.description,
            l.format(
                "description-hint",
                &[
                    ("count", d.description.trim().chars().count().into()),
                    ("max", limits::DESCRIPTION_MAX_CHARS.into()),
                ],
            ),
            errors.description,
        ),
        // A GPS problem is news the moment it happens, not only after "send".
        location: location(l, model, err(d.location_error.or(errors.location))),
        photos: photos(l, model),
        anonymous: ToggleView {
            label: l.t("anonymous-label"),
            value: d.anonymous,
            explanation: l.t(if d.anonymous {
                "anonymous-on"
            } else {
                "anonymous-off"
            }),
        },
        show_contact: !d.anonymous,
        contact_name: text_field(
            "contact-name",
            &d.contact_name,
            l.t("contact-name-hint"),
            errors.name,
        ),
        contact_phone: text_field(
            "contact-phone",
            &d.contact_phone,
            l.t("contact-phone-hint"),
            errors.phone,
        ),
        contact_email: text_field(
            "contact-email",
            &d.contact_email,
            String::new(),
            errors.email,
        ),
        contact_error: err(errors.contact),
        submit_label: l.t(if d.submitting {
            "draft-submitting"
        } else {
            "draft-submit"
        }),
        can_submit: !d.submitting && d.photos_saving == 0,
        submitting: d.submitting,
        discard_label: l.t("draft-discard"),
    }
}

/// The categories that match the search (in any language, without diacritics).
fn category(l: &Localizer, model: &Model, error: Option<String>) -> CategoryFieldView {
    let d = &model.draft;
    let language = model.settings.language;
    let query = fold(d.category_query.trim());
    let options: Vec<ChoiceOption> = model
        .catalog
        .categories()
        .filter(|(_, names)| names.matches(&query))
        .map(|(c, names)| ChoiceOption {
            id: c.id.clone(),
            label: names.name.get(language).to_owned(),
            detail: level_label(l, c.level),
            selected: d.category.as_deref() == Some(c.id.as_str()),
        })
        .collect();
    CategoryFieldView {
        label: l.t("category-label"),
        search_label: l.t("category-search"),
        query: d.category_query.clone(),
        no_match: options.is_empty().then(|| l.t("category-no-match")),
        options,
        selected: d.category.as_deref().map(|id| {
            model
                .catalog
                .category_name(id, language)
                .unwrap_or(id)
                .to_owned()
        }),
        error,
    }
}

fn location(l: &Localizer, model: &Model, error: Option<String>) -> LocationFieldView {
    let d = &model.draft;
    let language = model.settings.language;
    let summary = match &d.location {
        DraftLocation::None => None,
        DraftLocation::Gps { lat, lon } => Some(l.format(
            "location-gps-summary",
            &[
                ("lat", format!("{lat:.5}").into()),
                ("lon", format!("{lon:.5}").into()),
            ],
        )),
        DraftLocation::Municipality { id } => {
            let name = model
                .catalog
                .municipality_name(id, language)
                .unwrap_or_default();
            Some(l.format("location-municipality-summary", &[("name", name.into())]))
        }
    };
    let (center_lat, center_lon) = match &d.location {
        DraftLocation::Gps { lat, lon } => (*lat, *lon),
        _ => KOSOVO_CENTER,
    };
    LocationFieldView {
        label: l.t("location-label"),
        use_gps_label: l.t("location-use-gps"),
        summary,
        municipality_label: l.t("location-municipality"),
        municipality_placeholder: l.t("location-municipality-placeholder"),
        municipalities: model
            .catalog
            .municipalities()
            .map(|(m, name)| ChoiceOption {
                id: m.id.clone(),
                label: name.get(language).to_owned(),
                detail: String::new(),
                selected: matches!(&d.location, DraftLocation::Municipality { id } if *id == m.id),
            })
            .collect(),
        error,
        gps_problem: d.gps_problem.map(|problem| {
            l.t(match problem {
                GpsProblem::SwitchedOff => "location-off",
                GpsProblem::PermissionDenied => "location-denied",
                GpsProblem::NoFix => "location-no-fix",
            })
        }),
        gps_settings: d.gps_problem.and_then(|problem| {
            let page = match problem {
                GpsProblem::SwitchedOff => GpsSettingsPage::LocationServices,
                GpsProblem::PermissionDenied => GpsSettingsPage::AppPermissions,
                GpsProblem::NoFix => return None,
            };
            Some(GpsSettingsView {
                label: l.t("location-open-settings"),
                page,
            })
        }),
        map: MapPickerView {
            open_label: l.t("location-map"),
            hint: l.t("location-map-hint"),
            confirm_label: l.t("location-map-confirm"),
            cancel_label: l.t("location-map-cancel"),
            center_lat,
            center_lon,
            attribution: "© OpenStreetMap contributors".to_owned(),
        },
    }
}

fn photos(l: &Localizer, model: &Model) -> PhotosFieldView {
    let d = &model.draft;
    PhotosFieldView {
        label: l.t("photos-label"),
        hint: l.format("photos-hint", &[("max", limits::MAX_PHOTOS.into())]),
        items: d
            .photos
            .iter()
            .enumerate()
            .map(|(i, p)| PhotoItemView {
                index: i as u32,
                label: l.format(
                    "photo-item",
                    &[
                        ("number", (i + 1).into()),
                        ("size", format!("{}", p.size.div_ceil(1024)).into()),
                    ],
                ),
                remove_label: l.t("action-remove"),
            })
            .collect(),
        add_label: l.t("photos-add"),
        can_add: !d.submitting
            && d.photos.len() + usize::from(d.photos_saving) < limits::MAX_PHOTOS,
    }
}
