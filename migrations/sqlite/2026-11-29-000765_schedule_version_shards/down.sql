DROP TRIGGER users_schedule_version;
DROP TRIGGER availability_rules_version_insert;
DROP TRIGGER availability_rules_version_update;
DROP TRIGGER availability_rules_version_delete;
DROP TRIGGER date_overrides_version_insert;
DROP TRIGGER date_overrides_version_update;
DROP TRIGGER date_overrides_version_delete;
DROP TRIGGER time_off_version_insert;
DROP TRIGGER time_off_version_update;
DROP TRIGGER time_off_version_delete;
DROP TRIGGER booking_hosts_version_insert;
DROP TRIGGER booking_hosts_version_update;
DROP TRIGGER booking_hosts_version_delete;
DROP TRIGGER calendar_busy_blocks_version_insert;
DROP TRIGGER calendar_busy_blocks_version_update;
DROP TRIGGER calendar_busy_blocks_version_delete;
DROP VIEW schedule_versions;

CREATE TABLE schedule_versions (
    provider_id TEXT PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    version BIGINT NOT NULL DEFAULT 0
);
INSERT INTO schedule_versions (provider_id, version)
SELECT provider_id, SUM(version) FROM schedule_version_shards GROUP BY provider_id;
DROP TABLE schedule_version_shards;

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
