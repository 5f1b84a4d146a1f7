-- How a complaint counts in the daily totals (`db/figures.rs` says what they are), as SQLite's
-- triggers count it. `OR REPLACE`, so that a later schema step can run this file again when the
-- counting changes. A complaint is open, and can be late, while its institution's deadline runs:
-- not once closed, and not while it waits for the citizen's answer.

-- Adds a complaint to its day's totals under its institution, category and municipality.
CREATE OR REPLACE FUNCTION daily_figures_add(c complaints) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO daily_figures AS f
    SELECT d.dimension, c.submitted_day, d.key, 1, coalesce(c.acknowledged_on_time, 0),
        (c.status = 'resolved')::INT, (c.status = 'rejected')::INT, (c.transfers > 0)::INT,
        (c.rating_stars IS NOT NULL)::INT, coalesce(c.rating_stars, 0),
        ',' || coalesce(hours_in_tenths(c.first_response_hours) || ',', '')
    FROM (VALUES ('institution', c.institution_id), ('category', c.category_id),
                 ('municipality', c.municipality_id)) AS d (dimension, key)
    ON CONFLICT (dimension, day, key) DO UPDATE SET received = f.received + 1,
        acknowledged_on_time = f.acknowledged_on_time + excluded.acknowledged_on_time,
        resolved = f.resolved + excluded.resolved, rejected = f.rejected + excluded.rejected,
        transferred = f.transferred + excluded.transferred, ratings = f.ratings + excluded.ratings,
        stars = f.stars + excluded.stars,
        response_tenths = f.response_tenths || substr(excluded.response_tenths, 2);
    INSERT INTO daily_open AS o
    SELECT d.dimension, c.submitted_day, d.key, c.answer_due, c.ack_due,
        (c.status IN ('submitted', 'transferred', 'reopened'))::INT, 1
    FROM (VALUES ('institution', c.institution_id), ('category', c.category_id),
                 ('municipality', c.municipality_id)) AS d (dimension, key)
    WHERE c.status NOT IN ('resolved', 'rejected', 'waiting_for_citizen')
    ON CONFLICT (dimension, day, key, answer_due, ack_due, unacknowledged)
        DO UPDATE SET open = o.open + 1;
END $$;

-- Takes a complaint out of its day's totals: its counts, one of its response times (the first
-- found), and its open count, whose row goes once it reaches zero.
CREATE OR REPLACE FUNCTION daily_figures_remove(c complaints) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    tenths CONSTANT TEXT := ',' || hours_in_tenths(c.first_response_hours) || ',';
BEGIN
    UPDATE daily_figures AS f SET received = f.received - 1,
        acknowledged_on_time = f.acknowledged_on_time - coalesce(c.acknowledged_on_time, 0),
        resolved = f.resolved - (c.status = 'resolved')::INT,
        rejected = f.rejected - (c.status = 'rejected')::INT,
        transferred = f.transferred - (c.transfers > 0)::INT,
        ratings = f.ratings - (c.rating_stars IS NOT NULL)::INT,
        stars = f.stars - coalesce(c.rating_stars, 0),
        response_tenths = CASE WHEN coalesce(strpos(f.response_tenths, tenths), 0) = 0
            THEN f.response_tenths
            ELSE substr(f.response_tenths, 1, strpos(f.response_tenths, tenths))
                || substr(f.response_tenths, strpos(f.response_tenths, tenths) + length(tenths)) END
    FROM (VALUES ('institution', c.institution_id), ('category', c.category_id),
                 ('municipality', c.municipality_id)) AS d (dimension, key)
    WHERE f.dimension = d.dimension AND f.day = c.submitted_day AND f.key = d.key;
    IF c.status NOT IN ('resolved', 'rejected', 'waiting_for_citizen') THEN
        UPDATE daily_open AS o SET open = o.open - 1
        FROM (VALUES ('institution', c.institution_id), ('category', c.category_id),
                     ('municipality', c.municipality_id)) AS d (dimension, key)
        WHERE o.dimension = d.dimension AND o.day = c.submitted_day AND o.key = d.key
            AND o.answer_due = c.answer_due AND o.ack_due = c.ack_due
            AND o.unacknowledged = (c.status IN ('submitted', 'transferred', 'reopened'))::INT;
    END IF;
    DELETE FROM daily_open AS o
    USING (VALUES ('institution', c.institution_id), ('category', c.category_id),
                  ('municipality', c.municipality_id)) AS d (dimension, key)
    WHERE o.open = 0 AND o.dimension = d.dimension AND o.day = c.submitted_day AND o.key = d.key
        AND o.answer_due = c.answer_due AND o.ack_due = c.ack_due
        AND o.unacknowledged = (c.status IN ('submitted', 'transferred', 'reopened'))::INT;
END $$;

