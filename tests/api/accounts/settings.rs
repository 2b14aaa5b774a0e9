//! Password reset and the settings page over HTTP: reset links, password and email
//! changes, the profile, and that a provider only ever acts on their own account.

use super::*;

both_backends!(
    a_password_reset_link_works_once_and_only_within_the_hour,
    asking_for_a_reset_answers_the_same_whether_or_not_the_address_has_an_account,
    changing_the_password_signs_out_other_sessions_but_keeps_this_one,
    changing_the_email_address_needs_the_password_and_a_new_verification,
    profile_changes_are_saved_and_shown_in_the_navigation,
    a_provider_cannot_read_or_change_another_providers_account,
    invalid_settings_rerender_with_messages_and_keep_what_was_typed,
);

async fn a_password_reset_link_works_once_and_only_within_the_hour(app: TestApp) {
    let alice = app.sign_up_and_login("alice").await;
    let other_browser = app.new_client();

    let response = submit(
        &app,
        &other_browser,
        "/password/forgot",
        "/password/forgot",
        &[("email", "Alice@Example.com")],
    )
    .await;
    assert_eq!(response.status(), 303);
    let mails = app.mails_to(&alice.email).await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].0, "Reset your Slotbook password");
    let link = link_path(&mails[0].1, "/password/reset/").expect("reset link");

    let form = app.get_with(&other_browser, &link).await;
    assert_eq!(form.status(), 200);
    let form = form.text().await.unwrap();
    let token = csrf_token(&form);

    // A weak password is refused with a message and changes nothing.
    let weak = app
        .post_form_with(
            &other_browser,
            &link,
            &[
                ("csrf_token", &token),
                ("new_password", "password123"),
                ("new_password_confirm", "password123"),
            ],
        )
        .await;
    assert_eq!(weak.status(), 422);
    assert!(weak.text().await.unwrap().contains("too easy to guess"));

    let new_password = "a brand new secret phrase";
    let reset = app
        .post_form_with(
            &other_browser,
            &link,
            &[
                ("csrf_token", &token),
                ("new_password", new_password),
                ("new_password_confirm", new_password),
            ],
        )
        .await;
    assert_eq!(reset.status(), 303);
    assert_eq!(location(&reset), "/login");
    let notice = app
        .get_with(&other_browser, "/login")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        notice.contains("Your password has been changed"),
        "{notice}"
    );

    // The session that was signed in before the reset has ended.
    assert_eq!(app.get("/dashboard").await.status(), 303);
    assert_eq!(
        app.try_sign_in(&app.client, "alice", TEST_PASSWORD)
            .await
            .status(),
        422
    );
    app.sign_in(&other_browser, "alice", new_password).await;

    // Used once, the link is dead.
    let token = app.csrf_with(&other_browser, "/password/forgot").await;
    let reuse = app
        .post_form_with(
            &other_browser,
            &link,
            &[
                ("csrf_token", &token),
                ("new_password", "yet another phrase"),
                ("new_password_confirm", "yet another phrase"),
            ],
        )
        .await;
    assert_eq!(reuse.status(), 410);
    assert_eq!(app.get_with(&other_browser, &link).await.status(), 410);

    // A new link expires after an hour.
    submit(
        &app,
        &other_browser,
        "/password/forgot",
        "/password/forgot",
        &[("email", "alice@example.com")],
    )
    .await;
    let mails = app.mails_to(&alice.email).await;
    assert_eq!(mails.len(), 2);
    let late_link = link_path(&mails[1].1, "/password/reset/").unwrap();
    assert_eq!(app.get_with(&other_browser, &late_link).await.status(), 200);
    app.clock.advance(Duration::minutes(61));
    assert_eq!(app.get_with(&other_browser, &late_link).await.status(), 410);
    let token = app.csrf_with(&other_browser, "/password/forgot").await;
    let late = app
        .post_form_with(
            &other_browser,
            &late_link,
            &[
                ("csrf_token", &token),
                ("new_password", "too late a phrase"),
                ("new_password_confirm", "too late a phrase"),
            ],
        )
        .await;
    assert_eq!(late.status(), 410);
    app.sign_in(&app.client, "alice", new_password).await;
}

async fn asking_for_a_reset_answers_the_same_whether_or_not_the_address_has_an_account(
    app: TestApp,
) {
    app.create_provider("alice").await;
    let mut notices = Vec::new();
    for address in ["alice@example.com", "nobody@example.com"] {
        let response = submit(
            &app,
            &app.client,
            "/password/forgot",
            "/password/forgot",
            &[("email", address)],
        )
        .await;
        assert_eq!(response.status(), 303);
        assert_eq!(location(&response), "/login");
        let page = app.get("/login").await.text().await.unwrap();
        let notice = page
            .split("role=\"status\">")
            .nth(1)
            .and_then(|rest| rest.split("</p>").next())
            .expect("a notice")
            .replace(address, "ADDRESS");
        notices.push(notice);
    }
    assert_eq!(notices[0], notices[1]);
    assert_eq!(app.mails_to("alice@example.com").await.len(), 1);
    assert!(app.mails_to("nobody@example.com").await.is_empty());

    // A malformed address gets a field message, not the notice.
    let response = submit(
        &app,
        &app.client,
        "/password/forgot",
        "/password/forgot",
        &[("email", "not an address")],
    )
    .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(
        page.contains(r#"aria-describedby="email-error""#)
            && page.contains("value=\"not an address\"")
    );
}

async fn changing_the_password_signs_out_other_sessions_but_keeps_this_one(app: TestApp) {
    let alice = app.sign_up_and_login("alice").await;
    let phone = app.new_client();
    app.sign_in(&phone, &alice.email, TEST_PASSWORD).await;
    assert_eq!(app.get_with(&phone, "/dashboard").await.status(), 200);

    let wrong = submit(
        &app,
        &app.client,
        "/dashboard/settings",
        "/dashboard/settings/password",
        &[
            ("current_password", "not my password"),
            ("new_password", "a brand new secret phrase"),
            ("new_password_confirm", "a brand new secret phrase"),
        ],
    )
    .await;
    assert_eq!(wrong.status(), 422);
    assert!(wrong
        .text()
        .await
        .unwrap()
        .contains("That is not your current password."));
    assert_eq!(
        app.get_with(&phone, "/dashboard").await.status(),
        200,
        "nothing changed yet"
    );

    let changed = submit(
        &app,
        &app.client,
        "/dashboard/settings",
        "/dashboard/settings/password",
        &[
            ("current_password", TEST_PASSWORD),
            ("new_password", "a brand new secret phrase"),
            ("new_password_confirm", "a brand new secret phrase"),
        ],
    )
    .await;
    assert_eq!(changed.status(), 303);
    assert_eq!(location(&changed), "/dashboard/settings");

    let page = app.get("/dashboard/settings").await;
    assert_eq!(page.status(), 200, "this session stays signed in");
    assert!(page
        .text()
        .await
        .unwrap()
        .contains("Your password is changed."));
    let phone_page = app.get_with(&phone, "/dashboard").await;
    assert_eq!(phone_page.status(), 303, "the other session is signed out");
    assert_eq!(location(&phone_page), "/login?next=%2Fdashboard");
    app.sign_in(&phone, "alice", "a brand new secret phrase")
        .await;
}

async fn changing_the_email_address_needs_the_password_and_a_new_verification(app: TestApp) {
    app.sign_up_and_login("alice").await;
    let refused = submit(
        &app,
        &app.client,
        "/dashboard/settings",
        "/dashboard/settings/email",
        &[
            ("email", "alice@new.example"),
            ("email_current_password", "wrong password"),
        ],
    )
    .await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("That is not your current password.")
            && page.contains(r#"value="alice@new.example""#)
    );
    assert_eq!(user(&app, "alice").await.email, "alice@example.com");

    let changed = submit(
        &app,
        &app.client,
        "/dashboard/settings",
        "/dashboard/settings/email",
        &[
            ("email", "Alice@New.Example"),
            ("email_current_password", TEST_PASSWORD),
        ],
    )
    .await;
    assert_eq!(changed.status(), 303);
    let alice = user(&app, "alice").await;
    assert_eq!(alice.email, "alice@new.example", "stored lowercase");
    assert!(
        alice.email_verified_at.is_none() && !alice.can_take_bookings(),
        "bookings pause until verified"
    );
    assert!(app
        .get("/dashboard")
        .await
        .text()
        .await
        .unwrap()
        .contains("Please verify your email address"));

    let mails = app.mails_to("alice@new.example").await;
    assert_eq!(mails.len(), 1);
    let link = link_path(&mails[0].1, "/verify/").unwrap();
    let page = app.get(&link).await.text().await.unwrap();
    let verified = app
        .post_form(&link, &[("csrf_token", &csrf_token(&page))])
        .await;
    assert_eq!(verified.status(), 303);
    assert!(user(&app, "alice").await.can_take_bookings());
    // The new address signs in; the old one no longer does.
    assert_eq!(
        app.try_sign_in(&app.new_client(), "alice@new.example", TEST_PASSWORD)
            .await
            .status(),
        303
    );
    assert_eq!(
        app.try_sign_in(&app.new_client(), "alice@example.com", TEST_PASSWORD)
            .await
            .status(),
        422
    );
}

async fn profile_changes_are_saved_and_shown_in_the_navigation(app: TestApp) {
    app.sign_up_and_login("alice").await;
    let saved = submit(
        &app,
        &app.client,
        "/dashboard/settings",
        "/dashboard/settings/profile",
        &[
            ("full_name", "Dr. Alice Example"),
            ("business_name", "Alice's Practice"),
            ("bio", "Therapy <b>in</b> Berlin"),
            ("timezone", "America/New_York"),
        ],
    )
    .await;
    assert_eq!(saved.status(), 303);
    let alice = user(&app, "alice").await;
    assert_eq!(
        (
            alice.full_name.as_str(),
            alice.business_name.as_str(),
            alice.bio.as_str(),
            alice.timezone.name()
        ),
        (
            "Dr. Alice Example",
            "Alice's Practice",
            "Therapy <b>in</b> Berlin",
            "America/New_York"
        )
    );
    let page = app.get("/dashboard/settings").await.text().await.unwrap();
    assert!(page.contains("Your profile is saved."));
    assert!(page.contains(r#"<option value="America/New_York" selected>"#));
    assert!(!page.contains("<b>in</b>"), "the bio is escaped");
    let home = app.get("/dashboard").await.text().await.unwrap();
    assert!(home.contains("Welcome, Dr. Alice Example"));
}

async fn a_provider_cannot_read_or_change_another_providers_account(app: TestApp) {
    let alice = app.sign_up_and_login("alice").await;
    let bob = app.create_provider("bob").await;
    let bob_browser = app.new_client();
    app.sign_in(&bob_browser, "bob", TEST_PASSWORD).await;
    let bob_before = user(&app, "bob").await;

    // Whatever the URL says, the settings page is the signed-in provider's.
    for path in [
        "/dashboard/settings",
        &format!("/dashboard/settings?user={}", bob.id),
        "/dashboard/settings?username=bob",
    ] {
        let page = app.get(path).await.text().await.unwrap();
        assert!(
            page.contains(&alice.email) && !page.contains(&bob.email),
            "{path}"
        );
    }
    // Ids and usernames smuggled into the forms are ignored.
    let bob_id = bob.id.to_string();
    let smuggled = [
        ("id", bob_id.as_str()),
        ("user_id", bob_id.as_str()),
        ("username", "bob"),
    ];
    let mut profile = vec![
        ("full_name", "Changed By Alice"),
        ("timezone", "Asia/Tokyo"),
    ];
    profile.extend_from_slice(&smuggled);
    assert_eq!(
        submit(
            &app,
            &app.client,
            "/dashboard/settings",
            "/dashboard/settings/profile",
            &profile
        )
        .await
        .status(),
        303
    );
    let mut password = vec![
        ("current_password", TEST_PASSWORD),
        ("new_password", "alice changed this"),
        ("new_password_confirm", "alice changed this"),
    ];
    password.extend_from_slice(&smuggled);
    assert_eq!(
        submit(
            &app,
            &app.client,
            "/dashboard/settings",
            "/dashboard/settings/password",
            &password
        )
        .await
        .status(),
        303
    );
    let mut email = vec![
        ("email", "alice@elsewhere.example"),
        ("email_current_password", "alice changed this"),
    ];
    email.extend_from_slice(&smuggled);
    assert_eq!(
        submit(
            &app,
            &app.client,
            "/dashboard/settings",
            "/dashboard/settings/email",
            &email
        )
        .await
        .status(),
        303
    );

    let alice_after = user(&app, "alice").await;
    assert_eq!(
        (alice_after.full_name.as_str(), alice_after.email.as_str()),
        ("Changed By Alice", "alice@elsewhere.example")
    );
    let bob_after = user(&app, "bob").await;
    assert_eq!(
        (
            &bob_after.full_name,
            &bob_after.email,
            &bob_after.timezone,
            &bob_after.password_hash,
            bob_after.email_verified_at
        ),
        (
            &bob_before.full_name,
            &bob_before.email,
            &bob_before.timezone,
            &bob_before.password_hash,
            bob_before.email_verified_at
        )
    );
    assert_eq!(
        app.get_with(&bob_browser, "/dashboard").await.status(),
        200,
        "bob's session is untouched"
    );

    // Taking bob's address is refused.
    let taken = submit(
        &app,
        &app.client,
        "/dashboard/settings",
        "/dashboard/settings/email",
        &[
            ("email", "BOB@example.com"),
            ("email_current_password", "alice changed this"),
        ],
    )
    .await;
    assert_eq!(taken.status(), 422);
    assert!(taken
        .text()
        .await
        .unwrap()
        .contains("Another account uses this email address."));
    assert_eq!(user(&app, "bob").await.email, "bob@example.com");
}

async fn invalid_settings_rerender_with_messages_and_keep_what_was_typed(app: TestApp) {
    app.sign_up_and_login("alice").await;
    let response = submit(
        &app,
        &app.client,
        "/dashboard/settings",
        "/dashboard/settings/profile",
        &[
            ("full_name", "  "),
            ("business_name", "Practice"),
            ("bio", "My typed bio"),
            ("timezone", "Europe/Nowhere"),
        ],
    )
    .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains(r#"id="full_name-error""#) && page.contains(r#"id="timezone-error""#));
    assert!(page.contains(">My typed bio</textarea>"));
    assert_eq!(
        hidden_field(&page, "business_name").as_deref(),
        Some("Practice")
    );
    assert_eq!(user(&app, "alice").await.full_name, "alice Example");

    let response = submit(
        &app,
        &app.client,
        "/dashboard/settings",
        "/dashboard/settings/password",
        &[
            ("current_password", TEST_PASSWORD),
            ("new_password", "a fine new phrase"),
            ("new_password_confirm", "a different phrase"),
        ],
    )
    .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("The two passwords differ"));
    assert!(!page.contains("a fine new phrase") && !page.contains(TEST_PASSWORD));
}
