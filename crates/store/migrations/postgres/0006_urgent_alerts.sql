-- An e-mail to each member of staff who registers appeals, at once, when an urgent appeal is
-- registered: it says only the number, never the text. Retried like forwarding letters.
CREATE TABLE urgent_alerts (
    appeal_id BIGINT NOT NULL REFERENCES appeals (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    state TEXT NOT NULL,
    attempts BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    sent_at BIGINT,
    PRIMARY KEY (appeal_id, user_id)
);
CREATE INDEX urgent_alerts_due ON urgent_alerts (state, next_attempt_at);
