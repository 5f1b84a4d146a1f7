//! Staff and citizens talk both ways: a question pauses the deadline for exactly the working
//! days the citizen takes to answer (weekends and holidays not counted), the answer comes once
//! however often the phone sends it, a citizen adds to an open complaint with photos, a
//! question unanswered long enough lets staff close the complaint, and response times leave
//! the wait out.

use protocol::api::{CitizenMessageReceipt, CitizenMessageRequest, Status, TimelineKind, paths};
use serde_json::json;
use server::auth::Role;
use server::scheduler::escalate_if_due;
use uuid::Uuid;

use crate::helpers::*;

const INSTITUTION: &str = "prishtine:mun_public_services";

async fn write(
    app: &TestApp,
    phone: &str,
    complaint: Uuid,
    message: &CitizenMessageRequest,
) -> Result<CitizenMessageReceipt, Refusal> {
    answer(
        app.citizen_post(phone, &paths::messages(complaint), message)
            .await,
    )
    .await
}

fn message(text: &str, photo_count: u8) -> CitizenMessageRequest {
    CitizenMessageRequest {
        id: Uuid::new_v4(),
        text: text.into(),
        photo_count,
    }
}

/// Files a local-roads complaint in Prishtina on Friday 27 November 2026, due on Friday
/// 18 December, and logs in one of its staff.
async fn filed(app: &TestApp) -> (String, Uuid, String) {
    app.set_time("2026-11-27T15:00:00Z");
    let phone = device();
    let receipt = app
        .file(
            &phone,
            &complaint("roads_local", in_municipality("prishtine")),
        )
        .await;
    assert_eq!(receipt.due_date.to_string(), "2026-12-18");
    let token = app
        .staff("roads.staff", Role::Staff, Some(INSTITUTION))
        .await;
    (phone, receipt.id, token)
}

/// Asks as `roads.staff`, logged in afresh (the clock may have jumped past the session).
async fn ask(app: &TestApp, id: Uuid, text: &str) {
    let token = app.login("roads.staff").await;
    app.act(&token, id, json!({ "action": "ask", "text": text }))
        .await
        .expect("a question");
}

#[tokio::test]
async fn a_question_pauses_the_deadline_for_exactly_the_working_days_waited() {
    let app = spawn_app().await;
    let (phone, id, _) = filed(&app).await;

    // Thursday 17 December, the day before the answer is due.
    app.set_time("2026-12-17T09:00:00Z");
    ask(&app, id, "Which end of the street is it, near the school?").await;
    let record = app.my_complaints(&phone).await.complaints.remove(0);
    assert_eq!(record.status, Status::WaitingForCitizen);
    let question = record.timeline.last().unwrap();
    assert_eq!(question.kind, TimelineKind::Question);
    assert_eq!(
        question.text.as_deref(),
        Some("Which end of the street is it, near the school?")
    );

    // Past the old due date, a waiting complaint is not overdue and does not escalate: five
    // working days after 18 December would be Monday 28 December.
    app.set_time("2026-12-28T10:00:00Z");
    let token = app.login("roads.staff").await;
    assert!(!app.staff_complaint(&token, id).await.item.overdue);
    assert_eq!(escalate_if_due(&app.state).await.unwrap(), Some(Vec::new()));
    let stats = app.stats("?from=2026-11-01&to=2026-11-30").await;
    let row = stats.rows.iter().find(|r| r.key == INSTITUTION).unwrap();
    assert_eq!(row.overdue, 0);

    // Answered on Tuesday 29 December: it waited the 18th, 21st to 24th, 28th and 29th (the
    // 25th is Christmas, and two weekends), seven working days, so the answer is due seven
    // working days after the 18th: Wednesday 30 December.
    app.set_time("2026-12-29T10:00:00Z");
    let answer = message("The end near the school, by the bus stop.", 0);
    let receipt = write(&app, &phone, id, &answer).await.expect("answered");
    assert_eq!(receipt.complaint.status, Status::Received, "back to work");
    assert_eq!(receipt.complaint.due_date.to_string(), "2026-12-30");
    let last = receipt.complaint.timeline.last().unwrap();
    assert_eq!(last.kind, TimelineKind::CitizenMessage);
    assert_eq!(
        last.text.as_deref(),
        Some("The end near the school, by the bus stop.")
    );

    // The phone did not hear the answer and sends it again, a day later: one message, and the
    // due date stays where the answer put it.
    app.set_time("2026-12-30T10:00:00Z");
    let again = write(&app, &phone, id, &answer).await.expect("the same");
    assert_eq!(again.first_photo, receipt.first_photo);
    assert_eq!(again.complaint.due_date.to_string(), "2026-12-30");
    let messages = again
        .complaint
        .timeline
        .iter()
        .filter(|e| e.kind == TimelineKind::CitizenMessage)
        .count();
    assert_eq!(messages, 1);

    let token = app.login("roads.staff").await;
    let seen = app.staff_complaint(&token, id).await;
    assert_eq!(seen.item.status, "received");
    assert_eq!(seen.item.answer_due, "2026-12-30");
    assert!(seen.history.iter().any(|e| e.action == "citizen_wrote"
        && e.text.as_deref() == Some("The end near the school, by the bus stop.")));
}

#[tokio::test]
async fn response_times_leave_out_the_hours_spent_waiting_for_the_citizen() {
    let app = spawn_app().await;
    let (phone, id, _) = filed(&app).await;
    // Asked 2 hours after filing, answered a day later, replied to 2 hours after that: 4 hours
    // of the institution's own.
    app.set_time("2026-11-27T17:00:00Z");
    ask(&app, id, "Is the hole deeper than a hand?").await;
    app.set_time("2026-11-28T17:00:00Z");
    write(&app, &phone, id, &message("Yes, much deeper.", 0))
        .await
        .expect("answered");
    app.set_time("2026-11-28T19:00:00Z");
    let token = app.login("roads.staff").await;
    app.act(
        &token,
        id,
        json!({ "action": "reply", "text": "A crew comes on Monday." }),
    )
    .await
    .expect("a reply");
    let stats = app.stats("?from=2026-11-01&to=2026-11-30").await;
    let row = stats.rows.iter().find(|r| r.key == INSTITUTION).unwrap();
    assert_eq!(row.median_first_response_hours, Some(4.0));
}

#[tokio::test]
async fn an_unanswered_question_lets_staff_close_the_complaint_after_the_categorys_days() {
    let app = spawn_app().await;
    let (phone, id, _) = filed(&app).await;
    app.set_time("2026-12-17T09:00:00Z");
    ask(&app, id, "Can you send a photo of it?").await;

    // Wednesday 30 December: eight working days waited, of the category's ten.
    app.set_time("2026-12-30T09:00:00Z");
    let token = app.login("roads.staff").await;
    let early = app
        .act(&token, id, json!({ "action": "close_unanswered" }))
        .await
        .unwrap_err();
    assert_eq!(
        early.kind(),
        (reqwest::StatusCode::CONFLICT, "still_waiting_for_answer")
    );
    assert!(!early.message().is_empty());

    // Tuesday 5 January 2027: the 31st and the 5th make ten (New Year, its second day's day
    // off on the 4th, and a weekend do not count).
    app.set_time("2027-01-05T09:00:00Z");
    let token = app.login("roads.staff").await;
    app.act(&token, id, json!({ "action": "close_unanswered" }))
        .await
        .expect("closed");
    let record = app.my_complaints(&phone).await.complaints.remove(0);
    assert_eq!(record.status, Status::Rejected);
    let closing = record.timeline.last().unwrap();
    let reason = closing.text.as_deref().unwrap();
    assert!(
        reason.contains("10 ditëve"),
        "in the citizen's language (Albanian): {reason}"
    );
    assert!(reason.contains("17.12.2026"), "{reason}");

    // A closed complaint takes no more messages: reopening is the way back.
    let refused = write(&app, &phone, id, &message("Here it is now.", 0))
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), (reqwest::StatusCode::CONFLICT, "not_open"));
}

#[tokio::test]
async fn a_citizen_adds_to_an_open_complaint_with_photos_within_the_limits() {
    let app = spawn_app().await;
    let (phone, id, token) = filed(&app).await;
    let added = write(
        &app,
        &phone,
        id,
        &message("It got worse after the rain.", 2),
    )
    .await
    .expect("added");
    assert_eq!(added.first_photo, 0, "the complaint had no photos");
    assert_eq!(added.complaint.status, Status::Submitted, "nothing waits");
    for index in 0..2 {
        let photo = crate::photos::jpeg(8, 8, &[index + 1]);
        let response = app
            .client
            .put(app.url(&paths::photo(id, index)))
            .header("Authorization", format!("Device {phone}"))
            .header("Content-Type", "image/jpeg")
            .body(photo)
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success(), "photo {index}");
    }
    let second = write(&app, &phone, id, &message("And a third one.", 1))
        .await
        .expect("added");
    assert_eq!(second.first_photo, 2, "after the first message's photos");
    let seen = app.staff_complaint(&token, id).await;
    assert_eq!(seen.photos.len(), 2, "the third photo is not uploaded yet");

    let too_many = write(&app, &phone, id, &message("Four photos.", 4))
        .await
        .unwrap_err();
    assert_eq!(
        too_many.kind(),
        (reqwest::StatusCode::UNPROCESSABLE_ENTITY, "too_many_photos")
    );
    let empty = write(&app, &phone, id, &message("   ", 0))
        .await
        .unwrap_err();
    assert_eq!(empty.code(), "message_empty");
    let long = write(&app, &phone, id, &message(&"a".repeat(4001), 0))
        .await
        .unwrap_err();
    assert_eq!(long.code(), "message_too_long");
    let stranger = write(&app, &device(), id, &message("Not mine.", 0))
        .await
        .unwrap_err();
    assert_eq!(stranger.kind().0, reqwest::StatusCode::NOT_FOUND);

    for n in 2..20 {
        write(&app, &phone, id, &message(&format!("Note {n}"), 0))
            .await
            .expect("within the limit");
    }
    let over = write(&app, &phone, id, &message("One more.", 0))
        .await
        .unwrap_err();
    assert_eq!(
        over.kind(),
        (reqwest::StatusCode::CONFLICT, "too_many_messages")
    );
}

#[tokio::test]
async fn only_the_handling_institution_asks_and_closes_unanswered() {
    let app = spawn_app().await;
    let (_, id, _) = filed(&app).await;
    let elsewhere = app
        .staff(
            "other.staff",
            Role::Staff,
            Some("gjilan:mun_public_services"),
        )
        .await;
    let refused = app
        .act(&elsewhere, id, json!({ "action": "ask", "text": "Where?" }))
        .await
        .unwrap_err();
    assert_eq!(refused.kind().0, reqwest::StatusCode::NOT_FOUND);
    let supervisor = app
        .staff(
            "mayor.office",
            Role::Supervisor,
            Some("prishtine:mun_mayor"),
        )
        .await;
    for action in [
        json!({ "action": "ask", "text": "Where?" }),
        json!({ "action": "close_unanswered" }),
    ] {
        let refused = app.act(&supervisor, id, action).await.unwrap_err();
        assert_eq!(refused.kind().0, reqwest::StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn a_transfer_while_waiting_keeps_the_new_institutions_deadline() {
    let app = spawn_app().await;
    let (phone, id, _) = filed(&app).await;
    app.set_time("2026-12-01T09:00:00Z");
    ask(&app, id, "Is this the national road or a street in town?").await;
    // A week later it turns out to be a national road: transferred with fresh deadlines.
    app.set_time("2026-12-08T09:00:00Z");
    let token = app.login("roads.staff").await;
    app.act(
        &token,
        id,
        json!({
            "action": "transfer",
            "institution_id": "minf",
            "reason": "National roads are the Ministry of Infrastructure's."
        }),
    )
    .await
    .expect("transferred");
    let record = app.my_complaints(&phone).await.complaints.remove(0);
    assert_eq!(record.status, Status::Transferred);
    assert_eq!(record.institution.id, "minf");
    // Fresh deadlines from Tuesday 8 December, fifteen working days (Christmas not counted),
    // not moved on by the week it waited.
    let fresh = record.due_date;
    assert_eq!(fresh.to_string(), "2026-12-30");
    let later = write(&app, &phone, id, &message("It is the M-2.", 0))
        .await
        .expect("added");
    assert_eq!(later.complaint.due_date, fresh, "nothing waits any more");
    assert_eq!(later.complaint.status, Status::Transferred);
}
