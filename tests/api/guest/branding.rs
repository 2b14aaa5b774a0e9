//! The provider's branding in the guest's mails: the HTML part's heading and buttons in
//! the accent colour under the logo text, the text part opening with the logo text; a
//! provider without branding sends ours.

use chrono::Duration;
use diesel::prelude::*;
use slotbook::db::models::provider_looks;
use slotbook::db::schema::outbox;
use slotbook::domain::look::{self, DEFAULT_ACCENT};
use slotbook::domain::service::ConfirmationMode;

use crate::booking::{arrange_provider, book, tuesday_ten};
use crate::both_backends;
use crate::helpers::{test_now, TestApp};

both_backends!(a_guests_confirmation_mail_wears_the_providers_branding_and_ours_without_one);

/// (recipient, kind, text part, HTML part) of every queued mail, oldest first.
async fn mails(app: &TestApp) -> Vec<(String, String, String, String)> {
    app.db(|conn| {
        outbox::table
            .order(outbox::created_at.asc())
            .select((
                outbox::recipient,
                outbox::kind,
                outbox::text_body,
                outbox::html_body,
            ))
            .load(conn)
            .unwrap()
    })
    .await
}

async fn a_guests_confirmation_mail_wears_the_providers_branding_and_ours_without_one(
    app: TestApp,
) {
    let provider = arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;

    // Without branding: our colour, no logo line.
    let first = [("name", "Grace Guest"), ("email", "grace@example.com")];
    assert_eq!(book(&app, tuesday_ten(), &first).await.status(), 303);
    let sent = mails(&app).await;
    let (_, kind, text, html) = sent
        .iter()
        .find(|(to, ..)| to == "grace@example.com")
        .expect("the guest's mail is queued");
    assert_eq!(kind, "booking_confirmed");
    assert!(
        html.contains(&format!("color: {DEFAULT_ACCENT}"))
            && html.contains(&format!("background: {DEFAULT_ACCENT}")),
        "heading and buttons in our colour:\n{html}"
    );
    assert!(!html.contains("Praxis Nord") && !text.contains("Praxis Nord"));
    assert!(
        text.starts_with("Hello Grace Guest"),
        "no logo line above the greeting:\n{text}"
    );

    // The provider sets an accent colour and a logo text.
    let id = provider.id;
    app.db(move |conn| {
        let look = look::parse("", "#1A6B4F", "Praxis Nord").unwrap();
        provider_looks::save(conn, id, &look, test_now()).unwrap();
    })
    .await;
    let second = [("name", "Hugo Guest"), ("email", "hugo@example.com")];
    let eleven = tuesday_ten() + Duration::hours(1);
    assert_eq!(book(&app, eleven, &second).await.status(), 303);
    let sent = mails(&app).await;
    let (_, kind, text, html) = sent
        .iter()
        .find(|(to, ..)| to == "hugo@example.com")
        .expect("the second guest's mail is queued");
    assert_eq!(kind, "booking_confirmed");
    let heading = html
        .split("<h1 ")
        .nth(1)
        .and_then(|h| h.split("</h1>").next())
        .unwrap_or_else(|| panic!("the HTML part has a heading:\n{html}"));
    assert!(heading.contains("color: #1a6b4f"), "{heading}");
    let logo = html
        .find("Praxis Nord")
        .unwrap_or_else(|| panic!("the logo text is in the HTML part:\n{html}"));
    assert!(
        logo < html.find("<h1 ").unwrap(),
        "the logo text stands above the heading"
    );
    for button in ["Reschedule", "Cancel"] {
        let at = html
            .find(&format!(">{button}</a>"))
            .unwrap_or_else(|| panic!("a {button} button:\n{html}"));
        let tag = &html[html[..at].rfind("<a ").unwrap()..at];
        assert!(tag.contains("background: #1a6b4f"), "{tag}");
    }
    assert!(
        !html.contains(DEFAULT_ACCENT),
        "no trace of our colour:\n{html}"
    );
    // A mail is a page too: valid HTML for the clients that render it.
    crate::checkers::validate("the guest's branded mail", html).await;
    assert!(
        text.starts_with("Praxis Nord\n\nHello Hugo Guest"),
        "the text part opens with the logo text:\n{text}"
    );

    // The provider's own mail about it is ours, not dressed up for guests.
    let (_, _, text, html) = sent
        .iter()
        .rev()
        .find(|(to, ..)| to == "alice@example.com")
        .expect("the provider's mail is queued");
    assert!(html.contains(DEFAULT_ACCENT) && !html.contains("#1a6b4f"));
    assert!(!text.contains("Praxis Nord"));
}
