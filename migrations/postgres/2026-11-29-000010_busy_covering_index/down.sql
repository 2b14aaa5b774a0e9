DROP INDEX bookings_provider_block;
CREATE INDEX bookings_provider_block ON bookings (provider_id, block_end_at, block_start_at);
