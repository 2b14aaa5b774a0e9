//! Test harness: `spawn_app(Backend)` starts the real application on port 0 against a
//! fresh database (a temp SQLite file, or a new PostgreSQL database dropped afterwards).

use std::io::Write;
use std::sync::{Arc, Once};

use chrono::{DateTime, TimeZone, Utc};
use diesel::{Connection, RunQueryDsl};
use slotbook::clock::ManualClock;
use slotbook::config::Settings;
use slotbook::db::{DatabaseUrl, DbConnection};
use slotbook::email::{SentMail, Transport};
use slotbook::startup::{Application, Dependencies};
use slotbook::state::AppState;

mod accounts;
pub use accounts::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Generates `mod <test>::{sqlite, postgres}` running `async fn <test>(app: TestApp)` on
/// each backend.
#[macro_export]
macro_rules! both_backends {
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                if let Some(app) = $crate::helpers::spawn_app($crate::helpers::Backend::Sqlite).await {
                    super::$name(app).await;
                }
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if let Some(app) = $crate::helpers::spawn_app($crate::helpers::Backend::Postgres).await {
                    super::$name(app).await;
                }
            }
        }
    )+};
}

/// Generates `mod <test>::{sqlite, postgres}` running `async fn <test>(backend: Backend)`,
/// for tests that build their own app (another transport, several instances, a subprocess).
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::helpers::Backend::Sqlite).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$name($crate::helpers::Backend::Postgres).await;
            }
        }
    )+};
}

// Not every test binary build uses every field; the harness is shared by all areas.
#[allow(dead_code)]
pub struct TestApp {
    pub address: String,
    pub backend: Backend,
    pub client: reqwest::Client,
    pub state: AppState,
    pub clock: Arc<ManualClock>,
    pub server: actix_web::dev::ServerHandle,
    _database: TestDatabase,
    _data_dir: tempfile::TempDir,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // Sends the stop command at once; the server's own thread carries it out.
        drop(self.server.stop(false));
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        let response = self
            .client
            .get(self.url(path))
            .send()
            .await
            .expect("request failed");
        crate::checkers::record(response).await
    }

    /// Runs blocking database work off the async threads.
    pub async fn db<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut DbConnection) -> T + Send + 'static,
    ) -> T {
        let pool = self.state.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().expect("pooled connection");
            f(&mut conn)
        })
        .await
        .expect("blocking task")
    }
}

/// A fixed "now" for tests: Monday 2030-01-07 08:00 UTC, far from DST changes.
pub fn test_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2030, 1, 7, 8, 0, 0).unwrap()
}

enum TestDatabase {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres {
        admin_url: String,
        name: String,
        _dir: tempfile::TempDir,
    },
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let TestDatabase::Postgres {
            admin_url, name, ..
        } = self
        {
            if let Ok(mut conn) = diesel::PgConnection::establish(admin_url) {
                let _ =
                    diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                        .execute(&mut conn);
            }
        }
    }
}

pub fn postgres_admin_url() -> String {
    let url = std::env::var("SLOTBOOK_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    // See `replace_database`: no TLS to the local test server.
    match (url.contains("sslmode"), url.contains('?')) {
        (true, _) => url,
        (false, true) => format!("{url}&sslmode=disable"),
        (false, false) => format!("{url}?sslmode=disable"),
    }
}

fn postgres_required() -> bool {
    std::env::var("SLOTBOOK_TEST_POSTGRES_REQUIRED").is_ok_and(|v| v == "1" || v == "true")
}

fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    let prefix = match base[after_scheme..].rfind('/') {
        Some(slash) => &base[..after_scheme + slash],
        None => base,
    };
    // The local test server needs no TLS; without it libpq never initializes OpenSSL,
    // whose exit-time cleanup can race connection threads still open at process exit.
    match query {
        Some(query) if query.contains("sslmode") => format!("{prefix}/{name}?{query}"),
        Some(query) => format!("{prefix}/{name}?{query}&sslmode=disable"),
        None => format!("{prefix}/{name}?sslmode=disable"),
    }
}

/// Creates the database for one test, or `None` when PostgreSQL is unreachable and not
/// required (said once per run, on stderr, past the test harness's capture).
fn create_database(backend: Backend) -> Option<(DatabaseUrl, TestDatabase, tempfile::TempDir)> {
    match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            let data = tempfile::tempdir().expect("temp dir");
            let url = DatabaseUrl::Sqlite(dir.path().join("test.db"));
            Some((url, TestDatabase::Sqlite(dir), data))
        }
        Backend::Postgres => {
            let admin_url = postgres_admin_url();
            let mut admin = match diesel::PgConnection::establish(&admin_url) {
                Ok(conn) => conn,
                Err(error) if !postgres_required() => {
                    static SAID: Once = Once::new();
                    SAID.call_once(|| {
                        let _ = writeln!(
                            std::io::stderr(),
                            "PostgreSQL unreachable at {admin_url} ({error}): PostgreSQL test variants are skipped; set SLOTBOOK_TEST_POSTGRES_REQUIRED=1 to fail instead"
                        );
                    });
                    return None;
                }
                Err(error) => panic!("PostgreSQL required but unreachable at {admin_url}: {error}"),
            };
            let name = format!("slotbook_test_{}", uuid::Uuid::new_v4().simple());
            diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
                .execute(&mut admin)
                .expect("create test database");
            let url = DatabaseUrl::Postgres(replace_database(&admin_url, &name));
            let data = tempfile::tempdir().expect("temp dir");
            let dir = tempfile::tempdir().expect("temp dir");
            Some((
                url,
                TestDatabase::Postgres {
                    admin_url,
                    name,
                    _dir: dir,
                },
                data,
            ))
        }
    }
}

pub async fn spawn_app(backend: Backend) -> Option<TestApp> {
    spawn_app_with(backend, |_| {}).await
}

pub async fn spawn_app_with(
    backend: Backend,
    configure: impl FnOnce(&mut Settings),
) -> Option<TestApp> {
    spawn_app_with_deps(backend, configure, |_| {}).await
}

/// Like `spawn_app_with`, and `configure_deps` may change what tests replace (e.g. run the
/// mail worker on a timer with `mail_every`).
pub async fn spawn_app_with_deps(
    backend: Backend,
    configure: impl FnOnce(&mut Settings),
    configure_deps: impl FnOnce(&mut Dependencies),
) -> Option<TestApp> {
    static LOGS: Once = Once::new();
    LOGS.call_once(|| {
        if let Ok(level) = std::env::var("TEST_LOG") {
            slotbook::telemetry::init(&level, slotbook::config::LogFormat::Text);
        }
    });
    let (url, database, data_dir) = create_database(backend)?;
    let mut settings = Settings::for_database(url, data_dir.path().to_path_buf());
    settings.bind = "127.0.0.1:0".parse().unwrap();
    settings.secret_key = Some("test-secret-key-that-is-long-enough-0123456789".to_owned());
    settings.db_pool_size = 16;
    configure(&mut settings);
    let clock = ManualClock::new(test_now());
    let mut deps = Dependencies {
        clock: clock.clone(),
        jobs_every: None,
        // Tests deliver mail with `deliver_due` (or `TestApp::delivered_mail`), and it is
        // caught in memory unless the test points SMTP_URL at a server of its own.
        mail_every: None,
        mail_transport: settings.smtp_url.is_none().then(Transport::memory),
        // Tests deliver webhooks with `webhooks::deliver_due`.
        webhooks_every: None,
    };
    configure_deps(&mut deps);
    let app = Application::build_with(settings, deps)
        .await
        .expect("application builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let state = app.state().clone();
    // The server runs on a thread of its own with its own runtime, so that dropping the
    // TestApp can stop it (and its worker threads) whatever happens to the test's runtime:
    // worker threads left running at process exit can crash the test binary.
    let server = app.server_handle();
    std::thread::spawn(move || {
        let _ = actix_web::rt::System::new().block_on(app.run_until_stopped());
    });
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .unwrap();
    Some(TestApp {
        address,
        backend,
        client,
        state,
        clock,
        server,
        _database: database,
        _data_dir: data_dir,
    })
}

#[test]
fn database_names_replace_only_the_path() {
    assert_eq!(
        replace_database("postgres://postgres@127.0.0.1:5432/postgres", "x"),
        "postgres://postgres@127.0.0.1:5432/x?sslmode=disable"
    );
    assert_eq!(
        replace_database("postgres://u@h/db?sslmode=disable", "x"),
        "postgres://u@h/x?sslmode=disable"
    );
}

/// The value of the hidden `csrf_token` field in a page.
pub fn csrf_token(html: &str) -> String {
    hidden_field(html, "csrf_token").expect("page has a csrf_token field")
}

/// The value of a named `<input>` in a page, as the browser would submit it.
pub fn hidden_field(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\"");
    let at = html.find(&marker)?;
    let tag_start = html[..at].rfind('<')?;
    let tag_end = at + html[at..].find('>')?;
    let tag = &html[tag_start..tag_end];
    let value_at = tag.find("value=\"")? + "value=\"".len();
    let value_end = value_at + tag[value_at..].find('"')?;
    Some(unescape(&tag[value_at..value_end]))
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

impl TestApp {
    /// GETs a page and returns its CSRF token (the session cookie is kept by the client).
    pub async fn csrf_for(&self, path: &str) -> String {
        let html = self.get(path).await.text().await.unwrap();
        csrf_token(&html)
    }

    /// POSTs a form (urlencoded) as a browser would.
    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        let body = form
            .iter()
            .map(|(k, v)| format!("{}={}", urlencoding::encode(k), urlencoding::encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let response = self
            .client
            .post(self.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .expect("request failed");
        crate::checkers::record(response).await
    }
}

/// The Location header of a redirect.
pub fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// Every queued or sent mail as (recipient, subject, text body), oldest first.
pub async fn outbox(app: &TestApp) -> Vec<(String, String, String)> {
    use diesel::prelude::*;
    use slotbook::db::schema::outbox;
    app.db(|conn| {
        outbox::table
            .order(outbox::created_at.asc())
            .select((outbox::recipient, outbox::subject, outbox::text_body))
            .load::<(String, String, String)>(conn)
            .unwrap()
    })
    .await
}

impl TestApp {
    /// Runs one mail delivery pass, then returns every mail the in-memory transport has sent
    /// so far, oldest first.
    pub async fn delivered_mail(&self) -> Vec<SentMail> {
        slotbook::email::worker::deliver_due(&self.state)
            .await
            .expect("mail delivery pass");
        self.state
            .mailer
            .memory()
            .expect("the app uses the in-memory mail transport")
            .messages()
    }
}

// ---- Databases for tests that start the application themselves ----

/// A fresh, empty database (not migrated) that is dropped with this value, for tests that
/// run the real binary or several instances: `url` for `DATABASE_URL`.
pub struct FreshDatabase {
    pub url: DatabaseUrl,
    _database: TestDatabase,
    _dir: tempfile::TempDir,
}

impl FreshDatabase {
    /// The `DATABASE_URL` text for this database.
    pub fn url_text(&self) -> String {
        match &self.url {
            DatabaseUrl::Postgres(url) => url.clone(),
            DatabaseUrl::Sqlite(path) => format!("sqlite://{}", path.display()),
        }
    }
}

/// `None` when PostgreSQL is unreachable and not required (as for `spawn_app`).
pub fn fresh_database(backend: Backend) -> Option<FreshDatabase> {
    let (url, database, dir) = create_database(backend)?;
    Some(FreshDatabase {
        url,
        _database: database,
        _dir: dir,
    })
}

impl TestApp {
    /// The administrator URL of the PostgreSQL server and this app's database name (tests
    /// that take the database away and give it back); `None` on SQLite.
    pub fn postgres_database(&self) -> Option<(String, String)> {
        match &self._database {
            TestDatabase::Postgres {
                admin_url, name, ..
            } => Some((admin_url.clone(), name.clone())),
            TestDatabase::Sqlite(_) => None,
        }
    }
}

/// Runs the pending migrations older than `version` (`20261129000740`), one by one: a
/// database as it was before that migration, for tests that migration carries rows over.
pub fn migrate_to_before(conn: &mut DbConnection, version: &str) {
    use diesel::migration::MigrationSource;
    use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};
    const PG: EmbeddedMigrations = embed_migrations!("migrations/postgres");
    const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");

    fn run<C, DB>(conn: &mut C, source: fn() -> EmbeddedMigrations, version: &str)
    where
        DB: diesel::backend::Backend,
        C: MigrationHarness<DB>,
        EmbeddedMigrations: MigrationSource<DB>,
    {
        loop {
            let pending = conn.pending_migrations(source()).unwrap();
            let Some(next) = pending.first() else { break };
            if next.name().version().to_string().as_str() >= version {
                break;
            }
            conn.run_migration(next.as_ref()).unwrap();
        }
    }
    match conn {
        DbConnection::Pg(c) => run(c, || PG, version),
        DbConnection::Sqlite(c) => run(c, || SQLITE, version),
    }
}
