-- Zëri schema, version 13: staff see their open sessions and end any of them. A session keeps
-- the browser or program that opened it (its User-Agent, cut to 200 characters), so its owner
-- can tell the sessions apart; it goes when the session does.
ALTER TABLE sessions ADD COLUMN client TEXT;
