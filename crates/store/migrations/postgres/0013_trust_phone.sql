-- The school's Trust Phone number, for the poster (empty until the school gives it).
ALTER TABLE organisations ADD COLUMN trust_phone TEXT NOT NULL DEFAULT '';
