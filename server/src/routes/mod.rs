//! The HTTP API, one module per audience.

pub mod admin;
pub mod citizen;
pub mod citizen_rights;
pub mod health;
pub mod openapi;
pub mod staff;
pub mod stats;
