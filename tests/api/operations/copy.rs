//! `slotbook copy`: an instance filled through its pages on SQLite (plus teams, API tokens,
//! webhooks, calendar sources and a provider look: a row in every table) moves to
//! PostgreSQL with every row (ids, hashes, timestamps kept) and works there: same pages,
//! same links; and back from PostgreSQL into a new SQLite file, the same again. And the
//! copy refuses a non-empty target and any table it does not know.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use slotbook::clock::{Clock as _, ManualClock};
use slotbook::config::Settings;
use slotbook::db::schema::bookings;
use slotbook::db::types::DbTime;
use slotbook::db::{self, transfer, DatabaseUrl, DbConnection};
use slotbook::email::Transport;
use slotbook::ops::copy::{TABLES, VIEWS};
use slotbook::startup::{Application, Dependencies};

use super::copy_fixture::{fill, fill_the_rest, guest_link, read_more_rows, read_rows, row_counts};
use super::{fail, slotbook, succeed, url_text};
use crate::helpers::{csrf_token, fresh_database, location, spawn_app, Backend, TEST_PASSWORD};

crate::on_both_backends!(a_migrated_database_has_exactly_the_tables_the_copy_knows);

/// The tables `schema.rs` declares, read from its text: a table added to the schema
/// without being added to `TABLES` fails here, before any database is involved.
#[test]
fn the_copy_knows_every_table_of_the_schema() {
    let schema = include_str!("../../../src/db/schema.rs");
    let mut declared: Vec<&str> = schema
        .split("diesel::table! {")
        .skip(1)
        .map(|block| {
            let body = block.trim_start();
            // Skip the block's `use` lines: the table's name comes before its `(key)`.
            let line = body
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty() && !l.starts_with("use "))
                .expect("a table line");
            line.split(['(', ' ']).next().expect("a table name")
        })
        .collect();
    declared.sort_unstable();
    let mut known: Vec<&str> = TABLES.iter().chain(VIEWS).copied().collect();
    known.sort_unstable();
    assert_eq!(
        declared, known,
        "every table in src/db/schema.rs belongs in TABLES in src/ops/copy.rs (parents first), \
         every view in VIEWS"
    );
}

/// Fails when a migration adds a table and `ops::copy::TABLES` does not list it.
async fn a_migrated_database_has_exactly_the_tables_the_copy_knows(backend: Backend) {
    let Some(database) = fresh_database(backend) else {
        return;
    };
    let mut conn = database.url.connect().unwrap();
    db::run_migrations(&mut conn).unwrap();
    let mut known: Vec<&str> = TABLES.to_vec();
    known.sort_unstable();
    assert_eq!(
        transfer::user_tables(&mut conn).unwrap(),
        known,
        "add new tables to TABLES in src/ops/copy.rs (parents first)"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_sqlite_instance_moves_to_postgresql_with_every_row_and_working_links() {
    let Some(target) = fresh_database(Backend::Postgres) else {
        return;
    };
    let Some(app) = spawn_app(Backend::Sqlite).await else {
        return;
    };
    let slug = fill(&app).await;
    fill_the_rest(&app).await;
    let now = app.clock.now();
    let pending_confirm = guest_link(
        &app,
        "pending@example.com",
        "Please confirm",
        "Confirm your booking",
    )
    .await;
    let source_url = app.state.settings.database_url.clone();
    let statuses: Vec<String> = app
        .db(|conn| bookings::table.select(bookings::status).load(conn).unwrap())
        .await;
    for status in [
        "expired",
        "pending",
        "confirmed",
        "cancelled",
        "declined",
        "completed",
        "no_show",
    ] {
        assert!(
            statuses.iter().any(|s| s == status),
            "{status} in {statuses:?}"
        );
    }
    let source_dir = tempfile::tempdir().unwrap();
    // Stop serving (the operator's first step); the test keeps the database file.
    app.server.stop(true).await;

    // Act: the copy, through the binary, as an operator runs it.
    let said = succeed(
        slotbook(source_dir.path(), &url_text(&source_url))
            .args(["copy", "--from", &url_text(&source_url), "--to"])
            .arg(url_text(&target.url)),
    );
    assert!(said.contains("copied and verified"), "{said}");

    // Every table has rows, and the same rows after the copy, values kept exactly.
    let mut from = source_url.connect().unwrap();
    let mut to = target.url.connect().unwrap();
    let counts = row_counts(&mut from);
    let empty: Vec<_> = counts.iter().filter(|(_, n)| *n == 0).collect();
    assert!(
        empty.is_empty(),
        "the fixture leaves tables empty: {empty:?}"
    );
    assert_eq!(row_counts(&mut to), counts);
    assert!(
        read_rows(&mut from) == read_rows(&mut to),
        "rows differ after the copy"
    );
    assert_eq!(read_more_rows(&mut from), read_more_rows(&mut to));

    // And back: PostgreSQL into a new SQLite file, the same rows again.
    let back_dir = tempfile::tempdir().unwrap();
    let back = DatabaseUrl::Sqlite(back_dir.path().join("back.db"));
    let said = succeed(
        slotbook(back_dir.path(), &url_text(&back))
            .args(["copy", "--from", &url_text(&target.url), "--to"])
            .arg(url_text(&back)),
    );
    assert!(said.contains("copied and verified"), "{said}");
    let mut back_conn = back.connect().unwrap();
    assert!(matches!(back_conn, DbConnection::Sqlite(_)));
    assert_eq!(row_counts(&mut back_conn), counts);
    assert!(
        read_rows(&mut back_conn) == read_rows(&mut from),
        "rows differ after the copy back"
    );
    assert_eq!(read_more_rows(&mut back_conn), read_more_rows(&mut from));
    assert!(transfer::overlap_guard_present(&mut back_conn).unwrap());
    assert!(transfer::integrity_problems(&mut back_conn)
        .unwrap()
        .is_empty());
    // The copy back is an instance that works: the taken time is still refused by the
    // database guard there (instants kept in the layout SQLite compares as text).
    let copied_back = read_rows(&mut back_conn).1;
    let (_, _, taken_start, _, _) = copied_back
        .iter()
        .find(|(_, status, ..)| status == "confirmed")
        .unwrap()
        .clone();
    let holding = bookings::table
        .filter(bookings::start_at.eq(DbTime(taken_start)))
        .filter(bookings::status.eq("confirmed"))
        .count()
        .get_result::<i64>(&mut back_conn)
        .unwrap();
    assert_eq!(holding, 1, "instants compare equal after the copy back");
    drop(back_conn);
    let refused = fail(
        slotbook(back_dir.path(), &url_text(&back))
            .args(["copy", "--from", &url_text(&target.url), "--to"])
            .arg(url_text(&back)),
    );
    assert!(refused.contains("not empty"), "{refused}");
    assert!(matches!(to, DbConnection::Pg(_)));
    assert!(transfer::overlap_guard_present(&mut to).unwrap());

    // The same pages and links on PostgreSQL.
    let data = tempfile::tempdir().unwrap();
    let mut settings = Settings::for_database(target.url.clone(), data.path().to_path_buf());
    settings.bind = "127.0.0.1:0".parse().unwrap();
    settings.secret_key = Some("test-secret-key-that-is-long-enough-0123456789".to_owned());
    let application = Application::build_with(
        settings,
        Dependencies {
            clock: ManualClock::new(now),
            jobs_every: None,
            mail_transport: Some(Transport::memory()),
            mail_every: None,
            webhooks_every: None,
        },
    )
    .await
    .unwrap();
    let base = format!("http://127.0.0.1:{}", application.port());
    let handle = application.server_handle();
    std::thread::spawn(move || {
        let _ = actix_web::rt::System::new().block_on(application.run_until_stopped());
    });
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .unwrap();
    let get = |path: String| {
        let (client, url) = (client.clone(), format!("{base}{path}"));
        async move { client.get(url).send().await.unwrap() }
    };
    let profile = get("/alice".into()).await;
    assert_eq!(profile.status(), 200);
    assert!(profile.text().await.unwrap().contains("Intro"));
    assert_eq!(get(format!("/alice/{slug}")).await.status(), 200);
    let confirm_page = get(pending_confirm.clone()).await;
    assert_eq!(confirm_page.status(), 200, "the pending guest's link works");
    assert!(confirm_page
        .text()
        .await
        .unwrap()
        .contains("Confirm booking"));
    // The provider signs in with the password set on SQLite and sees the bookings.
    let login = get("/login".into()).await.text().await.unwrap();
    let signed_in = client
        .post(format!("{base}/login"))
        .form(&[
            ("csrf_token", csrf_token(&login).as_str()),
            ("login", "alice"),
            ("password", TEST_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&signed_in), "/dashboard");
    let list = get("/dashboard/bookings".into())
        .await
        .text()
        .await
        .unwrap();
    assert!(
        list.contains("completed@example.com") || list.contains("Guest Example"),
        "{list}"
    );
    drop(handle.stop(false));

    // A second copy into the now-used database is refused, and changes nothing.
    let in_use = read_rows(&mut to);
    let refused = fail(
        slotbook(source_dir.path(), &url_text(&source_url))
            .args(["copy", "--from", &url_text(&source_url), "--to"])
            .arg(url_text(&target.url)),
    );
    assert!(refused.contains("not empty"), "{refused}");
    assert!(
        read_rows(&mut to) == in_use,
        "the refused copy changed the target"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_copy_refuses_a_target_with_a_table_it_does_not_know() {
    let Some(target) = fresh_database(Backend::Postgres) else {
        return;
    };
    let Some(source) = fresh_database(Backend::Sqlite) else {
        return;
    };
    let mut conn = target.url.connect().unwrap();
    db::run_migrations(&mut conn).unwrap();
    conn.batch_execute("CREATE TABLE webhooks (id uuid PRIMARY KEY, url text NOT NULL)")
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    db::run_migrations(&mut source.url.connect().unwrap()).unwrap();
    let refused = fail(
        slotbook(dir.path(), &url_text(&source.url))
            .args(["copy", "--from", &url_text(&source.url), "--to"])
            .arg(url_text(&target.url)),
    );
    assert!(
        refused.contains("webhooks") && refused.contains("src/ops/copy.rs"),
        "{refused}"
    );
}
