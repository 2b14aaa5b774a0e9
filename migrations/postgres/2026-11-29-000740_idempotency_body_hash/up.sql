-- An API caller's Idempotency-Key and the SHA-256 of the body it came with were stored
-- together as `api:<provider>:<key>:<64 hex>` and found with an escaped LIKE prefix. The
-- hash gets its own column; the key is looked up by exact match.
ALTER TABLE bookings ADD COLUMN idempotency_body_hash text;

-- Existing API bookings (not moves: a reschedule's key never had a hash) are split into
-- key and hash. A key whose bare form another row already has (a reschedule under the same
-- caller key, or an earlier booking under the same key with another body) stays as it was:
-- it can never be matched again, which is what a reused key deserves.
CREATE TEMP TABLE idempotency_split ON COMMIT DROP AS
SELECT b.id AS id,
       substr(b.idempotency_key, 1, length(b.idempotency_key) - 65) AS bare_key,
       substr(b.idempotency_key, length(b.idempotency_key) - 63) AS body_hash
FROM bookings b
WHERE b.rescheduled_from_id IS NULL
  AND b.idempotency_key LIKE 'api:%'
  AND length(b.idempotency_key) >= 103
  AND substr(b.idempotency_key, length(b.idempotency_key) - 64, 1) = ':'
  AND substr(b.idempotency_key, length(b.idempotency_key) - 63) ~ '^[0-9a-f]{64}$';

DELETE FROM idempotency_split
WHERE EXISTS (SELECT 1 FROM bookings other WHERE other.idempotency_key = idempotency_split.bare_key)
   OR EXISTS (SELECT 1 FROM idempotency_split earlier
              WHERE earlier.bare_key = idempotency_split.bare_key
                AND earlier.id < idempotency_split.id);

UPDATE bookings
SET idempotency_key = s.bare_key, idempotency_body_hash = s.body_hash
FROM idempotency_split s
WHERE s.id = bookings.id;
