//! Sign-in and sign-out over HTTP: one answer for every failure, safe `next`, the guard on
//! provider pages, rate limits, the session cookie and CSRF.

use super::*;

both_backends!(
    a_provider_signs_in_by_username_or_email_and_signs_out,
    a_wrong_password_and_an_unknown_account_get_the_same_answer,
    sign_in_returns_only_to_local_next_paths,
    provider_pages_send_signed_out_visitors_to_the_sign_in_page,
    the_eleventh_sign_in_attempt_in_the_window_is_429_with_retry_after,
    forwarded_addresses_are_ignored_unless_the_peer_is_a_trusted_proxy,
    the_session_cookie_is_http_only_same_site_lax_and_secure_only_over_https,
    forms_without_a_valid_csrf_token_are_refused_and_change_nothing,
);

async fn a_provider_signs_in_by_username_or_email_and_signs_out(app: TestApp) {
    let alice = app.create_provider("alice").await;
    let response = app.try_sign_in(&app.client, "alice", TEST_PASSWORD).await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/dashboard");
    let dashboard = app.get("/dashboard").await;
    assert_eq!(dashboard.status(), 200);
    assert!(dashboard.text().await.unwrap().contains("Sign out"));

    let response = submit(&app, &app.client, "/dashboard", "/logout", &[]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/");
    assert!(app
        .get("/")
        .await
        .text()
        .await
        .unwrap()
        .contains("You are signed out."));
    let dashboard = app.get("/dashboard").await;
    assert_eq!(dashboard.status(), 303);
    assert_eq!(location(&dashboard), "/login?next=%2Fdashboard");

    // The address is matched whatever its case.
    let response = app
        .try_sign_in(&app.client, &alice.email.to_uppercase(), TEST_PASSWORD)
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(app.get("/dashboard").await.status(), 200);
}

async fn a_wrong_password_and_an_unknown_account_get_the_same_answer(app: TestApp) {
    app.create_provider("alice").await;
    let wrong = app
        .try_sign_in(&app.client, "alice", "not the right password")
        .await;
    let unknown = app
        .try_sign_in(&app.client, "nobody", "not the right password")
        .await;
    let unknown_email = app
        .try_sign_in(&app.client, "nobody@example.com", TEST_PASSWORD)
        .await;
    let message = slotbook_sign_in_failed();
    let mut answers = Vec::new();
    for response in [wrong, unknown, unknown_email] {
        let status = response.status();
        let body = response.text().await.unwrap();
        assert!(body.contains(&message), "{body}");
        assert!(
            !body.contains("not the right password") && !body.contains(TEST_PASSWORD),
            "passwords are never shown again"
        );
        answers.push(status);
    }
    assert!(
        answers
            .iter()
            .all(|s| *s == answers[0] && s.as_u16() == 422),
        "{answers:?}"
    );
    assert_eq!(
        app.get("/dashboard").await.status(),
        303,
        "still signed out"
    );
}

fn slotbook_sign_in_failed() -> String {
    // HTML-escaped as the page shows it.
    "That email address or username and password do not match an account.".to_owned()
}

async fn sign_in_returns_only_to_local_next_paths(app: TestApp) {
    app.create_provider("alice").await;
    let response = app.get("/dashboard/settings").await;
    assert_eq!(location(&response), "/login?next=%2Fdashboard%2Fsettings");
    let page = app
        .get("/login?next=%2Fdashboard%2Fsettings")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        hidden_field(&page, "next").as_deref(),
        Some("/dashboard/settings")
    );

    for (next, expected) in [
        ("/dashboard/settings", "/dashboard/settings"),
        ("//evil.example/x", "/dashboard"),
        ("https://evil.example/", "/dashboard"),
        ("/\\evil.example", "/dashboard"),
        ("javascript:alert(1)", "/dashboard"),
        ("dashboard", "/dashboard"),
    ] {
        // Each sign-in starts a new session with a new token.
        let token = app.csrf_for("/login").await;
        let response = app
            .post_form(
                "/login",
                &[
                    ("csrf_token", &token),
                    ("login", "alice"),
                    ("password", TEST_PASSWORD),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(response.status(), 303);
        assert_eq!(location(&response), expected, "{next}");
    }
    let page = app
        .get("/login?next=https%3A%2F%2Fevil.example")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        hidden_field(&page, "next"),
        None,
        "a foreign next is dropped from the form"
    );
}

async fn provider_pages_send_signed_out_visitors_to_the_sign_in_page(app: TestApp) {
    for path in ["/dashboard", "/dashboard/settings"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 303, "{path}");
        assert!(location(&response).starts_with("/login?next="), "{path}");
    }
    let token = app.csrf_for("/login").await;
    for action in [
        "/dashboard/settings/profile",
        "/dashboard/settings/email",
        "/dashboard/settings/password",
        "/verify/resend",
    ] {
        let response = app
            .post_form(action, &[("csrf_token", &token), ("full_name", "Mallory")])
            .await;
        assert_eq!(response.status(), 303, "{action}");
        assert_eq!(location(&response), "/login", "{action}");
    }
}

async fn the_eleventh_sign_in_attempt_in_the_window_is_429_with_retry_after(app: TestApp) {
    app.create_provider("alice").await;
    let attacker = app.new_client();
    for attempt in 1..=10 {
        let response = app
            .try_sign_in(&attacker, "alice", &format!("guess number {attempt}"))
            .await;
        assert_eq!(response.status(), 422, "attempt {attempt}");
    }
    let eleventh = app.try_sign_in(&attacker, "alice", TEST_PASSWORD).await;
    assert_eq!(eleventh.status(), 429, "even the right password waits");
    let retry_after: u64 = eleventh.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=900).contains(&retry_after), "{retry_after}");
    assert!(eleventh.text().await.unwrap().contains("Too many attempts"));
    assert_eq!(app.get_with(&attacker, "/dashboard").await.status(), 303);

    // Once the window has passed, signing in works again.
    app.clock.advance(Duration::seconds(retry_after as i64));
    let later = app.try_sign_in(&attacker, "alice", TEST_PASSWORD).await;
    assert_eq!(later.status(), 303);
}

async fn forwarded_addresses_are_ignored_unless_the_peer_is_a_trusted_proxy(app: TestApp) {
    for n in 1..=10 {
        let client = app.new_client();
        let token = app.csrf_with(&client, "/login").await;
        let status = client
            .post(app.url("/login"))
            .header("x-forwarded-for", format!("198.51.100.{n}"))
            .form(&[
                ("csrf_token", token.as_str()),
                ("login", format!("user{n}").as_str()),
                ("password", "a wrong guess"),
            ])
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(status, 422);
    }
    let eleventh = app
        .try_sign_in(&app.client, "someone-else", "a wrong guess")
        .await;
    assert_eq!(
        eleventh.status(),
        429,
        "a spoofed X-Forwarded-For does not reset the per-address limit"
    );
}

async fn the_session_cookie_is_http_only_same_site_lax_and_secure_only_over_https(app: TestApp) {
    app.create_provider("alice").await;
    let response = app.try_sign_in(&app.client, "alice", TEST_PASSWORD).await;
    assert_eq!(response.status(), 303);
    let cookie = session_cookie(&response).expect("sign-in sets the session cookie");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(
        !cookie.contains("Secure"),
        "plain http keeps working: {cookie}"
    );
    // Signed: the cookie works as issued, and not once anything in it is changed.
    let value = cookie.split(';').next().unwrap().to_owned();
    let with_cookie = |value: String| {
        let app = &app;
        async move {
            reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap()
                .get(app.url("/dashboard"))
                .header("cookie", value)
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(with_cookie(value.clone()).await, 200);
    let mut tampered = value.into_bytes();
    let last = tampered.len() - 1;
    tampered[last] = if tampered[last] == b'A' { b'B' } else { b'A' };
    assert_eq!(with_cookie(String::from_utf8(tampered).unwrap()).await, 303);

    let https = spawn_app_with(app.backend, |s| s.base_url = "https://book.example".into())
        .await
        .expect("second app");
    let page = https.get("/login").await;
    let cookie = session_cookie(&page).expect("the first page sets the session cookie");
    assert!(
        cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
}

fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("slotbook_session="))
        .map(str::to_owned)
}

async fn forms_without_a_valid_csrf_token_are_refused_and_change_nothing(app: TestApp) {
    app.sign_up_and_login("alice").await;
    let before = user(&app, "alice").await;
    for token in [None, Some("0".repeat(64))] {
        let mut form = vec![("full_name", "Mallory"), ("timezone", "Asia/Tokyo")];
        if let Some(token) = &token {
            form.push(("csrf_token", token));
        }
        let response = app.post_form("/dashboard/settings/profile", &form).await;
        assert_eq!(response.status(), 403);
        assert!(response
            .text()
            .await
            .unwrap()
            .contains("This form has expired"));
        let mut form = vec![
            ("current_password", TEST_PASSWORD),
            ("new_password", "mallory was here 1"),
            ("new_password_confirm", "mallory was here 1"),
        ];
        if let Some(token) = &token {
            form.push(("csrf_token", token));
        }
        assert_eq!(
            app.post_form("/dashboard/settings/password", &form)
                .await
                .status(),
            403
        );
        assert_eq!(app.post_form("/logout", &[]).await.status(), 403);
    }
    let after = user(&app, "alice").await;
    assert_eq!(
        (after.full_name, after.timezone, after.password_hash,),
        (before.full_name, before.timezone, before.password_hash,)
    );
    assert_eq!(app.get("/dashboard").await.status(), 200, "still signed in");

    // Signed out: sign-up and sign-in without a token are refused too.
    let stranger = app.new_client();
    let form = signup_form("mallory");
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        app.post_form_with(&stranger, "/signup", &fields)
            .await
            .status(),
        403
    );
    assert_eq!(user_count(&app).await, 1);
    let login = app
        .post_form_with(
            &stranger,
            "/login",
            &[("login", "alice"), ("password", TEST_PASSWORD)],
        )
        .await;
    assert_eq!(login.status(), 403);
    assert_eq!(app.get_with(&stranger, "/dashboard").await.status(), 303);
}
