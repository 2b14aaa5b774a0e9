-- The month and day pages read every holding booking around the month through this index
-- (`availability::load_schedule`). With every column that query reads in the index, SQLite
-- answers it from the index alone instead of visiting each booking's row.
DROP INDEX bookings_provider_block;
CREATE INDEX bookings_provider_block ON bookings (
    provider_id, block_end_at, block_start_at, status, hold_expires_at, service_id, start_at, id
);
