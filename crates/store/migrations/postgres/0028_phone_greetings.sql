-- The answering machine's message of each school, per language (kk, ru), when the school
-- changed the seed's default. The text is what the line says to every caller: not sealed.
CREATE TABLE phone_greetings (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    lang TEXT NOT NULL,
    text TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (organisation_id, lang)
);
