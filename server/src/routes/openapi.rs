//! `/api/v1/openapi.json`: the OpenAPI document of the whole API, generated from the handlers'
//! own annotations and types, so it cannot drift from the code.
//!
//! The handlers' annotations name what is theirs: parameters with their limits, the security
//! scheme their extractor enforces, and the errors only they give. What every operation shares
//! is added here, from the same facts the router is built on: a body is read by `ApiJson`
//! (400 malformed, 413 too large, 415 not JSON), a credential is checked by an extractor (401;
//! 403 for a staff session that must set up its second factor first),
//! the citizen API is rate-limited per address (429), any operation may find its database out
//! of reach for a moment (503, with `Retry-After`), and every error has one body.

use std::sync::OnceLock;

use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};
use utoipa::OpenApi;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};

use crate::routes::{admin, citizen, citizen_rights, health, staff, stats};
use crate::state::AppState;

#[derive(OpenApi)]
#[openapi(
    info(title = "Zëri API", description = "Citizens' complaints about public services in Kosovo, routed to the institution responsible. Errors are `{\"error\": {\"code\", \"message\"}}`, with the message in the language of `Accept-Language` (sq, sr, en)."),
    paths(
        health::health, health::metrics,
        citizen::catalog, citizen::create_complaint, citizen::my_complaints, citizen::upload_photo, citizen::rate,
        citizen::reopen, citizen::send_message, citizen::campaign_opened, citizen::register_push_token, citizen::remove_push_tokens,
        citizen_rights::my_data, citizen_rights::erase_my_data, citizen_rights::remove_contact,
        staff::login, staff::logout, staff::me, staff::my_emails, staff::set_my_emails, staff::complaints::inbox, staff::complaints::complaint,
        staff::complaints::act, staff::photos::photo, staff::complaints::escalations, staff::complaints::colleagues,
        admin::list_institutions, admin::create_institution, admin::update_institution, admin::list_categories,
        admin::update_category, admin::list_rules, admin::create_rule, admin::delete_rule, admin::list_holidays,
        admin::create_holiday, admin::delete_holiday, admin::list_staff, admin::create_staff, admin::update_staff,
        stats::stats, stats::stats_csv,
    ),
    components(schemas(protocol::api::ErrorBody, protocol::api::ErrorDetail)),
    modifiers(&SecuritySchemes),
    tags(
        (name = "citizen", description = "The phone app's API; a device authenticates with `Authorization: Device <secret>`"),
        (name = "staff", description = "Institution staff; `Authorization: Bearer <token>` from login"),
        (name = "administration", description = "Reference data, routing rules and accounts"),
        (name = "statistics", description = "Public figures without personal data"),
    )
)]
pub struct ApiDoc;

/// A photo's bytes, as an upload's body or a download (JPEG or PNG, its metadata removed).
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct PhotoBytes(#[allow(dead_code)] Vec<u8>);

/// The two credentials: a phone's device secret and a staff member's session token. (The
/// dashboard's session cookie is the dashboard's, not the API's.)
struct SecuritySchemes;

impl utoipa::Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "Device",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "Authorization",
                "`Device <secret>`: a secret of 32 to 128 letters, digits, `-` and `_` the app \
                 makes once and keeps; the server stores only its hash.",
            ))),
        );
        components.add_security_scheme(
            "Bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The `token` from `POST /api/v1/staff/login`, until it expires or logout.",
                    ))
                    .build(),
            ),
        );
    }
}

const METHODS: [&str; 5] = ["get", "put", "post", "delete", "patch"];

/// What each shared error means, for an operation that does not say more.
fn default_description(status: &str) -> &'static str {
    match status {
        "400" => {
            "The request is malformed: a parameter or the body is not what this operation takes"
        }
        "401" => "No credential, or one the server does not know (or a session that has ended)",
        "403" => {
            "This account is not allowed to do this, or must set up its second factor on the \
             dashboard first (`second_factor_enrolment_required`)"
        }
        "404" => "Not found",
        "409" => "The current state does not allow this",
        "413" => "The body is too large",
        "415" => "The body is not `application/json`",
        "422" => "A field is not valid; the code names which",
        "429" => "Too many requests; `Retry-After` says in how many seconds to try again",
        "503" => {
            "The server is busy, or its database cannot be reached just now (a PostgreSQL \
             deployment during a failover); `Retry-After` says in how many seconds to try again"
        }
        _ => "An error",
    }
}

/// Whether an operation can be reached without any credential.
fn open_to_anyone(operation: &Value) -> bool {
    match operation["security"].as_array() {
        None => true,
        Some(requirements) => requirements
            .iter()
            .any(|r| r.as_object().is_some_and(|r| r.is_empty())),
    }
}

/// Adds the errors every operation of its kind can give, and the one error body to all of them.
fn add_shared_errors(operation: &mut Value) {
    let mut statuses: Vec<&str> = Vec::new();
    if !open_to_anyone(operation) {
        statuses.push("401");
    }
    // A staff session of an account that must set up its second factor reaches nothing else.
    let staff_session = operation["security"]
        .as_array()
        .is_some_and(|requirements| requirements.iter().any(|r| r.get("Bearer").is_some()));
    if staff_session {
        statuses.push("403");
    }
    if let Some(content) = operation["requestBody"]["content"].as_object() {
        statuses.push("413");
        if content.contains_key("application/json") {
            statuses.extend(["400", "415"]);
        }
    }
    let parameters = operation["parameters"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let checked = |p: &Value| p["in"] == "query" || p["schema"]["type"] != "string";
    if parameters.iter().any(checked) {
        statuses.push("400");
    }
    let citizen = operation["tags"]
        .as_array()
        .is_some_and(|tags| tags.iter().any(|t| t == "citizen"));
    if citizen {
        statuses.push("429");
    }
    // Every operation reads or writes the database, which a PostgreSQL deployment can lose for
    // a moment.
    statuses.push("503");
    let responses = operation["responses"]
        .as_object_mut()
        .expect("every operation has responses");
    for status in statuses {
        responses.entry(status).or_insert_with(|| json!({}));
    }
    for (status, response) in responses.iter_mut() {
        if !status.starts_with('4') && status != "503" {
            continue;
        }
        let described = response["description"].as_str().unwrap_or_default();
        if described.is_empty() {
            response["description"] = json!(default_description(status));
        }
        response["content"] = json!({
            "application/json": { "schema": { "$ref": "#/components/schemas/ErrorBody" } }
        });
        if status == "429" || status == "503" {
            response["headers"] = json!({
                "Retry-After": { "description": "Seconds to wait", "schema": { "type": "integer", "minimum": 1 } }
            });
        }
    }
}

/// The document as served: the generated one with the shared errors added.
pub fn document() -> &'static Value {
    static DOCUMENT: OnceLock<Value> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        let mut document = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
        if let Some(paths) = document["paths"].as_object_mut() {
            for item in paths.values_mut() {
                for method in METHODS {
                    if item.get(method).is_some() {
                        add_shared_errors(&mut item[method]);
                    }
                }
            }
        }
        document
    })
}

pub fn router() -> Router<AppState> {
    Router::new().route("/api/v1/openapi.json", get(|| async { Json(document()) }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The router takes the citizen API's paths from `protocol::api::paths`; the annotations
    /// write them out again, and must write the same.
    #[test]
    fn the_document_names_the_citizen_paths_the_protocol_names() {
        let tagged_citizen = |item: &Value| {
            METHODS.iter().any(|method| {
                item[method]["tags"]
                    .as_array()
                    .is_some_and(|tags| tags.iter().any(|t| t == "citizen"))
            })
        };
        let mut documented: Vec<&str> = document()["paths"]
            .as_object()
            .expect("the document has paths")
            .iter()
            .filter(|(_, item)| tagged_citizen(item))
            .map(|(path, _)| path.as_str())
            .collect();
        documented.sort_unstable();
        let mut protocol = protocol::api::paths::ALL.to_vec();
        protocol.sort_unstable();
        assert_eq!(documented, protocol);
    }
}
