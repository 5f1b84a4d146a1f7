//! The OpenAPI document is generated from the code, covers every route, and is true: every
//! reference resolves, parameters are where the route takes them, every operation that needs a
//! credential says which (and answers without one as documented), every error has the one
//! error body, and the limits it states are the server's.

use protocol::api::limits;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use server::input;

use crate::helpers::*;

async fn document(app: &TestApp) -> Value {
    app.client
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// Every operation: (path, method, operation).
fn operations(document: &Value) -> Vec<(String, String, Value)> {
    let mut all = Vec::new();
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            all.push((path.clone(), method.clone(), operation.clone()));
        }
    }
    all
}

fn references(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("$ref", Value::String(target)) => found.push(target.clone()),
                    _ => references(value, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| references(v, found)),
        _ => {}
    }
}

/// The names in `{...}` of a path template.
fn template_names(path: &str) -> Vec<String> {
    path.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
        .collect()
}

#[tokio::test]
async fn the_openapi_document_lists_every_route() {
    let app = spawn_app().await;
    let document = document(&app).await;
    assert!(document["openapi"].as_str().unwrap().starts_with("3."));
    let paths = document["paths"].as_object().unwrap();
    for path in [
        "/healthz",
        "/api/v1/catalog",
        "/api/v1/complaints",
        "/api/v1/complaints/mine",
        "/api/v1/complaints/{id}/photos/{index}",
        "/api/v1/complaints/{id}/rating",
        "/api/v1/complaints/{id}/reopen",
        "/api/v1/complaints/{id}/messages",
        "/api/v1/campaigns/{code}/opens",
        "/api/v1/devices/push-token",
        "/api/v1/complaints/{id}/contact",
        "/api/v1/devices/data",
        "/api/v1/staff/login",
        "/api/v1/staff/logout",
        "/api/v1/staff/me",
        "/api/v1/staff/me/emails",
        "/api/v1/staff/complaints",
        "/api/v1/staff/complaints/{id}",
        "/api/v1/staff/complaints/{id}/actions",
        "/api/v1/staff/complaints/{id}/photos/{index}",
        "/api/v1/staff/escalations",
        "/api/v1/staff/colleagues",
        "/api/v1/admin/institutions",
        "/api/v1/admin/institutions/{id}",
        "/api/v1/admin/categories",
        "/api/v1/admin/categories/{id}",
        "/api/v1/admin/routing-rules",
        "/api/v1/admin/routing-rules/{id}",
        "/api/v1/admin/holidays",
        "/api/v1/admin/holidays/{date}",
        "/api/v1/admin/staff",
        "/api/v1/admin/staff/{id}",
        "/api/v1/admin/metrics",
        "/api/v1/stats",
        "/api/v1/stats.csv",
    ] {
        assert!(
            paths.contains_key(path),
            "{path} is missing from the document"
        );
    }
    assert_eq!(
        paths.len(),
        35,
        "every documented path is a route: {:?}",
        paths.keys().collect::<Vec<_>>()
    );
    let schemas = document["components"]["schemas"].as_object().unwrap();
    for schema in [
        "NewComplaint",
        "ComplaintReceipt",
        "ComplaintRecord",
        "Action",
        "StaffComplaint",
        "Stats",
        "ErrorBody",
    ] {
        assert!(schemas.contains_key(schema), "{schema}");
    }
}

#[tokio::test]
async fn every_reference_resolves_and_parameters_are_where_the_route_takes_them() {
    let app = spawn_app().await;
    let document = document(&app).await;
    let mut found = Vec::new();
    references(&document, &mut found);
    assert!(!found.is_empty());
    for target in found {
        let pointer = target
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("{target} points outside the document"));
        assert!(
            document.pointer(pointer).is_some(),
            "{target} points at nothing"
        );
    }
    for (path, method, operation) in operations(&document) {
        let parameters = operation["parameters"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let mut in_path: Vec<String> = Vec::new();
        for parameter in &parameters {
            let name = parameter["name"].as_str().unwrap();
            match parameter["in"].as_str().unwrap() {
                "path" => in_path.push(name.to_owned()),
                "query" => assert_ne!(
                    parameter["required"],
                    json!(true),
                    "{method} {path}: the query parameter {name} is optional"
                ),
                other => panic!(
                    "{method} {path}: {name} is in {other}; credentials are security schemes"
                ),
            }
        }
        in_path.sort();
        let mut template = template_names(&path);
        template.sort();
        assert_eq!(in_path, template, "{method} {path}: path parameters");
    }
}

#[tokio::test]
async fn operations_say_which_credential_they_need_and_every_error_has_the_error_body() {
    let app = spawn_app().await;
    let document = document(&app).await;
    let schemes = &document["components"]["securitySchemes"];
    assert_eq!(
        (
            &schemes["Device"]["type"],
            &schemes["Device"]["in"],
            &schemes["Device"]["name"]
        ),
        (&json!("apiKey"), &json!("header"), &json!("Authorization"))
    );
    assert_eq!(
        (&schemes["Bearer"]["type"], &schemes["Bearer"]["scheme"]),
        (&json!("http"), &json!("bearer"))
    );
    for (path, method, operation) in operations(&document) {
        let requirements = operation["security"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for requirement in &requirements {
            for scheme in requirement.as_object().unwrap().keys() {
                assert!(schemes.get(scheme).is_some(), "{method} {path}: {scheme}");
            }
        }
        let needs_credential = !requirements.is_empty()
            && requirements
                .iter()
                .all(|r| !r.as_object().unwrap().is_empty());
        // Asked without any credential, with path parameters that could exist and an empty body.
        let url = path
            .replace("{id}", "7e0a2b4c-1d2e-4f60-8a9b-0c1d2e3f4a5b")
            .replace("{index}", "0")
            .replace("{date}", "2026-01-01")
            .replace("{code}", "KS-ABCDE");
        let mut request = app.client.request(
            Method::from_bytes(method.to_uppercase().as_bytes()).unwrap(),
            app.url(&url),
        );
        if operation["requestBody"]["content"]["application/json"].is_object() {
            request = request.json(&json!({}));
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        if status == StatusCode::UNAUTHORIZED {
            assert!(
                needs_credential,
                "{method} {path} answers 401 without a credential but requires none"
            );
        }
        if needs_credential {
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{method} {path}");
        }
        let responses = operation["responses"].as_object().unwrap();
        assert!(
            responses.contains_key(status.as_str()),
            "{method} {path}: {status} is not documented"
        );
        // Any operation may find the database out of reach for a moment (PostgreSQL failover).
        assert!(
            responses["503"]["headers"]["Retry-After"].is_object(),
            "{method} {path}: 503 with Retry-After"
        );
        for (code, response) in responses {
            if code.starts_with('4') || code == "503" {
                assert_eq!(
                    response["content"]["application/json"]["schema"]["$ref"],
                    "#/components/schemas/ErrorBody",
                    "{method} {path} {code}"
                );
            }
        }
    }
}

#[tokio::test]
async fn the_limits_in_the_document_are_the_servers() {
    let app = spawn_app().await;
    let document = document(&app).await;
    let operation = |path: &str, method: &str| document["paths"][path][method].clone();
    let parameter = |path: &str, method: &str, name: &str| -> Value {
        operation(path, method)["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("{method} {path} has no {name}"))["schema"]
            .clone()
    };
    let schema = |name: &str, property: &str| -> Value {
        document["components"]["schemas"][name]["properties"][property].clone()
    };
    let inbox = "/api/v1/staff/complaints";
    let cases: Vec<(&str, Value, Value)> = vec![
        (
            "page maximum",
            parameter(inbox, "get", "page")["maximum"].clone(),
            json!(input::MAX_PAGE),
        ),
        (
            "per_page maximum",
            parameter(inbox, "get", "per_page")["maximum"].clone(),
            json!(input::MAX_PER_PAGE),
        ),
        (
            "q maxLength",
            parameter(inbox, "get", "q")["maxLength"].clone(),
            json!(input::SEARCH_MAX_CHARS),
        ),
        (
            "stats from",
            parameter("/api/v1/stats", "get", "from")["pattern"].clone(),
            json!(input::DATE_PATTERN),
        ),
        (
            "stats.csv to",
            parameter("/api/v1/stats.csv", "get", "to")["pattern"].clone(),
            json!(input::DATE_PATTERN),
        ),
        (
            "holiday",
            schema("Holiday", "date")["pattern"].clone(),
            json!(input::DATE_PATTERN),
        ),
        (
            "holiday to delete",
            parameter("/api/v1/admin/holidays/{date}", "delete", "date")["pattern"].clone(),
            json!(input::DATE_PATTERN),
        ),
        (
            "since",
            parameter("/api/v1/complaints/mine", "get", "since")["pattern"].clone(),
            json!(format!("^[0-9]{{0,{}}}$", input::MAX_CURSOR_DIGITS)),
        ),
        (
            "photo_count",
            schema("NewComplaint", "photo_count")["maximum"].clone(),
            json!(limits::MAX_PHOTOS),
        ),
        (
            "photo index",
            parameter("/api/v1/complaints/{id}/photos/{index}", "put", "index")["maximum"].clone(),
            json!(limits::MAX_PHOTOS - 1),
        ),
        (
            "description min",
            schema("NewComplaint", "description")["minLength"].clone(),
            json!(limits::DESCRIPTION_MIN_CHARS),
        ),
        (
            "description max",
            schema("NewComplaint", "description")["maxLength"].clone(),
            json!(limits::DESCRIPTION_MAX_CHARS),
        ),
        (
            "name",
            schema("Contact", "name")["maxLength"].clone(),
            json!(limits::NAME_MAX_CHARS),
        ),
        (
            "comment",
            schema("RatingRequest", "comment")["maxLength"].clone(),
            json!(limits::COMMENT_MAX_CHARS),
        ),
        (
            "stars",
            schema("RatingRequest", "stars")["maximum"].clone(),
            json!(5),
        ),
        (
            "reason min",
            schema("ReopenRequest", "reason")["minLength"].clone(),
            json!(limits::REASON_MIN_CHARS),
        ),
        (
            "reason max",
            schema("ReopenRequest", "reason")["maxLength"].clone(),
            json!(limits::REASON_MAX_CHARS),
        ),
        (
            "priority",
            schema("RoutingRule", "priority")["maximum"].clone(),
            json!(server::services::routing_rules::MAX_PRIORITY),
        ),
        (
            "days to acknowledge",
            schema("CategoryChange", "ack_working_days")["maximum"].clone(),
            json!(server::services::categories::MAX_ACK_WORKING_DAYS),
        ),
        (
            "days to answer",
            schema("CategoryChange", "answer_working_days")["maximum"].clone(),
            json!(server::services::categories::MAX_ANSWER_WORKING_DAYS),
        ),
        (
            "password",
            schema("NewAccount", "password")["minLength"].clone(),
            json!(server::services::accounts::MIN_PASSWORD_CHARS),
        ),
    ];
    for (what, documented, actual) in cases {
        assert_eq!(documented, actual, "{what}");
    }
    let gps = &document["components"]["schemas"]["Location"]["oneOf"][0]["properties"];
    assert_eq!(
        gps["lat"]["minimum"],
        json!(protocol::api::kosovo_bounds::MIN_LAT)
    );
    assert_eq!(
        gps["lon"]["maximum"],
        json!(protocol::api::kosovo_bounds::MAX_LON)
    );
}
