//! Campaigns: created on the dashboard, followed from their web link and from the app, and
//! counted with the complaints that carry their code.

use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, LOCATION};
use server::auth::{Role, sha256_hex};

use crate::helpers::*;

fn figure(page: &str, id: &str) -> String {
    let marker = format!("id=\"{id}\">");
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no {id} in the page"))
        + marker.len();
    page[start..].split('<').next().unwrap().trim().to_owned()
}

#[tokio::test]
async fn a_campaign_counts_link_visits_app_openings_and_its_complaints_by_municipality() {
    let app = spawn_app().await;
    let admin = app.staff("admin", Role::Administrator, None).await;
    let form_token = sha256_hex(format!("zeri-form:{admin}").as_bytes());
    let client = no_redirects();
    let create = |fields: Vec<(&'static str, &'static str)>| {
        let mut form = vec![("form_token", form_token.as_str())];
        form.extend(fields);
        client
            .post(app.url("/staff/campaigns"))
            .bearer_auth(&admin)
            .header("Accept-Language", "sq")
            .form(&form)
            .send()
    };

    let backwards = create(vec![
        ("name", "Gjilani i pastër"),
        ("starts_on", "2026-12-01"),
        ("ends_on", "2026-11-01"),
        ("municipality_id", "gjilan"),
    ])
    .await
    .unwrap();
    assert_eq!(backwards.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = backwards.text().await.unwrap();
    assert!(page.contains("mbarimin jo para fillimit"), "{page}");
    assert!(page.contains("Gjilani i pastër"), "what was typed stays");

    let nowhere = create(vec![
        ("name", "Atlantis"),
        ("starts_on", "2026-11-01"),
        ("ends_on", "2026-12-01"),
        ("municipality_id", "atlantis"),
    ])
    .await
    .unwrap();
    assert_eq!(nowhere.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        nowhere
            .text()
            .await
            .unwrap()
            .contains("Zgjidhni një komunë")
    );

    let created = create(vec![
        ("name", "Gjilani i pastër"),
        ("starts_on", "2026-11-01"),
        ("ends_on", "2026-12-01"),
        ("municipality_id", "gjilan"),
    ])
    .await
    .unwrap();
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let location = created.headers()[LOCATION].to_str().unwrap().to_owned();
    let code = location
        .strip_prefix("/staff/campaigns/")
        .unwrap()
        .to_owned();
    assert!(code.starts_with("GJI-"), "{code}");

    // Two people scan the poster (one of them twice: counted once that day); the page offers
    // the app with the code.
    for address in ["127.0.0.2", "127.0.0.3", "127.0.0.3"] {
        let landing = client_from(address)
            .get(app.url(&format!("/c/{}", code.to_lowercase())))
            .send()
            .await
            .unwrap();
        assert_eq!(landing.status(), StatusCode::OK);
        let page = landing.text().await.unwrap();
        assert!(page.contains(&format!("zeri://campaign/{code}")), "{page}");
    }
    let unknown = app.client.get(app.url("/c/NO-SUCH")).send().await.unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);

    // One phone opens the app from it twice (counted once that day), another once; a made-up
    // code is not counted.
    let (first, second) = (device(), device());
    for phone in [&first, &first, &second] {
        let opened = app
            .citizen_post(
                phone,
                &format!("/api/v1/campaigns/{code}/opens"),
                &serde_json::json!({}),
            )
            .await;
        assert_eq!(opened.status(), StatusCode::NO_CONTENT);
    }
    let made_up = app
        .citizen_post(
            &first,
            "/api/v1/campaigns/KS-NOPE/opens",
            &serde_json::json!({}),
        )
        .await;
    assert_eq!(refusal(made_up).await.status, StatusCode::NOT_FOUND);
    let anonymous = app
        .client
        .post(app.url(&format!("/api/v1/campaigns/{code}/opens")))
        .send()
        .await
        .unwrap();
    assert_eq!(refusal(anonymous).await.code(), "device_required");

    // Complaints from the campaign in two municipalities, and one without it.
    for (phone, municipality, campaign) in [
        (&first, "gjilan", Some(code.as_str())),
        (&first, "gjilan", Some(code.as_str())),
        (&second, "viti", Some(code.as_str())),
        (&second, "viti", None),
    ] {
        let mut body = complaint("waste_collection", in_municipality(municipality));
        body.campaign = campaign.map(str::to_owned);
        app.file(phone, &body).await;
    }

    let detail = app
        .staff_get(&admin, &format!("/staff/campaigns/{code}"))
        .await;
    assert_eq!(detail.status(), StatusCode::OK);
    let page = detail.text().await.unwrap();
    assert_eq!(figure(&page, "campaign-scans"), "2");
    assert_eq!(figure(&page, "campaign-app-opens"), "2");
    assert_eq!(figure(&page, "campaign-devices"), "2");
    assert_eq!(figure(&page, "campaign-complaints"), "3");
    let by_municipality = &page[page.find("campaign-municipalities").unwrap()..];
    let gjilan = by_municipality.find("Gjilan").unwrap();
    let viti = by_municipality.find("Viti").unwrap();
    assert!(gjilan < viti, "the most complaints first");

    let list = app.staff_get(&admin, "/staff/campaigns").await;
    assert_eq!(
        figure(&list.text().await.unwrap(), "campaigns-organized"),
        "1"
    );
    let csv = app.staff_get(&admin, "/staff/campaigns.csv").await;
    assert_eq!(csv.headers()[CONTENT_TYPE], "text/csv; charset=utf-8");
    let csv = csv.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2, "{csv}");
    assert_eq!(
        lines[1],
        format!("{code},Gjilani i pastër,2026-11-01,2026-12-01,Gjilan,Gnjilane,Gjilan,2,2,2,3")
    );

    let png = app
        .staff_get(&admin, &format!("/staff/campaigns/{code}/qr.png"))
        .await;
    assert_eq!(png.headers()[CONTENT_TYPE], "image/png");
    assert!(png.bytes().await.unwrap().starts_with(b"\x89PNG\r\n\x1a\n"));
    let svg = app
        .staff_get(&admin, &format!("/staff/campaigns/{code}/qr.svg"))
        .await;
    assert_eq!(svg.headers()[CONTENT_TYPE], "image/svg+xml");
    assert!(svg.text().await.unwrap().contains("<svg"));
}

#[tokio::test]
async fn only_administrators_run_campaigns() {
    let app = spawn_app().await;
    let manager = app
        .staff("vjosa", Role::Manager, Some("gjilan:mun_public_services"))
        .await;
    for path in ["/staff/campaigns", "/staff/campaigns/KS-ABCDE/qr.png"] {
        let response = app.staff_get(&manager, path).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
    }
}
