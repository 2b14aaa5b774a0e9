-- Teams, their members and invitations, and the no-double-booking guard moved to one row
-- per (booking, host). Keep in step with migrations/sqlite/ (same directory name).

-- Public handles: a user's username and a team's slug share one namespace (`/{handle}`),
-- so one table holds them all and its primary key refuses a second owner of a handle,
-- whatever the concurrency. Triggers keep it in step with users and teams.
CREATE TABLE handles (
    username text NOT NULL,
    CONSTRAINT handles_username_key PRIMARY KEY (username)
);
INSERT INTO handles (username) SELECT username FROM users;

CREATE FUNCTION handles_user_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO handles (username) VALUES (NEW.username);
    RETURN NEW;
END $$;
CREATE TRIGGER users_handle_insert AFTER INSERT ON users
    FOR EACH ROW EXECUTE FUNCTION handles_user_insert();

CREATE FUNCTION handles_user_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM handles WHERE username = OLD.username;
    RETURN OLD;
END $$;
CREATE TRIGGER users_handle_delete AFTER DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION handles_user_delete();

CREATE TABLE teams (
    id uuid PRIMARY KEY,
    slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{3,30}$'),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    timezone text NOT NULL,
    logo_text text NOT NULL DEFAULT '' CHECK (length(logo_text) <= 40),
    colour text NOT NULL DEFAULT '' CHECK (colour = '' OR colour ~ '^#[0-9a-f]{6}$'),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE FUNCTION handles_team_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO handles (username) VALUES (NEW.slug);
    RETURN NEW;
END $$;
CREATE TRIGGER teams_handle_insert AFTER INSERT ON teams
    FOR EACH ROW EXECUTE FUNCTION handles_team_insert();

CREATE FUNCTION handles_team_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM handles WHERE username = OLD.slug;
    RETURN OLD;
END $$;
CREATE TRIGGER teams_handle_delete AFTER DELETE ON teams
    FOR EACH ROW EXECUTE FUNCTION handles_team_delete();

CREATE TABLE team_members (
    team_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role text NOT NULL CHECK (role IN ('owner', 'admin', 'provider', 'staff')),
    -- Round-robin weight: a host with weight 2 is offered twice the bookings of weight 1.
    weight integer NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 10),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user ON team_members (user_id);

CREATE TABLE team_invitations (
    id uuid PRIMARY KEY,
    team_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    role text NOT NULL CHECK (role IN ('admin', 'provider', 'staff')),
    invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
    token_hash text NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    created_at timestamptz NOT NULL
);
CREATE INDEX team_invitations_team ON team_invitations (team_id, created_at);

-- The guard moves from bookings to its host rows (and keeps its name).
ALTER TABLE bookings DROP CONSTRAINT bookings_no_overlap;

-- One row per (booking, host): the range the booking holds in that host's calendar.
-- A personal booking has one row (its provider); a collective team booking one per host.
-- The columns other than host_id mirror the booking (triggers below keep them in step),
-- so the busy-time query of a host reads this table alone, bounded by its index.
CREATE TABLE booking_hosts (
    booking_id uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    host_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    service_id uuid NOT NULL REFERENCES services (id),
    start_at timestamptz NOT NULL,
    block_start_at timestamptz NOT NULL,
    block_end_at timestamptz NOT NULL,
    -- The booking is in a holding state (pending, confirmed, completed, no_show).
    holds boolean NOT NULL,
    -- Only while pending: when its hold lapses (a lapsed hold never blocks a guest).
    hold_expires_at timestamptz,
    PRIMARY KEY (booking_id, host_id),
    CHECK (block_end_at > block_start_at),
    -- Promise 1: two holding bookings that share a host never overlap, buffers included.
    -- The constraint keeps its old name so the error classifier reads it unchanged.
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
        host_id WITH =,
        tstzrange(block_start_at, block_end_at, '[)') WITH &&
    ) WHERE (holds)
);
CREATE INDEX booking_hosts_host_block ON booking_hosts (host_id, block_end_at, block_start_at);

INSERT INTO booking_hosts
    (booking_id, host_id, service_id, start_at, block_start_at, block_end_at, holds, hold_expires_at)
SELECT id, provider_id, service_id, start_at, block_start_at, block_end_at,
       status IN ('pending', 'confirmed', 'completed', 'no_show'),
       CASE WHEN status = 'pending' THEN hold_expires_at END
FROM bookings;

-- Every booking holds its provider's time: the first host row is written with the booking.
CREATE FUNCTION booking_hosts_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO booking_hosts
        (booking_id, host_id, service_id, start_at, block_start_at, block_end_at, holds, hold_expires_at)
    VALUES (NEW.id, NEW.provider_id, NEW.service_id, NEW.start_at, NEW.block_start_at,
            NEW.block_end_at, NEW.status IN ('pending', 'confirmed', 'completed', 'no_show'),
            CASE WHEN NEW.status = 'pending' THEN NEW.hold_expires_at END);
    RETURN NEW;
END $$;
CREATE TRIGGER bookings_hosts_insert AFTER INSERT ON bookings
    FOR EACH ROW EXECUTE FUNCTION booking_hosts_on_insert();

-- A status change, a move in time or to another provider reaches every host row, where
-- the guard checks it again.
CREATE FUNCTION booking_hosts_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
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
    RETURN NEW;
END $$;
CREATE TRIGGER bookings_hosts_update
    AFTER UPDATE OF provider_id, service_id, status, start_at, block_start_at, block_end_at, hold_expires_at
    ON bookings
    FOR EACH ROW EXECUTE FUNCTION booking_hosts_on_update();

-- Bookings made by the front desk: which team (NULL for personal bookings) and when the
-- guest arrived (checked in).
ALTER TABLE bookings ADD COLUMN team_id uuid REFERENCES teams (id) ON DELETE SET NULL;
ALTER TABLE bookings ADD COLUMN arrived_at timestamptz;
CREATE INDEX bookings_team_start ON bookings (team_id, start_at) WHERE team_id IS NOT NULL;
