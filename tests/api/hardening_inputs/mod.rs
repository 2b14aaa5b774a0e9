//! Issue 9, "answers instead of panics and 500s": far dates and instants, control
//! characters in text, stored rows that cannot be read, one email rule. Every request
//! here must be answered (no dropped connection) with a 4xx and a message, on both
//! backends.

mod dates;
mod stored;
mod text;

use chrono::NaiveTime;
use slotbook::db::models::{availability, services};
use slotbook::domain::availability::WeeklyRule;
use slotbook::domain::service::{ConfirmationMode, Question, QuestionKind, ServiceSpec};
use uuid::Uuid;

use crate::helpers::{csrf_token, test_now, TestApp};

/// Signs the client in as `alice` (zone `timezone`) with an active instant-confirmation
/// service `/alice/intro`, open every day 09:00–17:00.
pub async fn signed_in_provider_with_service(app: &TestApp, timezone: &'static str) -> Uuid {
    let provider = app.sign_up_and_login("alice").await.id;
    set_zone(app, timezone).await;
    app.db(move |conn| {
        let spec = ServiceSpec {
            name: "Intro call".into(),
            slug: "intro".into(),
            min_notice_minutes: 0,
            confirmation_mode: ConfirmationMode::Instant,
            questions: vec![
                Question {
                    label: "Topic".into(),
                    kind: QuestionKind::ShortText,
                    required: false,
                    choices: vec![],
                },
                Question {
                    label: "Background".into(),
                    kind: QuestionKind::LongText,
                    required: false,
                    choices: vec![],
                },
            ],
            ..ServiceSpec::defaults()
        };
        services::insert(conn, provider, &spec, test_now()).unwrap();
        for day in 0..7u8 {
            let weekday = chrono::Weekday::try_from(day).unwrap();
            let rule = WeeklyRule::new(
                weekday,
                NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
                NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
            );
            availability::insert_rule(conn, provider, &rule, test_now()).unwrap();
        }
    })
    .await;
    provider
}

pub async fn assert_refused(response: reqwest::Response, status: u16, says: &str) {
    let url = response.url().to_string();
    assert_eq!(response.status(), status, "{url}");
    let body = response.text().await.unwrap();
    assert!(body.contains(says), "{url} should say {says:?}: {body}");
}

/// Moves every provider of this app to `timezone`.
pub async fn set_zone(app: &TestApp, timezone: &'static str) {
    app.db(move |conn| {
        use diesel::prelude::*;
        use slotbook::db::schema::users;
        diesel::update(users::table)
            .set(users::timezone.eq(timezone))
            .execute(conn)
            .unwrap();
    })
    .await;
}

/// Tuesday 2030-01-08 09:00 UTC: a free slot of the service above.
pub const FREE_START: &str = "1894093200";

/// Opens the booking form for [`FREE_START`] and posts it with these guest fields.
pub async fn book(app: &TestApp, fields: &[(&str, &str)]) -> reqwest::Response {
    let html = app
        .get(&format!("/alice/intro/book?start={FREE_START}"))
        .await
        .text()
        .await
        .unwrap();
    let csrf = csrf_token(&html);
    let key = crate::helpers::hidden_field(&html, "idempotency_key").unwrap();
    let mut body = vec![
        ("csrf_token", csrf.as_str()),
        ("start", FREE_START),
        ("idempotency_key", key.as_str()),
    ];
    body.extend_from_slice(fields);
    app.post_form("/alice/intro/book", &body).await
}

pub async fn booking_count(app: &TestApp) -> i64 {
    app.db(|conn| {
        use diesel::prelude::*;
        use slotbook::db::schema::bookings;
        bookings::table.count().get_result::<i64>(conn).unwrap()
    })
    .await
}

/// The request boundary over real HTTP: a server with a route that panics (only this test
/// has one) answers the generic 500 page on the same connection, and keeps serving.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panic_in_a_handler_is_answered_with_the_500_page_over_http() {
    use actix_web::{web, App, HttpResponse, HttpServer};

    async fn boom(path: web::Path<usize>) -> HttpResponse {
        let items = [1, 2, 3];
        HttpResponse::Ok().body(items[path.into_inner()].to_string())
    }

    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let server = HttpServer::new(|| {
                App::new()
                    .wrap(slotbook::boundary::RequestBoundary)
                    .route("/item/{index}", web::get().to(boom))
            })
            .workers(1)
            .listen(listener)
            .unwrap()
            .run();
            sender.send(server.handle()).unwrap();
            let _ = server.await;
        });
    });
    let handle = receiver.recv().unwrap();
    let client = reqwest::Client::new();
    let url = |index: usize| format!("http://127.0.0.1:{port}/item/{index}");
    for _ in 0..3 {
        let response = client
            .get(url(7))
            .send()
            .await
            .expect("an answer, not a dropped connection");
        assert_eq!(response.status(), 500);
        let page = response.text().await.unwrap();
        assert!(page.contains("Something went wrong"), "{page}");
        assert!(
            !page.contains("index out of bounds"),
            "no panic text on the page"
        );
    }
    // The single worker survived its panics.
    let fine = client.get(url(1)).send().await.unwrap();
    assert_eq!(fine.status(), 200);
    assert_eq!(fine.text().await.unwrap(), "2");
    handle.stop(false).await;
}
