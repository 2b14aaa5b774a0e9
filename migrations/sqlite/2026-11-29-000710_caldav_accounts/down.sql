DROP TABLE calendar_writes;
DROP INDEX calendar_sources_account;
ALTER TABLE calendar_sources DROP COLUMN name;
ALTER TABLE calendar_sources DROP COLUMN account_id;
DROP TABLE calendar_accounts;
