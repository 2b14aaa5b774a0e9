//! The instance `slotbook copy` is tested with: filled through its pages on SQLite
//! (sign-up, service, hours, time off, bookings in every state with their mails and
//! links), plus teams, API tokens, webhooks, calendar sources and a provider look, so
//! that every table holds rows; and the values compared after each copy.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use slotbook::db::models::{
    api_tokens, availability, calendars, provider_looks, team_invitations, teams, webhooks,
};
use slotbook::db::schema::{
    booking_event_counts, booking_tokens, bookings, calendar_accounts, calendar_busy_blocks,
    calendar_writes, date_overrides, outbox, provider_looks as looks, sessions, team_agenda_sent,
    team_service_hosts, teams as teams_table, users, webhook_attempts, webhook_endpoints,
};
use slotbook::db::types::{DbId, DbTime};
use slotbook::db::{transfer, DbConnection};
use slotbook::domain::api::Scope;
use slotbook::domain::availability::team::AssignmentMode;
use slotbook::domain::availability::LocalInterval;
use slotbook::domain::email_address::EmailAddress;
use slotbook::domain::look::Look;
use slotbook::domain::team::{Invite, TeamRole};
use slotbook::domain::webhooks::EventType;
use slotbook::ops::copy::TABLES;
use uuid::Uuid;

use crate::data_protection_teams::add_busy_block;
use crate::helpers::{csrf_token, hidden_field, link_path, outbox as outbox_rows, TestApp};
use crate::teams::booking::arrange_team;

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
pub(super) async fn guest_link(app: &TestApp, to: &str, subject: &str, label: &str) -> String {
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
pub(super) async fn fill(app: &TestApp) -> String {
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
pub(super) async fn fill_the_rest(app: &TestApp) {
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
        // A CalDAV account with its write-back of one booking, and the agenda mail carol
        // was sent: rows only background work writes.
        let account = Uuid::now_v7();
        diesel::insert_into(calendar_accounts::table)
            .values((
                calendar_accounts::id.eq(DbId(account)),
                calendar_accounts::provider_id.eq(DbId(alice)),
                calendar_accounts::server_url.eq("https://dav.example.com/"),
                calendar_accounts::username.eq("alice"),
                calendar_accounts::password_sealed.eq("v1.sealed"),
                calendar_accounts::calendars
                    .eq(r#"[{"url":"https://dav.example.com/alice/work/","name":"Work"}]"#),
                calendar_accounts::write_calendar_url
                    .eq(Some("https://dav.example.com/alice/work/")),
                calendar_accounts::created_at.eq(DbTime(now)),
                calendar_accounts::updated_at.eq(DbTime(now)),
            ))
            .execute(conn)
            .unwrap();
        let booking: Uuid = bookings::table
            .filter(bookings::provider_id.eq(DbId(alice)))
            .select(bookings::id)
            .first(conn)
            .unwrap();
        diesel::insert_into(calendar_writes::table)
            .values((
                calendar_writes::id.eq(DbId(Uuid::now_v7())),
                calendar_writes::account_id.eq(DbId(account)),
                calendar_writes::booking_id.eq(DbId(booking)),
                calendar_writes::event_root.eq(DbId(booking)),
                calendar_writes::calendar_url.eq("https://dav.example.com/alice/work/"),
                calendar_writes::status.eq("written"),
                calendar_writes::action.eq(Some("put")),
                calendar_writes::attempts.eq(1),
                calendar_writes::next_attempt_at.eq(DbTime(now)),
                calendar_writes::written_at.eq(Some(DbTime(now))),
                calendar_writes::created_at.eq(DbTime(now)),
            ))
            .execute(conn)
            .unwrap();
        let carol: Uuid = users::table
            .filter(users::username.eq("carol"))
            .select(users::id)
            .first(conn)
            .unwrap();
        diesel::insert_into(team_agenda_sent::table)
            .values((
                team_agenda_sent::team_id.eq(DbId(team.id)),
                team_agenda_sent::user_id.eq(DbId(carol)),
                team_agenda_sent::day.eq(chrono::NaiveDate::from_ymd_opt(2030, 1, 7).unwrap()),
                team_agenda_sent::queued_at.eq(DbTime(now)),
            ))
            .execute(conn)
            .unwrap();
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
pub(super) fn row_counts(conn: &mut DbConnection) -> Vec<(&'static str, i64)> {
    TABLES
        .iter()
        .map(|table| (*table, transfer::row_count(conn, table).unwrap()))
        .collect()
}

pub(super) type Rows = (
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
pub(super) fn read_rows(conn: &mut DbConnection) -> Rows {
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

pub(super) type MoreRows = (
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
pub(super) fn read_more_rows(conn: &mut DbConnection) -> MoreRows {
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
