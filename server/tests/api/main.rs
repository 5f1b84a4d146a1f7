//! The server's API tests: each starts the real server on port 0 with a fresh database file and
//! talks HTTP to it.

mod access_log;
mod admin;
mod backup;
mod bad_input;
mod campaigns;
mod citizen;
mod citizen_rights;
mod complaint_pin;
mod deadlines;
mod demo;
mod escalation;
mod extremes;
mod helpers;
mod inbox_counts;
mod mail;
mod mail_staff;
mod migrate_store;
mod openapi;
mod passwords;
mod photos;
mod push;
mod questions;
mod restart;
mod retention;
mod second_factor;
mod security_accounts;
mod security_limits;
#[path = "../smtp/mod.rs"]
mod smtp;
mod staff;
mod stats;
mod supervision;
mod training;
mod web;
