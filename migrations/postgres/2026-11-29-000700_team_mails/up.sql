-- Team mails. Keep in step with migrations/sqlite/ (same directory name).

-- Whether the guest gets the usual booking mails: the front desk may book for a caller
-- without them, and later moves and cancellations keep to that choice.
ALTER TABLE bookings ADD COLUMN guest_mails boolean NOT NULL DEFAULT true;

-- A member's opt-in to the daily agenda mail of the team.
ALTER TABLE team_members ADD COLUMN agenda_mail boolean NOT NULL DEFAULT false;

-- One row per agenda mail queued: its primary key makes "one mail per member, team and
-- day" hold whatever the number of instances running the job.
CREATE TABLE team_agenda_sent (
    team_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day date NOT NULL,
    queued_at timestamptz NOT NULL,
    PRIMARY KEY (team_id, user_id, day)
);
