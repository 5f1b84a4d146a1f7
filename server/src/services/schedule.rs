//! Scheduled jobs that run inside the server (escalation now; the email queue and digests
//! after it), once per period however many servers share the database: a job's lease says
//! which server ran it last and when it is next due. Taking the lease and doing the job's work
//! are one writer job, and writers take turns (one group at a time, on PostgreSQL under an
//! advisory lock), so two servers never both find a job due. A server that dies mid-run leaves
//! nothing half done: its transaction is undone with it, and the next server takes the lease
//! when it is due again.

use chrono::{DateTime, Duration, Utc};

use crate::db::Conn;
use crate::params;
use crate::services::ServiceError;

/// Takes the lease of `job` for `holder` if the job is due at `now` (or has never run), and
/// makes it due again `every` later. Answers whether `holder` should run it now. Run it in the
/// same writer job as the job's work.
pub fn take_if_due(
    c: &Conn,
    job: &str,
    holder: &str,
    now: DateTime<Utc>,
    every: Duration,
) -> Result<bool, ServiceError> {
    let taken = c.query_map(
        "INSERT INTO job_leases (job, holder, next_run) VALUES (?1, ?2, ?3)
         ON CONFLICT (job) DO UPDATE SET holder = excluded.holder, next_run = excluded.next_run
         WHERE job_leases.next_run <= ?4
         RETURNING holder",
        params![job, holder, (now + every).to_rfc3339(), now.to_rfc3339()],
        |r| r.get::<_, String>(0),
    )?;
    Ok(!taken.is_empty())
}
