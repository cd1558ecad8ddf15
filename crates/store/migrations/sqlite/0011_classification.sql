-- The optional statistics of an appeal (Child Helpline International's framework), changeable
-- later: contact type, interventions (codes separated by commas) and incident location as
-- codes; the child's age and gender sealed together, since with the category they could point
-- to a child.
CREATE TABLE appeal_classification (
    appeal_id BIGINT PRIMARY KEY REFERENCES appeals (id),
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    contact_type TEXT,
    interventions TEXT NOT NULL,
    incident_location TEXT,
    child BLOB NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by BIGINT NOT NULL REFERENCES users (id)
);
