-- E-mail: forwardings sent by Senim itself, their delivery and its retries; staff e-mail
-- addresses for the daily digest, and which digests were sent.
ALTER TABLE forwardings ADD COLUMN include_applicant BIGINT NOT NULL DEFAULT 0;
ALTER TABLE forwardings ADD COLUMN letter_language TEXT NOT NULL DEFAULT 'kk';
-- none (not by e-mail), pending, retrying, sent, failed (refused for good)
ALTER TABLE forwardings ADD COLUMN delivery_state TEXT NOT NULL DEFAULT 'none';
ALTER TABLE forwardings ADD COLUMN delivery_attempts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE forwardings ADD COLUMN delivery_error TEXT;
ALTER TABLE forwardings ADD COLUMN next_attempt_at BIGINT;
ALTER TABLE forwardings ADD COLUMN delivered_at BIGINT;
CREATE INDEX forwardings_delivery ON forwardings (delivery_state, next_attempt_at);

ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';

CREATE TABLE digests_sent (
    user_id BIGINT NOT NULL REFERENCES users (id),
    day TEXT NOT NULL,
    sent_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, day)
);
