//! The administration API: institutions, categories (names and deadlines), routing rules,
//! holidays and staff accounts. Each handler reads the request and calls one administration
//! service (`crate::services`), where the rules, the role ceiling and the audit record live.

mod accounts;
mod reference;

use axum::Router;
use axum::routing::{delete, get, patch};

pub use accounts::*;
pub use reference::*;

use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/admin/institutions",
            get(list_institutions).post(create_institution),
        )
        .route("/api/v1/admin/institutions/{id}", patch(update_institution))
        .route("/api/v1/admin/categories", get(list_categories))
        .route("/api/v1/admin/categories/{id}", patch(update_category))
        .route(
            "/api/v1/admin/routing-rules",
            get(list_rules).post(create_rule),
        )
        .route("/api/v1/admin/routing-rules/{id}", delete(delete_rule))
        .route(
            "/api/v1/admin/holidays",
            get(list_holidays).post(create_holiday),
        )
        .route("/api/v1/admin/holidays/{date}", delete(delete_holiday))
        .route("/api/v1/admin/staff", get(list_staff).post(create_staff))
        .route("/api/v1/admin/staff/{id}", patch(update_staff))
}
