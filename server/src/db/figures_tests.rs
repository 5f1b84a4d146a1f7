//! The daily totals kept by the triggers, on both engines, against a rebuild from the
//! complaints themselves: after filing, acknowledging, answering, transferring, closing,
//! rating, reopening, moving and deleting complaints.

use super::Conn;
use super::figures;
use super::fixtures::{Complaint, on_both_schemas, reference_rows};
use crate::params;

/// Both tables, row by row, in order; the response times of a row sorted, as a rebuild lists
/// them in no particular order. A figures row the triggers emptied (all its complaints moved
/// away) is left out, as a rebuild has none.
fn totals(c: &Conn) -> Vec<String> {
    let mut rows = c
        .query_map(
            "SELECT dimension, day, key, received, acknowledged_on_time, resolved, rejected,
                transferred, ratings, stars, response_tenths FROM daily_figures",
            (),
            |r| {
                let counts = (3..10)
                    .map(|i| r.get::<_, i64>(i))
                    .collect::<Result<Vec<_>, _>>()?;
                let mut tenths: Vec<i64> = r
                    .get::<_, String>(10)?
                    .split(',')
                    .filter(|t| !t.is_empty())
                    .map(|t| t.parse().unwrap())
                    .collect();
                tenths.sort_unstable();
                let key = format!(
                    "figures {} {} {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?
                );
                Ok((key, counts, tenths))
            },
        )
        .unwrap()
        .into_iter()
        .filter_map(|(key, counts, tenths)| {
            if counts[0] == 0 {
                assert!(counts.iter().all(|&n| n == 0) && tenths.is_empty(), "{key}");
                return None;
            }
            Some(format!("{key}: {counts:?} {tenths:?}"))
        })
        .collect::<Vec<_>>();
    rows.extend(
        c.query_map("SELECT * FROM daily_open", (), |r| {
            let open: i64 = r.get(6)?;
            assert!(open > 0);
            Ok(format!(
                "open {} {} {} {} {} {}: {open}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, i64>(5)?,
            ))
        })
        .unwrap(),
    );
    rows.sort();
    rows
}

/// The totals as the triggers left them, checked against a rebuild (which then stands).
fn as_rebuilt(c: &Conn, phase: &str) -> Vec<String> {
    let kept = totals(c);
    figures::rebuild(c).unwrap();
    assert_eq!(kept, totals(c), "after {phase}, on {:?}", c.dialect());
    kept
}

/// A small deterministic generator, so both engines see the same complaints.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % sides
    }

    fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        from[self.roll(from.len() as u64) as usize]
    }
}

const COMPLAINTS: usize = 60;

fn id(i: usize) -> String {
    format!("c{i:02}")
}

/// Runs `sql` on every complaint `every`-th from `first`, with its id and a value from `dice`.
fn each(c: &Conn, first: usize, every: usize, sql: &str, mut value: impl FnMut() -> i64) {
    for i in (first..COMPLAINTS).step_by(every) {
        c.execute(sql, params![id(i), value()]).unwrap();
    }
}

#[test]
fn the_totals_follow_every_change_as_a_rebuild_counts_them() {
    let phases = on_both_schemas(|c| {
        reference_rows(c);
        let mut dice = Dice(17);
        let mut phases = Vec::new();
        for i in 0..COMPLAINTS {
            let mut complaint = Complaint::new(&id(i));
            // Around midnight in Kosovo, on either side of the change to summer time.
            complaint.submitted_at = format!(
                "2026-03-{:02}T{}:{:02}:00+00:00",
                dice.pick(&[27, 28, 29]),
                dice.pick(&["21", "22", "23", "00", "09"]),
                dice.roll(60)
            );
            complaint.municipality = dice.pick(&["prishtina", "gjilan"]);
            complaint.category = dice.pick(&["water", "roads"]);
            complaint.ack_due = dice.pick(&["2026-03-31", "2026-04-01"]).to_owned();
            complaint.answer_due = dice.pick(&["2026-04-17", "2026-04-20"]).to_owned();
            if i % 4 == 0 {
                complaint.status = dice.pick(&["acknowledged", "resolved", "rejected"]);
                complaint.acknowledged_on_time = Some(dice.pick(&[0, 1]));
                complaint.first_response_hours = Some(dice.pick(&[0.25, 1.35, 4.0]));
            }
            complaint.insert(c);
        }
        phases.push(as_rebuilt(c, "filing"));

        each(
            c,
            1,
            3,
            "UPDATE complaints SET status = 'acknowledged',
            acknowledged_on_time = ?2 WHERE id = ?1 AND status = 'submitted'",
            || dice.roll(2) as i64,
        );
        phases.push(as_rebuilt(c, "acknowledging"));

        let hours = [0.05, 0.25, 1.25, 2.35, 12.5, 0.04999, 47.95, 0.25];
        for i in (1..COMPLAINTS).step_by(2) {
            c.execute(
                "UPDATE complaints SET status = 'in_progress', first_response_hours = ?2
                 WHERE id = ?1 AND first_response_hours IS NULL",
                params![id(i), dice.pick(&hours)],
            )
            .unwrap();
        }
        phases.push(as_rebuilt(c, "first responses"));

        each(
            c,
            2,
            5,
            "UPDATE complaints SET institution_id = 'gjilan:mun_mayor',
            status = 'transferred', transfers = transfers + ?2, ack_due = '2026-04-02'
            WHERE id = ?1",
            || 1,
        );
        phases.push(as_rebuilt(c, "transfers"));

        each(
            c,
            0,
            3,
            "UPDATE complaints SET status = CASE WHEN ?2 = 0 THEN 'resolved'
            ELSE 'rejected' END WHERE id = ?1",
            || dice.roll(3) as i64,
        );
        each(
            c,
            0,
            2,
            "UPDATE complaints SET rating_stars = ?2 WHERE id = ?1
            AND status IN ('resolved', 'rejected')",
            || 1 + dice.roll(5) as i64,
        );
        phases.push(as_rebuilt(c, "closing and rating"));

        each(
            c,
            3,
            6,
            "UPDATE complaints SET status = 'reopened', rating_stars = NULL
            WHERE id = ?1 AND status = 'resolved' AND ?2 = 0",
            || 0,
        );
        each(
            c,
            4,
            7,
            "UPDATE complaints SET submitted_at = '2026-03-29T00:30:00+00:00',
            answer_due = '2026-04-21' WHERE id = ?1 AND ?2 = 0",
            || 0,
        );
        phases.push(as_rebuilt(c, "reopening and moving"));

        let before = totals(c);
        c.execute(
            "UPDATE complaints SET contact_name = 'N', status = status",
            (),
        )
        .unwrap();
        assert_eq!(
            totals(c),
            before,
            "an update of the same values changes nothing"
        );

        each(
            c,
            0,
            4,
            "DELETE FROM complaints WHERE id = ?1 AND ?2 = 0",
            || 0,
        );
        phases.push(as_rebuilt(c, "deleting"));
        let mut tenths: Vec<i64> = c
            .query_map(
                "SELECT response_tenths FROM daily_figures WHERE dimension = 'category'",
                (),
                |r| r.get::<_, String>(0),
            )
            .unwrap()
            .iter()
            .flat_map(|list| {
                list.split(',')
                    .filter_map(|t| t.parse().ok())
                    .collect::<Vec<_>>()
            })
            .collect();
        tenths.sort_unstable();
        (phases, tenths)
    });
    let (phases, tenths) = phases;
    assert!(
        phases
            .last()
            .unwrap()
            .iter()
            .any(|row| row.starts_with("open "))
    );
    // Halves round away from zero on both engines: 0.25 hours is 3 tenths, 1.25 is 13.
    assert!(
        tenths.contains(&3) && tenths.contains(&13) && tenths.contains(&0),
        "{tenths:?}"
    );
}
