-- The language a provider's pages and mails are in, and the one a guest booked in (every
-- later mail to the guest uses it; NULL for bookings made before languages existed, which
-- then follow the provider's). Values are the application's locale tags.
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'en-GB'
    CHECK (language IN ('en-US', 'en-GB', 'de', 'fr', 'es'));
ALTER TABLE bookings ADD COLUMN language TEXT
    CHECK (language IN ('en-US', 'en-GB', 'de', 'fr', 'es'));
