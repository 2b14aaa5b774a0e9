//! Fifty API clients at once for one time, on both backends: exactly one 201, every other
//! one a 409 slot-taken, and one booking in the database.

use slotbook::domain::service::ConfirmationMode;

use crate::api_helpers::{arrange, booking_body};
use crate::booking::{holding_rows, tuesday_ten};
use crate::helpers::{spawn_app_with, Backend};

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
