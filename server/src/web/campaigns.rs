//! Campaign pages: administrators create promotional campaigns and follow what each reached
//! (the "campaigns organized" indicator); every campaign has a printable QR code. Also the
//! public page a campaign's QR code opens, which leads citizens into the app with the code.

use std::net::SocketAddr;

use axum::Form;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use maud::{DOCTYPE, html};
use serde::Deserialize;

use super::choices;
use super::page::{Page, Section, WebError, Words, layout, notice, public_url, see_other};
use crate::auth::StaffMember;
use crate::http::ApiError;
use crate::services::campaigns::{self, CampaignInputError, CampaignReach, NewCampaign, Visit};
use crate::services::catalog::{self, Listing};
use crate::state::AppState;

/// The dashboard message that explains why a campaign was refused.
fn refusal_message(error: CampaignInputError) -> &'static str {
    match error {
        CampaignInputError::NameMissing => "web-campaign-name-missing",
        CampaignInputError::NameTooLong => "web-campaign-name-too-long",
        CampaignInputError::EndsBeforeItStarts => "web-campaign-ends-before-start",
        CampaignInputError::UnknownMunicipality => "web-campaign-unknown-municipality",
    }
}

fn area(words: Words, campaign: &CampaignReach) -> String {
    match &campaign.municipality {
        Some(name) => words.name(name),
        None => words.t("web-campaign-national"),
    }
}

fn period(words: Words, campaign: &CampaignReach) -> String {
    format!(
        "{} – {}",
        words.date(campaign.starts_on),
        words.date(campaign.ends_on)
    )
}

#[derive(Default, Deserialize)]
pub struct CampaignForm {
    #[serde(default)]
    form_token: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    starts_on: String,
    #[serde(default)]
    ends_on: String,
    #[serde(default)]
    municipality_id: String,
}

fn render_list(
    page: &Page,
    list: &[CampaignReach],
    municipalities: &[choices::Choice],
    typed: &CampaignForm,
    error: Option<&str>,
) -> Html<String> {
    let words = page.words;
    let title = words.t("web-campaigns-title");
    let complaints: i64 = list.iter().map(|c| c.complaints).sum();
    let content = html! {
        h1 { (title) }
        p { (words.t("web-campaigns-intro")) }
        dl.totals {
            div { dt { (words.t("web-campaigns-organized")) } dd #campaigns-organized { (list.len()) } }
            div { dt { (words.t("web-campaign-complaints")) } dd { (complaints) } }
        }
        @if list.is_empty() {
            p.empty { (words.t("web-campaigns-empty")) }
        } @else {
            p { a.download #campaigns-csv href="/staff/campaigns.csv" download { (words.t("web-download-csv")) } }
            div.table-wrap {
                table #campaigns {
                    thead { tr {
                        th scope="col" { (words.t("web-campaign-name")) }
                        th scope="col" { (words.t("web-campaign-period")) }
                        th scope="col" { (words.t("web-campaign-area")) }
                        th scope="col" { (words.t("web-campaign-scans")) }
                        th scope="col" { (words.t("web-campaign-app-opens")) }
                        th scope="col" { (words.t("web-campaign-complaints")) }
                    } }
                    tbody {
                        @for campaign in list {
                            tr {
                                th scope="row" {
                                    a href=(format!("/staff/campaigns/{}", campaign.code)) { (campaign.name) }
                                    " " code { (campaign.code) }
                                }
                                td { (period(words, campaign)) }
                                td { (area(words, campaign)) }
                                td { (campaign.scans) }
                                td { (campaign.app_opens) }
                                td { (campaign.complaints) }
                            }
                        }
                    }
                }
            }
        }
        form.action method="post" action="/staff/campaigns" {
            h2 { (words.t("web-campaign-new")) }
            (notice(error, true))
            (page.token_field())
            label for="campaign-name" { (words.t("web-campaign-name")) }
            input #campaign-name name="name" required maxlength=(campaigns::NAME_MAX) value=(typed.name);
            label for="campaign-starts" { (words.t("web-campaign-starts")) }
            input #campaign-starts name="starts_on" type="date" required value=(typed.starts_on);
            label for="campaign-ends" { (words.t("web-campaign-ends")) }
            input #campaign-ends name="ends_on" type="date" required value=(typed.ends_on);
            label for="campaign-area" { (words.t("web-campaign-area")) }
            select #campaign-area name="municipality_id" {
                option value="" { (words.t("web-campaign-national")) }
                (choices::options(words, municipalities, Some(typed.municipality_id.as_str())))
            }
            button type="submit" { (words.t("web-campaign-create")) }
        }
    };
    layout(page, Section::Campaigns, &title, content)
}

async fn load_list(
    state: &AppState,
    staff: &StaffMember,
) -> Result<(Vec<CampaignReach>, Vec<choices::Choice>), ApiError> {
    let list = campaigns::all(&state.db, staff).await?;
    let municipalities = catalog::listing(&state.db, Listing::Municipalities).await?;
    Ok((list, municipalities))
}

pub async fn list(State(state): State<AppState>, page: Page) -> Result<Html<String>, WebError> {
    let (list, municipalities) = load_list(&state, &page.staff).await?;
    Ok(render_list(
        &page,
        &list,
        &municipalities,
        &CampaignForm::default(),
        None,
    ))
}

/// Every campaign and its reach as CSV, for reporting.
pub async fn csv(State(state): State<AppState>, page: Page) -> Result<Response, WebError> {
    let list = campaigns::all(&state.db, &page.staff).await?;
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|c| {
            let area = |pick: fn(&protocol::api::LocalizedText) -> &String| {
                c.municipality
                    .as_ref()
                    .map(pick)
                    .cloned()
                    .unwrap_or_default()
            };
            vec![
                c.code.clone(),
                c.name.clone(),
                c.starts_on.to_string(),
                c.ends_on.to_string(),
                area(|m| &m.sq),
                area(|m| &m.sr),
                area(|m| &m.en),
                c.scans.to_string(),
                c.app_opens.to_string(),
                c.devices.to_string(),
                c.complaints.to_string(),
            ]
        })
        .collect();
    Ok(super::page::csv_download(
        "zeri-campaigns.csv",
        &[
            "code",
            "name",
            "starts_on",
            "ends_on",
            "municipality_sq",
            "municipality_sr",
            "municipality_en",
            "link_opened",
            "app_opened",
            "phones",
            "complaints",
        ],
        &rows,
    )?)
}

pub async fn create(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<CampaignForm>,
) -> Result<Response, WebError> {
    page.check_form(&form.form_token)?;
    let date = |s: &str| crate::input::parse_day(s).ok();
    let campaign = NewCampaign {
        name: form.name.clone(),
        starts_on: date(&form.starts_on),
        ends_on: date(&form.ends_on),
        municipality_id: Some(form.municipality_id.trim().to_owned()).filter(|m| !m.is_empty()),
    };
    let outcome = campaigns::create(&state.db, &page.staff, campaign, state.clock.now()).await?;
    match outcome {
        Ok(code) => Ok(see_other(&format!("/staff/campaigns/{code}"))),
        Err(error) => {
            let (list, municipalities) = load_list(&state, &page.staff).await?;
            let message = page.t(refusal_message(error));
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                render_list(&page, &list, &municipalities, &form, Some(&message)),
            )
                .into_response())
        }
    }
}

pub async fn detail(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Path(code): Path<String>,
) -> Result<Html<String>, WebError> {
    let (campaign, reach) = campaigns::report(&state.db, &page.staff, &code).await?;
    let words = page.words;
    let web_link = campaigns::web_link(&public_url(&state, &headers), &campaign.code);
    let qr = |format: &str| format!("/staff/campaigns/{}/qr.{format}", campaign.code);
    let content = html! {
        p { a href="/staff/campaigns" { (words.t("web-campaigns-title")) } }
        h1 { (campaign.name) }
        dl {
            dt { (words.t("web-campaign-code")) } dd #campaign-code { code { (campaign.code) } }
            dt { (words.t("web-campaign-period")) } dd { (period(words, &campaign)) }
            dt { (words.t("web-campaign-area")) } dd { (area(words, &campaign)) }
            dt { (words.t("web-campaign-web-link")) } dd { a #campaign-web-link href=(web_link) { (web_link) } }
            dt { (words.t("web-campaign-app-link")) } dd { code #campaign-app-link { (campaigns::app_link(&campaign.code)) } }
        }
        h2 { (words.t("web-campaign-reach")) }
        dl.totals {
            div { dt { (words.t("web-campaign-scans")) } dd #campaign-scans { (campaign.scans) } }
            div { dt { (words.t("web-campaign-app-opens")) } dd #campaign-app-opens { (campaign.app_opens) } }
            div { dt { (words.t("web-campaign-devices")) } dd #campaign-devices { (campaign.devices) } }
            div { dt { (words.t("web-campaign-complaints")) } dd #campaign-complaints { (campaign.complaints) } }
        }
        p.hint #campaign-figures-note { (words.t("web-campaign-figures-note")) }
        h2 { (words.t("web-campaign-by-municipality")) }
        @if reach.is_empty() {
            p.empty { (words.t("web-campaign-none-yet")) }
        } @else {
            div.table-wrap {
                table #campaign-municipalities {
                    thead { tr {
                        th scope="col" { (words.t("web-municipality")) }
                        th scope="col" { (words.t("web-campaign-complaints")) }
                        th scope="col" { (words.t("web-campaign-resolved")) }
                    } }
                    tbody {
                        @for row in &reach {
                            tr {
                                th scope="row" { (words.name(&row.municipality)) }
                                td { (row.complaints) }
                                td { (row.resolved) }
                            }
                        }
                    }
                }
            }
        }
        h2 { (words.t("web-campaign-qr")) }
        p { (words.t("web-campaign-qr-intro")) }
        img.qr src=(qr("svg")) width="240" height="240" alt=(words.format("web-campaign-qr-alt", &[("link", web_link.clone().into())]));
        p {
            a #campaign-qr-png href=(qr("png")) download=(format!("zeri-{}.png", campaign.code)) { (words.t("web-campaign-download-png")) }
            " · "
            a #campaign-qr-svg href=(qr("svg")) download=(format!("zeri-{}.svg", campaign.code)) { (words.t("web-campaign-download-svg")) }
        }
    };
    Ok(layout(&page, Section::Campaigns, &campaign.name, content))
}

/// The QR code of a campaign's web link, as `qr.png` (for print shops) or `qr.svg`.
pub async fn qr_code(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Path((code, format)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let campaign = campaigns::find(&state.db, &page.staff, &code).await?;
    let link = campaigns::web_link(&public_url(&state, &headers), &campaign.code);
    let response = match format.as_str() {
        "qr.png" => (
            [(header::CONTENT_TYPE, "image/png")],
            campaigns::qr::png(&link, 16)?,
        )
            .into_response(),
        "qr.svg" => (
            [(header::CONTENT_TYPE, "image/svg+xml")],
            campaigns::qr::svg(&link)?,
        )
            .into_response(),
        _ => return Err(ApiError::NotFound.into()),
    };
    Ok(response)
}

/// The page a campaign's QR code or link opens on a phone: it counts the visit and offers to
/// open the app with the code, or to install it first.
pub async fn landing(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(code): Path<String>,
) -> Result<Response, WebError> {
    let words = Words::new(crate::http::language::chosen_language(&headers));
    let campaign = campaigns::by_code(&state.db, &code).await?;
    let at = state.clock.now();
    let code = campaign.code.clone();
    let visitor = crate::ratelimit::address_key(address.ip());
    // The page always opens; a flood from one address stops being counted (or written).
    if state.limits.campaign_visits.hit(&visitor).is_ok() {
        state
            .db
            .call(move |c| campaigns::record_visit(c, &code, Visit::Scan, &visitor, at))
            .await?;
    }
    let play_store = format!(
        "https://play.google.com/store/apps/details?id=org.zeri.app&referrer={}",
        super::page::urlencoding(&format!("campaign={}", campaign.code))
    );
    let markup = html! {
        (DOCTYPE)
        html lang=(words.language.tag()) {
            head { (super::page::head_common("Zëri")) }
            body.landing {
                main #main {
                    h1 { "Zëri" }
                    p.lead { (words.t("landing-lead")) }
                    p { (campaign.name) }
                    p { a.button #open-app href=(campaigns::app_link(&campaign.code)) { (words.t("landing-open-app")) } }
                    p { (words.t("landing-install-first")) }
                    ul.stores {
                        li { a href=(play_store) { (words.t("landing-google-play")) } }
                        @if let Some(app_store) = &state.config.app_store_url {
                            li { a href=(app_store) { (words.t("landing-app-store")) } }
                        }
                    }
                    p.code { (words.format("landing-code", &[("code", campaign.code.clone().into())])) }
                }
            }
        }
    };
    Ok(Html(markup.into_string()).into_response())
}
