-- A claim reads the due mails in the order it takes them (next_attempt_at, id) and stops at
-- its limit, instead of gathering every due row to sort (models::outbox::load_due).
CREATE INDEX outbox_due_order ON outbox (status, next_attempt_at, id);
DROP INDEX outbox_due;
