-- A session ends after a while without a request (30 minutes unless configured), as well as
-- 12 hours after sign-in: the moment of its last request is kept.
ALTER TABLE sessions ADD COLUMN last_seen_at BIGINT NOT NULL DEFAULT 0;
UPDATE sessions SET last_seen_at = created_at;
