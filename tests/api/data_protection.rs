//! Guest data rights over HTTP, on both backends: finding a guest's bookings, the JSON
//! export and erasing with a confirmation step. The retention job, account deletion and
//! the privacy notice are in `data_protection_account`.

use diesel::prelude::*;
use slotbook::db::models::bookings;
use slotbook::db::schema::{booking_events, booking_tokens, outbox, users, webhook_deliveries};
use slotbook::domain::booking::BookingStatus;
use slotbook::domain::privacy::{ERASED_EMAIL, ERASED_NAME};
use slotbook::domain::service::{ConfirmationMode, Question, QuestionKind};
use uuid::Uuid;

use crate::booking::{arrange_provider, book, holding_rows, tuesday_ten};
use crate::both_backends;
use crate::helpers::{csrf_token, link_path, location, TestApp, TEST_PASSWORD};

both_backends!(
    a_provider_finds_exports_and_erases_a_guest_after_confirming,
    another_providers_guest_is_invisible_and_cannot_be_erased,
    an_admin_finds_and_erases_a_guest_across_providers,
    unusable_addresses_get_clear_messages,
    an_erased_booking_awaiting_confirmation_lapses_without_mail,
    erasing_a_guest_drops_the_webhook_events_that_carry_their_details,
);

pub const GRACE: &[(&str, &str)] = &[
    ("name", "Grace Guest"),
    ("email", "Grace@Example.com"),
    ("phone", "+49 30 1234567"),
    ("notes", "Allergic to cats"),
    ("answer0", "Back pain since May"),
];

/// `alice` (Berlin, `/alice/intro`, instant confirmation, one question) signed in on
/// `app.client` with [`TEST_PASSWORD`], and Grace's confirmed booking on Tuesday at 10:00.
pub async fn arrange(app: &TestApp) -> (Uuid, Uuid) {
    arrange_in(app, ConfirmationMode::Instant).await
}

/// Like [`arrange`], with the service in `mode` (Grace's booking then awaits what it asks).
async fn arrange_in(app: &TestApp, mode: ConfirmationMode) -> (Uuid, Uuid) {
    let provider = arrange_provider(app, mode, |spec| {
        spec.questions = vec![Question {
            label: "What brings you?".into(),
            kind: QuestionKind::ShortText,
            required: false,
            choices: vec![],
        }];
    })
    .await;
    assert_eq!(book(app, tuesday_ten(), GRACE).await.status(), 303);
    let hash = slotbook::auth::password::hash(TEST_PASSWORD).unwrap();
    app.db(move |conn| {
        diesel::update(users::table.filter(users::username.eq("alice")))
            .set(users::password_hash.eq(hash))
            .execute(conn)
            .unwrap();
    })
    .await;
    app.sign_in(&app.client, "alice", TEST_PASSWORD).await;
    let booking = holding_rows(app, provider.id).await[0].id;
    (provider.id, booking)
}

pub async fn booking(app: &TestApp, id: Uuid) -> bookings::Booking {
    app.db(move |conn| bookings::find(conn, id).unwrap().unwrap())
        .await
}

/// Every `/b/…` link in the mails to `to`.
pub async fn links_to(app: &TestApp, to: &str) -> Vec<String> {
    app.mails_to(to)
        .await
        .iter()
        .flat_map(|(_, text)| {
            text.split_whitespace()
                .filter_map(|word| link_path(word, "/b/"))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Submits the guest form at `path` (the lookup or the export) with `client`, as the page
/// at `/dashboard/guests` or `/admin/guests` would.
async fn look_up(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    email: &str,
) -> reqwest::Response {
    let page = if path.starts_with("/admin") {
        "/admin/guests"
    } else {
        "/dashboard/guests"
    };
    let csrf = app.csrf_with(client, page).await;
    app.post_form_with(client, path, &[("csrf_token", &csrf), ("email", email)])
        .await
}

pub async fn text(response: reqwest::Response) -> String {
    response.text().await.unwrap()
}

async fn a_provider_finds_exports_and_erases_a_guest_after_confirming(app: TestApp) {
    let (provider, id) = arrange(&app).await;
    let links = links_to(&app, "grace@example.com").await;
    assert!(!links.is_empty(), "the guest has links in her mail");

    // Find: by address, whatever its case.
    let found = look_up(&app, &app.client, "/dashboard/guests", "GRACE@example.com").await;
    assert_eq!(found.status(), 200);
    let page = text(found).await;
    assert!(
        page.contains("Grace Guest")
            && page.contains("Intro call")
            && page.contains("Tue 8 Jan 2030, 10:00")
            && page.contains("Europe/Berlin"),
        "{page}"
    );

    // Export: a JSON download with the booking, its answers, history and mails.
    let export = look_up(
        &app,
        &app.client,
        "/dashboard/guests/export",
        "grace@example.com",
    )
    .await;
    assert_eq!(export.status(), 200);
    assert!(export.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    assert!(export.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    let json: serde_json::Value = serde_json::from_str(&text(export).await).unwrap();
    assert_eq!(json["guest_email"], "grace@example.com");
    assert_eq!(json["scope"], "provider");
    let exported = &json["bookings"][0];
    assert_eq!(exported["guest_name"], "Grace Guest");
    assert_eq!(exported["guest_phone"], "+49 30 1234567");
    assert_eq!(exported["guest_notes"], "Allergic to cats");
    assert_eq!(exported["answers"][0]["answer"], "Back pain since May");
    assert_eq!(exported["start_at"], "2030-01-08T09:00:00Z");
    assert!(!exported["history"].as_array().unwrap().is_empty());
    assert!(json["mails"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["recipient"] == "grace@example.com"
            && m["text_body"].as_str().unwrap().contains("Intro call")));

    // Erase, step one: without the CSRF token nothing happens; with it, a confirmation page.
    let forged = app
        .post_form(
            "/dashboard/guests/erase/confirm",
            &[("email", "grace@example.com")],
        )
        .await;
    assert_eq!(forged.status(), 403);
    let csrf = csrf_token(&page);
    let ask = app
        .post_form(
            "/dashboard/guests/erase",
            &[("csrf_token", &csrf), ("email", "grace@example.com")],
        )
        .await;
    assert_eq!(ask.status(), 200);
    let confirm = text(ask).await;
    assert!(
        confirm.contains("Yes, erase it") && confirm.contains("One booking"),
        "{confirm}"
    );
    assert_eq!(booking(&app, id).await.guest_name, "Grace Guest", "not yet");

    // Step two: erased, in one go.
    let done = app
        .post_form(
            "/dashboard/guests/erase/confirm",
            &[("csrf_token", &csrf), ("email", "grace@example.com")],
        )
        .await;
    assert_eq!(done.status(), 303);
    assert_eq!(location(&done), "/dashboard/guests");
    assert!(text(app.get("/dashboard/guests").await)
        .await
        .contains("erased from 1 booking"));

    let erased = booking(&app, id).await;
    assert_eq!(erased.guest_name, ERASED_NAME);
    assert_eq!(erased.guest_email, ERASED_EMAIL);
    assert_eq!(erased.guest_phone, None);
    assert_eq!(erased.guest_notes, None);
    assert!(erased.answers.is_empty());
    // The calendar stays true: same time, still held, the slot still taken.
    assert_eq!(erased.status(), BookingStatus::Confirmed);
    assert_eq!(erased.start_at, tuesday_ten());
    assert_eq!(holding_rows(&app, provider).await.len(), 1);
    let other = app.new_client();
    let form = app
        .get_with(
            &other,
            &format!(
                "/alice/intro/book?start={}&tz=Europe/Berlin",
                tuesday_ten().timestamp()
            ),
        )
        .await;
    assert_ne!(
        form.status(),
        200,
        "the erased booking still holds its time"
    );

    // History records it; no text of the guest is left in the database's mails or history.
    let (kinds, tokens, mail_texts) = app
        .db(move |conn| {
            let kinds: Vec<(String, String)> = booking_events::table
                .filter(booking_events::booking_id.eq(slotbook::db::types::DbId(id)))
                .select((booking_events::kind, booking_events::actor))
                .load(conn)
                .unwrap();
            let tokens: i64 = booking_tokens::table
                .filter(booking_tokens::booking_id.eq(slotbook::db::types::DbId(id)))
                .count()
                .get_result(conn)
                .unwrap();
            let mails: Vec<(String, String, String, String)> = outbox::table
                .select((
                    outbox::recipient,
                    outbox::subject,
                    outbox::text_body,
                    outbox::html_body,
                ))
                .load(conn)
                .unwrap();
            (kinds, tokens, mails)
        })
        .await;
    assert!(kinds.contains(&("guest_data_erased".to_owned(), "provider".to_owned())));
    assert_eq!(tokens, 0, "the guest's links are gone");
    for (recipient, subject, text_body, html_body) in &mail_texts {
        let all = format!("{recipient}{subject}{text_body}{html_body}");
        assert!(
            !all.contains("grace@") && !all.contains("Grace") && !all.contains("cats"),
            "{all}"
        );
    }
    // Her links are dead.
    for link in links {
        assert_eq!(app.get_with(&other, &link).await.status(), 404, "{link}");
    }
    // And looking her up finds nothing more.
    assert!(
        text(look_up(&app, &app.client, "/dashboard/guests", "grace@example.com").await)
            .await
            .contains("No bookings for this address")
    );
    // The provider can still cancel the erased booking; no mail goes to the placeholder.
    let cancelled = app
        .post_form(
            &format!("/dashboard/bookings/{id}/cancel"),
            &[("csrf_token", &csrf), ("reason", "Closed that day")],
        )
        .await;
    assert_eq!(cancelled.status(), 303);
    assert_eq!(booking(&app, id).await.status(), BookingStatus::Cancelled);
    assert!(app.mails_to(ERASED_EMAIL).await.is_empty());
}

async fn another_providers_guest_is_invisible_and_cannot_be_erased(app: TestApp) {
    let (_, id) = arrange(&app).await;
    let mallory = app.create_provider("mallory").await;
    let intruder = app.new_client();
    app.sign_in(&intruder, &mallory.username, &mallory.password)
        .await;
    let page = text(look_up(&app, &intruder, "/dashboard/guests", "grace@example.com").await).await;
    assert!(
        page.contains("No bookings for this address") && !page.contains("Grace Guest"),
        "{page}"
    );
    let export = look_up(
        &app,
        &intruder,
        "/dashboard/guests/export",
        "grace@example.com",
    )
    .await;
    assert_eq!(export.status(), 200);
    let json: serde_json::Value = serde_json::from_str(&text(export).await).unwrap();
    assert!(json["bookings"].as_array().unwrap().is_empty());
    assert!(json["mails"].as_array().unwrap().is_empty());
    let csrf = csrf_token(&page);
    for step in ["/dashboard/guests/erase", "/dashboard/guests/erase/confirm"] {
        let refused = app
            .post_form_with(
                &intruder,
                step,
                &[("csrf_token", &csrf), ("email", "grace@example.com")],
            )
            .await;
        assert_eq!(refused.status(), 422, "{step}");
        assert!(text(refused).await.contains("nothing to erase"));
    }
    let untouched = booking(&app, id).await;
    assert_eq!(untouched.guest_name, "Grace Guest");
    assert_eq!(untouched.guest_email, "grace@example.com");
    // The admin door is not theirs either.
    assert_eq!(app.get_with(&intruder, "/admin/guests").await.status(), 404);
    let refused = app
        .post_form_with(
            &intruder,
            "/admin/guests",
            &[("csrf_token", &csrf), ("email", "grace@example.com")],
        )
        .await;
    assert_eq!(refused.status(), 404);
}

async fn an_admin_finds_and_erases_a_guest_across_providers(app: TestApp) {
    let (_, id) = arrange(&app).await;
    let root = app.create_provider("root").await;
    let admin_id = root.id;
    app.db(move |conn| {
        diesel::update(users::table.filter(users::id.eq(slotbook::db::types::DbId(admin_id))))
            .set(users::role.eq("admin"))
            .execute(conn)
            .unwrap();
    })
    .await;
    let admin = app.new_client();
    app.sign_in(&admin, &root.username, &root.password).await;
    let page = text(look_up(&app, &admin, "/admin/guests", "grace@example.com").await).await;
    assert!(
        page.contains("Grace Guest") && page.contains("alice") && page.contains("Intro call"),
        "{page}"
    );
    let json: serde_json::Value = serde_json::from_str(
        &text(look_up(&app, &admin, "/admin/guests/export", "grace@example.com").await).await,
    )
    .unwrap();
    assert_eq!(json["scope"], "instance");
    assert_eq!(json["bookings"][0]["provider"], "alice");
    let csrf = csrf_token(&page);
    let ask = app
        .post_form_with(
            &admin,
            "/admin/guests/erase",
            &[("csrf_token", &csrf), ("email", "grace@example.com")],
        )
        .await;
    assert_eq!(ask.status(), 200);
    let done = app
        .post_form_with(
            &admin,
            "/admin/guests/erase/confirm",
            &[("csrf_token", &csrf), ("email", "grace@example.com")],
        )
        .await;
    assert_eq!(done.status(), 303);
    assert_eq!(location(&done), "/admin/guests");
    let erased = booking(&app, id).await;
    assert_eq!(erased.guest_email, ERASED_EMAIL);
    let left: i64 = app
        .db(|conn| {
            outbox::table
                .filter(outbox::recipient.eq("grace@example.com"))
                .count()
                .get_result(conn)
                .unwrap()
        })
        .await;
    assert_eq!(left, 0, "no mail addressed to her is left");
}

async fn unusable_addresses_get_clear_messages(app: TestApp) {
    arrange(&app).await;
    let empty = app.get("/dashboard/guests").await;
    assert_eq!(empty.status(), 200, "the form alone");
    for (path, typed, message) in [
        ("/dashboard/guests", "", "Enter the guest"),
        ("/dashboard/guests", "not-an-address", "valid email address"),
        ("/dashboard/guests/export", "nobody", "valid email address"),
        ("/dashboard/guests/export", "", "Enter the guest"),
    ] {
        let response = look_up(&app, &app.client, path, typed).await;
        assert_eq!(response.status(), 422, "{path} {typed:?}");
        let page = text(response).await;
        assert!(page.contains(message), "{path} {typed:?}");
        assert!(
            page.contains(&format!("value=\"{typed}\"")),
            "what was typed stays"
        );
    }
    // A lookup needs the CSRF token like every POST.
    let forged = app
        .post_form("/dashboard/guests", &[("email", "grace@example.com")])
        .await;
    assert_eq!(forged.status(), 403);
    let csrf = app.csrf_for("/dashboard/guests").await;
    let refused = app
        .post_form(
            "/dashboard/guests/erase",
            &[("csrf_token", &csrf), ("email", "<script>")],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let page = text(refused).await;
    assert!(page.contains("valid email address") && !page.contains("<script>"));
}

async fn an_erased_booking_awaiting_confirmation_lapses_without_mail(app: TestApp) {
    let (provider, id) = arrange_in(&app, ConfirmationMode::Email).await;
    assert_eq!(booking(&app, id).await.status(), BookingStatus::Pending);
    let csrf = app.csrf_for("/dashboard/guests").await;
    let done = app
        .post_form(
            "/dashboard/guests/erase/confirm",
            &[("csrf_token", &csrf), ("email", "grace@example.com")],
        )
        .await;
    assert_eq!(done.status(), 303);
    // The hold still holds the time until it lapses; then the sweeper frees it as usual,
    // and the "expired" mail has nobody to go to.
    assert_eq!(holding_rows(&app, provider).await.len(), 1);
    app.clock.advance(chrono::Duration::hours(2));
    let pass = slotbook::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(pass.expired, 1);
    assert_eq!(booking(&app, id).await.status(), BookingStatus::Expired);
    assert!(holding_rows(&app, provider).await.is_empty());
    assert!(app.mails_to(ERASED_EMAIL).await.is_empty());
    assert!(app.mails_to("grace@example.com").await.is_empty());
}

/// Webhook events carry the guest's name and address in their payload: once the guest is
/// erased, none of them is sent again or kept.
async fn erasing_a_guest_drops_the_webhook_events_that_carry_their_details(app: TestApp) {
    let (_, first) = arrange(&app).await;
    let csrf = app.csrf_for("/dashboard/settings/webhooks").await;
    let added = app
        .post_form(
            "/dashboard/settings/webhooks",
            &[
                ("csrf_token", csrf.as_str()),
                ("url", "https://hooks.example.com/slotbook"),
                ("types", "booking.created"),
                ("types", "booking.cancelled"),
            ],
        )
        .await;
    assert_eq!(added.status(), 200, "the endpoint is added");
    let second = book(&app, tuesday_ten() + chrono::Duration::hours(2), GRACE).await;
    assert_eq!(second.status(), 303, "Grace books a second time");
    assert_eq!(
        booking_events_queued(&app).await,
        1,
        "her booking was queued"
    );

    let csrf = app.csrf_for("/dashboard/guests").await;
    let done = app
        .post_form(
            "/dashboard/guests/erase/confirm",
            &[("csrf_token", &csrf), ("email", "grace@example.com")],
        )
        .await;
    assert_eq!(done.status(), 303);
    assert_eq!(booking(&app, first).await.guest_email, ERASED_EMAIL);
    assert_eq!(
        booking_events_queued(&app).await,
        0,
        "no payload with her details is left"
    );
}

/// Webhook events queued or kept about any booking (every booking here is Grace's).
async fn booking_events_queued(app: &TestApp) -> i64 {
    app.db(|conn| {
        webhook_deliveries::table
            .filter(webhook_deliveries::booking_id.is_not_null())
            .count()
            .get_result::<i64>(conn)
            .unwrap()
    })
    .await
}
