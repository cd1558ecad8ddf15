-- The online Trust Box's messages wait in the inbox too, until a specialist registers them with
-- a short summary: the child's letter, name and contact are sealed in the item, never copied
-- into the journal. A voicemail's fields are empty for such an item, so they lose NOT NULL.
-- An urgent item alerts the staff at once, before it is registered; what the child writes
-- before registration waits with the item; her receipt code points at the item and, once
-- registered, at the appeal too.
ALTER TABLE inbox_items
    ALTER COLUMN duration_seconds DROP NOT NULL,
    ALTER COLUMN reason DROP NOT NULL,
    ALTER COLUMN audio DROP NOT NULL,
    ALTER COLUMN audio_millis DROP NOT NULL,
    ADD COLUMN letter BYTEA,
    ADD COLUMN sender_name BYTEA,
    ADD COLUMN sender_contact BYTEA,
    ADD COLUMN urgent BIGINT NOT NULL DEFAULT 0;

ALTER TABLE box_messages
    ALTER COLUMN appeal_id DROP NOT NULL,
    ADD COLUMN inbox_item_id BIGINT REFERENCES inbox_items (id);
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
