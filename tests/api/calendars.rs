//! Calendar subscriptions over real HTTP on both backends: a local server started by the
//! test serves hand-written ICS files in the formats Google, Apple, Outlook and Nextcloud
//! publish (`tests/fixtures/ics`); the provider subscribes on the Calendars page, and the
//! month page and the claim stop offering the busy times.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, NaiveTime, TimeZone, Utc, Weekday};
use slotbook::calendars::{client, refresh_due, Pass};
use slotbook::db::models::{availability, services};
use slotbook::domain::availability::WeeklyRule;
use slotbook::domain::service::{ConfirmationMode, ServiceSpec};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::helpers::{
    csrf_token, hidden_field, outbox, spawn_app_with, test_now, Backend, TestApp,
};
use crate::on_both_backends;

on_both_backends!(
    subscribed_calendars_block_their_busy_times_on_the_month_page_and_in_the_claim,
    a_failing_calendar_keeps_its_blocks_says_why_and_mails_once_after_a_day,
    calendar_forms_check_the_address_and_other_providers_sources_are_not_found,
    passes_running_at_once_fetch_each_due_calendar_once,
);

/// What the fixture server answers for a path.
#[derive(Clone)]
struct Answer {
    status: u16,
    body: Vec<u8>,
    etag: Option<String>,
}

#[derive(Default)]
struct ServerState {
    answers: HashMap<String, Answer>,
    /// The `If-None-Match` of every request, in order.
    conditional: Vec<Option<String>>,
}

/// A tiny HTTP/1.1 server on a loopback port: one answer per path, `304` when the
/// request's `If-None-Match` matches the answer's ETag.
#[derive(Clone)]
pub(crate) struct IcsServer {
    port: u16,
    state: Arc<Mutex<ServerState>>,
}

impl IcsServer {
    pub(crate) async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(Mutex::new(ServerState::default()));
        let shared = state.clone();
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                let shared = shared.clone();
                tokio::spawn(async move {
                    let mut request = Vec::new();
                    let mut buf = [0u8; 4096];
                    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                        match socket.read(&mut buf).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => request.extend_from_slice(&buf[..n]),
                        }
                    }
                    let text = String::from_utf8_lossy(&request).to_string();
                    let path = text.split_whitespace().nth(1).unwrap_or("/").to_owned();
                    let if_none_match = text
                        .lines()
                        .find_map(|l| l.strip_prefix("if-none-match: "))
                        .map(str::to_owned);
                    let answer = {
                        let mut state = shared.lock().unwrap();
                        state.conditional.push(if_none_match.clone());
                        state.answers.get(&path).cloned()
                    };
                    let answer = answer.unwrap_or(Answer {
                        status: 404,
                        body: b"not found".to_vec(),
                        etag: None,
                    });
                    let not_modified = answer.etag.is_some() && answer.etag == if_none_match;
                    let (status, body) = if not_modified {
                        (304, Vec::new())
                    } else {
                        (answer.status, answer.body)
                    };
                    let mut head = format!(
                        "HTTP/1.1 {status} X\r\ncontent-type: text/calendar; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n",
                        body.len()
                    );
                    if let Some(etag) = &answer.etag {
                        head.push_str(&format!("etag: {etag}\r\n"));
                    }
                    head.push_str("\r\n");
                    let _ = socket.write_all(head.as_bytes()).await;
                    let _ = socket.write_all(&body).await;
                    let _ = socket.shutdown().await;
                });
            }
        });
        Self { port, state }
    }

    pub(crate) fn serve(&self, path: &str, status: u16, body: &[u8], etag: Option<&str>) {
        self.state.lock().unwrap().answers.insert(
            path.to_owned(),
            Answer {
                status,
                body: body.to_vec(),
                etag: etag.map(str::to_owned),
            },
        );
    }

    fn serve_fixture(&self, name: &str) {
        let body = std::fs::read(format!(
            "{}/tests/fixtures/ics/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        self.serve(
            &format!("/{name}"),
            200,
            &body,
            Some(&format!("\"{name}-v1\"")),
        );
    }

    pub(crate) fn url(&self, name: &str) -> String {
        format!("http://127.0.0.1:{}/{name}", self.port)
    }

    fn conditional(&self) -> Vec<Option<String>> {
        self.state.lock().unwrap().conditional.clone()
    }
}

/// Monday 2030-03-11 06:00 UTC: three weeks before Berlin's clocks go forward (31 March).
pub(crate) fn march_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2030, 3, 11, 6, 0, 0).unwrap()
}

pub(crate) fn at(m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2030, m, d, h, min, 0).unwrap()
}

/// An app whose calendar fetches may reach the loopback fixture server, with `alice`
/// (Europe/Berlin, Monday to Friday 09:00–17:00, a 30-minute service `/alice/intro`)
/// signed in.
pub(crate) async fn arrange(backend: Backend) -> Option<(TestApp, uuid::Uuid)> {
    let app = spawn_app_with(backend, |s| s.calendars.allow_private_networks = true).await?;
    app.clock.set(march_now());
    let alice = app.sign_up_and_login("alice").await;
    let id = alice.id;
    app.db(move |conn| {
        let service = ServiceSpec {
            name: "Intro call".into(),
            slug: "intro".into(),
            min_notice_minutes: 0,
            confirmation_mode: ConfirmationMode::Instant,
            ..ServiceSpec::defaults()
        };
        services::insert(conn, id, &service, test_now()).unwrap();
        for day in [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
        ] {
            let rule = WeeklyRule::new(
                day,
                NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
                NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
            );
            availability::insert_rule(conn, id, &rule, test_now()).unwrap();
        }
    })
    .await;
    Some((app, id))
}

/// Posts the subscription form; the request only queues the calendar for the worker.
async fn add_subscription(app: &TestApp, url: &str) -> reqwest::Response {
    let csrf = app.csrf_for("/dashboard/calendars").await;
    app.post_form(
        "/dashboard/calendars",
        &[("csrf_token", &csrf), ("url", url)],
    )
    .await
}

/// Subscribes, then runs the worker's pass as the running app would right after.
async fn subscribe(app: &TestApp, url: &str) -> reqwest::Response {
    let response = add_subscription(app, url).await;
    if response.status() == 303 {
        refresh_due(&app.state, &client(&app.state).unwrap())
            .await
            .unwrap();
    }
    response
}

/// The slot starts (Unix seconds) the month page offers on `date` (Berlin).
async fn offered(app: &TestApp, date: &str) -> Vec<i64> {
    let page = app
        .get(&format!(
            "/alice/intro?tz=Europe/Berlin&month={}&date={date}",
            &date[..7]
        ))
        .await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    html.split("/alice/intro/book?start=")
        .skip(1)
        .filter_map(|rest| {
            rest.split(|c: char| !c.is_ascii_digit())
                .next()?
                .parse()
                .ok()
        })
        .collect()
}

pub(crate) async fn is_offered(app: &TestApp, start: DateTime<Utc>) -> bool {
    let date = start
        .with_timezone(&chrono_tz::Europe::Berlin)
        .format("%Y-%m-%d")
        .to_string();
    offered(app, &date).await.contains(&start.timestamp())
}

async fn subscribed_calendars_block_their_busy_times_on_the_month_page_and_in_the_claim(
    backend: Backend,
) {
    let Some((app, _)) = arrange(backend).await else {
        return;
    };
    let server = IcsServer::start().await;
    for name in ["google.ics", "apple.ics", "outlook.ics", "nextcloud.ics"] {
        server.serve_fixture(name);
        let added = subscribe(&app, &server.url(name)).await;
        assert_eq!(added.status(), 303, "{name} is added");
    }
    let page = app.get("/dashboard/calendars").await.text().await.unwrap();
    assert!(page.contains("Last read"), "every source was read: {page}");
    assert!(!page.contains("failed:"), "no source failed: {page}");
    assert!(page.contains("Europe/Berlin"), "times name their zone");

    // Google: weekly 10:00–11:00 Berlin, across the DST change on 31 March.
    assert!(
        !is_offered(&app, at(3, 25, 9, 0)).await,
        "25 Mar 10:00 CET busy"
    );
    assert!(
        !is_offered(&app, at(3, 25, 9, 30)).await,
        "25 Mar 10:30 CET busy"
    );
    assert!(
        is_offered(&app, at(3, 25, 10, 0)).await,
        "25 Mar 11:00 CET free"
    );
    assert!(
        is_offered(&app, at(3, 25, 8, 30)).await,
        "25 Mar 09:30 CET free"
    );
    assert!(
        !is_offered(&app, at(4, 1, 8, 0)).await,
        "1 Apr 10:00 CEST busy"
    );
    assert!(
        is_offered(&app, at(4, 1, 7, 0)).await,
        "1 Apr 09:00 CEST free"
    );
    assert!(
        is_offered(&app, at(4, 1, 9, 0)).await,
        "1 Apr 11:00 CEST free"
    );
    // EXDATE on 11 March, an override that moves 18 March to 14:00, a transparent event.
    assert!(
        is_offered(&app, at(3, 11, 9, 0)).await,
        "excluded instance free"
    );
    assert!(
        is_offered(&app, at(3, 18, 9, 0)).await,
        "moved instance free at 10:00"
    );
    assert!(
        !is_offered(&app, at(3, 18, 13, 0)).await,
        "moved instance busy at 14:00"
    );
    assert!(
        is_offered(&app, at(3, 19, 9, 0)).await,
        "transparent event blocks nothing"
    );
    // Apple: all-day 26–27 March; a cancelled event on the 28th.
    assert!(
        offered(&app, "2030-03-26").await.is_empty(),
        "all day 26 Mar"
    );
    assert!(
        offered(&app, "2030-03-27").await.is_empty(),
        "all day 27 Mar"
    );
    assert!(
        is_offered(&app, at(3, 28, 9, 0)).await,
        "cancelled event blocks nothing"
    );
    // Outlook: "W. Europe Standard Time" 22 March 10:00.
    assert!(
        !is_offered(&app, at(3, 22, 9, 0)).await,
        "Microsoft zone name read"
    );
    assert!(is_offered(&app, at(3, 22, 10, 0)).await);
    // Nextcloud: an RDATE instance and a floating time in the provider's zone.
    assert!(
        !is_offered(&app, at(3, 20, 11, 0)).await,
        "DTSTART instance"
    );
    assert!(!is_offered(&app, at(3, 28, 11, 0)).await, "RDATE instance");
    assert!(
        !is_offered(&app, at(3, 21, 14, 0)).await,
        "floating 15:00 Berlin"
    );

    // Slotbook's own events (its feed subscribed by mistake, or a booking written back)
    // are recognised by UID and block nothing; another event in the same file does.
    let own = format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:{}@{}\r\n\
         DTSTART:20300329T100000Z\r\nDTEND:20300329T103000Z\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:someone-else@example.com\r\n\
         DTSTART:20300329T130000Z\r\nDTEND:20300329T133000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        uuid::Uuid::now_v7(),
        app.state.settings.host()
    );
    server.serve("/own.ics", 200, own.as_bytes(), None);
    assert_eq!(subscribe(&app, &server.url("own.ics")).await.status(), 303);
    assert!(
        is_offered(&app, at(3, 29, 10, 0)).await,
        "Slotbook's own UID"
    );
    assert!(!is_offered(&app, at(3, 29, 13, 0)).await, "another event");

    // The claim refuses a busy time even when posted directly.
    let form = app
        .get(&format!(
            "/alice/intro/book?start={}&tz=Europe/Berlin",
            at(3, 25, 10, 0).timestamp()
        ))
        .await
        .text()
        .await
        .unwrap();
    let (csrf, key) = (
        csrf_token(&form),
        hidden_field(&form, "idempotency_key").unwrap(),
    );
    let busy = at(3, 25, 9, 0).timestamp().to_string();
    let refused = app
        .post_form(
            "/alice/intro/book",
            &[
                ("csrf_token", &csrf),
                ("start", &busy),
                ("tz", "Europe/Berlin"),
                ("idempotency_key", &key),
                ("name", "Grace Guest"),
                ("email", "grace@example.com"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 409, "a busy time cannot be booked");
}

async fn a_failing_calendar_keeps_its_blocks_says_why_and_mails_once_after_a_day(backend: Backend) {
    let Some((app, _)) = arrange(backend).await else {
        return;
    };
    let server = IcsServer::start().await;
    server.serve_fixture("google.ics");
    assert_eq!(
        subscribe(&app, &server.url("google.ics")).await.status(),
        303
    );
    assert!(!is_offered(&app, at(3, 25, 9, 0)).await);
    let client = client(&app.state).unwrap();

    // Not due yet: nothing is fetched.
    let pass = refresh_due(&app.state, &client).await.unwrap();
    assert_eq!(pass, Pass::default());
    // Due after the refresh period: a conditional request, answered 304.
    app.clock.advance(chrono::TimeDelta::seconds(11 * 60));
    let pass = refresh_due(&app.state, &client).await.unwrap();
    assert_eq!(pass.unchanged, 1, "{pass:?}");
    assert_eq!(
        server.conditional().last().cloned().flatten().as_deref(),
        Some("\"google.ics-v1\""),
        "the ETag is sent back"
    );

    // The server breaks: the error is shown and the blocks stay.
    server.serve("/google.ics", 500, b"oops", None);
    app.clock.advance(chrono::TimeDelta::seconds(11 * 60));
    let pass = refresh_due(&app.state, &client).await.unwrap();
    assert_eq!(pass.failed, 1, "{pass:?}");
    let page = app.get("/dashboard/calendars").await.text().await.unwrap();
    assert!(page.contains("failed: HTTP 500"), "{page}");
    assert!(page.contains("still count"), "{page}");
    assert!(
        !is_offered(&app, at(3, 25, 9, 0)).await,
        "last good blocks kept"
    );
    // An answer that is not a calendar fails the same way, and keeps the blocks too.
    server.serve("/google.ics", 200, b"<html>login</html>", None);
    let refreshed = app
        .client
        .post(app.url(&format!("{}/refresh", source_path(&page))))
        .form(&[("csrf_token", csrf_token(&page))])
        .send()
        .await
        .unwrap();
    assert_eq!(refreshed.status(), 303);
    // "Refresh now" only marks the calendar due: the worker reads it, not the request.
    let page = app.get("/dashboard/calendars").await.text().await.unwrap();
    assert!(page.contains("Refreshing…"), "{page}");
    assert!(!page.contains("not an iCalendar document"), "{page}");
    assert_eq!(refresh_due(&app.state, &client).await.unwrap().failed, 1);
    let page = app.get("/dashboard/calendars").await.text().await.unwrap();
    assert!(page.contains("not an iCalendar document"), "{page}");
    assert!(!page.contains("Refreshing…"), "{page}");
    assert!(
        !is_offered(&app, at(3, 25, 9, 0)).await,
        "last good blocks kept"
    );
    // Too large an answer is cut off and refused.
    server.serve("/google.ics", 200, &vec![b'x'; 6 * 1024 * 1024], None);
    app.clock.advance(chrono::TimeDelta::seconds(11 * 60));
    assert_eq!(refresh_due(&app.state, &client).await.unwrap().failed, 1);
    let page = app.get("/dashboard/calendars").await.text().await.unwrap();
    assert!(page.contains("larger than"), "{page}");

    // After a day of failures the owner is mailed, once.
    assert!(outbox(&app)
        .await
        .iter()
        .all(|(_, s, _)| !s.contains("calendars")));
    for _ in 0..3 {
        app.clock.advance(chrono::TimeDelta::seconds(13 * 3600));
        refresh_due(&app.state, &client).await.unwrap();
    }
    let told: Vec<_> = outbox(&app)
        .await
        .into_iter()
        .filter(|(to, subject, _)| to == "alice@example.com" && subject.contains("calendars"))
        .collect();
    assert_eq!(told.len(), 1, "mailed once");
    assert!(
        told[0].2.contains(&server.url("google.ics")),
        "{}",
        told[0].2
    );

    // It works again: new blocks replace the old ones, and the error is gone.
    let moved = std::fs::read_to_string(format!(
        "{}/tests/fixtures/ics/google.ics",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
    .replace("BYDAY=MO", "BYDAY=TU");
    server.serve("/google.ics", 200, moved.as_bytes(), Some("\"v2\""));
    app.clock.advance(chrono::TimeDelta::seconds(11 * 60));
    assert_eq!(refresh_due(&app.state, &client).await.unwrap().refreshed, 1);
    let page = app.get("/dashboard/calendars").await.text().await.unwrap();
    assert!(!page.contains("failed:"), "{page}");
    assert!(is_offered(&app, at(3, 25, 9, 0)).await, "Monday freed");
    assert!(!is_offered(&app, at(3, 26, 9, 0)).await, "Tuesday blocked");
}

/// `/dashboard/calendars/<id>` of the first source on the page.
fn source_path(page: &str) -> String {
    let start = page.find("/dashboard/calendars/").unwrap();
    let rest = &page[start..];
    let end = rest.find("/refresh").unwrap();
    rest[..end].to_owned()
}

async fn calendar_forms_check_the_address_and_other_providers_sources_are_not_found(
    backend: Backend,
) {
    // The default: private addresses are refused.
    let Some(app) = spawn_app_with(backend, |_| {}).await else {
        return;
    };
    app.sign_up_and_login("alice").await;
    for (url, message) in [
        ("", "Enter the calendar"),
        ("ftp://example.com/cal.ics", "starts with https://"),
        ("not an address", "starts with https://"),
        ("http://127.0.0.1:9/cal.ics", "private network"),
        ("webcal://10.0.0.7/cal.ics", "private network"),
    ] {
        let response = subscribe(&app, url).await;
        assert_eq!(response.status(), 422, "{url}");
        let html = response.text().await.unwrap();
        assert!(html.contains(message), "{url}: {html}");
        assert!(
            html.contains(&format!("value=\"{}\"", url.replace('&', "&amp;"))),
            "{url} kept"
        );
    }
    // A name that resolves to loopback is refused after DNS, and shown as the error. The
    // request itself fetches nothing: the page says "refreshing" until the worker ran.
    assert_eq!(
        add_subscription(&app, "http://localhost:9/cal.ics")
            .await
            .status(),
        303
    );
    let page = app.get("/dashboard/calendars").await.text().await.unwrap();
    assert!(page.contains("Refreshing…"), "{page}");
    assert!(!page.contains("not a public address"), "{page}");
    let pass = refresh_due(&app.state, &client(&app.state).unwrap())
        .await
        .unwrap();
    assert_eq!(pass.failed, 1, "{pass:?}");
    let page = app.get("/dashboard/calendars").await.text().await.unwrap();
    assert!(page.contains("not a public address"), "{page}");
    let path = source_path(&page);

    // Another provider cannot refresh or remove it.
    let bob = app.create_provider("bob").await;
    let other = app.new_client();
    app.sign_in(&other, &bob.username, &bob.password).await;
    let csrf = app.csrf_with(&other, "/dashboard/calendars").await;
    for action in ["refresh", "delete"] {
        let response = app
            .post_form_with(
                &other,
                &format!("{path}/{action}"),
                &[("csrf_token", &csrf)],
            )
            .await;
        assert_eq!(response.status(), 404, "{action}");
    }
    let bobs = app
        .get_with(&other, "/dashboard/calendars")
        .await
        .text()
        .await
        .unwrap();
    assert!(bobs.contains("No calendars yet"));

    // Its owner removes it.
    let csrf = csrf_token(&page);
    let removed = app
        .post_form(&format!("{path}/delete"), &[("csrf_token", &csrf)])
        .await;
    assert_eq!(removed.status(), 303);
    let page = app.get("/dashboard/calendars").await.text().await.unwrap();
    assert!(page.contains("No calendars yet"), "{page}");
}

async fn passes_running_at_once_fetch_each_due_calendar_once(backend: Backend) {
    let Some((app, _)) = arrange(backend).await else {
        return;
    };
    let server = IcsServer::start().await;
    for name in ["google.ics", "apple.ics", "outlook.ics", "nextcloud.ics"] {
        server.serve_fixture(name);
        assert_eq!(subscribe(&app, &server.url(name)).await.status(), 303);
    }
    let before = server.conditional().len();
    app.clock.advance(chrono::TimeDelta::seconds(11 * 60));
    // Eight passes at once, as eight instances on one database would run them: the claim
    // in the database hands each due calendar to exactly one of them.
    let client = client(&app.state).unwrap();
    let passes =
        futures_util::future::join_all((0..8).map(|_| refresh_due(&app.state, &client))).await;
    let total: usize = passes
        .into_iter()
        .map(|pass| {
            let pass = pass.unwrap();
            pass.refreshed + pass.unchanged + pass.failed
        })
        .sum();
    assert_eq!(total, 4, "each calendar refreshed by one pass");
    assert_eq!(server.conditional().len() - before, 4, "each fetched once");
}
