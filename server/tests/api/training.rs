//! Training: a trainee's sandbox is apart from the real database, their exercises are recorded
//! in it, and a reset starts the sandbox again without forgetting who was trained.

use reqwest::StatusCode;
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use serde_json::{Value, json};
use server::auth::{Role, StaffMember, sha256_hex};
use server::services::inbox::{Inbox, StaffComplaint};

use crate::helpers::*;

const INSTITUTION: &str = "gjilan:mun_public_services";

/// A browser in a trainee's sandbox: its cookies.
struct Trainee {
    cookies: String,
}

fn between<'a>(text: &'a str, before: &str, after: &str) -> Vec<&'a str> {
    text.split(before)
        .skip(1)
        .filter_map(|rest| rest.split(after).next())
        .collect()
}

async fn enter(app: &TestApp, link: &str) -> Trainee {
    let response = no_redirects()
        .get(
            app.url(
                link.split_once("://")
                    .unwrap()
                    .1
                    .split_once('/')
                    .map(|(_, p)| format!("/{p}"))
                    .unwrap()
                    .as_str(),
            ),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[LOCATION], "/staff/exercises");
    let cookies: Vec<String> = response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|c| {
            let c = c.to_str().unwrap();
            assert!(
                c.contains("HttpOnly") && c.contains("SameSite=Strict"),
                "{c}"
            );
            c.split(';').next().unwrap().to_owned()
        })
        .collect();
    assert_eq!(cookies.len(), 2, "{cookies:?}");
    Trainee {
        cookies: cookies.join("; "),
    }
}

impl Trainee {
    async fn get(&self, app: &TestApp, path: &str) -> reqwest::Response {
        no_redirects()
            .get(app.url(path))
            .header(COOKIE, &self.cookies)
            .send()
            .await
            .unwrap()
    }

    /// Reads what a page of the staff API answers inside the sandbox.
    async fn read<T: serde::de::DeserializeOwned>(&self, app: &TestApp, path: &str) -> T {
        answer(self.get(app, path).await).await.unwrap()
    }

    async fn act(&self, app: &TestApp, id: &str, action: Value) {
        let response = app
            .client
            .post(app.url(&format!("/api/v1/staff/complaints/{id}/actions")))
            .header(COOKIE, &self.cookies)
            .json(&action)
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "{}",
            response.text().await.unwrap()
        );
    }
}

#[tokio::test]
async fn a_trainee_practises_apart_from_real_data_and_is_counted_once_trained() {
    let app = spawn_app().await;
    let admin = app.staff("trainer", Role::Administrator, None).await;
    let form_token = sha256_hex(format!("zeri-form:{admin}").as_bytes());
    let trainer = |path: &'static str| app.staff_get(&admin, path);

    let add = |name: &'static str| {
        no_redirects()
            .post(app.url("/staff/training"))
            .bearer_auth(&admin)
            .form(&[
                ("form_token", form_token.as_str()),
                ("name", name),
                ("institution_id", INSTITUTION),
            ])
            .send()
    };
    let unnamed = add(" ").await.unwrap();
    assert_eq!(unnamed.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let added = add("Lirie Osmani").await.unwrap();
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let page = trainer("/staff/training").await.text().await.unwrap();
    assert!(page.contains("Lirie Osmani"));
    let link = between(&page, "class=\"entry-link\" href=\"", "\"")[0].to_owned();
    assert_eq!(between(&page, "id=\"trained-total\">", "<")[0], "0");

    let trainee = enter(&app, &link).await;
    let exercises = trainee.get(&app, "/staff/exercises").await;
    assert_eq!(exercises.status(), StatusCode::OK);
    let page = exercises.text().await.unwrap();
    assert!(page.contains("Training: practice data"), "the banner");
    assert_eq!(page.matches("data-done=\"false\"").count(), 5);
    let complaints: Vec<String> = between(&page, "href=\"/staff/complaints/", "\"")
        .into_iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(complaints.len(), 4);

    // The sandbox holds the demo data and the exercises; the real database holds none of it.
    let real: i64 = app
        .state
        .db
        .read(|c| {
            Ok::<_, server::services::ServiceError>(c.query_row(
                "SELECT COUNT(*) FROM complaints",
                (),
                |r| r.get(0),
            )?)
        })
        .await
        .unwrap();
    assert_eq!(real, 0);
    for id in &complaints {
        let real = app
            .staff_get(&admin, &format!("/api/v1/staff/complaints/{id}"))
            .await;
        assert_eq!(real.status(), StatusCode::NOT_FOUND);
    }
    let inbox: Inbox = trainee
        .read(&app, "/api/v1/staff/complaints?per_page=100")
        .await;
    assert!(inbox.items.len() >= 4, "{inbox:?}");
    assert!(inbox.items.iter().all(|i| i.institution_id == INSTITUTION));

    // The exercises: the misrouted one is about water, which Gjilan's water company handles.
    let mut details: Vec<StaffComplaint> = Vec::new();
    for id in &complaints {
        let path = format!("/api/v1/staff/complaints/{id}");
        details.push(trainee.read(&app, &path).await);
    }
    let misrouted = details
        .iter()
        .find(|d| d.item.category_id == "water_supply")
        .expect("a water complaint in the municipality's inbox");
    let own = details
        .iter()
        .find(|d| d.item.category_id != "water_supply")
        .unwrap();
    let own_id = own.item.id.as_str();
    trainee
        .act(&app, own_id, json!({ "action": "acknowledge" }))
        .await;
    trainee
        .act(
            &app,
            own_id,
            json!({ "action": "reply", "text": "Ekipi do të dalë nesër në terren." }),
        )
        .await;
    trainee
        .act(
            &app,
            own_id,
            json!({ "action": "resolve", "reason": "Kontejnerët u zbrazën sot." }),
        )
        .await;
    // A transfer to the wrong place does not count.
    let misrouted_id = misrouted.item.id.as_str();
    trainee
        .act(
            &app,
            misrouted_id,
            json!({ "action": "transfer", "institution_id": "msh", "reason": "Nuk është e jona." }),
        )
        .await;
    let page = trainee
        .get(&app, "/staff/exercises")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("data-exercise=\"transfer\" data-done=\"false\""),
        "{page}"
    );
    assert_eq!(page.matches("data-done=\"true\"").count(), 3);

    let exported = trainee.get(&app, "/api/v1/stats.csv").await;
    assert_eq!(exported.status(), StatusCode::OK);
    let page = trainer("/staff/training").await.text().await.unwrap();
    assert!(page.contains("4 / 5"), "progress reaches the trainer");
    assert_eq!(between(&page, "id=\"trained-total\">", "<")[0], "0");

    // Reset: a fresh sandbox (the old session is gone with it); what was done still counts.
    let reset = no_redirects()
        .post(app.url(&format!(
            "/staff/training/{}/reset",
            between(&page, "data-trainee=\"", "\"")[0]
        )))
        .bearer_auth(&admin)
        .form(&[("form_token", form_token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(reset.status(), StatusCode::SEE_OTHER);
    let signed_out = trainee.get(&app, "/staff/exercises").await;
    assert_eq!(signed_out.status(), StatusCode::SEE_OTHER);
    let trainee = enter(&app, &link).await;
    let page = trainee
        .get(&app, "/staff/exercises")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        page.matches("data-done=\"false\"").count(),
        5,
        "a fresh sandbox"
    );
    let fresh: Vec<&str> = between(&page, "href=\"/staff/complaints/", "\"");
    assert!(fresh.iter().all(|id| !complaints.iter().any(|c| c == id)));

    // In the fresh sandbox, the transfer done right completes the training.
    let mut water = None;
    for id in &fresh {
        let path = format!("/api/v1/staff/complaints/{id}");
        let detail: StaffComplaint = trainee.read(&app, &path).await;
        if detail.item.category_id == "water_supply" {
            water = Some(id.to_string());
        }
    }
    let company: String = app
        .state
        .db
        .read(|c| -> Result<_, server::services::ServiceError> {
            Ok(c.query_row(
                "SELECT water_company FROM municipalities WHERE id = 'gjilan'",
                (),
                |r| r.get(0),
            )?)
        })
        .await
        .unwrap();
    trainee
        .act(
            &app,
            &water.unwrap(),
            json!({ "action": "transfer", "institution_id": company, "reason": "Furnizimi me ujë është punë e kompanisë rajonale." }),
        )
        .await;
    let page = trainee
        .get(&app, "/staff/exercises")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("data-exercise=\"transfer\" data-done=\"true\""),
        "{page}"
    );
    let page = trainer("/staff/training").await.text().await.unwrap();
    assert_eq!(between(&page, "id=\"trained-total\">", "<")[0], "1");
    assert_eq!(between(&page, "id=\"trained-municipal\">", "<")[0], "1");
    assert_eq!(between(&page, "id=\"trained-central\">", "<")[0], "0");
    assert!(page.contains("5 / 5"));
    let csv = trainer("/staff/training/trained.csv")
        .await
        .text()
        .await
        .unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "institution_id,institution_sq,institution_sr,institution_en,name,trained_on"
    );
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(lines[1].starts_with(&format!("{INSTITUTION},")), "{csv}");
    assert!(lines[1].contains(",Lirie Osmani,20"), "{csv}");

    // Leaving: both cookies are cleared, and the real system is back.
    let left = no_redirects()
        .post(app.url("/training/leave"))
        .header(COOKIE, &trainee.cookies)
        .send()
        .await
        .unwrap();
    assert_eq!(left.status(), StatusCode::SEE_OTHER);
    let cleared: Vec<&str> = left
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|c| c.to_str().unwrap())
        .collect();
    assert!(
        cleared.iter().all(|c| c.contains("Max-Age=0")),
        "{cleared:?}"
    );
}

#[tokio::test]
async fn only_administrators_train_and_a_bad_link_opens_nothing() {
    let app = spawn_app().await;
    let staff = app.staff("drita", Role::Staff, Some(INSTITUTION)).await;
    assert_eq!(
        app.staff_get(&staff, "/staff/training").await.status(),
        StatusCode::FORBIDDEN
    );
    let bad = no_redirects()
        .get(app.url("/training/enter/not-a-code"))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::NOT_FOUND);
    assert!(bad.headers().get(SET_COOKIE).is_none());
    // Outside a sandbox there are no exercises.
    assert_eq!(
        app.staff_get(&staff, "/staff/exercises").await.status(),
        StatusCode::NOT_FOUND
    );
}

/// Any institution can train, also one no category goes to (the Assembly) or a ministry: its
/// sandbox still has four exercise complaints in its inbox, one of them someone else's.
#[tokio::test]
async fn trainees_of_central_institutions_get_exercises_too() {
    let app = spawn_app().await;
    let admin = app.staff("trainer", Role::Administrator, None).await;
    let form_token = sha256_hex(format!("zeri-form:{admin}").as_bytes());
    for institution in ["msh", "assembly", "kru_prishtina"] {
        let added = no_redirects()
            .post(app.url("/staff/training"))
            .bearer_auth(&admin)
            .form(&[
                ("form_token", form_token.as_str()),
                ("name", institution),
                ("institution_id", institution),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(added.status(), StatusCode::SEE_OTHER, "{institution}");
    }
    let page = app
        .staff_get(&admin, "/staff/training")
        .await
        .text()
        .await
        .unwrap();
    for link in between(&page, "class=\"entry-link\" href=\"", "\"") {
        let trainee = enter(&app, link).await;
        let exercises = trainee
            .get(&app, "/staff/exercises")
            .await
            .text()
            .await
            .unwrap();
        let complaints = between(&exercises, "href=\"/staff/complaints/", "\"");
        assert_eq!(complaints.len(), 4, "{link}");
        let me: StaffMember = trainee.read(&app, "/api/v1/staff/me").await;
        let institution = me.institution_id.unwrap();
        let mut elsewhere = 0;
        for id in complaints {
            let path = format!("/api/v1/staff/complaints/{id}");
            let detail: StaffComplaint = trainee.read(&app, &path).await;
            assert_eq!(detail.item.institution_id, institution);
            // Where the routing rules (without the wrong one) would send it.
            let category = detail.item.category_id;
            let municipality = detail.item.municipality_id;
            let responsible = app
                .state
                .db
                .read(move |c| {
                    Ok::<_, server::services::ServiceError>(
                        server::routing::route(c, &category, &municipality)?.0,
                    )
                })
                .await
                .unwrap();
            if responsible != institution {
                elsewhere += 1;
            }
        }
        assert!(elsewhere >= 1, "{institution} has a misrouted complaint");
    }
}
