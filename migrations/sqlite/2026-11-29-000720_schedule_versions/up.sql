-- Each provider's schedule version. Every write to a table the slot engine reads for a
-- provider (weekly hours, date overrides, time off, booking host rows, calendar busy
-- blocks) bumps it in the same transaction, whoever writes and from whichever instance, so
-- a schedule kept in memory is known current by one primary-key read (see
-- `db::models::availability::cache`). Every user has a row from the start.
CREATE TABLE schedule_versions (
    provider_id TEXT PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    version BIGINT NOT NULL DEFAULT 0
);
INSERT INTO schedule_versions (provider_id) SELECT id FROM users;

CREATE TRIGGER users_schedule_version AFTER INSERT ON users
BEGIN
    INSERT INTO schedule_versions (provider_id) VALUES (NEW.id);
END;

CREATE TRIGGER availability_rules_version_insert AFTER INSERT ON availability_rules
BEGIN
    UPDATE schedule_versions SET version = version + 1 WHERE provider_id = NEW.provider_id;
END;
CREATE TRIGGER availability_rules_version_update AFTER UPDATE ON availability_rules
BEGIN
    UPDATE schedule_versions SET version = version + 1
    WHERE provider_id IN (OLD.provider_id, NEW.provider_id);
END;
CREATE TRIGGER availability_rules_version_delete AFTER DELETE ON availability_rules
BEGIN
    UPDATE schedule_versions SET version = version + 1 WHERE provider_id = OLD.provider_id;
END;

CREATE TRIGGER date_overrides_version_insert AFTER INSERT ON date_overrides
BEGIN
    UPDATE schedule_versions SET version = version + 1 WHERE provider_id = NEW.provider_id;
END;
CREATE TRIGGER date_overrides_version_update AFTER UPDATE ON date_overrides
BEGIN
    UPDATE schedule_versions SET version = version + 1
    WHERE provider_id IN (OLD.provider_id, NEW.provider_id);
END;
CREATE TRIGGER date_overrides_version_delete AFTER DELETE ON date_overrides
BEGIN
    UPDATE schedule_versions SET version = version + 1 WHERE provider_id = OLD.provider_id;
END;

CREATE TRIGGER time_off_version_insert AFTER INSERT ON time_off
BEGIN
    UPDATE schedule_versions SET version = version + 1 WHERE provider_id = NEW.provider_id;
END;
CREATE TRIGGER time_off_version_update AFTER UPDATE ON time_off
BEGIN
    UPDATE schedule_versions SET version = version + 1
    WHERE provider_id IN (OLD.provider_id, NEW.provider_id);
END;
CREATE TRIGGER time_off_version_delete AFTER DELETE ON time_off
BEGIN
    UPDATE schedule_versions SET version = version + 1 WHERE provider_id = OLD.provider_id;
END;

CREATE TRIGGER booking_hosts_version_insert AFTER INSERT ON booking_hosts
BEGIN
    UPDATE schedule_versions SET version = version + 1 WHERE provider_id = NEW.host_id;
END;
CREATE TRIGGER booking_hosts_version_update AFTER UPDATE ON booking_hosts
BEGIN
    UPDATE schedule_versions SET version = version + 1
    WHERE provider_id IN (OLD.host_id, NEW.host_id);
END;
CREATE TRIGGER booking_hosts_version_delete AFTER DELETE ON booking_hosts
BEGIN
    UPDATE schedule_versions SET version = version + 1 WHERE provider_id = OLD.host_id;
END;

CREATE TRIGGER calendar_busy_blocks_version_insert AFTER INSERT ON calendar_busy_blocks
BEGIN
    UPDATE schedule_versions SET version = version + 1 WHERE provider_id = NEW.provider_id;
END;
CREATE TRIGGER calendar_busy_blocks_version_update AFTER UPDATE ON calendar_busy_blocks
BEGIN
    UPDATE schedule_versions SET version = version + 1
    WHERE provider_id IN (OLD.provider_id, NEW.provider_id);
END;
CREATE TRIGGER calendar_busy_blocks_version_delete AFTER DELETE ON calendar_busy_blocks
BEGIN
    UPDATE schedule_versions SET version = version + 1 WHERE provider_id = OLD.provider_id;
END;
