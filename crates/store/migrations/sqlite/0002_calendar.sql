-- Working-calendar files loaded by an administrator (`senim calendar load`). Each file's
-- years replace those of the embedded calendar and of files loaded before it.
CREATE TABLE calendar_files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    loaded_at BIGINT NOT NULL,
    body TEXT NOT NULL
);
