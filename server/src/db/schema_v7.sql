-- Zëri schema, version 7, for servers sharing one database: uploads holding a photo file's
-- name between writing the file and committing its row, on any server of the deployment (see
-- `photos.rs`), so that a server deleting a file nothing refers to never deletes one another
-- server is about to use; the change cursor kept by a trigger; and the reference data's
-- version, which tells each server when the routes it keeps are out of date.

CREATE TABLE photo_pins (
    id        INTEGER PRIMARY KEY,
    sha256    TEXT NOT NULL,
    pinned_at TEXT NOT NULL
);
CREATE INDEX photo_pins_by_file ON photo_pins (sha256);

-- A complaint's change cursor (what phones ask "changed since") is its last audit record:
-- kept by the record itself, so a change costs the writer one statement fewer.
CREATE TRIGGER audit_log_last_event AFTER INSERT ON audit_log
WHEN NEW.complaint_id IS NOT NULL
BEGIN
    UPDATE complaints SET last_event_id = NEW.id WHERE id = NEW.complaint_id;
END;

-- A device's complaints are found by the device alone (it has few); the cursor is no longer in
-- the index, so moving it rewrites no index entry.
DROP INDEX complaints_device;
CREATE INDEX complaints_device ON complaints (device_hash);

-- The reference data's version: every change to what routing and deadlines read moves it, so
-- each server knows when the routes it keeps (route_cache.rs) no longer hold.
CREATE TABLE reference_version (
    one     INTEGER PRIMARY KEY CHECK (one = 1),
    version INTEGER NOT NULL
);
INSERT INTO reference_version (one, version) VALUES (1, 1);
CREATE TRIGGER categories_insert_moves_reference_version AFTER INSERT ON categories
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER categories_update_moves_reference_version AFTER UPDATE ON categories
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER categories_delete_moves_reference_version AFTER DELETE ON categories
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER municipalities_insert_moves_reference_version AFTER INSERT ON municipalities
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER municipalities_update_moves_reference_version AFTER UPDATE ON municipalities
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER municipalities_delete_moves_reference_version AFTER DELETE ON municipalities
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER institutions_insert_moves_reference_version AFTER INSERT ON institutions
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER institutions_update_moves_reference_version AFTER UPDATE ON institutions
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER institutions_delete_moves_reference_version AFTER DELETE ON institutions
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER routing_rules_insert_moves_reference_version AFTER INSERT ON routing_rules
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER routing_rules_update_moves_reference_version AFTER UPDATE ON routing_rules
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER routing_rules_delete_moves_reference_version AFTER DELETE ON routing_rules
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER holidays_insert_moves_reference_version AFTER INSERT ON holidays
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER holidays_update_moves_reference_version AFTER UPDATE ON holidays
BEGIN UPDATE reference_version SET version = version + 1; END;
CREATE TRIGGER holidays_delete_moves_reference_version AFTER DELETE ON holidays
BEGIN UPDATE reference_version SET version = version + 1; END;
