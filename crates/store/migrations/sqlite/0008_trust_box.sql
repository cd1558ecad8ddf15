-- The online Trust Box. Each school has one system account that registers what students send
-- (it cannot sign in). A receipt code is stored only as a keyed argon2id hash; a paper slip's
-- code waits unlinked until a letter carrying it is registered. Messages are sealed.
ALTER TABLE users ADD COLUMN system_account BIGINT NOT NULL DEFAULT 0;

CREATE TABLE receipts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    code_hash TEXT NOT NULL UNIQUE,
    appeal_id BIGINT UNIQUE REFERENCES appeals (id),
    slip_sheet BIGINT,
    created_at BIGINT NOT NULL,
    linked_at BIGINT
);
CREATE INDEX receipts_sheet ON receipts (organisation_id, slip_sheet);

CREATE TABLE box_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    appeal_id BIGINT NOT NULL REFERENCES appeals (id),
    author TEXT NOT NULL,
    user_id BIGINT REFERENCES users (id),
    body BLOB NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX box_messages_appeal ON box_messages (appeal_id, id);
