//! The Crux app: the events a shell sends, the effects it carries out, and `update`, which
//! routes each event to the part of the core that owns it.

use chrono::{DateTime, Utc};
use crux_core::{App, Command, macros::effect, render::RenderOperation};
use crux_http::protocol::HttpRequest;
use crux_kv::KeyValueOperation;
use crux_time::TimeRequest;
use facet::Facet;
use facet_generate_attrs as typegen;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::api::{ComplaintReceipt, ComplaintRecord, MyComplaintsPage};
use crate::i18n::Language;
use crate::model::{CampaignVisit, Model, Notice, Phase, SlotKey};
use crate::view_model::{Screen, ViewModel};
use crate::{drafting, effects, outbox, persist, sync, view};

/// What a shell tells the core: what the citizen did, and what happened to the phone.
#[derive(Facet, Serialize, Deserialize, Debug)]
#[repr(C)]
pub enum Event {
    // The app's life.
    /// The app launched. `api_base_url` is the server, e.g. `https://zeri.example`.
    Started {
        api_base_url: String,
    },
    /// The app came back to the foreground.
    Foregrounded,
    /// The phone's network came back.
    NetworkOnline,
    /// Try reading the stored state again after it failed.
    RetryLoadTapped,

    // Moving around.
    NavigateTo {
        screen: Screen,
    },
    ComplaintOpened {
        id: String,
    },
    BackTapped,
    NoticeDismissed,

    // Settings.
    LanguageSelected {
        language: Language,
    },
    WelcomeFinished,
    /// The app was opened from a campaign's link or QR code (`zeri://campaign/<code>`).
    CampaignLinkOpened {
        code: String,
    },

    // Drafting a complaint.
    CategorySearchChanged {
        query: String,
    },
    CategorySelected {
        id: String,
    },
    DescriptionChanged {
        text: String,
    },
    GpsLocated {
        lat: f64,
        lon: f64,
    },
    MunicipalitySelected {
        id: String,
    },
    /// A photo as JPEG bytes (the shell compresses camera and gallery images to JPEG).
    PhotoAdded {
        #[serde(with = "serde_bytes")]
        #[facet(typegen::bytes)]
        jpeg: Vec<u8>,
    },
    PhotoRemoved {
        index: u32,
    },
    AnonymousToggled {
        anonymous: bool,
    },
    ContactNameChanged {
        text: String,
    },
    ContactPhoneChanged {
        text: String,
    },
    ContactEmailChanged {
        text: String,
    },
    SubmitTapped,
    DraftDiscarded,

    // The outbox.
    RetryTapped {
        id: String,
    },
    EditTapped {
        id: String,
    },
    DiscardTapped {
        id: String,
    },

    // My complaints.
    RefreshRequested,
    RatingSubmitted {
        id: String,
        stars: u8,
        comment: String,
    },
    ReopenSubmitted {
        id: String,
        reason: String,
    },

    /// Answers to the core's own effects; shells never send these.
    #[serde(skip)]
    #[facet(skip)]
    Internal(#[facet(opaque)] Box<Internal>),
}

impl Event {
    pub(crate) fn internal(internal: Internal) -> Event {
        Event::Internal(Box::new(internal))
    }
}

/// Results of effects the core asked for.
#[derive(Debug)]
pub enum Internal {
    Loaded(Box<Loaded>),
    Saved {
        key: SlotKey,
        version: u64,
        ok: bool,
    },
    PhotoStored {
        photo: crate::model::PhotoRef,
        ok: bool,
    },
    Clock(Option<DateTime<Utc>>),
    ComplaintPosted {
        item: Uuid,
        outcome: sync::Outcome<ComplaintReceipt>,
    },
    PhotoUploaded {
        item: Uuid,
        index: u8,
        outcome: sync::Outcome<()>,
    },
    ActionSent {
        item: Uuid,
        outcome: sync::Outcome<ComplaintRecord>,
    },
    RetryTimerFired {
        generation: u64,
    },
    ComplaintsFetched(Option<MyComplaintsPage>),
    CatalogFetched(Option<crate::model::StoredCatalog>),
    /// `counted`: the server answered for good (counted, or no such campaign).
    CampaignOpenReported {
        code: String,
        counted: bool,
    },
}

/// What reading one key gave: its bytes, nothing, or a store error.
pub type ReadResult = Result<Option<Vec<u8>>, String>;

/// What was read from the key-value store at start-up, one entry per [`SlotKey`].
#[derive(Debug, Default)]
pub struct Loaded {
    pub values: Vec<(SlotKey, ReadResult)>,
}

#[effect(facet_typegen)]
pub enum Effect {
    Render(RenderOperation),
    Http(HttpRequest),
    KeyValue(KeyValueOperation),
    Time(TimeRequest),
}

/// The citizen app. It holds no state of its own: everything is in [`Model`].
#[derive(Default)]
pub struct Zeri;

impl App for Zeri {
    type Event = Event;
    type Model = Model;
    type ViewModel = ViewModel;
    type Effect = Effect;

    fn update(&self, event: Event, model: &mut Model) -> Command<Effect, Event> {
        handle(event, model).and(crux_core::render::render())
    }

    fn view(&self, model: &Model) -> ViewModel {
        view::view(model)
    }
}

fn parse_id(id: &str) -> Option<Uuid> {
    Uuid::parse_str(id).ok()
}

fn handle(event: Event, model: &mut Model) -> Command<Effect, Event> {
    // Before the stored state is read, only starting (and retrying the start) means anything:
    // acting on anything else could overwrite what is on disk.
    if model.phase != Phase::Ready {
        return match event {
            Event::Started { api_base_url } => persist::start(model, api_base_url),
            Event::RetryLoadTapped if model.phase == Phase::LoadFailed => {
                let url = model.api_base_url.clone();
                persist::start(model, url)
            }
            // A link that launched the app arrives before the stored state is read: keep it.
            Event::CampaignLinkOpened { code } => {
                model.early_campaign_link = crate::api::campaign_code(&code);
                Command::done()
            }
            Event::Internal(internal) => match *internal {
                Internal::Loaded(loaded) => {
                    let loaded = persist::on_loaded(model, *loaded);
                    match model.early_campaign_link.take() {
                        Some(code) if model.phase == Phase::Ready => {
                            loaded.and(campaign_link_opened(model, code))
                        }
                        _ => loaded,
                    }
                }
                Internal::Clock(now) => {
                    model.now = now.or(model.now);
                    Command::done()
                }
                _ => Command::done(),
            },
            _ => Command::done(),
        };
    }

    match event {
        Event::Started { api_base_url } => {
            // A second start (the shell re-created its UI): keep the state, pick up the URL.
            model.api_base_url = persist::normalize_base_url(&api_base_url);
            wake_up(model)
        }
        Event::Foregrounded | Event::NetworkOnline => wake_up(model),
        Event::RetryLoadTapped => Command::done(),

        Event::NavigateTo { screen } => {
            navigate(model, screen);
            Command::done()
        }
        Event::ComplaintOpened { id } => {
            if let Some(id) = parse_id(&id).filter(|id| model.complaint(*id).is_some()) {
                model.open_complaint = Some(id);
                model.form_error = None;
                model.screen = Screen::ComplaintDetail;
            }
            Command::done()
        }
        Event::BackTapped => {
            let back = match model.screen {
                Screen::ComplaintDetail => Screen::MyComplaints,
                Screen::Welcome | Screen::Loading | Screen::LoadFailed => model.screen,
                _ => Screen::Home,
            };
            navigate(model, back);
            Command::done()
        }
        Event::NoticeDismissed => {
            model.notice = None;
            Command::done()
        }

        Event::LanguageSelected { language } => {
            model.settings.language = language;
            persist::save(model, SlotKey::Settings)
        }
        Event::WelcomeFinished => {
            model.settings.welcomed = true;
            model.screen = Screen::Home;
            persist::save(model, SlotKey::Settings)
        }
        Event::CampaignLinkOpened { code } => match crate::api::campaign_code(&code) {
            Some(code) => campaign_link_opened(model, code),
            None => Command::done(),
        },

        Event::CategorySearchChanged { query } => {
            drafting::edit(model, |d| d.category_query = query)
        }
        Event::CategorySelected { id } => drafting::select_category(model, id),
        Event::DescriptionChanged { text } => drafting::edit(model, |d| d.description = text),
        Event::GpsLocated { lat, lon } => drafting::locate(model, lat, lon),
        Event::MunicipalitySelected { id } => drafting::select_municipality(model, id),
        Event::PhotoAdded { jpeg } => drafting::add_photo(model, &jpeg),
        Event::PhotoRemoved { index } => drafting::remove_photo(model, index),
        Event::AnonymousToggled { anonymous } => drafting::edit(model, |d| d.anonymous = anonymous),
        Event::ContactNameChanged { text } => drafting::edit(model, |d| d.contact_name = text),
        Event::ContactPhoneChanged { text } => drafting::edit(model, |d| d.contact_phone = text),
        Event::ContactEmailChanged { text } => drafting::edit(model, |d| d.contact_email = text),
        Event::SubmitTapped => outbox::submit(model),
        Event::DraftDiscarded => drafting::discard(model),

        Event::RetryTapped { id } => match parse_id(&id) {
            Some(id) => outbox::retry(model, id),
            None => Command::done(),
        },
        Event::EditTapped { id } => match parse_id(&id) {
            Some(id) => outbox::edit(model, id),
            None => Command::done(),
        },
        Event::DiscardTapped { id } => match parse_id(&id) {
            Some(id) => outbox::discard(model, id),
            None => Command::done(),
        },

        Event::RefreshRequested => sync::refresh(model),
        Event::RatingSubmitted { id, stars, comment } => match parse_id(&id) {
            Some(id) => outbox::rate(model, id, stars, &comment),
            None => Command::done(),
        },
        Event::ReopenSubmitted { id, reason } => match parse_id(&id) {
            Some(id) => outbox::reopen(model, id, &reason),
            None => Command::done(),
        },

        Event::Internal(internal) => match *internal {
            Internal::Loaded(_) => Command::done(),
            Internal::Saved { key, version, ok } => persist::on_saved(model, key, version, ok),
            Internal::PhotoStored { photo, ok } => drafting::on_photo_stored(model, photo, ok),
            Internal::Clock(now) => {
                model.now = now.or(model.now);
                Command::done()
            }
            Internal::ComplaintPosted { item, outcome } => {
                sync::on_complaint_posted(model, item, outcome)
            }
            Internal::PhotoUploaded {
                item,
                index,
                outcome,
            } => sync::on_photo_uploaded(model, item, index, outcome),
            Internal::ActionSent { item, outcome } => sync::on_action_sent(model, item, outcome),
            Internal::RetryTimerFired { generation } => sync::on_retry_timer(model, generation),
            Internal::ComplaintsFetched(page) => sync::on_complaints_fetched(model, page),
            Internal::CatalogFetched(catalog) => sync::on_catalog_fetched(model, catalog),
            Internal::CampaignOpenReported { code, counted } => {
                sync::on_campaign_open_reported(model, code, counted)
            }
        },
    }
}

fn navigate(model: &mut Model, screen: Screen) {
    // Only screens that need nothing else can be reached directly.
    if matches!(
        screen,
        Screen::Home | Screen::NewComplaint | Screen::MyComplaints | Screen::Settings
    ) {
        model.screen = screen;
        model.form_error = None;
        if let Some(Notice::FinishDraftFirst) = model.notice {
            model.notice = None;
        }
    }
}

/// The app launched again, came to the foreground, or the network returned: read the clock,
/// send what waits, and fetch what changed.
pub(crate) fn wake_up(model: &mut Model) -> Command<Effect, Event> {
    Command::all([
        persist::flush(model),
        effects::now().then_send(|now| Event::internal(Internal::Clock(now))),
        sync::send_now(model),
        sync::refresh(model),
        sync::fetch_catalog(model),
        sync::report_campaign_open(model),
    ])
}

/// Remembers the campaign the app was opened for, and tells the server so it counts.
fn campaign_link_opened(model: &mut Model, code: String) -> Command<Effect, Event> {
    model.settings.campaign = Some(CampaignVisit {
        code,
        opened_at: model.now,
        reported: false,
    });
    persist::save(model, SlotKey::Settings).and(sync::report_campaign_open(model))
}
