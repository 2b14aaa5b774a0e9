-- Teams, their members and invitations, and the no-double-booking guard moved to one row
-- per (booking, host). Keep in step with migrations/postgres/ (same directory name).

-- Public handles: a user's username and a team's slug share one namespace (`/{handle}`),
-- so one table holds them all and its primary key refuses a second owner of a handle.
-- Triggers keep it in step with users and teams.
CREATE TABLE handles (
    username TEXT PRIMARY KEY NOT NULL
);
INSERT INTO handles (username) SELECT username FROM users;

CREATE TRIGGER users_handle_insert AFTER INSERT ON users
BEGIN
    INSERT INTO handles (username) VALUES (NEW.username);
END;

CREATE TRIGGER users_handle_delete AFTER DELETE ON users
BEGIN
    DELETE FROM handles WHERE username = OLD.username;
END;

CREATE TABLE teams (
    id TEXT PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 3 AND 30 AND slug NOT GLOB '*[^a-z0-9-]*'),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    timezone TEXT NOT NULL,
    logo_text TEXT NOT NULL DEFAULT '' CHECK (length(logo_text) <= 40),
    colour TEXT NOT NULL DEFAULT '' CHECK (colour = '' OR (length(colour) = 7 AND colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TRIGGER teams_handle_insert AFTER INSERT ON teams
BEGIN
    INSERT INTO handles (username) VALUES (NEW.slug);
END;

CREATE TRIGGER teams_handle_delete AFTER DELETE ON teams
BEGIN
    DELETE FROM handles WHERE username = OLD.slug;
END;

CREATE TABLE team_members (
    team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'provider', 'staff')),
    -- Round-robin weight: a host with weight 2 is offered twice the bookings of weight 1.
    weight INTEGER NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 10),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user ON team_members (user_id);

CREATE TABLE team_invitations (
    id TEXT PRIMARY KEY NOT NULL,
    team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    email TEXT NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    role TEXT NOT NULL CHECK (role IN ('admin', 'provider', 'staff')),
    invited_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX team_invitations_team ON team_invitations (team_id, created_at);

-- One row per (booking, host): the range the booking holds in that host's calendar.
-- A personal booking has one row (its provider); a collective team booking one per host.
-- The columns other than host_id mirror the booking (triggers below keep them in step),
-- so the busy-time query of a host reads this table alone, bounded by its index.
CREATE TABLE booking_hosts (
    booking_id TEXT NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    host_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    service_id TEXT NOT NULL REFERENCES services (id),
    start_at TEXT NOT NULL,
    block_start_at TEXT NOT NULL,
    block_end_at TEXT NOT NULL,
    -- The booking is in a holding state (pending, confirmed, completed, no_show).
    holds BOOLEAN NOT NULL,
    -- Only while pending: when its hold lapses (a lapsed hold never blocks a guest).
    hold_expires_at TEXT,
    PRIMARY KEY (booking_id, host_id),
    CHECK (block_end_at > block_start_at)
);
CREATE INDEX booking_hosts_host_block ON booking_hosts (host_id, block_end_at, block_start_at);

INSERT INTO booking_hosts
    (booking_id, host_id, service_id, start_at, block_start_at, block_end_at, holds, hold_expires_at)
SELECT id, provider_id, service_id, start_at, block_start_at, block_end_at,
       status IN ('pending', 'confirmed', 'completed', 'no_show'),
       CASE WHEN status = 'pending' THEN hold_expires_at END
FROM bookings;

-- The guard moves from bookings to its host rows.
DROP TRIGGER bookings_no_overlap_insert;
DROP TRIGGER bookings_no_overlap_update;

-- Promise 1, with the meaning of PostgreSQL's exclusion constraint: two holding bookings
-- that share a host never overlap, buffers included. Writers are serialized by SQLite's
-- database lock, so check-then-write is atomic.
CREATE TRIGGER booking_hosts_no_overlap_insert
BEFORE INSERT ON booking_hosts
WHEN NEW.holds
BEGIN
    SELECT RAISE(ABORT, 'slotbook_slot_taken')
    WHERE EXISTS (
        SELECT 1 FROM booking_hosts AS h
        WHERE h.host_id = NEW.host_id
          AND h.holds
          AND h.block_end_at > NEW.block_start_at
          AND h.block_start_at < NEW.block_end_at
    );
END;

CREATE TRIGGER booking_hosts_no_overlap_update
BEFORE UPDATE OF host_id, holds, block_start_at, block_end_at ON booking_hosts
WHEN NEW.holds
BEGIN
    SELECT RAISE(ABORT, 'slotbook_slot_taken')
    WHERE EXISTS (
        SELECT 1 FROM booking_hosts AS h
        WHERE h.host_id = NEW.host_id
          AND h.booking_id <> NEW.booking_id
          AND h.holds
          AND h.block_end_at > NEW.block_start_at
          AND h.block_start_at < NEW.block_end_at
    );
END;

-- Every booking holds its provider's time: the first host row is written with the booking.
CREATE TRIGGER bookings_hosts_insert AFTER INSERT ON bookings
BEGIN
    INSERT INTO booking_hosts
        (booking_id, host_id, service_id, start_at, block_start_at, block_end_at, holds, hold_expires_at)
    VALUES (NEW.id, NEW.provider_id, NEW.service_id, NEW.start_at, NEW.block_start_at,
            NEW.block_end_at, NEW.status IN ('pending', 'confirmed', 'completed', 'no_show'),
            CASE WHEN NEW.status = 'pending' THEN NEW.hold_expires_at END);
END;

-- A status change, a move in time or to another provider reaches every host row, where
-- the guard checks it again.
CREATE TRIGGER bookings_hosts_update
AFTER UPDATE OF provider_id, service_id, status, start_at, block_start_at, block_end_at, hold_expires_at
ON bookings
BEGIN
    UPDATE booking_hosts SET
        host_id = CASE WHEN host_id = OLD.provider_id THEN NEW.provider_id ELSE host_id END,
        service_id = NEW.service_id,
        start_at = NEW.start_at,
        block_start_at = NEW.block_start_at,
        block_end_at = NEW.block_end_at,
        holds = NEW.status IN ('pending', 'confirmed', 'completed', 'no_show'),
        hold_expires_at = CASE WHEN NEW.status = 'pending' THEN NEW.hold_expires_at END
    WHERE booking_id = NEW.id;
END;

-- Bookings made by the front desk: which team (NULL for personal bookings) and when the
-- guest arrived (checked in).
ALTER TABLE bookings ADD COLUMN team_id TEXT REFERENCES teams (id) ON DELETE SET NULL;
ALTER TABLE bookings ADD COLUMN arrived_at TEXT;
CREATE INDEX bookings_team_start ON bookings (team_id, start_at) WHERE team_id IS NOT NULL;
