-- A recording a school uploaded as its answering machine's message, per language (kk, ru),
-- as the 8 kHz mono WAV an exchange plays; when present it is played instead of the spoken
-- text. What every caller hears: not sealed.
CREATE TABLE phone_greeting_recordings (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    lang TEXT NOT NULL,
    audio BYTEA NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (organisation_id, lang)
);
