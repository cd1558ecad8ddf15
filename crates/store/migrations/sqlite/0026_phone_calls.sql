-- The Trust Phone's call log (seed 4.3–4.5): every call taken, when it began, how long it
-- lasted, its contact type, and the appeal it became if it became one. Nothing of what was
-- said and no caller's number is kept here: a call that told of a child is an appeal, and
-- the appeal holds what the specialist wrote.
CREATE TABLE phone_calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    started_at BIGINT NOT NULL,
    duration_seconds BIGINT NOT NULL,
    contact_type TEXT NOT NULL,
    appeal_id BIGINT REFERENCES appeals (id),
    recorded_at BIGINT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES users (id)
);
CREATE INDEX phone_calls_school_started ON phone_calls (organisation_id, started_at);
CREATE UNIQUE INDEX phone_calls_appeal ON phone_calls (appeal_id);
