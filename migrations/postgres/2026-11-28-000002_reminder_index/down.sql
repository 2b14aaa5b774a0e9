DROP INDEX bookings_reminder_due;
