//! What Zëri's citizen core and its server share, and nothing else: the wire types and the API's
//! paths ([`api`]), the parsers and limits for citizen input ([`domain`]), the photo cleaner
//! both run on every photo ([`photo`]), Kosovo time ([`time`]), the working calendar and the
//! reopen window ([`calendar`]), and the languages with the words for a refused input
//! ([`i18n`]). It has no I/O and knows nothing of Crux, uniffi or the database.

pub mod api;
pub mod calendar;
pub mod domain;
pub mod i18n;
pub mod photo;
pub mod time;

pub use i18n::Language;
