-- Version 9, as SQLite's schema_v9.sql: the daily totals found by their key, for the inbox's
-- counts, each holding the columns those counts read (so PostgreSQL reads the index alone).
-- The index a page of the inbox is chosen from holds the complaint's id as well, for the same
-- reason (SQLite's indexes hold the row's id anyway).

CREATE INDEX daily_figures_by_key ON daily_figures (dimension, key) INCLUDE (received);
CREATE INDEX daily_open_by_key ON daily_open (dimension, key)
    INCLUDE (answer_due, ack_due, unacknowledged, open);

DROP INDEX complaints_institution_submitted;
CREATE INDEX complaints_institution_submitted ON complaints (institution_id, submitted_at,
    category_id, municipality_id, status, acknowledged_on_time, transfers, rating_stars,
    answer_due, ack_due, first_response_hours) INCLUDE (id);

-- A search within one institution looks the institution up in the same index as the words
-- (btree_gin, a trusted extension that ships with PostgreSQL, lets a GIN index hold plain
-- columns): the rarest of them leads, instead of every complaint of the institution.
CREATE EXTENSION IF NOT EXISTS btree_gin;
DROP INDEX complaints_search;
CREATE INDEX complaints_search ON complaints USING GIN (institution_id, search);
