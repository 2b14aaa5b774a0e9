//! Sign-up over HTTP: the form and its messages, the verification mail and link, the
//! first account becoming admin, ALLOW_SIGNUP=false and `slotbook admin create`.

use super::*;

both_backends!(
    signing_up_sends_a_verification_mail_whose_link_verifies_the_address,
    asking_again_for_a_verification_mail_ends_the_earlier_link,
    invalid_sign_up_fields_rerender_with_messages_and_keep_what_was_typed,
    taken_usernames_and_addresses_are_refused_with_field_messages,
    simultaneous_first_sign_ups_make_exactly_one_admin,
    sign_up_can_be_turned_off,
    the_cli_creates_a_verified_admin_with_the_sign_up_rules,
);

async fn signing_up_sends_a_verification_mail_whose_link_verifies_the_address(app: TestApp) {
    // The sign-up page offers the zones, UTC chosen unless the browser's script picks one.
    let page = app.get("/signup").await.text().await.unwrap();
    assert!(
        page.contains("data-browser-tz"),
        "the script may preselect the browser's zone"
    );
    assert!(page.contains(r#"<option value="UTC" selected>"#));
    assert!(
        page.contains(r#"<label for="username">"#) && page.contains(r#"<label for="timezone">"#)
    );

    let response = sign_up(&app, &app.client, &signup_form("alice")).await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/dashboard");

    let alice = user(&app, "alice").await;
    assert_eq!(
        alice.role.as_str(),
        "admin",
        "the first account of an empty instance is the admin"
    );
    assert_eq!(alice.timezone.name(), "Europe/Berlin");
    assert!(alice.email_verified_at.is_none());
    assert!(!alice.can_take_bookings());
    assert!(alice.password_hash.starts_with("$argon2id$"));

    let dashboard = app.get("/dashboard").await.text().await.unwrap();
    assert!(dashboard.contains("Welcome, alice Example"), "{dashboard}");
    assert!(dashboard.contains("Please verify your email address"));
    assert!(dashboard.contains(r#"action="/verify/resend""#));

    let mails = app.mails_to("alice@example.com").await;
    assert_eq!(mails.len(), 1, "one verification mail");
    let (subject, text) = &mails[0];
    assert_eq!(subject, "Verify your email address for Slotbook");
    let link = link_path(text, "/verify/").expect("the mail has a verification link");

    // Opening the link (as a mail scanner would) changes nothing; the button does.
    let visitor = app.new_client();
    let shown = app.get_with(&visitor, &link).await;
    assert_eq!(shown.status(), 200);
    let shown = shown.text().await.unwrap();
    assert!(shown.contains("alice@example.com") && shown.contains("<button"));
    assert!(user(&app, "alice").await.email_verified_at.is_none());

    let verified = app
        .post_form_with(&visitor, &link, &[("csrf_token", &csrf_token(&shown))])
        .await;
    assert_eq!(verified.status(), 303);
    let alice = user(&app, "alice").await;
    assert_eq!(alice.email_verified_at, Some(test_now()));
    assert!(alice.can_take_bookings());

    let dashboard = app.get("/dashboard").await.text().await.unwrap();
    assert!(!dashboard.contains("Please verify your email address"));

    // The link is single-use.
    assert_eq!(app.get_with(&visitor, &link).await.status(), 410);
    let again = app
        .post_form_with(&visitor, &link, &[("csrf_token", &csrf_token(&shown))])
        .await;
    assert_eq!(again.status(), 410);
}

async fn asking_again_for_a_verification_mail_ends_the_earlier_link(app: TestApp) {
    sign_up(&app, &app.client, &signup_form("alice")).await;
    let response = submit(&app, &app.client, "/dashboard", "/verify/resend", &[]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/dashboard");
    let page = app.get("/dashboard").await.text().await.unwrap();
    assert!(
        page.contains("We sent a new verification link to alice@example.com"),
        "{page}"
    );

    let mails = app.mails_to("alice@example.com").await;
    assert_eq!(mails.len(), 2);
    let first = link_path(&mails[0].1, "/verify/").unwrap();
    let second = link_path(&mails[1].1, "/verify/").unwrap();
    assert_ne!(first, second);
    assert_eq!(
        app.get(&first).await.status(),
        410,
        "only the newest link works"
    );
    assert_eq!(app.get(&second).await.status(), 200);

    // Verification links expire after 48 hours.
    app.clock.advance(Duration::hours(48));
    assert_eq!(app.get(&second).await.status(), 410);
}

async fn invalid_sign_up_fields_rerender_with_messages_and_keep_what_was_typed(app: TestApp) {
    let typed_password = "login12345";
    let response = sign_up(
        &app,
        &app.client,
        &[
            ("full_name", "".to_owned()),
            ("username", "Login".to_owned()),
            ("email", "alice-at-example.com".to_owned()),
            ("password", typed_password.to_owned()),
            ("timezone", "Asia/Kolkata".to_owned()),
        ],
    )
    .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    for (field, message) in [
        ("full_name", "Enter your name."),
        ("username", "That username is reserved"),
        ("email", "Enter an email address like name@example.com."),
        ("password", "too easy to guess"),
    ] {
        assert!(
            page.contains(&format!(r#"id="{field}-error""#)),
            "{field} has no message"
        );
        assert!(
            page.contains(&format!(r#"aria-describedby="{field}-hint {field}-error""#)),
            "{field} message is not tied to it"
        );
        assert!(page.contains(message), "{message}");
    }
    assert_eq!(hidden_field(&page, "username").as_deref(), Some("Login"));
    assert_eq!(
        hidden_field(&page, "email").as_deref(),
        Some("alice-at-example.com")
    );
    assert_eq!(
        hidden_field(&page, "password").as_deref(),
        Some(""),
        "passwords are never sent back"
    );
    assert!(!page.contains(typed_password));
    assert!(page.contains(r#"<option value="Asia/Kolkata" selected>"#));
    assert!(
        page.contains(r#"data-user-chosen="true""#),
        "the script keeps the chosen zone"
    );
    assert_eq!(user_count(&app).await, 0);

    // An unknown zone is a field error too.
    let mut form = signup_form("alice");
    form[4].1 = "Mars/Olympus".to_owned();
    let response = sign_up(&app, &app.client, &form).await;
    assert_eq!(response.status(), 422);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains(r#"id="timezone-error""#));
    assert_eq!(user_count(&app).await, 0);
}

async fn taken_usernames_and_addresses_are_refused_with_field_messages(app: TestApp) {
    assert_eq!(
        sign_up(&app, &app.client, &signup_form("alice"))
            .await
            .status(),
        303
    );
    let other = app.new_client();
    let mut form = signup_form("alice");
    form[2].1 = "someone@example.com".to_owned();
    let response = sign_up(&app, &other, &form).await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("That username is taken"), "{page}");
    assert_eq!(
        hidden_field(&page, "email").as_deref(),
        Some("someone@example.com")
    );

    let mut form = signup_form("alice2");
    form[2].1 = "ALICE@Example.com".to_owned();
    let response = sign_up(&app, &other, &form).await;
    assert_eq!(response.status(), 422);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("An account with this email address already exists"));
    assert_eq!(user_count(&app).await, 1);
    assert_eq!(user(&app, "alice").await.role.as_str(), "admin");
    assert_eq!(
        sign_up(&app, &other, &signup_form("bob")).await.status(),
        303
    );
    assert_eq!(
        user(&app, "bob").await.role.as_str(),
        "provider",
        "only the first account is the admin"
    );
}

async fn simultaneous_first_sign_ups_make_exactly_one_admin(app: TestApp) {
    let clients: Vec<reqwest::Client> = (0..4).map(|_| app.new_client()).collect();
    let mut tokens = Vec::new();
    for client in &clients {
        tokens.push(app.csrf_with(client, "/signup").await);
    }
    let requests = clients
        .iter()
        .zip(&tokens)
        .enumerate()
        .map(|(i, (client, token))| {
            let name = format!("user{i}");
            let form = signup_form(&name);
            let mut body: Vec<(String, String)> = vec![("csrf_token".into(), token.clone())];
            body.extend(form.into_iter().map(|(k, v)| (k.to_owned(), v)));
            client.post(app.url("/signup")).form(&body).send()
        });
    let responses = futures_util::future::join_all(requests).await;
    for response in responses {
        assert_eq!(response.unwrap().status(), 303);
    }
    let roles: Vec<String> = {
        use diesel::prelude::*;
        use slotbook::db::schema::users;
        app.db(|conn| {
            users::table
                .select(users::role)
                .load::<String>(conn)
                .unwrap()
        })
        .await
    };
    assert_eq!(roles.len(), 4);
    assert_eq!(
        roles.iter().filter(|r| *r == "admin").count(),
        1,
        "{roles:?}"
    );
}

async fn sign_up_can_be_turned_off(app: TestApp) {
    let backend = app.backend;
    drop(app);
    let Some(app) = spawn_app_with(backend, |s| s.allow_signup = false).await else {
        return;
    };
    let page = app.get("/signup").await;
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(page.contains("Sign-up is closed"));
    assert!(!page.contains(r#"action="/signup""#));
    assert!(!app
        .get("/")
        .await
        .text()
        .await
        .unwrap()
        .contains(r#"href="/signup""#));
    assert!(!app
        .get("/login")
        .await
        .text()
        .await
        .unwrap()
        .contains(r#"href="/signup""#));

    // A form posted anyway (an old tab) is refused.
    let token = app.csrf_for("/login").await;
    let mut form = vec![("csrf_token", token.as_str())];
    let fields = signup_form("alice");
    form.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
    let refused = app.post_form("/signup", &form).await;
    assert_eq!(refused.status(), 403);
    assert!(refused.text().await.unwrap().contains("Sign-up is closed"));
    assert_eq!(user_count(&app).await, 0);
    assert!(app.mails_to("alice@example.com").await.is_empty());
}

async fn the_cli_creates_a_verified_admin_with_the_sign_up_rules(app: TestApp) {
    let fields = |username: &str, password: &str| AdminFields {
        username: username.into(),
        email: format!("{username}@example.com"),
        full_name: "Root Admin".into(),
        password: password.into(),
        timezone: "UTC".into(),
    };
    let settings = (*app.state.settings).clone();
    let admin = create_admin_from_cli(
        &settings,
        fields("root-admin", "an admin pass phrase"),
        test_now(),
    )
    .await
    .unwrap();
    assert_eq!(
        (admin.role.as_str(), admin.email_verified_at),
        ("admin", Some(test_now()))
    );
    app.sign_in(&app.client, "root-admin", "an admin pass phrase")
        .await;

    let weak = create_admin_from_cli(&settings, fields("another", "password1"), test_now())
        .await
        .unwrap_err();
    assert!(format!("{weak:#}").contains("--password"), "{weak:#}");
    let taken = create_admin_from_cli(
        &settings,
        fields("root-admin", "an admin pass phrase"),
        test_now(),
    )
    .await
    .unwrap_err();
    assert!(format!("{taken:#}").contains("already exists"), "{taken:#}");
    assert_eq!(user_count(&app).await, 1);
}
