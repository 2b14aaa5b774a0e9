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

-- TG_ARGV[0]: the column that names the provider (host_id on booking_hosts).
CREATE FUNCTION schedule_versions_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_id uuid;
    new_id uuid;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        old_id := (to_jsonb(OLD) ->> TG_ARGV[0])::uuid;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_id := (to_jsonb(NEW) ->> TG_ARGV[0])::uuid;
    END IF;
    UPDATE schedule_versions SET version = version + 1
    WHERE provider_id = old_id OR provider_id = new_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER availability_rules_schedule_version
AFTER INSERT OR UPDATE OR DELETE ON availability_rules
FOR EACH ROW EXECUTE FUNCTION schedule_versions_bump('provider_id');
CREATE TRIGGER date_overrides_schedule_version
AFTER INSERT OR UPDATE OR DELETE ON date_overrides
FOR EACH ROW EXECUTE FUNCTION schedule_versions_bump('provider_id');
CREATE TRIGGER time_off_schedule_version
AFTER INSERT OR UPDATE OR DELETE ON time_off
FOR EACH ROW EXECUTE FUNCTION schedule_versions_bump('provider_id');
CREATE TRIGGER booking_hosts_schedule_version
AFTER INSERT OR UPDATE OR DELETE ON booking_hosts
FOR EACH ROW EXECUTE FUNCTION schedule_versions_bump('host_id');
CREATE TRIGGER calendar_busy_blocks_schedule_version
AFTER INSERT OR UPDATE OR DELETE ON calendar_busy_blocks
FOR EACH ROW EXECUTE FUNCTION schedule_versions_bump('provider_id');
