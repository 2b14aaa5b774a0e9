//! A stored value must never break a page: rows that cannot be read are skipped, logged
//! and still removable.

use slotbook::db::models::availability;
use uuid::Uuid;

use super::{signed_in_provider_with_service, FREE_START};
use crate::both_backends;
use crate::helpers::{csrf_token, test_now, TestApp};

both_backends!(
    a_stored_time_off_row_that_cannot_be_read_breaks_no_page_and_can_be_removed,
    stored_hours_and_overrides_that_cannot_be_read_are_skipped,
);

async fn a_stored_time_off_row_that_cannot_be_read_breaks_no_page_and_can_be_removed(app: TestApp) {
    let provider = signed_in_provider_with_service(&app, "Europe/Berlin").await;
    let id = Uuid::now_v7();
    let backend = app.backend;
    app.db(move |conn| {
        use diesel::RunQueryDsl;
        // What an older release stored for `start_date=-0001-12-31`: SQLite keeps the
        // text, which no longer reads as an instant; PostgreSQL keeps a year-1 BC value.
        let (start, end, created) = match backend {
            crate::helpers::Backend::Sqlite => (
                "'-0001-12-31T23:00:00.000000Z'",
                "'2030-01-10T23:00:00.000000Z'",
                "'2030-01-01T00:00:00.000000Z'",
            ),
            crate::helpers::Backend::Postgres => (
                "'0002-12-31 23:00:00+00 BC'",
                "'2030-01-10 23:00:00+00'",
                "'2030-01-01 00:00:00+00'",
            ),
        };
        diesel::sql_query(format!(
            "INSERT INTO time_off (id, provider_id, start_at, end_at, reason, created_at) \
             VALUES ('{id}', '{provider}', {start}, {end}, 'Old entry', {created})"
        ))
        .execute(conn)
        .unwrap();
    })
    .await;
    for page in [
        "/dashboard",
        "/dashboard/time-off",
        "/dashboard/availability",
        "/dashboard/services",
        "/dashboard/bookings",
        "/alice",
        "/alice/intro",
        "/alice/intro?month=2030-02",
    ] {
        let response = app.get(page).await;
        assert_eq!(response.status(), 200, "{page}");
    }
    let form = app
        .get(&format!("/alice/intro/book?start={FREE_START}"))
        .await;
    assert!(
        [200, 409].contains(&form.status().as_u16()),
        "the booking form answers: {}",
        form.status()
    );
    let page = app.get("/dashboard/time-off").await.text().await.unwrap();
    assert!(page.contains("Old entry"), "the entry is listed: {page}");
    if backend == crate::helpers::Backend::Sqlite {
        assert!(page.contains("could not be read"), "{page}");
    }
    let csrf = csrf_token(&page);
    let removed = app
        .post_form(
            &format!("/dashboard/time-off/{id}/delete"),
            &[("csrf_token", &csrf)],
        )
        .await;
    assert_eq!(removed.status(), 303);
    let left = app
        .db(move |conn| {
            availability::upcoming_time_off(conn, provider, test_now())
                .unwrap()
                .len()
        })
        .await;
    assert_eq!(left, 0, "the entry is gone");
}

async fn stored_hours_and_overrides_that_cannot_be_read_are_skipped(app: TestApp) {
    let provider = signed_in_provider_with_service(&app, "Europe/Berlin").await;
    let backend = app.backend;
    app.db(move |conn| {
        use diesel::RunQueryDsl;
        // Values no release writes, but a manual edit or an old bug could leave: an end
        // time chrono cannot read (PostgreSQL allows 24:00) and a date beyond its range
        // (or not a date at all on SQLite).
        let (end_time, date, created) = match backend {
            crate::helpers::Backend::Sqlite => (
                "'zz:99'",
                "'2030-01-09junk'",
                "'2030-01-01T00:00:00.000000Z'",
            ),
            crate::helpers::Backend::Postgres => {
                ("'24:00:00'", "'300000-01-01'", "'2030-01-01 00:00:00+00'")
            }
        };
        let (rule, over) = (Uuid::now_v7(), Uuid::now_v7());
        diesel::sql_query(format!(
            "INSERT INTO availability_rules \
             (id, provider_id, day_of_week, start_time, end_time, created_at) \
             VALUES ('{rule}', '{provider}', 2, '08:00:00', {end_time}, {created})"
        ))
        .execute(conn)
        .unwrap();
        diesel::sql_query(format!(
            "INSERT INTO date_overrides (id, provider_id, date, created_at) \
             VALUES ('{over}', '{provider}', {date}, {created})"
        ))
        .execute(conn)
        .unwrap();
    })
    .await;
    for page in [
        "/dashboard",
        "/dashboard/availability",
        "/alice/intro",
        "/alice/intro?month=2030-01&date=2030-01-08",
    ] {
        let response = app.get(page).await;
        assert_eq!(response.status(), 200, "{page}");
    }
    // The readable hours still offer their slots.
    let day = app
        .get("/alice/intro?month=2030-01&date=2030-01-08")
        .await
        .text()
        .await
        .unwrap();
    assert!(day.contains(&format!("start={FREE_START}")), "{day}");
    let rules = app
        .db(move |conn| availability::rules(conn, provider).unwrap().len())
        .await;
    // SQLite's text cannot be read and is skipped; PostgreSQL's 24:00 reads (as the end
    // of the day), so that rule stays.
    let expected = match backend {
        crate::helpers::Backend::Sqlite => 7,
        crate::helpers::Backend::Postgres => 8,
    };
    assert_eq!(
        rules, expected,
        "unreadable rules are skipped, the others are read"
    );
}
