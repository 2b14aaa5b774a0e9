-- Each provider's schedule version. Every write to a table the slot engine reads for a
-- provider (weekly hours, date overrides, time off, booking host rows, calendar busy
-- blocks) bumps it in the same transaction, whoever writes and from whichever instance, so
-- a schedule kept in memory is known current by one primary-key read (see
-- `db::models::availability::cache`). Every user has a row from the start.
CREATE TABLE schedule_versions (
    provider_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    version bigint NOT NULL DEFAULT 0
);
INSERT INTO schedule_versions (provider_id) SELECT id FROM users;

CREATE FUNCTION schedule_versions_new_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO schedule_versions (provider_id) VALUES (NEW.id);
    RETURN NULL;
END
$$;
CREATE TRIGGER users_schedule_version AFTER INSERT ON users
FOR EACH ROW EXECUTE FUNCTION schedule_versions_new_user();

-- One function per column name (provider_id; host_id on booking_hosts): reading the
-- column directly costs less in every writer's transaction than a generic row lookup.
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
