//! The front desk over HTTP on both backends: staff book a caller for any available
//! provider, move the booking to another provider, check in, cancel, export; the rules
//! of notice, hours and overlap; and who may use the desk at all.

use slotbook::db::models::{bookings, team_services, teams};
use slotbook::domain::availability::team::AssignmentMode;
use slotbook::domain::booking::BookingStatus;
use slotbook::domain::team::TeamRole;
use uuid::Uuid;

use super::booking::{arrange_team, holding};
use crate::helpers::{hidden_field, location, test_now, TestApp, TEST_PASSWORD};

crate::both_backends!(
    staff_book_a_caller_for_any_available_provider_then_move_check_in_cancel_and_export,
    the_desk_is_for_the_teams_owners_admins_and_staff_only,
);

/// A signed-in browser for a new member of `harbour` with `role`.
pub(super) async fn member(app: &TestApp, name: &str, role: TeamRole) -> reqwest::Client {
    let person = app.create_provider(name).await;
    let id = person.id;
    app.db(move |conn| {
        let team = teams::find_by_slug(conn, "harbour").unwrap().unwrap();
        teams::add_member(conn, team.id, id, role, test_now()).unwrap();
    })
    .await;
    let client = app.new_client();
    app.sign_in(&client, name, TEST_PASSWORD).await;
    client
}

pub(super) async fn service_id(app: &TestApp) -> Uuid {
    app.db(|conn| {
        let team = teams::find_by_slug(conn, "harbour").unwrap().unwrap();
        team_services::find(conn, team.id, "consult")
            .unwrap()
            .unwrap()
            .service
            .id
    })
    .await
}

/// Posts the desk's booking form as `client`.
pub(super) async fn desk_book(
    app: &TestApp,
    client: &reqwest::Client,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let html = app
        .get_with(client, "/teams/harbour/desk")
        .await
        .text()
        .await
        .unwrap();
    let key = hidden_field(&html, "idempotency_key").unwrap();
    let csrf = crate::helpers::csrf_token(&html);
    let mut form = vec![
        ("csrf_token", csrf.as_str()),
        ("idempotency_key", key.as_str()),
    ];
    form.extend_from_slice(fields);
    app.post_form_with(client, "/teams/harbour/desk/book", &form)
        .await
}

async fn staff_book_a_caller_for_any_available_provider_then_move_check_in_cancel_and_export(
    app: TestApp,
) {
    let hosts = arrange_team(
        &app,
        &["alice", "bob"],
        "consult",
        AssignmentMode::RoundRobin,
    )
    .await;
    let staff = member(&app, "sam", TeamRole::Staff).await;
    let service = service_id(&app).await.to_string();

    let week = app
        .get_with(&staff, "/teams/harbour/desk?view=week&date=2030-01-08")
        .await;
    assert_eq!(week.status(), 200);
    let html = week.text().await.unwrap();
    assert!(html.contains("alice Example") && html.contains("bob Example"));
    assert!(html.contains(">09:00–17:00</a>"), "free time is shown");
    assert!(html.contains("Europe/Berlin"));

    let caller = [
        ("service", service.as_str()),
        ("host", "any"),
        ("date", "2030-01-08"),
        ("time", "10:00"),
        ("name", "Phone Caller"),
        ("email", "caller@example.com"),
    ];
    let booked = desk_book(&app, &staff, &caller).await;
    assert_eq!(
        booked.status(),
        303,
        "{}",
        booked.text().await.unwrap_or_default()
    );
    assert_eq!(
        location(&booked),
        "/teams/harbour/desk?view=day&date=2030-01-08"
    );
    assert!(
        app.mails_to("caller@example.com").await.is_empty(),
        "no mails unless asked"
    );
    let day = app
        .get_with(&staff, "/teams/harbour/desk?view=day&date=2030-01-08")
        .await
        .text()
        .await
        .unwrap();
    assert!(day.contains("10:00–10:30") && day.contains("Phone Caller"));

    let first_host = if holding(&app, hosts[0]).await.is_empty() {
        hosts[1]
    } else {
        hosts[0]
    };
    let other_host = if first_host == hosts[0] {
        hosts[1]
    } else {
        hosts[0]
    };
    let booking_id = holding(&app, first_host).await[0].0;
    let page = format!("/teams/harbour/desk/bookings/{booking_id}");
    let html = app.get_with(&staff, &page).await.text().await.unwrap();
    assert!(html.contains("by sam Example (staff)"), "{html}");

    // Move it to the other provider, same time.
    let token = app.csrf_with(&staff, &page).await;
    let other = other_host.to_string();
    let moved = app
        .post_form_with(
            &staff,
            &format!("{page}/move"),
            &[
                ("csrf_token", &token),
                ("host", &other),
                ("date", "2030-01-08"),
                ("time", "10:00"),
            ],
        )
        .await;
    assert_eq!(moved.status(), 303);
    assert!(holding(&app, first_host).await.is_empty());
    assert_eq!(holding(&app, other_host).await.len(), 1);
    let row = app
        .db(move |conn| bookings::find(conn, booking_id).unwrap().unwrap())
        .await;
    assert_eq!(row.provider_id, other_host);

    // Over another booking: never, whatever the reason.
    let taken = desk_book(
        &app,
        &staff,
        &[
            ("service", service.as_str()),
            ("host", other.as_str()),
            ("date", "2030-01-08"),
            ("time", "10:00"),
            ("name", "Second Caller"),
            ("email", "second@example.com"),
            ("override_reason", "urgent"),
        ],
    )
    .await;
    assert_eq!(taken.status(), 409);
    // Outside the hours: only with a reason.
    let late = [
        ("service", service.as_str()),
        ("host", other.as_str()),
        ("date", "2030-01-08"),
        ("time", "19:00"),
        ("name", "Late Caller"),
        ("email", "late@example.com"),
        ("send_mails", "on"),
    ];
    let refused = desk_book(&app, &staff, &late).await;
    assert_eq!(refused.status(), 409);
    assert!(refused
        .text()
        .await
        .unwrap()
        .contains("outside the provider"));
    let mut with_reason = late.to_vec();
    with_reason.push(("override_reason", "only evening possible"));
    assert_eq!(desk_book(&app, &staff, &with_reason).await.status(), 303);
    assert_eq!(
        app.mails_to("late@example.com").await.len(),
        1,
        "mails when asked"
    );
    // Inside the minimum notice is fine for the desk (now is Monday 09:00 Berlin).
    let soon = desk_book(
        &app,
        &staff,
        &[
            ("service", service.as_str()),
            ("host", "any"),
            ("date", "2030-01-07"),
            ("time", "09:30"),
            ("name", "Walk In"),
            ("email", "walkin@example.com"),
        ],
    )
    .await;
    assert_eq!(soon.status(), 303);
    // Bad input: field errors, nothing booked.
    let bad = desk_book(
        &app,
        &staff,
        &[("service", "nope"), ("date", "tomorrow"), ("name", "")],
    )
    .await;
    assert_eq!(bad.status(), 422);

    // Check in, then cancel with a reason.
    let token = app.csrf_with(&staff, &page).await;
    let status = format!("{page}/status");
    let arrived = app
        .post_form_with(
            &staff,
            &status,
            &[("csrf_token", &token), ("action", "arrived")],
        )
        .await;
    assert_eq!(arrived.status(), 303);
    let no_reason = app
        .post_form_with(
            &staff,
            &status,
            &[("csrf_token", &token), ("action", "cancel")],
        )
        .await;
    assert_eq!(no_reason.status(), 422);
    let cancelled = app
        .post_form_with(
            &staff,
            &status,
            &[
                ("csrf_token", &token),
                ("action", "cancel"),
                ("reason", "caller asked"),
            ],
        )
        .await;
    assert_eq!(cancelled.status(), 303);
    let row = app
        .db(move |conn| bookings::find(conn, booking_id).unwrap().unwrap())
        .await;
    assert_eq!(row.status(), BookingStatus::Cancelled);
    assert!(row.arrived_at.is_some());
    let html = app.get_with(&staff, &page).await.text().await.unwrap();
    assert!(html.contains("checked in by sam Example (staff)"));
    assert!(html.contains("moved"));

    let csv = app
        .get_with(
            &staff,
            "/teams/harbour/desk.csv?view=week&date=2030-01-08&status=cancelled",
        )
        .await;
    assert_eq!(csv.status(), 200);
    assert!(csv.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let body = csv.text().await.unwrap();
    assert!(body.starts_with("start,end,timezone,provider,service,guest"));
    assert!(body.contains("\"Phone Caller\"") && !body.contains("Late Caller"));
}

async fn the_desk_is_for_the_teams_owners_admins_and_staff_only(app: TestApp) {
    let hosts = arrange_team(
        &app,
        &["alice", "bob"],
        "consult",
        AssignmentMode::RoundRobin,
    )
    .await;
    let staff = member(&app, "sam", TeamRole::Staff).await;
    let provider = member(&app, "pia", TeamRole::Provider).await;
    let service = service_id(&app).await.to_string();
    let booked = desk_book(
        &app,
        &staff,
        &[
            ("service", service.as_str()),
            ("host", "any"),
            ("date", "2030-01-08"),
            ("time", "11:00"),
            ("name", "Caller"),
            ("email", "caller@example.com"),
        ],
    )
    .await;
    assert_eq!(booked.status(), 303);
    let mut ids = holding(&app, hosts[0]).await;
    ids.extend(holding(&app, hosts[1]).await);
    let page = format!("/teams/harbour/desk/bookings/{}", ids[0].0);

    assert_eq!(
        app.get_with(&provider, "/teams/harbour/desk")
            .await
            .status(),
        403
    );
    assert_eq!(app.get_with(&provider, &page).await.status(), 403);
    let owner = app.new_client();
    app.sign_in(&owner, "alice", TEST_PASSWORD).await;
    assert_eq!(
        app.get_with(&owner, "/teams/harbour/desk").await.status(),
        200
    );
    assert_eq!(app.get_with(&owner, &page).await.status(), 200);

    // Staff of another team: nothing of this one exists for them.
    let stranger = app.create_provider("otto").await;
    let client = app.new_client();
    app.sign_in(&client, "otto", TEST_PASSWORD).await;
    let token = app.csrf_with(&client, "/teams").await;
    let created = app
        .post_form_with(
            &client,
            "/teams",
            &[
                ("csrf_token", &token),
                ("name", "Elsewhere"),
                ("slug", "elsewhere"),
                ("timezone", "UTC"),
            ],
        )
        .await;
    assert_eq!(created.status(), 303);
    let _ = stranger;
    assert_eq!(
        app.get_with(&client, "/teams/harbour/desk").await.status(),
        404
    );
    assert_eq!(app.get_with(&client, &page).await.status(), 404);
    let other_page = page.replace("/teams/harbour/", "/teams/elsewhere/");
    assert_eq!(
        app.get_with(&client, &other_page).await.status(),
        404,
        "another team's booking"
    );
    assert_eq!(
        app.get_with(&staff, "/teams/harbour/desk/bookings/not-an-id")
            .await
            .status(),
        404
    );
}
