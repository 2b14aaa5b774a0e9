//! `slotbook copy`: an instance filled through its pages on SQLite (plus teams, API tokens,
//! webhooks, calendar sources and a provider look: a row in every table) moves to
//! PostgreSQL with every row (ids, hashes, timestamps kept) and works there: same pages,
//! same links; and back from PostgreSQL into a new SQLite file, the same again. And the
//! copy refuses a non-empty target and any table it does not know.

use chrono::{DateTime, Utc};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use slotbook::clock::{Clock as _, ManualClock};
use slotbook::config::Settings;
use slotbook::db::models::{
    api_tokens, availability, calendars, provider_looks, team_invitations, teams, webhooks,
};
use slotbook::db::schema::{
    booking_event_counts, booking_tokens, bookings, calendar_busy_blocks, date_overrides, outbox,
    provider_looks as looks, sessions, team_service_hosts, teams as teams_table, users,
    webhook_attempts, webhook_endpoints,
};
use slotbook::db::types::{DbId, DbTime};
use slotbook::db::{self, transfer, DatabaseUrl, DbConnection};
use slotbook::domain::api::Scope;
use slotbook::domain::availability::team::AssignmentMode;
use slotbook::domain::availability::LocalInterval;
use slotbook::domain::email_address::EmailAddress;
use slotbook::domain::look::Look;
use slotbook::domain::team::{Invite, TeamRole};
use slotbook::domain::webhooks::EventType;
use slotbook::email::Transport;
use slotbook::ops::copy::TABLES;
use slotbook::startup::{Application, Dependencies};
use uuid::Uuid;

use super::{fail, slotbook, succeed, url_text};
use crate::data_protection_teams::add_busy_block;
use crate::helpers::{
    csrf_token, fresh_database, hidden_field, link_path, location, outbox as outbox_rows,
    spawn_app, Backend, TestApp, TEST_PASSWORD,
};
use crate::teams::booking::arrange_team;

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
    let mut known: Vec<&str> = TABLES.to_vec();
    known.sort_unstable();
    assert_eq!(
        declared, known,
        "every table in src/db/schema.rs belongs in TABLES in src/ops/copy.rs (parents first)"
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

/// Books `start` (unix seconds) on `/alice/{slug}` as `email`; the answer as it is.
async fn book(app: &TestApp, slug: &str, start: DateTime<Utc>, email: &str) -> reqwest::Response {
    let path = format!("/alice/{slug}/book");
    let form = app
        .get(&format!(
            "{path}?start={}&tz=Europe/Berlin",
            start.timestamp()
        ))
        .await;
    assert_eq!(form.status(), 200, "booking form for {start}");
    let html = form.text().await.unwrap();
    let key = hidden_field(&html, "idempotency_key").unwrap();
    let start_text = start.timestamp().to_string();
    app.post_form(
        &path,
        &[
            ("csrf_token", &csrf_token(&html)),
            ("start", &start_text),
            ("tz", "Europe/Berlin"),
            ("idempotency_key", &key),
            ("name", "Guest Example"),
            ("email", email),
        ],
    )
    .await
}

/// The first `/b/` link after `label:` in the newest mail to `to` with that subject start.
async fn guest_link(app: &TestApp, to: &str, subject: &str, label: &str) -> String {
    let mails = outbox_rows(app).await;
    let (_, _, text) = mails
        .iter()
        .rev()
        .find(|(recipient, s, _)| recipient == to && s.starts_with(subject))
        .unwrap_or_else(|| panic!("no mail to {to} starting {subject:?}"));
    let after = &text[text.find(&format!("{label}:")).expect("label in mail")..];
    link_path(after, "/b/").expect("link")
}

/// Opens a guest link and presses its button.
async fn press(app: &TestApp, link: &str) -> reqwest::Response {
    let csrf = csrf_token(&app.get(link).await.text().await.unwrap());
    app.post_form(link, &[("csrf_token", &csrf)]).await
}

async fn provider_action(app: &TestApp, email: &str, action: &str) {
    let email = email.to_owned();
    let id: Uuid = app
        .db(move |conn| {
            bookings::table
                .filter(bookings::guest_email.eq(email))
                .select(bookings::id)
                .first(conn)
                .unwrap()
        })
        .await;
    let detail = format!("/dashboard/bookings/{id}");
    let csrf = app.csrf_for(&detail).await;
    let done = app
        .post_form(&format!("{detail}/{action}"), &[("csrf_token", &csrf)])
        .await;
    assert_eq!(done.status(), 303, "{action}");
}

/// Fills an SQLite instance the way people do: sign-up, service, hours, time off, and
/// bookings in every state with their mails and links. Returns the service's slug.
async fn fill(app: &TestApp) -> String {
    // A second account signs up and is waiting for its verification link (a live token).
    let bob = app.new_client();
    let csrf = app.csrf_with(&bob, "/signup").await;
    let signed_up = app
        .post_form_with(
            &bob,
            "/signup",
            &[
                ("csrf_token", &csrf),
                ("full_name", "Bob Example"),
                ("username", "bob"),
                ("email", "bob@example.com"),
                ("password", "tulips in the rain"),
                ("timezone", "Europe/Berlin"),
            ],
        )
        .await;
    assert_eq!(signed_up.status(), 303, "sign-up");

    app.sign_up_and_login("alice").await;
    let csrf = app.csrf_for("/dashboard/services/new").await;
    let created = app
        .post_form(
            "/dashboard/services",
            &[
                ("csrf_token", &csrf),
                ("name", "Intro"),
                ("duration_minutes", "30"),
                ("max_days_ahead", "60"),
                ("confirmation_mode", "email"),
                ("hold_minutes", "30"),
                ("is_active", "on"),
            ],
        )
        .await;
    assert_eq!(created.status(), 303, "service");
    let slug: String = app
        .db(|conn| {
            slotbook::db::schema::services::table
                .select(slotbook::db::schema::services::slug)
                .first(conn)
                .unwrap()
        })
        .await;
    let csrf = app.csrf_for("/dashboard/availability").await;
    let mut hours = vec![("csrf_token", csrf.as_str())];
    for day in ["1", "2", "3", "4", "5"] {
        hours.push(("days", day));
    }
    hours.extend([("start", "09:00"), ("end", "17:00")]);
    let added = app.post_form("/dashboard/availability/rules", &hours).await;
    assert_eq!(added.status(), 303, "hours");
    let csrf = app.csrf_for("/dashboard/time-off").await;
    let off = app
        .post_form(
            "/dashboard/time-off",
            &[
                ("csrf_token", &csrf),
                ("start_date", "2030-01-17"),
                ("end_date", "2030-01-17"),
                ("reason", "Conference"),
            ],
        )
        .await;
    assert_eq!(off.status(), 303, "time off");

    // Tuesday 2030-01-08 from 10:00 Berlin (09:00 UTC), one booking per half hour.
    let at = |n: i64| {
        chrono::TimeZone::with_ymd_and_hms(&Utc, 2030, 1, 8, 9, 0, 0).unwrap()
            + chrono::Duration::minutes(30 * n)
    };
    // Expired: never confirmed, the hold lapses and the sweeper frees the slot.
    assert_eq!(
        book(app, &slug, at(0), "expired@example.com")
            .await
            .status(),
        303
    );
    app.clock.advance(chrono::Duration::minutes(31));
    assert_eq!(
        slotbook::jobs::run_once(&app.state).await.unwrap().expired,
        1
    );
    // Confirmed, cancelled, declined, completed, no-show.
    for (n, guest) in ["confirmed", "cancelled", "declined", "completed", "noshow"]
        .iter()
        .enumerate()
    {
        let email = format!("{guest}@example.com");
        assert_eq!(
            book(app, &slug, at(n as i64 + 1), &email).await.status(),
            303
        );
    }
    for guest in ["confirmed", "cancelled", "completed", "noshow"] {
        let email = format!("{guest}@example.com");
        let confirm = guest_link(app, &email, "Please confirm", "Confirm your booking").await;
        assert_eq!(press(app, &confirm).await.status(), 200, "{guest} confirms");
    }
    let cancel = guest_link(app, "cancelled@example.com", "Booking confirmed", "Cancel").await;
    assert_eq!(press(app, &cancel).await.status(), 200, "cancel");
    provider_action(app, "declined@example.com", "decline").await;
    app.clock.set(at(10));
    provider_action(app, "completed@example.com", "complete").await;
    provider_action(app, "noshow@example.com", "no-show").await;
    // Pending last, the next day, so that its hold and its confirm link are live.
    let pending = book(app, &slug, at(48), "pending@example.com").await;
    assert_eq!(pending.status(), 303);
    slug
}

/// Adds what the pages above do not make: a team with an invitation and a service hosted
/// by two members, a date override, an API token, a webhook endpoint with a delivery and
/// its attempt, a calendar source with a busy block, and alice's look.
async fn fill_the_rest(app: &TestApp) {
    // Team `harbour` (carol, its owner, and dave) with a collective service.
    arrange_team(
        app,
        &["carol", "dave"],
        "consult",
        AssignmentMode::Collective,
    )
    .await;
    app.db(|conn| {
        let now = app_now();
        let alice: Uuid = users::table
            .filter(users::username.eq("alice"))
            .select(users::id)
            .first(conn)
            .unwrap();
        let team = teams::find_by_slug(conn, "harbour").unwrap().unwrap();
        team_invitations::issue(
            conn,
            team.id,
            &Invite {
                email: EmailAddress::parse("erin@example.com").unwrap(),
                role: TeamRole::Staff,
            },
            alice,
            now,
        )
        .unwrap();
        let nine = chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap();
        let twelve = chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap();
        availability::replace_override(
            conn,
            alice,
            chrono::NaiveDate::from_ymd_opt(2030, 1, 18).unwrap(),
            &[LocalInterval::new(nine, twelve)],
            now,
        )
        .unwrap();
        api_tokens::create(conn, alice, "zapier", Scope::Write, now).unwrap();
        let endpoint = webhooks::create_endpoint(
            conn,
            alice,
            "https://hooks.example.com/slotbook",
            &[EventType::Created],
            now,
        )
        .unwrap();
        let delivery = webhooks::enqueue_test(conn, alice, endpoint.id, now)
            .unwrap()
            .unwrap();
        diesel::insert_into(webhook_attempts::table)
            .values((
                webhook_attempts::id.eq(DbId(Uuid::now_v7())),
                webhook_attempts::delivery_id.eq(DbId(delivery)),
                webhook_attempts::at.eq(DbTime(now)),
                webhook_attempts::status_code.eq(Some(503)),
                webhook_attempts::latency_ms.eq(120),
                webhook_attempts::error.eq(Some("Service Unavailable")),
            ))
            .execute(conn)
            .unwrap();
        let source = calendars::create(conn, alice, "https://cal.example.com/alice.ics", now)
            .unwrap()
            .unwrap();
        let start = chrono::TimeZone::with_ymd_and_hms(&Utc, 2030, 1, 21, 9, 0, 0).unwrap();
        add_busy_block(conn, source, alice, "dentist@example.com", start);
        provider_looks::save(
            conn,
            alice,
            &Look {
                origins: vec!["https://alice.example.com".into()],
                accent: Some("#336699".into()),
                logo_text: Some("Alice's Practice".into()),
            },
            now,
        )
        .unwrap();
    })
    .await;
}

/// A fixed instant for rows the fixture writes directly (the copy keeps it exactly).
fn app_now() -> DateTime<Utc> {
    chrono::TimeZone::with_ymd_and_hms(&Utc, 2030, 1, 7, 8, 30, 15).unwrap()
        + chrono::Duration::microseconds(123_456)
}

/// Every table's row count, in `TABLES` order.
fn row_counts(conn: &mut DbConnection) -> Vec<(&'static str, i64)> {
    TABLES
        .iter()
        .map(|table| (*table, transfer::row_count(conn, table).unwrap()))
        .collect()
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

type Rows = (
    Vec<(Uuid, String, String, DateTime<Utc>)>,
    Vec<(
        Uuid,
        String,
        DateTime<Utc>,
        DateTime<Utc>,
        Option<DateTime<Utc>>,
    )>,
    Vec<(Uuid, String, String, Option<String>, DateTime<Utc>)>,
    Vec<(Uuid, String, Option<DateTime<Utc>>, DateTime<Utc>)>,
    Vec<(String, Option<Uuid>, DateTime<Utc>)>,
);

/// Ids, hashes, statuses and timestamps of the tables that carry them, sorted by key.
fn read_rows(conn: &mut DbConnection) -> Rows {
    let mut u = users::table
        .select((
            users::id,
            users::password_hash,
            users::email,
            users::created_at,
        ))
        .load::<(Uuid, String, String, DateTime<Utc>)>(conn)
        .unwrap();
    u.sort();
    let mut b = bookings::table
        .select((
            bookings::id,
            bookings::status,
            bookings::start_at,
            bookings::created_at,
            bookings::confirmed_at,
        ))
        .load::<(
            Uuid,
            String,
            DateTime<Utc>,
            DateTime<Utc>,
            Option<DateTime<Utc>>,
        )>(conn)
        .unwrap();
    b.sort();
    let mut o = outbox::table
        .select((
            outbox::id,
            outbox::status,
            outbox::text_body,
            outbox::ics,
            outbox::created_at,
        ))
        .load::<(Uuid, String, String, Option<String>, DateTime<Utc>)>(conn)
        .unwrap();
    o.sort();
    let mut t = booking_tokens::table
        .select((
            booking_tokens::id,
            booking_tokens::token_hash,
            booking_tokens::used_at,
            booking_tokens::expires_at,
        ))
        .load::<(Uuid, String, Option<DateTime<Utc>>, DateTime<Utc>)>(conn)
        .unwrap();
    t.sort();
    let mut s = sessions::table
        .select((sessions::id_hash, sessions::user_id, sessions::expires_at))
        .load::<(String, Option<Uuid>, DateTime<Utc>)>(conn)
        .unwrap();
    s.sort();
    (u, b, o, t, s)
}

type MoreRows = (
    Vec<(String, String)>,
    Vec<(Uuid, Uuid)>,
    Vec<(String, String, bool)>,
    Vec<(Option<i32>, i32, DateTime<Utc>)>,
    Vec<(String, DateTime<Utc>, DateTime<Utc>)>,
    Vec<(chrono::NaiveDate, Option<chrono::NaiveTime>)>,
    Vec<(Option<String>, Option<String>, DateTime<Utc>)>,
    Vec<(String, i32, i64)>,
);

/// A few values of the tables `read_rows` leaves out: teams and their hosts, webhooks,
/// busy blocks, overrides (dates and wall-clock times), looks and the event counts.
fn read_more_rows(conn: &mut DbConnection) -> MoreRows {
    let mut t = teams_table::table
        .select((teams_table::slug, teams_table::timezone))
        .load::<(String, String)>(conn)
        .unwrap();
    t.sort();
    let mut h = team_service_hosts::table
        .select((team_service_hosts::service_id, team_service_hosts::host_id))
        .load::<(Uuid, Uuid)>(conn)
        .unwrap();
    h.sort();
    let mut w = webhook_endpoints::table
        .select((
            webhook_endpoints::url,
            webhook_endpoints::secret,
            webhook_endpoints::is_enabled,
        ))
        .load::<(String, String, bool)>(conn)
        .unwrap();
    w.sort();
    let mut a = webhook_attempts::table
        .select((
            webhook_attempts::status_code,
            webhook_attempts::latency_ms,
            webhook_attempts::at,
        ))
        .load::<(Option<i32>, i32, DateTime<Utc>)>(conn)
        .unwrap();
    a.sort();
    let mut b = calendar_busy_blocks::table
        .select((
            calendar_busy_blocks::uid,
            calendar_busy_blocks::start_at,
            calendar_busy_blocks::end_at,
        ))
        .load::<(String, DateTime<Utc>, DateTime<Utc>)>(conn)
        .unwrap();
    b.sort();
    let mut o = date_overrides::table
        .select((date_overrides::date, date_overrides::start_time))
        .load::<(chrono::NaiveDate, Option<chrono::NaiveTime>)>(conn)
        .unwrap();
    o.sort();
    let mut l = looks::table
        .select((looks::accent_color, looks::logo_text, looks::updated_at))
        .load::<(Option<String>, Option<String>, DateTime<Utc>)>(conn)
        .unwrap();
    l.sort();
    let mut c = booking_event_counts::table
        .select((
            booking_event_counts::kind,
            booking_event_counts::shard,
            booking_event_counts::total,
        ))
        .load::<(String, i32, i64)>(conn)
        .unwrap();
    c.sort();
    (t, h, w, a, b, o, l, c)
}
