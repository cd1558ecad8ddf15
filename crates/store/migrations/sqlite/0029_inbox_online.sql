-- The online Trust Box's messages wait in the inbox too, until a specialist registers them with
-- a short summary: the child's letter, name and contact are sealed in the item, never copied
-- into the journal. A voicemail's fields are empty for such an item, so they lose NOT NULL
-- (SQLite rebuilds the table for that). An urgent item alerts the staff at once, before it is
-- registered; what the child writes before registration waits with the item; her receipt code
-- points at the item and, once registered, at the appeal too.
CREATE TABLE inbox_items_next (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    kind TEXT NOT NULL,
    external_id TEXT NOT NULL,
    arrived_at BIGINT NOT NULL,
    duration_seconds BIGINT,
    reason TEXT,
    caller_number BLOB,
    audio BLOB,
    audio_millis BIGINT,
    letter BLOB,
    sender_name BLOB,
    sender_contact BLOB,
    urgent BIGINT NOT NULL DEFAULT 0,
    received_at BIGINT NOT NULL,
    received_by BIGINT NOT NULL REFERENCES users (id),
    appeal_id BIGINT REFERENCES appeals (id),
    dismissed_contact_type TEXT,
    dismissed_reason BLOB,
    handled_at BIGINT,
    handled_by BIGINT REFERENCES users (id)
);
INSERT INTO inbox_items_next (id, organisation_id, kind, external_id, arrived_at, duration_seconds, reason,
    caller_number, audio, audio_millis, received_at, received_by, appeal_id, dismissed_contact_type,
    dismissed_reason, handled_at, handled_by)
SELECT id, organisation_id, kind, external_id, arrived_at, duration_seconds, reason, caller_number, audio,
    audio_millis, received_at, received_by, appeal_id, dismissed_contact_type, dismissed_reason, handled_at,
    handled_by FROM inbox_items;
DROP TABLE inbox_items;
ALTER TABLE inbox_items_next RENAME TO inbox_items;
CREATE UNIQUE INDEX inbox_items_call ON inbox_items (organisation_id, kind, external_id);
CREATE INDEX inbox_items_waiting ON inbox_items (organisation_id, handled_at);

CREATE TABLE box_messages_next (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    appeal_id BIGINT REFERENCES appeals (id),
    inbox_item_id BIGINT REFERENCES inbox_items (id),
    author TEXT NOT NULL,
    user_id BIGINT REFERENCES users (id),
    body BLOB NOT NULL,
    created_at BIGINT NOT NULL
);
INSERT INTO box_messages_next (id, organisation_id, appeal_id, author, user_id, body, created_at)
SELECT id, organisation_id, appeal_id, author, user_id, body, created_at FROM box_messages;
DROP TABLE box_messages;
ALTER TABLE box_messages_next RENAME TO box_messages;
CREATE INDEX box_messages_appeal ON box_messages (appeal_id, id);
CREATE INDEX box_messages_item ON box_messages (inbox_item_id, id);

ALTER TABLE receipts ADD COLUMN inbox_item_id BIGINT REFERENCES inbox_items (id);
CREATE UNIQUE INDEX receipts_inbox_item ON receipts (inbox_item_id);

CREATE TABLE inbox_alerts (
    inbox_item_id BIGINT NOT NULL REFERENCES inbox_items (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    state TEXT NOT NULL,
    attempts BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    sent_at BIGINT,
    PRIMARY KEY (inbox_item_id, user_id)
);
CREATE INDEX inbox_alerts_due ON inbox_alerts (state, next_attempt_at);
