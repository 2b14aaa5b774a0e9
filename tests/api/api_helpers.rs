//! What the API tests share: tokens, requests with a bearer token, and problem checks.

use chrono::Utc;
use serde_json::{json, Value};
use slotbook::db::models::api_tokens;
use slotbook::domain::api::Scope;
use slotbook::domain::service::ConfirmationMode;
use uuid::Uuid;

use crate::booking::{arrange_provider, Provider};
use crate::helpers::{test_now, TestApp};

/// A token for `user_id`, made straight in the database.
pub async fn token_for(app: &TestApp, user_id: Uuid, scope: Scope) -> String {
    app.db(move |conn| {
        api_tokens::create(conn, user_id, "test", scope, test_now())
            .unwrap()
            .1
    })
    .await
}

/// `alice` with `/alice/intro` in `mode` and a read+write token.
pub async fn arrange(app: &TestApp, mode: ConfirmationMode) -> (Provider, String) {
    let provider = arrange_provider(app, mode, |_| {}).await;
    let token = token_for(app, provider.id, Scope::Write).await;
    (provider, token)
}

pub async fn api_get(app: &TestApp, token: &str, path: &str) -> reqwest::Response {
    app.new_client()
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

pub async fn api_post(
    app: &TestApp,
    token: &str,
    path: &str,
    body: &Value,
    key: Option<&str>,
) -> reqwest::Response {
    let mut request = app
        .new_client()
        .post(app.url(path))
        .bearer_auth(token)
        .header("content-type", "application/json")
        .body(body.to_string());
    if let Some(key) = key {
        request = request.header("idempotency-key", key);
    }
    request.send().await.unwrap()
}

pub async fn json_of(response: reqwest::Response) -> Value {
    let text = response.text().await.unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// Asserts a problem answer: status, content type and the type's name.
pub async fn assert_problem(response: reqwest::Response, status: u16, kind: &str) -> Value {
    assert_eq!(response.status(), status);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let body = json_of(response).await;
    assert_eq!(body["type"], format!("/api/v1/problems/{kind}"), "{body:#}");
    assert_eq!(body["status"], status);
    body
}

pub fn booking_body(service: Uuid, start: chrono::DateTime<Utc>) -> Value {
    json!({
        "service_id": service,
        "start": start.to_rfc3339(),
        "guest": {"name": "Grace Guest", "email": "grace@example.com", "timezone": "America/New_York"},
    })
}
