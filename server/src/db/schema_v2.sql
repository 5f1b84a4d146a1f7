-- Zëri schema, version 2: what the inbox and the statistics need to stay fast with millions of
-- complaints. Each figure a report counts is kept on the complaint when it happens, so a report
-- aggregates columns instead of reading the audit log.

ALTER TABLE complaints ADD COLUMN transfers INTEGER NOT NULL DEFAULT 0;
ALTER TABLE complaints ADD COLUMN acknowledged_on_time INTEGER;          -- 1 or 0 once acknowledged
ALTER TABLE complaints ADD COLUMN first_response_hours REAL;            -- from submission

UPDATE complaints SET
    transfers = (SELECT COUNT(*) FROM audit_log a WHERE a.complaint_id = complaints.id AND a.action = 'transferred'),
    acknowledged_on_time = CASE WHEN acknowledged_at IS NULL THEN NULL
                                ELSE substr(acknowledged_at, 1, 10) <= ack_due END,
    first_response_hours = CASE WHEN first_response_at IS NULL THEN NULL
                                ELSE (julianday(first_response_at) - julianday(submitted_at)) * 24.0 END;

-- The inbox: newest first, by due date, and the "new" and "overdue" counts, all from indexes.
-- A complaint is unacknowledged exactly while its status is submitted, transferred or reopened.
DROP INDEX complaints_institution;
CREATE INDEX complaints_institution ON complaints(institution_id, status, answer_due, ack_due, submitted_at);
CREATE INDEX complaints_institution_submitted ON complaints(institution_id, submitted_at);
CREATE INDEX complaints_institution_due ON complaints(institution_id, answer_due);
CREATE INDEX complaints_status ON complaints(status, answer_due, ack_due);

-- Statistics read a period's complaints from this index alone, never from the table.
CREATE INDEX complaints_figures ON complaints(submitted_at, institution_id, category_id, municipality_id, status,
    acknowledged_on_time, transfers, rating_stars, answer_due, ack_due, first_response_hours);

-- Full-text search over what citizens wrote and the tracking code, diacritics folded (so "uje"
-- finds "ujë"), kept in step with the complaints by triggers.
CREATE VIRTUAL TABLE complaints_search USING fts5(
    description, tracking_code, content='complaints', content_rowid='rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO complaints_search (rowid, description, tracking_code)
    SELECT rowid, description, tracking_code FROM complaints;
CREATE TRIGGER complaints_search_insert AFTER INSERT ON complaints BEGIN
    INSERT INTO complaints_search (rowid, description, tracking_code)
    VALUES (new.rowid, new.description, new.tracking_code);
END;
CREATE TRIGGER complaints_search_delete AFTER DELETE ON complaints BEGIN
    INSERT INTO complaints_search (complaints_search, rowid, description, tracking_code)
    VALUES ('delete', old.rowid, old.description, old.tracking_code);
END;
