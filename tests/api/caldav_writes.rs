//! Write-back beyond single changes, against a real Radicale on both backends: choosing a
//! calendar to write into copies the bookings already made into it (queued with the
//! choice, written by the worker), and a write-back row is read into its domain types, so
//! a stored action or status this code does not know is an error, not a default.

use chrono::TimeDelta;
use slotbook::calendar_writes::Pass as WritePass;

use crate::booking::{book, GUEST};
use crate::caldav_accounts::{arrange_account, booking_at, choose, collection, written};
use crate::calendars::at;
use crate::helpers::{csrf_token, Backend, TestApp};
use crate::on_both_backends;
use crate::typed_rows::{assert_internal_error, store_raw};

on_both_backends!(
    choosing_a_write_calendar_copies_the_upcoming_confirmed_bookings_into_it,
    a_write_with_an_unknown_stored_action_or_status_is_an_error_not_a_default,
);

/// Cancels the booking at `path` as the provider.
async fn cancel(app: &TestApp, path: &str) {
    let csrf = csrf_token(&app.get(path).await.text().await.unwrap());
    let cancelled = app
        .post_form(
            &format!("{path}/cancel"),
            &[("csrf_token", &csrf), ("reason", "Away")],
        )
        .await;
    assert_eq!(cancelled.status(), 303);
}

async fn choosing_a_write_calendar_copies_the_upcoming_confirmed_bookings_into_it(
    backend: Backend,
) {
    // Alice's Work calendar counts as busy; nothing is written anywhere yet.
    let Some((app, radicale, work, account_path)) = arrange_account(backend, false).await else {
        return;
    };
    let host = app.state.settings.host().to_owned();
    let (past, upcoming, cancelled) = (at(3, 12, 9, 0), at(3, 13, 9, 0), at(3, 14, 9, 0));
    for start in [past, upcoming, cancelled] {
        assert_eq!(book(&app, start, GUEST).await.status(), 303);
    }
    let (past, upcoming, cancelled) = (
        booking_at(&app, past).await,
        booking_at(&app, upcoming).await,
        booking_at(&app, cancelled).await,
    );
    cancel(&app, &format!("/dashboard/bookings/{}", cancelled.id)).await;
    assert_eq!(written(&app).await, WritePass::default(), "nothing chosen");
    // The first booking is over by the time the calendar is chosen.
    app.clock.set(at(3, 12, 12, 0));

    assert_eq!(
        choose(&app, &account_path, &[&work], &work).await.status(),
        303
    );
    // Queued with the choice: the booking page says so before the worker runs.
    let page = app
        .get(&format!("/dashboard/bookings/{}", upcoming.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Your calendar:") && page.contains("pending"),
        "{page}"
    );
    let page = app
        .get(&format!("/dashboard/bookings/{}", past.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !page.contains("Your calendar:"),
        "a past booking is not copied"
    );
    assert_eq!(written(&app).await.written, 1);
    let calendar = collection(&radicale, &work).await;
    assert!(
        calendar.contains(&format!("UID:{}@{host}", upcoming.id)),
        "{calendar}"
    );
    assert!(calendar.contains("DTSTART:20300313T090000Z"), "{calendar}");
    for left_out in [past.id, cancelled.id] {
        assert!(!calendar.contains(&left_out.to_string()), "{calendar}");
    }
    assert!(
        calendar.contains("UID:standup-1"),
        "the provider's own events stay"
    );

    // Saving the same choice again copies nothing twice.
    assert_eq!(
        choose(&app, &account_path, &[&work], &work).await.status(),
        303
    );
    assert_eq!(written(&app).await, WritePass::default());
    // Choosing no calendar, then Work again, copies what is upcoming then.
    assert_eq!(
        choose(&app, &account_path, &[&work], "").await.status(),
        303
    );
    app.clock.advance(TimeDelta::minutes(5));
    assert_eq!(
        choose(&app, &account_path, &[&work], &work).await.status(),
        303
    );
    assert_eq!(written(&app).await.written, 1, "rewritten in place");
    let calendar = collection(&radicale, &work).await;
    assert_eq!(
        calendar.matches("BEGIN:VEVENT").count(),
        2,
        "standup + the one booking: {calendar}"
    );
}

async fn a_write_with_an_unknown_stored_action_or_status_is_an_error_not_a_default(
    backend: Backend,
) {
    let Some((app, _radicale, _, _)) = arrange_account(backend, true).await else {
        return;
    };
    let start = at(3, 20, 9, 0);
    assert_eq!(book(&app, start, GUEST).await.status(), 303);
    assert_eq!(written(&app).await.written, 1);
    let path = format!("/dashboard/bookings/{}", booking_at(&app, start).await.id);
    let page = app.get(&path).await.text().await.unwrap();
    assert!(page.contains("written to your calendar"), "{page}");

    store_raw(&app, "calendar_writes", "action", "rewrite").await;
    assert_internal_error(&app, &path, "written to your calendar").await;
    store_raw(&app, "calendar_writes", "action", "put").await;
    assert!(app.get(&path).await.status().is_success());
    store_raw(&app, "calendar_writes", "status", "done").await;
    assert_internal_error(&app, &path, "Your calendar:").await;
}
