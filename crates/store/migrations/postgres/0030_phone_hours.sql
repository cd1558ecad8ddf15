-- The Trust Phone's hours of each school on a working day, as minutes after midnight in
-- Almaty: 9:00 (540) to 18:30 (1110) as the seed sets them, unless the school changes them.
ALTER TABLE organisations ADD COLUMN phone_opens BIGINT NOT NULL DEFAULT 540;
ALTER TABLE organisations ADD COLUMN phone_closes BIGINT NOT NULL DEFAULT 1110;
