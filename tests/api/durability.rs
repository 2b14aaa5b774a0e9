//! Durability and start-up, with the real binary where it matters: subcommands on a fresh
//! directory, several instances migrating one fresh database at once, and a booking that
//! survives `kill -9` with its mail queued. On SQLite and PostgreSQL.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use chrono::{DateTime, NaiveTime, SubsecRound, TimeDelta, Utc, Weekday};
use diesel::prelude::*;
use slotbook::clock::SystemClock;
use slotbook::config::Settings;
use slotbook::db::models::{availability, services, users};
use slotbook::db::schema::{bookings, outbox, users as users_table};
use slotbook::db::types::DbId;
use slotbook::db::{self, DatabaseUrl, DbConnection};
use slotbook::domain::availability::WeeklyRule;
use slotbook::domain::service::{ConfirmationMode, ServiceSpec};
use slotbook::email::Transport;
use slotbook::startup::{Application, Dependencies};

use crate::helpers::{csrf_token, fresh_database, hidden_field, location, Backend, FreshDatabase};

crate::on_both_backends!(
    migrate_and_admin_create_work_on_a_fresh_directory,
    four_instances_start_together_on_a_fresh_database,
    a_committed_booking_survives_kill_9_with_its_mail_queued,
);

const BINARY: &str = env!("CARGO_BIN_EXE_slotbook");
const SECRET_KEY: &str = "durability-test-secret-key-0123456789abcdef";

/// The real binary with a clean environment: only what the test passes reaches it.
fn slotbook(data_dir: &Path, database_url: Option<&str>) -> Command {
    let mut command = Command::new(BINARY);
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("DATA_DIR", data_dir)
        .env("SECRET_KEY", SECRET_KEY)
        .env("LOG_LEVEL", "info")
        .env("LOG_FORMAT", "json");
    if let Some(url) = database_url {
        command.env("DATABASE_URL", url);
    }
    command
}

/// `DATABASE_URL` for the subprocess: on SQLite `None`, so the default under DATA_DIR is the
/// one in use (the case that failed); on PostgreSQL the fresh database.
fn database_for(backend: Backend) -> Option<Option<FreshDatabase>> {
    match backend {
        Backend::Sqlite => Some(None),
        Backend::Postgres => fresh_database(Backend::Postgres).map(Some),
    }
}

fn connect(url: &DatabaseUrl) -> DbConnection {
    url.connect().expect("the test connects to the database")
}

async fn migrate_and_admin_create_work_on_a_fresh_directory(backend: Backend) {
    let Some(database) = database_for(backend) else {
        return;
    };
    let root = tempfile::tempdir().unwrap();
    let url_text = database.as_ref().map(FreshDatabase::url_text);

    // `migrate` alone, in a directory that does not exist yet (nor does its parent).
    let data_dir = root.path().join("fresh").join("data");
    let output = slotbook(&data_dir, url_text.as_deref())
        .arg("migrate")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "migrate failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("migrations are up to date"));
    assert!(data_dir.is_dir(), "DATA_DIR was created");
    let url = match &database {
        Some(db) => db.url.clone(),
        None => DatabaseUrl::Sqlite(data_dir.join("slotbook.db")),
    };
    assert!(db::migrations_current(&mut connect(&url)).unwrap());

    // `admin create` as the very first command in another fresh directory.
    let admin_dir = root.path().join("other").join("data");
    let output = slotbook(&admin_dir, url_text.as_deref())
        .args(["admin", "create", "--username", "ada", "--email"])
        .args(["ada@example.com", "--full-name", "Ada Admin"])
        .env("SLOTBOOK_ADMIN_PASSWORD", "a long enough password")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "admin create failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(admin_dir.is_dir(), "DATA_DIR was created");
    let admin_url = match &database {
        Some(db) => db.url.clone(),
        None => DatabaseUrl::Sqlite(admin_dir.join("slotbook.db")),
    };
    let role: String = users_table::table
        .filter(users_table::username.eq("ada"))
        .select(users_table::role)
        .first(&mut connect(&admin_url))
        .unwrap();
    assert_eq!(role, "admin");
}

async fn four_instances_start_together_on_a_fresh_database(backend: Backend) {
    let Some(database) = fresh_database(backend) else {
        return;
    };
    let dirs: Vec<tempfile::TempDir> = (0..4).map(|_| tempfile::tempdir().unwrap()).collect();
    let build = |dir: &tempfile::TempDir| {
        let mut settings = Settings::for_database(database.url.clone(), dir.path().to_path_buf());
        settings.bind = "127.0.0.1:0".parse().unwrap();
        settings.secret_key = Some(SECRET_KEY.to_owned());
        settings.db_pool_size = 2;
        Application::build_with(
            settings,
            Dependencies {
                clock: std::sync::Arc::new(SystemClock),
                jobs_every: None,
                mail_transport: Some(Transport::memory()),
                mail_every: None,
                webhooks_every: None,
            },
        )
    };
    let (a, b, c, d) = tokio::join!(
        build(&dirs[0]),
        build(&dirs[1]),
        build(&dirs[2]),
        build(&dirs[3])
    );
    let mut servers = Vec::new();
    for (i, app) in [a, b, c, d].into_iter().enumerate() {
        let app = app.unwrap_or_else(|e| panic!("instance {i} did not start: {e:#}"));
        servers.push(RunningApp::start(app));
    }
    let client = reqwest::Client::new();
    for server in &servers {
        let ready = client
            .get(format!("{}/readyz", server.address))
            .send()
            .await
            .unwrap();
        assert_eq!(ready.status(), 200, "{}", server.address);
        assert_eq!(ready.text().await.unwrap(), "ready");
    }
}

/// An in-process application served on a thread of its own, stopped on drop.
struct RunningApp {
    address: String,
    handle: actix_web::dev::ServerHandle,
}

impl RunningApp {
    fn start(app: Application) -> Self {
        let address = format!("http://127.0.0.1:{}", app.port());
        let handle = app.server_handle();
        std::thread::spawn(move || {
            let _ = actix_web::rt::System::new().block_on(app.run_until_stopped());
        });
        Self { address, handle }
    }
}

impl Drop for RunningApp {
    fn drop(&mut self) {
        drop(self.handle.stop(false));
    }
}

// ---- kill -9 ----

/// `slotbook serve` as a child process on a free port; killed (SIGKILL) on drop.
struct Server {
    child: Child,
    address: String,
}

impl Server {
    fn start(data_dir: &Path, database_url: &str) -> Self {
        let mut child = slotbook(data_dir, Some(database_url))
            .env("BIND", "127.0.0.1:0")
            .arg("serve")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let (port_tx, port_rx) = mpsc::channel();
        // Reads the log to the end, so the child never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(port) = listening_port(&line) {
                    let _ = port_tx.send(port);
                }
            }
        });
        let port = port_rx
            .recv_timeout(Duration::from_secs(60))
            .expect("the server logs its port within a minute");
        Self {
            child,
            address: format!("http://127.0.0.1:{port}"),
        }
    }

    /// SIGKILL: no shutdown hook, no flush, no drain.
    fn kill_9(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The port of the JSON log line "slotbook is listening".
fn listening_port(line: &str) -> Option<u16> {
    let value: serde_json::Value = serde_json::from_str(line).ok()?;
    let fields = value.get("fields")?;
    if fields.get("message")?.as_str()? != "slotbook is listening" {
        return None;
    }
    u16::try_from(fields.get("port")?.as_u64()?).ok()
}

/// A provider in UTC open every day 08:00–20:00 with an instant-confirmation service
/// `/alice/intro`, on the real clock (the binary runs on it).
fn seed_provider(conn: &mut DbConnection, now: DateTime<Utc>) {
    let id = users::insert(
        conn,
        &users::NewUser {
            username: "alice",
            email: "alice@example.com",
            password_hash: "unused",
            full_name: "Alice Example",
            timezone: "UTC",
            role: "provider",
            email_verified_at: Some(now),
        },
        now,
    )
    .unwrap();
    let spec = ServiceSpec {
        name: "Intro call".into(),
        slug: "intro".into(),
        min_notice_minutes: 0,
        confirmation_mode: ConfirmationMode::Instant,
        ..ServiceSpec::defaults()
    };
    services::insert(conn, id, &spec, now).unwrap();
    for day in [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ] {
        let rule = WeeklyRule::new(
            day,
            NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
            NaiveTime::from_hms_opt(20, 0, 0).unwrap(),
        );
        availability::insert_rule(conn, id, &rule, now).unwrap();
    }
}

async fn a_committed_booking_survives_kill_9_with_its_mail_queued(backend: Backend) {
    let Some(database) = fresh_database(backend) else {
        return;
    };
    let data_dir = tempfile::tempdir().unwrap();
    let now = Utc::now().trunc_subsecs(6);
    {
        let mut conn = connect(&database.url);
        db::run_migrations(&mut conn).unwrap();
        seed_provider(&mut conn, now);
    }
    let start = (now.date_naive() + TimeDelta::days(1))
        .and_hms_opt(12, 0, 0)
        .unwrap()
        .and_utc();

    let server = Server::start(data_dir.path(), &database.url_text());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .unwrap();
    let form_url = format!(
        "{}/alice/intro/book?start={}&tz=UTC",
        server.address,
        start.timestamp()
    );
    let form = client.get(&form_url).send().await.unwrap();
    assert_eq!(form.status(), 200);
    let html = form.text().await.unwrap();
    let key = hidden_field(&html, "idempotency_key").unwrap();
    let start_text = start.timestamp().to_string();
    let body = serde_html_form::to_string([
        ("csrf_token", csrf_token(&html).as_str()),
        ("start", &start_text),
        ("tz", "UTC"),
        ("idempotency_key", &key),
        ("name", "Grace Guest"),
        ("email", "grace@example.com"),
    ])
    .unwrap();
    let booked = client
        .post(format!("{}/alice/intro/book", server.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    // The answer is in: kill the process before anything else can happen.
    server.kill_9();
    assert_eq!(booked.status(), 303, "the booking was accepted");
    let done = location(&booked);
    assert_eq!(done, format!("/b/booked/{key}"));

    let restarted = Server::start(data_dir.path(), &database.url_text());
    let page = client
        .get(format!("{}{done}", restarted.address))
        .send()
        .await
        .unwrap();
    assert_eq!(
        page.status(),
        200,
        "the booking page answers after the restart"
    );
    let text = page.text().await.unwrap();
    assert!(text.contains("Intro call"), "{text}");

    let mut conn = connect(&database.url);
    let (booking_id, status): (uuid::Uuid, String) = bookings::table
        .filter(bookings::idempotency_key.eq(&key))
        .select((bookings::id, bookings::status))
        .first(&mut conn)
        .expect("the booking survived");
    assert_eq!(status, "confirmed");
    let mails: Vec<(String, String)> = outbox::table
        .filter(outbox::booking_id.eq(Some(DbId(booking_id))))
        .select((outbox::recipient, outbox::status))
        .load(&mut conn)
        .unwrap();
    let guest_mail = mails
        .iter()
        .find(|(to, _)| to == "grace@example.com")
        .unwrap_or_else(|| panic!("the guest's mail survived: {mails:?}"));
    // Queued, in flight at the kill, or already sent (then its file is there).
    assert!(
        ["queued", "sending", "sent"].contains(&guest_mail.1.as_str()),
        "{mails:?}"
    );
    if guest_mail.1 == "sent" {
        let files = std::fs::read_dir(data_dir.path().join("mail"))
            .unwrap()
            .count();
        assert!(files > 0, "a sent mail has its file");
    }
    assert!(
        mails.iter().any(|(to, _)| to == "alice@example.com"),
        "the provider's mail survived: {mails:?}"
    );
}

// ---- SQLite durability setting ----

#[derive(QueryableByName)]
struct Synchronous {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    synchronous: i32,
}

/// Every pooled SQLite connection commits with `synchronous = FULL` (2): with NORMAL, WAL
/// may lose the last commits on power loss. PostgreSQL has no such setting to check.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_connections_commit_with_synchronous_full() {
    let Some(app) = crate::helpers::spawn_app(Backend::Sqlite).await else {
        return;
    };
    let pool = app.state.pool.clone();
    let levels = tokio::task::spawn_blocking(move || {
        // Several at once, so the pool has to open more than its first connection.
        let mut held: Vec<_> = (0..4).map(|_| pool.get().unwrap()).collect();
        held.iter_mut()
            .map(|conn| {
                diesel::sql_query("PRAGMA synchronous")
                    .get_result::<Synchronous>(&mut **conn)
                    .unwrap()
                    .synchronous
            })
            .collect::<Vec<_>>()
    })
    .await
    .unwrap();
    assert_eq!(levels, [2, 2, 2, 2]);
}
