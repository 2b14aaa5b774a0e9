DROP TRIGGER provider_looks_page_version ON provider_looks;
DROP TRIGGER services_page_version ON services;
DROP TRIGGER users_page_version ON users;
DROP FUNCTION schedule_versions_bump_user();
