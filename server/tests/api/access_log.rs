//! Who looked: a citizen's contact details and photos stay hidden until a staff member of the
//! handling institution asks to see them, and each look is recorded (who, when, which
//! complaint), which the institution's managers read, administrators for every institution, and
//! nobody else.

use protocol::api::Contact;
use reqwest::StatusCode;
use server::auth::{Role, sha256_hex};
use server::services::access_log::AccessEntry;

use crate::helpers::*;
use crate::photos::{numbered_jpeg, put_photo};

const GJILAN: &str = "gjilan:mun_inspection";

async fn log_page(app: &TestApp, token: &str) -> (StatusCode, String) {
    let response = app
        .client
        .get(app.url("/staff/access-log"))
        .bearer_auth(token)
        .header("Accept-Language", "en")
        .send()
        .await
        .unwrap();
    (response.status(), response.text().await.unwrap())
}

#[tokio::test]
async fn contact_and_photos_are_shown_on_request_and_every_look_is_recorded_for_managers() {
    let app = spawn_app().await;
    app.set_time("2026-12-02T09:00:00Z");
    let phone = device();
    let mut body = complaint("illegal_dumping", in_municipality("gjilan"));
    body.photo_count = 1;
    body.contact = Some(Contact {
        name: Some("Blerta Krasniqi".into()),
        phone: Some("+38349555111".into()),
        email: None,
    });
    let id = app.file(&phone, &body).await.id.to_string();
    assert!(
        put_photo(&app, &phone, &id, 0, numbered_jpeg(5))
            .await
            .status()
            .is_success()
    );
    let other = app
        .file(
            &device(),
            &complaint("roads_local", in_municipality("prishtine")),
        )
        .await
        .id
        .to_string();

    let inspector = app
        .staff("gjilan.inspector", Role::Staff, Some(GJILAN))
        .await;
    let manager = app
        .staff("gjilan.manager", Role::Manager, Some(GJILAN))
        .await;
    let elsewhere = app
        .staff(
            "prishtina.manager",
            Role::Manager,
            Some("prishtine:mun_public_services"),
        )
        .await;
    let admin = app.staff("the.admin", Role::Administrator, None).await;

    // The dashboard hides them, and offers to show them.
    let page = |token: String| {
        let (client, url) = (
            app.client.clone(),
            app.url(&format!("/staff/complaints/{id}")),
        );
        async move {
            client
                .get(url)
                .bearer_auth(token)
                .header("Accept-Language", "en")
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        }
    };
    let hidden = page(inspector.clone()).await;
    assert!(!hidden.contains("Blerta Krasniqi") && !hidden.contains("/photos/0"));
    assert!(hidden.contains("Show contact details and photos"));
    assert!(
        log_page(&app, &manager)
            .await
            .1
            .contains("Nobody has looked")
    );

    // Asked for: shown, and recorded once however often the page is opened in the window.
    let form_token = sha256_hex(format!("zeri-form:{inspector}").as_bytes());
    let shown = no_redirects()
        .post(app.url(&format!("/staff/complaints/{id}/reveal")))
        .bearer_auth(&inspector)
        .form(&[("form_token", form_token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(shown.status(), StatusCode::SEE_OTHER);
    for _ in 0..3 {
        let open = page(inspector.clone()).await;
        assert!(
            open.contains("Blerta Krasniqi")
                && open.contains(&format!("/api/v1/staff/complaints/{id}/photos/0"))
        );
    }
    let photo = app
        .staff_get(
            &inspector,
            &format!("/api/v1/staff/complaints/{id}/photos/0"),
        )
        .await;
    assert_eq!(photo.status(), StatusCode::OK);
    // Later the same day it is hidden again until asked for again.
    app.set_time("2026-12-02T09:20:00Z");
    assert!(!page(inspector.clone()).await.contains("Blerta Krasniqi"));
    assert!(
        app.staff_complaint_revealed(&inspector, &id)
            .await
            .contact
            .is_some()
    );

    let entries: Vec<AccessEntry> = {
        let state = app.state.clone();
        let manager = server::auth::StaffMember {
            id: 0,
            username: "x".into(),
            display_name: "x".into(),
            role: Role::Manager,
            institution_id: Some(GJILAN.into()),
        };
        server::services::access_log::entries(&state.db, &manager, None)
            .await
            .unwrap()
    };
    let looks: Vec<(&str, &str)> = entries
        .iter()
        .map(|e| (e.staff_name.as_str(), e.what.as_str()))
        .collect();
    assert_eq!(
        looks.len(),
        3,
        "{looks:?}: a look at the contact, one at the photos, and the next look"
    );
    assert!(
        entries
            .iter()
            .all(|e| e.complaint_id == id && e.institution_id == GJILAN)
    );
    assert_eq!(entries.iter().filter(|e| e.what == "photos").count(), 1);

    // Managers of the institution read it; of another institution, nothing; staff, not at all.
    let (status, log) = log_page(&app, &manager).await;
    assert_eq!(status, StatusCode::OK);
    assert!(log.contains("Contact details") && log.contains("Photos"));
    let (_, theirs) = log_page(&app, &elsewhere).await;
    assert!(theirs.contains("Nobody has looked"));
    assert_eq!(log_page(&app, &inspector).await.0, StatusCode::FORBIDDEN);
    let (_, all) = log_page(&app, &admin).await;
    assert!(all.contains(&id));
    // Another institution's complaint cannot be revealed.
    let refused = app
        .staff_get(
            &inspector,
            &format!("/api/v1/staff/complaints/{other}?reveal=true"),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
}
