-- Slotbook schema (PostgreSQL). Keep in step with migrations/sqlite/ (same directory names).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE users (
    id uuid PRIMARY KEY,
    username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9-]{3,30}$'),
    email text NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    password_hash text NOT NULL,
    full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
    business_name text NOT NULL DEFAULT '',
    bio text NOT NULL DEFAULT '',
    timezone text NOT NULL,
    role text NOT NULL DEFAULT 'provider' CHECK (role IN ('provider', 'admin')),
    email_verified_at timestamptz,
    is_active boolean NOT NULL DEFAULT true,
    feed_token_hash text UNIQUE,
    session_version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE services (
    id uuid PRIMARY KEY,
    provider_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    slug text NOT NULL CHECK (slug ~ '^[a-z0-9-]{1,60}$'),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    description text NOT NULL DEFAULT '',
    duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 720),
    slot_interval_minutes integer NOT NULL CHECK (slot_interval_minutes BETWEEN 5 AND 720),
    buffer_before_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_before_minutes BETWEEN 0 AND 720),
    buffer_after_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 720),
    min_notice_minutes integer NOT NULL DEFAULT 0 CHECK (min_notice_minutes BETWEEN 0 AND 525600),
    max_days_ahead integer NOT NULL DEFAULT 60 CHECK (max_days_ahead BETWEEN 1 AND 730),
    max_per_day integer CHECK (max_per_day IS NULL OR max_per_day >= 1),
    price_cents integer CHECK (price_cents IS NULL OR price_cents >= 0),
    currency text CHECK (currency IS NULL OR currency ~ '^[A-Z]{3}$'),
    location text NOT NULL DEFAULT '',
    confirmation_mode text NOT NULL DEFAULT 'email' CHECK (confirmation_mode IN ('instant', 'email', 'provider')),
    hold_minutes integer NOT NULL DEFAULT 30 CHECK (hold_minutes BETWEEN 5 AND 10080),
    cancellation_notice_minutes integer NOT NULL DEFAULT 0 CHECK (cancellation_notice_minutes BETWEEN 0 AND 525600),
    reminder_minutes_before integer DEFAULT 1440 CHECK (reminder_minutes_before IS NULL OR reminder_minutes_before BETWEEN 5 AND 20160),
    custom_questions text NOT NULL DEFAULT '[]',
    is_active boolean NOT NULL DEFAULT true,
    display_order integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT services_provider_slug UNIQUE (provider_id, slug)
);

CREATE TABLE availability_rules (
    id uuid PRIMARY KEY,
    provider_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day_of_week integer NOT NULL CHECK (day_of_week BETWEEN 0 AND 6),
    start_time time NOT NULL,
    end_time time NOT NULL,
    valid_from date,
    valid_until date,
    created_at timestamptz NOT NULL,
    CHECK (end_time > start_time),
    CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_until >= valid_from)
);
CREATE INDEX availability_rules_provider ON availability_rules (provider_id, day_of_week);

CREATE TABLE date_overrides (
    id uuid PRIMARY KEY,
    provider_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    date date NOT NULL,
    -- Both NULL: closed all day. Otherwise one open interval of that date.
    start_time time,
    end_time time,
    created_at timestamptz NOT NULL,
    CHECK ((start_time IS NULL AND end_time IS NULL)
        OR (start_time IS NOT NULL AND end_time IS NOT NULL AND end_time > start_time))
);
CREATE INDEX date_overrides_provider_date ON date_overrides (provider_id, date);

CREATE TABLE time_off (
    id uuid PRIMARY KEY,
    provider_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    start_at timestamptz NOT NULL,
    end_at timestamptz NOT NULL,
    reason text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL,
    CHECK (end_at > start_at)
);
CREATE INDEX time_off_provider_range ON time_off (provider_id, end_at, start_at);

CREATE TABLE bookings (
    id uuid PRIMARY KEY,
    provider_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    service_id uuid NOT NULL REFERENCES services (id),
    guest_name text NOT NULL CHECK (length(guest_name) BETWEEN 1 AND 200),
    guest_email text NOT NULL,
    guest_phone text,
    guest_timezone text NOT NULL,
    guest_notes text,
    answers text NOT NULL DEFAULT '[]',
    start_at timestamptz NOT NULL,
    end_at timestamptz NOT NULL,
    block_start_at timestamptz NOT NULL,
    block_end_at timestamptz NOT NULL,
    status text NOT NULL CHECK (status IN ('pending', 'confirmed', 'completed', 'no_show', 'expired', 'declined', 'cancelled')),
    hold_expires_at timestamptz,
    confirmed_at timestamptz,
    cancelled_at timestamptz,
    cancelled_by text CHECK (cancelled_by IS NULL OR cancelled_by IN ('guest', 'provider', 'system')),
    cancellation_reason text,
    rescheduled_from_id uuid REFERENCES bookings (id),
    idempotency_key text UNIQUE,
    reminder_sent_at timestamptz,
    version integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CHECK (end_at > start_at),
    CHECK (block_start_at <= start_at AND block_end_at >= end_at),
    -- The no-double-booking guard: holding bookings of one provider never overlap,
    -- buffers included. Half-open ranges, so back-to-back is allowed.
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
        provider_id WITH =,
        tstzrange(block_start_at, block_end_at, '[)') WITH &&
    ) WHERE (status IN ('pending', 'confirmed', 'completed', 'no_show'))
);
CREATE INDEX bookings_provider_start ON bookings (provider_id, start_at);
CREATE INDEX bookings_provider_block ON bookings (provider_id, block_end_at, block_start_at);
CREATE INDEX bookings_service_start ON bookings (service_id, start_at);
CREATE INDEX bookings_pending_hold ON bookings (hold_expires_at) WHERE status = 'pending';

CREATE TABLE booking_tokens (
    id uuid PRIMARY KEY,
    booking_id uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    action text NOT NULL CHECK (action IN ('confirm', 'cancel', 'reschedule', 'approve', 'decline')),
    token_hash text NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    created_at timestamptz NOT NULL
);
CREATE INDEX booking_tokens_booking ON booking_tokens (booking_id);

CREATE TABLE booking_events (
    id uuid PRIMARY KEY,
    booking_id uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    at timestamptz NOT NULL,
    actor text NOT NULL,
    kind text NOT NULL,
    detail text NOT NULL DEFAULT ''
);
CREATE INDEX booking_events_booking ON booking_events (booking_id, at);

CREATE TABLE outbox (
    id uuid PRIMARY KEY,
    recipient text NOT NULL,
    subject text NOT NULL,
    text_body text NOT NULL,
    html_body text NOT NULL,
    ics text,
    kind text NOT NULL,
    booking_id uuid REFERENCES bookings (id) ON DELETE SET NULL,
    status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    claimed_at timestamptz,
    last_error text,
    sent_at timestamptz,
    created_at timestamptz NOT NULL
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

CREATE TABLE account_tokens (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
    email text NOT NULL,
    token_hash text NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    created_at timestamptz NOT NULL
);
CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose);
