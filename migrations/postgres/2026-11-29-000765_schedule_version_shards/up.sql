-- A provider's schedule version was one row, raised by every booking of theirs: that row
-- stayed locked until each booking's commit was on disk, so the bookings of one provider
-- committed one after another, never together (about 90 commits a second on a disk that
-- does 1,000 shared ones). The version is now the sum of SHARDS rows per provider, and a
-- writer raises the row of its own connection (`pg_backend_pid() % 16`): concurrent
-- bookings of one provider lock different rows and their commits share WAL flushes.
-- `schedule_versions` stays, as a view, so its readers are unchanged; the sum only grows
-- and changes with every commit that changes the schedule, as the single row did.
-- Keep in step with migrations/sqlite/ (same directory name; SQLite has one writer and
-- raises shard 0).
CREATE TABLE schedule_version_shards (
    provider_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    shard integer NOT NULL CHECK (shard BETWEEN 0 AND 15),
    version bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (provider_id, shard)
);
INSERT INTO schedule_version_shards (provider_id, shard, version)
SELECT v.provider_id, s.shard, CASE WHEN s.shard = 0 THEN v.version ELSE 0 END
FROM schedule_versions v CROSS JOIN generate_series(0, 15) AS s (shard);

DROP TRIGGER calendar_busy_blocks_schedule_version ON calendar_busy_blocks;
DROP TRIGGER booking_hosts_schedule_version ON booking_hosts;
DROP TRIGGER time_off_schedule_version ON time_off;
DROP TRIGGER date_overrides_schedule_version ON date_overrides;
DROP TRIGGER availability_rules_schedule_version ON availability_rules;
DROP FUNCTION schedule_versions_bump_host();
DROP FUNCTION schedule_versions_bump_provider();
DROP TRIGGER users_schedule_version ON users;
DROP FUNCTION schedule_versions_new_user();
DROP TABLE schedule_versions;

CREATE VIEW schedule_versions AS
SELECT provider_id, SUM(version)::bigint AS version
FROM schedule_version_shards
GROUP BY provider_id;

-- Every user has all their shard rows from the start, so a writer only ever updates (a
-- user being deleted updates nothing, where an upsert would refer to them).
CREATE FUNCTION schedule_versions_new_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO schedule_version_shards (provider_id, shard)
    SELECT NEW.id, s FROM generate_series(0, 15) AS s;
    RETURN NULL;
END
$$;
CREATE TRIGGER users_schedule_version AFTER INSERT ON users
FOR EACH ROW EXECUTE FUNCTION schedule_versions_new_user();

-- The shard of this connection: one transaction always raises the same row of a provider,
-- so two transactions never wait on each other in opposite orders.
CREATE FUNCTION schedule_versions_bump_provider() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    my_shard integer := pg_backend_pid() % 16;
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE schedule_version_shards SET version = version + 1
        WHERE provider_id = NEW.provider_id AND shard = my_shard;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE schedule_version_shards SET version = version + 1
        WHERE provider_id = OLD.provider_id AND shard = my_shard;
    ELSE
        UPDATE schedule_version_shards SET version = version + 1
        WHERE (provider_id = OLD.provider_id OR provider_id = NEW.provider_id)
          AND shard = my_shard;
    END IF;
    RETURN NULL;
END
$$;
CREATE FUNCTION schedule_versions_bump_host() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    my_shard integer := pg_backend_pid() % 16;
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE schedule_version_shards SET version = version + 1
        WHERE provider_id = NEW.host_id AND shard = my_shard;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE schedule_version_shards SET version = version + 1
        WHERE provider_id = OLD.host_id AND shard = my_shard;
    ELSE
        UPDATE schedule_version_shards SET version = version + 1
        WHERE (provider_id = OLD.host_id OR provider_id = NEW.host_id)
          AND shard = my_shard;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER availability_rules_schedule_version
AFTER INSERT OR UPDATE OR DELETE ON availability_rules
FOR EACH ROW EXECUTE FUNCTION schedule_versions_bump_provider();
CREATE TRIGGER date_overrides_schedule_version
AFTER INSERT OR UPDATE OR DELETE ON date_overrides
FOR EACH ROW EXECUTE FUNCTION schedule_versions_bump_provider();
CREATE TRIGGER time_off_schedule_version
AFTER INSERT OR UPDATE OR DELETE ON time_off
FOR EACH ROW EXECUTE FUNCTION schedule_versions_bump_provider();
CREATE TRIGGER booking_hosts_schedule_version
AFTER INSERT OR UPDATE OR DELETE ON booking_hosts
FOR EACH ROW EXECUTE FUNCTION schedule_versions_bump_host();
CREATE TRIGGER calendar_busy_blocks_schedule_version
AFTER INSERT OR UPDATE OR DELETE ON calendar_busy_blocks
FOR EACH ROW EXECUTE FUNCTION schedule_versions_bump_provider();
