//! The services every door calls: plain Rust, no HTTP. Each takes the store (or a connection),
//! the acting person and typed input, checks the rules, writes the audit record, and answers a
//! typed result or an error. All their SQL sits with them, one aggregate in one place.

pub mod accounts;
pub mod campaigns;
pub mod categories;
pub mod holidays;
pub mod institutions;
pub mod municipalities;
pub mod names;
pub mod routing_rules;
pub mod training;
