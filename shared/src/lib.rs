//! Zëri's citizen core: everything the phone app does, with no I/O of its own.
//!
//! Where to start:
//! - [`app`]: hands each [`event`] to the workflow that owns it; [`effects`] are what the core
//!   asks the shell to do.
//! - The workflows, each with its events and their handling: [`lifecycle`] (start-up and
//!   waking up), [`navigation`], [`settings`] (and [`servers`]), [`links`], [`campaign`], [`drafting`],
//!   [`outbox`], [`sync`] (sending the outbox exactly once), [`my_complaints`], [`my_data`] (the
//!   citizen's rights over their data, with [`export`]), [`catalog`],
//!   [`notifications`] (what the citizen is told, and when), [`push`] (wake-ups), and [`persist`] (the key-value
//!   store, written in order).
//! - [`model`]: the state, and how it is kept on the phone; [`client`]: requests to the server
//!   and what their answers mean.
//! - [`view`] and [`view_model`]: what the shells draw, in the citizen's language ([`i18n`]).
//! - [`api`], [`domain`], [`photo`], [`time`], [`calendar`]: the `protocol` crate, which the
//!   server compiles too (re-exported here under the same names).
//! - [`ffi`]: the byte-level interface the Kotlin and Swift shells call through uniffi.

pub use protocol::{api, calendar, domain, photo, time};

pub mod app;
pub mod campaign;
pub mod catalog;
pub mod client;
pub mod drafting;
pub mod effects;
pub mod event;
pub mod export;
pub mod ffi;
pub mod i18n;
pub mod lifecycle;
pub mod links;
pub mod messages;
pub mod model;
pub mod my_complaints;
pub mod my_data;
pub mod navigation;
pub mod notifications;
pub mod outbox;
pub mod persist;
pub mod push;
pub mod servers;
pub mod settings;
pub mod sync;
pub mod view;
pub mod view_model;

pub use app::Zeri;
pub use drafting::DraftEvent;
pub use effects::Effect;
pub use event::Event;
pub use i18n::Language;
pub use lifecycle::LifecycleEvent;
pub use links::LinkEvent;
pub use my_complaints::MyComplaintsEvent;
pub use my_data::MyDataEvent;
pub use navigation::NavigationEvent;
pub use outbox::OutboxEvent;
pub use settings::SettingsEvent;
pub use view_model::ViewModel;

uniffi::setup_scaffolding!();
