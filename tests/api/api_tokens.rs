//! Settings → API tokens over HTTP on both backends: made once and shown once, stored
//! hashed, listed with created and last used, revoked; admins see and revoke every one.

use diesel::prelude::*;
use slotbook::db::schema::{api_tokens, users};

use crate::api_helpers::assert_problem;
use crate::both_backends;
use crate::helpers::{hidden_field, location, TestApp};

both_backends!(
    a_token_is_shown_once_stored_hashed_used_and_revoked,
    bad_token_forms_rerender_with_messages_and_need_csrf,
    providers_revoke_only_their_own_tokens_and_admins_any,
);

const PAGE: &str = "/dashboard/settings/api-tokens";

/// Creates a token through the page as the signed-in `client`; returns it.
async fn create_token(app: &TestApp, client: &reqwest::Client, name: &str, scope: &str) -> String {
    let csrf = app.csrf_with(client, PAGE).await;
    let response = app
        .post_form_with(
            client,
            PAGE,
            &[("csrf_token", &csrf), ("name", name), ("scope", scope)],
        )
        .await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    hidden_field(&html, "token").expect("the new token is shown")
}

async fn me(app: &TestApp, token: &str) -> reqwest::Response {
    app.new_client()
        .get(app.url("/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

async fn a_token_is_shown_once_stored_hashed_used_and_revoked(app: TestApp) {
    app.sign_up_and_login("alice").await;
    let settings = app.get("/dashboard/settings").await.text().await.unwrap();
    assert!(settings.contains(PAGE), "settings link to the tokens page");
    let token = create_token(&app, &app.client, "My CRM", "write").await;
    assert!(token.starts_with("sbk_") && token.len() == 68, "{token}");

    let answer = me(&app, &token).await;
    assert_eq!(answer.status(), 200);
    let body: serde_json::Value = serde_json::from_str(&answer.text().await.unwrap()).unwrap();
    assert_eq!(body["username"], "alice");
    assert_eq!(body["token_scope"], "write");

    let page = app.get(PAGE).await.text().await.unwrap();
    assert!(page.contains("My CRM") && page.contains("read+write"));
    assert!(!page.contains(&token), "shown only once");
    assert!(!page.contains("Never"), "last use is recorded");
    assert!(page.contains("Europe/Berlin"), "times name their zone");

    let stored: Vec<String> = app
        .db(|conn| {
            api_tokens::table
                .select(api_tokens::token_hash)
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(stored, [slotbook::tokens::hash_token(&token)]);

    let id: uuid::Uuid = app
        .db(|conn| {
            api_tokens::table
                .select(api_tokens::id)
                .first(conn)
                .unwrap()
        })
        .await;
    let csrf = app.csrf_for(PAGE).await;
    let revoked = app
        .post_form(&format!("{PAGE}/{id}/revoke"), &[("csrf_token", &csrf)])
        .await;
    assert_eq!(revoked.status(), 303);
    assert_eq!(location(&revoked), PAGE);
    assert_problem(me(&app, &token).await, 401, "unauthorized").await;
    let page = app.get(PAGE).await.text().await.unwrap();
    assert!(page.contains("Revoked"));

    // A deactivated account's live tokens stop working with it.
    let other = create_token(&app, &app.client, "Zapier", "read").await;
    assert_eq!(me(&app, &other).await.status(), 200);
    app.db(|conn| {
        diesel::update(users::table.filter(users::username.eq("alice")))
            .set(users::is_active.eq(false))
            .execute(conn)
            .unwrap()
    })
    .await;
    assert_problem(me(&app, &other).await, 401, "unauthorized").await;
}

async fn bad_token_forms_rerender_with_messages_and_need_csrf(app: TestApp) {
    app.sign_up_and_login("alice").await;
    let csrf = app.csrf_for(PAGE).await;
    let response = app
        .post_form(
            PAGE,
            &[("csrf_token", &csrf), ("name", " "), ("scope", "admin")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("Give the token a name") && html.contains("Choose read or read+write"));
    let forged = app
        .post_form(PAGE, &[("name", "x"), ("scope", "read")])
        .await;
    assert_eq!(forged.status(), 403);
    let count: i64 = app
        .db(|conn| api_tokens::table.count().get_result(conn).unwrap())
        .await;
    assert_eq!(count, 0);
    let signed_out = app.new_client().get(app.url(PAGE)).send().await.unwrap();
    assert_eq!(signed_out.status(), 303);
}

async fn providers_revoke_only_their_own_tokens_and_admins_any(app: TestApp) {
    app.sign_up_and_login("alice").await;
    let alice_token = create_token(&app, &app.client, "Alice's", "read").await;
    let bob = app.create_provider("bob").await;
    let bob_client = app.new_client();
    app.sign_in(&bob_client, "bob", &bob.password).await;
    let bob_page = app.get_with(&bob_client, PAGE).await.text().await.unwrap();
    assert!(!bob_page.contains("Alice&#x27;s") && !bob_page.contains("Every account"));
    let alice_id: uuid::Uuid = app
        .db(|conn| {
            api_tokens::table
                .select(api_tokens::id)
                .first(conn)
                .unwrap()
        })
        .await;
    let csrf = app.csrf_with(&bob_client, PAGE).await;
    let refused = app
        .post_form_with(
            &bob_client,
            &format!("{PAGE}/{alice_id}/revoke"),
            &[("csrf_token", &csrf)],
        )
        .await;
    assert_eq!(refused.status(), 404);
    assert_eq!(me(&app, &alice_token).await.status(), 200);

    // Make bob an admin: he now sees and revokes every account's tokens.
    app.db(|conn| {
        diesel::update(users::table.filter(users::username.eq("bob")))
            .set(users::role.eq("admin"))
            .execute(conn)
            .unwrap()
    })
    .await;
    let admin_page = app.get_with(&bob_client, PAGE).await.text().await.unwrap();
    assert!(admin_page.contains("Every account") && admin_page.contains("alice"));
    let csrf = app.csrf_with(&bob_client, PAGE).await;
    let revoked = app
        .post_form_with(
            &bob_client,
            &format!("{PAGE}/{alice_id}/revoke"),
            &[("csrf_token", &csrf)],
        )
        .await;
    assert_eq!(revoked.status(), 303);
    assert_eq!(me(&app, &alice_token).await.status(), 401);
}
