//! Sign-out, password change and reset, "sign out everywhere", deactivation and a second
//! instance: each ends the session for good, copied cookies included.

use slotbook::tokens::hash_token;

use super::*;
use crate::both_backends;
use crate::helpers::{csrf_token, link_path, location, TestApp, TEST_PASSWORD};

both_backends!(
    a_copied_cookie_is_dead_after_sign_out,
    the_cookie_carries_only_a_random_id_and_the_database_only_its_hash,
    anonymous_pages_without_a_form_store_no_session,
    a_password_change_ends_every_other_session_and_moves_this_one_to_a_new_id,
    a_password_reset_ends_every_session_of_the_account,
    sign_out_everywhere_ends_every_session_of_the_account_and_only_that_account,
    deactivation_ends_the_providers_sessions_for_good,
    instances_sharing_a_database_share_sessions_and_their_end,
);

async fn a_copied_cookie_is_dead_after_sign_out(app: TestApp) {
    let alice = app.create_provider("alice").await;
    let cookie = sign_in_and_copy_cookie(&app, &app.client, "alice").await;
    let settings = app.get("/dashboard/settings").await.text().await.unwrap();
    let token = csrf_token(&settings);
    assert!(cookie_is_signed_in(&app, &cookie).await, "the copy works");

    let logout = app.post_form("/logout", &[("csrf_token", &token)]).await;
    assert_eq!(logout.status(), 303);

    assert!(
        !cookie_is_signed_in(&app, &cookie).await,
        "the copy is dead"
    );
    let replayed = post_with_cookie(
        &app,
        &cookie,
        "/dashboard/settings/profile",
        &[
            ("csrf_token", &token),
            ("full_name", "Mallory"),
            ("timezone", "UTC"),
        ],
    )
    .await;
    assert!(
        [303, 403].contains(&replayed.status().as_u16()),
        "{}",
        replayed.status()
    );
    assert_eq!(full_name(&app, alice.id).await, "alice Example");
    assert_eq!(sessions_of(&app, alice.id).await, 0, "the row is gone");
}

async fn the_cookie_carries_only_a_random_id_and_the_database_only_its_hash(app: TestApp) {
    let alice = app.create_provider("alice").await;
    let cookie = sign_in_and_copy_cookie(&app, &app.client, "alice").await;
    let settings = app.get("/dashboard/settings").await.text().await.unwrap();
    let token = csrf_token(&settings);

    let value = cookie.trim_start_matches("slotbook_session=");
    for secret in [
        alice.id.to_string(),
        alice.id.simple().to_string(),
        token.clone(),
        "alice".to_owned(),
    ] {
        assert!(!value.contains(&secret), "{value} contains {secret}");
    }
    // A signature (44 characters of base64, percent-encoded in the header) and the 64 hex
    // digits of the id: nothing else.
    let decoded = urlencoding::decode(value).unwrap();
    assert_eq!(decoded.len(), 44 + 64, "{value}");
    let id = &decoded[44..];
    assert!(id.chars().all(|c| c.is_ascii_hexdigit()), "{id}");

    let rows = session_rows(&app).await;
    let (id_hash, owner, state) = rows
        .iter()
        .find(|(hash, _, _)| *hash == hash_token(id))
        .expect("the row is found by the hash of the cookie's id");
    assert_eq!(*owner, Some(alice.id));
    assert!(state.contains(&token), "the state is on the server");
    assert!(
        rows.iter()
            .all(|(hash, _, _)| !value.contains(hash.as_str())),
        "no stored value is in the cookie"
    );
    assert_ne!(id_hash, id);
}

async fn anonymous_pages_without_a_form_store_no_session(app: TestApp) {
    app.create_provider("alice").await;
    let visitor = app.new_client();
    for path in ["/", "/alice", "/healthz"] {
        let response = app.get_with(&visitor, path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(set_cookie(&response), None, "{path} sets no cookie");
    }
    assert!(session_rows(&app).await.is_empty(), "no row was written");

    // A form needs a token: now there is a (signed-out) session.
    let login = app.get_with(&visitor, "/login").await;
    assert!(set_cookie(&login).is_some());
    let rows = session_rows(&app).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1, None, "no user");
}

async fn a_password_change_ends_every_other_session_and_moves_this_one_to_a_new_id(app: TestApp) {
    let alice = app.create_provider("alice").await;
    let laptop_copy = sign_in_and_copy_cookie(&app, &app.client, "alice").await;
    let phone = app.new_client();
    let phone_copy = sign_in_and_copy_cookie(&app, &phone, "alice").await;
    let bob = app.create_provider("bob").await;
    let bob_copy = sign_in_and_copy_cookie(&app, &app.new_client(), "bob").await;

    let token = app.csrf_for("/dashboard/settings").await;
    let changed = app
        .post_form(
            "/dashboard/settings/password",
            &[
                ("csrf_token", &token),
                ("current_password", TEST_PASSWORD),
                ("new_password", "a brand new secret phrase"),
                ("new_password_confirm", "a brand new secret phrase"),
            ],
        )
        .await;
    assert_eq!(changed.status(), 303);
    let new_cookie = set_cookie(&changed).expect("this session gets a new id");
    assert_ne!(new_cookie, laptop_copy);

    assert_eq!(app.get("/dashboard").await.status(), 200, "this one lives");
    assert!(cookie_is_signed_in(&app, &new_cookie).await);
    assert!(!cookie_is_signed_in(&app, &phone_copy).await, "the phone");
    assert_eq!(app.get_with(&phone, "/dashboard").await.status(), 303);
    assert!(
        !cookie_is_signed_in(&app, &laptop_copy).await,
        "a copy of this browser's old cookie"
    );
    assert_eq!(sessions_of(&app, alice.id).await, 1);
    assert!(
        cookie_is_signed_in(&app, &bob_copy).await,
        "bob is untouched"
    );
    assert_eq!(sessions_of(&app, bob.id).await, 1);
}

async fn a_password_reset_ends_every_session_of_the_account(app: TestApp) {
    let alice = app.create_provider("alice").await;
    let copy = sign_in_and_copy_cookie(&app, &app.client, "alice").await;
    let other = app.new_client();
    let token = app.csrf_with(&other, "/password/forgot").await;
    let asked = app
        .post_form_with(
            &other,
            "/password/forgot",
            &[("csrf_token", &token), ("email", &alice.email)],
        )
        .await;
    assert_eq!(asked.status(), 303);
    let mails = app.mails_to(&alice.email).await;
    let link = link_path(&mails[0].1, "/password/reset/").expect("reset link");
    let token = app.csrf_with(&other, &link).await;
    let reset = app
        .post_form_with(
            &other,
            &link,
            &[
                ("csrf_token", &token),
                ("new_password", "a brand new secret phrase"),
                ("new_password_confirm", "a brand new secret phrase"),
            ],
        )
        .await;
    assert_eq!(reset.status(), 303);

    assert!(!cookie_is_signed_in(&app, &copy).await);
    assert_eq!(sessions_of(&app, alice.id).await, 0);
}

async fn sign_out_everywhere_ends_every_session_of_the_account_and_only_that_account(app: TestApp) {
    let alice = app.create_provider("alice").await;
    let laptop_copy = sign_in_and_copy_cookie(&app, &app.client, "alice").await;
    let phone = app.new_client();
    sign_in_and_copy_cookie(&app, &phone, "alice").await;
    let bob = app.create_provider("bob").await;
    let bob_browser = app.new_client();
    sign_in_and_copy_cookie(&app, &bob_browser, "bob").await;

    let settings = app.get("/dashboard/settings").await.text().await.unwrap();
    assert!(
        settings.contains("2 browsers are signed in to your account"),
        "{settings}"
    );
    assert!(settings.contains("Sign out everywhere"));

    // Without the form's token nothing happens.
    let forged = app
        .post_form("/dashboard/settings/sign-out-everywhere", &[])
        .await;
    assert_eq!(forged.status(), 403);
    assert_eq!(app.get_with(&phone, "/dashboard").await.status(), 200);

    let response = app
        .post_form(
            "/dashboard/settings/sign-out-everywhere",
            &[("csrf_token", &csrf_token(&settings))],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/login");
    let login = app.get("/login").await.text().await.unwrap();
    assert!(
        login.contains("You are signed out on every device"),
        "{login}"
    );

    assert_eq!(app.get("/dashboard").await.status(), 303, "this browser");
    assert_eq!(app.get_with(&phone, "/dashboard").await.status(), 303);
    assert!(!cookie_is_signed_in(&app, &laptop_copy).await);
    assert_eq!(sessions_of(&app, alice.id).await, 0);
    assert_eq!(app.get_with(&bob_browser, "/dashboard").await.status(), 200);
    assert_eq!(sessions_of(&app, bob.id).await, 1);

    // Signing in again works, and the page counts one browser.
    app.sign_in(&app.client, "alice", TEST_PASSWORD).await;
    let settings = app.get("/dashboard/settings").await.text().await.unwrap();
    assert!(settings.contains("Only this browser is signed in"));
}

async fn deactivation_ends_the_providers_sessions_for_good(app: TestApp) {
    sign_in_admin(&app).await;
    let bob = app.create_provider("bob").await;
    let copy = sign_in_and_copy_cookie(&app, &app.new_client(), "bob").await;
    assert_eq!(sessions_of(&app, bob.id).await, 1);

    let accounts = app.get("/admin/accounts").await.text().await.unwrap();
    let token = csrf_token(&accounts);
    let path = format!("/admin/accounts/{}/active", bob.id);
    for active in ["false", "true"] {
        let response = app
            .post_form(&path, &[("csrf_token", &token), ("active", active)])
            .await;
        assert_eq!(response.status(), 303);
    }
    assert_eq!(sessions_of(&app, bob.id).await, 0);
    assert!(
        !cookie_is_signed_in(&app, &copy).await,
        "reactivating does not bring the old session back"
    );
}

/// A second instance of the application on `app`'s database, with the same `SECRET_KEY`
/// and clock (as a load balancer's second node would run); stopped when dropped.
struct SecondInstance {
    address: String,
    server: actix_web::dev::ServerHandle,
    _data_dir: tempfile::TempDir,
}

impl Drop for SecondInstance {
    fn drop(&mut self) {
        drop(self.server.stop(false));
    }
}

async fn second_instance(app: &TestApp) -> SecondInstance {
    use slotbook::startup::{Application, Dependencies};
    let data_dir = tempfile::tempdir().unwrap();
    let mut settings = (*app.state.settings).clone();
    settings.data_dir = data_dir.path().to_path_buf();
    settings.bind = "127.0.0.1:0".parse().unwrap();
    let deps = Dependencies {
        clock: app.clock.clone(),
        jobs_every: None,
        mail_every: None,
        mail_transport: Some(slotbook::email::Transport::memory()),
        webhooks_every: None,
    };
    let instance = Application::build_with(settings, deps).await.unwrap();
    let address = format!("http://127.0.0.1:{}", instance.port());
    let server = instance.server_handle();
    std::thread::spawn(move || {
        let _ = actix_web::rt::System::new().block_on(instance.run_until_stopped());
    });
    SecondInstance {
        address,
        server,
        _data_dir: data_dir,
    }
}

async fn instances_sharing_a_database_share_sessions_and_their_end(app: TestApp) {
    app.create_provider("alice").await;
    let cookie = sign_in_and_copy_cookie(&app, &app.client, "alice").await;
    let other = second_instance(&app).await;
    let on_other = |path: &'static str| {
        let (cookie, url) = (cookie.clone(), format!("{}{path}", other.address));
        async move {
            replayer()
                .get(url)
                .header("cookie", cookie)
                .send()
                .await
                .unwrap()
        }
    };
    let settings = on_other("/dashboard/settings").await;
    assert_eq!(settings.status(), 200, "signed in on the other instance");
    let token = csrf_token(&settings.text().await.unwrap());

    // Signing out on the other instance ends the session on this one too.
    let logout = replayer()
        .post(format!("{}/logout", other.address))
        .header("cookie", &cookie)
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status(), 303);
    assert!(!cookie_is_signed_in(&app, &cookie).await);
    assert_eq!(app.get("/dashboard").await.status(), 303);
}
