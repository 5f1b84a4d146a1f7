//! `/my-complaint`: one complaint's data for whoever holds its tracking code and PIN, with no
//! account and no phone: the person a complaint was filed for sees what the service holds about
//! it, saves it as a file, takes their contact details back, or erases their personal data.
//! Tries are limited per complaint and per address. Once the code and PIN were right, the
//! page's forms carry a pass for that one complaint that ends after half an hour, not the PIN.

use std::net::SocketAddr;

use axum::Form;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Duration, Utc};
use maud::{Markup, html};
use protocol::api::LocalizedText;
use protocol::api::my_data::HeldComplaint;
use protocol::api::paths::MY_COMPLAINT_PAGE;
use serde::Deserialize;

use super::page::{WebError, Words, asked_language, notice, public};
use crate::ratelimit::address_key;
use crate::services::citizen_rights::pin::{self, PASS_MINUTES};
use crate::services::citizen_rights::{self, Holder};
use crate::services::{ServiceError, catalog};
use crate::state::AppState;

#[derive(Deserialize)]
pub struct LanguageQuery {
    lang: Option<String>,
}

/// The code and PIN, as typed.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OpenForm {
    lang: Option<String>,
    code: String,
    pin: String,
}

/// What each form of an opened complaint carries.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PassForm {
    lang: Option<String>,
    code: String,
    until: i64,
    pass: String,
    /// The erasure's "I understand" box.
    confirm: Option<String>,
}

/// `GET /my-complaint`: the form that asks for the tracking code and PIN.
pub async fn form(headers: HeaderMap, Query(query): Query<LanguageQuery>) -> Response {
    let words = Words::new(asked_language(query.lang.as_deref(), &headers));
    ask(words, "", None, StatusCode::OK)
}

/// `POST /my-complaint`: opens the complaint the code and PIN name.
pub async fn open(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(form): Form<OpenForm>,
) -> Result<Response, WebError> {
    let words = Words::new(asked_language(form.lang.as_deref(), &headers));
    let code = pin::normalized_code(&form.code);
    let limited = state
        .limits
        .complaint_pin_addresses
        .hit(&address_key(address.ip()))
        .and_then(|()| state.limits.complaint_pins.hit(&code));
    if let Err(wait) = limited {
        let minutes = i64::try_from(wait.as_secs().div_ceil(60)).unwrap_or(i64::MAX);
        let message = words.format("my-complaint-too-many", &[("minutes", minutes.into())]);
        return Ok(ask(
            words,
            &code,
            Some(&message),
            StatusCode::TOO_MANY_REQUESTS,
        ));
    }
    let opened = {
        let (code, typed) = (code.clone(), form.pin);
        state.db.read(move |c| pin::open(c, &code, &typed)).await?
    };
    let Some(id) = opened else {
        let message = words.t("my-complaint-wrong");
        return Ok(ask(words, &code, Some(&message), StatusCode::FORBIDDEN));
    };
    state.limits.complaint_pins.refund(&code);
    show(&state, words, id, None).await
}

/// `POST /my-complaint/export`: the complaint's data as a file.
pub async fn export(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<PassForm>,
) -> Result<Response, WebError> {
    let (_, id) = match check(&state, &headers, &form).await? {
        Ok(opened) => opened,
        Err(expired) => return Ok(expired),
    };
    let now = state.clock.now();
    let data = state
        .db
        .read(move |c| citizen_rights::export(c, Holder::Complaint(&id), now))
        .await?;
    let body = serde_json::to_vec_pretty(&data)
        .map_err(|e| WebError::from(ServiceError::Internal(e.to_string())))?;
    let code = pin::normalized_code(&form.code);
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"zeri-{code}.json\""),
            ),
        ],
        body,
    )
        .into_response())
}

/// `POST /my-complaint/contact`: takes the contact details back.
pub async fn remove_contact(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<PassForm>,
) -> Result<Response, WebError> {
    let (words, id) = match check(&state, &headers, &form).await? {
        Ok(opened) => opened,
        Err(expired) => return Ok(expired),
    };
    let now = state.clock.now();
    let removing = id.clone();
    state
        .db
        .call(move |c| citizen_rights::remove_contact_of(c, &removing, now))
        .await?;
    let done = words.t("my-complaint-contact-removed");
    show(&state, words, id, Some((&done, false))).await
}

/// `POST /my-complaint/erase`: erases the personal data, once the box is ticked.
pub async fn erase(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<PassForm>,
) -> Result<Response, WebError> {
    let (words, id) = match check(&state, &headers, &form).await? {
        Ok(opened) => opened,
        Err(expired) => return Ok(expired),
    };
    if form.confirm.is_none() {
        let message = words.t("my-complaint-erase-unconfirmed");
        let mut page = show(&state, words, id, Some((&message, true))).await?;
        *page.status_mut() = StatusCode::BAD_REQUEST;
        return Ok(page);
    }
    let now = state.clock.now();
    let erased = state
        .db
        .call(move |c| citizen_rights::erase_all(c, Holder::Complaint(&id), now))
        .await?;
    for digest in erased.photo_files {
        state.photos.delete_if_unused(&state.db, digest).await;
    }
    let code = pin::normalized_code(&form.code);
    let title = words.t("my-complaint-title");
    let content = html! {
        h1 { (title) }
        p #erased role="status" { (words.format("my-complaint-erased", &[("code", code.into())])) }
    };
    Ok(public(words.language, MY_COMPLAINT_PAGE, &title, content).into_response())
}

/// The complaint a form's pass opens, if the pass is right and has not ended; otherwise the
/// page that says it has ended.
async fn check(
    state: &AppState,
    headers: &HeaderMap,
    form: &PassForm,
) -> Result<Result<(Words, String), Response>, WebError> {
    let words = Words::new(asked_language(form.lang.as_deref(), headers));
    let (code, until, pass) = (form.code.clone(), form.until, form.pass.clone());
    let now = state.clock.now();
    let opened = state
        .db
        .read(move |c| pin::check_pass(c, &code, until, &pass, now))
        .await?;
    Ok(match opened {
        Some(id) => Ok((words, id)),
        None => Err(expired(words, &form.code)),
    })
}

fn expired(words: Words, code: &str) -> Response {
    let message = words.t("my-complaint-expired");
    ask(
        words,
        &pin::normalized_code(code),
        Some(&message),
        StatusCode::FORBIDDEN,
    )
}

/// The form for the code and PIN, with what went wrong, if anything.
fn ask(words: Words, code: &str, problem: Option<&str>, status: StatusCode) -> Response {
    let title = words.t("my-complaint-title");
    let content = html! {
        h1 { (title) }
        p.lead { (words.t("my-complaint-intro")) }
        (notice(problem, true))
        form.stacked method="post" action=(MY_COMPLAINT_PAGE) {
            input type="hidden" name="lang" value=(words.language.tag());
            label for="code" { (words.t("my-complaint-code")) }
            input #code name="code" value=(code) required autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="20";
            label for="pin" { (words.t("my-complaint-pin")) }
            input #pin name="pin" type="password" required inputmode="numeric" autocomplete="off" maxlength="20" aria-describedby="pin-hint";
            p #pin-hint.hint { (words.t("my-complaint-pin-hint")) }
            button #open-complaint type="submit" { (words.t("my-complaint-open")) }
        }
    };
    (
        status,
        public(words.language, MY_COMPLAINT_PAGE, &title, content),
    )
        .into_response()
}

/// The opened complaint: what is held, and the three things the holder may do.
async fn show(
    state: &AppState,
    words: Words,
    id: String,
    notice_shown: Option<(&str, bool)>,
) -> Result<Response, WebError> {
    let now = state.clock.now();
    let until = now + Duration::minutes(PASS_MINUTES);
    let (data, category, key) = state
        .db
        .read(move |c| {
            let data = citizen_rights::export(c, Holder::Complaint(&id), now)?;
            let category = match data.complaints.first() {
                Some(held) => catalog::category_name(c, &held.category)?,
                None => None,
            };
            Ok::<_, ServiceError>((data, category, pin::key(c)?))
        })
        .await?;
    let (Some(held), Some(key)) = (data.complaints.first(), key) else {
        return Err(ServiceError::NotFound.into());
    };
    let pass = pin::pass(&key, &held.id.to_string(), until);
    let title = words.format(
        "my-complaint-heading",
        &[("code", held.tracking_code.clone().into())],
    );
    let hidden = html! {
        input type="hidden" name="lang" value=(words.language.tag());
        input type="hidden" name="code" value=(held.tracking_code);
        input type="hidden" name="until" value=(until.timestamp());
        input type="hidden" name="pass" value=(pass);
    };
    let content = html! {
        h1 { (title) }
        (notice(notice_shown.map(|(text, _)| text), notice_shown.is_some_and(|(_, error)| error)))
        (held_list(words, held, category.as_ref()))
        form method="post" action=(format!("{MY_COMPLAINT_PAGE}/export")) {
            (hidden)
            button #export-complaint type="submit" { (words.t("my-complaint-export")) }
        }
        @if held.contact.is_some() {
            section {
                h2 { (words.t("my-complaint-remove-contact")) }
                p { (words.t("my-complaint-remove-contact-explain")) }
                form method="post" action=(format!("{MY_COMPLAINT_PAGE}/contact")) {
                    (hidden)
                    button #remove-contact type="submit" { (words.t("my-complaint-remove-contact")) }
                }
            }
        }
        section {
            h2 { (words.t("my-complaint-erase-title")) }
            p { (words.t("my-complaint-erase-explain")) }
            form method="post" action=(format!("{MY_COMPLAINT_PAGE}/erase")) {
                (hidden)
                label.check {
                    input #erase-confirm type="checkbox" name="confirm" value="yes";
                    " " (words.t("my-complaint-erase-confirm"))
                }
                button #erase-complaint.danger type="submit" { (words.t("my-complaint-erase-button")) }
            }
        }
    };
    Ok(public(words.language, MY_COMPLAINT_PAGE, &title, content).into_response())
}

/// What the server holds, field by field.
fn held_list(words: Words, held: &HeldComplaint, category: Option<&LocalizedText>) -> Markup {
    let date = |at: DateTime<Utc>| words.time(&at.to_rfc3339());
    let none = words.t("my-complaint-none");
    let contact = match (
        &held.contact,
        held.contact_removed_at,
        held.personal_erased_at,
    ) {
        (Some(contact), _, _) => contact.one_line(),
        (None, Some(at), _) => words.format(
            "my-complaint-contact-removed-at",
            &[("date", date(at).into())],
        ),
        (None, None, Some(at)) => {
            words.format("my-complaint-erased-at", &[("date", date(at).into())])
        }
        (None, None, None) => none.clone(),
    };
    let place = match (held.latitude, held.longitude) {
        (Some(lat), Some(lon)) => format!("{lat:.5}, {lon:.5} ({})", held.municipality),
        _ => held.municipality.clone(),
    };
    html! {
        dl.facts #held {
            dt { (words.t("my-complaint-category")) }
            dd { (category.map_or_else(|| held.category.clone(), |name| words.name(name))) }
            dt { (words.t("my-complaint-institution")) }
            dd { (words.name(&held.institution.name)) }
            dt { (words.t("my-complaint-status")) }
            dd { (words.status(held.status.as_str())) }
            dt { (words.t("my-complaint-submitted")) }
            dd { (date(held.submitted_at)) }
            dt { (words.t("my-complaint-description")) }
            dd lang=(held.language) { (held.description) }
            dt { (words.t("my-complaint-place")) }
            dd { (place) }
            dt { (words.t("my-complaint-contact")) }
            dd #held-contact { (contact) }
            dt { (words.t("my-complaint-photos")) }
            dd { (held.photos.len()) }
            dt { (words.t("my-complaint-messages")) }
            dd {
                @if held.messages.is_empty() { (none) }
                @for message in &held.messages {
                    p { (date(message.sent_at)) ": " (message.text.as_deref().unwrap_or("")) }
                }
            }
            @if let Some(rating) = &held.rating {
                dt { (words.t("my-complaint-rating")) }
                dd { (rating.stars) " / 5" @if let Some(comment) = &rating.comment { ": " (comment) } }
            }
        }
    }
}
