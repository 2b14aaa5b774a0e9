//! The provider's bookings pages over HTTP, on both backends: list and filters, CSV,
//! booking page actions, another provider's booking, and the ICS feed.

use slotbook::domain::booking::BookingStatus;
use slotbook::domain::service::ConfirmationMode;

use crate::booking::{arrange_provider, book, tuesday_ten, GUEST};
use crate::both_backends;
use crate::helpers::{csrf_token, location, TestApp, TEST_PASSWORD};

both_backends!(
    the_list_filters_pages_and_exports_csv,
    the_booking_page_offers_the_actions_of_its_state,
    another_providers_booking_is_not_found,
    the_ics_feed_works_at_its_secret_address_until_regenerated,
);

/// `alice` (see `arrange_provider`) with a known password, signed in on `app.client` after
/// a guest booked through another client.
pub async fn arrange(app: &TestApp, mode: ConfirmationMode) -> uuid::Uuid {
    let provider = arrange_provider(app, mode, |_| {}).await;
    assert_eq!(book(app, tuesday_ten(), GUEST).await.status(), 303);
    let hash = slotbook::auth::password::hash(TEST_PASSWORD).unwrap();
    app.db(move |conn| {
        use diesel::prelude::*;
        use slotbook::db::schema::users;
        diesel::update(users::table.filter(users::username.eq("alice")))
            .set(users::password_hash.eq(hash))
            .execute(conn)
            .unwrap();
    })
    .await;
    app.sign_in(&app.client, "alice", TEST_PASSWORD).await;
    let rows = app
        .db(move |conn| {
            slotbook::db::models::bookings::list_for_provider(
                conn,
                provider.id,
                &Default::default(),
                0,
                10,
            )
            .unwrap()
            .0
        })
        .await;
    rows[0].id
}

async fn the_list_filters_pages_and_exports_csv(app: TestApp) {
    arrange(&app, ConfirmationMode::Instant).await;
    let list = app.get("/dashboard/bookings").await.text().await.unwrap();
    assert!(
        list.contains("Grace Guest")
            && list.contains("Tue 8 Jan 2030, 10:00")
            && list.contains("Europe/Berlin")
    );
    let none = app
        .get("/dashboard/bookings?status=cancelled")
        .await
        .text()
        .await
        .unwrap();
    assert!(none.contains("No bookings match"));
    let bad = app.get("/dashboard/bookings?from=yesterday").await;
    assert_eq!(
        bad.status(),
        400,
        "a filter that cannot be used is a bad request"
    );
    assert!(bad
        .text()
        .await
        .unwrap()
        .contains("that filter was ignored"));
    let csv = app.get("/dashboard/bookings.csv?status=confirmed").await;
    assert!(csv.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let body = csv.text().await.unwrap();
    assert_eq!(body.lines().count(), 2, "{body}");
    assert!(
        body.contains("\"2030-01-08 10:00\",\"Europe/Berlin\"")
            && body.contains("\"grace@example.com\"")
    );
}

async fn the_booking_page_offers_the_actions_of_its_state(app: TestApp) {
    let id = arrange(&app, ConfirmationMode::Provider).await;
    let path = format!("/dashboard/bookings/{id}");
    let page = app.get(&path).await.text().await.unwrap();
    assert!(page.contains(">Approve<") && page.contains(">Decline<"));
    assert!(page.contains("created"), "audit trail");
    let csrf = csrf_token(&page);
    // Completing before the start is not offered, and refused if forced.
    let early = app
        .post_form(&format!("{path}/complete"), &[("csrf_token", &csrf)])
        .await;
    assert_eq!(early.status(), 409);
    let approved = app
        .post_form(&format!("{path}/approve"), &[("csrf_token", &csrf)])
        .await;
    assert_eq!(approved.status(), 303);
    let page = app.get(&location(&approved)).await.text().await.unwrap();
    assert!(page.contains("Booking approved") && page.contains("approved"));
    // Cancelling needs a reason; then the guest is told.
    let no_reason = app
        .post_form(&format!("{path}/cancel"), &[("csrf_token", &csrf)])
        .await;
    assert_eq!(no_reason.status(), 422);
    let cancelled = app
        .post_form(
            &format!("{path}/cancel"),
            &[("csrf_token", &csrf), ("reason", "I am ill")],
        )
        .await;
    assert_eq!(cancelled.status(), 303);
    let booking = app
        .db(move |conn| {
            slotbook::db::models::bookings::find(conn, id)
                .unwrap()
                .unwrap()
        })
        .await;
    assert_eq!(booking.status(), BookingStatus::Cancelled);
    assert_eq!(booking.cancelled_by.map(|by| by.as_str()), Some("provider"));
    let mails = crate::helpers::outbox(&app).await;
    assert!(mails.iter().any(|m| m.0 == "grace@example.com"
        && m.1.starts_with("Booking cancelled")
        && m.2.contains("I am ill")));
    // An invalid transition is refused with a message.
    let again = app
        .post_form(&format!("{path}/approve"), &[("csrf_token", &csrf)])
        .await;
    assert_eq!(again.status(), 409);
    assert!(again
        .text()
        .await
        .unwrap()
        .contains("cannot be changed that way"));
}

async fn another_providers_booking_is_not_found(app: TestApp) {
    let id = arrange(&app, ConfirmationMode::Instant).await;
    let intruder = app.new_client();
    let mallory = app.create_provider("mallory").await;
    app.sign_in(&intruder, &mallory.username, &mallory.password)
        .await;
    let path = format!("/dashboard/bookings/{id}");
    assert_eq!(app.get_with(&intruder, &path).await.status(), 404);
    let csrf = app.csrf_with(&intruder, "/dashboard/bookings").await;
    let response = app
        .post_form_with(
            &intruder,
            &format!("{path}/cancel"),
            &[("csrf_token", &csrf), ("reason", "x")],
        )
        .await;
    assert_eq!(response.status(), 404);
    let list = app
        .get_with(&intruder, "/dashboard/bookings")
        .await
        .text()
        .await
        .unwrap();
    assert!(!list.contains("Grace"));
}

async fn the_ics_feed_works_at_its_secret_address_until_regenerated(app: TestApp) {
    arrange(&app, ConfirmationMode::Instant).await;
    let csrf = app.csrf_for("/dashboard/bookings").await;
    let created = app
        .post_form("/dashboard/feed", &[("csrf_token", &csrf)])
        .await;
    assert_eq!(created.status(), 303);
    let page = app.get("/dashboard/bookings").await.text().await.unwrap();
    let start = page.find("/feeds/").expect("new feed address shown");
    let feed = page[start..start + "/feeds/".len() + 64 + 4].to_owned();
    let ics = app.get(&feed).await;
    assert_eq!(ics.status(), 200);
    let text = ics.text().await.unwrap();
    assert!(text.contains("BEGIN:VEVENT") && text.contains("DTSTART:20300108T090000Z"));
    app.post_form("/dashboard/feed", &[("csrf_token", &csrf)])
        .await;
    assert_eq!(
        app.get(&feed).await.status(),
        404,
        "the old address stops working"
    );
}

both_backends!(the_dashboard_shows_upcoming_bookings_and_next_free_times);

async fn the_dashboard_shows_upcoming_bookings_and_next_free_times(app: TestApp) {
    arrange(&app, ConfirmationMode::Instant).await;
    let page = app.get("/dashboard").await.text().await.unwrap();
    assert!(
        page.contains("Today and upcoming")
            && page.contains("Tue 8 Jan 2030, 10:00")
            && page.contains("Grace Guest")
    );
    // Now is Monday 09:00 in Berlin: the next free time of the service is right away.
    assert!(
        page.contains("Next free times") && page.contains("Mon 7 Jan, 09:00"),
        "{page}"
    );
}
