//! The complaint page itself: the summary, what the citizen wrote (and their contact details,
//! if they gave any), the photos, where it is and why it came here, and its history.

use maud::{Markup, html};

use super::actions::actions;
use super::{ActionForm, Context};
use crate::services::inbox::StaffComplaint;
use crate::state::AppState;
use crate::web::choices;
use crate::web::map;
use crate::web::page::{Page, Section, Words, layout, notice};

pub(super) fn render(
    state: &AppState,
    page: &Page,
    context: &Context,
    done: Option<&str>,
    error: Option<&str>,
    typed: &ActionForm,
) -> axum::response::Html<String> {
    let words = page.words;
    let complaint = &context.complaint;
    let item = &complaint.item;
    let title = words.format(
        "web-complaint-title",
        &[("code", item.tracking_code.clone().into())],
    );
    let content = html! {
        p.back { a href="/staff" { (words.t("web-back-to-inbox")) } }
        h1 { (title) }
        (notice(done, false))
        (notice(error, true))
        div.complaint {
            div.column {
                section.summary aria-labelledby="summary-heading" {
                    h2 #summary-heading { (words.t("web-summary")) }
                    dl {
                        dt { (words.t("web-status")) }
                        dd { span class=(format!("status status-{}", item.status)) { (words.status(&item.status)) } }
                        dt { (words.t("web-category")) }
                        dd { (words.name(&item.category)) }
                        dt { (words.t("web-municipality")) }
                        dd { (words.name(&item.municipality)) }
                        dt { (words.t("web-institution")) }
                        dd { (words.name(&complaint.institution.name)) }
                        dt { (words.t("web-submitted")) }
                        dd { (words.time(&item.submitted_at)) }
                        dt { (words.t("web-acknowledge-by")) }
                        dd { (words.due(&item.ack_due)) }
                        dt { (words.t("web-answer-by")) }
                        dd.overdue[item.overdue] {
                            (words.due(&item.answer_due))
                            @if item.overdue { " " strong.flag { (words.t("web-overdue")) } }
                        }
                        dt { (words.t("web-assigned")) }
                        dd {
                            @match item.assigned_to.and_then(|a| context.colleagues.iter().find(|c| c.id == a)) {
                                Some(colleague) => (colleague.display_name),
                                None => (words.t("web-assigned-none")),
                            }
                        }
                        @if let Some(rating) = &complaint.rating {
                            dt { (words.t("web-rating")) }
                            dd {
                                (words.format("web-stars", &[("stars", i64::from(rating.stars).into())]))
                                @if let Some(comment) = &rating.comment { " — " q { (comment) } }
                            }
                        }
                    }
                }
                section.citizen aria-labelledby="citizen-heading" {
                    h2 #citizen-heading { (words.t("web-what-citizen-wrote")) }
                    @if let Some(at) = &complaint.texts_redacted_at {
                        p.erased { (words.format("web-texts-redacted", &[("date", words.time(at).into())])) }
                    } @else {
                        blockquote.description lang=(complaint.language) { (complaint.description) }
                    }
                    @if let Some(at) = &complaint.personal_erased_at {
                        @let said = if complaint.erased_on_request { "web-personal-erased-on-request" } else { "web-personal-erased" };
                        p.erased { (words.format(said, &[("date", words.time(at).into())])) }
                    } @else if let (Some(at), true) = (&complaint.contact_removed_at, context.personal_hidden) {
                        // Said before the reveal form: what was removed is not there to reveal.
                        p.erased { (words.format("web-contact-removed", &[("date", words.time(at).into())])) }
                    }
                    @if complaint.personal_erased_at.is_none() && context.personal_hidden {
                        form.reveal #reveal method="post" action=(format!("/staff/complaints/{}/reveal", item.id)) {
                            (page.token_field())
                            p { (words.t("web-personal-hidden")) }
                            button type="submit" { (words.t("web-personal-show")) }
                        }
                    } @else if complaint.personal_erased_at.is_none() {
                    h3 { (words.t("web-contact")) }
                    @match &complaint.contact {
                        Some(contact) => {
                            ul.contact {
                                @if let Some(name) = &contact.name { li { (name) } }
                                @if let Some(phone) = &contact.phone { li { a href=(format!("tel:{phone}")) { (phone) } } }
                                @if let Some(email) = &contact.email { li { a href=(format!("mailto:{email}")) { (email) } } }
                            }
                        }
                        None => @match &complaint.contact_removed_at {
                            Some(at) => p.erased { (words.format("web-contact-removed", &[("date", words.time(at).into())])) },
                            None => p { (words.t("web-anonymous")) },
                        },
                    }
                    @if !complaint.photos.is_empty() {
                        h3 { (words.t("web-photos")) }
                        div.photos {
                            @for photo in &complaint.photos {
                                a href=(format!("/api/v1/staff/complaints/{}/photos/{}", item.id, photo.index)) {
                                    img src=(format!("/api/v1/staff/complaints/{}/photos/{}", item.id, photo.index))
                                        alt=(words.format("web-photo-alt", &[("number", i64::from(photo.index + 1).into())]))
                                        loading="lazy";
                                }
                            }
                        }
                    }
                    }
                }
                section.location aria-labelledby="location-heading" {
                    h2 #location-heading { (words.t("web-location")) }
                    (location(state, words, complaint))
                    h3 { (words.t("web-why-here")) }
                    p { (words.name(&complaint.explanation)) }
                }
                section.timeline aria-labelledby="timeline-heading" {
                    h2 #timeline-heading { (words.t("web-timeline")) }
                    (timeline(words, context))
                }
            }
            div.column {
                section.actions aria-labelledby="actions-heading" {
                    h2 #actions-heading { (words.t("web-actions")) }
                    (actions(page, context, typed))
                }
            }
        }
    };
    layout(page, Section::Inbox, &title, content)
}

fn location(state: &AppState, words: Words, complaint: &StaffComplaint) -> Markup {
    let point = complaint.lat.zip(complaint.lon);
    let municipality = words.name(&complaint.item.municipality);
    html! {
        div.maps {
            @if let Some((shape, bounds)) = state.locator.outline(&complaint.item.municipality_id) {
                figure {
                    (map::outline(words, &municipality, shape, bounds, point))
                    figcaption { (municipality) }
                }
            }
            @if let Some((lat, lon)) = point {
                (map::street_map(words, lat, lon))
            } @else {
                p { (words.t("web-no-gps")) }
            }
        }
    }
}

fn timeline(words: Words, context: &Context) -> Markup {
    let history = &context.complaint.history;
    html! {
        ol.timeline {
            @for entry in history.iter().rev() {
                li.internal[!entry.citizen_visible] {
                    p.when {
                        time datetime=(entry.at) { (words.time(&entry.at)) }
                        " · "
                        @match (&entry.actor_name, entry.actor_kind.as_str()) {
                            (Some(name), _) => (name),
                            (None, "citizen") => (words.t("web-actor-citizen")),
                            (None, _) => (words.t("web-actor-system")),
                        }
                    }
                    p.what {
                        strong { (event_label(words, &entry.action)) }
                        @if let Some(to) = entry.after.as_ref().and_then(|a| a.get("institution_id")).and_then(|v| v.as_str()).filter(|_| entry.action == "transferred") {
                            " → " (choices::name_of(words, &context.institutions, to))
                        }
                        @if let Some(status) = entry.after.as_ref().and_then(|a| a.get("status")).and_then(|v| v.as_str()).filter(|_| entry.action != "transferred" && entry.action != "noted" && entry.action != "assigned") {
                            " · " (words.status(status))
                        }
                        @if !entry.citizen_visible {
                            " " span.tag { (words.t("web-internal")) }
                        }
                    }
                    @if let Some(text) = &entry.text {
                        blockquote { (text) }
                    }
                    @if entry.action == "citizen_wrote" {
                        (message_photos(words, context, entry.after.as_ref()))
                    }
                }
            }
        }
    }
}

/// The photos a citizen's message brought: its slots of the complaint's photos (hidden, with
/// the contact details, until asked for).
fn message_photos(words: Words, context: &Context, after: Option<&serde_json::Value>) -> Markup {
    let id = &context.complaint.item.id;
    let slot = |field: &str| after.and_then(|a| a.get(field)).and_then(|v| v.as_u64());
    let (first, count) = (
        slot("first_photo").unwrap_or(0),
        slot("photos").unwrap_or(0),
    );
    html! {
        @if count > 0 && context.personal_hidden {
            p.hidden-photos { (words.format("web-message-photos-hidden", &[("count", i64::try_from(count).unwrap_or(0).into())])) }
        } @else if count > 0 {
            div.photos {
                @for index in first..first + count {
                    a href=(format!("/api/v1/staff/complaints/{id}/photos/{index}")) {
                        img src=(format!("/api/v1/staff/complaints/{id}/photos/{index}"))
                            alt=(words.format("web-photo-alt", &[("number", i64::try_from(index + 1).unwrap_or(0).into())]))
                            loading="lazy";
                    }
                }
            }
        }
    }
}

fn event_label(words: Words, action: &str) -> String {
    let id = format!("web-event-{action}");
    if words.has(&id) {
        words.t(&id)
    } else {
        action.to_owned()
    }
}
