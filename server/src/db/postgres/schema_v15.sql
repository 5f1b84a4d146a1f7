-- Version 15, as SQLite's schema_v15.sql: when the citizen removed their contact details.
ALTER TABLE complaints ADD COLUMN contact_removed_at TEXT;
ALTER TABLE complaints ADD COLUMN erased_on_request INTEGER NOT NULL DEFAULT 0;
