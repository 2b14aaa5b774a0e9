-- Server-side sessions. The cookie carries only a random id; this table keeps its SHA-256
-- (hex), so a copy of the table cannot be replayed as cookies. Deleting a row ends the
-- session on every instance at once, which replaces users.session_version.
CREATE TABLE sessions (
    id_hash text PRIMARY KEY CHECK (length(id_hash) = 64),
    user_id uuid REFERENCES users (id) ON DELETE CASCADE,
    state text NOT NULL,
    created_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);
CREATE INDEX sessions_last_seen ON sessions (last_seen_at);

ALTER TABLE users DROP COLUMN session_version;
