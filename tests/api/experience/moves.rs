//! A reschedule reads as a move: one row in the list with where it came from, and a
//! history in local times with the zone, never a UTC timestamp or an id.

use chrono::{Duration, TimeZone, Utc};
use slotbook::db::models::bookings;
use uuid::Uuid;

use super::rough_edges::reschedule_token;
use super::{page, signed_in_alice};
use crate::booking::{book, tuesday_ten, GUEST};
use crate::both_backends;
use crate::helpers::{csrf_token, hidden_field, TestApp};

both_backends!(a_moved_booking_lists_once_as_a_move_with_local_times_and_links_both_ways);

/// Moves Grace's booking to `new_start` through her reschedule link.
pub async fn move_booking(app: &TestApp, new_start: chrono::DateTime<Utc>) {
    let token = reschedule_token(app).await;
    let form = page(
        app,
        &format!(
            "/alice/intro/book?start={}&tz=Europe/Berlin&reschedule={token}",
            new_start.timestamp()
        ),
        200,
    )
    .await;
    let (csrf, key) = (
        csrf_token(&form),
        hidden_field(&form, "idempotency_key").unwrap(),
    );
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
    assert_eq!(moved.status(), 303, "moved");
}

async fn all_bookings(app: &TestApp, provider: Uuid) -> Vec<bookings::Booking> {
    app.db(move |conn| {
        bookings::list_for_provider(conn, provider, &Default::default(), 0, 100)
            .unwrap()
            .0
    })
    .await
}

async fn a_moved_booking_lists_once_as_a_move_with_local_times_and_links_both_ways(app: TestApp) {
    let provider = signed_in_alice(&app, |_| {}).await;
    assert_eq!(book(&app, tuesday_ten(), GUEST).await.status(), 303);
    // Thursday 10 January 11:00 in Berlin.
    let thursday = Utc.with_ymd_and_hms(2030, 1, 10, 10, 0, 0).unwrap();
    move_booking(&app, thursday).await;
    let rows = all_bookings(&app, provider).await;
    assert_eq!(
        rows.len(),
        2,
        "the old booking stays, cancelled, for the record"
    );
    let (old, new) = (rows[0].id, rows[1].id);
    assert_eq!(rows[1].rescheduled_from_id, Some(old));

    let list = page(&app, "/dashboard/bookings", 200).await;
    assert_eq!(list.matches("Grace Guest").count(), 1, "one row: {list}");
    assert!(list.contains("One booking."), "{list}");
    assert!(
        list.contains(&format!(
            "<a href=\"/dashboard/bookings/{old}\">Moved from Tue 8 Jan 2030, 10:00 to Thu 10 Jan 2030, 11:00 (Europe/Berlin)</a>"
        )),
        "{list}"
    );
    let csv = page(&app, "/dashboard/bookings.csv", 200).await;
    assert_eq!(
        csv.lines().count(),
        2,
        "a header and the one booking: {csv}"
    );

    let later = page(&app, &format!("/dashboard/bookings/{new}"), 200).await;
    assert!(
        later.contains(&format!(
            "moved here from <a href=\"/dashboard/bookings/{old}\">Tuesday, 8 January 2030, 10:00</a>"
        )),
        "{later}"
    );
    let earlier = page(&app, &format!("/dashboard/bookings/{old}"), 200).await;
    assert!(
        earlier.contains(&format!(
            "moved to <a href=\"/dashboard/bookings/{new}\">Thursday, 10 January 2030, 11:00</a>"
        )),
        "{earlier}"
    );
    assert!(
        earlier.contains("booked for Tuesday, 8 January 2030, 10:00"),
        "{earlier}"
    );
    for (html, other) in [(&later, old), (&earlier, new)] {
        assert!(
            !html.contains("+00:00") && !html.contains("T09:00:00"),
            "no UTC timestamps"
        );
        assert_eq!(
            html.matches(&other.to_string()).count(),
            html.matches(&format!("href=\"/dashboard/bookings/{other}\""))
                .count(),
            "the other booking's id appears only inside links"
        );
        assert!(html.contains("(Europe/Berlin)"));
    }
    // Moved again: still one row, from the middle time.
    let friday = thursday + Duration::days(1);
    move_booking(&app, friday).await;
    let list = page(&app, "/dashboard/bookings", 200).await;
    assert_eq!(list.matches("Grace Guest").count(), 1, "{list}");
    assert!(
        list.contains(
            ">Moved from Thu 10 Jan 2030, 11:00 to Fri 11 Jan 2030, 11:00 (Europe/Berlin)</a>"
        ),
        "{list}"
    );
}
