-- Version 7, as SQLite's schema_v7.sql: uploads holding a photo file's name between writing
-- the file and committing its row, on any server of the deployment (see `photos.rs`), the
-- change cursor kept by a trigger, and the reference data's version. The step runs
-- search.sql again, for its faster functions.

CREATE TABLE photo_pins (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256    TEXT NOT NULL,
    pinned_at TEXT NOT NULL
);
CREATE INDEX photo_pins_by_file ON photo_pins (sha256);

-- A complaint's change cursor is its last audit record, kept by the record itself (as
-- SQLite's audit_log_last_event).
CREATE FUNCTION audit_log_last_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE complaints SET last_event_id = NEW.id WHERE id = NEW.complaint_id;
    RETURN NULL;
END $$;
CREATE TRIGGER audit_log_last_event AFTER INSERT ON audit_log
    FOR EACH ROW WHEN (NEW.complaint_id IS NOT NULL) EXECUTE FUNCTION audit_log_last_event();

-- A device's complaints are found by the device alone (it has few). With the cursor out of
-- every index, and room left on each page, moving it is a heap-only update: no index entry
-- (the search index's least of all) is written again.
DROP INDEX complaints_device;
CREATE INDEX complaints_device ON complaints (device_hash);
ALTER TABLE complaints SET (fillfactor = 90);

-- The reference data's version, as SQLite's: every change to what routing and deadlines read
-- moves it (once per statement).
CREATE TABLE reference_version (
    one     BIGINT PRIMARY KEY CHECK (one = 1),
    version BIGINT NOT NULL
);
INSERT INTO reference_version (one, version) VALUES (1, 1);
CREATE FUNCTION reference_version_moves() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE reference_version SET version = version + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER categories_moves_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON categories
    FOR EACH STATEMENT EXECUTE FUNCTION reference_version_moves();
CREATE TRIGGER municipalities_moves_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipalities
    FOR EACH STATEMENT EXECUTE FUNCTION reference_version_moves();
CREATE TRIGGER institutions_moves_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON institutions
    FOR EACH STATEMENT EXECUTE FUNCTION reference_version_moves();
CREATE TRIGGER routing_rules_moves_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON routing_rules
    FOR EACH STATEMENT EXECUTE FUNCTION reference_version_moves();
CREATE TRIGGER holidays_moves_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON holidays
    FOR EACH STATEMENT EXECUTE FUNCTION reference_version_moves();

-- The day and the rounding the triggers use, as version 6 has them (triggers.sql), in
-- PL/pgSQL: a SQL function that is not inlined is parsed and planned again on every row.
CREATE OR REPLACE FUNCTION kosovo_day(at TEXT) RETURNS TEXT
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE AS $$
BEGIN
    RETURN to_char(at::timestamptz AT TIME ZONE 'Europe/Belgrade', 'YYYY-MM-DD');
END $$;
CREATE OR REPLACE FUNCTION hours_in_tenths(hours DOUBLE PRECISION) RETURNS BIGINT
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
    RETURN trunc(hours * 10 + CASE WHEN hours * 10 < 0 THEN -0.5 ELSE 0.5 END)::BIGINT;
END $$;
