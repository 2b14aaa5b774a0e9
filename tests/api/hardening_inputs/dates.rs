//! Far dates and instants from requests: refused with a message before any arithmetic.

use slotbook::db::models::availability;

use super::{assert_refused, set_zone, signed_in_provider_with_service};
use crate::both_backends;
use crate::helpers::{csrf_token, test_now, TestApp};

both_backends!(
    booking_starts_far_outside_the_calendar_are_refused_with_a_message,
    far_dates_in_the_bookings_filter_are_refused_for_zones_west_of_utc,
    far_months_and_dates_on_the_public_calendar_are_refused,
    time_off_and_overrides_with_far_dates_are_field_errors_and_store_nothing,
    huge_page_numbers_list_nothing_instead_of_failing,
);

async fn booking_starts_far_outside_the_calendar_are_refused_with_a_message(app: TestApp) {
    signed_in_provider_with_service(&app, "Europe/Berlin").await;
    for start in ["8210266876799", "-8334601228800", "-1", "7258118400"] {
        let form = app.get(&format!("/alice/intro/book?start={start}")).await;
        assert_refused(form, 400, "1970 to 2199").await;
    }
    // The form itself still opens for a real slot; its token lets the POST through.
    let html = app
        .get("/alice/intro/book?start=1894093200")
        .await
        .text()
        .await
        .unwrap();
    let csrf = csrf_token(&html);
    for start in ["8210266876799", "-8334601228800"] {
        let response = app
            .post_form(
                "/alice/intro/book",
                &[
                    ("csrf_token", &csrf),
                    ("start", start),
                    ("idempotency_key", &"k".repeat(40)),
                    ("name", "Grace"),
                    ("email", "grace@example.com"),
                ],
            )
            .await;
        assert_refused(response, 400, "1970 to 2199").await;
    }
    let count = app
        .db(|conn| {
            use diesel::prelude::*;
            use slotbook::db::schema::bookings;
            bookings::table.count().get_result::<i64>(conn).unwrap()
        })
        .await;
    assert_eq!(count, 0, "nothing was booked");
}

async fn far_dates_in_the_bookings_filter_are_refused_for_zones_west_of_utc(app: TestApp) {
    signed_in_provider_with_service(&app, "America/New_York").await;
    for zone in ["America/New_York", "UTC"] {
        set_zone(&app, zone).await;
        for query in [
            "to=%2B262142-12-31",
            "from=-5000-01-01",
            "to=%2B10000-01-01",
        ] {
            let list = app.get(&format!("/dashboard/bookings?{query}")).await;
            assert_refused(list, 400, "between 1970 and 2199").await;
            let csv = app.get(&format!("/dashboard/bookings.csv?{query}")).await;
            assert_refused(csv, 400, "between 1970 and 2199").await;
        }
        let fine = app
            .get("/dashboard/bookings?from=2030-01-01&to=2199-12-31")
            .await;
        assert_eq!(fine.status(), 200, "{zone}");
        let csv = app
            .get("/dashboard/bookings.csv?from=1970-01-01&to=2199-12-31")
            .await;
        assert_eq!(csv.status(), 200, "{zone}");
    }
}

async fn far_months_and_dates_on_the_public_calendar_are_refused(app: TestApp) {
    signed_in_provider_with_service(&app, "Europe/Berlin").await;
    for query in [
        "month=%2B262142-12",
        "month=-5000-01",
        "date=%2B262142-12-31",
        "date=-0001-12-31",
        "month=2200-01",
    ] {
        let page = app.get(&format!("/alice/intro?{query}")).await;
        assert_refused(page, 400, "between 1970 and 2199").await;
    }
    let page = app.get("/alice/intro?month=2030-02&date=2030-02-05").await;
    assert_eq!(page.status(), 200);
}

async fn time_off_and_overrides_with_far_dates_are_field_errors_and_store_nothing(app: TestApp) {
    let provider = signed_in_provider_with_service(&app, "America/Los_Angeles").await;
    let csrf = app.csrf_for("/dashboard/time-off").await;
    for (start, end) in [
        ("-0001-12-31", "2030-01-10"),
        ("2030-01-10", "+10000-01-01"),
        ("-5000-01-01", "-5000-01-02"),
        ("9999-12-31", "9999-12-31"),
    ] {
        let response = app
            .post_form(
                "/dashboard/time-off",
                &[
                    ("csrf_token", &csrf),
                    ("start_date", start),
                    ("end_date", end),
                    ("reason", "Holiday"),
                ],
            )
            .await;
        assert_refused(response, 422, "Choose a date between 1970 and 2199.").await;
    }
    let csrf = app.csrf_for("/dashboard/availability").await;
    for date in ["-5000-01-01", "+10000-01-01", "-0001-12-31"] {
        let response = app
            .post_form(
                "/dashboard/availability/overrides",
                &[("csrf_token", &csrf), ("date", date), ("closed", "on")],
            )
            .await;
        assert_refused(response, 422, "Choose a date between 1970 and 2199.").await;
        let rule = app
            .post_form(
                "/dashboard/availability/rules",
                &[
                    ("csrf_token", &csrf),
                    ("days", "1"),
                    ("start", "09:00"),
                    ("end", "10:00"),
                    ("valid_from", date),
                ],
            )
            .await;
        assert_refused(rule, 422, "Choose a date between 1970 and 2199.").await;
    }
    let delete = app
        .post_form(
            "/dashboard/availability/overrides/-5000-01-01/delete",
            &[("csrf_token", &csrf)],
        )
        .await;
    assert_eq!(delete.status(), 404);
    let (time_off, overrides) = app
        .db(move |conn| {
            (
                availability::upcoming_time_off(conn, provider, test_now())
                    .unwrap()
                    .len(),
                availability::overrides_from(
                    conn,
                    provider,
                    chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap(),
                )
                .unwrap()
                .len(),
            )
        })
        .await;
    assert_eq!((time_off, overrides), (0, 0), "nothing was stored");
    for page in [
        "/dashboard/time-off",
        "/dashboard/availability",
        "/alice/intro",
    ] {
        assert_eq!(app.get(page).await.status(), 200, "{page}");
    }
}

async fn huge_page_numbers_list_nothing_instead_of_failing(app: TestApp) {
    signed_in_provider_with_service(&app, "UTC").await;
    for page in [
        "9223372036854775807",
        "-9223372036854775808",
        "99999999999999999999",
    ] {
        let response = app.get(&format!("/dashboard/bookings?page={page}")).await;
        assert_eq!(response.status(), 200, "page={page}");
    }
}
