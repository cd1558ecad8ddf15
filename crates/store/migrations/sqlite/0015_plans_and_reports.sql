-- The yearly activity plan: its items in order, per school and academic year (named by its
-- first calendar year). A standard item keeps its code (its wording comes from the
-- translations, and the work that shows it done follows from it); a school's own item keeps
-- its wording, sealed (staff may write of a class or a child). Who answers for an item: position codes separated by commas.
CREATE TABLE plan_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    academic_year BIGINT NOT NULL,
    place BIGINT NOT NULL,
    standard TEXT,
    wording BLOB,
    timing TEXT NOT NULL,
    responsible TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    UNIQUE (organisation_id, academic_year, place)
);

-- A period of an item a person marked done, with a note of what was done (sealed).
CREATE TABLE plan_marks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id BIGINT NOT NULL REFERENCES plan_items (id),
    period_start TEXT NOT NULL,
    note BLOB NOT NULL,
    marked_by BIGINT NOT NULL REFERENCES users (id),
    marked_at BIGINT NOT NULL,
    UNIQUE (item_id, period_start)
);

-- The monthly analysis's text, in Kazakh and Russian: the draft as the psychologist last saved
-- it, and the text as last submitted to the director (who reads only that). Sealed: a person
-- may write more than numbers.
CREATE TABLE analysis_reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    month TEXT NOT NULL,
    text_kk BLOB NOT NULL,
    text_ru BLOB NOT NULL,
    saved_by BIGINT NOT NULL REFERENCES users (id),
    saved_at BIGINT NOT NULL,
    submitted_kk BLOB,
    submitted_ru BLOB,
    submitted_by BIGINT REFERENCES users (id),
    submitted_at BIGINT,
    UNIQUE (organisation_id, month)
);
