//! Server-side sessions, the sign-in lockout that cannot be turned against the owner, and
//! the caching and transport headers, over real HTTP on both backends. The tests live in
//! the submodules; what they share is here.
//!
//! A "copied cookie" is the `slotbook_session=…` pair a browser held, replayed later by a
//! client with no cookie jar of its own: what an attacker who read it would do.

mod ending;
mod headers;
mod lifetime;
mod lockout;

use diesel::prelude::*;
use slotbook::db::models::users;
use slotbook::db::schema::sessions;
use slotbook::db::types::DbId;

use crate::helpers::{location, TestApp, TestProvider, TEST_PASSWORD};

/// The `slotbook_session=…` pair a response sets, if any.
pub(super) fn set_cookie(response: &reqwest::Response) -> Option<String> {
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
pub(super) async fn sign_in_and_copy_cookie(
    app: &TestApp,
    client: &reqwest::Client,
    login: &str,
) -> String {
    let response = app.try_sign_in(client, login, TEST_PASSWORD).await;
    assert_eq!(response.status(), 303, "sign-in as {login}");
    set_cookie(&response).expect("sign-in sets the session cookie")
}

/// A client without a cookie jar: it sends exactly the cookie it is given.
pub(super) fn replayer() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

pub(super) async fn get_with_cookie(app: &TestApp, cookie: &str, path: &str) -> reqwest::Response {
    let response = replayer()
        .get(app.url(path))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    crate::checkers::record(response).await
}

pub(super) async fn post_with_cookie(
    app: &TestApp,
    cookie: &str,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    let response = replayer()
        .post(app.url(path))
        .header("cookie", cookie)
        .form(form)
        .send()
        .await
        .unwrap();
    crate::checkers::record(response).await
}

/// Whether a copied cookie still opens the dashboard.
pub(super) async fn cookie_is_signed_in(app: &TestApp, cookie: &str) -> bool {
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

pub(super) async fn session_rows(app: &TestApp) -> Vec<(String, Option<uuid::Uuid>, String)> {
    app.db(|conn| {
        sessions::table
            .select((sessions::id_hash, sessions::user_id, sessions::state))
            .load::<(String, Option<uuid::Uuid>, String)>(conn)
            .unwrap()
    })
    .await
}

pub(super) async fn sessions_of(app: &TestApp, user: uuid::Uuid) -> usize {
    session_rows(app)
        .await
        .iter()
        .filter(|(_, owner, _)| *owner == Some(user))
        .count()
}

pub(super) async fn full_name(app: &TestApp, id: uuid::Uuid) -> String {
    app.db(move |conn| users::find(conn, id).unwrap().unwrap().full_name)
        .await
}

/// `root`, an admin, signed in on `app.client`.
pub(super) async fn sign_in_admin(app: &TestApp) -> TestProvider {
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
