-- How a provider's public pages look and where they may be embedded: the origins allowed
-- to frame them (one per line; none means no embedding), an accent colour (#rrggbb, checked
-- for contrast against white by the application) and a short logo text for the header.
CREATE TABLE provider_looks (
    provider_id TEXT PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    embed_origins text NOT NULL DEFAULT '' CHECK (length(embed_origins) <= 4000),
    accent_color text CHECK (length(accent_color) = 7),
    logo_text text CHECK (length(logo_text) BETWEEN 1 AND 160),
    updated_at TEXT NOT NULL
);
