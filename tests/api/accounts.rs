//! Provider accounts over real HTTP, on both backends: sign-up with email verification,
//! sign-in and sign-out, password reset and change, settings, CSRF, rate limits and the
//! session cookie. The tests live in the submodules; what they share is here.

mod settings;
mod sign_in;
mod sign_up;

use chrono::Duration;
use slotbook::cli::{create_admin_from_cli, AdminFields};
use slotbook::db::models::users::{self, User};

use crate::both_backends;
use crate::helpers::{
    csrf_token, hidden_field, link_path, location, spawn_app_with, test_now, TestApp, TEST_PASSWORD,
};

/// A complete, valid sign-up form for `username`.
fn signup_form(username: &str) -> Vec<(&'static str, String)> {
    vec![
        ("full_name", format!("{username} Example")),
        ("username", username.to_owned()),
        ("email", format!("{username}@example.com")),
        ("password", "tulips in the rain".to_owned()),
        ("timezone", "Europe/Berlin".to_owned()),
    ]
}

/// Opens `/signup` with `client` and submits `fields`.
async fn sign_up(
    app: &TestApp,
    client: &reqwest::Client,
    fields: &[(&'static str, String)],
) -> reqwest::Response {
    let token = app.csrf_with(client, "/signup").await;
    let mut form: Vec<(&str, &str)> = vec![("csrf_token", &token)];
    form.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
    app.post_form_with(client, "/signup", &form).await
}

async fn user(app: &TestApp, username: &str) -> User {
    let username = username.to_owned();
    app.db(move |conn| {
        users::find_by_username(conn, &username)
            .unwrap()
            .expect("user exists")
    })
    .await
}

async fn user_count(app: &TestApp) -> usize {
    use diesel::prelude::*;
    use slotbook::db::schema::users;
    app.db(|conn| users::table.count().get_result::<i64>(conn).unwrap() as usize)
        .await
}

/// Submits a form found on `page` (its CSRF token included) with `client`.
async fn submit(
    app: &TestApp,
    client: &reqwest::Client,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let token = app.csrf_with(client, page).await;
    let mut form = vec![("csrf_token", token.as_str())];
    form.extend_from_slice(fields);
    app.post_form_with(client, action, &form).await
}
