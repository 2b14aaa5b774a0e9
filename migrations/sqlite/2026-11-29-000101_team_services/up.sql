-- Team services: a services row (what bookings point at, with every booking setting of a
-- personal service) that belongs to a team, with its public slug in the team, how it
-- assigns hosts, and its hosts. Keep in step with migrations/postgres/.

-- Set for team services, which personal service lists and pages leave out. No foreign
-- key: a deleted team leaves its services' rows behind for the bookings that point at them.
ALTER TABLE services ADD COLUMN team_id TEXT;
CREATE INDEX services_team ON services (team_id) WHERE team_id IS NOT NULL;

CREATE TABLE team_services (
    service_id TEXT PRIMARY KEY NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    slug TEXT NOT NULL CHECK (length(slug) BETWEEN 1 AND 60 AND slug NOT GLOB '*[^a-z0-9-]*'),
    assignment_mode TEXT NOT NULL CHECK (assignment_mode IN ('round_robin', 'collective')),
    CONSTRAINT team_services_team_slug UNIQUE (team_id, slug)
);

CREATE TABLE team_service_hosts (
    service_id TEXT NOT NULL REFERENCES team_services (service_id) ON DELETE CASCADE,
    host_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (service_id, host_id)
);
CREATE INDEX team_service_hosts_host ON team_service_hosts (host_id);
