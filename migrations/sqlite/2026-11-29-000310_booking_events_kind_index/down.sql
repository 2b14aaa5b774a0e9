DROP INDEX booking_events_kind;
