//! Overdue complaints escalate by themselves: a category's working days past the answer
//! deadline (weekends and holidays not counted), once, to the institution's supervising body,
//! visibly to the citizen, and once only however many servers run.

use protocol::api::{Status, TimelineKind};
use server::scheduler::escalate_if_due;

use crate::helpers::*;

/// How many times the audit log says complaint `id` was escalated.
async fn escalations_of(app: &TestApp, id: &str) -> i64 {
    let id = id.to_owned();
    app.state
        .db
        .read(move |c| -> Result<_, server::services::ServiceError> {
            Ok(c.query_row(
                "SELECT COUNT(*) FROM audit_log WHERE complaint_id = ?1 AND action = 'escalated'",
                [id],
                |r| r.get(0),
            )?)
        })
        .await
        .unwrap()
}

/// Changes complaint `id` behind the services' back, by `sql` (its `?1` is the id).
async fn change(app: &TestApp, sql: &'static str, id: &str) {
    let id = id.to_owned();
    app.state
        .db
        .call(move |c| -> Result<_, server::services::ServiceError> { Ok(c.execute(sql, [id])?) })
        .await
        .unwrap();
}

/// Files a local-roads complaint in Prishtina on Friday 27 November 2026: its answer is due on
/// Friday 18 December; five working days later, over Christmas (Friday 25) and a weekend, is
/// Monday 28 December.
async fn overdue_by_christmas(app: &TestApp) -> (String, String) {
    app.set_time("2026-11-27T15:00:00Z");
    let phone = device();
    let receipt = app
        .file(
            &phone,
            &complaint("roads_local", in_municipality("prishtine")),
        )
        .await;
    assert_eq!(receipt.due_date.to_string(), "2026-12-18");
    (phone, receipt.id.to_string())
}

#[tokio::test]
async fn a_complaint_escalates_once_five_working_days_past_its_deadline() {
    let app = spawn_app().await;
    let (phone, id) = overdue_by_christmas(&app).await;

    // Sunday 27 December, the last moment before: four working days have passed.
    app.set_time("2026-12-27T22:59:00Z");
    assert_eq!(escalate_if_due(&app.state).await.unwrap(), Some(Vec::new()));
    // Within the quarter hour the job is not due again.
    app.set_time("2026-12-27T23:05:00Z");
    assert_eq!(escalate_if_due(&app.state).await.unwrap(), None);

    // Monday 28 December, a quarter past midnight in Kosovo (the job runs every 15 minutes).
    app.set_time("2026-12-27T23:15:00Z");
    let escalated = escalate_if_due(&app.state).await.unwrap().unwrap();
    assert_eq!(escalated.len(), 1);
    assert_eq!(escalated[0].complaint, id);
    assert_eq!(escalated[0].to, "prishtine:mun_mayor");

    let record = app.my_complaints(&phone).await.complaints.remove(0);
    let last = record.timeline.last().unwrap();
    assert_eq!(last.kind, TimelineKind::Escalated);
    assert_eq!(last.institution.as_ref().unwrap().id, "prishtine:mun_mayor");
    assert_eq!(
        record.status,
        Status::Submitted,
        "the status stays what it was"
    );
    assert_eq!(record.institution.id, "prishtine:mun_public_services");

    // Later runs, hours and days on, find nothing more to do.
    for later in ["2026-12-28T09:00:00Z", "2027-01-15T09:00:00Z"] {
        app.set_time(later);
        assert_eq!(escalate_if_due(&app.state).await.unwrap(), Some(Vec::new()));
    }
    assert_eq!(escalations_of(&app, &id).await, 1);
}

#[tokio::test]
async fn closed_complaints_and_institutions_with_no_supervisor_do_not_escalate() {
    let app = spawn_app().await;
    let (_, id) = overdue_by_christmas(&app).await;
    change(&app, "UPDATE complaints SET status = 'resolved', closed_at = '2026-12-01T10:00:00Z' WHERE id = ?1", &id).await;
    let (_, top) = overdue_by_christmas(&app).await;
    change(
        &app,
        "UPDATE complaints SET institution_id = 'gov' WHERE id = ?1",
        &top,
    )
    .await;
    app.set_time("2027-02-01T10:00:00Z");
    assert_eq!(escalate_if_due(&app.state).await.unwrap(), Some(Vec::new()));
    assert_eq!(escalations_of(&app, &id).await, 0);
    assert_eq!(escalations_of(&app, &top).await, 0);
}

/// Two servers on one database, their clocks alike: when escalation falls due, one of them
/// takes the lease and escalates; the other finds it taken.
#[tokio::test]
async fn with_two_servers_escalation_runs_on_one() {
    let first = spawn_app().await;
    let second = spawn_with(test_config(&first.dir)).await;
    let (_, id) = overdue_by_christmas(&first).await;
    first.set_time("2026-12-28T10:00:00Z");
    second.set_time("2026-12-28T10:00:00Z");
    let (a, b) = tokio::join!(
        escalate_if_due(&first.state),
        escalate_if_due(&second.state)
    );
    let runs: Vec<_> = [a.unwrap(), b.unwrap()].into_iter().flatten().collect();
    assert_eq!(runs.len(), 1, "one server ran the job: {runs:?}");
    assert_eq!(runs[0].len(), 1);
    // The lease holds for the period: the other server's next look finds it not due.
    assert_eq!(escalate_if_due(&second.state).await.unwrap(), None);
    assert_eq!(escalate_if_due(&first.state).await.unwrap(), None);
    assert_eq!(escalations_of(&first, &id).await, 1);
}

/// The scheduler runs the job by itself, on its timer.
#[tokio::test]
async fn the_scheduler_escalates_without_being_asked() {
    let dir = fresh_dir();
    let mut config = test_config(&dir);
    config.jobs_every_seconds = 1;
    let app = spawn_with(config).await;
    let (_, id) = overdue_by_christmas(&app).await;
    app.set_time("2026-12-28T10:00:00Z");
    for _ in 0..100 {
        if escalations_of(&app, &id).await == 1 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the scheduler did not escalate the overdue complaint");
}

/// The statistics count an escalation under the institution that let the deadline pass, in
/// the period the complaint was received, for every institution and for that one alone, and
/// the CSV has the same count.
#[tokio::test]
async fn statistics_count_escalations() {
    let app = spawn_app().await;
    let (_, escalated) = overdue_by_christmas(&app).await;
    let (_, answered) = overdue_by_christmas(&app).await;
    change(
        &app,
        "UPDATE complaints SET status = 'resolved', closed_at = '2026-12-01T10:00:00Z' WHERE id = ?1",
        &answered,
    )
    .await;
    app.set_time("2026-12-28T10:00:00Z");
    escalate_if_due(&app.state).await.unwrap().unwrap();
    assert_eq!(escalations_of(&app, &escalated).await, 1);

    let period = "from=2026-11-01&to=2026-11-30";
    let institution = "prishtine:mun_public_services";
    let everyone = app.stats(&format!("?{period}")).await;
    let row = everyone.rows.iter().find(|r| r.key == institution).unwrap();
    assert_eq!((row.received, row.escalated), (2, 1));
    assert!(
        everyone
            .rows
            .iter()
            .all(|r| r.key == institution || r.escalated == 0),
        "no other institution escalated anything"
    );
    let by_category = app
        .stats(&format!(
            "?{period}&group=category&institution={institution}"
        ))
        .await;
    let roads = by_category
        .rows
        .iter()
        .find(|r| r.key == "roads_local")
        .unwrap();
    assert_eq!((roads.received, roads.escalated), (2, 1));
    let by_municipality = app.stats(&format!("?{period}&group=municipality")).await;
    let prishtina = by_municipality
        .rows
        .iter()
        .find(|r| r.key == "prishtine")
        .unwrap();
    assert_eq!(prishtina.escalated, 1);
    // Received in another period, it is not counted there.
    let december = app.stats("?from=2026-12-01&to=2026-12-31").await;
    assert!(december.rows.iter().all(|r| r.escalated == 0));

    let csv = app
        .client
        .get(app.url(&format!("/api/v1/stats.csv?{period}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let column = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "escalated")
        .unwrap();
    let record = reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[0] == institution)
        .unwrap();
    assert_eq!(&record[column], "1");
}

/// An administrator gives a category fewer working days before escalation; a day past the
/// deadline is then enough. The days are checked like the other deadlines.
#[tokio::test]
async fn an_administrator_sets_how_long_a_category_waits_before_escalating() {
    let app = spawn_app().await;
    let admin = app
        .staff("escalation.admin", server::auth::Role::Administrator, None)
        .await;
    let change = |days: serde_json::Value| {
        app.client
            .patch(app.url("/api/v1/admin/categories/roads_local"))
            .bearer_auth(&admin)
            .json(&serde_json::json!({ "escalate_working_days": days }))
            .send()
    };
    for wrong in [
        serde_json::json!(0),
        serde_json::json!(61),
        serde_json::json!(1.5),
    ] {
        let refused = refusal(change(wrong.clone()).await.unwrap()).await;
        assert!(refused.status.is_client_error(), "{wrong}");
        let says_why = refused.message().contains("escalation 1 to 60")
            || refused.message().contains("whole number");
        assert!(says_why, "{wrong}: {}", refused.message());
    }
    let changed: serde_json::Value = answer(change(serde_json::json!(1)).await.unwrap())
        .await
        .unwrap();
    assert_eq!(changed["escalate_working_days"], 1);

    let (_, id) = overdue_by_christmas(&app).await;
    // Sunday 20 December, the last minute in Kosovo: no working day has passed since Friday.
    app.set_time("2026-12-20T22:59:00Z");
    assert_eq!(escalate_if_due(&app.state).await.unwrap(), Some(Vec::new()));
    app.set_time("2026-12-20T23:15:00Z");
    let escalated = escalate_if_due(&app.state).await.unwrap().unwrap();
    assert_eq!(escalated.len(), 1);
    assert_eq!(escalated[0].complaint, id);
}

/// The supervising bodies the reference data gives: a utility's regulator, a directorate's
/// mayor, a mayor's Ombudsperson, a cadastral office's Cadastral Agency; none above the
/// independent institutions and municipal assemblies.
#[tokio::test]
async fn each_institution_escalates_to_the_body_that_hears_its_unanswered_complaints() {
    let app = spawn_app().await;
    let parents: std::collections::HashMap<String, Option<String>> = app
        .state
        .db
        .read(|c| -> Result<_, server::services::ServiceError> {
            Ok(
                c.query_map("SELECT id, parent_id FROM institutions", (), |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?
                .into_iter()
                .collect(),
            )
        })
        .await
        .unwrap();
    let parent = |id: &str| parents[id].as_deref();
    for (institution, body) in [
        ("keds", Some("zrre")),
        ("kesco", Some("zrre")),
        ("termokos", Some("zrre")),
        ("kru_prishtina", Some("arru")),
        ("kru_hidromorava", Some("arru")),
        ("posta", Some("arkep")),
        ("telkos", Some("arkep")),
        ("auv", Some("mbpzhr")),
        ("kp", Some("mpb")),
        ("prishtine:mun_public_services", Some("prishtine:mun_mayor")),
        ("gjilan:mun_education", Some("gjilan:mun_mayor")),
        ("prishtine:mun_mayor", Some("iap")),
        ("prishtine:mun_cadastre", Some("akk")),
        ("prishtine:mun_assembly", None),
        ("iap", None),
        ("zrre", None),
        ("arru", None),
    ] {
        assert_eq!(parent(institution), body, "{institution}");
    }
    // Every chain ends, and every parent is an institution.
    for start in parents.keys() {
        let mut at = start.as_str();
        for _ in 0..parents.len() {
            match parent(at) {
                Some(next) => {
                    assert!(parents.contains_key(next), "{at} names {next}");
                    at = next;
                }
                None => break,
            }
        }
        assert!(parent(at).is_none(), "a cycle through {start}");
    }
}
