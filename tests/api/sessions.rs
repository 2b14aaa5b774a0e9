//! Server-side sessions, the sign-in lockout that cannot be turned against the owner, and
//! the caching and transport headers, over real HTTP on both backends.
//!
//! A "copied cookie" is the `slotbook_session=…` pair a browser held, replayed later by a
//! client with no cookie jar of its own: what an attacker who read it would do.

use std::time::{Duration as StdDuration, Instant};

use chrono::TimeDelta;
use diesel::prelude::*;
use slotbook::auth::session::hash_token;
use slotbook::db::models::users;
use slotbook::db::schema::sessions;
use slotbook::db::types::DbId;

use crate::both_backends;
use crate::helpers::{
    csrf_token, link_path, location, spawn_app_with, TestApp, TestProvider, TEST_PASSWORD,
};

both_backends!(
    a_copied_cookie_is_dead_after_sign_out,
    the_cookie_carries_only_a_random_id_and_the_database_only_its_hash,
    anonymous_pages_without_a_form_store_no_session,
    a_password_change_ends_every_other_session_and_moves_this_one_to_a_new_id,
    a_password_reset_ends_every_session_of_the_account,
    sign_out_everywhere_ends_every_session_of_the_account_and_only_that_account,
    deactivation_ends_the_providers_sessions_for_good,
    a_session_ends_after_the_idle_timeout_and_requests_keep_it_alive,
    a_busy_session_ends_at_its_absolute_lifetime,
    expired_sessions_are_deleted_by_the_purge,
    a_session_the_database_cannot_serve_answers_the_busy_page,
    instances_sharing_a_database_share_sessions_and_their_end,
    failed_sign_ins_from_other_addresses_do_not_lock_the_owner_out,
    signed_in_and_private_pages_carry_no_store_and_public_pages_do_not,
    hsts_is_sent_only_when_the_base_url_is_https,
);

// ---- helpers ----

/// The `slotbook_session=…` pair a response sets, if any.
fn set_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("slotbook_session="))
        .and_then(|v| v.split(';').next())
        .map(str::to_owned)
}

/// Signs `client` in and returns the session cookie it was given.
async fn sign_in_and_copy_cookie(app: &TestApp, client: &reqwest::Client, login: &str) -> String {
    let response = app.try_sign_in(client, login, TEST_PASSWORD).await;
    assert_eq!(response.status(), 303, "sign-in as {login}");
    set_cookie(&response).expect("sign-in sets the session cookie")
}

/// A client without a cookie jar: it sends exactly the cookie it is given.
fn replayer() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn get_with_cookie(app: &TestApp, cookie: &str, path: &str) -> reqwest::Response {
    replayer()
        .get(app.url(path))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
}

async fn post_with_cookie(
    app: &TestApp,
    cookie: &str,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    replayer()
        .post(app.url(path))
        .header("cookie", cookie)
        .form(form)
        .send()
        .await
        .unwrap()
}

/// Whether a copied cookie still opens the dashboard.
async fn cookie_is_signed_in(app: &TestApp, cookie: &str) -> bool {
    let response = get_with_cookie(app, cookie, "/dashboard").await;
    match response.status().as_u16() {
        200 => true,
        303 => {
            assert!(location(&response).starts_with("/login"));
            false
        }
        other => panic!("unexpected {other} for /dashboard"),
    }
}

async fn session_rows(app: &TestApp) -> Vec<(String, Option<uuid::Uuid>, String)> {
    app.db(|conn| {
        sessions::table
            .select((sessions::id_hash, sessions::user_id, sessions::state))
            .load::<(String, Option<uuid::Uuid>, String)>(conn)
            .unwrap()
    })
    .await
}

async fn sessions_of(app: &TestApp, user: uuid::Uuid) -> usize {
    session_rows(app)
        .await
        .iter()
        .filter(|(_, owner, _)| *owner == Some(user))
        .count()
}

async fn full_name(app: &TestApp, id: uuid::Uuid) -> String {
    app.db(move |conn| users::find(conn, id).unwrap().unwrap().full_name)
        .await
}

/// `root`, an admin, signed in on `app.client`.
async fn sign_in_admin(app: &TestApp) -> TestProvider {
    let admin = app.create_provider("root").await;
    let id = admin.id;
    app.db(move |conn| {
        use slotbook::db::schema::users;
        diesel::update(users::table.filter(users::id.eq(DbId(id))))
            .set(users::role.eq("admin"))
            .execute(conn)
            .unwrap();
    })
    .await;
    app.sign_in(&app.client, &admin.username, &admin.password)
        .await;
    admin
}

// ---- the session ends when it should ----

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

async fn a_session_ends_after_the_idle_timeout_and_requests_keep_it_alive(app: TestApp) {
    let backend = app.backend;
    drop(app);
    let Some(app) = spawn_app_with(backend, |s| {
        s.sessions.idle = TimeDelta::minutes(30);
        s.sessions.max_age = TimeDelta::days(1);
    })
    .await
    else {
        return;
    };
    app.create_provider("alice").await;
    let copy = sign_in_and_copy_cookie(&app, &app.client, "alice").await;
    for _ in 0..4 {
        app.clock.advance(TimeDelta::minutes(29));
        assert!(cookie_is_signed_in(&app, &copy).await, "seen in time");
    }
    app.clock.advance(TimeDelta::minutes(30));
    assert!(
        !cookie_is_signed_in(&app, &copy).await,
        "idle for 30 minutes"
    );
    assert!(session_rows(&app).await.is_empty(), "deleted when read");
}

async fn a_busy_session_ends_at_its_absolute_lifetime(app: TestApp) {
    let backend = app.backend;
    drop(app);
    let Some(app) = spawn_app_with(backend, |s| {
        s.sessions.idle = TimeDelta::hours(2);
        s.sessions.max_age = TimeDelta::days(1);
    })
    .await
    else {
        return;
    };
    app.create_provider("alice").await;
    let copy = sign_in_and_copy_cookie(&app, &app.client, "alice").await;
    for _ in 0..23 {
        app.clock.advance(TimeDelta::hours(1));
        assert!(cookie_is_signed_in(&app, &copy).await);
    }
    app.clock.advance(TimeDelta::minutes(59));
    assert!(
        cookie_is_signed_in(&app, &copy).await,
        "a minute short of a day"
    );
    app.clock.advance(TimeDelta::minutes(1));
    assert!(
        !cookie_is_signed_in(&app, &copy).await,
        "a day after sign-in"
    );
}

async fn expired_sessions_are_deleted_by_the_purge(app: TestApp) {
    let alice = app.create_provider("alice").await;
    sign_in_and_copy_cookie(&app, &app.client, "alice").await;
    sign_in_and_copy_cookie(&app, &app.new_client(), "alice").await;
    app.clock.advance(TimeDelta::days(6));
    let fresh = sign_in_and_copy_cookie(&app, &app.new_client(), "alice").await;
    assert_eq!(sessions_of(&app, alice.id).await, 3);

    // Seven days after the first two sign-ins (the default idle timeout).
    app.clock.advance(TimeDelta::days(1));
    let purged = slotbook::auth::session_store::purge_expired(&app.state)
        .await
        .unwrap();
    assert_eq!(purged, 2);
    assert_eq!(sessions_of(&app, alice.id).await, 1);
    assert!(cookie_is_signed_in(&app, &fresh).await);
}

async fn a_session_the_database_cannot_serve_answers_the_busy_page(app: TestApp) {
    app.create_provider("alice").await;
    let copy = sign_in_and_copy_cookie(&app, &app.client, "alice").await;
    app.db(|conn| {
        diesel::sql_query("DROP TABLE sessions")
            .execute(conn)
            .unwrap()
    })
    .await;
    for path in ["/dashboard", "/alice"] {
        let response = get_with_cookie(&app, &copy, path).await;
        assert_eq!(response.status(), 503, "{path}");
        assert_eq!(response.headers()["retry-after"], "2");
        assert!(response.text().await.unwrap().contains("We are busy"));
    }
    // Pages that need no session still answer.
    assert_eq!(
        replayer()
            .get(app.url("/alice"))
            .send()
            .await
            .unwrap()
            .status(),
        200
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

// ---- targeted lockout ----

async fn failed_sign_ins_from_other_addresses_do_not_lock_the_owner_out(app: TestApp) {
    let backend = app.backend;
    drop(app);
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

// ---- headers ----

fn cache_control(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get("cache-control")
        .map(|v| v.to_str().unwrap().to_owned())
}

async fn signed_in_and_private_pages_carry_no_store_and_public_pages_do_not(app: TestApp) {
    let alice = app.create_provider("alice").await;
    let visitor = app.new_client();
    for path in ["/", "/alice", "/login"] {
        let response = app.get_with(&visitor, path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(cache_control(&response), None, "anonymous {path}");
    }
    let signed_out = app.get_with(&visitor, "/dashboard").await;
    assert_eq!(signed_out.status(), 303);
    assert_eq!(cache_control(&signed_out).as_deref(), Some("no-store"));
    let link = app
        .get_with(&visitor, &format!("/b/{}", "ab".repeat(32)))
        .await;
    assert_eq!(
        cache_control(&link).as_deref(),
        Some("no-store"),
        "guest booking links, whatever they answer"
    );

    sign_in_admin(&app).await;
    for path in [
        "/dashboard",
        "/dashboard/bookings",
        "/dashboard/bookings.csv",
        "/dashboard/settings",
        "/admin/accounts",
        "/admin/mail",
        "/alice",
        "/",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            cache_control(&response).as_deref(),
            Some("no-store"),
            "signed in: {path}"
        );
    }
    // Static assets keep their long-lived caching, signed in or not.
    let page = app.get("/").await.text().await.unwrap();
    let css_at = page.find("/static/").expect("the layout links an asset");
    let css_end = css_at + page[css_at..].find('"').unwrap();
    let asset = app.get(&page[css_at..css_end]).await;
    assert_eq!(asset.status(), 200);
    assert!(cache_control(&asset).unwrap().contains("immutable"));

    // The calendar feed: calendar apps may keep it but must ask again.
    let id = alice.id;
    let token = app
        .db(move |conn| {
            slotbook::db::models::feeds::regenerate(conn, id, crate::helpers::test_now()).unwrap()
        })
        .await;
    let feed = app.get_with(&visitor, &format!("/feeds/{token}.ics")).await;
    assert_eq!(feed.status(), 200);
    assert_eq!(cache_control(&feed).as_deref(), Some("private, no-cache"));
}

async fn hsts_is_sent_only_when_the_base_url_is_https(app: TestApp) {
    let plain = app.get("/login").await;
    assert!(plain.headers().get("strict-transport-security").is_none());

    let Some(https) =
        spawn_app_with(app.backend, |s| s.base_url = "https://book.example".into()).await
    else {
        return;
    };
    for path in ["/", "/login", "/healthz", "/nowhere/at/all/x"] {
        let response = https.get(path).await;
        assert_eq!(
            response
                .headers()
                .get("strict-transport-security")
                .map(|v| v.to_str().unwrap()),
            Some("max-age=31536000; includeSubDomains"),
            "{path}"
        );
    }
}
