-- CalDAV accounts: the provider's server, user name and sealed password (`sealed.rs`,
-- never stored in clear), the calendars discovery found (JSON list of {url, name}) and
-- the one calendar confirmed bookings are written into, if any. Each calendar chosen as
-- busy is a `calendar_sources` row pointing at its account.
CREATE TABLE calendar_accounts (
    id uuid PRIMARY KEY,
    provider_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    server_url text NOT NULL CHECK (length(server_url) BETWEEN 8 AND 2000),
    username text NOT NULL CHECK (length(username) BETWEEN 1 AND 200),
    password_sealed text NOT NULL,
    calendars text NOT NULL DEFAULT '[]',
    write_calendar_url text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX calendar_accounts_provider ON calendar_accounts (provider_id, created_at);

ALTER TABLE calendar_sources ADD COLUMN account_id uuid REFERENCES calendar_accounts (id) ON DELETE CASCADE;
ALTER TABLE calendar_sources ADD COLUMN name text;
CREATE INDEX calendar_sources_account ON calendar_sources (account_id);

-- Write-back queue: a row per booking change to mirror into the account's chosen
-- calendar, written in the same transaction as the change and delivered by a worker like
-- the outbox (claimed, retried with backoff, settled guarded by `claimed_at`). The event
-- is `<event_root>.ics` in the calendar, with UID `<event_root>@<host>` (the booking's
-- lineage root, as in the feed), so a reschedule rewrites the same object.
CREATE TABLE calendar_writes (
    id uuid PRIMARY KEY,
    account_id uuid NOT NULL REFERENCES calendar_accounts (id) ON DELETE CASCADE,
    booking_id uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    event_root uuid NOT NULL,
    calendar_url text NOT NULL,
    status text NOT NULL CHECK (status IN ('queued', 'sending', 'written', 'failed')),
    action text CHECK (action IN ('put', 'delete', 'none')),
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    claimed_at timestamptz,
    last_error text,
    written_at timestamptz,
    created_at timestamptz NOT NULL
);
CREATE INDEX calendar_writes_due ON calendar_writes (status, next_attempt_at);
CREATE INDEX calendar_writes_booking ON calendar_writes (booking_id, created_at);
CREATE INDEX calendar_writes_root ON calendar_writes (event_root, status);
