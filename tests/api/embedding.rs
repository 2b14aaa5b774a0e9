//! Embedding and branding: the settings form validates origins, colour contrast and logo
//! text (422 with field messages); `?embed=1` pages drop the navigation, keep the
//! parameter through the whole booking flow and may be framed only by the provider's
//! origins; every other answer keeps `frame-ancestors 'none'`.

use slotbook::db::models::provider_looks;
use slotbook::domain::look::Look;
use slotbook::domain::service::ConfirmationMode;

use crate::booking::{arrange_provider, tuesday_ten};
use crate::both_backends;
use crate::helpers::{csrf_token, hidden_field, location, test_now, TestApp};

both_backends!(
    settings_validate_origins_contrast_and_logo_text,
    embedded_flow_keeps_embed_and_is_framed_only_by_listed_origins,
    a_guest_books_through_an_iframe_on_a_listed_site_and_an_unlisted_site_gets_no_frame,
);

const HOST_ORIGIN: &str = "http://127.0.0.1:45123";

fn header(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_owned())
}

async fn settings_validate_origins_contrast_and_logo_text(app: TestApp) {
    app.sign_up_and_login("bobby").await;
    let page = app.get("/dashboard/embedding").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("until then browsers refuse"),
        "no origins yet"
    );
    assert!(
        html.contains("/bobby?embed=1"),
        "the snippet points at the embed page"
    );
    let csrf = csrf_token(&html);

    let long_logo = "L".repeat(41);
    let bad = app
        .post_form(
            "/dashboard/embedding",
            &[
                ("csrf_token", &csrf),
                ("origins", "http://example.com\nhttps://ok.example"),
                ("accent", "#a0a7b6"),
                ("logo_text", &long_logo),
            ],
        )
        .await;
    assert_eq!(bad.status(), 422);
    let html = bad.text().await.unwrap();
    assert!(html.contains("only https websites may embed"), "{html}");
    assert!(html.contains("contrast of 2.41:1"), "{html}");
    assert!(html.contains("40 characters or fewer"), "{html}");
    let provider = app
        .db(|c| {
            let id = slotbook::db::models::users::find_by_username(c, "bobby")
                .unwrap()
                .unwrap()
                .id;
            provider_looks::find(c, id).unwrap()
        })
        .await;
    assert_eq!(provider, Look::default(), "nothing saved on a 422");

    let malformed = app
        .post_form(
            "/dashboard/embedding",
            &[
                ("csrf_token", &csrf),
                ("origins", "https://ok.example/path"),
                ("accent", "blue"),
                ("logo_text", ""),
            ],
        )
        .await;
    assert_eq!(malformed.status(), 422);
    let html = malformed.text().await.unwrap();
    assert!(html.contains("is not a website origin"), "{html}");
    assert!(html.contains("six hex digits"), "{html}");

    let missing_csrf = app
        .post_form("/dashboard/embedding", &[("origins", "https://ok.example")])
        .await;
    assert!(missing_csrf.status().is_client_error());

    let saved = app
        .post_form(
            "/dashboard/embedding",
            &[
                ("csrf_token", &csrf),
                ("origins", "HTTPS://Shop.Example/\nhttp://localhost:8080"),
                ("accent", "#1A4D2E"),
                ("logo_text", "Bobby's <Studio>"),
            ],
        )
        .await;
    assert_eq!(saved.status(), 303);
    let html = app.get("/dashboard/embedding").await.text().await.unwrap();
    assert!(
        html.contains("https://shop.example\nhttp://localhost:8080"),
        "{html}"
    );
    assert!(html.contains("#1a4d2e"));

    // Branding on the public page: the logo text (escaped) and the accent stylesheet.
    let public = app.new_client();
    let page = public
        .get(format!("{}/bobby", app.address))
        .send()
        .await
        .unwrap();
    let csp = header(&page, "content-security-policy").unwrap();
    assert!(
        csp.contains("frame-ancestors 'none'"),
        "not embedded: {csp}"
    );
    let html = page.text().await.unwrap();
    assert!(
        html.contains("Bobby&#39;s &#60;Studio&#62;"),
        "escaped: {html}"
    );
    assert!(html.contains("/b/brand/bobby?v=1a4d2e"), "{html}");
    let css = public
        .get(format!("{}/b/brand/bobby", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(css.status(), 200);
    assert!(header(&css, "content-type")
        .unwrap()
        .starts_with("text/css"));
    assert!(css.text().await.unwrap().contains("--accent: #1a4d2e"));
}

async fn embedded_flow_keeps_embed_and_is_framed_only_by_listed_origins(app: TestApp) {
    let alice = arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    let look = Look {
        origins: vec![HOST_ORIGIN.to_owned()],
        accent: None,
        logo_text: None,
    };
    app.db(move |c| provider_looks::save(c, alice.id, &look, test_now()).unwrap())
        .await;
    let other = app.create_provider("carol").await;

    // Not embedded: the default policy, even for a provider with origins.
    let plain = app.get("/alice").await;
    assert_eq!(header(&plain, "x-frame-options").as_deref(), Some("DENY"));
    assert!(header(&plain, "content-security-policy")
        .unwrap()
        .contains("frame-ancestors 'none'"));
    assert!(plain.text().await.unwrap().contains("site-header"));

    // A provider without origins: embed=1 changes the layout, never the frame policy.
    let refused = app.get(&format!("/{}?embed=1", other.username)).await;
    assert_eq!(refused.status(), 200);
    assert_eq!(header(&refused, "x-frame-options").as_deref(), Some("DENY"));
    assert!(header(&refused, "content-security-policy")
        .unwrap()
        .contains("frame-ancestors 'none'"));

    let framed = |response: &reqwest::Response| {
        let csp = header(response, "content-security-policy").unwrap();
        assert!(
            csp.contains(&format!("frame-ancestors {HOST_ORIGIN};")),
            "{csp}"
        );
        assert!(!csp.contains("frame-ancestors 'none'"));
        assert_eq!(header(response, "x-frame-options"), None);
    };

    let provider_page = app.get("/alice?embed=1").await;
    framed(&provider_page);
    let html = provider_page.text().await.unwrap();
    assert!(!html.contains("site-header"), "no navigation chrome");
    assert!(html.contains("href=\"/alice/intro?embed=1\""), "{html}");

    let start = tuesday_ten().timestamp();
    let month = app
        .get("/alice/intro?embed=1&tz=Europe/Berlin&month=2030-01&date=2030-01-08")
        .await;
    framed(&month);
    let html = month.text().await.unwrap();
    assert!(!html.contains("site-header"));
    assert!(
        html.contains("name=\"embed\" value=\"1\""),
        "the zone form keeps it"
    );
    let slot = format!("/alice/intro/book?start={start}&#38;tz=Europe%2FBerlin&#38;embed=1");
    assert!(html.contains(&slot), "slot links keep embed=1: {html}");

    let form = app
        .get(&format!(
            "/alice/intro/book?start={start}&tz=Europe/Berlin&embed=1"
        ))
        .await;
    assert_eq!(form.status(), 200);
    framed(&form);
    let html = form.text().await.unwrap();
    assert!(
        html.contains("action=\"/alice/intro/book?embed=1\""),
        "{html}"
    );
    let key = hidden_field(&html, "idempotency_key").unwrap();
    let csrf = csrf_token(&html);
    let start_text = start.to_string();
    let base = [
        ("csrf_token", csrf.as_str()),
        ("start", start_text.as_str()),
        ("tz", "Europe/Berlin"),
        ("idempotency_key", key.as_str()),
    ];

    // A field error re-renders inside the frame, still embedded and allowed.
    let mut invalid = base.to_vec();
    invalid.extend([("name", "Grace"), ("email", "not-an-address")]);
    let rerender = app.post_form("/alice/intro/book?embed=1", &invalid).await;
    assert_eq!(rerender.status(), 422);
    framed(&rerender);
    assert!(rerender
        .text()
        .await
        .unwrap()
        .contains("action=\"/alice/intro/book?embed=1\""));

    let mut valid = base.to_vec();
    valid.extend([("name", "Grace Guest"), ("email", "grace@example.com")]);
    let booked = app.post_form("/alice/intro/book?embed=1", &valid).await;
    assert_eq!(booked.status(), 303);
    let to = location(&booked);
    assert_eq!(to, format!("/b/booked/{key}?embed=1"));
    let confirmation = app.get(&to).await;
    assert_eq!(confirmation.status(), 200);
    framed(&confirmation);
    let html = confirmation.text().await.unwrap();
    assert!(!html.contains("site-header"));
    assert!(html.contains("booked") || html.contains("Booked"));

    // The same confirmation outside the frame keeps the default policy.
    let direct = app.get(&format!("/b/booked/{key}")).await;
    assert_eq!(header(&direct, "x-frame-options").as_deref(), Some("DENY"));
}

/// A provider's own website in a real browser: a second loopback origin (on the provider's
/// list) frames the service page and the guest books inside the frame; a third origin (not
/// on the list) frames the same page and the browser refuses to show it.
async fn a_guest_books_through_an_iframe_on_a_listed_site_and_an_unlisted_site_gets_no_frame(
    app: TestApp,
) {
    use crate::browser::{click, type_into, wait_for, Chromedriver, Javascript};
    use fantoccini::Locator;

    let Some(driver) = Chromedriver::start().await else {
        return;
    };
    let alice = arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    let framed = format!(
        "{}/alice/intro?embed=1&tz=Europe/Berlin&month=2030-01&date=2030-01-08",
        app.address
    );
    let listed = HostSite::serve(&framed).await;
    let unlisted = HostSite::serve(&framed).await;
    let look = Look {
        origins: vec![listed.origin.clone()],
        accent: None,
        logo_text: None,
    };
    app.db(move |c| provider_looks::save(c, alice.id, &look, test_now()).unwrap())
        .await;
    let browser = driver.session(Javascript::Off).await;

    browser.goto(&listed.origin).await.expect("host page opens");
    wait_for(&browser, Locator::Css("iframe"))
        .await
        .enter_frame()
        .await
        .expect("into the frame");
    click(&browser, Locator::LinkText("10:00")).await;
    type_into(&browser, "name", "Grace Guest").await;
    type_into(&browser, "email", "grace@example.com").await;
    click(
        &browser,
        Locator::XPath("//button[normalize-space()='Book this time']"),
    )
    .await;
    wait_for(
        &browser,
        Locator::XPath("//h1[normalize-space()=\"You're booked\"]"),
    )
    .await;
    browser
        .enter_parent_frame()
        .await
        .expect("back to the host");
    let top = browser.current_url().await.unwrap();
    assert_eq!(
        top.as_str().trim_end_matches('/'),
        listed.origin,
        "the guest never left the provider's site"
    );
    let booked = app
        .db(|c| {
            use diesel::prelude::*;
            slotbook::db::schema::bookings::table
                .count()
                .get_result::<i64>(c)
                .unwrap()
        })
        .await;
    assert_eq!(booked, 1, "the booking made in the frame exists");

    // The same page framed by a site the provider did not list: the browser refuses the
    // frame (frame-ancestors), so the frame holds no Slotbook page at all.
    browser
        .goto(&unlisted.origin)
        .await
        .expect("host page opens");
    wait_for(&browser, Locator::Css("iframe"))
        .await
        .enter_frame()
        .await
        .expect("into the frame");
    let inside = browser
        .find_all(Locator::XPath(
            "//*[@id='main' or contains(., 'Intro call')]",
        ))
        .await
        .expect("the frame can be searched");
    assert!(
        inside.is_empty(),
        "an unlisted origin must not show the page; the frame holds:\n{}",
        browser.source().await.unwrap_or_default()
    );
    browser.close().await.expect("browser session ends");
}

/// A provider's website on a loopback origin of its own: every request gets a page that
/// frames `framed`.
struct HostSite {
    origin: String,
    task: tokio::task::JoinHandle<()>,
}

impl HostSite {
    async fn serve(framed: &str) -> HostSite {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};

        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let origin = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
        let page = format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Alice's practice</title></head>\
             <body><main><h1>Alice's practice</h1><iframe src=\"{}\" title=\"Book an appointment\" width=\"800\" height=\"900\"></iframe></main></body></html>",
            framed.replace('&', "&amp;")
        );
        let task = tokio::spawn(async move {
            while let Ok((mut stream, _)) = listener.accept().await {
                let mut request = Vec::new();
                let mut buffer = [0u8; 1024];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buffer).await {
                        Ok(0) | Err(_) => break,
                        Ok(n) => request.extend_from_slice(&buffer[..n]),
                    }
                }
                let response = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{page}",
                    page.len()
                );
                let _ = stream.write_all(response.as_bytes()).await;
                let _ = stream.shutdown().await;
            }
        });
        HostSite { origin, task }
    }
}

impl Drop for HostSite {
    fn drop(&mut self) {
        self.task.abort();
    }
}
