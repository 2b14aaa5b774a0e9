//! The dashboard home lists every booking the provider hosts: a co-host of a collective
//! team booking sees it under "Upcoming" as the booking's own provider does.

use slotbook::domain::availability::team::AssignmentMode;

use crate::booking::tuesday_ten;
use crate::both_backends;
use crate::helpers::{csrf_token, hidden_field, TestApp, TEST_PASSWORD};
use crate::teams::booking::arrange_team;

both_backends!(a_cohost_of_a_collective_booking_sees_it_on_the_dashboard_home);

async fn a_cohost_of_a_collective_booking_sees_it_on_the_dashboard_home(app: TestApp) {
    let hosts = arrange_team(&app, &["alice", "bob"], "pair", AssignmentMode::Collective).await;
    let carol = app.create_provider("carol").await;

    let start = tuesday_ten().timestamp().to_string();
    let form = app
        .get(&format!(
            "/harbour/pair/book?start={start}&tz=Europe/Berlin"
        ))
        .await;
    assert_eq!(form.status(), 200, "the collective booking form opens");
    let html = form.text().await.unwrap();
    let key = hidden_field(&html, "idempotency_key").unwrap();
    let booked = app
        .post_form(
            "/harbour/pair/book",
            &[
                ("csrf_token", &csrf_token(&html)),
                ("start", &start),
                ("tz", "Europe/Berlin"),
                ("idempotency_key", &key),
                ("name", "Grace Guest"),
                ("email", "grace@example.com"),
            ],
        )
        .await;
    assert_eq!(booked.status(), 303, "the collective time is booked");
    let (id, provider) = app
        .db(|conn| {
            use diesel::prelude::*;
            use slotbook::db::models::bookings::Booking;
            use slotbook::db::schema::bookings::dsl::bookings;
            let row = bookings
                .select(Booking::as_select())
                .first::<Booking>(conn)
                .unwrap();
            (row.id, row.provider_id)
        })
        .await;
    let (owner, cohost) = if provider == hosts[0] {
        ("alice", "bob")
    } else {
        ("bob", "alice")
    };

    let link = format!("href=\"/dashboard/bookings/{id}\"");
    for name in [owner, cohost] {
        let client = app.new_client();
        app.sign_in(&client, name, TEST_PASSWORD).await;
        let home = app.get_with(&client, "/dashboard").await;
        assert_eq!(home.status(), 200);
        let html = home.text().await.unwrap();
        let upcoming = html
            .split("id=\"upcoming-heading\"")
            .nth(1)
            .and_then(|rest| rest.split("</section>").next())
            .expect("the home page has an upcoming list");
        assert!(
            upcoming.contains(&link) && upcoming.contains("Grace Guest"),
            "{name} hosts the booking and sees it under Upcoming:\n{upcoming}"
        );
        assert!(
            upcoming.contains("Harbour Clinic \u{b7} Consultation"),
            "the team service is named with its team for {name}:\n{upcoming}"
        );
        // The link leads to the booking's page, which the co-host may open.
        let detail = app
            .get_with(&client, &format!("/dashboard/bookings/{id}"))
            .await;
        assert_eq!(detail.status(), 200, "{name} opens the booking");
    }

    // A provider who does not host it sees nothing of it.
    let outsider = app.new_client();
    app.sign_in(&outsider, &carol.username, TEST_PASSWORD).await;
    let html = app
        .get_with(&outsider, "/dashboard")
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains(&link), "carol does not host it:\n{html}");
    assert!(!html.contains("Grace Guest"), "carol does not host it");
}
