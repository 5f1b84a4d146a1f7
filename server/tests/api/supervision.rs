//! A supervisor reads the complaints of the institutions below its supervising body, without
//! the citizens' contact details or photos, leaves notes the institution sees, and can do
//! nothing else, nor see anything outside what it oversees, on any endpoint that takes an id.

use protocol::api::Contact;
use reqwest::StatusCode;
use serde_json::json;
use server::auth::Role;

use crate::helpers::*;

const DIRECTORATE: &str = "prishtine:mun_public_services";
const MAYOR: &str = "prishtine:mun_mayor";

/// A complaint in Prishtina with a contact, and one in Gjilan.
async fn two_complaints(app: &TestApp) -> (String, String) {
    let mut ours = complaint("waste_collection", in_municipality("prishtine"));
    ours.contact = Some(Contact {
        name: Some("Drita Berisha".into()),
        phone: Some("+38344111222".into()),
        email: None,
    });
    let ours = app.file(&device(), &ours).await.id.to_string();
    let theirs = app
        .file(
            &device(),
            &complaint("waste_collection", in_municipality("gjilan")),
        )
        .await
        .id
        .to_string();
    (ours, theirs)
}

#[tokio::test]
async fn a_supervisor_reads_and_notes_what_it_oversees_and_nothing_else() {
    let app = spawn_app().await;
    app.set_time("2026-11-02T09:00:00Z");
    let (ours, theirs) = two_complaints(&app).await;
    // The mayor's office supervises Prishtina's directorates; the Ombudsperson the mayors.
    let supervisor = app
        .staff("mayor.office", Role::Supervisor, Some(MAYOR))
        .await;
    let ministry = app
        .staff("ombudsperson", Role::Supervisor, Some("iap"))
        .await;

    let inbox = app.inbox(&supervisor, "").await;
    let ids: Vec<&str> = inbox.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, vec![ours.as_str()]);
    assert_eq!((inbox.total, inbox.new), (1, 1));
    let wider = app.inbox(&ministry, "").await;
    assert_eq!(
        wider.total, 2,
        "every municipality's bodies are below the Ombudsperson"
    );
    let one = app
        .inbox(&ministry, &format!("?institution={DIRECTORATE}"))
        .await;
    assert_eq!(one.total, 1);
    let outside = app
        .inbox(&supervisor, "?institution=gjilan:mun_public_services")
        .await;
    assert_eq!(
        outside.total, 0,
        "naming an institution it does not oversee shows nothing"
    );

    let seen = app.staff_complaint(&supervisor, &ours).await;
    assert!(
        seen.contact.is_none(),
        "the contact is the institution's alone"
    );
    assert!(seen.photos.is_empty());
    assert!(!seen.item.anonymous);
    let handler = app
        .staff("prishtina.staff", Role::Staff, Some(DIRECTORATE))
        .await;
    assert!(
        app.staff_complaint_revealed(&handler, &ours)
            .await
            .contact
            .is_some()
    );
    let asked = app
        .staff_get(
            &supervisor,
            &format!("/api/v1/staff/complaints/{ours}?reveal=true"),
        )
        .await;
    assert_eq!(asked.status(), StatusCode::NOT_FOUND, "nor when it asks");

    // A note, which the institution sees; nothing else.
    let noted = app
        .act(
            &supervisor,
            &ours,
            json!({ "action": "note", "text": "Please answer this week." }),
        )
        .await
        .expect("a supervisor may leave a note");
    assert!(noted.complaint.is_some());
    let history = app.staff_complaint(&handler, &ours).await.history;
    assert!(
        history
            .iter()
            .any(|h| h.text.as_deref() == Some("Please answer this week."))
    );
    for action in [
        json!({ "action": "acknowledge" }),
        json!({ "action": "reply", "text": "We are on it." }),
        json!({ "action": "resolve", "reason": "Done by the mayor's office." }),
        json!({ "action": "assign", "staff_id": null }),
    ] {
        let refused = app
            .act(&supervisor, &ours, action.clone())
            .await
            .unwrap_err();
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{action}");
    }

    // Outside what it oversees: not found, on every endpoint that takes an id.
    let refused = app
        .staff_get(&supervisor, &format!("/api/v1/staff/complaints/{theirs}"))
        .await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
    let refused = app
        .act(
            &supervisor,
            &theirs,
            json!({ "action": "note", "text": "Hello" }),
        )
        .await
        .unwrap_err();
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    for id in [&ours, &theirs] {
        let photo = app
            .staff_get(
                &supervisor,
                &format!("/api/v1/staff/complaints/{id}/photos/0"),
            )
            .await;
        assert_eq!(photo.status(), StatusCode::NOT_FOUND, "photos of {id}");
    }
    // Nor the supervising body's own complaints: it supervises, it does not handle.
    let refused = app
        .act(&supervisor, &ours, json!({ "action": "transfer", "institution_id": MAYOR, "reason": "We take it ourselves." }))
        .await
        .unwrap_err();
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    // No accounts, not even its own body's.
    let accounts = app.staff_get(&supervisor, "/api/v1/admin/staff").await;
    assert_eq!(accounts.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_supervisor_sees_the_overdue_complaints_below_it() {
    let app = spawn_app().await;
    app.set_time("2026-11-02T09:00:00Z");
    let (ours, _) = two_complaints(&app).await;
    let supervisor = app
        .staff("mayor.office", Role::Supervisor, Some(MAYOR))
        .await;
    assert!(app.escalations(&supervisor).await.is_empty());
    app.set_time("2026-11-05T09:00:00Z");
    let supervisor = app.login("mayor.office").await;
    let overdue = app.escalations(&supervisor).await;
    let ids: Vec<&str> = overdue.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        vec![ours.as_str()],
        "Gjilan's is not Prishtina's mayor's to see"
    );
}

#[tokio::test]
async fn only_an_administrator_makes_a_supervisor() {
    let app = spawn_app().await;
    let manager = app
        .staff("prishtina.manager", Role::Manager, Some(DIRECTORATE))
        .await;
    let made = app
        .staff_post(
            &manager,
            "/api/v1/admin/staff",
            &json!({ "username": "sneaky.supervisor", "display_name": "Sneaky", "password": "a long enough password",
                     "role": "supervisor", "institution_id": DIRECTORATE }),
        )
        .await;
    assert_eq!(made.status(), StatusCode::FORBIDDEN);
    let admin = app.staff("the.admin", Role::Administrator, None).await;
    let made = app
        .staff_post(
            &admin,
            "/api/v1/admin/staff",
            &json!({ "username": "mayor.office", "display_name": "Mayor's office", "password": "a long enough password",
                     "role": "supervisor", "institution_id": MAYOR }),
        )
        .await;
    assert!(made.status().is_success(), "{}", made.status());
}

/// On the dashboard a supervisor finds the complaints it oversees and, on a complaint's page,
/// the note form alone; the contact is not on the page.
#[tokio::test]
async fn the_dashboard_shows_a_supervisor_the_note_form_alone() {
    let app = spawn_app().await;
    app.set_time("2026-11-02T08:00:00Z");
    let (ours, _) = two_complaints(&app).await;
    app.account("mayor.office", Role::Supervisor, Some(MAYOR))
        .await;
    let inbox = dashboard_page(&app, "mayor.office", "/staff", "en").await;
    assert!(inbox.contains(&ours), "the inbox lists the complaint");
    assert!(!inbox.contains("/staff/people"), "no accounts to manage");
    let complaint = dashboard_page(
        &app,
        "mayor.office",
        &format!("/staff/complaints/{ours}"),
        "en",
    )
    .await;
    assert!(complaint.contains(r#"value="note""#));
    for action in ["acknowledge", "reply", "resolve", "transfer", "assign"] {
        assert!(
            !complaint.contains(&format!(r#"value="{action}""#)),
            "{action} is offered"
        );
    }
    assert!(!complaint.contains("Drita Berisha") && !complaint.contains("+38344111222"));
}

/// The dashboard page at `path`, as `username` (an account made by the test) sees it in the
/// language tagged `language`.
pub(crate) async fn dashboard_page(
    app: &TestApp,
    username: &str,
    path: &str,
    language: &str,
) -> String {
    use reqwest::header::{COOKIE, SET_COOKIE};
    use server::http::cookies::LANGUAGE_COOKIE;
    let client = no_redirects();
    let login = client
        .post(app.url("/staff/login"))
        .form(&[("username", username), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let session = login.headers()[SET_COOKIE].to_str().unwrap();
    let session = session.split(';').next().unwrap().to_owned();
    let response = client
        .get(app.url(path))
        .header(COOKIE, format!("{session}; {LANGUAGE_COOKIE}={language}"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.unwrap()
}

#[tokio::test]
async fn the_supervision_page_lists_what_it_oversees_overdue_the_escalated_first() {
    let app = spawn_app().await;
    app.set_time("2026-11-02T08:00:00Z");
    let (escalated, theirs) = two_complaints(&app).await;
    app.account("mayor.office", Role::Supervisor, Some(MAYOR))
        .await;
    let quiet = dashboard_page(&app, "mayor.office", "/staff/supervision", "en").await;
    assert!(quiet.contains("No institution you supervise has an overdue complaint."));
    app.set_time("2026-11-20T08:00:00Z");
    let overdue = app
        .file(
            &device(),
            &complaint("waste_collection", in_municipality("prishtine")),
        )
        .await
        .id
        .to_string();

    // By 10 December the first is five working days past its answer and escalates; the second
    // is only late to be acknowledged.
    app.set_time("2026-12-10T08:00:00Z");
    server::scheduler::escalate_if_due(&app.state)
        .await
        .unwrap();
    let page = dashboard_page(&app, "mayor.office", "/staff/supervision", "en").await;
    assert!(page.contains(r#"href="/staff/supervision" aria-current="page""#));
    let (first, second) = (page.find(&escalated), page.find(&overdue));
    assert!(
        first.is_some() && second.is_some() && first < second,
        "both, the escalated first"
    );
    assert!(
        !page.contains(&theirs),
        "Gjilan's is not Prishtina's mayor's"
    );
    assert_eq!(page.matches(">Escalated</strong>").count(), 1);
    let by_institution = &page[page.find("by-institution").unwrap()..];
    let row = &by_institution[..by_institution
        .find("</tr>\n")
        .unwrap_or(by_institution.len())];
    assert!(row.contains("<td>2</td><td>1</td>"), "{row}");

    // In Albanian too; and staff of an institution get no such page in their navigation.
    let albanian = dashboard_page(&app, "mayor.office", "/staff/supervision", "sq").await;
    assert!(albanian.contains("Me afat të kaluar dhe të përshkallëzuara"));
    app.account("prishtina.clerk", Role::Staff, Some(DIRECTORATE))
        .await;
    let inbox = dashboard_page(&app, "prishtina.clerk", "/staff", "en").await;
    assert!(!inbox.contains("/staff/supervision"));
    assert!(
        inbox.contains(">Escalated</strong>"),
        "the inbox flags it too"
    );
}
