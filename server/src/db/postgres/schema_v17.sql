-- Version 17, as SQLite's schema_v17.sql: what people wrote is kept beside the audit log, by
-- the record's id, and can be removed by a retention policy. (The search words follow an
-- updated description through the complaints_derived trigger already.)
CREATE TABLE audit_texts (
    event_id BIGINT PRIMARY KEY REFERENCES audit_log(id) DEFERRABLE,
    text     TEXT NOT NULL
);
INSERT INTO audit_texts (event_id, text) SELECT id, text FROM audit_log WHERE text IS NOT NULL;
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
UPDATE audit_log SET text = NULL WHERE text IS NOT NULL;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;

ALTER TABLE complaints ADD COLUMN texts_redacted_at TEXT;
