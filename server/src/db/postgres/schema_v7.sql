-- Version 7, as SQLite's schema_v7.sql: uploads holding a photo file's name between writing
-- the file and committing its row, on any server of the deployment (see `photos.rs`), and the
-- change cursor kept by a trigger; and a faster way to the same search words.

CREATE TABLE photo_pins (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256    TEXT NOT NULL,
    pinned_at TEXT NOT NULL
);
CREATE INDEX photo_pins_by_file ON photo_pins (sha256);

-- The same words at the same places as version 6's search_document (search.sql), built in
-- PL/pgSQL, which keeps its plan from one row to the next instead of planning the query again
-- for every complaint written: intake on PostgreSQL spent most of its time there. The gap of
-- one place between the description's words and the tracking code's is the empty word, which
-- is not indexed.
CREATE OR REPLACE FUNCTION search_document(description TEXT, tracking_code TEXT) RETURNS TSVECTOR
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    words CONSTANT TEXT[] := coalesce(search_terms(description), '{}') || ''::TEXT
        || coalesce(search_terms(tracking_code), '{}');
BEGIN
    RETURN coalesce((
        SELECT string_agg('''' || replace(replace(word, '\', '\\'), '''', '''''') || ''':'
            || least(place, 16383), ' ')
        FROM unnest(words) WITH ORDINALITY AS w (word, place)
        WHERE word <> '' AND octet_length(word) < 2048), '')::tsvector;
END $$;

-- A complaint's change cursor is its last audit record, kept by the record itself (as
-- SQLite's audit_log_last_event).
CREATE FUNCTION audit_log_last_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE complaints SET last_event_id = NEW.id WHERE id = NEW.complaint_id;
    RETURN NULL;
END $$;
CREATE TRIGGER audit_log_last_event AFTER INSERT ON audit_log
    FOR EACH ROW WHEN (NEW.complaint_id IS NOT NULL) EXECUTE FUNCTION audit_log_last_event();
