//! Administration changes routing and accounts without a deploy, and only administrators (or, for
//! their own staff, managers) may do it.

use reqwest::StatusCode;
use serde_json::json;
use server::auth::Role;
use server::services::accounts::Account;
use server::services::routing_rules::RoutingRule;

use crate::helpers::*;

#[tokio::test]
async fn a_routing_rule_for_one_municipality_takes_effect_at_once() {
    let app = spawn_app().await;
    let admin = app.staff("admin", Role::Administrator, None).await;
    let staff = app
        .staff(
            "gjilan.staff",
            Role::Staff,
            Some("gjilan:mun_public_services"),
        )
        .await;
    let rule = json!({ "category_id": "waste_collection", "municipality_id": "gjilan", "target": "institution:krm_ekohigjiena", "priority": 10 });
    let refused = refusal(
        app.staff_post(&staff, "/api/v1/admin/routing-rules", &rule)
            .await,
    )
    .await;
    assert_eq!(refused.kind(), (StatusCode::FORBIDDEN, "forbidden"));

    let rule_id = created::<RoutingRule>(
        app.staff_post(&admin, "/api/v1/admin/routing-rules", &rule)
            .await,
    )
    .await
    .id;
    let receipt = app
        .file(
            &device(),
            &complaint("waste_collection", in_municipality("gjilan")),
        )
        .await;
    assert_eq!(receipt.institution.id, "krm_ekohigjiena");
    assert!(
        receipt
            .explanation
            .en
            .starts_with("In Gjilan, complaints about")
    );
    // Other municipalities keep the general rule.
    let elsewhere = app
        .file(
            &device(),
            &complaint("waste_collection", in_municipality("peje")),
        )
        .await;
    assert_eq!(elsewhere.institution.id, "peje:mun_public_services");

    let deleted = app
        .client
        .delete(app.url(&format!("/api/v1/admin/routing-rules/{rule_id}")))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    let receipt = app
        .file(
            &device(),
            &complaint("waste_collection", in_municipality("gjilan")),
        )
        .await;
    assert_eq!(receipt.institution.id, "gjilan:mun_public_services");

    let trail: Vec<String> = app
        .state
        .db
        .call(|c| -> Result<_, server::services::ServiceError> {
            let mut s =
                c.prepare("SELECT action FROM audit_log WHERE complaint_id IS NULL ORDER BY id")?;
            let rows = s
                .query_map((), |r| r.get(0))?
                .collect::<Result<Vec<String>, _>>()?;
            Ok(rows)
        })
        .await
        .unwrap();
    assert_eq!(trail, vec!["routing_rule_created", "routing_rule_deleted"]);
}

/// Two servers on one database: a rule an administrator adds through one routes the next
/// complaint on the other, which had already routed (and kept) that category there.
#[tokio::test]
async fn a_routing_rule_added_on_one_server_routes_the_next_complaint_on_another() {
    let first = spawn_app().await;
    let second = spawn_with(test_config(&first.dir)).await;
    let admin = first.staff("admin", Role::Administrator, None).await;
    let in_gjilan = || complaint("waste_collection", in_municipality("gjilan"));
    let before = second.file(&device(), &in_gjilan()).await;
    assert_eq!(before.institution.id, "gjilan:mun_public_services");

    let rule = json!({ "category_id": "waste_collection", "municipality_id": "gjilan", "target": "institution:krm_ekohigjiena", "priority": 10 });
    let added = first
        .staff_post(&admin, "/api/v1/admin/routing-rules", &rule)
        .await;
    created::<RoutingRule>(added).await;
    let after = second.file(&device(), &in_gjilan()).await;
    assert_eq!(after.institution.id, "krm_ekohigjiena");
    assert!(
        after
            .explanation
            .en
            .starts_with("In Gjilan, complaints about")
    );
}

#[tokio::test]
async fn managers_manage_their_own_institutions_accounts_only() {
    let app = spawn_app().await;
    let manager = app
        .staff(
            "gjilan.manager",
            Role::Manager,
            Some("gjilan:mun_public_services"),
        )
        .await;
    let new_staff = json!({ "username": "Gjilan.New", "display_name": "Ardita", "password": PASSWORD, "role": "staff", "institution_id": "gjilan:mun_public_services" });
    let account: Account = created(
        app.staff_post(&manager, "/api/v1/admin/staff", &new_staff)
            .await,
    )
    .await;
    assert_eq!(account.username, "gjilan.new");
    app.login("Gjilan.New").await;

    let elsewhere = json!({ "username": "msh.new", "display_name": "X", "password": "a long enough password", "role": "staff", "institution_id": "msh" });
    assert_eq!(
        app.staff_post(&manager, "/api/v1/admin/staff", &elsewhere)
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let admin_account = json!({ "username": "boss", "display_name": "X", "password": "a long enough password", "role": "administrator", "institution_id": null });
    assert_eq!(
        app.staff_post(&manager, "/api/v1/admin/staff", &admin_account)
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let refused = refusal(
        app.staff_post(&manager, "/api/v1/admin/staff", &new_staff)
            .await,
    )
    .await;
    assert_eq!(refused.kind(), (StatusCode::CONFLICT, "username_taken"));

    let list = app.accounts(&manager).await;
    assert_eq!(list.len(), 2);

    // Deactivating an account ends its sessions.
    let token = app.login("gjilan.new").await;
    let id = list.iter().find(|a| a.username == "gjilan.new").unwrap().id;
    let off = app
        .client
        .patch(app.url(&format!("/api/v1/admin/staff/{id}")))
        .bearer_auth(&manager)
        .json(&json!({ "active": false }))
        .send()
        .await
        .unwrap();
    assert_eq!(off.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.staff_get(&token, "/api/v1/staff/me").await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn administration_names_things_in_three_languages_as_the_citizen_api_does() {
    use server::services::categories::CategorySettings;
    use server::services::institutions::Institution;

    let app = spawn_app().await;
    let admin = app.staff("admin", Role::Administrator, None).await;
    let body = json!({ "id": "test_agency", "level": "central_agency",
                       "name": { "sq": " Agjencia ", "sr": "Agencija", "en": "Agency" } });
    let created = app
        .staff_post(&admin, "/api/v1/admin/institutions", &body)
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let created: Institution = created.json().await.unwrap();
    assert_eq!(created.name.sq, "Agjencia", "names are trimmed");

    let rename = |body: serde_json::Value| {
        app.client
            .patch(app.url("/api/v1/admin/institutions/test_agency"))
            .bearer_auth(&admin)
            .json(&body)
            .send()
    };
    let renamed: Institution = rename(json!({ "name": { "en": "The agency" } }))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        (
            renamed.name.sq.as_str(),
            renamed.name.sr.as_str(),
            renamed.name.en.as_str()
        ),
        ("Agjencia", "Agencija", "The agency"),
        "only the language given changes"
    );
    let blank = refusal(rename(json!({ "name": { "sr": "  " } })).await.unwrap()).await;
    assert_eq!(blank.kind(), (StatusCode::BAD_REQUEST, "name_required"));
    // The former shape is refused rather than ignored.
    let former = refusal(rename(json!({ "name_en": "Agency" })).await.unwrap()).await;
    assert_eq!(former.kind(), (StatusCode::BAD_REQUEST, "invalid_body"));

    // A category's name reads the same in the administration API and in the catalog.
    let settings: Vec<CategorySettings> = app
        .staff_get(&admin, "/api/v1/admin/categories")
        .await
        .json()
        .await
        .unwrap();
    let catalog: protocol::api::Catalog = app
        .client
        .get(app.url("/api/v1/catalog"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for category in &catalog.categories {
        let setting = settings.iter().find(|s| s.id == category.id).unwrap();
        assert_eq!(
            (&setting.name, setting.level),
            (&category.name, category.level)
        );
    }
}
