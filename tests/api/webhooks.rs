//! Webhooks over real HTTP on both backends: a receiver started by the test verifies every
//! delivery's Standard Webhooks signature with the spec's algorithm (and, when the
//! `standardwebhooks` PyPI library is installed, with it too); an outage followed by
//! recovery delivers every event exactly once per id, in order per booking.

use chrono::Duration;
use serde_json::{json, Value};
use slotbook::domain::api::Scope;
use slotbook::domain::service::ConfirmationMode;

use crate::api_helpers::{api_post, booking_body, json_of, token_for};
use crate::booking::{arrange_provider, tuesday_ten};
use crate::helpers::{hidden_field, location, spawn_app_with, Backend, TestApp, TEST_PASSWORD};
use crate::on_both_backends;
use crate::webhooks_receiver::{library_signature, verify, Received, Receiver};

on_both_backends!(
    booking_changes_reach_the_endpoint_signed_and_in_order,
    an_outage_then_recovery_delivers_every_event_once_in_order,
    two_workers_at_once_never_deliver_an_event_twice,
    a_failing_endpoint_is_disabled_and_its_owner_mailed,
    private_addresses_are_refused_unless_allowed,
    test_events_attempts_and_redelivery_show_on_the_endpoint_page,
    an_instant_booking_is_created_then_confirmed,
);

async fn spawn(backend: Backend) -> Option<TestApp> {
    spawn_app_with(backend, |s| {
        s.outbound_allow_private_networks = true;
        s.rate_limits.booking = 10_000;
    })
    .await
}

/// Signs `alice` in (made by `arrange_provider`) and adds an endpoint for `url` through
/// the settings page; returns (endpoint id, secret).
async fn add_endpoint(app: &TestApp, url: &str, types: &[&str]) -> (String, String) {
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
    let csrf = app.csrf_for("/dashboard/settings/webhooks").await;
    let mut form = vec![("csrf_token", csrf.as_str()), ("url", url)];
    for t in types {
        form.push(("types", t));
    }
    let response = app.post_form("/dashboard/settings/webhooks", &form).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    let secret = hidden_field(&html, "secret").expect("the secret is shown once");
    let id = app
        .db(|conn| {
            use diesel::prelude::*;
            use slotbook::db::schema::webhook_endpoints as e;
            e::table
                .select(e::id)
                .order(e::id.desc())
                .first::<uuid::Uuid>(conn)
                .unwrap()
        })
        .await;
    (id.to_string(), secret)
}

/// Delivery passes until nothing more is due now.
async fn deliver(app: &TestApp) -> slotbook::webhooks::Pass {
    let client = slotbook::webhooks::client(&app.state).unwrap();
    slotbook::webhooks::deliver_due(&app.state, &client)
        .await
        .unwrap()
}

const ALL: &[&str] = &[
    "booking.created",
    "booking.confirmed",
    "booking.rescheduled",
    "booking.cancelled",
    "booking.declined",
    "booking.expired",
    "booking.completed",
    "booking.no_show",
];

fn types_of(received: &[Received]) -> Vec<String> {
    received
        .iter()
        .map(|r| {
            serde_json::from_str::<Value>(&r.body).unwrap()["type"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

async fn booking_changes_reach_the_endpoint_signed_and_in_order(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    let receiver = Receiver::start().await;
    let p = arrange_provider(&app, ConfirmationMode::Provider, |_| {}).await;
    let (_, secret) = add_endpoint(&app, &receiver.url, ALL).await;
    let token = token_for(&app, p.id, Scope::Write).await;
    let booking = json_of(
        api_post(
            &app,
            &token,
            "/api/v1/bookings",
            &booking_body(p.service_id, tuesday_ten()),
            None,
        )
        .await,
    )
    .await;
    let id = booking["id"].as_str().unwrap();
    let path = format!("/api/v1/bookings/{id}/approve");
    assert_eq!(
        api_post(&app, &token, &path, &json!({}), None)
            .await
            .status(),
        200
    );
    let path = format!("/api/v1/bookings/{id}/cancel");
    assert_eq!(
        api_post(&app, &token, &path, &json!({"reason": "ill"}), None)
            .await
            .status(),
        200
    );

    // One at a time per booking: each round sends the next once the one before is in.
    assert_eq!(deliver(&app).await.delivered, 3);
    let got = receiver.accepted();
    assert_eq!(
        types_of(&got),
        ["booking.created", "booking.confirmed", "booking.cancelled"]
    );
    for r in &got {
        assert!(verify(&secret, r), "signature of {r:?}");
        if let Some(library) = library_signature(&secret, r) {
            assert_eq!(library, r.signature, "the standardwebhooks library agrees");
        }
        let body: Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(body["data"]["id"], id);
        assert_eq!(r.timestamp, app.state.now().timestamp().to_string());
    }
    let last: Value = serde_json::from_str(&got[2].body).unwrap();
    assert_eq!(last["data"]["status"], "cancelled");
    assert_eq!(last["data"]["cancellation_reason"], "ill");
    let mut ids: Vec<_> = got.iter().map(|r| r.id.clone()).collect();
    ids.dedup();
    assert_eq!(ids.len(), 3);
}

async fn an_outage_then_recovery_delivers_every_event_once_in_order(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    let receiver = Receiver::start().await;
    let p = arrange_provider(&app, ConfirmationMode::Provider, |_| {}).await;
    let (_, secret) = add_endpoint(&app, &receiver.url, ALL).await;
    let token = token_for(&app, p.id, Scope::Write).await;
    receiver.answer(503);
    let mut ids = Vec::new();
    for hour in 0..3 {
        let body = booking_body(p.service_id, tuesday_ten() + Duration::hours(hour));
        let booking = json_of(api_post(&app, &token, "/api/v1/bookings", &body, None).await).await;
        let id = booking["id"].as_str().unwrap().to_owned();
        let approve = format!("/api/v1/bookings/{id}/approve");
        assert_eq!(
            api_post(&app, &token, &approve, &json!({}), None)
                .await
                .status(),
            200
        );
        ids.push(id);
    }
    // The outage: every first attempt fails; nothing is lost, everything waits.
    let pass = deliver(&app).await;
    assert_eq!((pass.delivered, pass.retried), (0, 3), "{pass:?}");
    assert!(receiver.accepted().is_empty());
    assert_eq!(
        deliver(&app).await.total(),
        0,
        "retries wait for their backoff"
    );
    // Recovery: as the clock moves past each backoff, everything arrives.
    receiver.answer(200);
    for _ in 0..10 {
        app.clock.advance(Duration::minutes(30));
        while deliver(&app).await.total() > 0 {}
    }
    let got = receiver.accepted();
    assert_eq!(got.len(), 6, "{:?}", types_of(&got));
    let mut unique: Vec<_> = got.iter().map(|r| r.id.clone()).collect();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 6, "every id exactly once");
    for id in &ids {
        let of_booking: Vec<&Received> = got
            .iter()
            .filter(|r| {
                serde_json::from_str::<Value>(&r.body).unwrap()["data"]["id"] == id.as_str()
            })
            .collect();
        let types: Vec<String> = of_booking
            .iter()
            .map(|r| {
                serde_json::from_str::<Value>(&r.body).unwrap()["type"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        assert_eq!(
            types,
            ["booking.created", "booking.confirmed"],
            "in order for {id}"
        );
    }
    assert!(got.iter().all(|r| verify(&secret, r)));
    // The failed first attempts are kept with their status code.
    let failed: i64 = app
        .db(|conn| {
            use diesel::prelude::*;
            use slotbook::db::schema::webhook_attempts as a;
            a::table
                .filter(a::status_code.eq(503))
                .count()
                .get_result(conn)
                .unwrap()
        })
        .await;
    assert_eq!(failed, 3);
}

async fn two_workers_at_once_never_deliver_an_event_twice(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    let receiver = Receiver::start().await;
    let p = arrange_provider(&app, ConfirmationMode::Instant, |s| {
        s.slot_interval_minutes = 30
    })
    .await;
    add_endpoint(&app, &receiver.url, &["booking.created"]).await;
    let token = token_for(&app, p.id, Scope::Write).await;
    for hour in 0..6 {
        for half in [0, 30] {
            let start = tuesday_ten() + Duration::hours(hour) + Duration::minutes(half);
            let body = booking_body(p.service_id, start);
            assert_eq!(
                api_post(&app, &token, "/api/v1/bookings", &body, None)
                    .await
                    .status(),
                201
            );
        }
    }
    let (a, b) = tokio::join!(deliver(&app), deliver(&app));
    assert_eq!(a.delivered + b.delivered, 12, "{a:?} {b:?}");
    let got = receiver.received();
    let mut ids: Vec<_> = got.iter().map(|r| r.id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!((got.len(), ids.len()), (12, 12));
}

async fn a_failing_endpoint_is_disabled_and_its_owner_mailed(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    let receiver = Receiver::start().await;
    receiver.answer(500);
    arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    let (id, _) = add_endpoint(&app, &receiver.url, ALL).await;
    for _ in 0..2 {
        let csrf = app.csrf_for("/dashboard/settings/webhooks").await;
        let queued = app
            .post_form(
                &format!("/dashboard/settings/webhooks/{id}/test"),
                &[("csrf_token", &csrf)],
            )
            .await;
        assert_eq!(queued.status(), 303);
    }
    // Two events fail together each round; 15 rounds 5 hours apart stay inside the
    // session's idle limit.
    for _ in 0..15 {
        deliver(&app).await;
        app.clock.advance(Duration::hours(5));
    }
    let attempts = receiver.received().len();
    assert_eq!(attempts, 20, "disabled after 20 failures in a row");
    let page = app
        .get("/dashboard/settings/webhooks")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Disabled: Disabled after too many failed deliveries"),
        "{page}"
    );
    let mails = app.mails_to("alice@example.com").await;
    assert!(
        mails.iter().any(
            |(subject, text)| subject.contains("webhook endpoint was disabled")
                && text.contains(&format!("/dashboard/settings/webhooks/{id}"))
        ),
        "{mails:?}"
    );
    // Enabled again, it gets the events that still wait.
    receiver.answer(200);
    let csrf = app.csrf_for("/dashboard/settings/webhooks").await;
    let enabled = app
        .post_form(
            &format!("/dashboard/settings/webhooks/{id}/enable"),
            &[("csrf_token", &csrf)],
        )
        .await;
    assert_eq!(enabled.status(), 303);
    deliver(&app).await;
    assert_eq!(
        receiver.accepted().len(),
        2,
        "both events still waited, neither was given up"
    );
}

async fn private_addresses_are_refused_unless_allowed(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |_| {}).await else {
        return;
    };
    let receiver = Receiver::start().await;
    let p = arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
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
    let csrf = app.csrf_for("/dashboard/settings/webhooks").await;
    let refused = app
        .post_form(
            "/dashboard/settings/webhooks",
            &[
                ("csrf_token", &csrf),
                ("url", &receiver.url),
                ("types", "booking.created"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("private network"));
    // A name that resolves to loopback is accepted as typed, but refused when sending.
    let by_name = receiver.url.replace("127.0.0.1", "localhost");
    let added = app
        .post_form(
            "/dashboard/settings/webhooks",
            &[
                ("csrf_token", &csrf),
                ("url", &by_name),
                ("types", "booking.created"),
            ],
        )
        .await;
    assert_eq!(added.status(), 200);
    let token = token_for(&app, p.id, Scope::Write).await;
    let body = booking_body(p.service_id, tuesday_ten());
    assert_eq!(
        api_post(&app, &token, "/api/v1/bookings", &body, None)
            .await
            .status(),
        201
    );
    let pass = deliver(&app).await;
    assert_eq!(pass.retried, 1);
    assert!(
        receiver.received().is_empty(),
        "nothing reached the private address"
    );
    let error: Option<String> = app
        .db(|conn| {
            use diesel::prelude::*;
            use slotbook::db::schema::webhook_attempts as a;
            a::table.select(a::error).first(conn).unwrap()
        })
        .await;
    assert!(error.unwrap().contains("not a public address"));
}

async fn test_events_attempts_and_redelivery_show_on_the_endpoint_page(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    let receiver = Receiver::start().await;
    arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    let (id, secret) = add_endpoint(&app, &receiver.url, &["booking.created"]).await;
    let csrf = app.csrf_for("/dashboard/settings/webhooks").await;
    let queued = app
        .post_form(
            &format!("/dashboard/settings/webhooks/{id}/test"),
            &[("csrf_token", &csrf)],
        )
        .await;
    assert_eq!(
        location(&queued),
        format!("/dashboard/settings/webhooks/{id}")
    );
    deliver(&app).await;
    let got = receiver.accepted();
    assert_eq!(types_of(&got), ["webhook.test"]);
    assert!(verify(&secret, &got[0]));
    let page = app
        .get(&format!("/dashboard/settings/webhooks/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("HTTP 200 in")
            && page.contains("delivered")
            && page.contains("Europe/Berlin")
    );
    let delivery = got[0].id.clone();
    let csrf = app
        .csrf_for(&format!("/dashboard/settings/webhooks/{id}"))
        .await;
    let again = app
        .post_form(
            &format!("/dashboard/settings/webhooks/{id}/deliveries/{delivery}/redeliver"),
            &[("csrf_token", &csrf)],
        )
        .await;
    assert_eq!(again.status(), 303);
    deliver(&app).await;
    let got = receiver.accepted();
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].id, delivery, "a redelivery keeps its webhook-id");

    // Another provider sees none of it.
    let bob = app.create_provider("bob").await;
    let bob_client = app.new_client();
    app.sign_in(&bob_client, "bob", &bob.password).await;
    assert_eq!(
        app.get_with(&bob_client, &format!("/dashboard/settings/webhooks/{id}"))
            .await
            .status(),
        404
    );
    let csrf = app
        .csrf_with(&bob_client, "/dashboard/settings/webhooks")
        .await;
    for action in ["test", "disable"] {
        let response = app
            .post_form_with(
                &bob_client,
                &format!("/dashboard/settings/webhooks/{id}/{action}"),
                &[("csrf_token", &csrf)],
            )
            .await;
        assert_eq!(response.status(), 404, "{action}");
    }
    let forged = app
        .post_form(&format!("/dashboard/settings/webhooks/{id}/disable"), &[])
        .await;
    assert_eq!(forged.status(), 403);
}

/// A service that confirms at once still tells receivers both steps, in order.
async fn an_instant_booking_is_created_then_confirmed(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    let receiver = Receiver::start().await;
    let p = arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    let (_, secret) = add_endpoint(&app, &receiver.url, ALL).await;
    let token = token_for(&app, p.id, Scope::Write).await;
    let body = booking_body(p.service_id, tuesday_ten());
    let made = json_of(api_post(&app, &token, "/api/v1/bookings", &body, None).await).await;
    assert_eq!(made["status"], "confirmed");
    assert_eq!(deliver(&app).await.delivered, 2);
    let got = receiver.accepted();
    assert_eq!(types_of(&got), ["booking.created", "booking.confirmed"]);
    for r in &got {
        assert!(verify(&secret, r), "signature of {r:?}");
        let payload: Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(payload["data"]["id"], made["id"]);
    }
    assert_ne!(got[0].id, got[1].id, "each event has its own id");
}
