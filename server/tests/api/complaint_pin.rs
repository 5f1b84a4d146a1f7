//! A complaint's tracking code and PIN on the web page `/my-complaint`: the phone that filed a
//! complaint is told its PIN (and nobody else is); with code and PIN, anyone without the phone
//! sees what is held, saves it, takes the contact details back, or erases the personal data;
//! a pass opens one complaint only and ends; guessing is stopped.

use protocol::api::my_data::MyData;
use protocol::api::paths::MY_COMPLAINT_PAGE;
use reqwest::StatusCode;
use server::auth::Role;

use crate::helpers::*;
use crate::retention::{EMAIL, NAME, PHONE, marked_by};

const INSPECTION: &str = "gjilan:mun_inspection";

/// What a form on an opened complaint's page carries.
struct Pass {
    code: String,
    until: String,
    pass: String,
}

fn hidden(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} in the page"))
        + marker.len();
    page[start..][..page[start..].find('"').unwrap()].to_owned()
}

async fn post(app: &TestApp, path: &str, fields: &[(&str, &str)]) -> (StatusCode, String) {
    let response = app
        .client
        .post(app.url(path))
        .header("Accept-Language", "en")
        .form(fields)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.text().await.unwrap())
}

async fn open(app: &TestApp, code: &str, pin: &str) -> (StatusCode, String) {
    post(app, MY_COMPLAINT_PAGE, &[("code", code), ("pin", pin)]).await
}

async fn opened(app: &TestApp, code: &str, pin: &str) -> Pass {
    let (status, page) = open(app, code, pin).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    Pass {
        code: hidden(&page, "code"),
        until: hidden(&page, "until"),
        pass: hidden(&page, "pass"),
    }
}

async fn act(app: &TestApp, action: &str, pass: &Pass, confirm: bool) -> reqwest::Response {
    let mut fields = vec![
        ("code", pass.code.as_str()),
        ("until", pass.until.as_str()),
        ("pass", pass.pass.as_str()),
    ];
    if confirm {
        fields.push(("confirm", "yes"));
    }
    app.client
        .post(app.url(&format!("{MY_COMPLAINT_PAGE}/{action}")))
        .header("Accept-Language", "en")
        .form(&fields)
        .send()
        .await
        .unwrap()
}

/// The tracking code and PIN the phone was told for its only complaint.
async fn code_and_pin(app: &TestApp, phone: &str) -> (String, String) {
    let mine = app.my_complaints(phone).await;
    let record = &mine.complaints[0];
    let pin = record.pin.clone().expect("the phone is told the PIN");
    (record.tracking_code.clone(), pin)
}

#[tokio::test]
async fn the_phone_is_told_a_pin_that_opens_the_complaint_on_the_web() {
    let app = spawn_app().await;
    let phone = device();
    let (id, _) = marked_by(&app, &phone, 8_001).await;
    let (code, pin) = code_and_pin(&app, &phone).await;
    assert_eq!(pin.len(), 8);
    assert!(pin.chars().all(|ch| ch.is_ascii_digit()));
    assert_eq!(
        code_and_pin(&app, &phone).await.1,
        pin,
        "the same PIN each time"
    );
    let other = device();
    marked_by(&app, &other, 8_002).await;
    assert_ne!(code_and_pin(&app, &other).await.1, pin);

    let form = app
        .client
        .get(app.url("/my-complaint?lang=sq"))
        .send()
        .await
        .unwrap();
    assert_eq!(form.status(), StatusCode::OK);
    assert!(form.text().await.unwrap().contains("Kodi i ndjekjes"));

    // A wrong PIN, or a right PIN for the wrong code, opens nothing and says what to do.
    let wrong = format!("{:08}", (pin.parse::<u64>().unwrap() + 1) % 100_000_000);
    let (status, page) = open(&app, &code, &wrong).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(page.contains("Check both and try again"));
    assert!(!page.contains(NAME));
    let (status, _) = open(&app, "ZR-AAAAAA", &pin).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Typed loosely (small letters, the PIN in two groups), it opens, and shows what is held.
    let typed = format!("{} {}", &pin[..4], &pin[4..]);
    let (status, page) = open(&app, &code.to_lowercase(), &typed).await;
    assert_eq!(status, StatusCode::OK);
    for shown in [NAME, PHONE, EMAIL, code.as_str()] {
        assert!(page.contains(shown), "{shown} is on the page");
    }
    assert!(!page.contains(&pin), "the PIN itself is not carried on");

    // Saved as a file: the same export the app makes, for this one complaint.
    let pass = opened(&app, &code, &pin).await;
    let file = act(&app, "export", &pass, false).await;
    assert_eq!(file.status(), StatusCode::OK);
    assert!(
        file.headers()[reqwest::header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains(&code)
    );
    let data: MyData = file.json().await.unwrap();
    assert_eq!(data.complaints.len(), 1);
    assert_eq!(data.complaints[0].id.to_string(), id);
    assert_eq!(
        data.complaints[0]
            .contact
            .as_ref()
            .unwrap()
            .email
            .as_deref(),
        Some(EMAIL)
    );
    assert!(data.push_tokens.is_empty());
}

#[tokio::test]
async fn a_pass_opens_one_complaint_and_ends() {
    let app = spawn_app().await;
    app.set_time("2026-10-01T09:00:00Z");
    let (mine, theirs) = (device(), device());
    marked_by(&app, &mine, 8_003).await;
    marked_by(&app, &theirs, 8_004).await;
    let (code, pin) = code_and_pin(&app, &mine).await;
    let (their_code, _) = code_and_pin(&app, &theirs).await;
    let pass = opened(&app, &code, &pin).await;

    // The pass for one complaint does not open another.
    let borrowed = Pass {
        code: their_code,
        until: pass.until.clone(),
        pass: pass.pass.clone(),
    };
    for action in ["export", "contact", "erase"] {
        let refused = act(&app, action, &borrowed, true).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{action}");
        assert!(
            refused
                .text()
                .await
                .unwrap()
                .contains("Enter the tracking code and PIN again")
        );
    }
    // Nor does a pass with its end moved, or one made up.
    let stretched = Pass {
        until: (pass.until.parse::<i64>().unwrap() + 3600).to_string(),
        ..opened(&app, &code, &pin).await
    };
    assert_eq!(
        act(&app, "export", &stretched, false).await.status(),
        StatusCode::FORBIDDEN
    );
    let made_up = Pass {
        pass: "00".repeat(32),
        ..opened(&app, &code, &pin).await
    };
    assert_eq!(
        act(&app, "export", &made_up, false).await.status(),
        StatusCode::FORBIDDEN
    );
    // Half an hour later, the page asks for the code and PIN again.
    assert_eq!(
        act(&app, "export", &pass, false).await.status(),
        StatusCode::OK
    );
    app.set_time("2026-10-01T09:31:00Z");
    assert_eq!(
        act(&app, "export", &pass, false).await.status(),
        StatusCode::FORBIDDEN
    );
    let inspector = app
        .staff("gjilan.inspector", Role::Staff, Some(INSPECTION))
        .await;
    let mine = app.my_complaints(&theirs).await.complaints[0].id;
    assert!(
        app.staff_complaint_revealed(&inspector, &mine.to_string())
            .await
            .contact
            .is_some(),
        "the borrowed pass changed nothing"
    );
}

#[tokio::test]
async fn with_code_and_pin_the_contact_is_taken_back_and_the_data_erased() {
    let app = spawn_app().await;
    let phone = device();
    let (id, _) = marked_by(&app, &phone, 8_005).await;
    let (code, pin) = code_and_pin(&app, &phone).await;
    let inspector = app
        .staff("gjilan.inspector", Role::Staff, Some(INSPECTION))
        .await;

    let pass = opened(&app, &code, &pin).await;
    let removed = act(&app, "contact", &pass, false).await;
    assert_eq!(removed.status(), StatusCode::OK);
    let page = removed.text().await.unwrap();
    assert!(page.contains("Your contact details were removed"));
    assert!(!page.contains(PHONE));
    assert!(!app.my_complaints(&phone).await.complaints[0].contact_held);
    let seen = app.staff_complaint_revealed(&inspector, &id).await;
    assert!(seen.contact.is_none());
    assert!(seen.history.iter().any(|h| h.action == "contact_removed"));

    // Erasing asks for the box to be ticked first, and then erases.
    let unticked = act(&app, "erase", &pass, false).await;
    assert_eq!(unticked.status(), StatusCode::BAD_REQUEST);
    assert!(unticked.text().await.unwrap().contains("Tick the box"));
    assert_eq!(
        app.staff_complaint_revealed(&inspector, &id)
            .await
            .photos
            .len(),
        1
    );
    let erased = act(&app, "erase", &pass, true).await;
    assert_eq!(erased.status(), StatusCode::OK);
    assert!(
        erased
            .text()
            .await
            .unwrap()
            .contains(&format!("erased from complaint {code}"))
    );
    let seen = app.staff_complaint_revealed(&inspector, &id).await;
    assert!(seen.photos.is_empty() && seen.erased_on_request);
    assert!(
        seen.history
            .iter()
            .any(|h| h.action == "citizen_erased_data")
    );
    assert!(
        app.my_complaints(&phone).await.complaints.is_empty(),
        "the phone no longer follows it"
    );
    // Asked again (a double press), nothing more happens and nothing fails.
    assert_eq!(
        act(&app, "erase", &pass, true).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn guessing_a_pin_is_stopped_even_before_the_right_one() {
    let app = spawn_app().await;
    let phone = device();
    marked_by(&app, &phone, 8_006).await;
    let (code, pin) = code_and_pin(&app, &phone).await;
    let tries = server::ratelimit::PIN_TRIES_PER_COMPLAINT;
    for guess in 0..u64::from(tries) {
        let candidate = format!("{guess:08}");
        if candidate == pin {
            continue;
        }
        assert_eq!(open(&app, &code, &candidate).await.0, StatusCode::FORBIDDEN);
    }
    let (status, page) = open(&app, &code, &pin).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(page.contains("Too many tries"));
    assert!(!page.contains(NAME));
}
