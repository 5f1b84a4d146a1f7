-- Zëri schema, version 8: overdue complaints escalate by themselves. A category says how many
-- working days past the answer deadline a complaint may stay unanswered before it goes to its
-- institution's supervising body (the institution's parent); a complaint records when it went
-- and to whom. Scheduled jobs hold a lease, so that with several servers each runs once.

ALTER TABLE categories ADD COLUMN escalate_working_days INTEGER NOT NULL DEFAULT 5;
ALTER TABLE complaints ADD COLUMN escalated_at TEXT;
ALTER TABLE complaints ADD COLUMN escalated_to TEXT REFERENCES institutions(id) DEFERRABLE;

CREATE TABLE job_leases (
    job      TEXT PRIMARY KEY,
    holder   TEXT NOT NULL,   -- the server that ran it last
    next_run TEXT NOT NULL    -- RFC 3339: no server runs it again before then
);
