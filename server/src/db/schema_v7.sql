-- Zëri schema, version 7, for servers sharing one database: uploads holding a photo file's
-- name between writing the file and committing its row, on any server of the deployment (see
-- `photos.rs`), so that a server deleting a file nothing refers to never deletes one another
-- server is about to use; and the change cursor kept by a trigger.

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
