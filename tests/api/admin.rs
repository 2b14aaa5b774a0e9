//! The admin pages over HTTP, on both backends: hidden from providers, mail delivery status
//! with "try again", and deactivating providers.

use slotbook::email::OutgoingMessage;

use crate::both_backends;
use crate::helpers::{csrf_token, location, test_now, TestApp, TestProvider};

both_backends!(
    every_admin_route_is_not_found_for_a_provider,
    an_admin_sees_a_failed_message_and_retries_it_until_it_is_sent,
    a_deactivated_provider_is_signed_out_everywhere_and_their_page_is_gone,
    an_admin_cannot_deactivate_themselves,
);

/// `root`, an admin, signed in on `app.client`.
async fn sign_in_admin(app: &TestApp) -> TestProvider {
    let admin = app.create_provider("root").await;
    let id = admin.id;
    app.db(move |conn| {
        use diesel::prelude::*;
        use slotbook::db::schema::users;
        diesel::update(users::table.filter(users::id.eq(slotbook::db::types::DbId(id))))
            .set(users::role.eq("admin"))
            .execute(conn)
            .unwrap();
    })
    .await;
    app.sign_in(&app.client, &admin.username, &admin.password)
        .await;
    admin
}

/// A message the worker gave up on, as it would be after its last attempt.
async fn failed_message(app: &TestApp) -> uuid::Uuid {
    app.db(|conn| {
        use diesel::prelude::*;
        use slotbook::db::models::outbox;
        use slotbook::db::schema::outbox as table;
        let message = OutgoingMessage {
            to: "grace@example.com".into(),
            subject: "Your booking is confirmed".into(),
            text: "See you then.".into(),
            html: "<p>See you then.</p>".into(),
            ics: None,
            kind: "booking_confirmed".into(),
            booking_id: None,
        };
        let id = outbox::enqueue(conn, &message, test_now()).unwrap();
        diesel::update(table::table.filter(table::id.eq(slotbook::db::types::DbId(id))))
            .set((
                table::status.eq("failed"),
                table::attempts.eq(8),
                table::last_error.eq("550 mailbox unavailable"),
            ))
            .execute(conn)
            .unwrap();
        id
    })
    .await
}

async fn every_admin_route_is_not_found_for_a_provider(app: TestApp) {
    let signed_out = app.get("/admin/mail").await;
    assert_eq!(signed_out.status(), 303);
    assert!(location(&signed_out).starts_with("/login"));

    let alice = app.sign_up_and_login("alice").await;
    let message = failed_message(&app).await;
    let dashboard = app.get("/dashboard").await.text().await.unwrap();
    assert!(
        !dashboard.contains("/admin/"),
        "no Admin link for providers"
    );
    let token = csrf_token(&dashboard);

    for path in [
        "/admin/mail",
        "/admin/mail?status=failed",
        "/admin/accounts",
    ] {
        assert_eq!(app.get(path).await.status(), 404, "{path}");
    }
    let retry = format!("/admin/mail/{message}/retry");
    let active = format!("/admin/accounts/{}/active", alice.id);
    for (path, form) in [
        (&retry, vec![("csrf_token", token.as_str())]),
        (&retry, vec![]),
        (
            &active,
            vec![("csrf_token", token.as_str()), ("active", "false")],
        ),
        (&active, vec![("active", "false")]),
    ] {
        let response = app.post_form(path, &form).await;
        assert_eq!(response.status(), 404, "{path} {form:?}");
    }
    let status = app
        .db(move |conn| {
            slotbook::db::models::outbox::find(conn, message)
                .unwrap()
                .unwrap()
                .status
        })
        .await;
    assert_eq!(status, "failed");
    assert_eq!(app.get("/dashboard").await.status(), 200, "still signed in");
}

async fn an_admin_sees_a_failed_message_and_retries_it_until_it_is_sent(app: TestApp) {
    sign_in_admin(&app).await;
    let message = failed_message(&app).await;

    let dashboard = app.get("/dashboard").await.text().await.unwrap();
    assert!(dashboard.contains("href=\"/admin/mail\">Admin</a>"));
    let page = app
        .get("/admin/mail?status=failed")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("grace@example.com")
            && page.contains("Your booking is confirmed")
            && page.contains("550 mailbox unavailable")
            && page.contains("2030-01-07 08:00 UTC")
            && page.contains("status-failed\">failed</span> 1"),
        "{page}"
    );
    let sent_only = app
        .get("/admin/mail?status=sent")
        .await
        .text()
        .await
        .unwrap();
    assert!(!sent_only.contains("grace@example.com"));

    let retry = format!("/admin/mail/{message}/retry");
    let forged = app.post_form(&retry, &[]).await;
    assert_eq!(forged.status(), 403, "no CSRF token, nothing changes");

    let response = app
        .post_form(&retry, &[("csrf_token", &csrf_token(&page))])
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/admin/mail");
    let row = app
        .db(move |conn| {
            slotbook::db::models::outbox::find(conn, message)
                .unwrap()
                .unwrap()
        })
        .await;
    assert_eq!((row.status.as_str(), row.attempts), ("queued", 0));
    assert!(app
        .get("/admin/mail")
        .await
        .text()
        .await
        .unwrap()
        .contains("queued again"));

    let delivered = app.delivered_mail().await;
    assert!(delivered
        .iter()
        .any(|m| m.to == "grace@example.com" && m.subject == "Your booking is confirmed"));
    let sent = app
        .get("/admin/mail?status=sent")
        .await
        .text()
        .await
        .unwrap();
    assert!(sent.contains("grace@example.com"), "{sent}");

    // A second click on a message no longer failed changes nothing.
    let again = app
        .post_form(&retry, &[("csrf_token", &csrf_token(&sent))])
        .await;
    assert_eq!(again.status(), 303);
    assert!(app
        .get("/admin/mail")
        .await
        .text()
        .await
        .unwrap()
        .contains("no longer failed"));
}

async fn a_deactivated_provider_is_signed_out_everywhere_and_their_page_is_gone(app: TestApp) {
    sign_in_admin(&app).await;
    let bob = app.create_provider("bob").await;
    let browser = app.new_client();
    app.sign_in(&browser, &bob.username, &bob.password).await;
    assert_eq!(app.get_with(&browser, "/dashboard").await.status(), 200);
    assert_eq!(app.get("/bob").await.status(), 200);

    let accounts = app.get("/admin/accounts").await.text().await.unwrap();
    assert!(accounts.contains("bob@example.com") && accounts.contains("Deactivate bob"));
    let path = format!("/admin/accounts/{}/active", bob.id);
    let token = csrf_token(&accounts);
    let forged = app.post_form(&path, &[("active", "false")]).await;
    assert_eq!(forged.status(), 403);
    assert_eq!(
        app.get("/bob").await.status(),
        200,
        "the forged form changed nothing"
    );

    let response = app
        .post_form(&path, &[("csrf_token", &token), ("active", "false")])
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/admin/accounts");
    let accounts = app.get("/admin/accounts").await.text().await.unwrap();
    assert!(accounts.contains("The account is deactivated") && accounts.contains("Reactivate bob"));

    let kicked = app.get_with(&browser, "/dashboard").await;
    assert_eq!(kicked.status(), 303);
    assert!(location(&kicked).starts_with("/login"));
    assert_eq!(app.get("/bob").await.status(), 404);

    let response = app
        .post_form(&path, &[("csrf_token", &token), ("active", "true")])
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(app.get("/bob").await.status(), 200);
    app.sign_in(&browser, &bob.username, &bob.password).await;
}

async fn an_admin_cannot_deactivate_themselves(app: TestApp) {
    let admin = sign_in_admin(&app).await;
    let accounts = app.get("/admin/accounts").await.text().await.unwrap();
    assert!(
        !accounts.contains("Deactivate root"),
        "no button for oneself"
    );

    let response = app
        .post_form(
            &format!("/admin/accounts/{}/active", admin.id),
            &[("csrf_token", &csrf_token(&accounts)), ("active", "false")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let page = app.get("/admin/accounts").await;
    assert_eq!(page.status(), 200, "still signed in");
    assert!(page
        .text()
        .await
        .unwrap()
        .contains("You cannot deactivate your own account."));
    let active = app
        .db(move |conn| {
            slotbook::db::models::users::find(conn, admin.id)
                .unwrap()
                .unwrap()
                .is_active
        })
        .await;
    assert!(active);
}
