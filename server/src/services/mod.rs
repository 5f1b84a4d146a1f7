//! The services: what Zëri does, in plain Rust, below every door. Each takes a connection (or the
//! [`Db`](crate::db::Db)), the acting person, and typed input, and answers typed results or a
//! [`ServiceError`]. Validation, transition rules, idempotency, the reopen window, rating rules,
//! the role ceiling, the audit record and all the SQL live here; no HTTP. The SQL of one
//! aggregate sits in one place (a complaint's row in [`complaints::store`] and
//! [`workflow::store`], the audit log in [`audit`], photos in [`photos`], each reference table
//! in its own service), so a second engine has one boundary to meet.

pub mod access_log;
pub mod accounts;
pub mod audit;
pub mod campaigns;
pub mod catalog;
pub mod categories;
pub mod citizen_rights;
pub mod complaints;
pub mod error;
pub mod escalation;
pub mod health;
pub mod holidays;
pub mod inbox;
pub mod institutions;
pub mod mail;
pub mod municipalities;
pub mod names;
pub mod own_account;
pub mod photos;
pub mod push;
pub mod queues;
pub mod retention;
pub mod routing_rules;
pub mod schedule;
pub mod statistics;
pub mod supervision;
pub mod templates;
pub mod training;
pub mod workflow;

pub use error::ServiceError;
