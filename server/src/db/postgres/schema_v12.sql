-- Version 12, as SQLite's schema_v12.sql: questions to the citizen with the deadline paused,
-- citizens' messages, and how long a question may wait unanswered. `figures.sql` follows it,
-- so that a complaint waiting for the citizen is not counted among those running late.

ALTER TABLE complaints ADD COLUMN waiting_since TEXT;
ALTER TABLE complaints ADD COLUMN resume_status TEXT;
ALTER TABLE complaints ADD COLUMN waited_hours DOUBLE PRECISION NOT NULL DEFAULT 0;

CREATE TABLE citizen_messages (
    id               TEXT PRIMARY KEY,   -- the phone's id for the message
    complaint_id     TEXT NOT NULL REFERENCES complaints(id) DEFERRABLE,
    sent_at          TEXT NOT NULL,
    first_photo      BIGINT NOT NULL,   -- its photos are the complaint's slots from here
    photo_count      BIGINT NOT NULL,
    answers_question BIGINT NOT NULL    -- whether the complaint was waiting for it
);
CREATE INDEX citizen_messages_by_complaint ON citizen_messages (complaint_id);

ALTER TABLE categories ADD COLUMN answer_wait_working_days BIGINT NOT NULL DEFAULT 10;
