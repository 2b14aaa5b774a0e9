//! API follow-ups on both backends: the database guard under the API's time with no
//! application lock, a key reused with another body, an instant booking's two events,
//! and the OpenAPI document's `webhooks`.

use chrono::Duration;
use serde_json::Value;
use slotbook::db::{write_transaction, StoreError};
use slotbook::domain::service::ConfirmationMode;

use crate::api_helpers::{api_post, arrange, assert_problem, booking_body, json_of};
use crate::booking::{holding_rows, tuesday_ten};
use crate::both_backends;
use crate::helpers::TestApp;
use crate::teams::guard::{booking, raw_insert};

both_backends!(
    fifty_writers_of_the_apis_time_without_the_lock_meet_the_database_guard,
    a_key_reused_with_another_body_is_refused,
    the_document_describes_every_webhook_and_its_payload,
);

/// The 50-way API race (`api_races`) could pass on the provider lock and the claim's
/// availability check alone; here fifty writers insert the same 30 minutes of the API's
/// service with plain SQL, each on its own connection, with neither the lock nor the
/// check, and hold their transaction open a moment so the others meet them in flight.
async fn fifty_writers_of_the_apis_time_without_the_lock_meet_the_database_guard(app: TestApp) {
    const WRITERS: usize = 50;
    let (p, token) = arrange(&app, ConfirmationMode::Instant).await;
    let url = app.state.settings.database_url.clone();
    let ready = std::sync::Arc::new(std::sync::Barrier::new(WRITERS));
    let mut writers = Vec::new();
    for _ in 0..WRITERS {
        let (url, ready) = (url.clone(), ready.clone());
        let new = booking(p.id, p.service_id, tuesday_ten(), 30);
        writers.push(std::thread::spawn(move || {
            let mut conn = url.connect().expect("a connection of its own");
            ready.wait();
            write_transaction(&mut conn, |c| {
                let id = raw_insert(c, &new)?;
                std::thread::sleep(std::time::Duration::from_millis(20));
                Ok::<_, StoreError>(id)
            })
        }));
    }
    let (mut won, mut refused) = (0, 0);
    for (i, writer) in writers.into_iter().enumerate() {
        match writer.join().expect("writer thread") {
            Ok(_) => won += 1,
            Err(StoreError::SlotTaken(_)) => refused += 1,
            // Lock-less PostgreSQL inserts that wait on each other at the exclusion
            // constraint can deadlock; the database aborts one: a refusal too.
            Err(StoreError::Busy) => refused += 1,
            Err(other) => panic!("writer {i}: not the guard's refusal: {other:?}"),
        }
    }
    assert_eq!((won, refused), (1, WRITERS - 1));
    assert_eq!(holding_rows(&app, p.id).await.len(), 1);
    // The API sees the guard's winner: the same time is taken.
    let body = booking_body(p.service_id, tuesday_ten());
    let taken = api_post(&app, &token, "/api/v1/bookings", &body, None).await;
    assert_problem(taken, 409, "slot-taken").await;
}

async fn a_key_reused_with_another_body_is_refused(app: TestApp) {
    let (p, token) = arrange(&app, ConfirmationMode::Instant).await;
    let first = booking_body(p.service_id, tuesday_ten());
    let made = api_post(&app, &token, "/api/v1/bookings", &first, Some("order-7")).await;
    assert_eq!(made.status(), 201);
    let made = json_of(made).await;
    let other = booking_body(p.service_id, tuesday_ten() + Duration::hours(1));
    let reused = api_post(&app, &token, "/api/v1/bookings", &other, Some("order-7")).await;
    let problem = assert_problem(reused, 422, "idempotency-key-reused").await;
    assert!(problem["detail"].as_str().unwrap().contains("new key"));
    assert_eq!(
        holding_rows(&app, p.id).await.len(),
        1,
        "nothing was booked"
    );
    // The first body again is still a retry, and a key with `%` or `_` is only itself.
    let again = api_post(&app, &token, "/api/v1/bookings", &first, Some("order-7")).await;
    assert_eq!(again.status(), 200);
    assert_eq!(json_of(again).await["id"], made["id"]);
    let wild = api_post(&app, &token, "/api/v1/bookings", &other, Some("order-_")).await;
    assert_eq!(wild.status(), 201);
}

async fn the_document_describes_every_webhook_and_its_payload(app: TestApp) {
    let doc: Value = json_of(
        app.client
            .get(app.url("/api/v1/openapi.json"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let hooks = doc["webhooks"].as_object().expect("a webhooks section");
    for name in [
        "booking.created",
        "booking.confirmed",
        "booking.rescheduled",
        "booking.cancelled",
        "booking.declined",
        "booking.expired",
        "booking.completed",
        "booking.no_show",
    ] {
        let schema = &hooks[name]["post"]["requestBody"]["content"]["application/json"]["schema"];
        assert_eq!(
            schema["$ref"], "#/components/schemas/WebhookPayload",
            "{name}"
        );
    }
    let payload = &doc["components"]["schemas"]["WebhookPayload"]["properties"];
    assert!(payload["type"].is_object() && payload["timestamp"].is_object());
    let data = &doc["components"]["schemas"]["WebhookBooking"]["properties"];
    assert!(
        data["status"].is_object() && data["start"].is_object(),
        "{data}"
    );
}
