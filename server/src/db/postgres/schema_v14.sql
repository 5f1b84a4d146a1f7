-- Version 14, as SQLite's schema_v14.sql: when a complaint's personal data was erased.
-- PostgreSQL keeps no deleted row in a dump; VACUUM reclaims its space in the files.
ALTER TABLE complaints ADD COLUMN personal_erased_at TEXT;
