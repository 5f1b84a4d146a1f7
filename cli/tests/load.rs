//! The load generator in miniature: many real cores queue complaints offline, then all come
//! online at once. This checks correctness (every complaint exactly once), not speed; the full
//! run is `zeri-load` (see docs/PERFORMANCE.md).

mod support;

use cli::load::{self, LoadPlan};
use support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_phones_coming_online_at_once_deliver_every_complaint_exactly_once() {
    let dir = temp_dir("load");
    let server = Server::start(&dir, free_port(), false).await;
    let plan = LoadPlan {
        server: server.url(),
        phones: 40,
        complaints_per_phone: 3,
        concurrency: 16,
        tag: "small-load".into(),
    };
    let report = load::run(&plan).await;
    assert_eq!(report.phones_not_done, 0);
    assert_eq!(report.sent, 120);
    assert_eq!(report.latency.count, 120, "one accepted POST per complaint");
    let (distinct, duplicates) = load::verify(
        &load::ServerDatabase::Sqlite(dir.join("server.sqlite3")),
        &plan.tag,
    )
    .unwrap();
    assert_eq!((distinct, duplicates), (120, 0));
}
