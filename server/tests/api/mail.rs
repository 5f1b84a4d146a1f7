//! Citizens and institutions are told by email, through the mail queue and a real SMTP server
//! (aiosmtpd): each step in the citizen's language, in plain text and HTML, with a link that
//! stops the emails without logging in; nothing lost while the mail server is down, nothing
//! sent twice, a refusal for good not tried again; an institution told of each new complaint
//! without a word of its text.

use protocol::api::{ApiLanguage, Contact};
use serde_json::json;
use server::mailer::{Delivered, Mailer, deliver_due};

use crate::helpers::*;
use crate::smtp::{SmtpServer, free_port};

/// A server that sends its emails through `smtp`, reached at `http://zeri.test`.
pub async fn app_mailing_to(smtp: &SmtpServer) -> (TestApp, Mailer) {
    let mut config = test_config(&fresh_dir());
    config.smtp_url = Some(smtp.url());
    config.public_url = Some("http://zeri.test".into());
    config.mail_from = "Zëri <zeri@zeri.test>".into();
    let mailer = Mailer::from_config(&config).unwrap();
    (spawn_with(config).await, mailer)
}

/// A Prishtina local-roads complaint by a citizen who left `email`, in `language`.
pub async fn file_with_email(
    app: &TestApp,
    email: &str,
    language: ApiLanguage,
) -> (String, String) {
    let phone = device();
    let mut body = complaint("roads_local", in_municipality("prishtine"));
    body.language = language;
    body.contact = Some(Contact {
        name: Some("Arta Krasniqi".into()),
        phone: None,
        email: Some(email.into()),
    });
    let receipt = app.file(&phone, &body).await;
    (receipt.id.to_string(), receipt.tracking_code)
}

pub async fn deliver(app: &TestApp, mailer: &Mailer) -> Delivered {
    deliver_due(&app.state, mailer).await.unwrap()
}

pub fn sent(n: usize) -> Delivered {
    Delivered {
        sent: n,
        ..Delivered::default()
    }
}

#[tokio::test]
async fn a_citizen_who_left_an_email_is_told_of_each_step_in_their_language() {
    let smtp = SmtpServer::start();
    let (app, mailer) = app_mailing_to(&smtp).await;
    app.set_time("2026-12-01T09:00:00Z");
    let (id, code) = file_with_email(&app, "arta@example.org", ApiLanguage::Sq).await;
    // Nothing leaves during the request: the message waits in the queue.
    assert!(smtp.received().is_empty());
    assert_eq!(deliver(&app, &mailer).await, sent(1));

    let received = smtp.received_by("arta@example.org");
    assert_eq!(received.len(), 1);
    let first = &received[0];
    assert_eq!(first.subject(), format!("Ankesa jote {code}: u pranua"));
    assert!(first.text().contains("Përshëndetje"), "{}", first.text());
    assert!(
        first.text().contains(", Prishtinë"),
        "the institution: {}",
        first.text()
    );
    assert!(first.html.as_deref().unwrap().contains("lang=\"sq\""));
    let stop = first.header("List-Unsubscribe");
    assert!(
        stop.starts_with(&format!("<http://zeri.test/email/stop/{code}/")),
        "{stop}"
    );
    assert_eq!(
        first.header("List-Unsubscribe-Post"),
        "List-Unsubscribe=One-Click"
    );
    assert_eq!(first.header("From"), "Zëri <zeri@zeri.test>");

    // Each step the institution takes towards the citizen is told; an internal note is not.
    let staff = app
        .staff(
            "mail.staff",
            server::auth::Role::Staff,
            Some("prishtine:mun_public_services"),
        )
        .await;
    app.act(&staff, &id, json!({ "action": "acknowledge" }))
        .await
        .unwrap();
    app.act(
        &staff,
        &id,
        json!({ "action": "note", "text": "Check the budget line." }),
    )
    .await
    .unwrap();
    app.act(
        &staff,
        &id,
        json!({ "action": "reply", "text": "Ekipi do ta riparojë rrugën të hënën.\nFaleminderit." }),
    )
    .await
    .unwrap();
    app.act(
        &staff,
        &id,
        json!({ "action": "resolve", "reason": "Rruga u riparua më 7 dhjetor." }),
    )
    .await
    .unwrap();
    assert_eq!(deliver(&app, &mailer).await, sent(3));
    assert_eq!(deliver(&app, &mailer).await, Delivered::default());

    let mut subjects: Vec<String> = smtp
        .received_by("arta@example.org")
        .iter()
        .map(|m| m.subject().to_owned())
        .collect();
    subjects.sort();
    let mut expected: Vec<String> = ["u pranua", "u konfirmua", "një përgjigje", "u zgjidh"]
        .iter()
        .map(|what| format!("Ankesa jote {code}: {what}"))
        .collect();
    expected.sort();
    assert_eq!(subjects, expected);
    let reply = smtp
        .received_by("arta@example.org")
        .into_iter()
        .find(|m| m.subject().ends_with("një përgjigje"))
        .unwrap();
    assert!(
        reply
            .text()
            .contains("> Ekipi do ta riparojë rrugën të hënën.\r\n> Faleminderit."),
        "{}",
        reply.text()
    );
    assert!(!reply.text().contains("budget"), "a note is internal");
    // Every message has its own id.
    let ids: std::collections::BTreeSet<String> = smtp
        .received()
        .iter()
        .map(|m| m.header("Message-ID").to_owned())
        .collect();
    assert_eq!(ids.len(), 4);
}

#[tokio::test]
async fn each_citizen_reads_their_own_language_and_one_without_an_email_gets_none() {
    let smtp = SmtpServer::start();
    let (app, mailer) = app_mailing_to(&smtp).await;
    let (_, en_code) = file_with_email(&app, "jane@example.org", ApiLanguage::En).await;
    let (_, sr_code) = file_with_email(&app, "milan@example.org", ApiLanguage::Sr).await;
    app.file(
        &device(),
        &complaint("roads_local", in_municipality("prishtine")),
    )
    .await;
    assert_eq!(deliver(&app, &mailer).await, sent(2));
    let english = &smtp.received_by("jane@example.org")[0];
    assert_eq!(
        english.subject(),
        format!("Your complaint {en_code}: received")
    );
    assert!(english.text().starts_with("Hello,"));
    let serbian = &smtp.received_by("milan@example.org")[0];
    assert_eq!(
        serbian.subject(),
        format!("Tvoja žalba {sr_code}: primljena")
    );
    assert!(serbian.text().starts_with("Zdravo,"));
    assert_eq!(smtp.received().len(), 2);
}

#[tokio::test]
async fn the_link_in_an_email_stops_that_complaints_emails_without_logging_in() {
    let smtp = SmtpServer::start();
    let (app, mailer) = app_mailing_to(&smtp).await;
    let (id, code) = file_with_email(&app, "arta@example.org", ApiLanguage::Sq).await;
    let (other, _) = file_with_email(&app, "besa@example.org", ApiLanguage::Sq).await;
    assert_eq!(deliver(&app, &mailer).await, sent(2));
    let link = smtp.received_by("arta@example.org")[0]
        .header("List-Unsubscribe")
        .trim_matches(['<', '>'])
        .to_owned();
    let path = link.strip_prefix("http://zeri.test").unwrap().to_owned();

    // Opening the link only asks (a mail scanner that follows it stops nothing).
    let page = app.client.get(app.url(&path)).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let body = page.text().await.unwrap();
    assert!(body.contains("id=\"stop-emails\""), "{body}");
    assert!(body.contains(&format!("Të ndalen emailet për ankesën {code}?")));

    // A wrong token, or another complaint's code with this token, stops nothing.
    let token = path.rsplit('/').next().unwrap().to_owned();
    let other_code = smtp.received_by("besa@example.org")[0]
        .subject()
        .split(' ')
        .nth(2)
        .unwrap()
        .trim_end_matches(':')
        .to_owned();
    for wrong in [
        format!("/email/stop/{code}/{}", "0".repeat(32)),
        format!("/email/stop/{other_code}/{token}"),
        format!("/email/stop/{code}/not-hex"),
        "/email/stop/ZR-NOSUCH/00".to_owned(),
    ] {
        let refused = app.client.post(app.url(&wrong)).send().await.unwrap();
        assert_eq!(refused.status(), 404, "{wrong}");
    }

    // The mail program's one-click request stops them.
    let stopped = app
        .client
        .post(app.url(&path))
        .form(&[("List-Unsubscribe", "One-Click")])
        .send()
        .await
        .unwrap();
    assert_eq!(stopped.status(), 200);
    assert!(stopped.text().await.unwrap().contains("id=\"stopped\""));
    // Again, and by the page: still stopped, nothing else changes.
    let again = app.client.get(app.url(&path)).send().await.unwrap();
    assert!(again.text().await.unwrap().contains("id=\"stopped\""));

    let staff = app
        .staff(
            "mail.stop",
            server::auth::Role::Staff,
            Some("prishtine:mun_public_services"),
        )
        .await;
    for complaint in [&id, &other] {
        app.act(&staff, complaint, json!({ "action": "acknowledge" }))
            .await
            .unwrap();
    }
    assert_eq!(deliver(&app, &mailer).await, sent(1));
    assert_eq!(smtp.received_by("arta@example.org").len(), 1);
    assert_eq!(smtp.received_by("besa@example.org").len(), 2);
}

#[tokio::test]
async fn a_mail_server_that_is_down_loses_nothing_and_is_tried_again_later() {
    let mut smtp = SmtpServer::not_running(free_port());
    let (app, mailer) = app_mailing_to(&smtp).await;
    app.set_time("2026-12-01T09:00:00Z");
    file_with_email(&app, "arta@example.org", ApiLanguage::Sq).await;
    file_with_email(&app, "besa@example.org", ApiLanguage::En).await;
    let refused = deliver(&app, &mailer).await;
    assert_eq!(
        refused,
        Delivered {
            deferred: 2,
            ..Delivered::default()
        }
    );
    // Not tried again before its wait is over: a minute after the first refusal.
    app.set_time("2026-12-01T09:00:30Z");
    assert_eq!(deliver(&app, &mailer).await, Delivered::default());

    smtp.start_again();
    app.set_time("2026-12-01T09:01:00Z");
    assert_eq!(deliver(&app, &mailer).await, sent(2));
    app.set_time("2026-12-01T12:00:00Z");
    assert_eq!(deliver(&app, &mailer).await, Delivered::default());
    assert_eq!(smtp.received().len(), 2);
}

#[tokio::test]
async fn a_message_refused_for_good_is_not_tried_again() {
    let smtp = SmtpServer::start();
    let (app, mailer) = app_mailing_to(&smtp).await;
    app.set_time("2026-12-01T09:00:00Z");
    file_with_email(&app, "refused@example.org", ApiLanguage::Sq).await;
    assert_eq!(
        deliver(&app, &mailer).await,
        Delivered {
            failed: 1,
            ..Delivered::default()
        }
    );
    app.set_time("2026-12-03T09:00:00Z");
    assert_eq!(deliver(&app, &mailer).await, Delivered::default());
    assert!(smtp.received().is_empty());
}

/// Two servers on one database, both sending at the same moment: each message leaves once.
#[tokio::test]
async fn with_two_servers_each_message_is_sent_once() {
    let smtp = SmtpServer::start();
    let (first, mailer) = app_mailing_to(&smtp).await;
    let mut config = test_config(&first.dir);
    config.smtp_url = Some(smtp.url());
    let second = spawn_with(config.clone()).await;
    let second_mailer = Mailer::from_config(&config).unwrap();
    for n in 0..8 {
        file_with_email(&first, &format!("citizen{n}@example.org"), ApiLanguage::Sq).await;
    }
    let (a, b) = tokio::join!(deliver(&first, &mailer), deliver(&second, &second_mailer));
    assert_eq!(a.sent + b.sent, 8, "{a:?} {b:?}");
    assert_eq!(smtp.received().len(), 8);
}

#[tokio::test]
async fn without_a_mail_server_the_waiting_emails_are_dropped_and_intake_goes_on() {
    let app = spawn_app().await;
    let mailer = Mailer::from_config(&app.state.config).unwrap();
    file_with_email(&app, "arta@example.org", ApiLanguage::Sq).await;
    assert_eq!(
        deliver(&app, &mailer).await,
        Delivered {
            dropped: 1,
            ..Delivered::default()
        }
    );
}

#[tokio::test]
async fn wrong_mail_settings_stop_the_server_at_start_with_a_message() {
    let mut config = test_config(&fresh_dir());
    config.smtp_url = Some("mail.example.org".into());
    let refused = server::app::Application::build(config.clone())
        .await
        .err()
        .unwrap();
    assert!(refused.to_string().contains("ZERI_SMTP_URL"), "{refused}");
    config.smtp_url = None;
    config.mail_from = "not an address".into();
    let refused = server::app::Application::build(config).await.err().unwrap();
    assert!(refused.to_string().contains("ZERI_MAIL_FROM"), "{refused}");
}

/// Sets institution `id`'s notifications as `admin`, through the administration API.
pub async fn set_notifications(
    app: &TestApp,
    admin: &str,
    id: &str,
    notifications: serde_json::Value,
) -> reqwest::Response {
    app.client
        .patch(app.url(&format!("/api/v1/admin/institutions/{id}")))
        .bearer_auth(admin)
        .json(&json!({ "notifications": notifications }))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_institution_that_asks_is_told_of_each_new_complaint_without_its_text() {
    let smtp = SmtpServer::start();
    let (app, mailer) = app_mailing_to(&smtp).await;
    let admin = app
        .staff("mail.admin", server::auth::Role::Administrator, None)
        .await;
    let roads = "prishtine:mun_public_services";

    let refused = refusal(
        set_notifications(
            &app,
            &admin,
            roads,
            json!({ "email": "not an address", "each_new": true }),
        )
        .await,
    )
    .await;
    assert_eq!(
        refused.kind(),
        (
            reqwest::StatusCode::BAD_REQUEST,
            "invalid_notification_email"
        )
    );
    assert!(
        refused.message().contains("name@institution"),
        "{}",
        refused.message()
    );
    let refused = refusal(
        set_notifications(
            &app,
            &admin,
            roads,
            json!({ "email": "a@b.org", "language": "de" }),
        )
        .await,
    )
    .await;
    assert_eq!(refused.code(), "invalid_notification_language");
    let staff = app
        .staff("mail.clerk", server::auth::Role::Staff, Some(roads))
        .await;
    let refused = refusal(
        set_notifications(
            &app,
            &staff,
            roads,
            json!({ "email": "x@y.org", "each_new": true }),
        )
        .await,
    )
    .await;
    assert_eq!(
        refused.kind(),
        (reqwest::StatusCode::FORBIDDEN, "forbidden")
    );

    let set = set_notifications(
        &app,
        &admin,
        roads,
        json!({ "email": "ankesat@prishtina.example", "each_new": true, "language": "en" }),
    )
    .await;
    assert_eq!(set.status(), 200);
    let stored: serde_json::Value = set.json().await.unwrap();
    assert_eq!(
        stored["notifications"]["email"],
        "ankesat@prishtina.example"
    );

    let (id, code) = file_with_email(&app, "arta@example.org", ApiLanguage::Sq).await;
    assert_eq!(deliver(&app, &mailer).await, sent(2));
    let told = smtp.received_by("ankesat@prishtina.example");
    assert_eq!(told.len(), 1);
    let letter = &told[0];
    assert!(
        letter
            .subject()
            .starts_with(&format!("New complaint {code}: ")),
        "{}",
        letter.subject()
    );
    assert!(
        letter
            .text()
            .contains(&format!("http://zeri.test/staff/complaints/{id}"))
    );
    for private in ["Arta", "arta@example.org", "two weeks and nobody came"] {
        assert!(
            !letter.text().contains(private),
            "{private} in {}",
            letter.text()
        );
        assert!(!letter.html.as_deref().unwrap().contains(private));
    }

    // A complaint transferred to an institution that asks is new there too; one that does not
    // ask hears nothing.
    let transfer_to = "prishtine:mun_urbanism";
    set_notifications(
        &app,
        &admin,
        transfer_to,
        json!({ "email": "urban@prishtina.example", "each_new": true, "language": "sr" }),
    )
    .await;
    app.act(
        &staff,
        &id,
        json!({ "action": "transfer", "institution_id": transfer_to, "reason": "Planning decides on this road." }),
    )
    .await
    .unwrap();
    app.file(
        &device(),
        &complaint("roads_local", in_municipality("ferizaj")),
    )
    .await;
    // The citizen hears of the transfer, and the new institution of the complaint.
    assert_eq!(deliver(&app, &mailer).await, sent(2));
    let urban = smtp.received_by("urban@prishtina.example");
    assert_eq!(urban.len(), 1);
    assert!(
        urban[0]
            .subject()
            .starts_with(&format!("Nova žalba {code}: "))
    );
    assert_eq!(smtp.received().len(), 4);
}

/// The tests' SMTP servers start side by side on ports of their own; one that finds its port
/// taken by another's knows it, instead of taking the other's messages for its own.
#[test]
fn an_smtp_server_that_lost_its_port_knows_it() {
    let first = SmtpServer::start();
    let mut second = SmtpServer::not_running(first.port);
    assert!(!second.try_start());
    assert_ne!(SmtpServer::start().port, first.port);
}
