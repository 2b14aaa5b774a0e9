//! Idle timeout and absolute lifetime on the manual clock, the purge, and what a browser
//! sees when the database cannot serve its session.

use chrono::TimeDelta;
use diesel::prelude::*;

use super::*;
use crate::both_backends;
use crate::helpers::{spawn_app_with, Backend, TestApp};

crate::on_both_backends!(
    a_session_ends_after_the_idle_timeout_and_requests_keep_it_alive,
    a_busy_session_ends_at_its_absolute_lifetime,
);

both_backends!(
    expired_sessions_are_deleted_by_the_purge,
    a_session_the_database_cannot_serve_answers_the_busy_page,
    a_visitors_session_ends_after_a_day,
);

async fn a_session_ends_after_the_idle_timeout_and_requests_keep_it_alive(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| {
        s.sessions.idle = TimeDelta::minutes(30);
        s.sessions.max_age = TimeDelta::days(1);
    })
    .await
    else {
        return;
    };
    app.create_provider("alice").await;
    let copy = sign_in_and_copy_cookie(&app, &app.client, "alice").await;
    for _ in 0..4 {
        app.clock.advance(TimeDelta::minutes(29));
        assert!(cookie_is_signed_in(&app, &copy).await, "seen in time");
    }
    app.clock.advance(TimeDelta::minutes(30));
    assert!(
        !cookie_is_signed_in(&app, &copy).await,
        "idle for 30 minutes"
    );
    assert!(session_rows(&app).await.is_empty(), "deleted when read");
}

async fn a_busy_session_ends_at_its_absolute_lifetime(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| {
        s.sessions.idle = TimeDelta::hours(2);
        s.sessions.max_age = TimeDelta::days(1);
    })
    .await
    else {
        return;
    };
    app.create_provider("alice").await;
    let copy = sign_in_and_copy_cookie(&app, &app.client, "alice").await;
    for _ in 0..23 {
        app.clock.advance(TimeDelta::hours(1));
        assert!(cookie_is_signed_in(&app, &copy).await);
    }
    app.clock.advance(TimeDelta::minutes(59));
    assert!(
        cookie_is_signed_in(&app, &copy).await,
        "a minute short of a day"
    );
    app.clock.advance(TimeDelta::minutes(1));
    assert!(
        !cookie_is_signed_in(&app, &copy).await,
        "a day after sign-in"
    );
}

async fn expired_sessions_are_deleted_by_the_purge(app: TestApp) {
    let alice = app.create_provider("alice").await;
    sign_in_and_copy_cookie(&app, &app.client, "alice").await;
    sign_in_and_copy_cookie(&app, &app.new_client(), "alice").await;
    app.clock.advance(TimeDelta::days(6));
    let fresh = sign_in_and_copy_cookie(&app, &app.new_client(), "alice").await;
    assert_eq!(sessions_of(&app, alice.id).await, 3);

    // Seven days after the first two sign-ins (the default idle timeout).
    app.clock.advance(TimeDelta::days(1));
    let purged = slotbook::auth::session_store::purge_expired(&app.state)
        .await
        .unwrap();
    assert_eq!(purged, 2);
    assert_eq!(sessions_of(&app, alice.id).await, 1);
    assert!(cookie_is_signed_in(&app, &fresh).await);
}

async fn a_session_the_database_cannot_serve_answers_the_busy_page(app: TestApp) {
    app.create_provider("alice").await;
    let copy = sign_in_and_copy_cookie(&app, &app.client, "alice").await;
    app.db(|conn| {
        diesel::sql_query("DROP TABLE sessions")
            .execute(conn)
            .unwrap()
    })
    .await;
    for path in ["/dashboard", "/alice"] {
        let response = get_with_cookie(&app, &copy, path).await;
        assert_eq!(response.status(), 503, "{path}");
        assert_eq!(response.headers()["retry-after"], "2");
        assert!(response.text().await.unwrap().contains("We are busy"));
    }
    // Pages that need no session still answer.
    assert_eq!(
        replayer()
            .get(app.url("/alice"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
}

async fn a_visitors_session_ends_after_a_day(app: TestApp) {
    let visitor = app.new_client();
    let token = app.csrf_with(&visitor, "/login").await;
    assert_eq!(session_rows(&app).await.len(), 1);
    app.clock.advance(TimeDelta::hours(23));
    assert_eq!(
        app.csrf_with(&visitor, "/login").await,
        token,
        "the same session"
    );

    app.clock.advance(TimeDelta::hours(1));
    let purged = slotbook::auth::session_store::purge_expired(&app.state)
        .await
        .unwrap();
    assert_eq!(purged, 1);
    let late = app
        .post_form_with(
            &visitor,
            "/login",
            &[
                ("csrf_token", &token),
                ("login", "alice"),
                ("password", "x"),
            ],
        )
        .await;
    assert_eq!(late.status(), 403, "the form has expired");
    assert_ne!(app.csrf_with(&visitor, "/login").await, token, "a new one");
}
