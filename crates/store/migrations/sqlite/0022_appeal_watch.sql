-- Every appeal watched to its end (seed 4.5е, APPC art. 64–76).
--
-- Who answers for an appeal: each change of the responsible person is kept; the latest
-- stands, and none means whoever registered the appeal.
CREATE TABLE appeal_assignments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    appeal_id BIGINT NOT NULL REFERENCES appeals (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    assigned_at BIGINT NOT NULL,
    assigned_by BIGINT NOT NULL REFERENCES users (id)
);
CREATE INDEX appeal_assignments_appeal ON appeal_assignments (appeal_id, id);
CREATE INDEX appeal_assignments_school ON appeal_assignments (organisation_id);

-- The head's reasoned extension of the consideration, at most two months from receipt, and
-- the day the applicant was told of it. The reason is sealed: it may name the child.
CREATE TABLE appeal_extensions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    appeal_id BIGINT NOT NULL REFERENCES appeals (id),
    due_on TEXT NOT NULL,
    decided_on TEXT NOT NULL,
    reason BLOB NOT NULL,
    told_on TEXT,
    recorded_at BIGINT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES users (id)
);
CREATE INDEX appeal_extensions_appeal ON appeal_extensions (appeal_id, id);
CREATE INDEX appeal_extensions_school ON appeal_extensions (organisation_id);

-- Appeals staff found outside the school's competence: to be forwarded to the competent body
-- within 3 working days (APPC art. 65).
CREATE TABLE appeal_competence (
    appeal_id BIGINT PRIMARY KEY REFERENCES appeals (id),
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    marked_at BIGINT NOT NULL,
    marked_by BIGINT NOT NULL REFERENCES users (id)
);
CREATE INDEX appeal_competence_school ON appeal_competence (organisation_id);
