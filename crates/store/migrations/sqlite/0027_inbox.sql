-- What arrives without a person registering it waits here: a voicemail from the school's
-- exchange. The recording and the caller's number are sealed like every text; the same call
-- id from the same school is the same voicemail. An item leaves the inbox registered (with
-- the appeal it became) or recorded as not an appeal (its contact type and a sealed reason);
-- it is never deleted.
CREATE TABLE inbox_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    kind TEXT NOT NULL,
    external_id TEXT NOT NULL,
    arrived_at BIGINT NOT NULL,
    duration_seconds BIGINT NOT NULL,
    reason TEXT NOT NULL,
    caller_number BLOB,
    audio BLOB NOT NULL,
    audio_millis BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    received_by BIGINT NOT NULL REFERENCES users (id),
    appeal_id BIGINT REFERENCES appeals (id),
    dismissed_contact_type TEXT,
    dismissed_reason BLOB,
    handled_at BIGINT,
    handled_by BIGINT REFERENCES users (id)
);
CREATE UNIQUE INDEX inbox_items_call ON inbox_items (organisation_id, kind, external_id);
CREATE INDEX inbox_items_waiting ON inbox_items (organisation_id, handled_at);
