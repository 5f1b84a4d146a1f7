-- Zëri schema, version 17: what people wrote is kept beside the append-only audit log, not in
-- it. A reply, a question, a citizen's message, a reason or a comment is in `audit_texts`, by
-- the audit record's id; the record itself keeps who did what and when, for ever, and the text
-- can be removed when a retention policy says so (`complaints.texts_redacted_at`). The texts
-- already written move across, the record's own copy emptied for the last time. The search
-- index follows a description that changes.
CREATE TABLE audit_texts (
    event_id INTEGER PRIMARY KEY REFERENCES audit_log(id),
    text     TEXT NOT NULL
);
INSERT INTO audit_texts (event_id, text) SELECT id, text FROM audit_log WHERE text IS NOT NULL;
DROP TRIGGER audit_log_no_update;
UPDATE audit_log SET text = NULL WHERE text IS NOT NULL;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

ALTER TABLE complaints ADD COLUMN texts_redacted_at TEXT;

CREATE TRIGGER complaints_search_update AFTER UPDATE OF description ON complaints BEGIN
    INSERT INTO complaints_search (complaints_search, rowid, description, tracking_code)
    VALUES ('delete', old.rowid, old.description, old.tracking_code);
    INSERT INTO complaints_search (rowid, description, tracking_code)
    VALUES (new.rowid, new.description, new.tracking_code);
END;
