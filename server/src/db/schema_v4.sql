-- Zëri schema, version 4: promotional campaigns and staff training, the two counted results
-- the commitment promises besides the app itself.

-- A campaign: its code is what its link and QR code carry, and what complaints sent after
-- opening that link carry in `complaints.campaign`.
CREATE TABLE campaigns (
    code            TEXT PRIMARY KEY,            -- e.g. GJI-7K3Q
    name            TEXT NOT NULL,
    starts_on       TEXT NOT NULL,               -- Kosovo dates, both inclusive
    ends_on         TEXT NOT NULL,
    municipality_id TEXT REFERENCES municipalities(id),  -- NULL: the whole country
    created_by      INTEGER NOT NULL REFERENCES staff(id),
    created_at      TEXT NOT NULL
);

-- Each time a campaign link was followed: `scan` when its web page was opened (the QR code),
-- `app_open` when the app reported being opened with the code.
CREATE TABLE campaign_visits (
    id            INTEGER PRIMARY KEY,
    campaign_code TEXT NOT NULL REFERENCES campaigns(code),
    kind          TEXT NOT NULL CHECK (kind IN ('scan', 'app_open')),
    device_hash   TEXT,                          -- app opens: the device, to count devices
    at            TEXT NOT NULL
);
CREATE INDEX campaign_visits_campaign ON campaign_visits(campaign_code, kind);
CREATE INDEX complaints_campaign ON complaints(campaign, municipality_id) WHERE campaign IS NOT NULL;

-- A person in training: they practise in a sandbox of their own, a separate database file
-- holding a fresh copy of the demo data, entered through a link with an unguessable code. The
-- code is kept (not hashed) so the trainer can show it again: it opens demo data only.
CREATE TABLE trainees (
    id             TEXT PRIMARY KEY,             -- also names the sandbox's folder
    name           TEXT NOT NULL,
    institution_id TEXT NOT NULL REFERENCES institutions(id),  -- where they work
    entry_code     TEXT NOT NULL UNIQUE,
    sandbox_file   TEXT,                         -- the current sandbox database, once built
    created_by     INTEGER NOT NULL REFERENCES staff(id),
    created_at     TEXT NOT NULL,
    reset_at       TEXT
);

-- Exercises a trainee has done, kept here (not in the sandbox) so a reset does not forget them.
CREATE TABLE training_completions (
    trainee_id   TEXT NOT NULL REFERENCES trainees(id),
    exercise     TEXT NOT NULL,
    completed_at TEXT NOT NULL,
    PRIMARY KEY (trainee_id, exercise)
);
