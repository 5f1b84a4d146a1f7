-- Zëri schema, version 11: citizens and institutions are told by email. A message waits in
-- the mail queue, written in the same transaction as the change it tells of, until a server
-- claims it, sends it and records the outcome; it names what it tells of (the complaint, the
-- audit record) and is written out only when sent, so the queue holds no personal data. A
-- citizen who follows the link in an email stops that complaint's emails. An institution may
-- give an address for an email on each new complaint and for a daily digest; a staff member
-- may give their own, and choose what they receive there. Phones may give a push token.

CREATE TABLE mail_queue (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,     -- citizen_update | institution_new | institution_digest | staff_new | staff_assigned | staff_digest
    complaint_id    TEXT REFERENCES complaints(id),
    event_id        INTEGER,           -- the audit record it tells of
    institution_id  TEXT REFERENCES institutions(id),
    staff_id        INTEGER REFERENCES staff(id),  -- a staff member's own email
    day             TEXT,              -- a digest's Kosovo date, YYYY-MM-DD
    created_at      TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,     -- RFC 3339: not tried before then
    claimed_by      TEXT,              -- the server sending it now
    claimed_until   TEXT,              -- RFC 3339: another server may take it after then
    outcome         TEXT,              -- sent | failed | dropped; none while it waits
    done_at         TEXT,
    last_error      TEXT               -- what the mail server said, without the message
);
CREATE INDEX mail_queue_waiting ON mail_queue (next_attempt_at) WHERE outcome IS NULL;
CREATE UNIQUE INDEX mail_queue_digest ON mail_queue (institution_id, day)
    WHERE kind = 'institution_digest';
CREATE UNIQUE INDEX mail_queue_staff_digest ON mail_queue (staff_id, day)
    WHERE kind = 'staff_digest';
CREATE INDEX mail_queue_done ON mail_queue (done_at) WHERE outcome IS NOT NULL;

CREATE TABLE mail_stops (
    complaint_id TEXT PRIMARY KEY REFERENCES complaints(id),
    at           TEXT NOT NULL
);

ALTER TABLE institutions ADD COLUMN notify_email TEXT;
ALTER TABLE institutions ADD COLUMN notify_each_new INTEGER NOT NULL DEFAULT 0;
ALTER TABLE institutions ADD COLUMN notify_digest INTEGER NOT NULL DEFAULT 0;
ALTER TABLE institutions ADD COLUMN notify_language TEXT NOT NULL DEFAULT 'sq';

-- A staff member's own email, and what they choose to receive there.
ALTER TABLE staff ADD COLUMN email TEXT;
ALTER TABLE staff ADD COLUMN email_language TEXT NOT NULL DEFAULT 'sq';
ALTER TABLE staff ADD COLUMN notify_new INTEGER NOT NULL DEFAULT 0;       -- each new complaint of their institution
ALTER TABLE staff ADD COLUMN notify_assigned INTEGER NOT NULL DEFAULT 1;  -- a complaint given to them
ALTER TABLE staff ADD COLUMN notify_digest INTEGER NOT NULL DEFAULT 0;    -- the daily digest

-- Where each device's push wake-ups go (a provider's token; the push itself says only that
-- something changed), and the wake-ups waiting to go: at most one per token at a time.
CREATE TABLE push_tokens (
    id          INTEGER PRIMARY KEY,
    device_hash TEXT NOT NULL,
    platform    TEXT NOT NULL,          -- fcm | apns
    token       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (platform, token)
);
CREATE INDEX push_tokens_device ON push_tokens (device_hash);

CREATE TABLE push_queue (
    id              INTEGER PRIMARY KEY,
    token_id        INTEGER NOT NULL REFERENCES push_tokens(id),
    created_at      TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    claimed_by      TEXT,
    claimed_until   TEXT,
    outcome         TEXT,                -- sent | failed; none while it waits
    done_at         TEXT,
    last_error      TEXT
);
CREATE UNIQUE INDEX push_queue_waiting ON push_queue (token_id) WHERE outcome IS NULL;
CREATE INDEX push_queue_due ON push_queue (next_attempt_at) WHERE outcome IS NULL;
