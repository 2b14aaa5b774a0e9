ALTER TABLE bookings DROP COLUMN language;
ALTER TABLE users DROP COLUMN language;
