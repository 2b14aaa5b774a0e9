UPDATE bookings
SET idempotency_key = idempotency_key || ':' || idempotency_body_hash
WHERE idempotency_body_hash IS NOT NULL;
ALTER TABLE bookings DROP COLUMN idempotency_body_hash;
