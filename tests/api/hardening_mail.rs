//! Issue 9, calendar files and mail, on both backends: what a guest typed never reaches a
//! calendar file raw, an unconfirmed booking is only tentative, a permanent SMTP refusal
//! is given up at once, a hold expired by a claim is told to its guest once, and services
//! without reminders cannot starve the others.

use diesel::prelude::*;
use icalendar::Component;
use slotbook::db::models::{bookings, feeds, outbox};
use slotbook::db::schema::bookings as booking_table;
use slotbook::db::types::DbId;
use slotbook::domain::service::ConfirmationMode;
use slotbook::email::worker::{deliver_due, retry_delay, Pass};
use uuid::Uuid;

use crate::booking::{arrange_provider, book, tuesday_ten, GUEST};
use crate::both_backends;
use crate::helpers::{link_path, location, outbox, spawn_app_with, test_now, Backend, TestApp};
use crate::smtp_server::SmtpServer;

crate::on_both_backends!(
    a_permanent_smtp_refusal_fails_at_once_with_the_servers_answer_and_a_temporary_one_backs_off,
);

both_backends!(
    a_guest_name_with_line_breaks_and_quotes_stays_one_attendee_in_the_feed_invite_and_download,
    an_unconfirmed_booking_is_tentative_until_confirmed_and_every_calendar_has_one_prodid,
    a_hold_expired_by_the_next_guests_claim_tells_its_guest_once,
    a_lapsed_hold_is_offered_again_before_the_sweeper_runs,
    hundreds_of_bookings_without_reminders_do_not_starve_the_one_that_needs_one,
);

/// A name that, written raw, would add an alarm to the event and move the attendee to
/// another address.
const HOSTILE_NAME: &str = "\"Eve\":mailto:evil@example.com;X-A=\"\r\nBEGIN:VALARM\r\nTRIGGER:-PT5M\r\nACTION:DISPLAY\r\nDESCRIPTION:pwned\r\nEND:VALARM\rSUMMARY:bare CR";

/// Parses a calendar file with the icalendar crate and checks it has exactly one event
/// with exactly one attendee at `address`, no alarm and no line broken by a bare CR or LF.
/// Returns the event's STATUS.
fn assert_one_clean_attendee(what: &str, text: &str, address: &str) -> String {
    for line in text.split("\r\n") {
        assert!(
            !line.contains(['\r', '\n']),
            "{what}: a bare line break: {text:?}"
        );
    }
    assert!(
        !text.contains("\r\nBEGIN:VALARM"),
        "{what}: an alarm: {text}"
    );
    let calendar: icalendar::Calendar = text
        .parse()
        .unwrap_or_else(|e| panic!("{what} does not parse: {e}\n{text}"));
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .collect();
    assert_eq!(events.len(), 1, "{what}: {text}");
    let event = events[0];
    assert!(
        event.components().is_empty(),
        "{what}: a sub-component: {text}"
    );
    let attendees = event.get_attendees();
    assert_eq!(attendees.len(), 1, "{what}: {text}");
    assert_eq!(
        attendees[0].cal_address,
        format!("mailto:{address}"),
        "{what}"
    );
    assert!(
        attendees[0]
            .cn
            .as_deref()
            .is_some_and(|cn| cn.contains("Eve")),
        "{what}: the name is kept, cleaned: {text}"
    );
    assert_eq!(
        text.matches("\r\nATTENDEE").count(),
        1,
        "{what}: one ATTENDEE line: {text}"
    );
    event
        .property_value("STATUS")
        .unwrap_or_default()
        .to_owned()
}

/// Writes `name` straight into the booking, as a row stored before names were checked.
async fn store_guest_name(app: &TestApp, booking: Uuid, name: &'static str) {
    app.db(move |conn| {
        diesel::update(booking_table::table.filter(booking_table::id.eq(DbId(booking))))
            .set(booking_table::guest_name.eq(name))
            .execute(conn)
            .unwrap()
    })
    .await;
}

async fn only_booking(app: &TestApp, provider: Uuid) -> bookings::Booking {
    let rows = crate::booking::holding_rows(app, provider).await;
    assert_eq!(rows.len(), 1);
    rows.into_iter().next().unwrap()
}

/// The calendar attached to the newest delivered mail to `to` whose subject starts with
/// `subject`.
async fn invite(app: &TestApp, to: &str, subject: &str) -> String {
    app.delivered_mail()
        .await
        .into_iter()
        .rev()
        .find(|m| m.to == to && m.subject.starts_with(subject))
        .unwrap_or_else(|| panic!("no mail to {to} starting {subject:?}"))
        .ics
        .unwrap_or_else(|| panic!("the {subject:?} mail carries no calendar"))
}

/// Follows the "Confirm your booking" link of the newest "Please confirm" mail.
async fn confirm_by_mail(app: &TestApp, to: &str) {
    let (_, text) = app
        .mails_to(to)
        .await
        .into_iter()
        .rev()
        .find(|(subject, _)| subject.starts_with("Please confirm"))
        .expect("a confirmation request");
    let after = &text[text.find("Confirm your booking").expect("confirm link")..];
    let path = link_path(after, "/b/").expect("a /b/ link");
    let html = app.get(&path).await.text().await.unwrap();
    let csrf = crate::helpers::csrf_token(&html);
    let done = app.post_form(&path, &[("csrf_token", &csrf)]).await;
    assert_eq!(done.status(), 200, "confirmed");
}

async fn a_guest_name_with_line_breaks_and_quotes_stays_one_attendee_in_the_feed_invite_and_download(
    app: TestApp,
) {
    let p = arrange_provider(&app, ConfirmationMode::Email, |s| {
        s.location = "Room 1\r\nBEGIN:VALARM".into();
    })
    .await;
    let done = location(&book(&app, tuesday_ten(), GUEST).await);
    let booking = only_booking(&app, p.id).await;
    store_guest_name(&app, booking.id, HOSTILE_NAME).await;
    let guest = "grace@example.com";

    // The download after booking.
    let download = app.get(&format!("{done}/booking.ics")).await;
    assert_eq!(download.status(), 200);
    let text = download.text().await.unwrap();
    assert_one_clean_attendee("the download", &text, guest);

    // The mailed invite, composed from the stored row (the confirmation sends a new one).
    confirm_by_mail(&app, guest).await;
    let text = invite(&app, guest, "Booking confirmed").await;
    assert_one_clean_attendee("the invite", &text, guest);

    // The provider's feed.
    let provider = p.id;
    let token = app
        .db(move |conn| feeds::regenerate(conn, provider, test_now()).unwrap())
        .await;
    let feed = app.get(&format!("/feeds/{token}.ics")).await;
    assert_eq!(feed.status(), 200);
    let text = feed.text().await.unwrap();
    assert_one_clean_attendee("the feed", &text, guest);
    assert!(
        text.contains("Intro call – "),
        "the provider's title: {text}"
    );
}

async fn an_unconfirmed_booking_is_tentative_until_confirmed_and_every_calendar_has_one_prodid(
    app: TestApp,
) {
    let p = arrange_provider(&app, ConfirmationMode::Email, |_| {}).await;
    let done = location(&book(&app, tuesday_ten(), GUEST).await);
    let guest = "grace@example.com";
    let provider = p.id;
    let token = app
        .db(move |conn| feeds::regenerate(conn, provider, test_now()).unwrap())
        .await;
    let feed = format!("/feeds/{token}.ics");
    let download = format!("{done}/booking.ics");

    let pending = [
        (
            "the please-confirm invite",
            invite(&app, guest, "Please confirm").await,
        ),
        (
            "the download",
            app.get(&download).await.text().await.unwrap(),
        ),
        ("the feed", app.get(&feed).await.text().await.unwrap()),
    ];
    for (what, text) in &pending {
        assert_eq!(
            status_of_event(text),
            "TENTATIVE",
            "{what} of a pending booking: {text}"
        );
        assert_eq!(text.matches("PRODID").count(), 1, "{what}: {text}");
    }

    confirm_by_mail(&app, guest).await;
    let confirmed = [
        (
            "the confirmed invite",
            invite(&app, guest, "Booking confirmed").await,
        ),
        (
            "the download",
            app.get(&download).await.text().await.unwrap(),
        ),
        ("the feed", app.get(&feed).await.text().await.unwrap()),
    ];
    for (what, text) in &confirmed {
        assert_eq!(status_of_event(text), "CONFIRMED", "{what}: {text}");
        assert_eq!(text.matches("PRODID").count(), 1, "{what}: {text}");
    }
}

fn status_of_event(text: &str) -> String {
    let calendar: icalendar::Calendar = text.parse().expect("parses");
    calendar
        .components
        .iter()
        .find_map(|c| c.as_event())
        .and_then(|e| e.property_value("STATUS"))
        .unwrap_or_default()
        .to_owned()
}

async fn expiry_mails_to(app: &TestApp, to: &str) -> usize {
    app.mails_to(to)
        .await
        .iter()
        .filter(|(subject, _)| subject.starts_with("Booking not confirmed"))
        .count()
}

async fn a_lapsed_hold_is_offered_again_before_the_sweeper_runs(app: TestApp) {
    arrange_provider(&app, ConfirmationMode::Email, |_| {}).await;
    let day = "/alice/intro?tz=Europe/Berlin&month=2030-01&date=2030-01-08";
    let slot_link = format!("start={}", tuesday_ten().timestamp());
    assert!(app
        .get(day)
        .await
        .text()
        .await
        .unwrap()
        .contains(&slot_link));
    assert_eq!(book(&app, tuesday_ten(), GUEST).await.status(), 303);
    assert!(
        !app.get(day)
            .await
            .text()
            .await
            .unwrap()
            .contains(&slot_link),
        "a live hold takes the time off the day page"
    );

    // The hold lapses; no sweeper pass has run.
    app.clock.advance(chrono::Duration::minutes(31));
    assert!(
        app.get(day)
            .await
            .text()
            .await
            .unwrap()
            .contains(&slot_link),
        "the lapsed hold does not hide the time"
    );
    let second = [("name", "Hal Second"), ("email", "hal@example.com")];
    assert_eq!(book(&app, tuesday_ten(), &second).await.status(), 303);
    assert_eq!(expiry_mails_to(&app, "grace@example.com").await, 1);
}

async fn a_hold_expired_by_the_next_guests_claim_tells_its_guest_once(app: TestApp) {
    let p = arrange_provider(&app, ConfirmationMode::Email, |_| {}).await;
    // A second guest opens the form while the time is still free...
    let form = crate::booking::OpenForm::open(&app, tuesday_ten()).await;
    // ...the first guest books it and never confirms...
    assert_eq!(book(&app, tuesday_ten(), GUEST).await.status(), 303);
    let first = only_booking(&app, p.id).await;
    app.clock.advance(chrono::Duration::minutes(31));

    // ...and before the sweeper runs, the second guest submits.
    let second = app
        .post_form(
            "/alice/intro/book",
            &form.body(&[("name", "Hal Second"), ("email", "hal@example.com")]),
        )
        .await;
    assert_eq!(second.status(), 303, "the lapsed hold does not block");

    let guest = "grace@example.com";
    assert_eq!(
        expiry_mails_to(&app, guest).await,
        1,
        "the first guest is told"
    );
    let events = app
        .db(move |conn| {
            use slotbook::db::schema::booking_events as events;
            events::table
                .filter(events::booking_id.eq(DbId(first.id)))
                .select(events::kind)
                .load::<String>(conn)
                .unwrap()
        })
        .await;
    assert_eq!(
        events.iter().filter(|k| *k == "expired").count(),
        1,
        "{events:?}"
    );
    let sent = app.delivered_mail().await;
    let told = sent
        .iter()
        .find(|m| m.to == guest && m.subject.starts_with("Booking not confirmed"))
        .expect("the expiry mail is delivered");
    assert!(told.text.contains("not confirmed in time"), "{}", told.text);

    // The sweeper finds nothing left to expire and sends nothing again.
    let pass = slotbook::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(pass.expired, 0);
    assert_eq!(expiry_mails_to(&app, guest).await, 1, "exactly once");
    assert_eq!(expiry_mails_to(&app, "hal@example.com").await, 0);
}

async fn a_permanent_smtp_refusal_fails_at_once_with_the_servers_answer_and_a_temporary_one_backs_off(
    backend: Backend,
) {
    let server = SmtpServer::start().await;
    let url = server.url();
    let Some(app) = spawn_app_with(backend, |s| s.smtp_url = Some(url)).await else {
        return;
    };
    arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    let refused = "refused@example.com";
    let busy = "busy@example.com";
    for (start, email) in [
        (tuesday_ten(), refused),
        (tuesday_ten() + chrono::Duration::hours(1), busy),
    ] {
        let done = book(&app, start, &[("name", "Guest"), ("email", email)]).await;
        assert_eq!(done.status(), 303);
    }

    let pass = deliver_due(&app.state).await.unwrap();
    assert_eq!(
        pass,
        Pass {
            sent: 2,
            retried: 1,
            failed: 1
        },
        "two provider mails sent, the 550 given up, the 451 queued again"
    );
    let rows = app
        .db(|c| outbox::recent_by_status(c, None, 100).unwrap())
        .await;
    let row_to = |to: &str| {
        rows.iter()
            .find(|r| r.recipient == to)
            .unwrap_or_else(|| panic!("a mail to {to}"))
            .clone()
    };
    let gone = row_to(refused);
    assert_eq!(gone.status, "failed", "not retried for hours");
    assert_eq!(gone.attempts, 1);
    let error = gone.last_error.clone().unwrap_or_default();
    assert!(
        error.contains("550") && error.contains("User unknown"),
        "the server's answer is kept: {error}"
    );
    let later = row_to(busy);
    assert_eq!(later.status, "queued");
    assert_eq!(later.next_attempt_at, app.state.now() + retry_delay(1));
    assert!(later.last_error.unwrap_or_default().contains("451"));

    // The next pass retries only the temporary failure.
    app.clock.advance(retry_delay(1));
    let pass = deliver_due(&app.state).await.unwrap();
    assert_eq!(
        pass,
        Pass {
            sent: 0,
            retried: 1,
            failed: 0
        }
    );
    assert_eq!(
        app.db(move |c| outbox::find(c, gone.id).unwrap().unwrap())
            .await
            .attempts,
        1
    );
    assert!(server
        .received()
        .iter()
        .all(|m| m.to.iter().all(|to| to == "alice@example.com")));

    // The admin mail page shows it, with the server's answer.
    let admin = app.create_provider("root").await;
    let id = admin.id;
    app.db(move |conn| {
        use slotbook::db::schema::users;
        diesel::update(users::table.filter(users::id.eq(DbId(id))))
            .set(users::role.eq("admin"))
            .execute(conn)
            .unwrap()
    })
    .await;
    let browser = app.new_client();
    app.sign_in(&browser, &admin.username, &admin.password)
        .await;
    let page = app.get_with(&browser, "/admin/mail?status=failed").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains(refused), "{html}");
    assert!(
        html.contains("Permanent failure, not retried:")
            && html.contains("(550)")
            && html.contains("5.1.1 Recipient address rejected: User unknown"),
        "{html}"
    );
    assert!(!html.contains(busy), "the temporary failure is not failed");
}

/// A second provider, `bob`, with a service of the given reminder lead and `count`
/// confirmed five-minute bookings of it, back to back from `first`.
async fn confirmed_bookings_of_bob(
    app: &TestApp,
    slug: &'static str,
    reminder_minutes_before: Option<i32>,
    first: chrono::DateTime<chrono::Utc>,
    count: i64,
) {
    use slotbook::db::models::{services, users};
    use slotbook::domain::booking::BookingStatus;
    use slotbook::domain::service::ServiceSpec;
    app.db(move |conn| {
        let now = test_now();
        let bob = match users::find_by_username(conn, "bob").unwrap() {
            Some(user) => user.id,
            None => users::insert(
                conn,
                &users::NewUser {
                    username: "bob",
                    email: "bob@example.com",
                    password_hash: "unused",
                    full_name: "Bob Example",
                    timezone: "Europe/Berlin",
                    role: "provider",
                    email_verified_at: Some(now),
                },
                now,
            )
            .unwrap(),
        };
        let spec = ServiceSpec {
            name: slug.into(),
            slug: slug.into(),
            reminder_minutes_before,
            ..ServiceSpec::defaults()
        };
        let service = services::insert(conn, bob, &spec, now).unwrap();
        slotbook::db::write_transaction(conn, |c| {
            for i in 0..count {
                let start = first + chrono::Duration::minutes(5 * i);
                let end = start + chrono::Duration::minutes(5);
                let new = bookings::NewBooking {
                    provider_id: bob,
                    service_id: service,
                    guest_name: format!("Guest {i}"),
                    guest_email: format!("{slug}{i}@example.com"),
                    guest_phone: None,
                    guest_timezone: "Europe/Berlin".into(),
                    guest_notes: None,
                    answers: "[]".into(),
                    start_at: start,
                    end_at: end,
                    block_start_at: start,
                    block_end_at: end,
                    status: BookingStatus::Confirmed,
                    hold_expires_at: None,
                    rescheduled_from_id: None,
                    idempotency_key: None,
                };
                bookings::insert(c, &new, now)?;
            }
            Ok::<_, slotbook::db::StoreError>(())
        })
        .unwrap();
    })
    .await;
}

async fn hundreds_of_bookings_without_reminders_do_not_starve_the_one_that_needs_one(app: TestApp) {
    // Grace books Tuesday 10:00 Berlin, 25 hours ahead, of a service that reminds a week
    // before: her reminder is due now.
    arrange_provider(&app, ConfirmationMode::Instant, |s| {
        s.reminder_minutes_before = Some(7 * 24 * 60)
    })
    .await;
    assert_eq!(book(&app, tuesday_ten(), GUEST).await.status(), 303);
    // All starting before hers: 250 bookings of a service without reminders, and 5 of a
    // service that reminds 10 minutes before (not due yet).
    let now = test_now();
    confirmed_bookings_of_bob(&app, "quiet", None, now + chrono::Duration::hours(1), 250).await;
    confirmed_bookings_of_bob(
        &app,
        "short",
        Some(10),
        now + chrono::Duration::hours(22),
        5,
    )
    .await;

    let pass = slotbook::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(pass.reminded, 1, "one pass reaches the one that is due");
    let reminders = outbox(&app)
        .await
        .into_iter()
        .filter(|(_, subject, _)| subject.starts_with("Reminder"))
        .map(|(to, ..)| to)
        .collect::<Vec<_>>();
    assert_eq!(reminders, ["grace@example.com"]);
    assert_eq!(
        slotbook::jobs::run_once(&app.state).await.unwrap().reminded,
        0,
        "never twice"
    );

    // The short-lead ones go out when their own lead time comes, the quiet ones never.
    app.clock
        .set(now + chrono::Duration::hours(22) - chrono::Duration::minutes(10));
    assert_eq!(
        slotbook::jobs::run_once(&app.state).await.unwrap().reminded,
        1
    );
    // At 22:01 the 22:05 and 22:10 ones are inside their 10 minutes, the 22:15 one not.
    app.clock
        .set(now + chrono::Duration::hours(22) + chrono::Duration::minutes(1));
    assert_eq!(
        slotbook::jobs::run_once(&app.state).await.unwrap().reminded,
        2
    );
    let quiet = outbox(&app)
        .await
        .iter()
        .filter(|(to, subject, _)| to.starts_with("quiet") && subject.starts_with("Reminder"))
        .count();
    assert_eq!(quiet, 0);
}
