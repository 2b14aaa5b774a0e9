-- `/metrics` counts the booking history by kind at every scrape (db::models::ops::snapshot).
-- Without this index that is a full scan of the widest history table plus a sort for the
-- GROUP BY; with it the count reads only this narrow index, already in kind order.
CREATE INDEX booking_events_kind ON booking_events (kind);
