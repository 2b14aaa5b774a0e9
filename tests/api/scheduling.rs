//! The provider's scheduling pages over HTTP, on both backends: services, weekly hours,
//! date overrides and time off.

use slotbook::db::models::{availability, services};
use slotbook::domain::service::ServiceSpec;
use uuid::Uuid;

use crate::both_backends;
use crate::helpers::{csrf_token, location, test_now, TestApp};

both_backends!(
    provider_pages_require_sign_in_with_a_safe_next,
    a_provider_creates_edits_and_lists_a_service,
    an_invalid_service_form_rerenders_with_messages_and_typed_values,
    a_duplicate_link_name_is_a_field_error,
    another_providers_service_is_not_found,
    a_service_with_upcoming_bookings_cannot_be_deleted,
    posts_without_a_valid_csrf_token_are_refused_and_change_nothing,
    weekly_hours_are_added_copied_and_checked_for_overlaps,
    a_closed_override_and_time_off_remove_free_times,
);

/// Signs the client in as a new verified provider `username` (Europe/Berlin).
async fn sign_in(app: &TestApp, username: &str) -> Uuid {
    app.sign_up_and_login(username).await.id
}

async fn create_service(app: &TestApp, fields: &[(&str, &str)]) -> reqwest::Response {
    let csrf = app.csrf_for("/dashboard/services/new").await;
    let mut form = vec![("csrf_token", csrf.as_str())];
    form.extend_from_slice(fields);
    app.post_form("/dashboard/services", &form).await
}

const INTRO: &[(&str, &str)] = &[
    ("name", "Intro Call"),
    ("duration_minutes", "30"),
    ("max_days_ahead", "60"),
    ("confirmation_mode", "instant"),
    ("hold_minutes", "30"),
    ("is_active", "on"),
];

async fn own_services(app: &TestApp, provider: Uuid) -> Vec<services::Service> {
    app.db(move |conn| services::list_for_provider(conn, provider).unwrap())
        .await
}

async fn provider_pages_require_sign_in_with_a_safe_next(app: TestApp) {
    for path in [
        "/dashboard/services",
        "/dashboard/availability",
        "/dashboard/time-off",
        "/dashboard/bookings",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 303, "{path}");
        assert_eq!(
            location(&response),
            format!("/login?next={}", urlencoding::encode(path))
        );
    }
}

async fn a_provider_creates_edits_and_lists_a_service(app: TestApp) {
    let provider = sign_in(&app, "alice").await;
    let created = create_service(&app, INTRO).await;
    assert_eq!(created.status(), 303);
    let list = app.get("/dashboard/services").await.text().await.unwrap();
    assert!(
        list.contains("Intro Call") && list.contains("/alice/intro-call"),
        "slug suggested from the name"
    );
    let service = own_services(&app, provider).await.remove(0);
    let edit_path = format!("/dashboard/services/{}/edit", service.id);
    let edit = app.get(&edit_path).await.text().await.unwrap();
    assert!(edit.contains("value=\"Intro Call\""));
    let csrf = csrf_token(&edit);
    let updated = app
        .post_form(
            &format!("/dashboard/services/{}", service.id),
            &[
                ("csrf_token", &csrf),
                ("name", "Deep Dive"),
                ("slug", "deep-dive"),
                ("duration_minutes", "60"),
                ("buffer_after_minutes", "15"),
                ("max_days_ahead", "30"),
                ("confirmation_mode", "provider"),
                ("price", "80"),
                ("currency", "eur"),
                ("q0_label", "What should we cover?"),
                ("q0_kind", "long_text"),
                ("q0_required", "on"),
            ],
        )
        .await;
    assert_eq!(updated.status(), 303);
    let service = own_services(&app, provider).await.remove(0);
    assert_eq!(
        (
            service.name.as_str(),
            service.duration_minutes,
            service.buffer_after_minutes
        ),
        ("Deep Dive", 60, 15)
    );
    assert_eq!(service.price_cents, Some(8000));
    assert_eq!(service.currency.as_deref(), Some("EUR"));
    assert!(!service.is_active, "unticked checkbox deactivates");
    assert_eq!(service.questions().len(), 1);
}

async fn an_invalid_service_form_rerenders_with_messages_and_typed_values(app: TestApp) {
    let provider = sign_in(&app, "alice").await;
    let response = create_service(
        &app,
        &[
            ("name", "Quick <chat>"),
            ("slug", "bookings"),
            ("duration_minutes", "3"),
            ("max_days_ahead", "abc"),
            ("confirmation_mode", "instant"),
        ],
    )
    .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("Duration must be between 5 and 720"));
    assert!(html.contains("is reserved"));
    assert!(html.contains("Booking window must be a whole number"));
    assert!(
        html.contains("value=\"3\"") && html.contains("value=\"abc\""),
        "typed values kept"
    );
    assert!(
        html.contains("Quick &#60;chat&#62;") || html.contains("Quick &lt;chat&gt;"),
        "escaped"
    );
    assert!(html.contains("aria-describedby=\"duration_minutes-error\""));
    assert!(own_services(&app, provider).await.is_empty());
}

async fn a_duplicate_link_name_is_a_field_error(app: TestApp) {
    sign_in(&app, "alice").await;
    assert_eq!(create_service(&app, INTRO).await.status(), 303);
    let again = create_service(&app, INTRO).await;
    assert_eq!(again.status(), 422);
    assert!(again
        .text()
        .await
        .unwrap()
        .contains("already have a service with this link name"));
}

async fn another_providers_service_is_not_found(app: TestApp) {
    let bob = app
        .db(|conn| {
            let now = test_now();
            let bob = slotbook::db::models::users::insert(
                conn,
                &slotbook::db::models::users::NewUser {
                    username: "bob",
                    email: "bob@example.com",
                    password_hash: "x",
                    full_name: "Bob",
                    timezone: "UTC",
                    role: "provider",
                    email_verified_at: Some(now),
                },
                now,
            )
            .unwrap();
            let spec = ServiceSpec {
                name: "Bob's".into(),
                slug: "bobs".into(),
                ..ServiceSpec::defaults()
            };
            let service = services::insert(conn, bob, &spec, now).unwrap();
            let range = slotbook::domain::availability::TimeRange::new(
                now,
                now + chrono::Duration::hours(2),
            );
            let off = availability::insert_time_off(conn, bob, range, "private", now).unwrap();
            (service, off)
        })
        .await;
    sign_in(&app, "alice").await;
    let (service, off) = bob;
    assert_eq!(
        app.get(&format!("/dashboard/services/{service}/edit"))
            .await
            .status(),
        404
    );
    let csrf = app.csrf_for("/dashboard/services").await;
    for path in [
        format!("/dashboard/services/{service}"),
        format!("/dashboard/services/{service}/active"),
        format!("/dashboard/services/{service}/delete"),
        format!("/dashboard/time-off/{off}/delete"),
    ] {
        let response = app
            .post_form(
                &path,
                &[
                    ("csrf_token", &csrf),
                    ("active", "false"),
                    ("name", "Hijack"),
                    ("duration_minutes", "30"),
                    ("max_days_ahead", "10"),
                    ("confirmation_mode", "instant"),
                ],
            )
            .await;
        assert_eq!(response.status(), 404, "{path}");
    }
    let still = app
        .db(move |conn| {
            let bob = bob_id(conn);
            services::find_for_provider(conn, bob, service).unwrap()
        })
        .await
        .unwrap();
    assert_eq!(still.name, "Bob's");
    assert!(still.is_active);
    assert!(!app
        .get("/dashboard/time-off")
        .await
        .text()
        .await
        .unwrap()
        .contains("private"));
}

fn bob_id(conn: &mut slotbook::db::DbConnection) -> Uuid {
    slotbook::db::models::users::find_by_username(conn, "bob")
        .unwrap()
        .unwrap()
        .id
}

async fn a_service_with_upcoming_bookings_cannot_be_deleted(app: TestApp) {
    let provider = sign_in(&app, "alice").await;
    create_service(&app, INTRO).await;
    let service = own_services(&app, provider).await.remove(0);
    app.db(move |conn| {
        let start = test_now() + chrono::Duration::days(2);
        let booking = slotbook::db::models::bookings::NewBooking {
            provider_id: provider,
            service_id: service.id,
            guest_name: "G".into(),
            guest_email: "g@example.com".into(),
            guest_phone: None,
            guest_timezone: "UTC".into(),
            guest_notes: None,
            answers: "[]".into(),
            start_at: start,
            end_at: start + chrono::Duration::minutes(30),
            block_start_at: start,
            block_end_at: start + chrono::Duration::minutes(30),
            status: slotbook::domain::booking::BookingStatus::Confirmed,
            hold_expires_at: None,
            rescheduled_from_id: None,
            idempotency_key: None,
        };
        slotbook::db::write_transaction(conn, |c| {
            slotbook::db::models::bookings::insert(c, &booking, test_now())
        })
        .unwrap();
    })
    .await;
    let csrf = app.csrf_for("/dashboard/services").await;
    let response = app
        .post_form(
            &format!("/dashboard/services/{}/delete", service.id),
            &[("csrf_token", &csrf)],
        )
        .await;
    assert_eq!(response.status(), 303);
    let page = app.get("/dashboard/services").await.text().await.unwrap();
    assert!(
        page.contains("cannot be deleted. Deactivate it instead"),
        "{page}"
    );
    assert_eq!(own_services(&app, provider).await.len(), 1);
}

async fn posts_without_a_valid_csrf_token_are_refused_and_change_nothing(app: TestApp) {
    let provider = sign_in(&app, "alice").await;
    let mut form: Vec<(&str, &str)> = INTRO.to_vec();
    let missing = app.post_form("/dashboard/services", &form).await;
    assert_eq!(missing.status(), 403);
    assert!(missing
        .text()
        .await
        .unwrap()
        .contains("This form has expired"));
    form.push(("csrf_token", "forged"));
    assert_eq!(
        app.post_form("/dashboard/services", &form).await.status(),
        403
    );
    assert!(own_services(&app, provider).await.is_empty());
}

async fn weekly_hours_are_added_copied_and_checked_for_overlaps(app: TestApp) {
    let provider = sign_in(&app, "alice").await;
    let csrf = app.csrf_for("/dashboard/availability").await;
    let add = |fields: Vec<(&'static str, &'static str)>| {
        let mut form = vec![("csrf_token", csrf.clone())];
        form.extend(fields.into_iter().map(|(k, v)| (k, v.to_owned())));
        let (client, url) = (app.client.clone(), app.url("/dashboard/availability/rules"));
        async move {
            let body = form
                .iter()
                .map(|(k, v)| format!("{k}={}", urlencoding::encode(v)))
                .collect::<Vec<_>>()
                .join("&");
            client
                .post(url)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body)
                .send()
                .await
                .unwrap()
        }
    };
    let ok = add(vec![
        ("days", "1"),
        ("days", "3"),
        ("start", "09:00"),
        ("end", "12:00"),
    ])
    .await;
    assert_eq!(ok.status(), 303);
    let page = app
        .get("/dashboard/availability")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("09:00–12:00") && page.contains("Europe/Berlin"),
        "times with the zone name"
    );
    let overlap = add(vec![("days", "1"), ("start", "11:00"), ("end", "13:00")]).await;
    assert_eq!(overlap.status(), 422);
    assert!(overlap.text().await.unwrap().contains("overlaps"));
    let reversed = add(vec![("days", "2"), ("start", "17:00"), ("end", "09:00")]).await;
    assert_eq!(reversed.status(), 422);
    assert!(reversed
        .text()
        .await
        .unwrap()
        .contains("ends before it starts"));
    let no_day = add(vec![("start", "09:00"), ("end", "10:00")]).await;
    assert!(no_day
        .text()
        .await
        .unwrap()
        .contains("Choose at least one day"));
    // A break is two intervals.
    assert_eq!(
        add(vec![("days", "1"), ("start", "13:00"), ("end", "17:00")])
            .await
            .status(),
        303
    );
    let copy = app
        .post_form(
            "/dashboard/availability/copy",
            &[("csrf_token", &csrf), ("from_day", "1"), ("to_days", "5")],
        )
        .await;
    assert_eq!(copy.status(), 303);
    let rules = app
        .db(move |conn| availability::rules(conn, provider).unwrap())
        .await;
    let friday: Vec<_> = rules
        .iter()
        .filter(|r| r.day_of_week == 5)
        .map(|r| (r.start_time.to_string(), r.end_time.to_string()))
        .collect();
    assert_eq!(
        friday,
        vec![
            ("09:00:00".into(), "12:00:00".into()),
            ("13:00:00".into(), "17:00:00".into())
        ]
    );
}

async fn a_closed_override_and_time_off_remove_free_times(app: TestApp) {
    sign_in(&app, "alice").await;
    create_service(&app, INTRO).await;
    let csrf = app.csrf_for("/dashboard/availability").await;
    for day in ["1", "2", "3", "4", "5"] {
        app.post_form(
            "/dashboard/availability/rules",
            &[
                ("csrf_token", &csrf),
                ("days", day),
                ("start", "09:00"),
                ("end", "17:00"),
            ],
        )
        .await;
    }
    let calendar = |date: &'static str| {
        let (client, url) = (
            app.client.clone(),
            app.url(&format!(
                "/alice/intro-call?tz=Europe/Berlin&month=2030-01&date={date}"
            )),
        );
        async move { client.get(url).send().await.unwrap().text().await.unwrap() }
    };
    assert!(
        calendar("2030-01-09").await.contains(">09:00<"),
        "Wednesday is open"
    );
    let closed = app
        .post_form(
            "/dashboard/availability/overrides",
            &[
                ("csrf_token", &csrf),
                ("date", "2030-01-09"),
                ("closed", "on"),
            ],
        )
        .await;
    assert_eq!(closed.status(), 303);
    assert!(
        !calendar("2030-01-09").await.contains(">09:00<"),
        "the override closes Wednesday"
    );
    let special = app
        .post_form(
            "/dashboard/availability/overrides",
            &[
                ("csrf_token", &csrf),
                ("date", "2030-01-12"),
                ("start1", "10:00"),
                ("end1", "11:00"),
            ],
        )
        .await;
    assert_eq!(special.status(), 303);
    let saturday = calendar("2030-01-12").await;
    assert!(
        saturday.contains(">10:00<")
            && saturday.contains(">10:30<")
            && !saturday.contains(">11:00<"),
        "Saturday opens by override"
    );
    let bad = app
        .post_form(
            "/dashboard/availability/overrides",
            &[("csrf_token", &csrf), ("date", ""), ("start1", "10:00")],
        )
        .await;
    assert_eq!(bad.status(), 422);
    // Whole-day time off on Thursday in Berlin.
    let off = app
        .post_form(
            "/dashboard/time-off",
            &[
                ("csrf_token", &csrf),
                ("start_date", "2030-01-10"),
                ("end_date", "2030-01-10"),
                ("reason", "Conference"),
            ],
        )
        .await;
    assert_eq!(off.status(), 303);
    assert!(
        !calendar("2030-01-10").await.contains(">09:00<"),
        "time off blocks Thursday"
    );
    let list = app.get("/dashboard/time-off").await.text().await.unwrap();
    assert!(
        list.contains("Thu 10 Jan 2030, 00:00 – Fri 11 Jan 2030, 00:00 (Europe/Berlin)")
            && list.contains("Conference"),
        "{list}"
    );
    let reversed = app
        .post_form(
            "/dashboard/time-off",
            &[
                ("csrf_token", &csrf),
                ("start_date", "2030-01-12"),
                ("end_date", "2030-01-11"),
            ],
        )
        .await;
    assert_eq!(reversed.status(), 422);
    assert!(reversed
        .text()
        .await
        .unwrap()
        .contains("must end after it starts"));
}
