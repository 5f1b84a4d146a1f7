//! The OpenAPI document is generated from the code and covers every route.

use serde_json::Value;

use crate::helpers::*;

#[tokio::test]
async fn the_openapi_document_lists_every_route() {
    let app = spawn_app().await;
    let document: Value = app
        .client
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
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
        "/api/v1/campaigns/{code}/opens",
        "/api/v1/staff/login",
        "/api/v1/staff/logout",
        "/api/v1/staff/me",
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
        30,
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
    ] {
        assert!(schemas.contains_key(schema), "{schema}");
    }
}
