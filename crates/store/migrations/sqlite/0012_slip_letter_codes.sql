-- A paper slip carries two codes: the receipt code on the stub the child keeps (the only key
-- to the conversation) and a letter code on the half that becomes the filed letter, which the
-- commission types to link the letter to its slip. Only hashes of both are kept.
ALTER TABLE receipts ADD COLUMN letter_hash TEXT;
CREATE UNIQUE INDEX receipts_letter ON receipts (letter_hash);
