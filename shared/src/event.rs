//! What a shell tells the core, one enum per workflow, and the events the core sends itself
//! when an effect it asked for finishes.
//!
//! A shell sends what the citizen did and what happened to the phone: `Lifecycle`,
//! `Navigation`, `Settings`, `Link`, `Draft`, `Outbox`, `MyComplaints` and `MyData`. The other variants
//! carry effects' results back to the workflow that asked; they are skipped in the shells'
//! generated types and in the bytes a shell can send, so a shell cannot forge them.

use facet::Facet;
use serde::{Deserialize, Serialize};

use crate::campaign::CampaignEvent;
use crate::catalog::CatalogEvent;
use crate::drafting::DraftEvent;
use crate::lifecycle::LifecycleEvent;
use crate::links::LinkEvent;
use crate::my_complaints::MyComplaintsEvent;
use crate::my_data::MyDataEvent;
use crate::navigation::NavigationEvent;
use crate::outbox::OutboxEvent;
use crate::persist::PersistEvent;
use crate::push::PushEvent;
use crate::settings::SettingsEvent;
use crate::sync::SyncEvent;

#[derive(Facet, Serialize, Deserialize, Debug)]
#[repr(C)]
pub enum Event {
    /// The app's life: started, foregrounded, back online.
    Lifecycle(LifecycleEvent),
    /// Moving between screens.
    Navigation(NavigationEvent),
    /// The language, and the welcome screen.
    Settings(SettingsEvent),
    /// The app was opened with a link (`zeri://…`, or a campaign's web link).
    Link(LinkEvent),
    /// Writing a complaint.
    Draft(DraftEvent),
    /// What the server refused, waiting for the citizen.
    Outbox(OutboxEvent),
    /// The citizen's complaints: refreshing, rating, reopening.
    MyComplaints(MyComplaintsEvent),
    /// The citizen's data: reading it, keeping it, removing contact details, erasing.
    MyData(MyDataEvent),

    // What the core's own effects gave; shells never send these. Kept last: serde numbers
    // variants as declared when writing and without the skipped ones when reading.
    #[serde(skip)]
    #[facet(skip)]
    Persistence(#[facet(opaque)] PersistEvent),
    #[serde(skip)]
    #[facet(skip)]
    Sync(#[facet(opaque)] Box<SyncEvent>),
    #[serde(skip)]
    #[facet(skip)]
    Catalog(#[facet(opaque)] CatalogEvent),
    #[serde(skip)]
    #[facet(skip)]
    Campaign(#[facet(opaque)] CampaignEvent),
    #[serde(skip)]
    #[facet(skip)]
    Push(#[facet(opaque)] PushEvent),
}

macro_rules! from_workflow_events {
    ($($variant:ident($event:ty)),* $(,)?) => {
        $(impl From<$event> for Event {
            fn from(event: $event) -> Event {
                Event::$variant(event)
            }
        })*
    };
}

impl From<SyncEvent> for Event {
    fn from(event: SyncEvent) -> Event {
        Event::Sync(Box::new(event))
    }
}

from_workflow_events!(
    Lifecycle(LifecycleEvent),
    Navigation(NavigationEvent),
    Settings(SettingsEvent),
    Link(LinkEvent),
    Draft(DraftEvent),
    Outbox(OutboxEvent),
    MyComplaints(MyComplaintsEvent),
    MyData(MyDataEvent),
    Persistence(PersistEvent),
    Catalog(CatalogEvent),
    Campaign(CampaignEvent),
    Push(PushEvent),
);
