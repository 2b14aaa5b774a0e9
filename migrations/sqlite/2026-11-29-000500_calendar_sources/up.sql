-- A provider's other calendars, read for busy times: ICS subscriptions for now. The
-- refresh job claims a due source (`next_refresh_at`, `claimed_at`), fetches it with the
-- validators of its last answer (`etag`, `last_modified`) and records the outcome; a
-- failing source keeps its last good blocks, and `failing_since` says since when.
CREATE TABLE calendar_sources (
    id TEXT PRIMARY KEY NOT NULL,
    provider_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    url text NOT NULL CHECK (length(url) BETWEEN 8 AND 2000),
    etag text,
    last_modified text,
    last_success_at TEXT,
    last_error text,
    last_error_at TEXT,
    failing_since TEXT,
    failure_mailed_at TEXT,
    block_count integer NOT NULL DEFAULT 0,
    skipped_events integer NOT NULL DEFAULT 0,
    next_refresh_at TEXT NOT NULL,
    claimed_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX calendar_sources_provider ON calendar_sources (provider_id, created_at);
CREATE INDEX calendar_sources_due ON calendar_sources (next_refresh_at);

-- Busy times of a source, replaced as a whole on each successful refresh. No block is
-- longer than a day (longer events are stored as day-long pieces), so the slot engine's
-- range query is bounded on both sides of `start_at`.
CREATE TABLE calendar_busy_blocks (
    id TEXT PRIMARY KEY NOT NULL,
    source_id TEXT NOT NULL REFERENCES calendar_sources (id) ON DELETE CASCADE,
    provider_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    uid text NOT NULL,
    start_at TEXT NOT NULL,
    end_at TEXT NOT NULL,
    CHECK (end_at > start_at)
);
CREATE INDEX calendar_busy_blocks_provider ON calendar_busy_blocks (provider_id, start_at);
CREATE INDEX calendar_busy_blocks_source ON calendar_busy_blocks (source_id);
