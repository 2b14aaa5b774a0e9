//! Teams follow-ups (issue 11): a guest's emailed links on a team booking lead to the
//! team service's pages, and a move goes through the team claim.

use chrono::{Duration, Utc};
use slotbook::db::models::bookings;
use slotbook::domain::availability::team::AssignmentMode;
use slotbook::domain::booking::BookingStatus;

use super::booking::{arrange_team, book, holding};
use crate::booking::tuesday_ten;
use crate::helpers::{csrf_token, hidden_field, location, TestApp};

crate::both_backends!(
    a_guests_reschedule_link_moves_a_team_booking_through_the_team_claim,
    a_lapsed_hold_on_a_team_booking_expires_by_the_sweeper_and_by_the_next_claim,
);

/// The path of the `label` link in the latest mail to `to` whose subject starts `subject`.
pub(super) async fn link_in_mail(app: &TestApp, to: &str, subject: &str, label: &str) -> String {
    let mails = app.mails_to(to).await;
    let (_, text) = mails
        .iter()
        .rev()
        .find(|(s, _)| s.starts_with(subject))
        .unwrap_or_else(|| panic!("no mail to {to} starting {subject:?}: {mails:#?}"));
    let after = &text[text
        .find(&format!("{label}:"))
        .unwrap_or_else(|| panic!("no {label} link in {text}"))..];
    let url = after[after.find("http").unwrap()..]
        .split_whitespace()
        .next()
        .unwrap();
    let (_, path) = url.split_once("://").unwrap().1.split_once('/').unwrap();
    format!("/{path}")
}

/// Opens the reschedule form for `form_at` with `token` and posts it as the guest for
/// `start` (another time when the listing changed after the form was opened).
async fn move_to(
    app: &TestApp,
    token: &str,
    form_at: chrono::DateTime<Utc>,
    start: chrono::DateTime<Utc>,
) -> reqwest::Response {
    move_through(app, "/harbour/pair", token, form_at, start).await
}

/// [`move_to`] on the team service at `path`.
pub(super) async fn move_through(
    app: &TestApp,
    path: &str,
    token: &str,
    form_at: chrono::DateTime<Utc>,
    start: chrono::DateTime<Utc>,
) -> reqwest::Response {
    let form = app
        .get(&format!(
            "{path}/book?start={}&tz=Europe/Berlin&reschedule={token}",
            form_at.timestamp()
        ))
        .await;
    assert_eq!(form.status(), 200);
    let html = form.text().await.unwrap();
    assert!(
        html.contains("value=\"grace\"") && html.contains("value=\"grace@example.com\""),
        "the move's form is filled from the booking: {html}"
    );
    let key = hidden_field(&html, "idempotency_key").unwrap();
    let csrf = csrf_token(&html);
    let start = start.timestamp().to_string();
    app.post_form(
        &format!("{path}/book"),
        &[
            ("csrf_token", &csrf),
            ("start", &start),
            ("tz", "Europe/Berlin"),
            ("idempotency_key", &key),
            ("reschedule", token),
            ("host", ""),
            ("name", "grace"),
            ("email", "grace@example.com"),
        ],
    )
    .await
}

pub(super) fn token_of(href: &str) -> String {
    href.split("reschedule=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_owned()
}

async fn a_guests_reschedule_link_moves_a_team_booking_through_the_team_claim(app: TestApp) {
    let ids = arrange_team(&app, &["alice", "bob"], "pair", AssignmentMode::Collective).await;
    let booked = book(&app, "/harbour/pair", tuesday_ten(), None, "grace").await;
    assert_eq!(booked.status(), 303);
    let reschedule =
        link_in_mail(&app, "grace@example.com", "Booking confirmed", "Reschedule").await;

    // The link opens the team service's month page in reschedule mode.
    let to_calendar = app.get(&reschedule).await;
    assert_eq!(to_calendar.status(), 303);
    let calendar = location(&to_calendar);
    assert!(
        calendar.starts_with("/harbour/pair?reschedule="),
        "{calendar}"
    );
    let month = app
        .get(&calendar.replace("tz=", "date=2030-01-08&month=2030-01&tz="))
        .await;
    assert_eq!(month.status(), 200);
    let page = month.text().await.unwrap();
    assert!(
        page.contains("Choose a new time"),
        "reschedule mode: {page}"
    );
    let token = token_of(&calendar);
    assert!(
        page.contains(&format!("reschedule={token}")),
        "the slots carry the move"
    );

    // An hour later: the move goes through the team claim and holds both hosts again.
    let later = tuesday_ten() + Duration::hours(1);
    let moved = move_to(&app, &token, later, later).await;
    assert_eq!(moved.status(), 303, "{}", moved.text().await.unwrap());
    for host in &ids {
        let rows = holding(&app, *host).await;
        assert_eq!(rows.len(), 1, "one holding booking for each host: {rows:?}");
        assert_eq!(rows[0].1.start, later);
    }
    let alice = ids[0];
    let statuses: Vec<(BookingStatus, bool)> = app
        .db(move |conn| {
            let (rows, _) =
                bookings::list_for_provider(conn, alice, &Default::default(), 0, 100).unwrap();
            rows.iter()
                .map(|b| (b.status(), b.rescheduled_from_id.is_some()))
                .collect()
        })
        .await;
    assert!(
        statuses.contains(&(BookingStatus::Cancelled, false)),
        "{statuses:?}"
    );
    assert!(
        statuses.contains(&(BookingStatus::Confirmed, true)),
        "{statuses:?}"
    );
    // The used link is dead.
    assert_eq!(app.get(&reschedule).await.status(), 410);

    // Same host rules: another guest takes 13:00 for both hosts; the next move there is
    // refused as taken, and the booking stays where it is.
    let other = tuesday_ten() + Duration::hours(3);
    assert_eq!(
        book(&app, "/harbour/pair", other, None, "henry")
            .await
            .status(),
        303
    );
    let again = link_in_mail(&app, "grace@example.com", "Booking", "Reschedule").await;
    let again = location(&app.get(&again).await);
    let again = token_of(&again);
    let listed = app
        .get(&format!(
            "/harbour/pair/book?start={}&tz=Europe/Berlin&reschedule={again}",
            other.timestamp()
        ))
        .await;
    assert_eq!(listed.status(), 409, "the taken time is not offered");
    let refused = move_to(&app, &again, later + Duration::hours(4), other).await;
    assert_eq!(refused.status(), 409, "the claim refuses it too");
    let rows = holding(&app, ids[1]).await;
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows.iter().any(|(_, r)| r.start == later));

    // The cancel link of the moved booking still works on the team booking.
    let cancel = link_in_mail(&app, "grace@example.com", "Booking", "Cancel").await;
    let page = app.get(&cancel).await;
    assert_eq!(page.status(), 200);
}

/// Makes the team's services hold new bookings until the guest confirms by email.
async fn confirm_by_email(app: &TestApp) {
    app.db(move |conn| {
        use diesel::prelude::*;
        use slotbook::db::schema::services;
        let changed = diesel::update(services::table.filter(services::team_id.is_not_null()))
            .set((
                services::confirmation_mode.eq("email"),
                services::hold_minutes.eq(30),
            ))
            .execute(conn)
            .unwrap();
        assert_eq!(changed, 1, "one team service");
    })
    .await;
}

/// How many "not confirmed in time" mails `guest` got.
async fn not_confirmed(app: &TestApp, guest: &str) -> usize {
    app.mails_to(&format!("{guest}@example.com"))
        .await
        .iter()
        .filter(|(subject, _)| subject.starts_with("Booking not confirmed"))
        .count()
}

async fn a_lapsed_hold_on_a_team_booking_expires_by_the_sweeper_and_by_the_next_claim(
    app: TestApp,
) {
    let ids = arrange_team(&app, &["alice", "bob"], "pair", AssignmentMode::Collective).await;
    confirm_by_email(&app).await;
    // The sweeper: grace's hold lapses and she is told, once.
    let booked = book(&app, "/harbour/pair", tuesday_ten(), None, "grace").await;
    assert_eq!(booked.status(), 303);
    assert_eq!(holding(&app, ids[1]).await.len(), 1, "a live hold holds");
    app.clock.advance(Duration::minutes(31));
    let swept = slotbook::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(swept.expired, 1, "the team booking's hold expires");
    assert_eq!(not_confirmed(&app, "grace").await, 1);
    for host in &ids {
        assert!(holding(&app, *host).await.is_empty(), "its time is free");
    }

    // The next claim: hal's hold lapses and ivy books his time before any sweep.
    let later = tuesday_ten() + Duration::hours(2);
    assert_eq!(
        book(&app, "/harbour/pair", later, None, "hal")
            .await
            .status(),
        303
    );
    app.clock.advance(Duration::minutes(31));
    let ivy = book(&app, "/harbour/pair", later, None, "ivy").await;
    assert_eq!(ivy.status(), 303, "the lapsed hold does not block");
    assert_eq!(not_confirmed(&app, "hal").await, 1, "hal is told");
    let alice = ids[0];
    let statuses: Vec<BookingStatus> = app
        .db(move |conn| {
            let (rows, _) =
                bookings::list_for_provider(conn, alice, &Default::default(), 0, 100).unwrap();
            rows.iter().map(|b| b.status()).collect()
        })
        .await;
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == BookingStatus::Expired)
            .count(),
        2,
        "{statuses:?}"
    );
    assert!(statuses.contains(&BookingStatus::Pending), "ivy's hold");
}
