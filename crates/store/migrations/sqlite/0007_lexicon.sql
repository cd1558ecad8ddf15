-- Triage lexicon additions loaded by an administrator (`senim triage load`): terms added to
-- the embedded lexicon's categories, or new categories, in the lexicon file's format.
CREATE TABLE lexicon_files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    loaded_at BIGINT NOT NULL,
    body TEXT NOT NULL
);
