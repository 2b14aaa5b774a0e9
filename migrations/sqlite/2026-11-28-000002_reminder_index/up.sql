-- The reminder job's query (db::models::jobs::due_reminders): confirmed bookings not yet
-- reminded, by start time. Only rows still waiting for a reminder are in the index.
CREATE INDEX bookings_reminder_due ON bookings (status, start_at) WHERE reminder_sent_at IS NULL;
