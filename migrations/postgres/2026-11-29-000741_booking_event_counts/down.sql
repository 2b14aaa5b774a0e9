CREATE INDEX booking_events_kind ON booking_events (kind);
DROP TABLE booking_event_counts;
