-- Urgent-risk triage of an appeal's summary: whether it is urgent and the matched terms
-- (sealed: they quote the text). Staff may clear the flag with a reason, which is kept.
CREATE TABLE appeal_triage (
    appeal_id BIGINT PRIMARY KEY REFERENCES appeals (id),
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    urgent BIGINT NOT NULL,
    hits BLOB NOT NULL,
    triaged_at BIGINT NOT NULL,
    cleared_at BIGINT,
    cleared_by BIGINT REFERENCES users (id),
    cleared_reason BLOB
);
CREATE INDEX appeal_triage_school ON appeal_triage (organisation_id, urgent);
