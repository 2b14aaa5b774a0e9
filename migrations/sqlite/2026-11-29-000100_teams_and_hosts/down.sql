DROP INDEX bookings_team_start;
ALTER TABLE bookings DROP COLUMN arrived_at;
ALTER TABLE bookings DROP COLUMN team_id;
DROP TRIGGER bookings_hosts_update;
DROP TRIGGER bookings_hosts_insert;
DROP TABLE booking_hosts;
CREATE TRIGGER bookings_no_overlap_insert
BEFORE INSERT ON bookings
WHEN NEW.status IN ('pending', 'confirmed', 'completed', 'no_show')
BEGIN
    SELECT RAISE(ABORT, 'slotbook_slot_taken')
    WHERE EXISTS (
        SELECT 1 FROM bookings AS b
        WHERE b.provider_id = NEW.provider_id
          AND b.status IN ('pending', 'confirmed', 'completed', 'no_show')
          AND b.block_start_at < NEW.block_end_at
          AND b.block_end_at > NEW.block_start_at
    );
END;
CREATE TRIGGER bookings_no_overlap_update
BEFORE UPDATE OF provider_id, status, block_start_at, block_end_at ON bookings
WHEN NEW.status IN ('pending', 'confirmed', 'completed', 'no_show')
BEGIN
    SELECT RAISE(ABORT, 'slotbook_slot_taken')
    WHERE EXISTS (
        SELECT 1 FROM bookings AS b
        WHERE b.provider_id = NEW.provider_id
          AND b.id <> NEW.id
          AND b.status IN ('pending', 'confirmed', 'completed', 'no_show')
          AND b.block_start_at < NEW.block_end_at
          AND b.block_end_at > NEW.block_start_at
    );
END;
DROP TABLE team_invitations;
DROP TABLE team_members;
DROP TRIGGER teams_handle_delete;
DROP TRIGGER teams_handle_insert;
DROP TABLE teams;
DROP TRIGGER users_handle_delete;
DROP TRIGGER users_handle_insert;
DROP TABLE handles;
