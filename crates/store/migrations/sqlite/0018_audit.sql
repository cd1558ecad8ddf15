-- The audit trail: who did what and when, above all who read which appeal. One chain per
-- school, like the journal; never a text, a name, a phone, a receipt code or an address.
CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    position BIGINT NOT NULL,
    at BIGINT NOT NULL,
    -- NULL for whoever holds the server (the command line).
    actor_id BIGINT REFERENCES users (id),
    login TEXT NOT NULL,
    positions TEXT NOT NULL,
    action TEXT NOT NULL,
    appeal_year BIGINT,
    appeal_number BIGINT,
    subject_id BIGINT REFERENCES users (id),
    detail TEXT,
    prev_hash TEXT NOT NULL,
    entry_hash TEXT NOT NULL,
    UNIQUE (organisation_id, position)
);
CREATE INDEX audit_events_at ON audit_events (organisation_id, at);
CREATE INDEX audit_events_actor ON audit_events (organisation_id, login, at);
CREATE INDEX audit_events_appeal ON audit_events (organisation_id, appeal_year, appeal_number);

CREATE TABLE audit_chains (
    organisation_id BIGINT PRIMARY KEY REFERENCES organisations (id),
    length BIGINT NOT NULL,
    head_hash TEXT NOT NULL,
    head_seal TEXT NOT NULL
);

-- Each chain's head is sealed with a key derived from the key file, so that rows rewritten
-- and rehashed by someone without the key are found. Heads kept before are sealed once, at the
-- next start, which the audit records.
ALTER TABLE journal_counters ADD COLUMN head_seal TEXT;
ALTER TABLE outcome_chains ADD COLUMN head_seal TEXT;
CREATE TABLE store_upgrades (name TEXT PRIMARY KEY);
INSERT INTO store_upgrades (name) VALUES ('seal-chain-heads');
