-- Zëri schema, version 6: finding the slots that hold a photo file, so that a file nothing
-- refers to any more can be deleted (see `photos.rs`) without reading the whole table.

CREATE INDEX photos_by_file ON photos (sha256);
