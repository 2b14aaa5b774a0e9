CREATE INDEX calendar_writes_due ON calendar_writes (status, next_attempt_at);
DROP INDEX calendar_writes_due_order;
DROP INDEX webhook_deliveries_due_order;
