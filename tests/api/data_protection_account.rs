//! Guest data over time and accounts, over HTTP on both backends: the retention job
//! (`GUEST_DATA_RETENTION_DAYS`), a provider deleting their account, the last
//! administrator, and the privacy notice on the booking and reschedule forms.

use chrono::{Duration, TimeZone, Utc};
use diesel::prelude::*;
use slotbook::db::models::bookings;
use slotbook::db::schema::{outbox, sessions, users};
use slotbook::domain::privacy::{Retention, ERASED_EMAIL, ERASED_NAME};
use slotbook::domain::service::ConfirmationMode;
use uuid::Uuid;

use crate::booking::{arrange_provider, book, holding_rows, tuesday_ten};
use crate::data_protection::{arrange, booking, links_to, text, GRACE};
use crate::helpers::{csrf_token, location, outbox as all_mail, TestApp, TEST_PASSWORD};
use crate::{both_backends, on_both_backends};

both_backends!(
    retention_is_off_unless_configured,
    a_provider_deletes_their_account_and_future_guests_are_told,
    the_last_administrator_cannot_delete_their_account,
);

on_both_backends!(
    the_retention_job_erases_old_guest_data_and_purges_old_mail,
    the_privacy_notice_is_linked_from_the_booking_and_reschedule_forms,
);

async fn retention_is_off_unless_configured(app: TestApp) {
    let (_, id) = arrange(&app).await;
    app.clock.advance(Duration::days(3650));
    let pass = slotbook::jobs::run_once(&app.state).await.unwrap();
    assert_eq!((pass.erased, pass.purged_mails), (0, 0));
    assert_eq!(booking(&app, id).await.guest_name, "Grace Guest");
}

async fn the_retention_job_erases_old_guest_data_and_purges_old_mail(
    backend: crate::helpers::Backend,
) {
    let Some(app) = crate::helpers::spawn_app_with(backend, |settings| {
        settings.guest_data_retention = Retention::days(30);
    })
    .await
    else {
        return;
    };
    let (provider, old) = arrange(&app).await;
    // A later booking, ending a week after the first.
    let later_start = tuesday_ten() + Duration::days(7);
    assert_eq!(book(&app, later_start, GRACE).await.status(), 303);
    let pass = slotbook::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(
        (pass.erased, pass.purged_mails),
        (0, 0),
        "nothing is old yet"
    );

    // 30 days after the first booking ended, less a minute: its guest data is still kept,
    // but the mails (all queued on the 7th, more than 30 days before) are deleted.
    let first_end = tuesday_ten() + Duration::minutes(30);
    app.clock
        .set(first_end + Duration::days(30) - Duration::minutes(1));
    let pass = slotbook::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(pass.erased, 0);
    assert!(
        pass.purged_mails > 0,
        "mails queued over 30 days ago are deleted"
    );
    assert!(
        all_mail(&app).await.is_empty(),
        "{:?}",
        all_mail(&app).await
    );
    assert_eq!(booking(&app, old).await.guest_name, "Grace Guest");

    // Past it: the first booking is erased, the later one is not.
    app.clock
        .set(first_end + Duration::days(30) + Duration::minutes(1));
    let pass = slotbook::jobs::run_once(&app.state).await.unwrap();
    assert_eq!((pass.erased, pass.purged_mails), (1, 0));
    let erased = booking(&app, old).await;
    assert_eq!(
        (erased.guest_name.as_str(), erased.guest_email.as_str()),
        (ERASED_NAME, ERASED_EMAIL)
    );
    assert_eq!(erased.start_at, tuesday_ten(), "times are kept");
    let later = app
        .db(move |conn| {
            bookings::holding_in_range(
                conn,
                provider,
                later_start,
                later_start + Duration::minutes(30),
            )
            .unwrap()
        })
        .await;
    assert_eq!(later[0].guest_name, "Grace Guest");
    let events = app
        .db(move |conn| slotbook::db::models::booking_events::for_booking(conn, old).unwrap())
        .await;
    let last = events.last().unwrap();
    assert_eq!(
        (
            last.kind.as_str(),
            last.actor.as_str(),
            last.detail.as_str()
        ),
        ("guest_data_erased", "system", "retention period passed")
    );
    // Once erased, a booking is not erased again.
    let pass = slotbook::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(pass.erased, 0);
}

async fn a_provider_deletes_their_account_and_future_guests_are_told(app: TestApp) {
    let (provider, _) = arrange(&app).await;
    // A second browser signed in as alice: its session must end too.
    let phone = app.new_client();
    app.sign_in(&phone, "alice", TEST_PASSWORD).await;
    let page = text(app.get("/dashboard/settings/delete").await).await;
    assert!(
        page.contains("One booking is") && page.contains("still to come"),
        "{page}"
    );
    let csrf = csrf_token(&page);

    let forged = app
        .post_form("/dashboard/settings/delete", &[("password", TEST_PASSWORD)])
        .await;
    assert_eq!(forged.status(), 403);
    let wrong = app
        .post_form(
            "/dashboard/settings/delete",
            &[("csrf_token", &csrf), ("password", "not my password")],
        )
        .await;
    assert_eq!(wrong.status(), 422);
    assert!(text(wrong).await.contains("not your current password"));
    let missing = app
        .post_form("/dashboard/settings/delete", &[("csrf_token", &csrf)])
        .await;
    assert_eq!(missing.status(), 422);
    assert_eq!(
        holding_rows(&app, provider).await.len(),
        1,
        "nothing deleted"
    );

    let deleted = app
        .post_form(
            "/dashboard/settings/delete",
            &[("csrf_token", &csrf), ("password", TEST_PASSWORD)],
        )
        .await;
    assert_eq!(deleted.status(), 303);
    assert_eq!(location(&deleted), "/login");
    assert!(text(app.get("/login").await)
        .await
        .contains("Your account is deleted"));

    // Grace is told through the usual cancellation mail, which is delivered.
    let mails = app.delivered_mail().await;
    assert!(
        mails.iter().any(|m| m.to == "grace@example.com"
            && m.subject.starts_with("Booking cancelled")
            && m.text.contains("closed their booking account")),
        "{mails:#?}"
    );
    // Everything of the account is gone, its sessions included.
    let (accounts, own_bookings, live_sessions, mail_to_alice) = app
        .db(move |conn| {
            let id = slotbook::db::types::DbId(provider);
            (
                users::table
                    .filter(users::id.eq(id))
                    .count()
                    .get_result::<i64>(conn)
                    .unwrap(),
                bookings::list_for_provider(conn, provider, &Default::default(), 0, 10)
                    .unwrap()
                    .1,
                sessions::table
                    .filter(sessions::user_id.eq(id))
                    .count()
                    .get_result::<i64>(conn)
                    .unwrap(),
                outbox::table
                    .filter(outbox::recipient.eq("alice@example.com"))
                    .count()
                    .get_result::<i64>(conn)
                    .unwrap(),
            )
        })
        .await;
    assert_eq!(
        (accounts, own_bookings, live_sessions, mail_to_alice),
        (0, 0, 0, 0)
    );
    for client in [&app.client, &phone] {
        let dashboard = app.get_with(client, "/dashboard").await;
        assert_eq!(dashboard.status(), 303);
        assert!(location(&dashboard).starts_with("/login"));
    }
    assert_eq!(app.get("/alice").await.status(), 404);
    assert_eq!(
        app.try_sign_in(&phone, "alice", TEST_PASSWORD)
            .await
            .status(),
        422,
        "nobody can sign in as the deleted account"
    );
}

async fn the_last_administrator_cannot_delete_their_account(app: TestApp) {
    let root = app.sign_up_and_login("root").await;
    let make_admin = |id: Uuid| {
        app.db(move |conn| {
            diesel::update(users::table.filter(users::id.eq(slotbook::db::types::DbId(id))))
                .set(users::role.eq("admin"))
                .execute(conn)
                .unwrap();
        })
    };
    make_admin(root.id).await;
    let csrf = app.csrf_for("/dashboard/settings/delete").await;
    let refused = app
        .post_form(
            "/dashboard/settings/delete",
            &[("csrf_token", &csrf), ("password", TEST_PASSWORD)],
        )
        .await;
    assert_eq!(refused.status(), 409);
    assert!(text(refused).await.contains("only administrator"));
    assert_eq!(app.get("/dashboard").await.status(), 200, "still signed in");

    let second = app.create_provider("deputy").await;
    make_admin(second.id).await;
    let deleted = app
        .post_form(
            "/dashboard/settings/delete",
            &[("csrf_token", &csrf), ("password", TEST_PASSWORD)],
        )
        .await;
    assert_eq!(deleted.status(), 303);
    let left = app
        .db(|conn| {
            users::table
                .select(users::username)
                .load::<String>(conn)
                .unwrap()
        })
        .await;
    assert_eq!(left, vec!["deputy".to_owned()]);
}

async fn the_privacy_notice_is_linked_from_the_booking_and_reschedule_forms(
    backend: crate::helpers::Backend,
) {
    // Off by default: no link, no page.
    if let Some(app) = crate::helpers::spawn_app(backend).await {
        arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
        let form = text(app.get(&book_form(None)).await).await;
        assert!(!form.contains("privacy notice"));
        assert_eq!(app.get("/privacy").await.status(), 404);
    }
    // An address elsewhere.
    if let Some(app) = crate::helpers::spawn_app_with(backend, |settings| {
        settings.privacy_notice = Some(slotbook::config::PrivacyNotice::Url(
            "https://example.com/privacy".into(),
        ));
    })
    .await
    {
        arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
        let form = text(app.get(&book_form(None)).await).await;
        assert!(
            form.contains("href=\"https://example.com/privacy\""),
            "{form}"
        );
        assert_eq!(app.get("/privacy").await.status(), 404);
    }
    // A text this instance shows, linked from the booking form and the reschedule form.
    let Some(app) = crate::helpers::spawn_app_with(backend, |settings| {
        settings.privacy_notice = Some(slotbook::config::PrivacyNotice::Text(
            "We keep bookings for a year.\n\nAsk <us> to erase yours.".into(),
        ));
    })
    .await
    else {
        return;
    };
    arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    let form = text(app.get(&book_form(None)).await).await;
    assert!(form.contains("href=\"/privacy\""), "{form}");
    let notice = app.get("/privacy").await;
    assert_eq!(notice.status(), 200);
    let notice = text(notice).await;
    assert!(
        notice.contains("<p>We keep bookings for a year.</p>")
            && notice.contains("to erase yours.")
            && !notice.contains("<us>"),
        "{notice}"
    );
    assert_eq!(book(&app, tuesday_ten(), GRACE).await.status(), 303);
    let mut token = None;
    for link in links_to(&app, "grace@example.com").await {
        let answer = app.get(&link).await;
        if answer.status() == 303 && location(&answer).contains("reschedule=") {
            let to = location(&answer);
            token = to
                .split("reschedule=")
                .nth(1)
                .and_then(|rest| rest.split('&').next())
                .map(str::to_owned);
        }
    }
    let token = token.expect("a reschedule link in the confirmation mail");
    let moving = app.get(&book_form(Some(&token))).await;
    assert_eq!(moving.status(), 200);
    let moving = text(moving).await;
    assert!(
        moving.contains("Move my booking here") && moving.contains("href=\"/privacy\""),
        "{moving}"
    );
}

/// The booking form for Tuesday 2030-01-08 14:00 in Berlin, optionally moving a booking.
fn book_form(reschedule: Option<&str>) -> String {
    let start = Utc.with_ymd_and_hms(2030, 1, 8, 13, 0, 0).unwrap();
    let mut path = format!(
        "/alice/intro/book?start={}&tz=Europe/Berlin",
        start.timestamp()
    );
    if let Some(token) = reschedule {
        path.push_str("&reschedule=");
        path.push_str(token);
    }
    path
}
