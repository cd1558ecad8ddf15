-- The month's figures read the appeals received in a period: by school and moment of receipt.
CREATE INDEX appeals_received ON appeals (organisation_id, received_at);
