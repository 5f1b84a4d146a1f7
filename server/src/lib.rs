//! Zëri's server: takes citizens' complaints, routes each to the institution responsible, and
//! serves the institution side (inbox, actions, administration, statistics) as an API and as
//! the dashboard staff use in a browser ([`web`]).
//!
//! Where to start: [`app::Application`] builds and runs it; [`routes`] holds the API;
//! [`routing`] decides where a complaint goes; [`workflow`] what staff may do with it;
//! [`complaints`] and [`db`] how it is stored.

pub mod app;
pub mod auth;
pub mod calendar;
pub mod clock;
pub mod complaints;
pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod input;
pub mod locate;
pub mod messages;
pub mod passwords;
pub mod photos;
pub mod ratelimit;
pub mod reference;
pub mod routes;
pub mod routing;
pub mod serve;
pub mod services;
pub mod training;
pub mod web;
pub mod workflow;

pub use app::Application;
