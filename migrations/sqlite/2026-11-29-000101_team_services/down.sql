DROP TABLE team_service_hosts;
DROP TABLE team_services;
DROP INDEX services_team;
ALTER TABLE services DROP COLUMN team_id;
