//! Form errors in the page's language (issue 16): every message a form shows next to a
//! field comes from the message files, so a German, French or Spanish page re-renders its
//! invalid form without one English sentence; the API keeps its problem details in English.
//! The provider's ICS feed speaks the provider's language whatever the calendar app asks.

use diesel::prelude::*;
use serde_json::json;
use slotbook::db::schema::users;
use slotbook::domain::service::ConfirmationMode;
use slotbook::i18n::{Language, Text};

use crate::api_helpers::{api_post, arrange, assert_problem, booking_body};
use crate::booking::tuesday_ten;
use crate::both_backends;
use crate::experience::signed_in_alice;
use crate::helpers::{csrf_token, hidden_field, TestApp};
use crate::languages::{assert_complete, choose_language};

both_backends!(
    every_form_error_is_in_the_pages_language,
    the_api_keeps_its_field_errors_in_english,
    the_providers_feed_is_in_the_providers_language,
);

const LANGUAGES: [(&str, Language); 3] = [
    ("de-DE", Language::De),
    ("fr-FR", Language::Fr),
    ("es-ES", Language::Es),
];

/// A browser of its own that asks for `accept_language` on every request.
fn browser(accept_language: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::ACCEPT_LANGUAGE,
        accept_language.parse().unwrap(),
    );
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .default_headers(headers)
        .build()
        .unwrap()
}

async fn set_provider_language(app: &TestApp, tag: &'static str) {
    app.db(move |conn| {
        diesel::update(users::table.filter(users::username.eq("alice")))
            .set(users::language.eq(tag))
            .execute(conn)
            .unwrap();
    })
    .await;
}

/// The page's text as a reader sees it (the entities askama writes for quotes undone).
fn readable(html: &str) -> String {
    html.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Every English sentence of the form errors: the messages of the block in `en.ftl` that
/// take no arguments (those with arguments are checked through `expect`).
fn english_sentences() -> Vec<String> {
    let source = include_str!("../../templates/messages/en.ftl");
    let start = source
        .find("## lang (issue #16)")
        .expect("the form errors' block in en.ftl");
    let end = source.find("## End of the lang block").expect("its end");
    source[start..end]
        .lines()
        .filter_map(|line| line.split_once(" = "))
        .filter(|(id, text)| !id.starts_with(' ') && !text.contains('{'))
        .map(|(_, text)| text.to_owned())
        .filter(|text| text.ends_with('.'))
        .collect()
}

/// The invalid form's answer: 422, complete, each expected message in `language` and not in
/// English, and no English form error anywhere on the page.
async fn expect(what: &str, response: reqwest::Response, language: Language, messages: &[Text]) {
    assert_eq!(response.status(), 422, "{what}");
    let html = readable(&response.text().await.unwrap());
    assert_complete(what, &html);
    for message in messages {
        let translated = message.in_language(language);
        let english = message.in_language(Language::En);
        assert_ne!(translated, english, "{what}: {message:?} is not translated");
        assert!(
            html.contains(&translated),
            "{what}: no {translated:?} on the page:\n{html}"
        );
        assert!(
            !html.contains(&english),
            "{what}: English {english:?} on the page"
        );
    }
    for sentence in english_sentences() {
        assert!(
            !html.contains(&sentence),
            "{what}: English {sentence:?} on the page"
        );
    }
}

async fn every_form_error_is_in_the_pages_language(app: TestApp) {
    signed_in_alice(&app, |_| {}).await;
    let start = tuesday_ten().timestamp().to_string();
    for (accept, language) in LANGUAGES {
        let guest = browser(accept);

        // Sign-up: every field refused.
        let csrf = app.csrf_with(&guest, "/signup").await;
        let response = app
            .post_form_with(
                &guest,
                "/signup",
                &[
                    ("csrf_token", &csrf),
                    ("username", "ab!c"),
                    ("email", "not-an-address"),
                    ("full_name", ""),
                    ("password", "short"),
                    ("timezone", "Mars/Olympus_Mons"),
                ],
            )
            .await;
        expect(
            &format!("sign-up in {accept}"),
            response,
            language,
            &[
                Text::id("username-error-characters"),
                Text::id("email-error-invalid"),
                Text::id("guest-error-name-missing"),
                Text::id("password-error-short").count("min", 10),
                Text::id("form-error-timezone").arg("zone", "Mars/Olympus_Mons"),
            ],
        )
        .await;

        // The guest's booking form.
        let form = app
            .get_with(
                &guest,
                &format!("/alice/intro/book?start={start}&tz=Europe/Berlin"),
            )
            .await;
        assert_eq!(form.status(), 200);
        let html = form.text().await.unwrap();
        let (csrf, key) = (
            csrf_token(&html),
            hidden_field(&html, "idempotency_key").unwrap(),
        );
        let response = app
            .post_form_with(
                &guest,
                "/alice/intro/book",
                &[
                    ("csrf_token", &csrf),
                    ("start", &start),
                    ("tz", "Europe/Berlin"),
                    ("idempotency_key", &key),
                    ("name", ""),
                    ("email", "grace@"),
                    ("phone", "call me"),
                ],
            )
            .await;
        expect(
            &format!("booking form in {accept}"),
            response,
            language,
            &[
                Text::id("guest-error-name-missing"),
                Text::id("guest-error-email-invalid"),
                Text::id("guest-error-phone"),
            ],
        )
        .await;
    }

    // The provider's forms follow the provider's language.
    for (tag, language) in [
        ("de", Language::De),
        ("fr", Language::Fr),
        ("es", Language::Es),
    ] {
        assert_eq!(choose_language(&app, tag).await.status(), 303, "{tag}");
        let csrf = app.csrf_for("/dashboard/services/new").await;
        let response = app
            .post_form(
                "/dashboard/services",
                &[
                    ("csrf_token", &csrf),
                    ("name", "Chat"),
                    ("slug", "bookings"),
                    ("duration_minutes", "3"),
                    ("max_days_ahead", "abc"),
                    ("hold_minutes", ""),
                    ("price", "cheap"),
                    ("confirmation_mode", "instant"),
                ],
            )
            .await;
        expect(
            &format!("service form in {tag}"),
            response,
            language,
            &[
                Text::id("service-error-slug-reserved").arg("slug", "bookings"),
                Text::id("form-error-number-range")
                    .words("what", "field-duration")
                    .count("min", 5)
                    .count("max", 720),
                Text::id("form-error-number-whole").words("what", "field-booking-window"),
                Text::id("service-error-price"),
            ],
        )
        .await;
        let response = app
            .post_form(
                "/dashboard/services",
                &[
                    ("csrf_token", &csrf),
                    ("name", ""),
                    ("duration_minutes", ""),
                    ("max_days_ahead", "30"),
                    ("confirmation_mode", "instant"),
                ],
            )
            .await;
        expect(
            &format!("empty service form in {tag}"),
            response,
            language,
            &[
                Text::id("service-error-name-missing"),
                Text::id("form-error-number-missing").words("what", "field-duration.lower"),
            ],
        )
        .await;

        let csrf = app.csrf_for("/dashboard/availability").await;
        let response = app
            .post_form(
                "/dashboard/availability/rules",
                &[("csrf_token", &csrf), ("start", "nine"), ("end", "25:00")],
            )
            .await;
        expect(
            &format!("hours in {tag}"),
            response,
            language,
            &[
                Text::id("hours-error-days"),
                Text::id("hours-error-start-unreadable"),
                Text::id("hours-error-end-unreadable").arg("midnight", "24:00"),
            ],
        )
        .await;
        let response = app
            .post_form(
                "/dashboard/availability/rules",
                &[
                    ("csrf_token", &csrf),
                    ("days", "1"),
                    ("start", "17:00"),
                    ("end", "09:00"),
                ],
            )
            .await;
        let html = response.text().await.unwrap();
        let backwards = Text::id("hours-error-backwards-on-day")
            .arg("interval", "17:00–09:00")
            .arg("day", "")
            .in_language(language);
        // The weekday's own name comes first; the rest of the sentence follows it.
        let (_, after_day) = backwards.split_once(": ").unwrap();
        assert!(readable(&html).contains(after_day), "hours order in {tag}");

        let csrf = app.csrf_for("/dashboard/time-off").await;
        let response = app
            .post_form(
                "/dashboard/time-off",
                &[
                    ("csrf_token", &csrf),
                    ("start_date", ""),
                    ("end_date", "2030-13-01"),
                    ("start_time", "noon"),
                ],
            )
            .await;
        expect(
            &format!("time off in {tag}"),
            response,
            language,
            &[
                Text::id("timeoff-error-first-day"),
                Text::id("form-error-date"),
                Text::id("timeoff-error-time"),
            ],
        )
        .await;
    }
}

async fn the_api_keeps_its_field_errors_in_english(app: TestApp) {
    let (provider, token) = arrange(&app, ConfirmationMode::Instant).await;
    set_provider_language(&app, "de").await;
    let mut body = booking_body(provider.service_id, tuesday_ten());
    body["guest"]["email"] = json!("not-an-address");
    let response = app
        .new_client()
        .post(app.url("/api/v1/bookings"))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .header("accept-language", "de-DE")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    let problem = assert_problem(response, 422, "validation").await;
    assert_eq!(problem["errors"][0]["field"], "/guest/email");
    assert_eq!(
        problem["errors"][0]["detail"],
        "Enter a valid email address, like name@example.com."
    );
    // The same request without a language header answers the same.
    let response = api_post(&app, &token, "/api/v1/bookings", &body, None).await;
    let problem = assert_problem(response, 422, "validation").await;
    assert_eq!(
        problem["errors"][0]["detail"],
        "Enter a valid email address, like name@example.com."
    );
}

async fn the_providers_feed_is_in_the_providers_language(app: TestApp) {
    signed_in_alice(&app, |_| {}).await;
    crate::booking::book(&app, tuesday_ten(), crate::booking::GUEST).await;
    set_provider_language(&app, "de").await;
    let csrf = app.csrf_for("/dashboard/bookings").await;
    app.post_form("/dashboard/feed", &[("csrf_token", &csrf)])
        .await;
    let page = app.get("/dashboard/bookings").await.text().await.unwrap();
    let start = page.find("/feeds/").expect("the new feed address");
    let feed = page[start..start + "/feeds/".len() + 64 + 4].to_owned();
    for asked in ["en-US", "fr-FR", ""] {
        let mut request = app.new_client().get(app.url(&feed));
        if !asked.is_empty() {
            request = request.header("accept-language", asked);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 200);
        let ics = response.text().await.unwrap();
        assert!(ics.contains("BEGIN:VEVENT"), "{ics}");
        // The status in the event's description, in German.
        assert!(
            ics.contains("(bestätigt)"),
            "asked {asked:?}, the feed is not German:\n{ics}"
        );
        assert!(!ics.contains("(confirmed)"), "asked {asked:?}:\n{ics}");
    }
}
