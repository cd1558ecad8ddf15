-- Hand-overs of an urgent appeal to a national service (111, police 102, ambulance 103): to
-- whom, when, who at the school did it, and a note (sealed: it may name the child).
CREATE TABLE handovers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    appeal_id BIGINT NOT NULL REFERENCES appeals (id),
    service TEXT NOT NULL,
    handed_at BIGINT NOT NULL,
    by_user BIGINT NOT NULL REFERENCES users (id),
    note BLOB NOT NULL,
    recorded_at BIGINT NOT NULL
);
CREATE INDEX handovers_appeal ON handovers (appeal_id, id);
