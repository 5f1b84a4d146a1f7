-- Zëri schema, version 16: a second factor for staff sign-in (RFC 6238 time-based codes). A
-- staff member's authenticator secret is kept once confirmed (`totp_secret`; before that, the
-- one being set up, `totp_pending_secret`), with the last time step a code was accepted for,
-- so that no code is accepted twice. Ten recovery codes, kept only as hashes, each used once.
-- A right password for an account with a second factor opens a login challenge, which a right
-- code turns into a session; a session of an account that must set up a second factor first
-- reaches only that page (`must_enrol`).
ALTER TABLE staff ADD COLUMN totp_secret TEXT;
ALTER TABLE staff ADD COLUMN totp_pending_secret TEXT;
ALTER TABLE staff ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN must_enrol INTEGER NOT NULL DEFAULT 0;

CREATE TABLE recovery_codes (
    id        INTEGER PRIMARY KEY,
    staff_id  INTEGER NOT NULL REFERENCES staff(id),
    code_hash TEXT NOT NULL,
    used_at   TEXT
);
CREATE INDEX recovery_codes_by_staff ON recovery_codes (staff_id);

CREATE TABLE login_challenges (
    token_hash TEXT PRIMARY KEY,
    staff_id   INTEGER NOT NULL REFERENCES staff(id),
    expires_at TEXT NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0
);
