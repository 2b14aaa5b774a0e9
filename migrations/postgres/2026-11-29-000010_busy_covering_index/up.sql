-- The month and day pages read every holding booking around the month through this index
-- (`availability::load_schedule`). With every column that query reads in the index,
-- PostgreSQL can answer it with an index-only scan once the table's pages are all-visible.
DROP INDEX bookings_provider_block;
CREATE INDEX bookings_provider_block ON bookings (provider_id, block_end_at, block_start_at)
    INCLUDE (status, hold_expires_at, service_id, start_at, id);
