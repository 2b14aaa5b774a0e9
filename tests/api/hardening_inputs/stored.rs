//! A stored value must never break a page: rows that cannot be read are skipped, logged
//! and still removable.

use slotbook::db::models::availability;
use uuid::Uuid;

use super::{signed_in_provider_with_service, FREE_START};
use crate::both_backends;
use crate::helpers::{csrf_token, test_now, TestApp};

both_backends!(a_stored_time_off_row_that_cannot_be_read_breaks_no_page_and_can_be_removed);

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
