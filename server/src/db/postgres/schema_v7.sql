-- Version 7, as SQLite's schema_v7.sql: uploads holding a photo file's name between writing
-- the file and committing its row, on any server of the deployment (see `photos.rs`).

CREATE TABLE photo_pins (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256    TEXT NOT NULL,
    pinned_at TEXT NOT NULL
);
CREATE INDEX photo_pins_by_file ON photo_pins (sha256);
