-- Openings of the paper Trust Box by the commission, each with its act: when, who signed (as
-- they were named and placed that day), how many letters were found; the letters registered
-- from it; and how often each school's box must be opened.
CREATE TABLE box_schedules (
    organisation_id BIGINT PRIMARY KEY REFERENCES organisations (id),
    schedule TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by BIGINT REFERENCES users (id)
);

CREATE TABLE box_openings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    opened_at BIGINT NOT NULL,
    letters BIGINT NOT NULL,
    -- How many of the letters are registered; raised in the registering transaction.
    registered BIGINT NOT NULL DEFAULT 0,
    recorded_by BIGINT NOT NULL REFERENCES users (id),
    recorded_at BIGINT NOT NULL
);
CREATE INDEX box_openings_school ON box_openings (organisation_id, opened_at);

CREATE TABLE box_opening_members (
    opening_id BIGINT NOT NULL REFERENCES box_openings (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    place BIGINT NOT NULL,
    full_name TEXT NOT NULL,
    positions TEXT NOT NULL,
    PRIMARY KEY (opening_id, user_id)
);

CREATE TABLE box_letters (
    appeal_id BIGINT PRIMARY KEY REFERENCES appeals (id),
    opening_id BIGINT NOT NULL REFERENCES box_openings (id)
);
CREATE INDEX box_letters_opening ON box_letters (opening_id);
