//! CalDAV accounts over real HTTP on both backends, against a real Radicale
//! (`caldav_server`): the provider connects an account on the Calendars page, chooses
//! which calendars count as busy and the one bookings are written into; the busy ones
//! block slots, and confirmed, moved and cancelled bookings show up in (and leave) the
//! chosen calendar. A failing server keeps the last busy times and the write is retried.

use chrono::{DateTime, TimeDelta, Utc};
use slotbook::calendar_writes::{write_due, Pass as WritePass};
use slotbook::calendars::{client, refresh_due};
use slotbook::db::models::{bookings, calendar_accounts};

use crate::booking::{book, GUEST};
use crate::caldav_server::Radicale;
use crate::calendars::{arrange, at, is_offered};
use crate::helpers::{csrf_token, hidden_field, link_path, location, outbox, Backend, TestApp};
use crate::on_both_backends;

on_both_backends!(
    a_caldav_account_is_discovered_and_its_chosen_calendars_block_slots,
    confirmed_bookings_are_written_back_moved_and_removed,
    a_failing_caldav_server_keeps_its_busy_times_and_the_write_is_retried,
);

/// An event 25 March 2030 10:00–11:00 Berlin (09:00 UTC), as a calendar app stores it.
fn standup(uid: &str, start: &str, end: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Nextcloud//EN\r\nBEGIN:VEVENT\r\n\
         UID:{uid}\r\nDTSTAMP:20300301T000000Z\r\nDTSTART;TZID=Europe/Berlin:{start}\r\n\
         DTEND;TZID=Europe/Berlin:{end}\r\nSUMMARY:Standup\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
}

async fn connect(app: &TestApp, radicale: &Radicale, password: &str) -> reqwest::Response {
    let csrf = app.csrf_for("/dashboard/calendars").await;
    app.post_form(
        "/dashboard/calendars/accounts",
        &[
            ("csrf_token", &csrf),
            ("server_url", &radicale.url("/")),
            ("username", &radicale.user),
            ("password", password),
        ],
    )
    .await
}

/// Chooses `busy` calendars and the `write` one (empty for none) on the account page.
pub(crate) async fn choose(
    app: &TestApp,
    account_path: &str,
    busy: &[&str],
    write: &str,
) -> reqwest::Response {
    let csrf = app.csrf_for(account_path).await;
    let mut form = vec![("csrf_token", csrf.as_str()), ("write", write)];
    form.extend(busy.iter().map(|url| ("busy", *url)));
    app.post_form(account_path, &form).await
}

/// An app with `alice` whose Radicale holds a "Work" calendar (with a standup on 25
/// March) and a "Family" one (with an event on 26 March), connected and with Work
/// chosen as busy and `write` as the write-back calendar.
pub(crate) async fn arrange_account(
    backend: Backend,
    write_into_work: bool,
) -> Option<(TestApp, Radicale, String, String)> {
    let radicale = Radicale::start().await?;
    let (app, _) = arrange(backend).await?;
    let work = radicale.make_calendar("work", "Work").await;
    let family = radicale.make_calendar("family", "Family").await;
    radicale
        .put_event(
            &work,
            "standup",
            &standup("standup-1", "20300325T100000", "20300325T110000"),
        )
        .await;
    radicale
        .put_event(
            &family,
            "dentist",
            &standup("dentist-1", "20300326T100000", "20300326T110000"),
        )
        .await;
    let connected = connect(&app, &radicale, &radicale.password.clone()).await;
    assert_eq!(connected.status(), 303);
    let account_path = location(&connected);
    let write = if write_into_work { work.as_str() } else { "" };
    assert_eq!(
        choose(&app, &account_path, &[&work], write).await.status(),
        303
    );
    let pass = refresh_due(&app.state, &client(&app.state).unwrap())
        .await
        .unwrap();
    assert_eq!(pass.refreshed, 1, "{pass:?}");
    Some((app, radicale, work, account_path))
}

async fn a_caldav_account_is_discovered_and_its_chosen_calendars_block_slots(backend: Backend) {
    let Some(radicale) = Radicale::start().await else {
        return;
    };
    let Some((app, alice)) = arrange(backend).await else {
        return;
    };
    let work = radicale.make_calendar("work", "Work").await;
    let family = radicale.make_calendar("family", "Family & friends").await;
    radicale
        .put_event(
            &work,
            "standup",
            &standup("standup-1", "20300325T100000", "20300325T110000"),
        )
        .await;
    radicale
        .put_event(
            &family,
            "dentist",
            &standup("dentist-1", "20300326T100000", "20300326T110000"),
        )
        .await;

    // A wrong password is a 422 on the form, which keeps everything but the password.
    let refused = connect(&app, &radicale, "wrong horse battery").await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(
        html.contains("refused this user name and password"),
        "{html}"
    );
    assert!(
        html.contains(&format!("value=\"{}\"", radicale.url("/"))),
        "server kept"
    );
    assert!(html.contains("value=\"ada\""), "user kept");
    assert!(
        !html.contains("wrong horse battery"),
        "password not sent back"
    );
    let none = app
        .db(move |c| calendar_accounts::list(c, alice).unwrap())
        .await;
    assert!(none.is_empty(), "nothing saved");

    // The right one: discovery lists the account's calendars to choose from.
    let connected = connect(&app, &radicale, &radicale.password.clone()).await;
    assert_eq!(connected.status(), 303);
    let account_path = location(&connected);
    let page = app.get(&account_path).await.text().await.unwrap();
    assert!(
        page.contains("Work") && page.contains("Family &#38; friends"),
        "{page}"
    );
    assert!(
        !page.contains(&radicale.password),
        "the password is never shown"
    );
    let stored = app
        .db(move |c| calendar_accounts::list(c, alice).unwrap())
        .await;
    assert_eq!(stored.len(), 1);
    assert!(
        !stored[0].password_sealed.contains(&radicale.password),
        "sealed"
    );

    // Work counts as busy, Family does not; the worker reads it, not the request.
    assert_eq!(
        choose(&app, &account_path, &[&work], "").await.status(),
        303
    );
    let page = app.get("/dashboard/calendars").await.text().await.unwrap();
    assert!(page.contains("Refreshing…"), "{page}");
    let client = client(&app.state).unwrap();
    assert_eq!(refresh_due(&app.state, &client).await.unwrap().refreshed, 1);
    let page = app.get("/dashboard/calendars").await.text().await.unwrap();
    assert!(
        page.contains("Last read") && page.contains("Work"),
        "{page}"
    );
    assert!(!page.contains(&radicale.password));
    assert!(
        !is_offered(&app, at(3, 25, 9, 0)).await,
        "Work's standup blocks"
    );
    assert!(
        is_offered(&app, at(3, 25, 10, 0)).await,
        "after the standup"
    );
    assert!(
        is_offered(&app, at(3, 26, 9, 0)).await,
        "Family is not chosen"
    );

    // An unchanged calendar costs a change-tag check only; a changed one is read again.
    app.clock.advance(TimeDelta::minutes(11));
    assert_eq!(refresh_due(&app.state, &client).await.unwrap().unchanged, 1);
    radicale
        .put_event(
            &work,
            "review",
            &standup("review-1", "20300327T140000", "20300327T150000"),
        )
        .await;
    app.clock.advance(TimeDelta::minutes(11));
    assert_eq!(refresh_due(&app.state, &client).await.unwrap().refreshed, 1);
    assert!(
        !is_offered(&app, at(3, 27, 13, 0)).await,
        "the new event blocks"
    );

    // Another provider cannot see, change or remove the account.
    let bob = app.create_provider("bob").await;
    let other = app.new_client();
    app.sign_in(&other, &bob.username, &bob.password).await;
    assert_eq!(app.get_with(&other, &account_path).await.status(), 404);
    let csrf = app.csrf_with(&other, "/dashboard/calendars").await;
    for path in [account_path.clone(), format!("{account_path}/delete")] {
        let response = app
            .post_form_with(&other, &path, &[("csrf_token", &csrf), ("busy", &family)])
            .await;
        assert_eq!(response.status(), 404, "{path}");
    }
    // A calendar that is not the account's is refused.
    let unknown = choose(&app, &account_path, &["http://elsewhere.example/cal/"], "").await;
    assert_eq!(unknown.status(), 422);

    // Removing the account removes its busy times.
    let page = app.get("/dashboard/calendars").await.text().await.unwrap();
    let removed = app
        .post_form(
            &format!("{account_path}/delete"),
            &[("csrf_token", &csrf_token(&page))],
        )
        .await;
    assert_eq!(removed.status(), 303);
    assert!(is_offered(&app, at(3, 25, 9, 0)).await, "busy times gone");
    let page = app.get("/dashboard/calendars").await.text().await.unwrap();
    assert!(page.contains("No accounts yet"), "{page}");
}

/// The calendar as Radicale holds it, with folded lines joined again (RFC 5545, 3.1).
pub(crate) async fn collection(radicale: &Radicale, calendar: &str) -> String {
    radicale
        .get_collection(calendar)
        .await
        .replace("\r\n ", "")
        .replace("\n ", "")
}

pub(crate) async fn written(app: &TestApp) -> WritePass {
    write_due(&app.state, &client(&app.state).unwrap())
        .await
        .unwrap()
}

/// The only booking of the provider that holds its time.
pub(crate) async fn booking_at(app: &TestApp, start: DateTime<Utc>) -> bookings::Booking {
    app.db(move |c| {
        use diesel::prelude::*;
        use slotbook::db::schema::bookings as table;
        use slotbook::db::types::DbTime;
        table::table
            .filter(table::start_at.eq(DbTime(start)))
            .select(bookings::Booking::as_select())
            .first(c)
            .unwrap()
    })
    .await
}

/// The path of the `label` link in the newest mail to the guest whose subject starts
/// with `subject`.
async fn guest_link(app: &TestApp, subject: &str, label: &str) -> String {
    let mails = outbox(app).await;
    let (_, _, text) = mails
        .iter()
        .rev()
        .find(|(to, s, _)| to == "grace@example.com" && s.starts_with(subject))
        .unwrap_or_else(|| panic!("no {subject:?} mail: {mails:#?}"));
    let after = &text[text.find(&format!("{label}:")).unwrap()..];
    link_path(after, "/b/").unwrap()
}

/// Moves the guest's booking to `to` through the reschedule link of their mail.
async fn reschedule(app: &TestApp, to: DateTime<Utc>) {
    let link = guest_link(app, "Booking confirmed", "Reschedule").await;
    let calendar = location(&app.get(&link).await);
    let token = calendar
        .split("reschedule=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_owned();
    let html = app
        .get(&format!(
            "/alice/intro/book?start={}&tz=Europe/Berlin&reschedule={token}",
            to.timestamp()
        ))
        .await
        .text()
        .await
        .unwrap();
    let (csrf, key) = (
        csrf_token(&html),
        hidden_field(&html, "idempotency_key").unwrap(),
    );
    let start = to.timestamp().to_string();
    let moved = app
        .post_form(
            "/alice/intro/book",
            &[
                ("csrf_token", &csrf),
                ("start", &start),
                ("tz", "Europe/Berlin"),
                ("idempotency_key", &key),
                ("reschedule", &token),
                ("name", "Grace Guest"),
                ("email", "grace@example.com"),
            ],
        )
        .await;
    assert_eq!(moved.status(), 303, "moved");
}

async fn confirmed_bookings_are_written_back_moved_and_removed(backend: Backend) {
    let Some((app, radicale, work, _)) = arrange_account(backend, true).await else {
        return;
    };
    let host = app.state.settings.host().to_owned();

    // Booked (instant confirmation): queued with the booking, written by the worker.
    let first = at(3, 20, 9, 0);
    let answers = [
        ("name", "Grace Guest"),
        ("email", "grace@example.com"),
        ("notes", "Bring the report"),
    ];
    assert_eq!(book(&app, first, &answers).await.status(), 303);
    let booking = booking_at(&app, first).await;
    let page = app
        .get(&format!("/dashboard/bookings/{}", booking.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Your calendar:") && page.contains("pending"),
        "{page}"
    );
    // Four passes at once, as four instances would run them: one writes, once.
    let outbound = client(&app.state).unwrap();
    let passes =
        futures_util::future::join_all((0..4).map(|_| write_due(&app.state, &outbound))).await;
    let total: usize = passes.into_iter().map(|p| p.unwrap().written).sum();
    assert_eq!(total, 1, "written by one pass");
    let calendar = collection(&radicale, &work).await;
    assert!(
        calendar.contains(&format!("UID:{}@{host}", booking.id)),
        "{calendar}"
    );
    assert!(calendar.contains("DTSTART:20300320T090000Z"), "{calendar}");
    assert!(
        calendar.contains("grace@example.com"),
        "guest as attendee: {calendar}"
    );
    assert!(calendar.contains("Bring the report"), "{calendar}");
    assert!(
        calendar.contains(&format!("/dashboard/bookings/{}", booking.id)),
        "manage link: {calendar}"
    );
    let page = app
        .get(&format!("/dashboard/bookings/{}", booking.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("written to your calendar"), "{page}");
    assert!(page.contains("Europe/Berlin"), "{page}");
    // Nothing is written twice.
    assert_eq!(written(&app).await, WritePass::default());
    // Reading the same calendar for busy times ignores Slotbook's own event.
    app.clock.advance(TimeDelta::minutes(11));
    let pass = refresh_due(&app.state, &client(&app.state).unwrap())
        .await
        .unwrap();
    assert_eq!(pass.refreshed, 1, "{pass:?}");
    let blocks: i32 = app
        .db(|c| {
            let provider = booking_provider(c);
            slotbook::db::models::calendars::list(c, provider)
                .unwrap()
                .iter()
                .map(|s| s.block_count)
                .sum()
        })
        .await;
    assert_eq!(blocks, 1, "only the standup blocks, not the booking itself");

    // Rescheduled: the same event (same UID, same object) moves.
    let later = at(3, 20, 12, 0);
    reschedule(&app, later).await;
    assert_eq!(written(&app).await.written, 1);
    let calendar = collection(&radicale, &work).await;
    assert_eq!(
        calendar.matches("BEGIN:VEVENT").count(),
        2,
        "standup + booking: {calendar}"
    );
    assert!(
        calendar.contains(&format!("UID:{}@{host}", booking.id)),
        "{calendar}"
    );
    assert!(calendar.contains("DTSTART:20300320T120000Z"), "{calendar}");
    assert!(!calendar.contains("DTSTART:20300320T090000Z"), "{calendar}");
    let moved = booking_at(&app, later).await;
    let page = app
        .get(&format!("/dashboard/bookings/{}", moved.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("written to your calendar"), "{page}");

    // Cancelled by the provider: the event leaves the calendar.
    let path = format!("/dashboard/bookings/{}", moved.id);
    let csrf = csrf_token(&app.get(&path).await.text().await.unwrap());
    let cancelled = app
        .post_form(
            &format!("{path}/cancel"),
            &[("csrf_token", &csrf), ("reason", "Ill")],
        )
        .await;
    assert_eq!(cancelled.status(), 303);
    assert_eq!(written(&app).await.written, 1);
    let calendar = collection(&radicale, &work).await;
    assert!(
        !calendar.contains(&format!("{}@{host}", booking.id)),
        "{calendar}"
    );
    assert!(
        calendar.contains("UID:standup-1"),
        "the provider's own events stay"
    );
    let page = app.get(&path).await.text().await.unwrap();
    assert!(page.contains("removed from your calendar"), "{page}");
    let admin = app.create_provider("root").await;
    let admin_id = admin.id;
    app.db(move |conn| {
        use diesel::prelude::*;
        use slotbook::db::schema::users;
        diesel::update(users::table.filter(users::id.eq(slotbook::db::types::DbId(admin_id))))
            .set(users::role.eq("admin"))
            .execute(conn)
            .unwrap();
    })
    .await;
    let operator = app.new_client();
    app.sign_in(&operator, &admin.username, &admin.password)
        .await;
    let listing = app
        .get_with(&operator, "/admin/calendar-writes")
        .await
        .text()
        .await
        .unwrap();
    assert!(listing.contains(&booking.id.to_string()), "{listing}");
    assert!(listing.contains("written"), "{listing}");
}

/// The provider of the only account (alice).
fn booking_provider(c: &mut slotbook::db::DbConnection) -> uuid::Uuid {
    use diesel::prelude::*;
    use slotbook::db::schema::calendar_accounts as table;
    table::table.select(table::provider_id).first(c).unwrap()
}

async fn a_failing_caldav_server_keeps_its_busy_times_and_the_write_is_retried(backend: Backend) {
    let Some((app, mut radicale, work, _)) = arrange_account(backend, true).await else {
        return;
    };
    assert!(!is_offered(&app, at(3, 25, 9, 0)).await);
    radicale.stop();

    // The busy calendar cannot be read: the error shows, the last busy times stay.
    app.clock.advance(TimeDelta::minutes(11));
    let client = client(&app.state).unwrap();
    assert_eq!(refresh_due(&app.state, &client).await.unwrap().failed, 1);
    let page = app.get("/dashboard/calendars").await.text().await.unwrap();
    assert!(
        page.contains("failed:") && page.contains("still count"),
        "{page}"
    );
    assert!(
        !is_offered(&app, at(3, 25, 9, 0)).await,
        "last busy times kept"
    );

    // A booking made meanwhile waits, says why, and is written once the server is back.
    let start = at(3, 21, 9, 0);
    assert_eq!(book(&app, start, GUEST).await.status(), 303);
    let booking = booking_at(&app, start).await;
    assert_eq!(written(&app).await.retried, 1);
    let path = format!("/dashboard/bookings/{}", booking.id);
    let page = app.get(&path).await.text().await.unwrap();
    assert!(page.contains("the last attempt failed"), "{page}");
    // Not due again before its backoff.
    assert_eq!(written(&app).await, WritePass::default());
    radicale.restart().await;
    app.clock.advance(TimeDelta::minutes(2));
    assert_eq!(written(&app).await.written, 1);
    let calendar = collection(&radicale, &work).await;
    assert!(
        calendar.contains(&format!("UID:{}@{}", booking.id, app.state.settings.host())),
        "{calendar}"
    );
    let page = app.get(&path).await.text().await.unwrap();
    assert!(page.contains("written to your calendar"), "{page}");
}
