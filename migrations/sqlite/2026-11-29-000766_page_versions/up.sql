-- A provider's schedule version also moves with what the public month and day pages read
-- besides the schedule: the provider's own row (name, handle, timezone, whether they take
-- bookings), their services and their look. The pages then keep those rows in memory too
-- and know them current by the same one primary-key read (see
-- `db::models::service_pages`). A bump only makes the next view read afresh. Like the
-- schedule's triggers (000765), SQLite raises shard 0 of the provider's version.
CREATE TRIGGER users_page_version_update AFTER UPDATE ON users
BEGIN
    UPDATE schedule_version_shards SET version = version + 1 WHERE provider_id = NEW.id AND shard = 0;
END;

CREATE TRIGGER services_page_version_insert AFTER INSERT ON services
BEGIN
    UPDATE schedule_version_shards SET version = version + 1 WHERE provider_id = NEW.provider_id AND shard = 0;
END;
CREATE TRIGGER services_page_version_update AFTER UPDATE ON services
BEGIN
    UPDATE schedule_version_shards SET version = version + 1
    WHERE provider_id IN (OLD.provider_id, NEW.provider_id) AND shard = 0;
END;
CREATE TRIGGER services_page_version_delete AFTER DELETE ON services
BEGIN
    UPDATE schedule_version_shards SET version = version + 1 WHERE provider_id = OLD.provider_id AND shard = 0;
END;

CREATE TRIGGER provider_looks_page_version_insert AFTER INSERT ON provider_looks
BEGIN
    UPDATE schedule_version_shards SET version = version + 1 WHERE provider_id = NEW.provider_id AND shard = 0;
END;
CREATE TRIGGER provider_looks_page_version_update AFTER UPDATE ON provider_looks
BEGIN
    UPDATE schedule_version_shards SET version = version + 1
    WHERE provider_id IN (OLD.provider_id, NEW.provider_id) AND shard = 0;
END;
CREATE TRIGGER provider_looks_page_version_delete AFTER DELETE ON provider_looks
BEGIN
    UPDATE schedule_version_shards SET version = version + 1 WHERE provider_id = OLD.provider_id AND shard = 0;
END;
