//! `/metrics`: off unless configured, behind its bearer token, and its figures move with
//! what people do.

use std::time::Duration;

use std::sync::Arc;

use slotbook::clock::SystemClock;
use slotbook::config::Settings;
use slotbook::domain::service::ConfirmationMode;
use slotbook::email::Transport;
use slotbook::startup::{Application, Dependencies};

use crate::booking::{arrange_provider, book, tuesday_ten, GUEST};
use crate::helpers::{
    csrf_token, fresh_database, hidden_field, link_path, outbox, spawn_app, spawn_app_with,
    Backend, TestApp,
};

crate::on_both_backends!(
    metrics_are_off_unless_a_token_or_a_listener_is_configured,
    metrics_ask_for_the_bearer_token,
    counters_move_with_bookings_conflicts_and_requests,
    booking_counts_are_kept_as_events_are_written_not_counted_from_history,
    background_jobs_report_their_last_success,
    a_separate_metrics_listener_serves_only_metrics,
    every_answer_carries_a_request_id,
);

const TOKEN: &str = "metrics-token-0123456789";

async fn with_token(backend: Backend) -> Option<TestApp> {
    spawn_app_with(backend, |s| s.metrics.token = Some(TOKEN.to_owned())).await
}

async fn scrape(app: &TestApp) -> String {
    let response = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let kind = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(kind.starts_with("text/plain; version=0.0.4"), "{kind}");
    response.text().await.unwrap()
}

/// The value of one series (`name{labels}` exactly as exposed), 0 when absent.
fn value(text: &str, series: &str) -> f64 {
    text.lines()
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' '))
        .map_or(0.0, |v| v.trim().parse().unwrap())
}

async fn metrics_are_off_unless_a_token_or_a_listener_is_configured(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let response = app.get("/metrics").await;
    assert_eq!(response.status(), 404);
    let bearer = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(bearer.status(), 404, "no token configured: no metrics");
}

async fn metrics_ask_for_the_bearer_token(backend: Backend) {
    let Some(app) = with_token(backend).await else {
        return;
    };
    let missing = app.get("/metrics").await;
    assert_eq!(missing.status(), 401);
    assert_eq!(missing.headers()["www-authenticate"], "Bearer");
    let wrong = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth("metrics-token-0123456780")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    let text = scrape(&app).await;
    assert!(
        text.contains("# TYPE slotbook_http_requests_total counter"),
        "{text}"
    );
    assert!(
        text.contains("slotbook_db_pool_max_connections 16"),
        "{text}"
    );
}

async fn counters_move_with_bookings_conflicts_and_requests(backend: Backend) {
    let Some(app) = with_token(backend).await else {
        return;
    };
    arrange_provider(&app, ConfirmationMode::Email, |_| {}).await;
    let before = scrape(&app).await;
    let created = r#"slotbook_bookings_total{event="created"}"#;
    let confirmed = r#"slotbook_bookings_total{event="confirmed"}"#;
    let expired = r#"slotbook_bookings_total{event="expired"}"#;
    let conflicts = r#"slotbook_claim_conflicts_total{route="/{username}/{slug}/book"}"#;
    let posted = r#"slotbook_http_requests_total{method="POST",route="/{username}/{slug}/book",status="3xx"}"#;
    assert_eq!(value(&before, created), 0.0);

    // Ben opens the form for Tuesday 10:00; Grace books that time first and confirms from
    // her mail; Ben's submission is refused; Cleo books another time and never confirms.
    let ben_form = app
        .get(&format!(
            "/alice/intro/book?start={}&tz=Europe/Berlin",
            tuesday_ten().timestamp()
        ))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(book(&app, tuesday_ten(), GUEST).await.status(), 303);
    let start = tuesday_ten().timestamp().to_string();
    let key = hidden_field(&ben_form, "idempotency_key").unwrap();
    let taken = app
        .post_form(
            "/alice/intro/book",
            &[
                ("csrf_token", &csrf_token(&ben_form)),
                ("start", &start),
                ("tz", "Europe/Berlin"),
                ("idempotency_key", &key),
                ("name", "Ben"),
                ("email", "ben@example.com"),
            ],
        )
        .await;
    assert_eq!(taken.status(), 409);
    let mails = outbox(&app).await;
    let (_, _, text) = mails
        .iter()
        .find(|(to, subject, _)| to == "grace@example.com" && subject.starts_with("Please confirm"))
        .expect("confirmation request");
    let confirm = link_path(text, "/b/").expect("confirm link");
    let csrf = csrf_token(&app.get(&confirm).await.text().await.unwrap());
    let done = app.post_form(&confirm, &[("csrf_token", &csrf)]).await;
    assert_eq!(done.status(), 200);
    let later = tuesday_ten() + chrono::Duration::hours(1);
    let cleo = book(
        &app,
        later,
        &[("name", "Cleo"), ("email", "cleo@example.com")],
    )
    .await;
    assert_eq!(cleo.status(), 303);
    app.clock.advance(chrono::Duration::minutes(31));
    let pass = slotbook::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(pass.expired, 1);

    let after = scrape(&app).await;
    assert_eq!(value(&after, created), 2.0, "{after}");
    assert_eq!(value(&after, confirmed), 1.0);
    assert_eq!(value(&after, expired), 1.0);
    assert_eq!(value(&after, conflicts) - value(&before, conflicts), 1.0);
    assert_eq!(value(&after, posted) - value(&before, posted), 2.0);
    // Nothing was delivered: the mails wait, the oldest since before the clock moved.
    assert!(
        value(&after, r#"slotbook_outbox_messages{status="queued"}"#) >= 4.0,
        "{after}"
    );
    assert!(value(&after, "slotbook_outbox_oldest_queued_age_seconds") >= 31.0 * 60.0);
    assert!(value(&after, "slotbook_db_pool_wait_seconds_count") > 0.0);
    assert!(after.contains(r#"slotbook_db_pool_connections{state="in_use"}"#));
    // Route patterns, never raw paths (which carry tokens).
    assert!(
        !after.contains("/b/") || after.contains("/b/{token}"),
        "{after}"
    );
    assert!(!after.contains("/alice"), "{after}");

    app.delivered_mail().await;
    let delivered = scrape(&app).await;
    assert_eq!(
        value(&delivered, r#"slotbook_outbox_messages{status="queued"}"#),
        0.0
    );
    assert_eq!(
        value(&delivered, "slotbook_outbox_oldest_queued_age_seconds"),
        0.0
    );
}

async fn background_jobs_report_their_last_success(backend: Backend) {
    let Some(database) = fresh_database(backend) else {
        return;
    };
    // The jobs run on actix's runtime, as in `slotbook serve`: the application is built and
    // run inside an actix system of its own.
    let dir = tempfile::tempdir().unwrap();
    let mut settings = Settings::for_database(database.url.clone(), dir.path().to_path_buf());
    settings.bind = "127.0.0.1:0".parse().unwrap();
    settings.secret_key = Some("test-secret-key-that-is-long-enough-0123456789".to_owned());
    settings.metrics.token = Some(TOKEN.to_owned());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let deps = Dependencies {
                clock: Arc::new(SystemClock),
                jobs_every: Some(Duration::from_millis(50)),
                mail_transport: Some(Transport::memory()),
                mail_every: Some(Duration::from_millis(50)),
                webhooks_every: None,
            };
            let app = Application::build_with(settings, deps).await.unwrap();
            tx.send((app.port(), app.server_handle())).unwrap();
            let _ = app.run_until_stopped().await;
        });
    });
    let (port, handle) = rx.recv_timeout(Duration::from_secs(60)).unwrap();
    let started = chrono::Utc::now().timestamp() as f64 - 1.0;
    let client = reqwest::Client::new();
    let mut text = String::new();
    for _ in 0..100 {
        text = client
            .get(format!("http://127.0.0.1:{port}/metrics"))
            .bearer_auth(TOKEN)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let ran = ["bookings", "sessions", "outbox"].iter().all(|job| {
            let series = format!("slotbook_job_last_success_timestamp_seconds{{job=\"{job}\"}}");
            value(&text, &series) >= started
        });
        if ran {
            assert!(text.contains(r#"slotbook_job_last_duration_seconds{job="bookings"}"#));
            assert_eq!(
                value(&text, r#"slotbook_job_failures_total{job="bookings"}"#),
                0.0
            );
            handle.stop(true).await;
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the jobs never reported a success: {text}");
}

async fn a_separate_metrics_listener_serves_only_metrics(backend: Backend) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let Some(app) = spawn_app_with(backend, |s| {
        s.metrics.bind = Some(format!("127.0.0.1:{port}").parse().unwrap());
    })
    .await
    else {
        return;
    };
    assert_eq!(
        app.get("/metrics").await.status(),
        404,
        "not on the public listener"
    );
    let client = reqwest::Client::new();
    let metrics = client
        .get(format!("http://127.0.0.1:{port}/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(metrics.status(), 200);
    assert!(metrics
        .text()
        .await
        .unwrap()
        .contains("slotbook_db_pool_connections"));
    let page = client
        .get(format!("http://127.0.0.1:{port}/login"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        page.status(),
        404,
        "the metrics listener serves nothing else"
    );
}

async fn every_answer_carries_a_request_id(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let mut ids = Vec::new();
    for path in ["/", "/no/such/page", "/healthz"] {
        let response = app.get(path).await;
        let id = response.headers()["x-request-id"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(uuid::Uuid::parse_str(&id).is_ok(), "{path}: {id}");
        ids.push(id);
    }
    ids.dedup();
    assert_eq!(ids.len(), 3, "one id per request");
}

/// The count of booking changes is kept in the database as each history row is written
/// (so a scrape does not read the history): it matches the history after bookings, and a
/// history that is later erased does not take it back down (a counter only rises).
async fn booking_counts_are_kept_as_events_are_written_not_counted_from_history(backend: Backend) {
    let Some(app) = with_token(backend).await else {
        return;
    };
    arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    for (n, guest) in ["ann", "bea", "cat"].iter().enumerate() {
        let email = format!("{guest}@example.com");
        let at = tuesday_ten() + chrono::Duration::hours(n as i64);
        let booked = book(&app, at, &[("name", guest), ("email", &email)]).await;
        assert_eq!(booked.status(), 303);
    }
    let history: Vec<(String, i64)> = app
        .db(|conn| {
            use diesel::dsl::count_star;
            use diesel::prelude::*;
            use slotbook::db::schema::booking_events as events;
            events::table
                .group_by(events::kind)
                .select((events::kind, count_star()))
                .order(events::kind.asc())
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(history, vec![("created".to_owned(), 3)]);
    let text = scrape(&app).await;
    for (kind, n) in &history {
        let series = format!(r#"slotbook_bookings_total{{event="{kind}"}}"#);
        assert_eq!(value(&text, &series), *n as f64, "{series} in {text}");
    }

    app.db(|conn| {
        use diesel::prelude::*;
        diesel::delete(slotbook::db::schema::booking_events::table)
            .execute(conn)
            .unwrap();
    })
    .await;
    let text = scrape(&app).await;
    assert_eq!(
        value(&text, r#"slotbook_bookings_total{event="created"}"#),
        3.0,
        "{text}"
    );
}
