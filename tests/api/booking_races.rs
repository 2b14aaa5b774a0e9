//! Race tests of the claim over real HTTP, on both backends: many guests at once for one
//! slot, or for overlapping slots, never make two holding bookings that overlap.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use slotbook::domain::service::ConfirmationMode;
use uuid::Uuid;

use crate::booking::{arrange_provider, holding_rows, tuesday_ten};
use crate::helpers::{csrf_token, spawn_app_with, Backend, TestApp};

/// Settings for race tests: a booking rate limit that concurrency cannot reach.
pub async fn spawn_for_races(backend: Backend) -> Option<TestApp> {
    spawn_app_with(backend, |s| s.rate_limits.booking = 10_000).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_bookings_of_one_slot_give_one_booking_on_sqlite() {
    if let Some(app) = spawn_for_races(Backend::Sqlite).await {
        fifty_concurrent_bookings_of_one_slot_give_one_booking(app).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_bookings_of_one_slot_give_one_booking_on_postgres() {
    if let Some(app) = spawn_for_races(Backend::Postgres).await {
        fifty_concurrent_bookings_of_one_slot_give_one_booking(app).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overlapping_concurrent_bookings_never_overlap_on_sqlite() {
    if let Some(app) = spawn_for_races(Backend::Sqlite).await {
        overlapping_concurrent_bookings_never_overlap(app).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overlapping_concurrent_bookings_never_overlap_on_postgres() {
    if let Some(app) = spawn_for_races(Backend::Postgres).await {
        overlapping_concurrent_bookings_never_overlap(app).await;
    }
}

/// Posts `count` booking forms at once for the given starts (one per request), each with
/// its own idempotency key; returns the status codes.
async fn post_concurrently(app: &TestApp, starts: Vec<DateTime<Utc>>) -> Vec<u16> {
    let html = app
        .get(&format!(
            "/alice/intro/book?start={}&tz=Europe/Berlin",
            tuesday_ten().timestamp()
        ))
        .await
        .text()
        .await
        .unwrap();
    let csrf = csrf_token(&html);
    let mut tasks = Vec::new();
    for (i, start) in starts.into_iter().enumerate() {
        let (client, url, csrf) = (
            app.client.clone(),
            app.url("/alice/intro/book"),
            csrf.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let body = format!(
                "csrf_token={csrf}&start={}&tz=Europe%2FBerlin&idempotency_key={}&name=Guest{i}&email=guest{i}%40example.com",
                start.timestamp(),
                Uuid::new_v4().simple()
            );
            let started = std::time::Instant::now();
            let response = client
                .post(url)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body)
                .send()
                .await
                .unwrap();
            (response.status().as_u16(), started.elapsed())
        }));
    }
    let mut statuses = Vec::new();
    for task in tasks {
        let (status, elapsed) = task.await.unwrap();
        assert!(
            elapsed < std::time::Duration::from_secs(10),
            "a request waited {elapsed:?}"
        );
        statuses.push(status);
    }
    statuses
}

async fn fifty_concurrent_bookings_of_one_slot_give_one_booking(app: TestApp) {
    let p = arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    let statuses = post_concurrently(&app, vec![tuesday_ten(); 50]).await;
    let won = statuses.iter().filter(|s| **s == 303).count();
    let taken = statuses.iter().filter(|s| **s == 409).count();
    assert_eq!((won, taken), (1, 49), "{statuses:?}");
    assert_eq!(holding_rows(&app, p.id).await.len(), 1);
}

async fn overlapping_concurrent_bookings_never_overlap(app: TestApp) {
    let p = arrange_provider(&app, ConfirmationMode::Instant, |s| {
        s.slot_interval_minutes = 15
    })
    .await;
    let starts: Vec<_> = (0..20)
        .map(|i| tuesday_ten() + chrono::Duration::minutes(15 * (i % 8)))
        .collect();
    let statuses = post_concurrently(&app, starts).await;
    assert!(
        statuses.iter().all(|s| *s == 303 || *s == 409),
        "{statuses:?}"
    );
    let rows = holding_rows(&app, p.id).await;
    assert!(!rows.is_empty());
    for (i, a) in rows.iter().enumerate() {
        for b in &rows[i + 1..] {
            assert!(
                a.block_end_at <= b.block_start_at || b.block_end_at <= a.block_start_at,
                "overlap: {a:?} {b:?}"
            );
        }
    }
    let starts: HashSet<_> = rows.iter().map(|r| r.start_at).collect();
    assert_eq!(starts.len(), rows.len());
}
