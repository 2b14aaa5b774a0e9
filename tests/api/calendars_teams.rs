//! A team member's own calendars block the team's pages (issue 12: "a Calendars page per
//! provider, and per team provider"), over real HTTP on both backends: bob, a host of two
//! team services, subscribes a calendar on his Calendars page; at his busy time the
//! round-robin service still offers the start through alice but not through him, and the
//! collective one offers it to nobody; the claim agrees with the pages.

use chrono::{DateTime, Duration, TimeZone, Utc};
use slotbook::calendars::{client, refresh_due};
use slotbook::db::models::{booking_hosts, team_services, teams};
use slotbook::domain::availability::team::AssignmentMode;
use slotbook::domain::availability::TimeRange;
use slotbook::domain::service::{ConfirmationMode, ServiceSpec};
use uuid::Uuid;

use crate::calendars::IcsServer;
use crate::helpers::{
    csrf_token, hidden_field, location, spawn_app_with, test_now, Backend, TestApp, TEST_PASSWORD,
};
use crate::on_both_backends;
use crate::teams::booking::arrange_team;

on_both_backends!(a_team_members_calendar_blocks_them_on_round_robin_and_everyone_on_collective);

/// Bob's dentist on Tuesday 22 January 2030, 10:00–11:00 Berlin (09:00 UTC), two weeks
/// after the tests' `now`, as a calendar app publishes it.
const DENTIST: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Apple Inc.//iCal 5.0//EN\r\n\
BEGIN:VEVENT\r\nUID:dentist-7@icloud.com\r\nDTSTAMP:20291220T120000Z\r\n\
DTSTART;TZID=Europe/Berlin:20300122T100000\r\nDTEND;TZID=Europe/Berlin:20300122T110000\r\n\
SUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

/// The slot starts a team service's page offers on 22 January, for `host` or anyone.
async fn offered(app: &TestApp, slug: &str, host: Option<Uuid>) -> Vec<i64> {
    let host = host.map(|h| format!("&host={h}")).unwrap_or_default();
    let page = app
        .get(&format!(
            "/harbour/{slug}?tz=Europe/Berlin&month=2030-01&date=2030-01-22{host}"
        ))
        .await;
    assert_eq!(page.status(), 200, "{slug}");
    let html = page.text().await.unwrap();
    html.split("/book?start=")
        .skip(1)
        .filter_map(|rest| {
            rest.split(|c: char| !c.is_ascii_digit())
                .next()?
                .parse()
                .ok()
        })
        .collect()
}

/// Opens the booking form of `slug` for `start` (and `host`): its status, and the form.
async fn open_form(
    app: &TestApp,
    slug: &str,
    start: DateTime<Utc>,
    host: Option<Uuid>,
) -> (u16, String) {
    let host = host.map(|h| format!("&host={h}")).unwrap_or_default();
    let response = app
        .get(&format!(
            "/harbour/{slug}/book?start={}&tz=Europe/Berlin{host}",
            start.timestamp()
        ))
        .await;
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

async fn holds(app: &TestApp, host: Uuid, start: DateTime<Utc>) -> bool {
    let month = TimeRange::new(test_now(), test_now() + Duration::days(30));
    app.db(move |c| booking_hosts::holding_for_host(c, host, month).unwrap())
        .await
        .iter()
        .any(|(_, range)| range.start == start)
}

async fn a_team_members_calendar_blocks_them_on_round_robin_and_everyone_on_collective(
    backend: Backend,
) {
    let Some(app) = spawn_app_with(backend, |s| s.calendars.allow_private_networks = true).await
    else {
        return;
    };
    // Round robin `consult` and collective `pair`, both hosted by alice and bob.
    let ids = arrange_team(
        &app,
        &["alice", "bob"],
        "consult",
        AssignmentMode::RoundRobin,
    )
    .await;
    let (alice, bob) = (ids[0], ids[1]);
    let hosts = ids.clone();
    app.db(move |c| {
        let team = teams::find_by_slug(c, "harbour").unwrap().unwrap();
        let spec = ServiceSpec {
            name: "Joint session".into(),
            slug: "pair".into(),
            min_notice_minutes: 0,
            confirmation_mode: ConfirmationMode::Instant,
            ..ServiceSpec::defaults()
        };
        team_services::create(
            c,
            team.id,
            alice,
            &spec,
            AssignmentMode::Collective,
            &hosts,
            test_now(),
        )
        .unwrap()
        .unwrap();
    })
    .await;
    let ten = Utc.with_ymd_and_hms(2030, 1, 22, 9, 0, 0).unwrap();
    let (half_past_ten, eleven) = (ten + Duration::minutes(30), ten + Duration::hours(1));
    for slug in ["consult", "pair"] {
        assert!(offered(&app, slug, None).await.contains(&ten.timestamp()));
    }
    assert!(offered(&app, "consult", Some(bob))
        .await
        .contains(&ten.timestamp()));

    // Bob subscribes his private calendar on his own Calendars page. Bob has no
    // services of his own: the team services he hosts (60 days) decide how far ahead it
    // is read, not the one-week minimum.
    let server = IcsServer::start().await;
    server.serve("/bob.ics", 200, DENTIST.as_bytes(), None);
    let browser = app.new_client();
    app.sign_in(&browser, "bob", TEST_PASSWORD).await;
    let csrf = app.csrf_with(&browser, "/dashboard/calendars").await;
    let added = app
        .post_form_with(
            &browser,
            "/dashboard/calendars",
            &[("csrf_token", &csrf), ("url", &server.url("bob.ics"))],
        )
        .await;
    assert_eq!(added.status(), 303);
    assert_eq!(location(&added), "/dashboard/calendars");
    let pass = refresh_due(&app.state, &client(&app.state).unwrap())
        .await
        .unwrap();
    assert_eq!(pass.refreshed, 1, "{pass:?}");

    // Collective: 10:00 needs bob, so nobody offers it; 11:00 is free for both.
    let together = offered(&app, "pair", None).await;
    assert!(!together.contains(&ten.timestamp()), "{together:?}");
    assert!(!together.contains(&half_past_ten.timestamp()));
    assert!(together.contains(&eleven.timestamp()), "{together:?}");
    let (status, _) = open_form(&app, "pair", half_past_ten, None).await;
    assert_eq!(status, 409, "the claim refuses the collective time");

    // Round robin: alice still takes 10:00, bob does not; 11:00 is free for both.
    let anyone = offered(&app, "consult", None).await;
    assert!(anyone.contains(&ten.timestamp()), "alice is free at 10:00");
    let with_bob = offered(&app, "consult", Some(bob)).await;
    for busy in [ten, half_past_ten] {
        assert!(
            !with_bob.contains(&busy.timestamp()),
            "bob's calendar blocks {busy}"
        );
    }
    assert!(
        with_bob.contains(&eleven.timestamp()),
        "bob is free at 11:00"
    );
    let (status, _) = open_form(&app, "consult", ten, Some(bob)).await;
    assert_eq!(status, 409, "the claim refuses bob at 10:00");
    let (status, form) = open_form(&app, "consult", ten, None).await;
    assert_eq!(status, 200);
    let booked = app
        .post_form(
            "/harbour/consult/book",
            &[
                ("csrf_token", &csrf_token(&form)),
                ("start", &ten.timestamp().to_string()),
                ("tz", "Europe/Berlin"),
                (
                    "idempotency_key",
                    &hidden_field(&form, "idempotency_key").unwrap(),
                ),
                ("host", &hidden_field(&form, "host").unwrap_or_default()),
                ("name", "Grace Guest"),
                ("email", "grace@example.com"),
            ],
        )
        .await;
    assert_eq!(booked.status(), 303, "any available books 10:00");
    assert!(holds(&app, alice, ten).await, "alice got the booking");
    assert!(!holds(&app, bob, ten).await, "bob did not");
}
