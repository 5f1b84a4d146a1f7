-- Version 8, as SQLite's schema_v8.sql: escalation of overdue complaints, and the leases of
-- scheduled jobs.

ALTER TABLE categories ADD COLUMN escalate_working_days BIGINT NOT NULL DEFAULT 5;
ALTER TABLE complaints ADD COLUMN escalated_at TEXT;
ALTER TABLE complaints ADD COLUMN escalated_to TEXT REFERENCES institutions(id) DEFERRABLE;

CREATE TABLE job_leases (
    job      TEXT PRIMARY KEY,
    holder   TEXT NOT NULL,
    next_run TEXT NOT NULL
);
