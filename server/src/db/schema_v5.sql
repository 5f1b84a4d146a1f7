-- Zëri schema, version 5: the role ceiling kept by the database too, and campaign visits
-- counted once per visitor and day.

-- An administrator belongs to no institution, so no institution's manager can reach their
-- account through it.
UPDATE staff SET institution_id = NULL WHERE role = 'administrator';
CREATE TRIGGER staff_administrators_have_no_institution_insert
BEFORE INSERT ON staff
WHEN NEW.role = 'administrator' AND NEW.institution_id IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'an administrator belongs to no institution');
END;
CREATE TRIGGER staff_administrators_have_no_institution_update
BEFORE UPDATE OF role, institution_id ON staff
WHEN NEW.role = 'administrator' AND NEW.institution_id IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'an administrator belongs to no institution');
END;

-- Who a visit came from, as a keyed hash of the address (a scan) or the device (an app
-- opening) with the Kosovo day: the same visitor on the same day counts once. The key lives
-- in `settings` (`visitor_key`), so the hash cannot be reversed by trying every address
-- without the database itself.
ALTER TABLE campaign_visits ADD COLUMN visitor TEXT;
CREATE UNIQUE INDEX campaign_visits_once_a_day ON campaign_visits(campaign_code, kind, visitor)
    WHERE visitor IS NOT NULL;
