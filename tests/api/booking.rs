//! Public booking pages and the transactional claim, on both backends.

use icalendar::Component;

use chrono::{DateTime, NaiveTime, TimeZone, Utc, Weekday};
use slotbook::db::models::{availability, bookings, services, users};
use slotbook::domain::availability::WeeklyRule;
use slotbook::domain::booking::BookingStatus;
use slotbook::domain::service::{ConfirmationMode, ServiceSpec};
use uuid::Uuid;

use crate::both_backends;
use crate::helpers::{csrf_token, hidden_field, location, test_now, TestApp};

both_backends!(
    provider_page_lists_active_services_and_unknown_providers_are_404,
    month_page_marks_free_days_in_the_guests_timezone,
    an_invalid_timezone_falls_back_to_the_providers_with_a_notice,
    a_guest_books_a_slot_and_sees_what_happens_next,
    invalid_booking_fields_rerender_with_messages_and_keep_what_was_typed,
    resubmitting_the_same_form_returns_the_booking_already_made,
    starts_that_are_not_offered_slots_are_refused_with_a_reason,
    a_taken_slot_answers_409_with_the_nearest_free_times,
    the_calendar_file_is_valid_and_in_utc,
);

pub struct Provider {
    pub id: Uuid,
    pub service_id: Uuid,
}

/// A verified provider in Europe/Berlin, open Monday to Friday 09:00–17:00, with one
/// 30-minute service (`/alice/intro`) in the given confirmation mode.
pub async fn arrange_provider(
    app: &TestApp,
    mode: ConfirmationMode,
    spec: impl FnOnce(&mut ServiceSpec) + Send + 'static,
) -> Provider {
    app.db(move |conn| {
        let now = test_now();
        let id = users::insert(
            conn,
            &users::NewUser {
                username: "alice",
                email: "alice@example.com",
                password_hash: "unused",
                full_name: "Alice Example",
                timezone: "Europe/Berlin",
                role: "provider",
                email_verified_at: Some(now),
            },
            now,
        )
        .unwrap();
        let mut service = ServiceSpec {
            name: "Intro call".into(),
            slug: "intro".into(),
            min_notice_minutes: 0,
            confirmation_mode: mode,
            ..ServiceSpec::defaults()
        };
        spec(&mut service);
        let service_id = services::insert(conn, id, &service, now).unwrap();
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
            availability::insert_rule(conn, id, &rule, now).unwrap();
        }
        Provider { id, service_id }
    })
    .await
}

/// Tuesday 2030-01-08 10:00 in Berlin (09:00 UTC): a free slot.
pub fn tuesday_ten() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2030, 1, 8, 9, 0, 0).unwrap()
}

/// The booking form of `/alice/intro` at a start, as a guest's browser holds it once open:
/// the fields it carries (start, CSRF token, idempotency key) to post with a guest's.
pub struct OpenForm {
    start: String,
    csrf: String,
    key: String,
}

impl OpenForm {
    pub async fn open(app: &TestApp, start: DateTime<Utc>) -> Self {
        let form = app
            .get(&format!(
                "/alice/intro/book?start={}&tz=Europe/Berlin",
                start.timestamp()
            ))
            .await;
        assert_eq!(form.status(), 200, "booking form opens");
        let html = form.text().await.unwrap();
        Self {
            start: start.timestamp().to_string(),
            csrf: csrf_token(&html),
            key: hidden_field(&html, "idempotency_key").unwrap(),
        }
    }

    /// The form's body, filled in with `guest`'s fields.
    pub fn body<'a>(&'a self, guest: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
        let mut body = vec![
            ("csrf_token", self.csrf.as_str()),
            ("start", self.start.as_str()),
            ("tz", "Europe/Berlin"),
            ("idempotency_key", self.key.as_str()),
        ];
        body.extend_from_slice(guest);
        body
    }
}

/// Opens the booking form for `start` and submits it with the given guest fields.
pub async fn book(
    app: &TestApp,
    start: DateTime<Utc>,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let form = OpenForm::open(app, start).await;
    app.post_form("/alice/intro/book", &form.body(fields)).await
}

pub const GUEST: &[(&str, &str)] = &[("name", "Grace Guest"), ("email", "Grace@Example.com")];

pub async fn holding_rows(app: &TestApp, provider: Uuid) -> Vec<bookings::Booking> {
    app.db(move |conn| {
        bookings::holding_in_range(
            conn,
            provider,
            test_now(),
            test_now() + chrono::Duration::days(90),
        )
        .unwrap()
    })
    .await
}

async fn provider_page_lists_active_services_and_unknown_providers_are_404(app: TestApp) {
    let p = arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    app.db(move |conn| {
        let hidden = ServiceSpec {
            name: "Secret".into(),
            slug: "secret".into(),
            is_active: false,
            ..ServiceSpec::defaults()
        };
        services::insert(conn, p.id, &hidden, test_now()).unwrap();
    })
    .await;
    let page = app.get("/alice").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("Alice Example") && html.contains("href=\"/alice/intro\""));
    assert!(!html.contains("Secret"), "inactive services are not listed");
    assert_eq!(app.get("/nobody-here").await.status(), 404);
    assert_eq!(app.get("/alice/secret").await.status(), 404);
    assert_eq!(app.get("/alice/no-such-service").await.status(), 404);
}

async fn month_page_marks_free_days_in_the_guests_timezone(app: TestApp) {
    arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    // Berlin 09:00–17:00 is 21:00–05:00 the next day in Auckland (UTC+13 in January):
    // Monday's hours land on Tuesday for this guest.
    let page = app
        .get("/alice/intro?tz=Pacific/Auckland&month=2030-01&date=2030-01-08")
        .await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("Times in Pacific/Auckland"), "zone named");
    assert!(
        html.contains("date=2030-01-08"),
        "Tuesday the 8th is marked"
    );
    // Tuesday 8 Jan in Auckland: Monday's Berlin hours from 21:00 (now is 08:00 UTC Monday = 09:00 Berlin).
    assert!(
        html.contains(">21:00<") && html.contains(">04:30<"),
        "slots in the guest's local time"
    );
    // Saturday the 12th in Berlin is closed, so Sunday the 13th in Auckland has nothing.
    assert!(
        !html.contains("date=2030-01-13"),
        "no free times on the 13th in Auckland"
    );
    // Default zone without ?tz is the provider's.
    let default_page = app.get("/alice/intro").await.text().await.unwrap();
    assert!(default_page.contains("<option value=\"Europe/Berlin\" selected>"));
    assert!(
        default_page.contains("data-auto-tz=\"1\""),
        "the script may switch to the browser's zone"
    );
}

async fn an_invalid_timezone_falls_back_to_the_providers_with_a_notice(app: TestApp) {
    arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    let page = app
        .get("/alice/intro?tz=Mars/Olympus_Mons&month=2030-13")
        .await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("We do not know the timezone"));
    assert!(html.contains("<option value=\"Europe/Berlin\" selected>"));
}

async fn a_guest_books_a_slot_and_sees_what_happens_next(app: TestApp) {
    let p = arrange_provider(&app, ConfirmationMode::Email, |_| {}).await;
    let response = book(&app, tuesday_ten(), GUEST).await;
    assert_eq!(response.status(), 303);
    let done = location(&response);
    assert!(done.starts_with("/b/booked/"), "{done}");
    let html = app.get(&done).await.text().await.unwrap();
    assert!(html.contains("Check your email"), "{html}");
    assert!(html.contains("Tuesday, 8 January 2030, 10:00") && html.contains("Europe/Berlin"));
    let rows = holding_rows(&app, p.id).await;
    assert_eq!(rows.len(), 1);
    let booking = &rows[0];
    assert_eq!(booking.status(), BookingStatus::Pending);
    assert_eq!(booking.service_id, p.service_id);
    assert_eq!(booking.guest_email, "grace@example.com");
    assert_eq!(
        booking.hold_expires_at,
        Some(test_now() + chrono::Duration::minutes(30))
    );
    let mails = crate::helpers::outbox(&app).await;
    let to_guest = mails
        .iter()
        .find(|m| m.0 == "grace@example.com")
        .expect("mail to the guest");
    assert!(
        to_guest.1.starts_with("Please confirm your booking"),
        "{}",
        to_guest.1
    );
    assert!(to_guest.2.contains("/b/"), "the mail carries a link");
    assert!(
        mails.iter().any(|m| m.0 == "alice@example.com"),
        "the provider is told"
    );
}

async fn invalid_booking_fields_rerender_with_messages_and_keep_what_was_typed(app: TestApp) {
    let p = arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    let response = book(
        &app,
        tuesday_ten(),
        &[("name", "Grace <b>Guest</b>"), ("email", "not-an-email")],
    )
    .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("Enter a valid email address"));
    assert!(
        html.contains("value=\"Grace &#60;b&#62;Guest&#60;/b&#62;\"")
            || html.contains("value=\"Grace &lt;b&gt;Guest&lt;/b&gt;\""),
        "typed name kept, escaped"
    );
    assert!(html.contains("value=\"not-an-email\""));
    assert!(holding_rows(&app, p.id).await.is_empty(), "nothing booked");
}

async fn resubmitting_the_same_form_returns_the_booking_already_made(app: TestApp) {
    let p = arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    let form = OpenForm::open(&app, tuesday_ten()).await;
    let body = form.body(&[("name", "Grace"), ("email", "g@example.com")]);
    let first = app.post_form("/alice/intro/book", &body).await;
    let second = app.post_form("/alice/intro/book", &body).await;
    assert_eq!(
        (first.status().as_u16(), second.status().as_u16()),
        (303, 303)
    );
    assert_eq!(location(&first), location(&second));
    assert_eq!(holding_rows(&app, p.id).await.len(), 1);
}

async fn starts_that_are_not_offered_slots_are_refused_with_a_reason(app: TestApp) {
    let p = arrange_provider(&app, ConfirmationMode::Instant, |s| {
        s.min_notice_minutes = 24 * 60;
        s.max_days_ahead = 14;
    })
    .await;
    let cases = [
        (
            tuesday_ten() + chrono::Duration::minutes(7),
            "not one of the offered start times",
        ),
        (
            Utc.with_ymd_and_hms(2030, 1, 8, 20, 0, 0).unwrap(),
            "outside the available hours",
        ),
        (
            Utc.with_ymd_and_hms(2030, 1, 7, 12, 0, 0).unwrap(),
            "at least 1 day in advance",
        ),
        (
            Utc.with_ymd_and_hms(2030, 2, 5, 9, 0, 0).unwrap(),
            "at most 14 days ahead",
        ),
    ];
    for (start, reason) in cases {
        let form = app
            .get(&format!(
                "/alice/intro/book?start={}&tz=Europe/Berlin",
                start.timestamp()
            ))
            .await;
        assert_eq!(form.status(), 409, "{start}");
        assert!(
            form.text().await.unwrap().contains(reason),
            "{start}: {reason}"
        );
    }
    // Posting a start that is not offered is refused the same way, and nothing is written.
    let response = book(
        &app,
        Utc.with_ymd_and_hms(2030, 1, 9, 9, 0, 0).unwrap(),
        GUEST,
    )
    .await;
    assert_eq!(response.status(), 303, "a valid slot books");
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
    let off_grid = (tuesday_ten() + chrono::Duration::days(1) + chrono::Duration::minutes(7))
        .timestamp()
        .to_string();
    let key = "a".repeat(64);
    let refused = app
        .post_form(
            "/alice/intro/book",
            &[
                ("csrf_token", &csrf),
                ("start", &off_grid),
                ("tz", "Europe/Berlin"),
                ("idempotency_key", &key),
                ("name", "G"),
                ("email", "g@example.com"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 409);
    assert_eq!(holding_rows(&app, p.id).await.len(), 1);
}

async fn a_taken_slot_answers_409_with_the_nearest_free_times(app: TestApp) {
    let p = arrange_provider(&app, ConfirmationMode::Instant, |s| {
        s.buffer_after_minutes = 15
    })
    .await;
    // Two guests open the same slot; the first books it.
    let form = |app: &TestApp| {
        let path = format!(
            "/alice/intro/book?start={}&tz=Europe/Berlin",
            tuesday_ten().timestamp()
        );
        let client = app.client.clone();
        let url = app.url(&path);
        async move { client.get(url).send().await.unwrap().text().await.unwrap() }
    };
    let second_form = form(&app).await;
    assert_eq!(book(&app, tuesday_ten(), GUEST).await.status(), 303);
    let key = hidden_field(&second_form, "idempotency_key").unwrap();
    let start = tuesday_ten().timestamp().to_string();
    let csrf = csrf_token(&second_form);
    let taken = app
        .post_form(
            "/alice/intro/book",
            &[
                ("csrf_token", &csrf),
                ("start", &start),
                ("tz", "Europe/Berlin"),
                ("idempotency_key", &key),
                ("name", "Late"),
                ("email", "late@example.com"),
            ],
        )
        .await;
    assert_eq!(taken.status(), 409);
    let html = taken.text().await.unwrap();
    assert!(html.contains("This time was just taken"));
    assert_eq!(
        html.matches("/alice/intro/book?start=").count(),
        3,
        "three nearest free times offered"
    );
    assert_eq!(holding_rows(&app, p.id).await.len(), 1);
}

async fn the_calendar_file_is_valid_and_in_utc(app: TestApp) {
    arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    let done = location(&book(&app, tuesday_ten(), GUEST).await);
    let ics = app.get(&format!("{done}/booking.ics")).await;
    assert_eq!(ics.status(), 200);
    assert!(ics.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    let text = ics.text().await.unwrap();
    let calendar: icalendar::Calendar = text.parse().expect("parses");
    let event = calendar
        .components
        .iter()
        .find_map(|c| c.as_event())
        .expect("an event");
    assert!(event.get_uid().is_some());
    assert!(text.contains("DTSTART:20300108T090000Z"), "{text}");
    assert!(text.contains("DTEND:20300108T093000Z"), "{text}");
}

both_backends!(the_booking_rate_limit_answers_429_with_retry_after);

async fn the_booking_rate_limit_answers_429_with_retry_after(app: TestApp) {
    arrange_provider(&app, ConfirmationMode::Instant, |s| {
        s.slot_interval_minutes = 30
    })
    .await;
    let limit = app.state.settings.rate_limits.booking as usize;
    let mut statuses = Vec::new();
    for i in 0..=limit {
        // Ten half-hours a day from Tuesday 10:00 Berlin.
        let start = tuesday_ten()
            + chrono::Duration::days((i / 10) as i64)
            + chrono::Duration::minutes(30 * (i % 10) as i64);
        let email = format!("g{i}@example.com");
        statuses.push(book(&app, start, &[("name", "G"), ("email", &email)]).await);
    }
    let last = statuses.pop().unwrap();
    assert!(statuses.iter().all(|r| r.status() == 303));
    assert_eq!(last.status(), 429);
    assert!(last.headers().contains_key("retry-after"));
}

both_backends!(booking_mails_carry_both_parts_the_zone_and_a_calendar_invite);

async fn booking_mails_carry_both_parts_the_zone_and_a_calendar_invite(app: TestApp) {
    arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    let html = app
        .get(&format!(
            "/alice/intro/book?start={}&tz=America/New_York",
            tuesday_ten().timestamp()
        ))
        .await
        .text()
        .await
        .unwrap();
    let (key, csrf, start) = (
        hidden_field(&html, "idempotency_key").unwrap(),
        csrf_token(&html),
        tuesday_ten().timestamp().to_string(),
    );
    let response = app
        .post_form(
            "/alice/intro/book",
            &[
                ("csrf_token", &csrf),
                ("start", &start),
                ("tz", "America/New_York"),
                ("idempotency_key", &key),
                ("name", "Nora"),
                ("email", "nora@example.com"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let sent = app.delivered_mail().await;
    let guest = sent
        .iter()
        .find(|m| m.to == "nora@example.com")
        .expect("guest mail sent");
    assert!(
        guest.text.contains("04:00") && guest.text.contains("America/New_York"),
        "guest's zone: {}",
        guest.text
    );
    assert!(guest.html.contains("America/New_York") && guest.html.contains("/b/"));
    let ics = guest.ics.as_deref().expect("calendar invite");
    assert!(ics.contains("METHOD:REQUEST") && ics.contains("DTSTART:20300108T090000Z"));
    assert!(guest.raw.contains("text/calendar"));
    let provider = sent
        .iter()
        .find(|m| m.to == "alice@example.com")
        .expect("provider mail sent");
    assert!(
        provider.text.contains("10:00") && provider.text.contains("Europe/Berlin"),
        "provider's zone"
    );
}
