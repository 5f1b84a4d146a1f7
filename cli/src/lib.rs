//! A command-line phone: the real citizen core with its effects carried out like a phone does
//! (HTTP, a durable key-value store, time). Trainers script demos with it; the end-to-end and
//! fault tests drive it against a real server; the load generator runs thousands of them.

pub mod ceiling;
pub mod load;
pub mod phone;
pub mod store;

pub use phone::Phone;
pub use store::{MemoryStore, SqliteStore, Store};
