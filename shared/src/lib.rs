//! Zëri's citizen core: everything the phone app does, with no I/O of its own.
//!
//! Where to start:
//! - [`app`]: the events a shell sends, the effects it must carry out, and `update`.
//! - [`model`]: the state, and how it is kept on the phone.
//! - [`outbox`] and [`sync`]: how a complaint gets to the server exactly once.
//! - [`view`] and [`view_model`]: what the shells draw, in the citizen's language ([`i18n`]).
//! - [`api`], [`domain`], [`photo`], [`time`], [`calendar`]: the `protocol` crate, which the
//!   server compiles too (re-exported here under the same names).
//! - [`ffi`]: the byte-level interface the Kotlin and Swift shells call through uniffi.

pub use protocol::{api, calendar, domain, photo, time};

pub mod app;
pub mod catalog;
pub mod drafting;
pub mod effects;
pub mod ffi;
pub mod i18n;
pub mod model;
pub mod outbox;
pub mod persist;
pub mod sync;
pub mod view;
pub mod view_model;

pub use app::{Effect, Event, Zeri};
pub use i18n::Language;
pub use view_model::ViewModel;

uniffi::setup_scaffolding!();
