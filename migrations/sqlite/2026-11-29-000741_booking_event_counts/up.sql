-- `/metrics` counted the booking history by kind at every scrape: a cost that grew with
-- history. The counts are now kept here, raised in the same transaction as each history
-- row (`booking_events::record`), so a scrape reads a few dozen rows whatever the history.
-- `shard` spreads the rows of one kind (see `booking_events::COUNTER_SHARDS`) so that
-- concurrent bookings on PostgreSQL rarely wait on the same counter row; a scrape sums them.
CREATE TABLE booking_event_counts (
    kind TEXT NOT NULL,
    shard INTEGER NOT NULL CHECK (shard >= 0),
    total INTEGER NOT NULL CHECK (total >= 0),
    PRIMARY KEY (kind, shard)
);

INSERT INTO booking_event_counts (kind, shard, total)
SELECT kind, 0, COUNT(*) FROM booking_events GROUP BY kind;

-- It served only the count at scrape time.
DROP INDEX booking_events_kind;
