-- Team mails. Keep in step with migrations/postgres/ (same directory name).

-- Whether the guest gets the usual booking mails: the front desk may book for a caller
-- without them, and later moves and cancellations keep to that choice.
ALTER TABLE bookings ADD COLUMN guest_mails INTEGER NOT NULL DEFAULT 1 CHECK (guest_mails IN (0, 1));

-- A member's opt-in to the daily agenda mail of the team.
ALTER TABLE team_members ADD COLUMN agenda_mail INTEGER NOT NULL DEFAULT 0 CHECK (agenda_mail IN (0, 1));

-- One row per agenda mail queued: its primary key makes "one mail per member, team and
-- day" hold whatever the number of instances running the job.
CREATE TABLE team_agenda_sent (
    team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    queued_at TEXT NOT NULL,
    PRIMARY KEY (team_id, user_id, day)
);
