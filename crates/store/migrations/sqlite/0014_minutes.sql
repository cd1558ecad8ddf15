-- Minutes of the commission's meetings, numbered per school and year (No. 1, 2, … from each
-- January). Attendees are kept as named and placed that day; the agenda, what was heard and
-- what was resolved are sealed (they may speak of a case).
CREATE TABLE minutes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    year BIGINT NOT NULL,
    number BIGINT NOT NULL,
    held_on TEXT NOT NULL,
    chair_id BIGINT NOT NULL REFERENCES users (id),
    secretary_id BIGINT NOT NULL REFERENCES users (id),
    attendees TEXT NOT NULL,
    body BLOB NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES users (id),
    recorded_at BIGINT NOT NULL,
    UNIQUE (organisation_id, year, number)
);
