DROP INDEX bookings_provider_block;
CREATE INDEX bookings_provider_block ON bookings (provider_id, block_end_at, block_start_at)
    INCLUDE (status, hold_expires_at, service_id, start_at, id);
DROP INDEX booking_hosts_host_block;
CREATE INDEX booking_hosts_host_block ON booking_hosts (host_id, block_end_at, block_start_at);
