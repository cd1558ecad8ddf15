-- Terms staff added to the urgent-risk lexicon from its page: which category and language,
-- who, when, and from which school. The lexicon is the server's: every school on it screens
-- with them from the next message on.
CREATE TABLE lexicon_terms (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    category TEXT NOT NULL,
    language TEXT NOT NULL,
    term TEXT NOT NULL,
    added_at BIGINT NOT NULL,
    added_by BIGINT NOT NULL REFERENCES users (id)
);
