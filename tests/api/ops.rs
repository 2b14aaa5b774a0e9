//! Health, readiness, static files, error pages and security headers.

use crate::both_backends;
use crate::helpers::TestApp;

both_backends!(
    health_and_readiness_answer_when_the_database_is_up,
    landing_page_is_html_with_security_headers,
    unknown_pages_get_a_friendly_404,
    static_files_are_served_under_hashed_names_with_long_cache,
    migrations_reapply_as_a_no_op,
);

async fn health_and_readiness_answer_when_the_database_is_up(app: TestApp) {
    let health = app.get("/healthz").await;
    assert_eq!(health.status(), 200);
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), 200);
    assert_eq!(ready.text().await.unwrap(), "ready");
}

async fn landing_page_is_html_with_security_headers(app: TestApp) {
    let response = app.get("/").await;
    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert!(headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert!(headers.contains_key("referrer-policy"));
    let body = response.text().await.unwrap();
    assert!(body.contains("<main id=\"main\""));
}

async fn unknown_pages_get_a_friendly_404(app: TestApp) {
    let response = app.get("/no/such/page/here").await;
    assert_eq!(response.status(), 404);
    let body = response.text().await.unwrap();
    assert!(body.contains("Page not found"), "{body}");
    assert!(body.contains("<html"));
}

async fn static_files_are_served_under_hashed_names_with_long_cache(app: TestApp) {
    let home = app.get("/").await.text().await.unwrap();
    let start = home.find("/static/css/app.").expect("stylesheet link");
    let end = start + home[start..].find('"').unwrap();
    let css_url = &home[start..end];
    let css = app.get(css_url).await;
    assert_eq!(css.status(), 200);
    assert!(css.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("immutable"));
    assert!(css.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/css"));
    assert_eq!(app.get("/static/css/app.css").await.status(), 404);
}

async fn migrations_reapply_as_a_no_op(app: TestApp) {
    let (applied, current) = app
        .db(|conn| {
            let applied = slotbook::db::run_migrations(conn).unwrap();
            (applied, slotbook::db::migrations_current(conn).unwrap())
        })
        .await;
    assert_eq!(applied, 0);
    assert!(current);
}
