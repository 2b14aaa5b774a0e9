//! Issue 9, "answers instead of panics and 500s": far dates and instants, control
//! characters in text, stored rows that cannot be read, one email rule. Every request
//! here must be answered (no dropped connection) with a 4xx and a message, on both
//! backends.

use chrono::NaiveTime;
use slotbook::db::models::{availability, services};
use slotbook::domain::availability::WeeklyRule;
use slotbook::domain::service::{ConfirmationMode, Question, QuestionKind, ServiceSpec};
use uuid::Uuid;

use crate::both_backends;
use crate::helpers::{csrf_token, test_now, TestApp};

both_backends!(
    booking_starts_far_outside_the_calendar_are_refused_with_a_message,
    far_dates_in_the_bookings_filter_are_refused_for_zones_west_of_utc,
    far_months_and_dates_on_the_public_calendar_are_refused,
    time_off_and_overrides_with_far_dates_are_field_errors_and_store_nothing,
    huge_page_numbers_list_nothing_instead_of_failing,
    nul_bytes_in_paths_and_the_sign_in_form_are_answered_without_a_500,
    control_characters_in_guest_fields_are_field_errors_and_nothing_is_booked,
    free_text_keeps_its_lines_as_lf_on_both_backends,
    control_characters_in_provider_text_fields_are_field_errors,
    guest_and_account_addresses_follow_the_one_email_rule,
);

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

async fn assert_refused(response: reqwest::Response, status: u16, says: &str) {
    let url = response.url().to_string();
    assert_eq!(response.status(), status, "{url}");
    let body = response.text().await.unwrap();
    assert!(body.contains(says), "{url} should say {says:?}: {body}");
}

async fn booking_starts_far_outside_the_calendar_are_refused_with_a_message(app: TestApp) {
    signed_in_provider_with_service(&app, "Europe/Berlin").await;
    for start in ["8210266876799", "-8334601228800", "-1", "7258118400"] {
        let form = app.get(&format!("/alice/intro/book?start={start}")).await;
        assert_refused(form, 400, "1970 to 2199").await;
    }
    // The form itself still opens for a real slot; its token lets the POST through.
    let html = app
        .get("/alice/intro/book?start=1894093200")
        .await
        .text()
        .await
        .unwrap();
    let csrf = csrf_token(&html);
    for start in ["8210266876799", "-8334601228800"] {
        let response = app
            .post_form(
                "/alice/intro/book",
                &[
                    ("csrf_token", &csrf),
                    ("start", start),
                    ("idempotency_key", &"k".repeat(40)),
                    ("name", "Grace"),
                    ("email", "grace@example.com"),
                ],
            )
            .await;
        assert_refused(response, 400, "1970 to 2199").await;
    }
    let count = app
        .db(|conn| {
            use diesel::prelude::*;
            use slotbook::db::schema::bookings;
            bookings::table.count().get_result::<i64>(conn).unwrap()
        })
        .await;
    assert_eq!(count, 0, "nothing was booked");
}

async fn far_dates_in_the_bookings_filter_are_refused_for_zones_west_of_utc(app: TestApp) {
    signed_in_provider_with_service(&app, "America/New_York").await;
    for zone in ["America/New_York", "UTC"] {
        set_zone(&app, zone).await;
        for query in [
            "to=%2B262142-12-31",
            "from=-5000-01-01",
            "to=%2B10000-01-01",
        ] {
            let list = app.get(&format!("/dashboard/bookings?{query}")).await;
            assert_refused(list, 400, "between 1970 and 2199").await;
            let csv = app.get(&format!("/dashboard/bookings.csv?{query}")).await;
            assert_refused(csv, 400, "between 1970 and 2199").await;
        }
        let fine = app
            .get("/dashboard/bookings?from=2030-01-01&to=2199-12-31")
            .await;
        assert_eq!(fine.status(), 200, "{zone}");
        let csv = app
            .get("/dashboard/bookings.csv?from=1970-01-01&to=2199-12-31")
            .await;
        assert_eq!(csv.status(), 200, "{zone}");
    }
}

/// Moves every provider of this app to `timezone`.
async fn set_zone(app: &TestApp, timezone: &'static str) {
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

async fn far_months_and_dates_on_the_public_calendar_are_refused(app: TestApp) {
    signed_in_provider_with_service(&app, "Europe/Berlin").await;
    for query in [
        "month=%2B262142-12",
        "month=-5000-01",
        "date=%2B262142-12-31",
        "date=-0001-12-31",
        "month=2200-01",
    ] {
        let page = app.get(&format!("/alice/intro?{query}")).await;
        assert_refused(page, 400, "between 1970 and 2199").await;
    }
    let page = app.get("/alice/intro?month=2030-02&date=2030-02-05").await;
    assert_eq!(page.status(), 200);
}

async fn time_off_and_overrides_with_far_dates_are_field_errors_and_store_nothing(app: TestApp) {
    let provider = signed_in_provider_with_service(&app, "America/Los_Angeles").await;
    let csrf = app.csrf_for("/dashboard/time-off").await;
    for (start, end) in [
        ("-0001-12-31", "2030-01-10"),
        ("2030-01-10", "+10000-01-01"),
        ("-5000-01-01", "-5000-01-02"),
        ("9999-12-31", "9999-12-31"),
    ] {
        let response = app
            .post_form(
                "/dashboard/time-off",
                &[
                    ("csrf_token", &csrf),
                    ("start_date", start),
                    ("end_date", end),
                    ("reason", "Holiday"),
                ],
            )
            .await;
        assert_refused(response, 422, "Choose a date between 1970 and 2199.").await;
    }
    let csrf = app.csrf_for("/dashboard/availability").await;
    for date in ["-5000-01-01", "+10000-01-01", "-0001-12-31"] {
        let response = app
            .post_form(
                "/dashboard/availability/overrides",
                &[("csrf_token", &csrf), ("date", date), ("closed", "on")],
            )
            .await;
        assert_refused(response, 422, "Choose a date between 1970 and 2199.").await;
        let rule = app
            .post_form(
                "/dashboard/availability/rules",
                &[
                    ("csrf_token", &csrf),
                    ("days", "1"),
                    ("start", "09:00"),
                    ("end", "10:00"),
                    ("valid_from", date),
                ],
            )
            .await;
        assert_refused(rule, 422, "Choose a date between 1970 and 2199.").await;
    }
    let delete = app
        .post_form(
            "/dashboard/availability/overrides/-5000-01-01/delete",
            &[("csrf_token", &csrf)],
        )
        .await;
    assert_eq!(delete.status(), 404);
    let (time_off, overrides) = app
        .db(move |conn| {
            (
                availability::upcoming_time_off(conn, provider, test_now())
                    .unwrap()
                    .len(),
                availability::overrides_from(
                    conn,
                    provider,
                    chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap(),
                )
                .unwrap()
                .len(),
            )
        })
        .await;
    assert_eq!((time_off, overrides), (0, 0), "nothing was stored");
    for page in [
        "/dashboard/time-off",
        "/dashboard/availability",
        "/alice/intro",
    ] {
        assert_eq!(app.get(page).await.status(), 200, "{page}");
    }
}

async fn huge_page_numbers_list_nothing_instead_of_failing(app: TestApp) {
    signed_in_provider_with_service(&app, "UTC").await;
    for page in [
        "9223372036854775807",
        "-9223372036854775808",
        "99999999999999999999",
    ] {
        let response = app.get(&format!("/dashboard/bookings?page={page}")).await;
        assert_eq!(response.status(), 200, "page={page}");
    }
}

/// Tuesday 2030-01-08 09:00 UTC: a free slot of the service above.
const FREE_START: &str = "1894093200";

/// Opens the booking form for [`FREE_START`] and posts it with these guest fields.
async fn book(app: &TestApp, fields: &[(&str, &str)]) -> reqwest::Response {
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

async fn booking_count(app: &TestApp) -> i64 {
    app.db(|conn| {
        use diesel::prelude::*;
        use slotbook::db::schema::bookings;
        bookings::table.count().get_result::<i64>(conn).unwrap()
    })
    .await
}

async fn nul_bytes_in_paths_and_the_sign_in_form_are_answered_without_a_500(app: TestApp) {
    signed_in_provider_with_service(&app, "Europe/Berlin").await;
    for path in [
        "/%00",
        "/alice/%00",
        "/alice/intro%00",
        "/alice/%00/book?start=1894093200",
        "/b/booked/%00aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "/b/%00",
        "/feeds/%00.ics",
        "/verify/%00",
        "/dashboard/bookings/%00",
    ] {
        assert_refused(app.get(path).await, 404, "Page not found").await;
    }
    let visitor = app.new_client();
    let csrf = app.csrf_with(&visitor, "/login").await;
    for login in ["\0", "alice\0", "\0alice@example.com", "ali\r\nce"] {
        let response = app
            .post_form_with(
                &visitor,
                "/login",
                &[("csrf_token", &csrf), ("login", login), ("password", "x")],
            )
            .await;
        assert_eq!(response.status(), 422, "{login:?}");
        let page = response.text().await.unwrap();
        assert!(
            page.contains("control characters") || page.contains("Keep this on one line"),
            "{login:?}: {page}"
        );
    }
}

async fn control_characters_in_guest_fields_are_field_errors_and_nothing_is_booked(app: TestApp) {
    signed_in_provider_with_service(&app, "Europe/Berlin").await;
    let cases: &[(&str, &str, &str)] = &[
        ("name", "Eve\r\nBEGIN:VALARM", "Keep this on one line."),
        ("name", "Eve\0", "control characters"),
        ("phone", "+49 30 1234\0", "control characters"),
        ("notes", "hello\0", "control characters"),
        ("notes", "bell\u{7}", "control characters"),
        ("answer0", "Rust\nEvil", "Keep this on one line."),
        ("answer1", "escape\u{1b}[2J", "control characters"),
    ];
    for (field, value, says) in cases {
        let mut fields = vec![("name", "Grace"), ("email", "grace@example.com")];
        fields.retain(|(name, _)| name != field);
        fields.push((field, value));
        let response = book(&app, &fields).await;
        assert_eq!(response.status(), 422, "{field}={value:?}");
        let page = response.text().await.unwrap();
        assert!(
            page.contains(&format!("id=\"{field}-error\"")) && page.contains(says),
            "{field}={value:?} should say {says:?}: {page}"
        );
    }
    assert_eq!(booking_count(&app).await, 0, "nothing was booked");
}

async fn free_text_keeps_its_lines_as_lf_on_both_backends(app: TestApp) {
    signed_in_provider_with_service(&app, "Europe/Berlin").await;
    let response = book(
        &app,
        &[
            ("name", "Grace\tHopper"),
            ("email", "grace@example.com"),
            ("notes", "line one\r\nline two\rline three"),
            ("answer1", "a\r\nb"),
        ],
    )
    .await;
    assert_eq!(response.status(), 303);
    let (name, notes, answers) = app
        .db(|conn| {
            use diesel::prelude::*;
            use slotbook::db::schema::bookings;
            bookings::table
                .select((
                    bookings::guest_name,
                    bookings::guest_notes,
                    bookings::answers,
                ))
                .first::<(String, Option<String>, String)>(conn)
                .unwrap()
        })
        .await;
    assert_eq!(name, "Grace\tHopper");
    assert_eq!(notes.as_deref(), Some("line one\nline two\nline three"));
    assert!(answers.contains("a\\nb"), "{answers}");
}

async fn control_characters_in_provider_text_fields_are_field_errors(app: TestApp) {
    signed_in_provider_with_service(&app, "Europe/Berlin").await;
    let csrf = app.csrf_for("/dashboard/services/new").await;
    let service = [
        ("csrf_token", csrf.as_str()),
        ("name", "Consult"),
        ("duration_minutes", "30"),
        ("max_days_ahead", "60"),
        ("confirmation_mode", "instant"),
        ("is_active", "on"),
    ];
    for (field, value) in [
        ("name", "Consult\0"),
        ("description", "About\0"),
        ("location", "Room\r\n2"),
        ("q0_label", "Topic\u{1b}"),
        ("q0_choices", "a,\0b"),
        ("slug", "consult\0"),
        ("currency", "EU\0"),
    ] {
        let mut form: Vec<(&str, &str)> = service
            .iter()
            .copied()
            .filter(|(name, _)| *name != field)
            .collect();
        form.insert(1, (field, value));
        if field.starts_with("q0_") {
            form.push(("q0_kind", "choice"));
            if field == "q0_choices" {
                form.push(("q0_label", "Level"));
            }
        }
        let response = app.post_form("/dashboard/services", &form).await;
        assert_eq!(response.status(), 422, "{field}={value:?}");
        let page = response.text().await.unwrap();
        assert!(
            page.contains("control characters") || page.contains("Keep this on one line"),
            "{field}={value:?}: {page}"
        );
    }
    let services = app
        .db(|conn| {
            use diesel::prelude::*;
            use slotbook::db::schema::services;
            services::table.count().get_result::<i64>(conn).unwrap()
        })
        .await;
    assert_eq!(services, 1, "only the arranged service exists");

    let csrf = app.csrf_for("/dashboard/settings").await;
    for (field, value) in [
        ("full_name", "Alice\0"),
        ("full_name", "Alice\nExample"),
        ("business_name", "Shop\u{7f}"),
        ("bio", "Hi\0"),
    ] {
        let mut form = vec![
            ("csrf_token", csrf.as_str()),
            ("full_name", "Alice"),
            ("timezone", "Europe/Berlin"),
        ];
        form.retain(|(name, _)| *name != field);
        form.push((field, value));
        let response = app.post_form("/dashboard/settings/profile", &form).await;
        assert_eq!(response.status(), 422, "{field}={value:?}");
    }
    let csrf = app.csrf_for("/dashboard/time-off").await;
    let response = app
        .post_form(
            "/dashboard/time-off",
            &[
                ("csrf_token", &csrf),
                ("start_date", "2030-02-01"),
                ("end_date", "2030-02-02"),
                ("reason", "Holiday\0"),
            ],
        )
        .await;
    assert_refused(response, 422, "control characters").await;

    let visitor = app.new_client();
    let csrf = app.csrf_with(&visitor, "/signup").await;
    let response = app
        .post_form_with(
            &visitor,
            "/signup",
            &[
                ("csrf_token", &csrf),
                ("username", "mallory"),
                ("email", "mallory@example.com"),
                ("full_name", "Mal\0lory"),
                ("password", "tulips in the rain"),
            ],
        )
        .await;
    assert_refused(response, 422, "control characters").await;
}

async fn guest_and_account_addresses_follow_the_one_email_rule(app: TestApp) {
    signed_in_provider_with_service(&app, "Europe/Berlin").await;
    for address in [
        "john.@example.com",
        "jo..hn@example.com",
        "\"john doe\"@example.com",
    ] {
        let response = book(&app, &[("name", "John"), ("email", address)]).await;
        assert_eq!(response.status(), 422, "{address}");
        let page = response.text().await.unwrap();
        assert!(
            page.contains("Enter a valid email address"),
            "{address}: {page}"
        );

        let visitor = app.new_client();
        let csrf = app.csrf_with(&visitor, "/signup").await;
        let response = app
            .post_form_with(
                &visitor,
                "/signup",
                &[
                    ("csrf_token", &csrf),
                    ("username", "johnny"),
                    ("email", address),
                    ("full_name", "John"),
                    ("password", "tulips in the rain"),
                ],
            )
            .await;
        assert_refused(
            response,
            422,
            "Enter an email address like name@example.com.",
        )
        .await;
    }
    assert_eq!(booking_count(&app).await, 0);
    let response = book(&app, &[("name", "John"), ("email", "John.Doe@Example.com")]).await;
    assert_eq!(response.status(), 303, "a real address still books");
}
