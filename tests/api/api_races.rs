//! Fifty API clients at once for one time, on both backends: exactly one 201, every other
//! one a 409 slot-taken, and one booking in the database. And concurrent requests under one
//! `Idempotency-Key`: one booking, the others its replay (same body) or refused (another).

use chrono::Duration;
use serde_json::Value;
use slotbook::db::schema::bookings;
use slotbook::domain::service::ConfirmationMode;
use slotbook::tokens::hash_token;

use crate::api_helpers::{arrange, booking_body};
use crate::booking::{holding_rows, tuesday_ten};
use crate::helpers::{spawn_app_with, Backend, TestApp};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_api_bookings_of_one_time_give_one_201_on_sqlite() {
    fifty_api_bookings_of_one_time_give_one_201(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_api_bookings_of_one_time_give_one_201_on_postgres() {
    fifty_api_bookings_of_one_time_give_one_201(Backend::Postgres).await;
}

async fn fifty_api_bookings_of_one_time_give_one_201(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| s.rate_limits.booking = 10_000).await else {
        return;
    };
    let (p, token) = arrange(&app, ConfirmationMode::Instant).await;
    let body = booking_body(p.service_id, tuesday_ten()).to_string();
    let mut tasks = Vec::new();
    for i in 0..50 {
        let (client, url, token, body) = (
            app.new_client(),
            app.url("/api/v1/bookings"),
            token.clone(),
            body.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let response = client
                .post(url)
                .bearer_auth(token)
                .header("content-type", "application/json")
                .header("idempotency-key", format!("race-{i}"))
                .body(body)
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            let text = response.text().await.unwrap();
            (status, text)
        }));
    }
    let mut statuses = Vec::new();
    for task in tasks {
        let (status, text) = task.await.unwrap();
        if status == 409 {
            assert!(text.contains("/api/v1/problems/slot-taken"), "{text}");
        }
        statuses.push(status);
    }
    let created = statuses.iter().filter(|s| **s == 201).count();
    let taken = statuses.iter().filter(|s| **s == 409).count();
    assert_eq!((created, taken), (1, 49), "{statuses:?}");
    assert_eq!(holding_rows(&app, p.id).await.len(), 1);
}

crate::on_both_backends!(
    concurrent_retries_under_one_key_make_one_booking_and_replay_it,
    concurrent_requests_under_one_key_with_other_bodies_make_one_booking,
);

/// Sends every body at once, each with `key`, each on its own connection; returns
/// (status, answer) in the order of `bodies`.
async fn post_at_once(
    app: &TestApp,
    token: &str,
    key: &str,
    bodies: &[Value],
) -> Vec<(u16, Value)> {
    let start = std::sync::Arc::new(tokio::sync::Barrier::new(bodies.len()));
    let mut tasks = Vec::new();
    for body in bodies {
        let (client, url, token, key) = (
            app.new_client(),
            app.url("/api/v1/bookings"),
            token.to_owned(),
            key.to_owned(),
        );
        let (body, start) = (body.to_string(), start.clone());
        tasks.push(tokio::spawn(async move {
            start.wait().await;
            let response = client
                .post(url)
                .bearer_auth(token)
                .header("content-type", "application/json")
                .header("idempotency-key", key)
                .body(body)
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            let replayed = response.headers().get("idempotent-replayed").is_some();
            let answer: Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
            assert_eq!(replayed, status == 200, "{status} {answer}");
            (status, answer)
        }));
    }
    let mut answers = Vec::new();
    for task in tasks {
        answers.push(task.await.unwrap());
    }
    answers
}

/// The key and body fingerprint stored with the provider's bookings.
async fn stored_keys(app: &TestApp) -> Vec<(Option<String>, Option<String>)> {
    use diesel::prelude::*;
    app.db(|conn| {
        bookings::table
            .select((bookings::idempotency_key, bookings::idempotency_body_hash))
            .load(conn)
            .unwrap()
    })
    .await
}

async fn concurrent_retries_under_one_key_make_one_booking_and_replay_it(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| s.rate_limits.booking = 10_000).await else {
        return;
    };
    let (p, token) = arrange(&app, ConfirmationMode::Instant).await;
    let body = booking_body(p.service_id, tuesday_ten());
    let answers = post_at_once(&app, &token, "order-99", &vec![body.clone(); 8]).await;
    let created: Vec<&Value> = answers
        .iter()
        .filter(|(s, _)| *s == 201)
        .map(|(_, a)| a)
        .collect();
    assert_eq!(created.len(), 1, "{answers:?}");
    for (status, answer) in &answers {
        assert!(matches!(status, 200 | 201), "{status} {answer}");
        assert_eq!(
            answer["id"], created[0]["id"],
            "every answer is the one booking"
        );
    }
    assert_eq!(holding_rows(&app, p.id).await.len(), 1);
    // The caller's key is stored as it came (scoped to the provider), its body's
    // fingerprint in a column of its own.
    assert_eq!(
        stored_keys(&app).await,
        vec![(
            Some(format!("api:{}:order-99", p.id.simple())),
            Some(hash_token(&body.to_string()))
        )]
    );
}

async fn concurrent_requests_under_one_key_with_other_bodies_make_one_booking(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| s.rate_limits.booking = 10_000).await else {
        return;
    };
    let (p, token) = arrange(&app, ConfirmationMode::Instant).await;
    let bodies: Vec<Value> = (0..4)
        .map(|n| booking_body(p.service_id, tuesday_ten() + Duration::hours(n)))
        .collect();
    let answers = post_at_once(&app, &token, "order-100", &bodies).await;
    let statuses: Vec<u16> = answers.iter().map(|(s, _)| *s).collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1,
        "{answers:?}"
    );
    for (status, answer) in answers.iter().filter(|(s, _)| *s != 201) {
        // As the OpenAPI document says: 422 `idempotency-key-reused`.
        assert_eq!(*status, 422, "{answer}");
        assert_eq!(answer["type"], "/api/v1/problems/idempotency-key-reused");
    }
    let held = holding_rows(&app, p.id).await;
    assert_eq!(held.len(), 1, "one booking, at the winner's time");
    let winner = answers.iter().position(|(s, _)| *s == 201).unwrap();
    assert_eq!(
        held[0].start_at,
        tuesday_ten() + Duration::hours(winner as i64)
    );
    // The winner's request again is still a retry.
    let again = crate::api_helpers::api_post(
        &app,
        &token,
        "/api/v1/bookings",
        &bodies[winner],
        Some("order-100"),
    )
    .await;
    assert_eq!(again.status(), 200);
}
