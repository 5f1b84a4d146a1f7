//! The demo data trainers show: every municipality, every stage of a complaint's life, all
//! three languages, and the same on every start.

use server::config::Config;

use crate::helpers::*;

async fn demo_figures(app: &TestApp) -> Vec<(String, i64)> {
    app.state
        .db
        .read(|c| -> Result<_, server::services::ServiceError> {
            let mut statement = c.prepare(
                "SELECT 'municipalities', COUNT(DISTINCT municipality_id) FROM complaints
                 UNION ALL SELECT 'institutions', COUNT(DISTINCT institution_id) FROM complaints
                 UNION ALL SELECT 'complaints', COUNT(*) FROM complaints
                 UNION ALL SELECT 'language ' || language, COUNT(*) FROM complaints GROUP BY language
                 UNION ALL SELECT 'status ' || status, COUNT(*) FROM complaints GROUP BY status
                 UNION ALL SELECT 'event ' || action, COUNT(*) FROM audit_log GROUP BY action
                 UNION ALL SELECT 'rated', COUNT(*) FROM complaints WHERE rating_stars IS NOT NULL
                 UNION ALL SELECT 'overdue', COUNT(*) FROM complaints
                     WHERE status IN ('submitted', 'transferred', 'reopened') AND ack_due < ?1",
            )?;
            let rows = statement
                .query_map([chrono::Utc::now().date_naive().to_string()], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
        .unwrap()
}

fn figure(figures: &[(String, i64)], name: &str) -> i64 {
    figures
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| *v)
        .unwrap_or(0)
}

#[tokio::test]
async fn the_demo_covers_every_municipality_and_every_stage_the_same_way_each_time() {
    let demo = |dir: std::path::PathBuf| Config {
        demo: true,
        ..test_config(&dir)
    };
    let first = demo_figures(&spawn_with(demo(fresh_dir())).await).await;
    assert_eq!(figure(&first, "municipalities"), 38, "{first:?}");
    assert!(figure(&first, "institutions") >= 40, "{first:?}");
    assert!((300..=400).contains(&figure(&first, "complaints")));
    for language in ["sq", "sr", "en"] {
        assert!(
            figure(&first, &format!("language {language}")) >= 30,
            "{language}"
        );
    }
    for stage in [
        "status submitted",
        "status received",
        "status in_progress",
        "status resolved",
        "status rejected",
        "status transferred",
        "status reopened",
        "event replied",
        "event transferred",
        "event reopened",
        "rated",
        "overdue",
    ] {
        assert!(figure(&first, stage) >= 5, "{stage}: {first:?}");
    }
    // A second demo from scratch is the same demo (apart from what is overdue, which depends
    // on the day it is started).
    let second = demo_figures(&spawn_with(demo(fresh_dir())).await).await;
    let without_overdue = |f: &[(String, i64)]| {
        let mut kept = f
            .iter()
            .filter(|(n, _)| n != "overdue")
            .cloned()
            .collect::<Vec<_>>();
        // In name order: how an engine orders a UNION's parts is its own.
        kept.sort();
        kept
    };
    assert_eq!(without_overdue(&first), without_overdue(&second));
}
