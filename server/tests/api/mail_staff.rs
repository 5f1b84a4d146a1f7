//! The institution side's emails: each staff member chooses their own (each new complaint, a
//! complaint given to them, the daily digest), and the daily digest leaves once a day at its
//! Kosovo time, for the institutions and staff who asked, and not on a day with nothing to
//! tell.

use protocol::api::ApiLanguage;
use serde_json::json;
use server::auth::Role;
use server::scheduler::queue_digests_if_due;

use crate::helpers::*;
use crate::mail::{app_mailing_to, deliver, file_with_email, sent, set_notifications};
use crate::smtp::SmtpServer;

const ROADS: &str = "prishtine:mun_public_services";

async fn set_my_emails(app: &TestApp, token: &str, choice: serde_json::Value) -> reqwest::Response {
    app.client
        .put(app.url("/api/v1/staff/me/emails"))
        .bearer_auth(token)
        .json(&choice)
        .send()
        .await
        .unwrap()
}

fn choice(
    email: &str,
    language: &str,
    new: bool,
    assigned: bool,
    digest: bool,
) -> serde_json::Value {
    json!({ "email": email, "language": language, "new_complaints": new, "assigned_to_me": assigned, "daily_digest": digest })
}

#[tokio::test]
async fn staff_choose_their_own_emails_and_receive_only_those() {
    let smtp = SmtpServer::start();
    let (app, mailer) = app_mailing_to(&smtp).await;
    let ana = app.staff("ana", Role::Staff, Some(ROADS)).await;
    let ben = app.staff("ben", Role::Staff, Some(ROADS)).await;

    let refused =
        refusal(set_my_emails(&app, &ana, choice("ana at work", "en", true, true, false)).await)
            .await;
    assert_eq!(
        refused.kind(),
        (reqwest::StatusCode::BAD_REQUEST, "invalid_email")
    );
    assert!(
        refused.message().contains("name@institution"),
        "{}",
        refused.message()
    );
    let refused = refusal(
        set_my_emails(
            &app,
            &ana,
            choice("ana@roads.example", "fr", true, true, false),
        )
        .await,
    )
    .await;
    assert_eq!(refused.code(), "invalid_email_language");

    assert_eq!(
        set_my_emails(
            &app,
            &ana,
            choice("ana@roads.example", "en", true, true, false)
        )
        .await
        .status(),
        200
    );
    assert_eq!(
        set_my_emails(
            &app,
            &ben,
            choice("ben@roads.example", "sq", false, true, false)
        )
        .await
        .status(),
        200
    );
    let stored: serde_json::Value = app
        .staff_get(&ana, "/api/v1/staff/me/emails")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(stored, choice("ana@roads.example", "en", true, true, false));

    // The audit log records the choice, not the address.
    let addresses: i64 = app
        .state
        .db
        .read(|c| -> Result<_, server::services::ServiceError> {
            Ok(c.query_row(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'own_emails_changed'
                 AND (COALESCE(after, '') LIKE '%@roads.example%' OR COALESCE(before, '') LIKE '%@roads.example%')",
                (),
                |r| r.get(0),
            )?)
        })
        .await
        .unwrap();
    assert_eq!(addresses, 0);

    let (id, code) = file_with_email(&app, "arta@example.org", ApiLanguage::Sq).await;
    // The citizen's confirmation, and Ana's new complaint; Ben did not ask for new ones.
    assert_eq!(deliver(&app, &mailer).await, sent(2));
    let told = smtp.received_by("ana@roads.example");
    assert_eq!(told.len(), 1);
    assert!(
        told[0]
            .subject()
            .starts_with(&format!("New complaint {code}: "))
    );
    assert!(smtp.received_by("ben@roads.example").is_empty());

    // Ana gives it to Ben, who hears of it; taking it herself tells nobody.
    let ben_id = app
        .colleagues(&ana)
        .await
        .into_iter()
        .find(|c| c.display_name.ends_with("ben"))
        .unwrap()
        .id;
    app.act(&ana, &id, json!({ "action": "assign", "staff_id": ben_id }))
        .await
        .unwrap();
    let ana_id = app
        .colleagues(&ana)
        .await
        .into_iter()
        .find(|c| c.display_name.ends_with("ana"))
        .unwrap()
        .id;
    app.act(&ana, &id, json!({ "action": "assign", "staff_id": ana_id }))
        .await
        .unwrap();
    assert_eq!(deliver(&app, &mailer).await, sent(1));
    let given = smtp.received_by("ben@roads.example");
    assert_eq!(given.len(), 1);
    assert!(
        given[0]
            .subject()
            .starts_with(&format!("T'u caktua: {code}, ")),
        "{}",
        given[0].subject()
    );
    assert!(
        !given[0].text().contains("nobody came"),
        "no complaint text in a staff email"
    );
    assert_eq!(smtp.received_by("ana@roads.example").len(), 1);
}

#[tokio::test]
async fn the_daily_digest_leaves_once_a_day_at_its_time_and_not_on_a_quiet_day() {
    let smtp = SmtpServer::start();
    let (app, mailer) = app_mailing_to(&smtp).await;
    let admin = app.staff("digest.admin", Role::Administrator, None).await;
    let clerk = app.staff("digest.clerk", Role::Staff, Some(ROADS)).await;
    set_notifications(
        &app,
        &admin,
        ROADS,
        json!({ "email": "roads@prishtina.example", "daily_digest": true, "language": "en" }),
    )
    .await;
    // An institution with nothing on the day hears nothing.
    set_notifications(
        &app,
        &admin,
        "ferizaj:mun_public_services",
        json!({ "email": "roads@ferizaj.example", "daily_digest": true }),
    )
    .await;
    set_my_emails(
        &app,
        &clerk,
        choice("clerk@roads.example", "sr", false, false, true),
    )
    .await;

    // One complaint long overdue by December, two new on 1 December.
    app.set_time("2026-11-02T09:00:00Z");
    let (_, late) = file_with_email(&app, "old@example.org", ApiLanguage::Sq).await;
    app.set_time("2026-12-01T09:00:00Z");
    file_with_email(&app, "new1@example.org", ApiLanguage::Sq).await;
    file_with_email(&app, "new2@example.org", ApiLanguage::Sq).await;
    deliver(&app, &mailer).await;
    let before = smtp.received().len();

    // 07:00 in Kosovo on 2 December: not yet.
    app.set_time("2026-12-02T06:00:00Z");
    assert_eq!(queue_digests_if_due(&app.state).await.unwrap(), Some(0));
    // 07:45: the job's next look queues the three digests; later looks that day none.
    app.set_time("2026-12-02T06:45:00Z");
    assert_eq!(queue_digests_if_due(&app.state).await.unwrap(), Some(3));
    app.set_time("2026-12-02T06:50:00Z");
    assert_eq!(
        queue_digests_if_due(&app.state).await.unwrap(),
        None,
        "the lease holds"
    );
    app.set_time("2026-12-02T15:00:00Z");
    assert_eq!(queue_digests_if_due(&app.state).await.unwrap(), Some(0));
    let done = deliver(&app, &mailer).await;
    assert_eq!((done.sent, done.dropped), (2, 1), "{done:?}");
    assert_eq!(smtp.received().len(), before + 2);

    let digest = &smtp.received_by("roads@prishtina.example")[0];
    assert!(
        digest.subject().ends_with(": the day in Zëri, 2 Dec 2026"),
        "{}",
        digest.subject()
    );
    let text = digest.text();
    assert!(text.contains("- Complaints that reached it: 2"), "{text}");
    assert!(text.contains("- Past a deadline now: 1"), "{text}");
    assert!(
        text.contains(&format!("- The longest overdue: {late}")),
        "{text}"
    );
    assert!(text.contains("http://zeri.test/staff"), "{text}");
    let serbian = &smtp.received_by("clerk@roads.example")[0];
    assert!(
        serbian.text().contains("- Pristigle žalbe: 2"),
        "{}",
        serbian.text()
    );
    assert!(smtp.received_by("roads@ferizaj.example").is_empty());

    // The next morning, the next digest.
    app.set_time("2026-12-03T07:00:00Z");
    assert_eq!(queue_digests_if_due(&app.state).await.unwrap(), Some(3));
}
