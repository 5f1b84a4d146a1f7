//! What the two doors (the JSON API in `routes`, the dashboard in `web`) share about HTTP, and
//! nothing else: the error every failure becomes ([`ApiError`], with its status codes and words),
//! the extractors (a citizen's device, a logged-in staff member, the request's language), the
//! cookies, and JSON bodies. It calls authentication and the services; it knows no door.

pub mod cookies;
pub mod error;
pub mod extract;
pub mod json;
pub mod language;

pub use error::{ApiError, localize_errors};
pub use extract::Device;
pub use json::ApiJson;
pub use language::RequestLanguage;
