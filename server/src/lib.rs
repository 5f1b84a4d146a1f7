//! Zëri's server: takes citizens' complaints, routes each to the institution responsible, and
//! serves the institution side (inbox, actions, administration, statistics) as an API and as
//! the dashboard staff use in a browser.
//!
//! Layers, bottom to top: [`db`] (the SQLite engine); [`services`] and [`auth`] (the rules and
//! all the SQL, in plain Rust); [`http`] (what both doors share: the error, the extractors,
//! cookies); [`state`]; the doors, [`routes`] (the JSON API) and [`web`] (the dashboard), which
//! never call each other; and [`app`], which builds the router and runs it.
//!
//! Where to start: [`app::Application`] builds and runs it; [`routing`] decides where a complaint
//! goes; [`services::complaints`] how it is filed; [`services::workflow`] what staff may do.

pub mod app;
pub mod auth;
pub mod backup;
pub mod calendar;
pub mod clock;
pub mod config;
pub mod db;
pub mod demo;
pub mod http;
pub mod input;
pub mod locate;
pub mod mailer;
pub mod messages;
pub mod migrate_store;
pub mod pusher;
pub mod ratelimit;
pub mod reference;
pub mod routes;
pub mod routing;
pub mod scheduler;
pub mod serve;
pub mod services;
pub mod state;
pub mod training;
pub mod web;

pub use app::Application;
