-- Slotbook schema (SQLite). Keep in step with migrations/postgres/ (same directory names).
-- Ids are hyphenated lowercase UUID text; instants are fixed-width UTC text
-- (YYYY-MM-DDTHH:MM:SS.ffffffZ) written only by the application, so text order is time order.

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    username TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 3 AND 30 AND username NOT GLOB '*[^a-z0-9-]*'),
    email TEXT NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    password_hash TEXT NOT NULL,
    full_name TEXT NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
    business_name TEXT NOT NULL DEFAULT '',
    bio TEXT NOT NULL DEFAULT '',
    timezone TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'provider' CHECK (role IN ('provider', 'admin')),
    email_verified_at TEXT,
    is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    feed_token_hash TEXT UNIQUE,
    session_version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE services (
    id TEXT PRIMARY KEY NOT NULL,
    provider_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    slug TEXT NOT NULL CHECK (length(slug) BETWEEN 1 AND 60 AND slug NOT GLOB '*[^a-z0-9-]*'),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    description TEXT NOT NULL DEFAULT '',
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 720),
    slot_interval_minutes INTEGER NOT NULL CHECK (slot_interval_minutes BETWEEN 5 AND 720),
    buffer_before_minutes INTEGER NOT NULL DEFAULT 0 CHECK (buffer_before_minutes BETWEEN 0 AND 720),
    buffer_after_minutes INTEGER NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 720),
    min_notice_minutes INTEGER NOT NULL DEFAULT 0 CHECK (min_notice_minutes BETWEEN 0 AND 525600),
    max_days_ahead INTEGER NOT NULL DEFAULT 60 CHECK (max_days_ahead BETWEEN 1 AND 730),
    max_per_day INTEGER CHECK (max_per_day IS NULL OR max_per_day >= 1),
    price_cents INTEGER CHECK (price_cents IS NULL OR price_cents >= 0),
    currency TEXT CHECK (currency IS NULL OR (length(currency) = 3 AND currency NOT GLOB '*[^A-Z]*')),
    location TEXT NOT NULL DEFAULT '',
    confirmation_mode TEXT NOT NULL DEFAULT 'email' CHECK (confirmation_mode IN ('instant', 'email', 'provider')),
    hold_minutes INTEGER NOT NULL DEFAULT 30 CHECK (hold_minutes BETWEEN 5 AND 10080),
    cancellation_notice_minutes INTEGER NOT NULL DEFAULT 0 CHECK (cancellation_notice_minutes BETWEEN 0 AND 525600),
    reminder_minutes_before INTEGER DEFAULT 1440 CHECK (reminder_minutes_before IS NULL OR reminder_minutes_before BETWEEN 5 AND 20160),
    custom_questions TEXT NOT NULL DEFAULT '[]',
    is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    display_order INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CONSTRAINT services_provider_slug UNIQUE (provider_id, slug)
);

CREATE TABLE availability_rules (
    id TEXT PRIMARY KEY NOT NULL,
    provider_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day_of_week INTEGER NOT NULL CHECK (day_of_week BETWEEN 0 AND 6),
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL,
    valid_from TEXT,
    valid_until TEXT,
    created_at TEXT NOT NULL,
    CHECK (end_time > start_time),
    CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_until >= valid_from)
);
CREATE INDEX availability_rules_provider ON availability_rules (provider_id, day_of_week);

CREATE TABLE date_overrides (
    id TEXT PRIMARY KEY NOT NULL,
    provider_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    start_time TEXT,
    end_time TEXT,
    created_at TEXT NOT NULL,
    CHECK ((start_time IS NULL AND end_time IS NULL)
        OR (start_time IS NOT NULL AND end_time IS NOT NULL AND end_time > start_time))
);
CREATE INDEX date_overrides_provider_date ON date_overrides (provider_id, date);

CREATE TABLE time_off (
    id TEXT PRIMARY KEY NOT NULL,
    provider_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    start_at TEXT NOT NULL,
    end_at TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    CHECK (end_at > start_at)
);
CREATE INDEX time_off_provider_range ON time_off (provider_id, end_at, start_at);

CREATE TABLE bookings (
    id TEXT PRIMARY KEY NOT NULL,
    provider_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    service_id TEXT NOT NULL REFERENCES services (id),
    guest_name TEXT NOT NULL CHECK (length(guest_name) BETWEEN 1 AND 200),
    guest_email TEXT NOT NULL,
    guest_phone TEXT,
    guest_timezone TEXT NOT NULL,
    guest_notes TEXT,
    answers TEXT NOT NULL DEFAULT '[]',
    start_at TEXT NOT NULL,
    end_at TEXT NOT NULL,
    block_start_at TEXT NOT NULL,
    block_end_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'completed', 'no_show', 'expired', 'declined', 'cancelled')),
    hold_expires_at TEXT,
    confirmed_at TEXT,
    cancelled_at TEXT,
    cancelled_by TEXT CHECK (cancelled_by IS NULL OR cancelled_by IN ('guest', 'provider', 'system')),
    cancellation_reason TEXT,
    rescheduled_from_id TEXT REFERENCES bookings (id),
    idempotency_key TEXT UNIQUE,
    reminder_sent_at TEXT,
    version INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (end_at > start_at),
    CHECK (block_start_at <= start_at AND block_end_at >= end_at)
);
CREATE INDEX bookings_provider_start ON bookings (provider_id, start_at);
CREATE INDEX bookings_provider_block ON bookings (provider_id, block_end_at, block_start_at);
CREATE INDEX bookings_service_start ON bookings (service_id, start_at);
CREATE INDEX bookings_pending_hold ON bookings (hold_expires_at) WHERE status = 'pending';

-- The no-double-booking guard, with the meaning of PostgreSQL's bookings_no_overlap
-- exclusion constraint: holding bookings of one provider never overlap, buffers included.
-- Writers are serialized by SQLite's database lock, so check-then-insert is atomic.
CREATE TRIGGER bookings_no_overlap_insert
BEFORE INSERT ON bookings
WHEN NEW.status IN ('pending', 'confirmed', 'completed', 'no_show')
BEGIN
    SELECT RAISE(ABORT, 'slotbook_slot_taken')
    WHERE EXISTS (
        SELECT 1 FROM bookings AS b
        WHERE b.provider_id = NEW.provider_id
          AND b.status IN ('pending', 'confirmed', 'completed', 'no_show')
          AND b.block_start_at < NEW.block_end_at
          AND b.block_end_at > NEW.block_start_at
    );
END;

CREATE TRIGGER bookings_no_overlap_update
BEFORE UPDATE OF provider_id, status, block_start_at, block_end_at ON bookings
WHEN NEW.status IN ('pending', 'confirmed', 'completed', 'no_show')
BEGIN
    SELECT RAISE(ABORT, 'slotbook_slot_taken')
    WHERE EXISTS (
        SELECT 1 FROM bookings AS b
        WHERE b.provider_id = NEW.provider_id
          AND b.id <> NEW.id
          AND b.status IN ('pending', 'confirmed', 'completed', 'no_show')
          AND b.block_start_at < NEW.block_end_at
          AND b.block_end_at > NEW.block_start_at
    );
END;

CREATE TABLE booking_tokens (
    id TEXT PRIMARY KEY NOT NULL,
    booking_id TEXT NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    action TEXT NOT NULL CHECK (action IN ('confirm', 'cancel', 'reschedule', 'approve', 'decline')),
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX booking_tokens_booking ON booking_tokens (booking_id);

CREATE TABLE booking_events (
    id TEXT PRIMARY KEY NOT NULL,
    booking_id TEXT NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX booking_events_booking ON booking_events (booking_id, at);

CREATE TABLE outbox (
    id TEXT PRIMARY KEY NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    ics TEXT,
    kind TEXT NOT NULL,
    booking_id TEXT REFERENCES bookings (id) ON DELETE SET NULL,
    status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    claimed_at TEXT,
    last_error TEXT,
    sent_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

CREATE TABLE account_tokens (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
    email TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose);
