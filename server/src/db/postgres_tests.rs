//! The database's writer and readers on PostgreSQL: groups commit, a failed job is undone alone,
//! and two servers' writers on one database take turns, so a check-then-insert stays exactly
//! once across machines.

use super::postgres::fresh_database;
use super::{Db, DbError, Dialect};

fn with_table(db: &Db) {
    db.blocking(|c| {
        c.execute_batch(
            "CREATE TABLE filed (id TEXT PRIMARY KEY, server BIGINT NOT NULL);
             CREATE TABLE attempts (n BIGINT NOT NULL)",
        )
    })
    .unwrap();
}

/// Files `id` unless it is there, as intake does with a complaint id: one row, whoever asks.
async fn file_once(db: &Db, id: String, server: i64) -> Result<bool, DbError> {
    db.call(move |c| {
        c.execute("INSERT INTO attempts (n) VALUES (?1)", [server])?;
        if c.exists("SELECT 1 FROM filed WHERE id = ?1", [&id])? {
            return Ok(false);
        }
        c.execute(
            "INSERT INTO filed (id, server) VALUES (?1, ?2)",
            crate::params![id, server],
        )?;
        Ok(true)
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_job_is_undone_alone_and_the_rest_commit() {
    let db = Db::open_postgres(&fresh_database(), 2).unwrap();
    assert_eq!(db.dialect(), Dialect::Postgres);
    with_table(&db);
    let jobs = (0..20).map(|i| {
        let db = db.clone();
        tokio::spawn(async move {
            db.call(move |c| -> Result<(), DbError> {
                c.execute(
                    "INSERT INTO filed (id, server) VALUES (?1, 1)",
                    [format!("c{}", i % 10)],
                )?;
                Ok(())
            })
            .await
        })
    });
    let mut refused = 0;
    for job in jobs {
        refused += usize::from(job.await.unwrap().is_err());
    }
    assert_eq!(refused, 10, "each id's second insert is refused");
    let rows: i64 = db
        .read(|c| c.query_row("SELECT COUNT(*) FROM filed", (), |r| r.get(0)))
        .await
        .unwrap();
    assert_eq!(rows, 10, "and only it: the others in its group are kept");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_servers_on_one_database_file_each_id_once() {
    let url = fresh_database();
    let servers = [
        Db::open_postgres(&url, 1).unwrap(),
        Db::open_postgres(&url, 1).unwrap(),
    ];
    with_table(&servers[0]);
    let mut tasks = Vec::new();
    for round in 0..3 {
        for id in 0..50 {
            for (n, db) in servers.iter().enumerate() {
                let db = db.clone();
                tasks.push(tokio::spawn(async move {
                    file_once(&db, format!("complaint-{id}"), n as i64 + round * 10).await
                }));
            }
        }
    }
    let mut filed = 0;
    for task in tasks {
        filed += usize::from(task.await.unwrap().expect("no attempt fails"));
    }
    assert_eq!(filed, 50, "each id filed once, by one server or the other");
    let (rows, attempts): (i64, i64) = servers[1]
        .read(|c| {
            c.query_row(
                "SELECT (SELECT COUNT(*) FROM filed), (SELECT COUNT(*) FROM attempts)",
                (),
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
        })
        .await
        .unwrap();
    assert_eq!((rows, attempts), (50, 300));
}

/// Every connection to the database is cut (as a restart or a failover cuts them): what is
/// asked meanwhile is refused as "unavailable", never as a fault, and the next request finds
/// the database again, with everything committed before still there.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_connection_is_unavailable_then_found_again() {
    let url = fresh_database();
    let db = Db::open_postgres(&url, 1).unwrap();
    with_table(&db);
    assert!(file_once(&db, "before".into(), 1).await.unwrap());

    let database = url.rsplit_once('/').unwrap().1.to_owned();
    let cluster = std::env::var("ZERI_TEST_POSTGRES").unwrap();
    std::thread::spawn(move || {
        let admin = super::postgres::PgSession::connect(&cluster).unwrap();
        admin
            .batch(&format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                 WHERE datname = '{database}' AND pid <> pg_backend_pid()"
            ))
            .unwrap();
    })
    .join()
    .unwrap();

    let mut refused = 0;
    let filed = loop {
        match file_once(&db, "after".into(), 1).await {
            Ok(filed) => break filed,
            Err(error) => {
                assert!(error.is_unavailable(), "refused as unavailable: {error}");
                refused += 1;
                assert!(refused < 5, "found again within a few tries");
            }
        }
    };
    assert!(filed);
    let read = loop {
        match db
            .read(|c| c.query_row("SELECT COUNT(*) FROM filed", (), |r| r.get::<_, i64>(0)))
            .await
        {
            Ok(count) => break count,
            Err(error) => assert!(error.is_unavailable(), "{error}"),
        }
    };
    assert_eq!(read, 2, "what was committed before the cut is there");
}
