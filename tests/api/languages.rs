//! Languages and locale formats (issue 16): every page and mail in English, German,
//! French and Spanish with no missing message, dates in each locale's own format, the
//! order in which a guest's language is chosen, and the language stored on a booking
//! driving every later mail to the guest.

use diesel::prelude::*;
use slotbook::db::schema::{bookings, users};
use slotbook::domain::service::ConfirmationMode;

use crate::booking::{arrange_provider, tuesday_ten, GUEST};
use crate::both_backends;
use crate::experience::signed_in_alice;
use crate::helpers::{csrf_token, hidden_field, location, outbox, TestApp};

both_backends!(
    every_guest_page_and_mail_is_complete_in_each_language,
    us_english_reads_a_12_hour_clock_and_german_a_24_hour_one,
    the_language_is_the_query_then_the_switcher_choice_then_the_browser_then_the_provider,
    a_booking_made_in_german_sends_german_mails_to_the_guest_and_the_providers_to_the_provider,
    a_provider_reads_every_page_in_the_language_chosen_in_settings,
    the_calendar_pages_and_their_errors_are_in_the_providers_language,
);

/// What a page or mail must never contain: the mark of a missing message.
const MISSING: char = '⟦';

async fn get_in(app: &TestApp, path: &str, accept_language: &str) -> (u16, String) {
    let response = app
        .client
        .get(app.url(path))
        .header("accept-language", accept_language)
        .send()
        .await
        .unwrap();
    let response = crate::checkers::record(response).await;
    (response.status().as_u16(), response.text().await.unwrap())
}

pub(crate) fn assert_complete(what: &str, text: &str) {
    assert!(
        !text.contains(MISSING),
        "{what} has a missing message: {}",
        &text[text.find(MISSING).unwrap().saturating_sub(80)..]
            .chars()
            .take(200)
            .collect::<String>()
    );
}

pub(crate) fn html_lang(html: &str) -> &str {
    let at = html.find("<html lang=\"").expect("an <html lang>") + "<html lang=\"".len();
    &html[at..at + html[at..].find('"').unwrap()]
}

/// Books Tuesday 10:00 (Berlin) through the form, asking in `accept_language`.
async fn book_in(app: &TestApp, accept_language: &str) -> reqwest::Response {
    let start = tuesday_ten().timestamp().to_string();
    let (status, html) = get_in(
        app,
        &format!("/alice/intro/book?start={start}&tz=Europe/Berlin"),
        accept_language,
    )
    .await;
    assert_eq!(status, 200);
    let key = hidden_field(&html, "idempotency_key").unwrap();
    let csrf = csrf_token(&html);
    let mut form = vec![
        ("csrf_token", csrf.as_str()),
        ("start", start.as_str()),
        ("tz", "Europe/Berlin"),
        ("idempotency_key", key.as_str()),
    ];
    form.extend_from_slice(GUEST);
    let body = form
        .iter()
        .map(|(k, v)| format!("{}={}", urlencoding::encode(k), urlencoding::encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let response = app
        .client
        .post(app.url("/alice/intro/book"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept-language", accept_language)
        .body(body)
        .send()
        .await
        .unwrap();
    crate::checkers::record(response).await
}

/// The `/b/…` path of the link after `label` in the newest mail to `to`.
async fn link_after(app: &TestApp, to: &str, label: &str) -> String {
    let mails = outbox(app).await;
    let (_, _, text) = mails
        .iter()
        .rev()
        .find(|(recipient, _, text)| recipient == to && text.contains(label))
        .unwrap_or_else(|| panic!("no mail to {to} with {label:?}: {mails:#?}"));
    let after = &text[text.find(label).unwrap()..];
    let url = &after[after.find("http").unwrap()..];
    let url = url.split_whitespace().next().unwrap();
    format!("/b/{}", url.rsplit("/b/").next().unwrap())
}

async fn set_provider_language(app: &TestApp, tag: &'static str) {
    app.db(move |conn| {
        diesel::update(users::table)
            .set(users::language.eq(tag))
            .execute(conn)
            .unwrap()
    })
    .await;
}

async fn every_guest_page_and_mail_is_complete_in_each_language(app: TestApp) {
    arrange_provider(&app, ConfirmationMode::Email, |_| {}).await;
    for (accept, lang, confirm_label) in [
        ("en-US", "en-US", "Confirm your booking:"),
        ("de-DE", "de", "Buchung bestätigen:"),
        ("fr-FR", "fr", "Confirmer votre réservation:"),
        ("es-ES", "es", "Confirmar su reserva:"),
    ] {
        let start = tuesday_ten().timestamp();
        for path in [
            "/".to_owned(),
            "/login".to_owned(),
            "/alice".to_owned(),
            "/alice/intro?tz=Europe/Berlin&month=2030-01".to_owned(),
            "/alice/intro?tz=Nowhere/Else".to_owned(),
            "/alice/intro/timezones?tz=Europe/Berlin".to_owned(),
            "/alice/intro/find?tz=Europe/Berlin&days=tue&part=morning".to_owned(),
            format!("/alice/intro/book?start={start}&tz=Europe/Berlin"),
            "/no-such-page/at-all/here".to_owned(),
        ] {
            let (_, html) = get_in(&app, &path, accept).await;
            assert_complete(&format!("{path} in {accept}"), &html);
            assert_eq!(html_lang(&html), lang, "{path} in {accept}");
        }
        // Book, look at the page after booking and at the confirm link's page.
        let booked = book_in(&app, accept).await;
        assert_eq!(booked.status(), 303, "{accept}");
        let (_, html) = get_in(&app, &location(&booked), accept).await;
        assert_complete(&format!("the page after booking in {accept}"), &html);
        let confirm = link_after(&app, "grace@example.com", confirm_label).await;
        // No Accept-Language: the page follows the language the guest booked in.
        let page = app.get(&confirm).await.text().await.unwrap();
        assert_complete(&format!("the confirm link's page in {accept}"), &page);
        assert_eq!(html_lang(&page), lang);
        let csrf = csrf_token(&page);
        let done = app.post_form(&confirm, &[("csrf_token", &csrf)]).await;
        assert_complete("the confirmed page", &done.text().await.unwrap());
        // Cancel it again, so the next language can book the same time.
        app.db(|conn| {
            diesel::update(bookings::table)
                .set(bookings::status.eq("cancelled"))
                .execute(conn)
                .unwrap()
        })
        .await;
    }
    for mail in app.delivered_mail().await {
        assert_complete(&format!("mail {:?}", mail.subject), &mail.subject);
        assert_complete(&format!("mail {:?}", mail.subject), &mail.text);
        assert_complete(&format!("mail {:?}", mail.subject), &mail.html);
    }
    let subjects: Vec<String> = outbox(&app).await.into_iter().map(|m| m.1).collect();
    for expected in [
        "Please confirm your booking",
        "Bitte bestätigen Sie Ihre Buchung",
        "Veuillez confirmer votre réservation",
        "Confirme su reserva",
        "Buchung bestätigt",
        "Réservation confirmée",
        "Reserva confirmada",
    ] {
        assert!(
            subjects.iter().any(|s| s.starts_with(expected)),
            "no mail {expected:?} in {subjects:#?}"
        );
    }
}

async fn us_english_reads_a_12_hour_clock_and_german_a_24_hour_one(app: TestApp) {
    arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    let page = "/alice/intro?tz=Europe/Berlin&month=2030-01&date=2030-01-08";
    let (_, us) = get_in(&app, page, "en-US,en;q=0.8").await;
    assert!(us.contains(">10:00 AM<"), "{us}");
    assert!(us.contains(">4:30 PM<"), "{us}");
    assert!(us.contains("Tuesday, January 8, 2030"), "{us}");
    // The week starts on Sunday in the US, on Monday in Germany.
    let first_header = |html: &str| {
        let at = html.find("<th scope=\"col\"><abbr title=\"").unwrap() + 29;
        html[at..at + html[at..].find('"').unwrap()].to_owned()
    };
    assert_eq!(first_header(&us), "Sunday");
    let (_, de) = get_in(&app, page, "de-DE,de;q=0.9").await;
    assert!(de.contains(">10:00<") && de.contains(">16:30<"), "{de}");
    assert!(!de.contains(" AM<") && !de.contains(" PM<"), "{de}");
    assert!(de.contains("Dienstag, 8. Januar 2030"), "{de}");
    assert!(de.contains("Januar 2030"));
    assert_eq!(first_header(&de), "Montag");
    let (_, gb) = get_in(&app, page, "en-GB").await;
    assert!(
        gb.contains(">16:30<") && gb.contains("Tuesday, 8 January 2030"),
        "{gb}"
    );
    // The zone is still named next to the times.
    for html in [&us, &de, &gb] {
        assert!(html.contains("Europe/Berlin"));
    }
}

async fn the_language_is_the_query_then_the_switcher_choice_then_the_browser_then_the_provider(
    app: TestApp,
) {
    arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    set_provider_language(&app, "fr").await;
    // Nothing said: the provider's language; an anonymous page sets no cookie.
    let response = app.get("/alice").await;
    assert!(response.headers().get("set-cookie").is_none());
    let html = response.text().await.unwrap();
    assert_eq!(html_lang(&html), "fr");
    assert!(html.contains("Prestations"));
    // The browser's language beats the provider's.
    let (_, html) = get_in(&app, "/alice", "de-DE").await;
    assert_eq!(html_lang(&html), "de");
    // ?lang= beats the browser, and remembers nothing.
    let response = app
        .client
        .get(app.url("/alice?lang=es"))
        .header("accept-language", "de-DE")
        .send()
        .await
        .unwrap();
    let response = crate::checkers::record(response).await;
    assert!(response.headers().get("set-cookie").is_none());
    assert_eq!(html_lang(&response.text().await.unwrap()), "es");
    // The switcher: every page links to it; it remembers the choice in a cookie and
    // returns to the page.
    let switch = html
        .split("href=\"")
        .find(|part| part.starts_with("/language?lang=en"))
        .map(|part| {
            part[..part.find('"').unwrap()]
                .replace("&#38;", "&")
                .replace("&amp;", "&")
        })
        .expect("a switcher link to English");
    let response = app.get(&switch).await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/alice?lang=en");
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cookie.starts_with("lang=en") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    // The remembered choice beats the browser's language on later pages…
    let (_, html) = get_in(&app, "/alice/intro", "de-DE").await;
    assert_eq!(
        html_lang(&html),
        "en-US",
        "English without a region reads US formats"
    );
    assert!(html.contains("Times are shown in"));
    // …and ?lang= beats the remembered choice.
    let (_, html) = get_in(&app, "/alice?lang=fr", "de-DE").await;
    assert_eq!(html_lang(&html), "fr");
    // The switcher returns only to this site.
    let response = app.get("/language?lang=de&next=//evil.example/").await;
    assert_eq!(location(&response), "/?lang=de");
}

async fn a_booking_made_in_german_sends_german_mails_to_the_guest_and_the_providers_to_the_provider(
    app: TestApp,
) {
    arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    set_provider_language(&app, "en-US").await;
    assert_eq!(book_in(&app, "de-DE,de;q=0.9,en;q=0.5").await.status(), 303);
    let stored: Option<String> = app
        .db(|conn| {
            bookings::table
                .select(bookings::language)
                .first(conn)
                .unwrap()
        })
        .await;
    assert_eq!(stored.as_deref(), Some("de"));
    let mails = outbox(&app).await;
    let (_, subject, text) = mails
        .iter()
        .find(|m| m.0 == "grace@example.com")
        .expect("a mail to the guest");
    assert!(
        subject.starts_with(
            "Buchung bestätigt: Intro call am Di., 8. Jan. 2030, 10:00 (Europe/Berlin)"
        ),
        "{subject}"
    );
    assert!(text.contains("Guten Tag Grace Guest"), "{text}");
    assert!(
        text.contains("Wann: Dienstag, 8. Januar 2030, 10:00–10:30"),
        "{text}"
    );
    let (_, subject, text) = mails
        .iter()
        .find(|m| m.0 == "alice@example.com")
        .expect("a mail to the provider");
    assert!(
        subject.starts_with("New booking: Intro call with Grace Guest on Tue, Jan 8, 2030, 10:00 AM (Europe/Berlin)"),
        "{subject}"
    );
    assert!(
        text.contains("When: Tuesday, January 8, 2030, 10:00 AM–10:30 AM"),
        "{text}"
    );
    // A later mail, caused by a request in another language, still follows the booking's.
    let cancel = link_after(&app, "grace@example.com", "Stornieren:").await;
    let page = get_in(&app, &cancel, "en-US").await.1;
    let csrf = csrf_token(&page);
    let body = format!("csrf_token={}&reason=", urlencoding::encode(&csrf));
    let done = app
        .client
        .post(app.url(&cancel))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept-language", "en-US")
        .body(body)
        .send()
        .await
        .unwrap();
    let done = crate::checkers::record(done).await;
    assert_eq!(done.status(), 200);
    let mails = outbox(&app).await;
    let guest_subjects: Vec<&str> = mails
        .iter()
        .filter(|m| m.0 == "grace@example.com")
        .map(|m| m.1.as_str())
        .collect();
    assert!(
        guest_subjects
            .iter()
            .any(|s| s.starts_with("Buchung storniert")),
        "{guest_subjects:?}"
    );
    assert!(mails
        .iter()
        .any(|m| m.0 == "alice@example.com" && m.1.starts_with("Cancelled by the guest")));
}

/// Saves the profile form with `language` (the other fields as they are).
/// Alice (signed in with `app.client`) chooses `language` in her settings.
pub(crate) async fn choose_language(app: &TestApp, language: &str) -> reqwest::Response {
    let html = app.get("/dashboard/settings").await.text().await.unwrap();
    let csrf = csrf_token(&html);
    app.post_form(
        "/dashboard/settings/profile",
        &[
            ("csrf_token", &csrf),
            ("full_name", "Alice Example"),
            ("business_name", ""),
            ("bio", ""),
            ("timezone", "Europe/Berlin"),
            ("language", language),
        ],
    )
    .await
}

async fn a_provider_reads_every_page_in_the_language_chosen_in_settings(app: TestApp) {
    signed_in_alice(&app, |_| {}).await;
    let pages = [
        "/dashboard",
        "/dashboard/settings",
        "/dashboard/services",
        "/dashboard/services/new",
        "/dashboard/availability",
        "/dashboard/time-off",
        "/dashboard/week?date=2030-01-07",
        "/dashboard/day?date=2030-01-08",
        "/dashboard/embedding",
        "/dashboard/settings/api-tokens",
        "/dashboard/settings/webhooks",
        "/dashboard/guests",
        "/dashboard/settings/delete",
        "/dashboard/calendars",
        "/alice",
    ];
    for (tag, welcome) in [
        ("de", "Willkommen, Alice Example"),
        ("fr", "Bienvenue, Alice Example"),
        ("es", "Bienvenido/a, Alice Example"),
        ("en-US", "Welcome, Alice Example"),
        ("en-GB", "Welcome, Alice Example"),
    ] {
        assert_eq!(choose_language(&app, tag).await.status(), 303, "{tag}");
        for page in pages {
            // The provider's own setting wins over what the browser asks for.
            let (status, html) = get_in(&app, page, "ja").await;
            assert_eq!(status, 200, "{page} in {tag}");
            assert_complete(&format!("{page} in {tag}"), &html);
            assert_eq!(html_lang(&html), tag, "{page}");
        }
        let (_, dashboard) = get_in(&app, "/dashboard", "ja").await;
        assert!(dashboard.contains(welcome), "{tag}: {dashboard}");
    }
    // The week grid's hours follow the chosen locale's clock.
    choose_language(&app, "en-US").await;
    let (_, week) = get_in(&app, "/dashboard/week?date=2030-01-07", "ja").await;
    assert!(
        week.contains(">9:00 AM<") && week.contains(">1:00 PM<"),
        "{week}"
    );
    choose_language(&app, "de").await;
    let (_, week) = get_in(&app, "/dashboard/week?date=2030-01-07", "ja").await;
    assert!(
        week.contains(">09:00<") && week.contains(">13:00<"),
        "{week}"
    );
    // The week begins on the locale's first day: Sunday 6 January for en-US, Monday 7 January
    // for German (the links to the week before and the day view start from it).
    for (tag, first, outside, before) in [
        ("en-US", "2030-01-06", "2030-01-13", "2029-12-30"),
        ("de", "2030-01-07", "2030-01-06", "2029-12-31"),
    ] {
        choose_language(&app, tag).await;
        let (_, week) = get_in(&app, "/dashboard/week?date=2030-01-09", "ja").await;
        assert!(
            week.contains(&format!("/dashboard/week?date={before}\"")),
            "{tag}: {week}"
        );
        assert!(
            week.contains(&format!("/dashboard/day?date={first}\""))
                && !week.contains(&format!("/dashboard/day?date={outside}\"")),
            "{tag}: {week}"
        );
    }
    // A language we do not offer is a field error, and nothing changes.
    let refused = choose_language(&app, "xx").await;
    assert_eq!(refused.status(), 422);
    assert_complete("the refused settings form", &refused.text().await.unwrap());
    let stored: String = app
        .db(|conn| users::table.select(users::language).first(conn).unwrap())
        .await;
    assert_eq!(stored, "de");
}

async fn the_calendar_pages_and_their_errors_are_in_the_providers_language(app: TestApp) {
    signed_in_alice(&app, |_| {}).await;
    app.db(|conn| {
        diesel::update(users::table.filter(users::username.eq("alice")))
            .set(users::role.eq("admin"))
            .execute(conn)
            .unwrap();
    })
    .await;
    // A subscription the worker has not read yet: the page says it is being refreshed.
    let csrf = app.csrf_for("/dashboard/calendars").await;
    let added = app
        .post_form(
            "/dashboard/calendars",
            &[
                ("csrf_token", &csrf),
                ("url", "https://calendar.example.com/a.ics"),
            ],
        )
        .await;
    assert_eq!(added.status(), 303);
    for (tag, refreshing, bad_address, write_back) in [
        (
            "de",
            "Wird aktualisiert",
            "Geben Sie eine Adresse ein",
            "Rückschreiben in Kalender",
        ),
        (
            "fr",
            "Actualisation…",
            "Saisissez une adresse",
            "Écriture dans les calendriers",
        ),
        (
            "es",
            "Actualizando…",
            "Introduzca una dirección",
            "Escritura en calendarios",
        ),
        (
            "en-US",
            "Refreshing…",
            "Enter an address",
            "Calendar write-back",
        ),
    ] {
        assert_eq!(choose_language(&app, tag).await.status(), 303, "{tag}");
        let (status, html) = get_in(&app, "/dashboard/calendars", "ja").await;
        assert_eq!(status, 200, "{tag}");
        assert_complete(&format!("calendars in {tag}"), &html);
        assert_eq!(html_lang(&html), tag);
        assert!(html.contains(refreshing), "{tag}: {html}");
        // A refused address re-renders the form with the error in the same language.
        let csrf = csrf_token(&html);
        let refused = app
            .post_form(
                "/dashboard/calendars",
                &[
                    ("csrf_token", &csrf),
                    ("url", "ftp://calendar.example.com/a.ics"),
                ],
            )
            .await;
        assert_eq!(refused.status(), 422, "{tag}");
        let html = refused.text().await.unwrap();
        assert_complete(&format!("refused calendar in {tag}"), &html);
        assert!(html.contains(bad_address), "{tag}: {html}");
        assert!(
            html.contains("href=\"#url\""),
            "the summary links to the field: {html}"
        );
        let (status, html) = get_in(&app, "/admin/calendar-writes", "ja").await;
        assert_eq!(status, 200, "{tag}");
        assert_complete(&format!("calendar writes in {tag}"), &html);
        assert!(html.contains(write_back), "{tag}: {html}");
    }
}
