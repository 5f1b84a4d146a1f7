-- Zëri schema, version 14: personal data goes when it is no longer needed. A set time after a
-- complaint is closed, its citizen's contact details and photos are erased (`personal_erased_at`
-- says when; the audit log says that it happened, never what was erased). Deleted rows are
-- overwritten on disk (`PRAGMA secure_delete`, set on every connection), so what was erased
-- does not linger in the database file's free pages.
ALTER TABLE complaints ADD COLUMN personal_erased_at TEXT;
