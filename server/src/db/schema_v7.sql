-- Zëri schema, version 7: uploads holding a photo file's name between writing the file and
-- committing its row, on any server of the deployment (see `photos.rs`), so that a server
-- deleting a file nothing refers to never deletes one another server is about to use.

CREATE TABLE photo_pins (
    id        INTEGER PRIMARY KEY,
    sha256    TEXT NOT NULL,
    pinned_at TEXT NOT NULL
);
CREATE INDEX photo_pins_by_file ON photo_pins (sha256);
