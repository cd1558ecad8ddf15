-- An account whose positions read appeals reads nothing until the school's director or deputy
-- director confirms it: when (unix seconds) and by whom (NULL: by whoever holds the server,
-- with `senim user add --confirmed`, or before confirmations existed). The accounts a school
-- already had keep what they could do.
ALTER TABLE users ADD COLUMN confirmed_at BIGINT;
ALTER TABLE users ADD COLUMN confirmed_by BIGINT REFERENCES users (id);
-- When the school's heads were told by e-mail that the account waits.
ALTER TABLE users ADD COLUMN confirmation_requested_at BIGINT;
UPDATE users SET confirmed_at = CAST(strftime('%s', 'now') AS INTEGER);
