//! The same statements on both engines give the same answers: the storage boundary's promise.

use super::postgres::{PgSession, fresh_database};
use super::{Conn, DbError, Dialect, OptionalExtension, Params, Value};
use crate::params;

/// Runs `check` on a fresh SQLite database and on a fresh PostgreSQL one.
fn on_both_engines(check: impl Fn(&Conn)) {
    let sqlite = rusqlite::Connection::open_in_memory().unwrap();
    check(&Conn::sqlite(&sqlite));
    let session = PgSession::connect(&fresh_database()).unwrap();
    let conn = Conn::postgres(&session);
    assert_eq!(conn.dialect(), Dialect::Postgres);
    check(&conn);
}

const TABLE: &str = "CREATE TABLE items (id TEXT PRIMARY KEY, n BIGINT NOT NULL,
    share DOUBLE PRECISION, done BIGINT NOT NULL DEFAULT 0, data BYTEA)";

#[test]
fn rows_go_in_and_come_back_alike() {
    on_both_engines(|c| {
        c.execute_batch(TABLE).unwrap();
        let added = c
            .execute(
                "INSERT INTO items (id, n, share, done, data) VALUES (?1, ?2, ?3, ?4, ?5)",
                params!["a", 3, 0.5, true, vec![0u8, 255]],
            )
            .unwrap();
        assert_eq!(added, 1);
        c.execute(
            "INSERT INTO items (id, n, share) VALUES (?1, ?2, ?3)",
            params!["b", 4, None::<f64>],
        )
        .unwrap();
        let (n, share, done, data): (u8, Option<f64>, bool, Vec<u8>) = c
            .query_row(
                "SELECT n, share, done, data FROM items WHERE id = ?1",
                ["a"],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        assert_eq!((n, share, done, data), (3, Some(0.5), true, vec![0, 255]));
        let ids = c
            .query_map("SELECT id FROM items ORDER BY id", (), |r| {
                r.get::<_, String>(0)
            })
            .unwrap();
        assert_eq!(ids, ["a", "b"]);
        let missing = c
            .query_row("SELECT n FROM items WHERE id = ?1", ["z"], |r| {
                r.get::<_, i64>(0)
            })
            .optional()
            .unwrap();
        assert_eq!(missing, None);
        assert!(c.exists("SELECT 1 FROM items WHERE n > ?1", [3]).unwrap());
        let exists: bool = c
            .query_row(
                "SELECT EXISTS(SELECT 1 FROM items WHERE id = ?1)",
                ["b"],
                |r| r.get(0),
            )
            .unwrap();
        assert!(exists);
    });
}

#[test]
fn sums_counts_and_conflicts_read_the_same() {
    on_both_engines(|c| {
        c.execute_batch(TABLE).unwrap();
        for (id, n) in [("a", 1), ("b", 2), ("c", 3)] {
            c.execute("INSERT INTO items (id, n) VALUES (?1, ?2)", params![id, n])
                .unwrap();
        }
        let again = c
            .execute(
                "INSERT INTO items (id, n) VALUES (?1, ?2) ON CONFLICT (id) DO NOTHING",
                params!["a", 9],
            )
            .unwrap();
        assert_eq!(again, 0, "the same key is not written twice");
        let (count, total, average): (i64, i64, f64) = c
            .query_row("SELECT COUNT(*), SUM(n), AVG(n) FROM items", (), |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap();
        assert_eq!((count, total, average), (3, 6, 2.0));
        let returned: i64 = c
            .query_row(
                "UPDATE items SET n = n + 10 WHERE id = ?1 RETURNING n",
                ["b"],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(returned, 12);
        let nothing: Option<i64> = c
            .query_row("SELECT SUM(n) FROM items WHERE id = 'none'", (), |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(nothing, None);
    });
}

#[test]
fn a_failed_savepoint_undoes_only_its_own_changes() {
    on_both_engines(|c| {
        c.execute_batch(TABLE).unwrap();
        c.execute_batch("BEGIN").unwrap();
        c.execute("INSERT INTO items (id, n) VALUES ('kept', 1)", ())
            .unwrap();
        let failed = (|| -> Result<(), DbError> {
            let tx = c.savepoint()?;
            tx.execute("INSERT INTO items (id, n) VALUES ('undone', 2)", ())?;
            tx.execute("INSERT INTO items (id, n) VALUES ('kept', 3)", ())?;
            tx.commit()
        })();
        assert!(failed.is_err(), "the duplicate key fails the savepoint");
        let outer = c.savepoint().unwrap();
        let inner = outer.savepoint().unwrap();
        inner
            .execute("INSERT INTO items (id, n) VALUES ('inner', 4)", ())
            .unwrap();
        inner.commit().unwrap();
        outer.commit().unwrap();
        let dropped = c.savepoint().unwrap();
        dropped
            .execute("INSERT INTO items (id, n) VALUES ('dropped', 5)", ())
            .unwrap();
        drop(dropped);
        c.execute_batch("COMMIT").unwrap();
        let ids = c
            .query_map("SELECT id FROM items ORDER BY id", (), |r| {
                r.get::<_, String>(0)
            })
            .unwrap();
        assert_eq!(ids, ["inner", "kept"]);
    });
}

/// Statements run together (in one round trip on PostgreSQL) run in order: a later one sees
/// the rows of an earlier one, each says how many rows it changed, and inside a savepoint a
/// failure undoes them all, with the deferred savepoint statements around them.
#[test]
fn statements_run_together_run_in_order_and_fail_together() {
    on_both_engines(|c| {
        c.execute_batch(TABLE).unwrap();
        c.execute_batch("BEGIN").unwrap();
        let together = |first: &str| {
            vec![
                (
                    "INSERT INTO items (id, n) VALUES (?1, 1) ON CONFLICT DO NOTHING",
                    params![first].into_values(),
                ),
                (
                    "UPDATE items SET n = n + 10 WHERE id = ?1",
                    params![first].into_values(),
                ),
            ]
        };
        let tx = c.savepoint().unwrap();
        assert_eq!(tx.execute_together(&together("a")).unwrap(), [1, 1]);
        tx.commit().unwrap();
        let tx = c.savepoint().unwrap();
        assert_eq!(
            tx.execute_together(&together("a")).unwrap(),
            [0, 1],
            "the insert did nothing; the update still ran"
        );
        tx.commit().unwrap();
        let failed = (|| -> Result<Vec<usize>, DbError> {
            let tx = c.savepoint()?;
            let changed = tx.execute_together(&[
                ("INSERT INTO items (id, n) VALUES ('b', 2)", Vec::new()),
                ("INSERT INTO items (id, n) VALUES ('b', 3)", Vec::new()),
                ("INSERT INTO items (id, n) VALUES ('c', 4)", Vec::new()),
            ])?;
            tx.commit()?;
            Ok(changed)
        })();
        assert!(failed.is_err(), "the duplicate key fails the lot");
        c.execute_batch("COMMIT").unwrap();
        let rows = c
            .query_map("SELECT id, n FROM items ORDER BY id", (), |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
            })
            .unwrap();
        assert_eq!(rows, [("a".to_owned(), 21)]);
    });
}

#[test]
fn a_value_that_does_not_fit_is_an_error_not_a_panic() {
    on_both_engines(|c| {
        c.execute_batch(TABLE).unwrap();
        c.execute("INSERT INTO items (id, n) VALUES ('big', ?1)", [i64::MAX])
            .unwrap();
        let small = c.query_row("SELECT n FROM items", (), |r| r.get::<_, u8>(0));
        assert!(matches!(small, Err(DbError::Conversion(_))), "{small:?}");
        let text = c.query_row("SELECT id FROM items", (), |r| r.get::<_, i64>(0));
        assert!(text.is_err());
        let value = c
            .query_row("SELECT n FROM items", (), |r| r.get::<_, Value>(0))
            .unwrap();
        assert_eq!(value, Value::Int(i64::MAX));
    });
}
