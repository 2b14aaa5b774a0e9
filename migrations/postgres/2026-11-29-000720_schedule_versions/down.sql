DROP TRIGGER calendar_busy_blocks_schedule_version ON calendar_busy_blocks;
DROP TRIGGER booking_hosts_schedule_version ON booking_hosts;
DROP TRIGGER time_off_schedule_version ON time_off;
DROP TRIGGER date_overrides_schedule_version ON date_overrides;
DROP TRIGGER availability_rules_schedule_version ON availability_rules;
DROP FUNCTION schedule_versions_bump();
DROP TRIGGER users_schedule_version ON users;
DROP FUNCTION schedule_versions_new_user();
DROP TABLE schedule_versions;
