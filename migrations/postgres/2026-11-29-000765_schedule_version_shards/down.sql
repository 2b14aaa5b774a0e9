DROP TRIGGER calendar_busy_blocks_schedule_version ON calendar_busy_blocks;
DROP TRIGGER booking_hosts_schedule_version ON booking_hosts;
DROP TRIGGER time_off_schedule_version ON time_off;
DROP TRIGGER date_overrides_schedule_version ON date_overrides;
DROP TRIGGER availability_rules_schedule_version ON availability_rules;
DROP FUNCTION schedule_versions_bump_host();
DROP FUNCTION schedule_versions_bump_provider();
DROP TRIGGER users_schedule_version ON users;
DROP FUNCTION schedule_versions_new_user();
DROP VIEW schedule_versions;

CREATE TABLE schedule_versions (
    provider_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    version bigint NOT NULL DEFAULT 0
);
INSERT INTO schedule_versions (provider_id, version)
SELECT provider_id, SUM(version) FROM schedule_version_shards GROUP BY provider_id;
DROP TABLE schedule_version_shards;

CREATE FUNCTION schedule_versions_new_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO schedule_versions (provider_id) VALUES (NEW.id);
    RETURN NULL;
END
$$;
CREATE TRIGGER users_schedule_version AFTER INSERT ON users
FOR EACH ROW EXECUTE FUNCTION schedule_versions_new_user();

CREATE FUNCTION schedule_versions_bump_provider() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE schedule_versions SET version = version + 1 WHERE provider_id = NEW.provider_id;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE schedule_versions SET version = version + 1 WHERE provider_id = OLD.provider_id;
    ELSE
        UPDATE schedule_versions SET version = version + 1
        WHERE provider_id = OLD.provider_id OR provider_id = NEW.provider_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE FUNCTION schedule_versions_bump_host() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE schedule_versions SET version = version + 1 WHERE provider_id = NEW.host_id;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE schedule_versions SET version = version + 1 WHERE provider_id = OLD.host_id;
    ELSE
        UPDATE schedule_versions SET version = version + 1
        WHERE provider_id = OLD.host_id OR provider_id = NEW.host_id;
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
