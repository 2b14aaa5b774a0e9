//! Control characters in paths and text fields, free-text line endings, and the one
//! email rule for guests and accounts.

use super::{assert_refused, book, booking_count, signed_in_provider_with_service};
use crate::both_backends;
use crate::helpers::TestApp;

both_backends!(
    nul_bytes_in_paths_and_the_sign_in_form_are_answered_without_a_500,
    control_characters_in_guest_fields_are_field_errors_and_nothing_is_booked,
    free_text_keeps_its_lines_as_lf_on_both_backends,
    control_characters_in_provider_text_fields_are_field_errors,
    guest_and_account_addresses_follow_the_one_email_rule,
);

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
    let page = app.get("/alice/%00").await;
    assert!(
        page.headers().contains_key("content-security-policy"),
        "the 404 carries the security headers"
    );
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
