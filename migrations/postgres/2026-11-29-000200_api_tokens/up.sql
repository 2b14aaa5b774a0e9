-- Personal API tokens. Only the SHA-256 (hex) of a token is kept; the token is shown once
-- when it is made. `scope` is what it may do: 'read', or 'write' (read and write).
CREATE TABLE api_tokens (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    scope text NOT NULL CHECK (scope IN ('read', 'write')),
    token_hash text NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_at timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at);
