-- API tokens get a name, scopes and an end, and can be revoked. Tokens made before keep what
-- they could do (read and write the journal, as their person's positions allow) and end a year
-- after this migration.
ALTER TABLE api_tokens ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE api_tokens ADD COLUMN scopes TEXT NOT NULL DEFAULT 'journal:read,journal:write';
ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;
ALTER TABLE api_tokens ADD COLUMN revoked_at BIGINT;
UPDATE api_tokens SET expires_at = CAST(EXTRACT(EPOCH FROM now()) AS BIGINT) + 365 * 86400;
