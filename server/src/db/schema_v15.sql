-- Zëri schema, version 15: a citizen may remove their contact details from a complaint
-- (`contact_removed_at` says when), and erase what the server holds about their device's
-- complaints: their contact details and photos go, and the complaints are let go of by the
-- device, whose hash is replaced by one that matches no device (`erased_on_request`
-- tells this erasure from the one after the time kept).
ALTER TABLE complaints ADD COLUMN contact_removed_at TEXT;
ALTER TABLE complaints ADD COLUMN erased_on_request INTEGER NOT NULL DEFAULT 0;
