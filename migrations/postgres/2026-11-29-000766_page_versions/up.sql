-- A provider's schedule version also moves with what the public month and day pages read
-- besides the schedule: the provider's own row (name, handle, timezone, whether they take
-- bookings), their services and their look. The pages then keep those rows in memory too
-- and know them current by the same one primary-key read (see
-- `db::models::service_pages`). A bump only makes the next view read afresh.
-- Like the schedule's triggers (000765), it raises the shard of this connection.
CREATE FUNCTION schedule_versions_bump_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE schedule_version_shards SET version = version + 1
    WHERE provider_id = NEW.id AND shard = pg_backend_pid() % 16;
    RETURN NULL;
END
$$;
CREATE TRIGGER users_page_version
AFTER UPDATE ON users
FOR EACH ROW EXECUTE FUNCTION schedule_versions_bump_user();
CREATE TRIGGER services_page_version
AFTER INSERT OR UPDATE OR DELETE ON services
FOR EACH ROW EXECUTE FUNCTION schedule_versions_bump_provider();
CREATE TRIGGER provider_looks_page_version
AFTER INSERT OR UPDATE OR DELETE ON provider_looks
FOR EACH ROW EXECUTE FUNCTION schedule_versions_bump_provider();
