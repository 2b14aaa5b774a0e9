//! The booking POST's own reads and the claim's answers to retries, on both backends: the
//! claim looks a form's idempotency key up only when it cannot book (issue 15), so a
//! resubmitted form must still find the booking it made, whatever became of it.

use slotbook::db::models::{booking_events, bookings, users};
use slotbook::domain::service::ConfirmationMode;

use crate::booking::{arrange_provider, holding_rows, tuesday_ten, OpenForm};
use crate::both_backends;
use crate::helpers::{location, test_now, TestApp};

both_backends!(
    a_form_resubmitted_after_its_booking_was_cancelled_finds_that_booking_and_books_nothing,
    every_booking_is_counted_once_in_the_history_counts,
    a_booking_post_for_a_missing_service_or_an_inactive_provider_is_404,
);

/// The guest who fills the form in.
const GRACE: &[(&str, &str)] = &[("name", "Grace"), ("email", "g@example.com")];

async fn a_form_resubmitted_after_its_booking_was_cancelled_finds_that_booking_and_books_nothing(
    app: TestApp,
) {
    let p = arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    let form = OpenForm::open(&app, tuesday_ten()).await;
    let first = app.post_form("/alice/intro/book", &form.body(GRACE)).await;
    assert_eq!(first.status(), 303);
    let made = holding_rows(&app, p.id).await;
    assert_eq!(made.len(), 1);
    let id = made[0].id;
    // The time is free again, so only the key can tell this POST is a retry.
    app.db(move |conn| bookings::cancel_for_reschedule(conn, id, test_now()).unwrap())
        .await;
    assert!(holding_rows(&app, p.id).await.is_empty());

    let again = app.post_form("/alice/intro/book", &form.body(GRACE)).await;

    assert_eq!(
        again.status(),
        303,
        "the retry is answered as the first POST was"
    );
    assert_eq!(location(&again), location(&first));
    assert!(
        holding_rows(&app, p.id).await.is_empty(),
        "no second booking"
    );
    let page = app.get(&location(&again)).await;
    assert_eq!(page.status(), 200, "the page of the booking made opens");
}

async fn every_booking_is_counted_once_in_the_history_counts(app: TestApp) {
    arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    let form = OpenForm::open(&app, tuesday_ten()).await;
    let before = created_count(&app).await;

    assert_eq!(
        app.post_form("/alice/intro/book", &form.body(GRACE))
            .await
            .status(),
        303
    );
    assert_eq!(
        app.post_form("/alice/intro/book", &form.body(GRACE))
            .await
            .status(),
        303
    );

    assert_eq!(
        created_count(&app).await,
        before + 1,
        "one booking, one count"
    );
}

async fn a_booking_post_for_a_missing_service_or_an_inactive_provider_is_404(app: TestApp) {
    let p = arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    let form = OpenForm::open(&app, tuesday_ten()).await;
    let missing = app
        .post_form("/alice/no-such-service/book", &form.body(GRACE))
        .await;
    assert_eq!(missing.status(), 404);
    let nobody = app.post_form("/nobody/intro/book", &form.body(GRACE)).await;
    assert_eq!(nobody.status(), 404);
    let id = p.id;
    app.db(move |conn| users::set_provider_active(conn, id, false, test_now()).unwrap())
        .await;

    let inactive = app.post_form("/alice/intro/book", &form.body(GRACE)).await;

    assert_eq!(inactive.status(), 404);
    assert!(holding_rows(&app, p.id).await.is_empty(), "nothing booked");
}

/// The history's count of `created` entries.
async fn created_count(app: &TestApp) -> i64 {
    app.db(|conn| {
        booking_events::counts(conn)
            .unwrap()
            .into_iter()
            .find(|(kind, _)| kind == "created")
            .map_or(0, |(_, total)| total)
    })
    .await
}
