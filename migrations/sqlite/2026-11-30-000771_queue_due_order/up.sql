-- The webhook and calendar write-back claims read their due rows in the order they take
-- them and stop at their limit (db::queue::load_due_for_claim!), as the outbox's does since
-- 000770: webhook deliveries in event order (status, id), calendar writes oldest due first.
CREATE INDEX webhook_deliveries_due_order ON webhook_deliveries (status, id);
CREATE INDEX calendar_writes_due_order ON calendar_writes (status, next_attempt_at, id);
DROP INDEX calendar_writes_due;
