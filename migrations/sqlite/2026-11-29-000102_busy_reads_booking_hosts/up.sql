-- The schedule's busy query reads booking_hosts now (one row per booking and host), not
-- bookings: its index carries every column the query reads, so it never visits the table,
-- and bookings' index goes back to its plain form (nothing reads its extra columns).
DROP INDEX booking_hosts_host_block;
CREATE INDEX booking_hosts_host_block ON booking_hosts (
    host_id, block_end_at, block_start_at, holds, hold_expires_at, service_id, start_at, booking_id
);
DROP INDEX bookings_provider_block;
CREATE INDEX bookings_provider_block ON bookings (provider_id, block_end_at, block_start_at);
