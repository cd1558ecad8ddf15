-- Forwarding appeals to executing organisations (journal column е) and the directory of
-- those organisations per school. Forwardings are never deleted: a wrong one is withdrawn
-- with a reason, and every change is kept in forwarding_events.

CREATE TABLE executing_organisations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    name_kk TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    email TEXT NOT NULL,
    fax TEXT NOT NULL,
    phone TEXT NOT NULL,
    address TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX executing_organisations_school ON executing_organisations (organisation_id);

CREATE TABLE forwardings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    appeal_id BIGINT NOT NULL REFERENCES appeals (id),
    executing_organisation_id BIGINT NOT NULL REFERENCES executing_organisations (id),
    channel TEXT NOT NULL,
    sent_at BIGINT NOT NULL,
    sent_by BIGINT NOT NULL REFERENCES users (id),
    deadline_rule TEXT NOT NULL,
    due_on TEXT NOT NULL,
    received_by TEXT,
    received_at BIGINT,
    answer BLOB,
    answered_on TEXT,
    withdrawn_reason BLOB,
    withdrawn_at BIGINT
);
CREATE INDEX forwardings_appeal ON forwardings (appeal_id);
CREATE INDEX forwardings_school ON forwardings (organisation_id);

CREATE TABLE forwarding_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    forwarding_id BIGINT NOT NULL REFERENCES forwardings (id),
    happened_at BIGINT NOT NULL,
    by_user BIGINT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    due_on TEXT,
    detail BLOB
);
CREATE INDEX forwarding_events_forwarding ON forwarding_events (forwarding_id);
