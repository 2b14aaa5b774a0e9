//! Small things a first user hits: hours until midnight, time off within reach, the first
//! feed address, the CSV's question columns, answers kept when moving, the favicon and the
//! zone said above the times.

use slotbook::domain::service::{Question, QuestionKind};

use super::{page, signed_in_alice};
use crate::booking::{book, tuesday_ten, GUEST};
use crate::both_backends;
use crate::helpers::{csrf_token, hidden_field, location, outbox, TestApp};

both_backends!(
    hours_and_overrides_may_end_at_24_00_and_offer_the_last_slot_of_the_day,
    time_off_is_in_the_navigation_and_linked_from_hours,
    the_first_feed_address_does_not_claim_to_replace_one,
    the_csv_has_one_column_per_custom_question,
    the_reschedule_form_keeps_the_answers_to_the_questions,
    every_page_has_a_favicon_and_a_description,
    the_month_page_says_which_zone_its_times_are_in_above_them,
);

fn questions(spec: &mut slotbook::domain::service::ServiceSpec) {
    spec.questions = vec![
        Question {
            label: "Allergies".into(),
            kind: QuestionKind::ShortText,
            required: true,
            choices: Vec::new(),
        },
        Question {
            label: "First visit".into(),
            kind: QuestionKind::Checkbox,
            required: false,
            choices: Vec::new(),
        },
    ];
}

async fn hours_and_overrides_may_end_at_24_00_and_offer_the_last_slot_of_the_day(app: TestApp) {
    signed_in_alice(&app, |_| {}).await;
    let csrf = app.csrf_for("/dashboard/availability").await;
    // Saturdays are closed in the arranged week; open one all day.
    let added = app
        .post_form(
            "/dashboard/availability/rules",
            &[
                ("csrf_token", &csrf),
                ("days", "6"),
                ("start", "00:00"),
                ("end", "24:00"),
            ],
        )
        .await;
    assert_eq!(added.status(), 303);
    let hours = page(&app, "/dashboard/availability", 200).await;
    assert!(hours.contains("00:00\u{2013}24:00"), "{hours}");
    let saturday = page(
        &app,
        "/alice/intro?tz=Europe/Berlin&month=2030-01&date=2030-01-12",
        200,
    )
    .await;
    assert!(
        saturday.contains(">00:00<") && saturday.contains(">23:30<"),
        "00:00–24:00 offers 23:30 for a 30-minute service"
    );

    let override_saved = app
        .post_form(
            "/dashboard/availability/overrides",
            &[
                ("csrf_token", &csrf),
                ("date", "2030-01-16"),
                ("start1", "22:00"),
                ("end1", "24:00"),
            ],
        )
        .await;
    assert_eq!(override_saved.status(), 303);
    let wednesday = page(
        &app,
        "/alice/intro?tz=Europe/Berlin&month=2030-01&date=2030-01-16",
        200,
    )
    .await;
    assert!(
        wednesday.contains(">22:00<")
            && wednesday.contains(">23:30<")
            && !wednesday.contains(">09:00<"),
        "the override replaces the day with 22:00–24:00"
    );
    // A booked 23:30 really ends at the next local midnight.
    let late = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2030, 1, 16, 22, 30, 0).unwrap();
    assert_eq!(book(&app, late, GUEST).await.status(), 303);

    for (end, status) in [("24:30", 422), ("25:00", 422)] {
        let refused = app
            .post_form(
                "/dashboard/availability/rules",
                &[
                    ("csrf_token", &csrf),
                    ("days", "0"),
                    ("start", "20:00"),
                    ("end", end),
                ],
            )
            .await;
        assert_eq!(refused.status(), status, "{end}");
        let html = refused.text().await.unwrap();
        assert!(html.contains("or 24:00 for midnight"), "{html}");
    }
    let start_at_24 = app
        .post_form(
            "/dashboard/availability/rules",
            &[
                ("csrf_token", &csrf),
                ("days", "0"),
                ("start", "24:00"),
                ("end", "24:00"),
            ],
        )
        .await;
    assert_eq!(start_at_24.status(), 422, "24:00 is an end, never a start");
}

async fn time_off_is_in_the_navigation_and_linked_from_hours(app: TestApp) {
    signed_in_alice(&app, |_| {}).await;
    let dashboard = page(&app, "/dashboard", 200).await;
    assert!(dashboard.contains("<a href=\"/dashboard/time-off\">Time off</a>"));
    let hours = page(&app, "/dashboard/availability", 200).await;
    assert_eq!(
        hours.matches("href=\"/dashboard/time-off\"").count(),
        2,
        "navigation and the Hours page both link time off"
    );
    assert_eq!(app.get("/dashboard/time-off").await.status(), 200);
}

async fn the_first_feed_address_does_not_claim_to_replace_one(app: TestApp) {
    signed_in_alice(&app, |_| {}).await;
    let csrf = app.csrf_for("/dashboard/bookings").await;
    let first = app
        .post_form("/dashboard/feed", &[("csrf_token", &csrf)])
        .await;
    assert_eq!(location(&first), "/dashboard/bookings");
    let after_first = page(&app, "/dashboard/bookings", 200).await;
    assert!(
        after_first.contains("Feed address created"),
        "{after_first}"
    );
    assert!(!after_first.contains("no longer works"));
    let second = app
        .post_form("/dashboard/feed", &[("csrf_token", &csrf)])
        .await;
    assert_eq!(second.status(), 303);
    let after_second = page(&app, "/dashboard/bookings", 200).await;
    assert!(after_second.contains("the old one no longer works"));
}

async fn the_csv_has_one_column_per_custom_question(app: TestApp) {
    signed_in_alice(&app, questions).await;
    let mut fields = GUEST.to_vec();
    fields.extend([("answer0", "Pollen, \"cats\""), ("answer1", "on")]);
    assert_eq!(book(&app, tuesday_ten(), &fields).await.status(), 303);
    let csv = page(&app, "/dashboard/bookings.csv", 200).await;
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    assert!(
        header.ends_with(",notes,\"Allergies\",\"First visit\""),
        "{header}"
    );
    let row = lines.next().unwrap();
    assert!(
        row.ends_with(",\"\",\"Pollen, \"\"cats\"\"\",\"yes\""),
        "{row}"
    );
}

async fn the_reschedule_form_keeps_the_answers_to_the_questions(app: TestApp) {
    signed_in_alice(&app, questions).await;
    let mut fields = GUEST.to_vec();
    fields.extend([("answer0", "Pollen"), ("answer1", "on")]);
    assert_eq!(book(&app, tuesday_ten(), &fields).await.status(), 303);
    let token = reschedule_token(&app).await;
    let new_start = tuesday_ten() + chrono::Duration::hours(1);
    let form = page(
        &app,
        &format!(
            "/alice/intro/book?start={}&tz=Europe/Berlin&reschedule={token}",
            new_start.timestamp()
        ),
        200,
    )
    .await;
    assert!(
        form.contains("name=\"answer0\" type=\"text\" value=\"Pollen\"")
            || form.contains("value=\"Pollen\""),
        "{form}"
    );
    let checkbox = form
        .split("name=\"answer1\"")
        .nth(1)
        .unwrap()
        .split('>')
        .next()
        .unwrap();
    assert!(checkbox.contains("checked"), "{checkbox}");
    // Submitted as shown, the move goes through without typing the answers again.
    let csrf = csrf_token(&form);
    let key = hidden_field(&form, "idempotency_key").unwrap();
    let start = new_start.timestamp().to_string();
    let moved = app
        .post_form(
            "/alice/intro/book",
            &[
                ("csrf_token", &csrf),
                ("start", &start),
                ("tz", "Europe/Berlin"),
                ("idempotency_key", &key),
                ("reschedule", &token),
                ("name", "Grace Guest"),
                ("email", "grace@example.com"),
                ("answer0", "Pollen"),
                ("answer1", "on"),
            ],
        )
        .await;
    assert_eq!(moved.status(), 303);
}

/// The reschedule token from the guest's confirmation mail, through the link's redirect.
pub async fn reschedule_token(app: &TestApp) -> String {
    let mails = outbox(app).await;
    let (_, _, text) = mails
        .iter()
        .rev()
        .find(|(to, _, _)| to == "grace@example.com")
        .expect("a mail to the guest");
    let after = &text[text.find("Reschedule:").expect("a reschedule link")..];
    let url = after[after.find("http").unwrap()..]
        .split_whitespace()
        .next()
        .unwrap();
    let path = format!(
        "/{}",
        url.split_once("://").unwrap().1.split_once('/').unwrap().1
    );
    let redirect = app.get(&path).await;
    let calendar = location(&redirect);
    calendar
        .split("reschedule=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_owned()
}

async fn every_page_has_a_favicon_and_a_description(app: TestApp) {
    signed_in_alice(&app, |_| {}).await;
    let icon = app.get("/favicon.ico").await;
    assert_eq!(icon.status(), 200);
    assert_eq!(icon.headers()["content-type"], "image/x-icon");
    let bytes = icon.bytes().await.unwrap();
    assert_eq!(&bytes[..4], &[0, 0, 1, 0], "an ICO file");
    for path in ["/", "/alice", "/alice/intro", "/dashboard"] {
        let html = page(&app, path, 200).await;
        assert!(
            html.contains("<meta name=\"description\" content=\""),
            "{path}"
        );
        let href = html
            .split("<link rel=\"icon\" href=\"")
            .nth(1)
            .unwrap_or_else(|| panic!("{path} links an icon"))
            .split('"')
            .next()
            .unwrap()
            .to_owned();
        let svg = app.get(&href).await;
        assert_eq!(svg.status(), 200, "{href}");
        assert_eq!(svg.headers()["content-type"], "image/svg+xml");
    }
}

async fn the_month_page_says_which_zone_its_times_are_in_above_them(app: TestApp) {
    signed_in_alice(&app, |_| {}).await;
    // No `?tz=`: without JavaScript the times are the provider's.
    let html = page(&app, "/alice/intro?month=2030-01&date=2030-01-08", 200).await;
    let banner = html
        .find("Times are shown in Europe/Berlin</strong>")
        .expect("the zone banner");
    let change = &html[banner..];
    assert!(
        change.contains("— <a href=\"/alice/intro/timezones"),
        "{change}"
    );
    assert!(banner < html.find(">10:00<").unwrap(), "above the times");
    let tokyo = page(
        &app,
        "/alice/intro?tz=Asia/Tokyo&month=2030-01&date=2030-01-08",
        200,
    )
    .await;
    assert!(tokyo.contains("Times are shown in Asia/Tokyo</strong>"));
    assert!(!tokyo.contains("action=\"\""), "no empty form action");
}
