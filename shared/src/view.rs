//! Builds the [`ViewModel`] from the [`Model`]: picks the words in the citizen's language,
//! formats dates in Kosovo time, and decides what each screen offers.

use uuid::Uuid;

use crate::api::{ComplaintRecord, Status, TimelineKind, limits};
use crate::calendar::within_reopen_window;
use crate::domain::InputError;
use crate::drafting::{self, DraftErrors};
use crate::i18n::{Language, Localizer, cyrillic::to_cyrillic, input_error, pick};
use crate::model::{DraftLocation, Form, Model, Notice, OutboxAction, OutboxItem, Stage};
use crate::time::{format_date, format_time, kosovo_date};
use crate::view_model::*;

/// Where a map opens when nothing is chosen yet: the middle of Kosovo.
const KOSOVO_CENTER: (f64, f64) = (42.58, 20.90);

pub fn view(model: &Model) -> ViewModel {
    let l = crate::i18n::localizer(model.settings.language);
    ViewModel {
        screen: model.screen,
        language: model.settings.language,
        app_name: l.t("app-name"),
        notice: model.notice.as_ref().map(|n| notice(&l, n)),
        navigation: navigation(&l, model),
        load_failed: (model.screen == Screen::LoadFailed).then(|| LoadFailedView {
            message: l.t("load-failed"),
            retry_label: l.t("action-retry"),
        }),
        welcome: WelcomeView {
            title: l.t("welcome-title"),
            intro: l.t("welcome-intro"),
            privacy_title: l.t("privacy-title"),
            privacy_text: l.t("privacy-text"),
            language_label: l.t("language-label"),
            languages: languages(model.settings.language),
            continue_label: l.t("welcome-continue"),
        },
        home: HomeView {
            title: l.t("home-title"),
            intro: l.t("home-intro"),
            new_complaint_label: l.t("nav-new-complaint"),
            my_complaints_label: l.t("nav-my-complaints"),
            outbox_summary: {
                let waiting = model
                    .outbox
                    .iter()
                    .filter(|i| matches!(i.action, OutboxAction::Submit { .. }))
                    .count();
                (waiting > 0).then(|| l.format("outbox-count", &[("count", waiting.into())]))
            },
        },
        draft: draft(&l, model),
        my_complaints: my_complaints(&l, model),
        detail: model.open_complaint.and_then(|id| detail(&l, model, id)),
        settings: SettingsView {
            title: l.t("settings-title"),
            language_label: l.t("language-label"),
            languages: languages(model.settings.language),
            privacy_title: l.t("privacy-title"),
            privacy_text: l.t("privacy-text"),
        },
    }
}

fn languages(current: Language) -> Vec<LanguageOption> {
    Language::ALL
        .iter()
        .map(|&language| LanguageOption {
            language,
            label: language.autonym().to_owned(),
            selected: language == current,
        })
        .collect()
}

fn navigation(l: &Localizer, model: &Model) -> NavigationView {
    let title = match model.screen {
        Screen::Loading | Screen::LoadFailed | Screen::Welcome | Screen::Home => l.t("app-name"),
        Screen::NewComplaint => l.t("draft-title"),
        Screen::MyComplaints => l.t("my-complaints-title"),
        Screen::ComplaintDetail => l.t("detail-title"),
        Screen::Settings => l.t("settings-title"),
    };
    NavigationView {
        title,
        back_label: l.t("action-back"),
        can_go_back: matches!(
            model.screen,
            Screen::NewComplaint
                | Screen::MyComplaints
                | Screen::ComplaintDetail
                | Screen::Settings
        ),
        home_label: l.t("nav-home"),
        new_complaint_label: l.t("nav-new-complaint"),
        my_complaints_label: l.t("nav-my-complaints"),
        settings_label: l.t("nav-settings"),
    }
}

/// What to tell the citizen when the server refused something: our own words for errors we
/// know, else the server's message (it answers in the language we asked for).
fn refusal(l: &Localizer, code: &str, message: &str) -> String {
    if let Some(error) = InputError::from_code(code) {
        return input_error(l, error);
    }
    let id = format!("server-error-{}", code.replace('_', "-"));
    if l.has(&id) {
        l.t(&id)
    } else if !message.trim().is_empty() {
        message.trim().to_owned()
    } else {
        l.t("server-error-unknown")
    }
}

fn notice(l: &Localizer, notice: &Notice) -> NoticeView {
    let (kind, text) = match notice {
        Notice::Queued => (NoticeKind::Success, l.t("notice-queued")),
        Notice::Sent { tracking_code } => (
            NoticeKind::Success,
            l.format("notice-sent", &[("code", tracking_code.as_str().into())]),
        ),
        Notice::DraftSaveFailed => (NoticeKind::Error, l.t("notice-draft-save-failed")),
        Notice::QueueSaveFailed => (NoticeKind::Error, l.t("notice-queue-save-failed")),
        Notice::PhotoRefused(error) => (NoticeKind::Error, input_error(l, *error)),
        Notice::PhotoSaveFailed => (NoticeKind::Error, l.t("notice-photo-save-failed")),
        Notice::RefreshFailed => (NoticeKind::Info, l.t("notice-refresh-failed")),
        Notice::FinishDraftFirst => (NoticeKind::Info, l.t("notice-finish-draft-first")),
        Notice::RatingQueued => (NoticeKind::Success, l.t("notice-rating-queued")),
        Notice::ReopenQueued => (NoticeKind::Success, l.t("notice-reopen-queued")),
    };
    NoticeView {
        kind,
        text,
        dismiss_label: l.t("action-dismiss"),
    }
}

/// Lower case without diacritics, so "ujë", "uje" and "UJE" all match.
fn fold(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'ë' | 'é' | 'è' => 'e',
            'ç' | 'č' | 'ć' => 'c',
            'š' => 's',
            'ž' => 'z',
            'đ' => 'd',
            _ => c,
        })
        .collect()
}

fn category_name(model: &Model, id: &str) -> String {
    model
        .catalog
        .categories
        .iter()
        .find(|c| c.id == id)
        .map(|c| pick(&c.name, model.settings.language))
        .unwrap_or_else(|| id.to_owned())
}

fn level_label(l: &Localizer, level: crate::api::ResponsibleLevel) -> String {
    use crate::api::ResponsibleLevel::*;
    l.t(match level {
        Municipal => "level-municipal",
        Central => "level-central",
        PublicEnterprise => "level-public-enterprise",
        PrivateOperator => "level-private-operator",
        Independent => "level-independent",
        Judiciary => "level-judiciary",
    })
}

fn draft(l: &Localizer, model: &Model) -> DraftView {
    let d = &model.draft;
    let language = model.settings.language;
    let errors = if d.show_errors {
        drafting::check(model).err().unwrap_or_default()
    } else {
        DraftErrors::default()
    };
    let err = |e: Option<InputError>| e.map(|e| input_error(l, e));

    let query = fold(d.category_query.trim());
    let options: Vec<ChoiceOption> = model
        .catalog
        .categories
        .iter()
        .filter(|c| {
            query.is_empty()
                || [&c.name.sq, &c.name.sr, &c.name.en, &to_cyrillic(&c.name.sr)]
                    .iter()
                    .any(|name| fold(name).contains(&query))
        })
        .map(|c| ChoiceOption {
            id: c.id.clone(),
            label: pick(&c.name, language),
            detail: level_label(l, c.level),
            selected: d.category.as_deref() == Some(c.id.as_str()),
        })
        .collect();

    let municipality_name = |id: &str| {
        model
            .catalog
            .municipalities
            .iter()
            .find(|m| m.id == id)
            .map(|m| pick(&m.name, language))
            .unwrap_or_default()
    };
    let location_summary = match &d.location {
        DraftLocation::None => None,
        DraftLocation::Gps { lat, lon } => Some(l.format(
            "location-gps-summary",
            &[
                ("lat", format!("{lat:.5}").into()),
                ("lon", format!("{lon:.5}").into()),
            ],
        )),
        DraftLocation::Municipality { id } => Some(l.format(
            "location-municipality-summary",
            &[("name", municipality_name(id).into())],
        )),
    };
    // A GPS problem is news the moment it happens, not only after "send".
    let location_error = d.location_error.or(errors.location);

    let text_field =
        |label: &str, value: &str, hint: String, error: Option<InputError>| TextFieldView {
            label: l.t(label),
            value: value.to_owned(),
            hint,
            error: err(error),
        };

    DraftView {
        title: l.t("draft-title"),
        category: CategoryFieldView {
            label: l.t("category-label"),
            search_label: l.t("category-search"),
            query: d.category_query.clone(),
            no_match: options.is_empty().then(|| l.t("category-no-match")),
            options,
            selected: d.category.as_deref().map(|id| category_name(model, id)),
            error: err(errors.category),
        },
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
        location: LocationFieldView {
            label: l.t("location-label"),
            use_gps_label: l.t("location-use-gps"),
            summary: location_summary,
            municipality_label: l.t("location-municipality"),
            municipalities: model
                .catalog
                .municipalities
                .iter()
                .map(|m| ChoiceOption {
                    id: m.id.clone(),
                    label: pick(&m.name, language),
                    detail: String::new(),
                    selected: matches!(&d.location, DraftLocation::Municipality { id } if *id == m.id),
                })
                .collect(),
            error: err(location_error),
            map: {
                let (center_lat, center_lon) = match &d.location {
                    DraftLocation::Gps { lat, lon } => (*lat, *lon),
                    _ => KOSOVO_CENTER,
                };
                MapPickerView {
                    open_label: l.t("location-map"),
                    hint: l.t("location-map-hint"),
                    confirm_label: l.t("location-map-confirm"),
                    cancel_label: l.t("location-map-cancel"),
                    center_lat,
                    center_lon,
                    attribution: "© OpenStreetMap contributors".to_owned(),
                }
            },
        },
        photos: PhotosFieldView {
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
                        &[("number", (i + 1).into()), ("size", format!("{}", p.size.div_ceil(1024)).into())],
                    ),
                    remove_label: l.t("action-remove"),
                })
                .collect(),
            add_label: l.t("photos-add"),
            can_add: !d.submitting && d.photos.len() + usize::from(d.photos_saving) < limits::MAX_PHOTOS,
        },
        anonymous: ToggleView {
            label: l.t("anonymous-label"),
            value: d.anonymous,
            explanation: l.t(if d.anonymous { "anonymous-on" } else { "anonymous-off" }),
        },
        show_contact: !d.anonymous,
        contact_name: text_field("contact-name", &d.contact_name, l.t("contact-name-hint"), errors.name),
        contact_phone: text_field("contact-phone", &d.contact_phone, l.t("contact-phone-hint"), errors.phone),
        contact_email: text_field("contact-email", &d.contact_email, String::new(), errors.email),
        contact_error: err(errors.contact),
        submit_label: l.t(if d.submitting { "draft-submitting" } else { "draft-submit" }),
        can_submit: !d.submitting && d.photos_saving == 0,
        submitting: d.submitting,
        discard_label: l.t("draft-discard"),
    }
}

fn complaint_reference(model: &Model, complaint: Uuid) -> String {
    model
        .complaint(complaint)
        .map(|c| c.tracking_code.clone())
        .unwrap_or_default()
}

fn outbox_item(
    l: &Localizer,
    model: &Model,
    item: &OutboxItem,
    sending: Option<Uuid>,
) -> OutboxItemView {
    let (title, summary) = match &item.action {
        OutboxAction::Submit { complaint, .. } => {
            let mut summary: String = complaint.description.chars().take(80).collect();
            if complaint.description.chars().count() > 80 {
                summary.push('…');
            }
            (category_name(model, &complaint.category), summary)
        }
        OutboxAction::Rate {
            complaint, stars, ..
        } => (
            l.format(
                "outbox-rating",
                &[("code", complaint_reference(model, *complaint).into())],
            ),
            "★".repeat(usize::from(*stars)),
        ),
        OutboxAction::Reopen { complaint, reason } => (
            l.format(
                "outbox-reopen",
                &[("code", complaint_reference(model, *complaint).into())],
            ),
            reason.chars().take(80).collect(),
        ),
    };
    let (state, state_label, error) = match &item.stage {
        _ if !model.is_durable(item) => (OutboxState::Saving, l.t("outbox-saving"), None),
        Stage::Rejected { code, message } => (
            OutboxState::Rejected,
            l.t("outbox-rejected"),
            Some(refusal(l, code, message)),
        ),
        Stage::UploadingPhotos { done } => {
            let total = match &item.action {
                OutboxAction::Submit { photos, .. } => photos.len(),
                _ => 0,
            };
            (
                OutboxState::SendingPhotos,
                l.format(
                    "outbox-sending-photos",
                    &[("done", usize::from(*done).into()), ("total", total.into())],
                ),
                None,
            )
        }
        Stage::Pending if sending == Some(item.id) => {
            (OutboxState::Sending, l.t("outbox-sending"), None)
        }
        Stage::Pending => (OutboxState::Queued, l.t("outbox-queued"), None),
    };
    let rejected = state == OutboxState::Rejected;
    OutboxItemView {
        id: item.id.to_string(),
        title,
        summary,
        state,
        state_label,
        error,
        retry_label: rejected.then(|| l.t("action-retry")),
        edit_label: (rejected && matches!(item.action, OutboxAction::Submit { .. }))
            .then(|| l.t("action-edit")),
        discard_label: rejected.then(|| l.t("action-discard")),
    }
}

fn status_code(status: Status) -> StatusCode {
    match status {
        Status::Submitted => StatusCode::Submitted,
        Status::Received => StatusCode::Received,
        Status::InProgress => StatusCode::InProgress,
        Status::Resolved => StatusCode::Resolved,
        Status::Rejected => StatusCode::Rejected,
        Status::Transferred => StatusCode::Transferred,
        Status::Reopened => StatusCode::Reopened,
    }
}

fn status_label(l: &Localizer, status: Status) -> String {
    l.t(&status.message_id())
}

fn is_overdue(model: &Model, record: &ComplaintRecord) -> bool {
    let open = !matches!(record.status, Status::Resolved | Status::Rejected);
    open && model
        .now
        .is_some_and(|now| kosovo_date(now) > record.due_date)
}

/// Whether the citizen may still reopen a complaint: it was closed (resolved or rejected) at
/// most [`limits::REOPEN_WINDOW_DAYS`] days ago, and no reopening is already waiting to go out.
pub fn can_reopen(model: &Model, complaint: Uuid) -> bool {
    let Some(record) = model.complaint(complaint) else {
        return false;
    };
    if !record.status.is_closed() {
        return false;
    }
    let pending = model
        .outbox
        .iter()
        .any(|i| matches!(&i.action, OutboxAction::Reopen { complaint: c, .. } if *c == complaint));
    let closed_at = record.resolved_at.unwrap_or(record.updated_at);
    let in_window = model
        .now
        .is_none_or(|now| within_reopen_window(closed_at, now));
    !pending && in_window
}

fn card(l: &Localizer, model: &Model, record: &ComplaintRecord) -> ComplaintCardView {
    let language = model.settings.language;
    ComplaintCardView {
        id: record.id.to_string(),
        tracking_code: record.tracking_code.clone(),
        category: category_name(model, &record.category),
        institution: pick(&record.institution.name, language),
        status: status_code(record.status),
        status_label: status_label(l, record.status),
        due_label: l.format(
            "due-by",
            &[("date", format_date(language, record.due_date).into())],
        ),
        overdue: is_overdue(model, record),
        updated_label: l.format(
            "updated-at",
            &[("time", format_time(language, record.updated_at).into())],
        ),
    }
}

/// The item being sent right now, if any.
fn sending_item(model: &Model) -> Option<Uuid> {
    if !model.sync.in_flight {
        return None;
    }
    model
        .outbox
        .iter()
        .find(|i| model.is_durable(i) && !matches!(i.stage, Stage::Rejected { .. }))
        .map(|i| i.id)
}

fn my_complaints(l: &Localizer, model: &Model) -> MyComplaintsView {
    let sending = sending_item(model);
    let mut records: Vec<&ComplaintRecord> = model.complaints.iter().collect();
    records.sort_by_key(|r| std::cmp::Reverse(r.submitted_at));
    let pending: Vec<OutboxItemView> = model
        .outbox
        .iter()
        .map(|i| outbox_item(l, model, i, sending))
        .collect();
    MyComplaintsView {
        title: l.t("my-complaints-title"),
        refresh_label: l.t("action-refresh"),
        refreshing: model.refreshing,
        pending_title: l.t("outbox-title"),
        empty_text: (records.is_empty() && pending.is_empty()).then(|| l.t("my-complaints-empty")),
        pending,
        items: records.into_iter().map(|r| card(l, model, r)).collect(),
    }
}

fn timeline_title(l: &Localizer, language: Language, entry: &crate::api::TimelineEntry) -> String {
    match entry.kind {
        TimelineKind::Submitted => l.t("timeline-submitted"),
        TimelineKind::StatusChanged => l.format(
            "timeline-status",
            &[("status", status_label(l, entry.status).into())],
        ),
        TimelineKind::Reply => l.t("timeline-reply"),
        TimelineKind::Transferred => l.format(
            "timeline-transferred",
            &[(
                "institution",
                entry
                    .institution
                    .as_ref()
                    .map(|i| pick(&i.name, language))
                    .unwrap_or_default()
                    .into(),
            )],
        ),
        TimelineKind::Rated => l.t("timeline-rated"),
        TimelineKind::Reopened => l.t("timeline-reopened"),
    }
}

fn detail(l: &Localizer, model: &Model, id: Uuid) -> Option<ComplaintDetailView> {
    let record = model.complaint(id)?;
    let language = model.settings.language;
    let form_error = |form: Form| {
        model
            .form_error
            .as_ref()
            .filter(|e| e.complaint == id && e.form == form)
            .map(|e| input_error(l, e.error))
    };
    let pending_rating = model.outbox.iter().find_map(|i| match &i.action {
        OutboxAction::Rate {
            complaint, stars, ..
        } if *complaint == id => Some(*stars),
        _ => None,
    });
    let reopen_pending = model
        .outbox
        .iter()
        .any(|i| matches!(&i.action, OutboxAction::Reopen { complaint, .. } if *complaint == id));
    let mut timeline: Vec<_> = record.timeline.iter().collect();
    timeline.sort_by_key(|e| e.at);
    Some(ComplaintDetailView {
        id: id.to_string(),
        tracking_code_label: l.t("tracking-code"),
        tracking_code: record.tracking_code.clone(),
        category: category_name(model, &record.category),
        institution_label: l.t("institution-label"),
        institution: pick(&record.institution.name, language),
        explanation: pick(&record.explanation, language),
        status: status_code(record.status),
        status_label: status_label(l, record.status),
        due_label: l.format(
            "due-by",
            &[("date", format_date(language, record.due_date).into())],
        ),
        overdue: is_overdue(model, record),
        timeline_title: l.t("timeline-title"),
        timeline: timeline
            .into_iter()
            .map(|e| TimelineItemView {
                time_label: format_time(language, e.at),
                title: timeline_title(l, language, e),
                text: e.text.clone(),
            })
            .collect(),
        rating: record.status.is_closed().then(|| RatingFormView {
            prompt: l.t("rating-prompt"),
            stars_label: l.t("rating-stars"),
            current_stars: pending_rating
                .or(record.rating.as_ref().map(|r| r.stars))
                .unwrap_or(0),
            comment_label: l.t("rating-comment"),
            submit_label: l.t("rating-submit"),
            pending: pending_rating.map(|_| l.t("outbox-queued")),
            error: form_error(Form::Rating),
        }),
        reopen: (can_reopen(model, id) || reopen_pending).then(|| ReopenFormView {
            prompt: l.format(
                "reopen-prompt",
                &[("days", limits::REOPEN_WINDOW_DAYS.into())],
            ),
            reason_label: l.t("reopen-reason"),
            submit_label: l.t("reopen-submit"),
            pending: reopen_pending.then(|| l.t("outbox-queued")),
            error: form_error(Form::Reopen),
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ResponsibleLevel;

    fn assert_complete(text: &str) {
        assert!(
            !text.contains('⟦') && !text.contains("{ $") && !text.contains("{$"),
            "{text}"
        );
        assert!(!text.trim().is_empty());
    }

    #[test]
    fn every_notice_status_level_and_error_reads_well_in_every_language() {
        let notices = [
            Notice::Queued,
            Notice::Sent {
                tracking_code: "ZR-7K3M".into(),
            },
            Notice::DraftSaveFailed,
            Notice::QueueSaveFailed,
            Notice::PhotoRefused(InputError::PhotoTooLarge),
            Notice::PhotoSaveFailed,
            Notice::RefreshFailed,
            Notice::FinishDraftFirst,
            Notice::RatingQueued,
            Notice::ReopenQueued,
        ];
        let statuses = [
            Status::Submitted,
            Status::Received,
            Status::InProgress,
            Status::Resolved,
            Status::Rejected,
            Status::Transferred,
            Status::Reopened,
        ];
        let levels = [
            ResponsibleLevel::Municipal,
            ResponsibleLevel::Central,
            ResponsibleLevel::PublicEnterprise,
            ResponsibleLevel::PrivateOperator,
            ResponsibleLevel::Independent,
            ResponsibleLevel::Judiciary,
        ];
        for language in Language::ALL {
            let l = crate::i18n::localizer(language);
            for n in &notices {
                assert_complete(&notice(&l, n).text);
            }
            for s in statuses {
                assert_complete(&status_label(&l, s));
            }
            for level in levels {
                assert_complete(&level_label(&l, level));
            }
            for e in InputError::ALL {
                assert_complete(&input_error(&l, e));
            }
            for code in [
                "reopen_window_closed",
                "not_closed",
                "complaint_not_found",
                "photo_unsupported",
                "zzz",
            ] {
                assert_complete(&refusal(&l, code, ""));
            }
        }
    }

    #[test]
    fn an_unknown_refusal_shows_the_servers_own_words() {
        let l = crate::i18n::localizer(Language::English);
        assert_eq!(
            refusal(&l, "quota_exceeded", "Too many complaints today."),
            "Too many complaints today."
        );
        assert_eq!(
            refusal(&l, "outside_kosovo", "whatever"),
            "This location is outside Kosovo. Choose a municipality instead."
        );
    }
}
