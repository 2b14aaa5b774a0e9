//! Rows are read into domain types at the edge (issue 10): a stored value the domain does
//! not know is an internal error, never a silent default; and the booking page offers
//! exactly the actions the domain's state machine allows. Both backends.

use chrono::TimeDelta;
use diesel::prelude::*;
use slotbook::db::DbConnection;
use slotbook::domain::service::ConfirmationMode;

use crate::booking::tuesday_ten;
use crate::both_backends;
use crate::helpers::{csrf_token, location, TestApp};
use crate::provider_bookings::arrange;

both_backends!(
    a_booking_with_an_unknown_stored_status_is_an_error_not_a_cancelled_booking,
    a_booking_with_an_unknown_stored_zone_is_an_error_not_utc,
    a_service_with_an_unknown_stored_mode_is_an_error_not_email_confirmation,
    an_account_with_an_unknown_stored_role_is_an_error_not_a_provider,
    unreadable_stored_answers_and_questions_are_errors_not_empty_lists,
    a_history_entry_by_an_unknown_actor_is_an_error_not_shown,
    the_booking_page_offers_exactly_the_actions_its_state_allows,
    the_list_offers_the_same_actions_as_the_booking_page,
    a_cancel_racing_a_confirmation_decides_again_and_cancels,
);

/// Writes `value` into `column` of every row of `table` past its CHECK constraint, as a
/// hand edit or an older schema could have left it.
pub(crate) async fn store_raw(
    app: &TestApp,
    table: &'static str,
    column: &'static str,
    value: &'static str,
) {
    app.db(move |conn| {
        let update = format!("UPDATE {table} SET {column} = '{value}'");
        match conn {
            DbConnection::Pg(pg) => {
                let drop =
                    format!("ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {table}_{column}_check");
                diesel::sql_query(drop).execute(pg).unwrap();
                diesel::sql_query(update).execute(pg).unwrap();
            }
            DbConnection::Sqlite(lite) => {
                diesel::sql_query("PRAGMA ignore_check_constraints = ON")
                    .execute(lite)
                    .unwrap();
                diesel::sql_query(update).execute(lite).unwrap();
                diesel::sql_query("PRAGMA ignore_check_constraints = OFF")
                    .execute(lite)
                    .unwrap();
            }
        }
    })
    .await;
}

/// The generic error page, and not a page that made up a value.
pub(crate) async fn assert_internal_error(app: &TestApp, path: &str, made_up: &str) {
    let response = app.get(path).await;
    assert_eq!(response.status(), 500, "{path}");
    let body = response.text().await.unwrap();
    assert!(body.contains("Something went wrong"), "{path}: {body}");
    assert!(!body.contains(made_up), "{path} showed {made_up:?}");
}

async fn a_booking_with_an_unknown_stored_status_is_an_error_not_a_cancelled_booking(app: TestApp) {
    let id = arrange(&app, ConfirmationMode::Instant).await;
    let path = format!("/dashboard/bookings/{id}");
    assert_eq!(app.get(&path).await.status(), 200);
    store_raw(&app, "bookings", "status", "booked").await;
    assert_internal_error(&app, &path, "Cancelled").await;
    assert_internal_error(&app, "/dashboard/bookings", "Cancelled").await;
}

async fn a_booking_with_an_unknown_stored_zone_is_an_error_not_utc(app: TestApp) {
    let id = arrange(&app, ConfirmationMode::Instant).await;
    let path = format!("/dashboard/bookings/{id}");
    assert_eq!(app.get(&path).await.status(), 200);
    store_raw(&app, "bookings", "guest_timezone", "Mars/Olympus_Mons").await;
    assert_internal_error(&app, &path, "(UTC)").await;
}

async fn a_service_with_an_unknown_stored_mode_is_an_error_not_email_confirmation(app: TestApp) {
    arrange(&app, ConfirmationMode::Instant).await;
    assert_eq!(app.get("/alice/intro").await.status(), 200);
    store_raw(&app, "services", "confirmation_mode", "maybe").await;
    assert_internal_error(&app, "/alice/intro", "confirm").await;
    assert_internal_error(&app, "/dashboard/services", "Guest confirms by email").await;
}

async fn an_account_with_an_unknown_stored_role_is_an_error_not_a_provider(app: TestApp) {
    arrange(&app, ConfirmationMode::Instant).await;
    assert_eq!(app.get("/dashboard").await.status(), 200);
    store_raw(&app, "users", "role", "owner").await;
    assert_internal_error(&app, "/dashboard", "Today and upcoming").await;
    assert_internal_error(&app, "/alice", "Intro call").await;
}

async fn unreadable_stored_answers_and_questions_are_errors_not_empty_lists(app: TestApp) {
    let id = arrange(&app, ConfirmationMode::Instant).await;
    let path = format!("/dashboard/bookings/{id}");
    store_raw(&app, "bookings", "answers", "[{\"question\": 1}]").await;
    assert_internal_error(&app, &path, "Grace Guest").await;
    store_raw(&app, "services", "custom_questions", "not json").await;
    assert_internal_error(&app, "/alice/intro", "Intro call").await;
}

async fn a_history_entry_by_an_unknown_actor_is_an_error_not_shown(app: TestApp) {
    let id = arrange(&app, ConfirmationMode::Instant).await;
    let path = format!("/dashboard/bookings/{id}");
    assert!(app
        .get(&path)
        .await
        .text()
        .await
        .unwrap()
        .contains("guest: created"));
    store_raw(&app, "booking_events", "actor", "robot").await;
    assert_internal_error(&app, &path, "robot").await;
}

/// The action buttons on the booking page, in order.
async fn offered(app: &TestApp, path: &str) -> Vec<String> {
    let page = app.get(path).await.text().await.unwrap();
    [
        "Approve",
        "Decline",
        "Mark completed",
        "Mark no-show",
        "Cancel booking",
    ]
    .into_iter()
    .filter(|label| page.contains(&format!(">{label}</button>")))
    .map(str::to_owned)
    .collect()
}

async fn the_booking_page_offers_exactly_the_actions_its_state_allows(app: TestApp) {
    let id = arrange(&app, ConfirmationMode::Provider).await;
    let path = format!("/dashboard/bookings/{id}");
    let csrf = csrf_token(&app.get(&path).await.text().await.unwrap());
    let post = |action: &str| {
        let (app, url, csrf) = (&app, format!("{path}/{action}"), csrf.clone());
        async move { app.post_form(&url, &[("csrf_token", &csrf)]).await }
    };

    // Pending: approve, decline or cancel; nothing that needs a confirmed booking.
    assert_eq!(
        offered(&app, &path).await,
        ["Approve", "Decline", "Cancel booking"]
    );
    assert_eq!(post("no-show").await.status(), 409);
    assert_eq!(post("complete").await.status(), 409);
    // The guest's own confirmation is not a provider action.
    assert_eq!(post("confirm").await.status(), 404);

    let approved = post("approve").await;
    assert_eq!(approved.status(), 303);
    assert_eq!(location(&approved), path);
    // Confirmed, before the start: only cancelling.
    assert_eq!(offered(&app, &path).await, ["Cancel booking"]);
    assert_eq!(post("no-show").await.status(), 409);
    assert_eq!(post("decline").await.status(), 409);

    // Confirmed, once started: completed, no-show or cancel.
    app.clock.set(tuesday_ten() + TimeDelta::minutes(5));
    assert_eq!(
        offered(&app, &path).await,
        ["Mark completed", "Mark no-show", "Cancel booking"]
    );
    assert_eq!(post("no-show").await.status(), 303);

    // A no-show is final: no actions, and every one is refused.
    let page = app.get(&path).await.text().await.unwrap();
    assert!(!page.contains("actions-heading"), "no actions section");
    for action in ["approve", "decline", "complete", "no-show"] {
        let refused = post(action).await;
        assert_eq!(refused.status(), 409, "{action}");
        assert!(refused
            .text()
            .await
            .unwrap()
            .contains("This booking is no-show and cannot be changed that way."));
    }
}

/// What the list offers for its one booking: buttons that post at once, and the actions
/// that need a reason as links to the booking page.
async fn offered_in_list(app: &TestApp, id: uuid::Uuid) -> (Vec<String>, Vec<String>) {
    let page = app.get("/dashboard/bookings").await.text().await.unwrap();
    let buttons = ["approve", "decline", "complete", "no-show", "cancel"]
        .into_iter()
        .filter(|slug| page.contains(&format!("action=\"/dashboard/bookings/{id}/{slug}\"")))
        .map(str::to_owned)
        .collect();
    let links = ["Cancel booking…"]
        .into_iter()
        .filter(|label| page.contains(&format!("#actions-heading\">{label}</a>")))
        .map(str::to_owned)
        .collect();
    (buttons, links)
}

async fn the_list_offers_the_same_actions_as_the_booking_page(app: TestApp) {
    let id = arrange(&app, ConfirmationMode::Provider).await;
    let list = app.get("/dashboard/bookings").await.text().await.unwrap();
    assert!(list.contains(">Approve</button>") && list.contains(">Decline</button>"));
    assert_eq!(
        offered_in_list(&app, id).await,
        (
            vec!["approve".into(), "decline".into()],
            vec!["Cancel booking…".into()]
        )
    );

    // A button in the list acts like the one on the booking page.
    let approved = app
        .post_form(
            &format!("/dashboard/bookings/{id}/approve"),
            &[("csrf_token", &csrf_token(&list))],
        )
        .await;
    assert_eq!(approved.status(), 303);
    assert_eq!(
        offered_in_list(&app, id).await,
        (vec![], vec!["Cancel booking…".into()])
    );

    app.clock.set(tuesday_ten() + TimeDelta::minutes(5));
    assert_eq!(
        offered_in_list(&app, id).await,
        (
            vec!["complete".into(), "no-show".into()],
            vec!["Cancel booking…".into()]
        )
    );
    let list = app.get("/dashboard/bookings").await.text().await.unwrap();
    let completed = app
        .post_form(
            &format!("/dashboard/bookings/{id}/complete"),
            &[("csrf_token", &csrf_token(&list))],
        )
        .await;
    assert_eq!(completed.status(), 303);
    assert_eq!(offered_in_list(&app, id).await, (vec![], vec![]));
}

/// Another writer confirms the booking while the provider cancels it: on PostgreSQL the
/// cancel read `pending`, then waits for the row and finds it `confirmed`; the state
/// machine is asked again and cancelling a confirmed booking is allowed. (On SQLite the
/// cancel waits for the writer before it reads.)
async fn a_cancel_racing_a_confirmation_decides_again_and_cancels(app: TestApp) {
    use slotbook::db::schema::bookings;
    use std::sync::mpsc::channel;

    let id = arrange(&app, ConfirmationMode::Provider).await;
    let path = format!("/dashboard/bookings/{id}");
    let csrf = csrf_token(&app.get(&path).await.text().await.unwrap());

    let (pool, (held, wait_held), (release, wait_release)) =
        (app.state.pool.clone(), channel(), channel::<()>());
    let writer = std::thread::spawn(move || {
        let mut conn = pool.get().unwrap();
        conn.transaction::<_, diesel::result::Error, _>(|c| {
            diesel::update(bookings::table.filter(bookings::id.eq(slotbook::db::types::DbId(id))))
                .set(bookings::status.eq("confirmed"))
                .execute(c)?;
            held.send(()).unwrap();
            wait_release.recv().unwrap();
            Ok(())
        })
        .unwrap();
    });
    wait_held.recv().unwrap();
    let cancel = {
        let (client, url) = (app.client.clone(), app.url(&format!("{path}/cancel")));
        let form = [("csrf_token", csrf), ("reason", "Double-booked".to_owned())];
        tokio::spawn(async move { client.post(url).form(&form).send().await.unwrap() })
    };
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    release.send(()).unwrap();
    writer.join().unwrap();
    let response = cancel.await.unwrap();
    assert_eq!(response.status(), 303);
    let page = app.get(&path).await.text().await.unwrap();
    assert!(
        page.contains("Cancelled by the provider: Double-booked"),
        "{page}"
    );
}
