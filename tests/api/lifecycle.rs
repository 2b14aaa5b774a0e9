//! The booking lifecycle through email links and background jobs, on both backends: links
//! are read out of the mails as a guest would.

use chrono::{Duration, TimeZone, Utc};
use slotbook::db::models::bookings;
use slotbook::domain::booking::BookingStatus;
use slotbook::domain::service::ConfirmationMode;
use uuid::Uuid;

use crate::booking::{arrange_provider, book, tuesday_ten, GUEST};
use crate::both_backends;
use crate::helpers::{csrf_token, location, outbox, TestApp};

both_backends!(
    confirming_within_the_hold_confirms_and_a_get_changes_nothing,
    confirming_after_the_hold_lapsed_says_so,
    a_link_used_twice_is_gone_and_unknown_links_are_404,
    cancelling_frees_the_slot_and_tells_the_provider,
    cancelling_inside_the_notice_window_is_refused,
    rescheduling_moves_the_booking_and_kills_old_links,
    approving_and_declining_from_the_email,
    the_sweeper_expires_lapsed_holds_and_frees_the_slot,
    reminders_go_out_once,
);

/// The `/b/{token}` link after `label` in the newest mail to `to` whose subject starts with `subject`.
async fn link_in_mail(app: &TestApp, to: &str, subject: &str, label: &str) -> String {
    let mails = outbox(app).await;
    let (_, _, text) = mails
        .iter()
        .rev()
        .find(|(recipient, s, _)| recipient == to && s.starts_with(subject))
        .unwrap_or_else(|| panic!("no mail to {to} starting {subject:?}: {mails:#?}"));
    let after = &text[text
        .find(&format!("{label}:"))
        .unwrap_or_else(|| panic!("no {label} link in {text}"))..];
    let start = after.find("http").unwrap();
    let url = after[start..].split_whitespace().next().unwrap();
    url.split_once("://")
        .unwrap()
        .1
        .split_once('/')
        .map(|(_, p)| format!("/{p}"))
        .unwrap()
}

async fn status_of(app: &TestApp, provider: Uuid) -> Vec<BookingStatus> {
    app.db(move |conn| {
        let (rows, _) =
            bookings::list_for_provider(conn, provider, &Default::default(), 0, 100).unwrap();
        rows.iter().map(|b| b.status()).collect()
    })
    .await
}

async fn post_link(app: &TestApp, path: &str, extra: &[(&str, &str)]) -> reqwest::Response {
    let page = app.get(path).await;
    let html = page.text().await.unwrap();
    let csrf = csrf_token(&html);
    let mut form = vec![("csrf_token", csrf.as_str())];
    form.extend_from_slice(extra);
    app.post_form(path, &form).await
}

async fn confirming_within_the_hold_confirms_and_a_get_changes_nothing(app: TestApp) {
    let p = arrange_provider(&app, ConfirmationMode::Email, |_| {}).await;
    assert_eq!(book(&app, tuesday_ten(), GUEST).await.status(), 303);
    let confirm = link_in_mail(
        &app,
        "grace@example.com",
        "Please confirm",
        "Confirm your booking",
    )
    .await;
    for _ in 0..2 {
        let page = app.get(&confirm).await;
        assert_eq!(page.status(), 200);
        assert!(page.text().await.unwrap().contains("Confirm booking"));
    }
    assert_eq!(
        status_of(&app, p.id).await,
        vec![BookingStatus::Pending],
        "GET changed nothing"
    );
    app.clock.advance(Duration::minutes(29));
    let done = post_link(&app, &confirm, &[]).await;
    assert_eq!(done.status(), 200);
    assert!(done
        .text()
        .await
        .unwrap()
        .contains("Your booking is confirmed"));
    assert_eq!(status_of(&app, p.id).await, vec![BookingStatus::Confirmed]);
    let mails = outbox(&app).await;
    let confirmed = mails
        .iter()
        .find(|m| m.0 == "grace@example.com" && m.1.starts_with("Booking confirmed"))
        .expect("confirmation mail");
    assert!(
        confirmed.2.contains("Europe/Berlin"),
        "times name their zone"
    );
    // The confirmation carries fresh cancel/reschedule links; the first mail's are dead.
    let old_cancel = link_in_mail(&app, "grace@example.com", "Please confirm", "Cancel").await;
    assert_eq!(app.get(&old_cancel).await.status(), 410);
    let new_cancel = link_in_mail(&app, "grace@example.com", "Booking confirmed", "Cancel").await;
    assert_eq!(app.get(&new_cancel).await.status(), 200);
    assert_eq!(post_link(&app, &new_cancel, &[]).await.status(), 200);
    assert_eq!(status_of(&app, p.id).await, vec![BookingStatus::Cancelled]);
}

async fn confirming_after_the_hold_lapsed_says_so(app: TestApp) {
    let p = arrange_provider(&app, ConfirmationMode::Email, |_| {}).await;
    book(&app, tuesday_ten(), GUEST).await;
    let confirm = link_in_mail(
        &app,
        "grace@example.com",
        "Please confirm",
        "Confirm your booking",
    )
    .await;
    app.clock.advance(Duration::minutes(31));
    let page = app.get(&confirm).await;
    assert_eq!(page.status(), 410);
    let text = page.text().await.unwrap();
    assert!(text.contains("expired"), "{text}");
    assert_eq!(status_of(&app, p.id).await, vec![BookingStatus::Pending]);
}

async fn a_link_used_twice_is_gone_and_unknown_links_are_404(app: TestApp) {
    arrange_provider(&app, ConfirmationMode::Email, |_| {}).await;
    book(&app, tuesday_ten(), GUEST).await;
    let confirm = link_in_mail(
        &app,
        "grace@example.com",
        "Please confirm",
        "Confirm your booking",
    )
    .await;
    let html = app.get(&confirm).await.text().await.unwrap();
    let csrf = csrf_token(&html);
    assert_eq!(
        app.post_form(&confirm, &[("csrf_token", &csrf)])
            .await
            .status(),
        200
    );
    let again = app.post_form(&confirm, &[("csrf_token", &csrf)]).await;
    assert_eq!(again.status(), 410);
    assert!(
        !again.text().await.unwrap().contains("Grace"),
        "a dead link reveals no booking"
    );
    assert_eq!(
        app.get(&format!("/b/{}", "0".repeat(64))).await.status(),
        404
    );
    assert_eq!(app.get("/b/not-a-token").await.status(), 404);
}

async fn cancelling_frees_the_slot_and_tells_the_provider(app: TestApp) {
    let p = arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    book(&app, tuesday_ten(), GUEST).await;
    let cancel = link_in_mail(&app, "grace@example.com", "Booking confirmed", "Cancel").await;
    let done = post_link(&app, &cancel, &[("reason", "Feeling better")]).await;
    assert_eq!(done.status(), 200);
    assert_eq!(status_of(&app, p.id).await, vec![BookingStatus::Cancelled]);
    let mails = outbox(&app).await;
    let to_provider = mails
        .iter()
        .find(|m| m.0 == "alice@example.com" && m.1.starts_with("Cancelled by the guest"))
        .expect("provider told");
    assert!(to_provider.2.contains("Feeling better"));
    // The slot is free again.
    let again = book(
        &app,
        tuesday_ten(),
        &[("name", "Next"), ("email", "next@example.com")],
    )
    .await;
    assert_eq!(again.status(), 303);
}

async fn cancelling_inside_the_notice_window_is_refused(app: TestApp) {
    let p = arrange_provider(&app, ConfirmationMode::Instant, |s| {
        s.cancellation_notice_minutes = 120
    })
    .await;
    book(&app, tuesday_ten(), GUEST).await;
    let cancel = link_in_mail(&app, "grace@example.com", "Booking confirmed", "Cancel").await;
    app.clock.set(tuesday_ten() - Duration::minutes(90));
    let refused = post_link(&app, &cancel, &[]).await;
    assert_eq!(refused.status(), 409);
    assert!(refused
        .text()
        .await
        .unwrap()
        .contains("less than 2 hours before the start"));
    assert_eq!(status_of(&app, p.id).await, vec![BookingStatus::Confirmed]);
}

async fn rescheduling_moves_the_booking_and_kills_old_links(app: TestApp) {
    let p = arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    book(&app, tuesday_ten(), GUEST).await;
    let reschedule =
        link_in_mail(&app, "grace@example.com", "Booking confirmed", "Reschedule").await;
    let old_cancel = link_in_mail(&app, "grace@example.com", "Booking confirmed", "Cancel").await;
    let to_calendar = app.get(&reschedule).await;
    assert_eq!(to_calendar.status(), 303);
    let calendar = location(&to_calendar);
    assert!(calendar.contains("reschedule="), "{calendar}");
    let page = app
        .get(&calendar.replace("tz=", "date=2030-01-08&month=2030-01&tz="))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Choose a new time"), "reschedule mode");
    // Move to 11:00 Berlin on the same day: a form in reschedule mode, prefilled.
    let new_start = Utc.with_ymd_and_hms(2030, 1, 8, 10, 0, 0).unwrap();
    let token = calendar
        .split("reschedule=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_owned();
    let form_path = format!(
        "/alice/intro/book?start={}&tz=Europe/Berlin&reschedule={token}",
        new_start.timestamp()
    );
    let html = app.get(&form_path).await.text().await.unwrap();
    assert!(
        html.contains("value=\"Grace Guest\""),
        "prefilled from the booking"
    );
    let key = crate::helpers::hidden_field(&html, "idempotency_key").unwrap();
    let csrf = csrf_token(&html);
    let start = new_start.timestamp().to_string();
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
    assert_eq!(moved.status(), 303);
    let statuses = status_of(&app, p.id).await;
    assert_eq!(
        statuses,
        vec![BookingStatus::Cancelled, BookingStatus::Confirmed],
        "old cancelled, new confirmed"
    );
    // Every old link is dead, with a clear page.
    for old in [&reschedule, &old_cancel] {
        let page = app.get(old).await;
        assert_eq!(page.status(), 410, "{old}");
    }
    // The new mail has working links and a calendar update with the same UID.
    let mails = outbox(&app).await;
    assert!(mails
        .iter()
        .any(|m| m.0 == "grace@example.com" && m.1.starts_with("Booking moved")));
    let new_cancel = link_in_mail(&app, "grace@example.com", "Booking moved", "Cancel").await;
    assert_eq!(app.get(&new_cancel).await.status(), 200);
    // The old time is free again.
    assert_eq!(
        book(
            &app,
            tuesday_ten(),
            &[("name", "Next"), ("email", "next@example.com")]
        )
        .await
        .status(),
        303
    );
    let ics: Vec<String> = app
        .db(|conn| {
            use diesel::prelude::*;
            use slotbook::db::schema::outbox;
            outbox::table
                .filter(outbox::recipient.eq("grace@example.com"))
                .order(outbox::created_at.asc())
                .select(outbox::ics)
                .load::<Option<String>>(conn)
                .unwrap()
                .into_iter()
                .flatten()
                .collect()
        })
        .await;
    let uid = |text: &str| {
        text.lines()
            .find(|l| l.starts_with("UID:"))
            .unwrap()
            .to_owned()
    };
    let seq = |text: &str| {
        text.lines().find(|l| l.starts_with("SEQUENCE:")).unwrap()[9..]
            .trim()
            .parse::<u32>()
            .unwrap()
    };
    let (first, last) = (ics.first().unwrap(), ics.last().unwrap());
    assert_eq!(uid(first), uid(last), "the UID survives the move");
    assert!(seq(last) > seq(first), "SEQUENCE increases");
}

async fn approving_and_declining_from_the_email(app: TestApp) {
    let p = arrange_provider(&app, ConfirmationMode::Provider, |_| {}).await;
    book(&app, tuesday_ten(), GUEST).await;
    let approve = link_in_mail(&app, "alice@example.com", "Approval needed", "Approve").await;
    assert_eq!(post_link(&app, &approve, &[]).await.status(), 200);
    assert_eq!(status_of(&app, p.id).await, vec![BookingStatus::Confirmed]);
    assert!(outbox(&app)
        .await
        .iter()
        .any(|m| m.0 == "grace@example.com" && m.1.starts_with("Booking confirmed")));

    let second = tuesday_ten() + Duration::hours(2);
    book(
        &app,
        second,
        &[("name", "Dan"), ("email", "dan@example.com")],
    )
    .await;
    let decline = link_in_mail(&app, "alice@example.com", "Approval needed", "Decline").await;
    assert_eq!(post_link(&app, &decline, &[]).await.status(), 200);
    assert!(outbox(&app)
        .await
        .iter()
        .any(|m| m.0 == "dan@example.com" && m.1.starts_with("Booking declined")));
    // Declining freed the slot.
    assert_eq!(
        book(
            &app,
            second,
            &[("name", "Eve"), ("email", "eve@example.com")]
        )
        .await
        .status(),
        303
    );
}

async fn the_sweeper_expires_lapsed_holds_and_frees_the_slot(app: TestApp) {
    let p = arrange_provider(&app, ConfirmationMode::Email, |_| {}).await;
    book(&app, tuesday_ten(), GUEST).await;
    assert_eq!(
        slotbook::jobs::run_once(&app.state).await.unwrap().expired,
        0,
        "hold still running"
    );
    app.clock.advance(Duration::minutes(30));
    assert_eq!(
        slotbook::jobs::run_once(&app.state).await.unwrap().expired,
        1
    );
    assert_eq!(
        slotbook::jobs::run_once(&app.state).await.unwrap().expired,
        0,
        "never twice"
    );
    assert_eq!(status_of(&app, p.id).await, vec![BookingStatus::Expired]);
    assert!(outbox(&app)
        .await
        .iter()
        .any(|m| m.0 == "grace@example.com" && m.1.starts_with("Booking not confirmed")));
    assert_eq!(
        book(
            &app,
            tuesday_ten(),
            &[("name", "Next"), ("email", "next@example.com")]
        )
        .await
        .status(),
        303
    );
}

async fn reminders_go_out_once(app: TestApp) {
    arrange_provider(&app, ConfirmationMode::Instant, |s| {
        s.reminder_minutes_before = Some(24 * 60)
    })
    .await;
    book(&app, tuesday_ten(), GUEST).await;
    assert_eq!(
        slotbook::jobs::run_once(&app.state).await.unwrap().reminded,
        0,
        "more than a day ahead"
    );
    app.clock.set(tuesday_ten() - Duration::hours(23));
    assert_eq!(
        slotbook::jobs::run_once(&app.state).await.unwrap().reminded,
        1
    );
    // A second pass, or a concurrent one, sends nothing more.
    let (a, b) = tokio::join!(
        slotbook::jobs::run_once(&app.state),
        slotbook::jobs::run_once(&app.state)
    );
    assert_eq!(a.unwrap().reminded + b.unwrap().reminded, 0);
    let reminders = outbox(&app)
        .await
        .iter()
        .filter(|m| m.1.starts_with("Reminder"))
        .count();
    assert_eq!(reminders, 1);
}

both_backends!(opening_any_link_changes_nothing_and_a_cancellation_carries_a_cancel_invite);

async fn opening_any_link_changes_nothing_and_a_cancellation_carries_a_cancel_invite(app: TestApp) {
    let p = arrange_provider(&app, ConfirmationMode::Provider, |_| {}).await;
    book(&app, tuesday_ten(), GUEST).await;
    let links = [
        link_in_mail(&app, "alice@example.com", "Approval needed", "Approve").await,
        link_in_mail(&app, "alice@example.com", "Approval needed", "Decline").await,
        link_in_mail(&app, "grace@example.com", "Request received", "Cancel").await,
        link_in_mail(&app, "grace@example.com", "Request received", "Reschedule").await,
    ];
    for link in &links {
        for _ in 0..3 {
            let response = app.get(link).await;
            assert!(
                response.status() == 200 || response.status() == 303,
                "{link}"
            );
        }
    }
    assert_eq!(
        status_of(&app, p.id).await,
        vec![BookingStatus::Pending],
        "mail scanners change nothing"
    );
    assert_eq!(post_link(&app, &links[2], &[]).await.status(), 200);
    let sent = app.delivered_mail().await;
    let cancelled = sent
        .iter()
        .find(|m| m.to == "grace@example.com" && m.subject.starts_with("Booking cancelled"))
        .expect("cancellation mail");
    let ics = cancelled.ics.as_deref().expect("calendar update");
    assert!(ics.contains("METHOD:CANCEL") && ics.contains("STATUS:CANCELLED"));
}
