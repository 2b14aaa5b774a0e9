-- Webhook endpoints of a provider. `secret` signs every delivery (Standard Webhooks,
-- "whsec_" + base64); it must be kept to sign, and is shown to the provider once.
-- `event_types` is a comma-separated list of the types it wants.
CREATE TABLE webhook_endpoints (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    url text NOT NULL CHECK (length(url) BETWEEN 8 AND 2000),
    secret text NOT NULL,
    event_types text NOT NULL,
    is_enabled boolean NOT NULL,
    consecutive_failures integer NOT NULL DEFAULT 0,
    disabled_reason text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX webhook_endpoints_user ON webhook_endpoints (user_id);

-- One event for one endpoint: written in the same transaction as the booking change that
-- causes it, delivered later by the worker (the queue, like `outbox`). `id` is the
-- `webhook-id` receivers de-duplicate on; ids are UUIDv7, so they sort by creation.
CREATE TABLE webhook_deliveries (
    id uuid PRIMARY KEY,
    endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    booking_id uuid,
    event_type text NOT NULL,
    payload text NOT NULL,
    status text NOT NULL CHECK (status IN ('queued', 'sending', 'delivered', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    claimed_at timestamptz,
    last_error text,
    delivered_at timestamptz,
    created_at timestamptz NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, id);

-- Every delivery attempt: what the endpoint answered and how long it took.
CREATE TABLE webhook_attempts (
    id uuid PRIMARY KEY,
    delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    at timestamptz NOT NULL,
    status_code integer,
    latency_ms integer NOT NULL,
    error text
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, at);
