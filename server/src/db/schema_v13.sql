-- Zëri schema, version 13: staff see their open sessions and end any of them, and who looked at
-- a citizen's personal data is recorded. A session keeps the browser or program that opened it
-- (its User-Agent, cut to 200 characters), so its owner can tell the sessions apart; it goes
-- when the session does.
ALTER TABLE sessions ADD COLUMN client TEXT;

-- Who looked at a citizen's contact details or photos, when, on which complaint: each staff
-- member's first look within a quarter of an hour. The contact and the photos stay hidden on the
-- dashboard until a staff member asks to see them.
CREATE TABLE personal_data_views (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    staff_id     INTEGER NOT NULL REFERENCES staff(id),
    complaint_id TEXT NOT NULL REFERENCES complaints(id),
    what         TEXT NOT NULL      -- contact | photos
);
CREATE INDEX personal_data_views_recent ON personal_data_views (staff_id, complaint_id, what, at);
CREATE INDEX personal_data_views_at ON personal_data_views (at);
