DROP INDEX bookings_team_start;
ALTER TABLE bookings DROP COLUMN arrived_at;
ALTER TABLE bookings DROP COLUMN team_id;
DROP TRIGGER bookings_hosts_update ON bookings;
DROP FUNCTION booking_hosts_on_update();
DROP TRIGGER bookings_hosts_insert ON bookings;
DROP FUNCTION booking_hosts_on_insert();
DROP TABLE booking_hosts;
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
    provider_id WITH =,
    tstzrange(block_start_at, block_end_at, '[)') WITH &&
) WHERE (status IN ('pending', 'confirmed', 'completed', 'no_show'));
DROP TABLE team_invitations;
DROP TABLE team_members;
DROP TRIGGER teams_handle_delete ON teams;
DROP TRIGGER teams_handle_insert ON teams;
DROP TABLE teams;
DROP FUNCTION handles_team_delete();
DROP FUNCTION handles_team_insert();
DROP TRIGGER users_handle_delete ON users;
DROP TRIGGER users_handle_insert ON users;
DROP FUNCTION handles_user_delete();
DROP FUNCTION handles_user_insert();
DROP TABLE handles;
