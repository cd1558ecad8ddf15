-- The registration journal, its staff and their sign-in. Flags and moments are BIGINT
-- (0/1, unix seconds) so that one code path reads both backends. Personal data and texts
-- are BLOB values encrypted by Senim before they reach the database.

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    name_kk TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    login TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL,
    positions TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    locale TEXT NOT NULL,
    -- 1 until the person replaces the one-time password they were handed.
    must_change_password BIGINT NOT NULL,
    active BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users (id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

-- One row per organisation and year: the last number handed out and the chain's head.
-- Updating it first in the registering transaction serialises registrations.
CREATE TABLE journal_counters (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    year BIGINT NOT NULL,
    last_number BIGINT NOT NULL,
    head_hash TEXT NOT NULL,
    PRIMARY KEY (organisation_id, year)
);

CREATE TABLE appeals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    year BIGINT NOT NULL,
    number BIGINT NOT NULL,
    registered_at BIGINT NOT NULL,
    registered_by BIGINT NOT NULL REFERENCES users (id),
    channel TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    anonymous BIGINT NOT NULL,
    applicant_full_name BLOB,
    applicant_address BLOB,
    applicant_phone BLOB,
    summary BLOB NOT NULL,
    category TEXT NOT NULL,
    corrects_id BIGINT REFERENCES appeals (id),
    correction_reason BLOB,
    prev_hash TEXT NOT NULL,
    entry_hash TEXT NOT NULL,
    UNIQUE (organisation_id, year, number)
);
CREATE INDEX appeals_corrects ON appeals (corrects_id);

-- The chain of an organisation's outcomes (column f), all years together.
CREATE TABLE outcome_chains (
    organisation_id BIGINT PRIMARY KEY REFERENCES organisations (id),
    length BIGINT NOT NULL,
    head_hash TEXT NOT NULL
);

CREATE TABLE appeal_outcomes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    appeal_id BIGINT NOT NULL REFERENCES appeals (id),
    outcome_text BLOB NOT NULL,
    recorded_at BIGINT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES users (id),
    prev_hash TEXT NOT NULL,
    entry_hash TEXT NOT NULL
);
CREATE INDEX appeal_outcomes_appeal ON appeal_outcomes (appeal_id);
