-- Letters cannot be redirected silently: a forwarding by e-mail keeps the address its letter
-- was written for, and every change of a directory entry's address is kept with who and when.
-- Letters still to go take the address they would have gone to; where a letter already went
-- is not known, and is left empty.
ALTER TABLE forwardings ADD COLUMN letter_email TEXT;
UPDATE forwardings SET letter_email = (
    SELECT email FROM executing_organisations WHERE executing_organisations.id = forwardings.executing_organisation_id
) WHERE channel = 'email' AND delivery_state IN ('pending', 'retrying', 'sending', 'failed');

CREATE TABLE directory_email_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    executing_organisation_id BIGINT NOT NULL REFERENCES executing_organisations (id),
    changed_at BIGINT NOT NULL,
    changed_by BIGINT NOT NULL REFERENCES users (id),
    old_email TEXT NOT NULL,
    new_email TEXT NOT NULL
);
CREATE INDEX directory_email_changes_entry ON directory_email_changes (executing_organisation_id);
