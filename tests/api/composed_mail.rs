//! Mails are composed by `email` and queued by `db` in the transaction of the change that
//! causes them: the database layer takes a composer from its caller. A composer that fails
//! rolls the change back (nothing half-written, no mail) and the error keeps its cause.

use chrono::Duration;
use slotbook::db::models::{bookings, holds};
use slotbook::db::{write_transaction, StoreError};
use slotbook::domain::booking::BookingStatus;
use slotbook::domain::service::ConfirmationMode;
use slotbook::error::AppError;

use crate::booking::{arrange_provider, book, tuesday_ten, GUEST};
use crate::both_backends;
use crate::helpers::{outbox, TestApp};

both_backends!(a_mail_that_cannot_be_composed_rolls_back_its_change_and_keeps_the_cause,);

async fn a_mail_that_cannot_be_composed_rolls_back_its_change_and_keeps_the_cause(app: TestApp) {
    // Arrange: a pending booking whose hold has lapsed.
    arrange_provider(&app, ConfirmationMode::Email, |_| {}).await;
    assert_eq!(book(&app, tuesday_ten(), GUEST).await.status(), 303);
    app.clock.advance(Duration::minutes(30));
    let now = app.state.now();
    let lapsed = app.db(move |c| holds::lapsed(c, now, 10).unwrap()).await;
    let [id] = lapsed[..] else {
        panic!("one lapsed hold expected: {lapsed:?}")
    };
    let mails_before = outbox(&app).await.len();

    // Act: expire it with a composer that fails.
    let error = app
        .db(move |c| {
            let failing: &holds::ComposeExpired<'_> = &|_, _, _, _| {
                Err(
                    anyhow::anyhow!("template `email/expired/text.txt` is missing")
                        .context("composing the hold-lapsed mail"),
                )
            };
            write_transaction(c, |c| holds::expire(c, id, now, failing))
        })
        .await
        .expect_err("a composer that fails must fail the change");

    // Assert: the cause chain is whole, and neither the change nor a mail was written.
    assert!(matches!(error, StoreError::Compose(_)), "{error:?}");
    // As the sweeper's failure is logged: the AppError it becomes, with `{:#}`.
    let logged = format!("{:#}", AppError::from(error));
    assert_eq!(
        logged,
        "cannot compose a message: composing the hold-lapsed mail: \
         template `email/expired/text.txt` is missing"
    );
    let status = app
        .db(move |c| bookings::find(c, id).unwrap().unwrap().status())
        .await;
    assert_eq!(status, BookingStatus::Pending, "the change was rolled back");
    assert_eq!(outbox(&app).await.len(), mails_before, "no mail was queued");

    // The real composer (the sweeper's) then expires it, mail and all, once.
    assert_eq!(
        slotbook::jobs::run_once(&app.state).await.unwrap().expired,
        1
    );
    let status = app
        .db(move |c| bookings::find(c, id).unwrap().unwrap().status())
        .await;
    assert_eq!(status, BookingStatus::Expired);
    let mails = outbox(&app).await;
    assert_eq!(mails.len(), mails_before + 1);
    assert!(mails.last().unwrap().1.starts_with("Booking not confirmed"));
}
