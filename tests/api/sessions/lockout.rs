//! Failed sign-ins for an account slow it down but never lock its owner out.

use std::time::{Duration as StdDuration, Instant};

use crate::helpers::{spawn_app_with, Backend, TEST_PASSWORD};

crate::on_both_backends!(failed_sign_ins_from_other_addresses_do_not_lock_the_owner_out);

async fn failed_sign_ins_from_other_addresses_do_not_lock_the_owner_out(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| {
        s.trusted_proxies = vec!["127.0.0.1".parse().unwrap()]
    })
    .await
    else {
        return;
    };
    app.create_provider("bob").await;
    let attempt = |from: String, login: &'static str, password: &'static str| {
        let app = &app;
        async move {
            let client = app.new_client();
            let token = app.csrf_with(&client, "/login").await;
            let started = Instant::now();
            let response = client
                .post(app.url("/login"))
                .header("x-forwarded-for", from)
                .form(&[
                    ("csrf_token", token.as_str()),
                    ("login", login),
                    ("password", password),
                ])
                .send()
                .await
                .unwrap();
            (response.status().as_u16(), started.elapsed())
        }
    };
    // One address: its eleventh attempt is refused (the per-address limit stays).
    for _ in 0..10 {
        assert_eq!(attempt("198.51.100.1".into(), "bob", "guess").await.0, 422);
    }
    assert_eq!(attempt("198.51.100.1".into(), "bob", "guess").await.0, 429);
    // Other addresses: ten failures for bob no longer lock the account.
    for n in 2..=6 {
        let (status, _) = attempt(format!("198.51.100.{n}"), "BOB@example.com", "guess").await;
        assert_eq!(status, 422, "from .{n}");
    }
    // Fifteen failures now: every attempt for bob waits 0.6 s first…
    let (status, waited) = attempt("198.51.100.7".into(), "bob", "guess").await;
    assert_eq!(status, 422);
    assert!(waited >= StdDuration::from_millis(600), "{waited:?}");
    // …and the owner, from his own address, still signs in.
    let (status, waited) = attempt("203.0.113.5".into(), "bob", TEST_PASSWORD).await;
    assert_eq!(status, 303, "bob signs in");
    assert!(waited >= StdDuration::from_millis(700), "{waited:?}");
    // Other accounts answer as before.
    assert_eq!(
        attempt("198.51.100.8".into(), "alice", "guess").await.0,
        422
    );
}
