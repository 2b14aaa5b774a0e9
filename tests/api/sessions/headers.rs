//! `Cache-Control: no-store` where pages are private, nothing on public pages, and HSTS
//! over https.

use super::*;
use crate::both_backends;
use crate::helpers::{spawn_app_with, TestApp};

both_backends!(
    signed_in_and_private_pages_carry_no_store_and_public_pages_do_not,
    hsts_is_sent_only_when_the_base_url_is_https,
);

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
