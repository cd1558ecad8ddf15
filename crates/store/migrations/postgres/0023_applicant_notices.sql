-- The notices the law asks to give a named applicant: that the appeal was forwarded to another
-- body (APPC art. 65), and of an extension (art. 76, the day already in appeal_extensions):
-- when and how each was given. Nothing of the notice's text is kept; it is written from the
-- record when it is printed.
CREATE TABLE forwarding_notices (
    forwarding_id BIGINT PRIMARY KEY REFERENCES forwardings (id),
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    sent_on TEXT NOT NULL,
    channel TEXT NOT NULL,
    recorded_at BIGINT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES users (id)
);
CREATE INDEX forwarding_notices_school ON forwarding_notices (organisation_id);
ALTER TABLE appeal_extensions ADD COLUMN told_channel TEXT;
