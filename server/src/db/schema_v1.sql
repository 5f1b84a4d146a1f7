-- Zëri schema, version 1.

CREATE TABLE municipalities (
    id            TEXT PRIMARY KEY,
    kas_code      INTEGER NOT NULL,
    name_sq       TEXT NOT NULL,
    name_sr       TEXT NOT NULL,
    name_en       TEXT NOT NULL,
    water_company TEXT,            -- institution id of the regional water company, if one serves it
    geometry      TEXT NOT NULL    -- GeoJSON geometry (Polygon or MultiPolygon), WGS84
);

CREATE TABLE institutions (
    id              TEXT PRIMARY KEY,
    level           TEXT NOT NULL,   -- as in data/kosovo/institutions.csv
    name_sq         TEXT NOT NULL,
    name_sr         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    parent_id       TEXT REFERENCES institutions(id),  -- the supervising body, for escalation
    municipality_id TEXT REFERENCES municipalities(id),
    active          INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE categories (
    id                TEXT PRIMARY KEY,
    name_sq           TEXT NOT NULL,
    name_sr           TEXT NOT NULL,
    name_en           TEXT NOT NULL,
    level             TEXT NOT NULL,
    ack_working_days  INTEGER NOT NULL DEFAULT 2,
    answer_working_days INTEGER NOT NULL DEFAULT 15,
    active            INTEGER NOT NULL DEFAULT 1,
    position          INTEGER NOT NULL DEFAULT 0
);

-- Where a category goes. The most specific rule wins: one for the complaint's municipality
-- before a general one, then the higher priority. `target` is `institution:<id>`,
-- `municipal:<template>` (that municipality's body, e.g. municipal:mun_public_services) or
-- `water_company` (the regional water company serving the municipality).
CREATE TABLE routing_rules (
    id              INTEGER PRIMARY KEY,
    category_id     TEXT NOT NULL REFERENCES categories(id),
    municipality_id TEXT REFERENCES municipalities(id),
    target          TEXT NOT NULL,
    priority        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL
);
CREATE INDEX routing_rules_category ON routing_rules(category_id);

CREATE TABLE holidays (
    date    TEXT PRIMARY KEY,   -- YYYY-MM-DD, a non-working day
    name_sq TEXT NOT NULL,
    name_sr TEXT NOT NULL,
    name_en TEXT NOT NULL
);

CREATE TABLE complaints (
    id                TEXT PRIMARY KEY,          -- the phone's UUID: the idempotency key
    tracking_code     TEXT NOT NULL UNIQUE,
    device_hash       TEXT NOT NULL,
    request_hash      TEXT NOT NULL,             -- of the request body, to spot a reused id
    category_id       TEXT NOT NULL REFERENCES categories(id),
    description       TEXT NOT NULL,
    lat               REAL,
    lon               REAL,
    municipality_id   TEXT NOT NULL REFERENCES municipalities(id),
    contact_name      TEXT,
    contact_phone     TEXT,
    contact_email     TEXT,
    language          TEXT NOT NULL,
    campaign          TEXT,
    photo_count       INTEGER NOT NULL,
    institution_id    TEXT NOT NULL REFERENCES institutions(id),
    explanation_sq    TEXT NOT NULL,
    explanation_sr    TEXT NOT NULL,
    explanation_en    TEXT NOT NULL,
    status            TEXT NOT NULL,
    assigned_to       INTEGER REFERENCES staff(id),
    submitted_at      TEXT NOT NULL,
    routed_at         TEXT NOT NULL,             -- when it reached its current institution
    acknowledged_at   TEXT,
    first_response_at TEXT,
    closed_at         TEXT,
    ack_due           TEXT NOT NULL,             -- YYYY-MM-DD
    answer_due        TEXT NOT NULL,             -- YYYY-MM-DD
    rating_stars      INTEGER,
    rating_comment    TEXT,
    last_event_id     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX complaints_institution ON complaints(institution_id, status);
CREATE INDEX complaints_device ON complaints(device_hash, last_event_id);
CREATE INDEX complaints_submitted ON complaints(submitted_at);

CREATE TABLE photos (
    complaint_id TEXT NOT NULL REFERENCES complaints(id),
    idx          INTEGER NOT NULL,
    sha256       TEXT NOT NULL,     -- the file under <data dir>/photos/<sha256>
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    PRIMARY KEY (complaint_id, idx)
);

CREATE TABLE reopen_requests (
    request_id   TEXT PRIMARY KEY,
    complaint_id TEXT NOT NULL REFERENCES complaints(id)
);

CREATE TABLE staff (
    id             INTEGER PRIMARY KEY,
    username       TEXT NOT NULL UNIQUE,
    display_name   TEXT NOT NULL,
    password_hash  TEXT NOT NULL,     -- argon2id PHC string
    role           TEXT NOT NULL,     -- administrator | manager | staff
    institution_id TEXT REFERENCES institutions(id),
    active         INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    staff_id   INTEGER NOT NULL REFERENCES staff(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE TABLE response_templates (
    id             INTEGER PRIMARY KEY,
    institution_id TEXT REFERENCES institutions(id),
    title          TEXT NOT NULL,
    body           TEXT NOT NULL
);

-- Every step in every complaint's life and every administrative change: who, when, what,
-- before and after. Append-only (the triggers below refuse changes).
CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    actor_kind   TEXT NOT NULL,       -- citizen | staff | system
    actor_id     INTEGER,             -- staff id
    action       TEXT NOT NULL,
    complaint_id TEXT REFERENCES complaints(id),
    citizen_visible INTEGER NOT NULL DEFAULT 0,
    before       TEXT,                -- JSON
    after        TEXT,                -- JSON
    text         TEXT                 -- a reply, reason, note or comment
);
CREATE INDEX audit_log_complaint ON audit_log(complaint_id, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
