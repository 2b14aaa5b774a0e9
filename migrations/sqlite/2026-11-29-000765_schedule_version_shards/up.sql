-- The schedule version as the sum of 16 rows per provider (see the PostgreSQL migration of
-- the same name: there, concurrent writers of one provider raise different rows). SQLite
-- has one writer at a time and always raises shard 0; the tables and the view are the
-- same on both backends, so `slotbook copy` moves the rows either way.
CREATE TABLE schedule_version_shards (
    provider_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    shard INTEGER NOT NULL CHECK (shard BETWEEN 0 AND 15),
    version BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (provider_id, shard)
);
INSERT INTO schedule_version_shards (provider_id, shard, version)
SELECT v.provider_id, s.shard, CASE WHEN s.shard = 0 THEN v.version ELSE 0 END
FROM schedule_versions v CROSS JOIN (
    SELECT 0 AS shard UNION ALL
    SELECT 1 UNION ALL
    SELECT 2 UNION ALL
    SELECT 3 UNION ALL
    SELECT 4 UNION ALL
    SELECT 5 UNION ALL
    SELECT 6 UNION ALL
    SELECT 7 UNION ALL
    SELECT 8 UNION ALL
    SELECT 9 UNION ALL
    SELECT 10 UNION ALL
    SELECT 11 UNION ALL
    SELECT 12 UNION ALL
    SELECT 13 UNION ALL
    SELECT 14 UNION ALL
    SELECT 15
) AS s;

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
DROP TABLE schedule_versions;

CREATE VIEW schedule_versions AS
SELECT provider_id, SUM(version) AS version
FROM schedule_version_shards
GROUP BY provider_id;

CREATE TRIGGER users_schedule_version AFTER INSERT ON users
BEGIN
    INSERT INTO schedule_version_shards (provider_id, shard)
    SELECT NEW.id, s.shard FROM (
    SELECT 0 AS shard UNION ALL
    SELECT 1 UNION ALL
    SELECT 2 UNION ALL
    SELECT 3 UNION ALL
    SELECT 4 UNION ALL
    SELECT 5 UNION ALL
    SELECT 6 UNION ALL
    SELECT 7 UNION ALL
    SELECT 8 UNION ALL
    SELECT 9 UNION ALL
    SELECT 10 UNION ALL
    SELECT 11 UNION ALL
    SELECT 12 UNION ALL
    SELECT 13 UNION ALL
    SELECT 14 UNION ALL
    SELECT 15
    ) AS s;
END;

CREATE TRIGGER availability_rules_version_insert AFTER INSERT ON availability_rules
BEGIN
    UPDATE schedule_version_shards SET version = version + 1 WHERE provider_id = NEW.provider_id AND shard = 0;
END;
CREATE TRIGGER availability_rules_version_update AFTER UPDATE ON availability_rules
BEGIN
    UPDATE schedule_version_shards SET version = version + 1
    WHERE provider_id IN (OLD.provider_id, NEW.provider_id) AND shard = 0;
END;
CREATE TRIGGER availability_rules_version_delete AFTER DELETE ON availability_rules
BEGIN
    UPDATE schedule_version_shards SET version = version + 1 WHERE provider_id = OLD.provider_id AND shard = 0;
END;

CREATE TRIGGER date_overrides_version_insert AFTER INSERT ON date_overrides
BEGIN
    UPDATE schedule_version_shards SET version = version + 1 WHERE provider_id = NEW.provider_id AND shard = 0;
END;
CREATE TRIGGER date_overrides_version_update AFTER UPDATE ON date_overrides
BEGIN
    UPDATE schedule_version_shards SET version = version + 1
    WHERE provider_id IN (OLD.provider_id, NEW.provider_id) AND shard = 0;
END;
CREATE TRIGGER date_overrides_version_delete AFTER DELETE ON date_overrides
BEGIN
    UPDATE schedule_version_shards SET version = version + 1 WHERE provider_id = OLD.provider_id AND shard = 0;
END;

CREATE TRIGGER time_off_version_insert AFTER INSERT ON time_off
BEGIN
    UPDATE schedule_version_shards SET version = version + 1 WHERE provider_id = NEW.provider_id AND shard = 0;
END;
CREATE TRIGGER time_off_version_update AFTER UPDATE ON time_off
BEGIN
    UPDATE schedule_version_shards SET version = version + 1
    WHERE provider_id IN (OLD.provider_id, NEW.provider_id) AND shard = 0;
END;
CREATE TRIGGER time_off_version_delete AFTER DELETE ON time_off
BEGIN
    UPDATE schedule_version_shards SET version = version + 1 WHERE provider_id = OLD.provider_id AND shard = 0;
END;

CREATE TRIGGER booking_hosts_version_insert AFTER INSERT ON booking_hosts
BEGIN
    UPDATE schedule_version_shards SET version = version + 1 WHERE provider_id = NEW.host_id AND shard = 0;
END;
CREATE TRIGGER booking_hosts_version_update AFTER UPDATE ON booking_hosts
BEGIN
    UPDATE schedule_version_shards SET version = version + 1
    WHERE provider_id IN (OLD.host_id, NEW.host_id) AND shard = 0;
END;
CREATE TRIGGER booking_hosts_version_delete AFTER DELETE ON booking_hosts
BEGIN
    UPDATE schedule_version_shards SET version = version + 1 WHERE provider_id = OLD.host_id AND shard = 0;
END;

CREATE TRIGGER calendar_busy_blocks_version_insert AFTER INSERT ON calendar_busy_blocks
BEGIN
    UPDATE schedule_version_shards SET version = version + 1 WHERE provider_id = NEW.provider_id AND shard = 0;
END;
CREATE TRIGGER calendar_busy_blocks_version_update AFTER UPDATE ON calendar_busy_blocks
BEGIN
    UPDATE schedule_version_shards SET version = version + 1
    WHERE provider_id IN (OLD.provider_id, NEW.provider_id) AND shard = 0;
END;
CREATE TRIGGER calendar_busy_blocks_version_delete AFTER DELETE ON calendar_busy_blocks
BEGIN
    UPDATE schedule_version_shards SET version = version + 1 WHERE provider_id = OLD.provider_id AND shard = 0;
END;
