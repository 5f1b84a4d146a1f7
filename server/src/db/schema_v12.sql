-- Zëri schema, version 12: staff and citizens talk both ways. Staff may ask the citizen a
-- question: the complaint then waits (`waiting_since`), its deadline paused, and goes back to
-- the status it left (`resume_status`) when the citizen answers, its answer due date moved on
-- by the working days it waited. Hours spent waiting before the first response are kept apart
-- (`waited_hours`), so the response times leave them out. A citizen may write to the
-- institution about an open complaint at any time; each message is kept once, by the phone's
-- id, with the slots of the complaint's photos it brought. A category says after how many
-- working days without an answer staff may close a complaint for that reason.

ALTER TABLE complaints ADD COLUMN waiting_since TEXT;
ALTER TABLE complaints ADD COLUMN resume_status TEXT;
ALTER TABLE complaints ADD COLUMN waited_hours REAL NOT NULL DEFAULT 0;

CREATE TABLE citizen_messages (
    id               TEXT PRIMARY KEY,   -- the phone's id for the message
    complaint_id     TEXT NOT NULL REFERENCES complaints(id),
    sent_at          TEXT NOT NULL,
    first_photo      INTEGER NOT NULL,   -- its photos are the complaint's slots from here
    photo_count      INTEGER NOT NULL,
    answers_question INTEGER NOT NULL    -- whether the complaint was waiting for it
);
CREATE INDEX citizen_messages_by_complaint ON citizen_messages (complaint_id);

ALTER TABLE categories ADD COLUMN answer_wait_working_days INTEGER NOT NULL DEFAULT 10;
