//! Every host of a team booking, over HTTP on both backends: a collective booking is in
//! each host's list, week view and detail and each host gets its mails; the front desk's
//! moves and cancellations tell the guest only when the guest gets mails, and always the
//! hosts; a guest's round-robin move keeps its host while free; the daily agenda mail
//! goes once per member and day from 07:00 in the team's zone.

use chrono::{Duration, TimeZone, Utc};
use slotbook::db::models::bookings;
use slotbook::domain::availability::team::AssignmentMode;
use slotbook::domain::team::TeamRole;
use slotbook::jobs::send_team_agendas;
use uuid::Uuid;

use super::booking::{arrange_team, book, holding};
use super::desk::{desk_book, member, service_id};
use super::followups::{link_in_mail, move_through, token_of};
use crate::booking::tuesday_ten;
use crate::helpers::{location, TestApp, TEST_PASSWORD};

crate::both_backends!(
    a_collective_booking_is_in_every_hosts_list_week_and_mail_and_nobody_elses,
    desk_moves_and_cancellations_mail_the_guest_only_when_asked_and_always_the_hosts,
    a_guests_round_robin_move_keeps_the_host_while_free_and_otherwise_picks_a_free_one,
    an_opted_in_member_gets_the_days_agenda_once_from_seven_in_the_teams_zone,
);

async fn signed_in(app: &TestApp, name: &str) -> reqwest::Client {
    let client = app.new_client();
    app.sign_in(&client, name, TEST_PASSWORD).await;
    client
}

async fn page(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, String) {
    let response = app.get_with(client, path).await;
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

fn subjects(mails: &[(String, String)]) -> Vec<&str> {
    mails.iter().map(|(s, _)| s.as_str()).collect()
}

async fn a_collective_booking_is_in_every_hosts_list_week_and_mail_and_nobody_elses(app: TestApp) {
    let ids = arrange_team(&app, &["alice", "bob"], "pair", AssignmentMode::Collective).await;
    let booked = book(&app, "/harbour/pair", tuesday_ten(), None, "grace").await;
    assert_eq!(booked.status(), 303);
    let booking = holding(&app, ids[1]).await[0].0;
    let detail = format!("/dashboard/bookings/{booking}");

    for name in ["alice", "bob"] {
        let host = signed_in(&app, name).await;
        let (status, list) = page(&app, &host, "/dashboard/bookings").await;
        assert_eq!(status, 200);
        assert!(list.contains("grace"), "{name}'s list: {list}");
        assert!(
            list.contains("Harbour Clinic · Consultation"),
            "the list names the team and its service: {list}"
        );
        let (status, week) = page(&app, &host, "/dashboard/week?date=2030-01-08").await;
        assert_eq!(status, 200);
        assert!(week.contains(&detail), "{name}'s week view: {week}");
        let (status, shown) = page(&app, &host, &detail).await;
        assert_eq!(status, 200, "{name} hosts it");
        assert!(shown.contains("Harbour Clinic · Consultation"));

        let mails = app.mails_to(&format!("{name}@example.com")).await;
        assert_eq!(
            subjects(&mails),
            ["New booking: Consultation with grace on Tue 8 Jan 2030, 10:00 (Europe/Berlin)"],
            "{name} is told, in their zone"
        );
        assert!(mails[0].1.contains(&detail), "with a link to the booking");

        // And in their calendar feed.
        let csrf = app.csrf_with(&host, "/dashboard/bookings").await;
        let created = app
            .post_form_with(&host, "/dashboard/feed", &[("csrf_token", &csrf)])
            .await;
        assert_eq!(created.status(), 303);
        let (_, list) = page(&app, &host, "/dashboard/bookings").await;
        let at = list.find("/feeds/").expect("the feed's address");
        let feed = &list[at..at + "/feeds/".len() + 64 + 4];
        let (status, ics) = page(&app, &host, feed).await;
        assert_eq!(status, 200);
        assert!(
            ics.contains("DTSTART:20300108T090000Z"),
            "{name}'s feed: {ics}"
        );
    }
    let guest = app.mails_to("grace@example.com").await;
    let with = guest[0]
        .1
        .lines()
        .find(|l| l.starts_with("With: "))
        .unwrap();
    assert!(
        with.contains("alice Example") && with.contains(", ") && with.contains("bob Example"),
        "the guest meets both: {with}"
    );

    // Someone who does not host it: not in their list, 404 on the page and its actions.
    app.create_provider("carol").await;
    let carol = signed_in(&app, "carol").await;
    let (_, list) = page(&app, &carol, "/dashboard/bookings").await;
    assert!(!list.contains("grace"));
    assert_eq!(page(&app, &carol, &detail).await.0, 404);
    let token = app.csrf_with(&carol, "/dashboard/bookings").await;
    let cancel = app
        .post_form_with(
            &carol,
            &format!("{detail}/cancel"),
            &[("csrf_token", &token), ("reason", "mine now")],
        )
        .await;
    assert_eq!(cancel.status(), 404);

    // The guest cancels: both hosts are told.
    let link = link_in_mail(&app, "grace@example.com", "Booking confirmed", "Cancel").await;
    let html = app.get(&link).await.text().await.unwrap();
    let csrf = crate::helpers::csrf_token(&html);
    let done = app
        .post_form(&link, &[("csrf_token", &csrf), ("reason", "ill")])
        .await;
    assert_eq!(done.status(), 200);
    for name in ["alice", "bob"] {
        let mails = app.mails_to(&format!("{name}@example.com")).await;
        assert!(
            subjects(&mails)
                .iter()
                .any(|s| s.starts_with("Cancelled by the guest: Consultation with grace")),
            "{name}: {mails:?}"
        );
    }
}

/// The holding booking of the guest at `email`, and its host.
async fn booking_of(app: &TestApp, email: &str) -> (Uuid, Uuid) {
    use diesel::prelude::*;
    use slotbook::db::schema::bookings as b;
    let email = email.to_owned();
    app.db(move |conn| {
        b::table
            .filter(b::guest_email.eq(email))
            .filter(b::status.eq("confirmed"))
            .select((b::id, b::provider_id))
            .first::<(Uuid, Uuid)>(conn)
            .unwrap()
    })
    .await
}

async fn desk_moves_and_cancellations_mail_the_guest_only_when_asked_and_always_the_hosts(
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
    let alice = hosts[0].to_string();
    let bob = hosts[1].to_string();
    let caller = |time: &'static str, email: &'static str, mails: bool| {
        let mut fields = vec![
            ("service", service.clone()),
            ("host", alice.clone()),
            ("date", "2030-01-08".to_owned()),
            ("time", time.to_owned()),
            ("name", "Caller".to_owned()),
            ("email", email.to_owned()),
        ];
        if mails {
            fields.push(("send_mails", "on".to_owned()));
        }
        fields
    };
    for (time, email, mails) in [
        ("10:00", "mailed@example.com", true),
        ("11:00", "quiet@example.com", false),
    ] {
        let fields = caller(time, email, mails);
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(desk_book(&app, &staff, &fields).await.status(), 303);
    }
    assert_eq!(app.mails_to("mailed@example.com").await.len(), 1);
    assert!(app.mails_to("quiet@example.com").await.is_empty());
    assert_eq!(
        app.mails_to("alice@example.com").await.len(),
        2,
        "the host hears of both"
    );

    // Each moves to bob: the guest who gets mails hears of it with fresh links; both
    // hosts (the old and the new) are told.
    for (guest, time) in [("mailed", "12:00"), ("quiet", "13:00")] {
        let (id, _) = booking_of(&app, &format!("{guest}@example.com")).await;
        let path = format!("/teams/harbour/desk/bookings/{id}");
        let token = app.csrf_with(&staff, &path).await;
        let moved = app
            .post_form_with(
                &staff,
                &format!("{path}/move"),
                &[
                    ("csrf_token", &token),
                    ("host", &bob),
                    ("date", "2030-01-08"),
                    ("time", time),
                ],
            )
            .await;
        assert_eq!(moved.status(), 303, "{}", moved.text().await.unwrap());
    }
    let mailed = app.mails_to("mailed@example.com").await;
    assert_eq!(
        subjects(&mailed)[1],
        "Booking moved: Consultation on Tue 8 Jan 2030, 12:00 (Europe/Berlin)"
    );
    assert!(mailed[1].1.contains("With: bob Example"));
    assert!(app.mails_to("quiet@example.com").await.is_empty());
    for name in ["alice", "bob"] {
        let moves: Vec<String> = app
            .mails_to(&format!("{name}@example.com"))
            .await
            .into_iter()
            .map(|(s, _)| s)
            .filter(|s| s.starts_with("Moved: "))
            .collect();
        assert_eq!(
            moves,
            [
                "Moved: Consultation with Caller now on Tue 8 Jan 2030, 12:00 (Europe/Berlin)",
                "Moved: Consultation with Caller now on Tue 8 Jan 2030, 13:00 (Europe/Berlin)"
            ],
            "{name}"
        );
    }
    // The new links work; the old ones are dead.
    let old = link_in_mail(&app, "mailed@example.com", "Booking confirmed", "Cancel").await;
    assert_eq!(app.get(&old).await.status(), 410);
    let new = link_in_mail(&app, "mailed@example.com", "Booking moved", "Cancel").await;
    assert_eq!(app.get(&new).await.status(), 200);

    // Cancelled by the desk: the same rule.
    for guest in ["mailed", "quiet"] {
        let (id, host) = booking_of(&app, &format!("{guest}@example.com")).await;
        assert_eq!(host, hosts[1]);
        let path = format!("/teams/harbour/desk/bookings/{id}");
        let token = app.csrf_with(&staff, &path).await;
        let cancelled = app
            .post_form_with(
                &staff,
                &format!("{path}/status"),
                &[
                    ("csrf_token", &token),
                    ("action", "cancel"),
                    ("reason", "doctor ill"),
                ],
            )
            .await;
        assert_eq!(cancelled.status(), 303);
    }
    let mailed = app.mails_to("mailed@example.com").await;
    assert_eq!(mailed.len(), 3);
    assert!(mailed[2].0.starts_with("Booking cancelled: Consultation"));
    assert!(mailed[2].1.contains("doctor ill"));
    assert!(app.mails_to("quiet@example.com").await.is_empty());
    let bobs: Vec<(String, String)> = app
        .mails_to("bob@example.com")
        .await
        .into_iter()
        .filter(|(s, _)| s.starts_with("Cancelled: "))
        .collect();
    assert_eq!(bobs.len(), 2, "the host hears of both cancellations");
    assert!(bobs[0].1.contains("(\"doctor ill\")") && bobs[0].1.contains("Europe/Berlin"));
}

async fn a_guests_round_robin_move_keeps_the_host_while_free_and_otherwise_picks_a_free_one(
    app: TestApp,
) {
    let hosts = arrange_team(
        &app,
        &["alice", "bob"],
        "consult",
        AssignmentMode::RoundRobin,
    )
    .await;
    assert_eq!(
        book(&app, "/harbour/consult", tuesday_ten(), None, "grace")
            .await
            .status(),
        303
    );
    let first = if holding(&app, hosts[0]).await.is_empty() {
        hosts[1]
    } else {
        hosts[0]
    };
    let other = if first == hosts[0] {
        hosts[1]
    } else {
        hosts[0]
    };

    // An hour later the host is free: the move keeps them, although the fairness rule
    // alone would now prefer the other host (who has no bookings).
    let later = tuesday_ten() + Duration::hours(1);
    let link = link_in_mail(&app, "grace@example.com", "Booking confirmed", "Reschedule").await;
    let token = token_of(&location(&app.get(&link).await));
    let moved = move_through(&app, "/harbour/consult", &token, later, later).await;
    assert_eq!(moved.status(), 303, "{}", moved.text().await.unwrap());
    let kept = holding(&app, first).await;
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].1.start, later, "same host, new time");
    assert!(holding(&app, other).await.is_empty());

    // Someone books that host at 13:00; grace moves there: the host is busy, so the free
    // one takes it, and no host holds two overlapping bookings.
    let busy = tuesday_ten() + Duration::hours(3);
    assert_eq!(
        book(&app, "/harbour/consult", busy, Some(first), "henry")
            .await
            .status(),
        303
    );
    let link = link_in_mail(&app, "grace@example.com", "Booking moved", "Reschedule").await;
    let token = token_of(&location(&app.get(&link).await));
    let moved = move_through(&app, "/harbour/consult", &token, busy, busy).await;
    assert_eq!(moved.status(), 303, "{}", moved.text().await.unwrap());
    let firsts = holding(&app, first).await;
    assert_eq!(firsts.len(), 1, "only henry's: {firsts:?}");
    let others = holding(&app, other).await;
    assert_eq!(others.len(), 1);
    assert_eq!(others[0].1.start, busy, "grace moved to the free host");
    let row = app
        .db(move |conn| bookings::find(conn, others[0].0).unwrap().unwrap())
        .await;
    assert_eq!(row.guest_name, "grace");
    assert!(row.rescheduled_from_id.is_some());
    // Each host hears of it: the new one of the move, the old one that it left them.
    let email = |id: Uuid| {
        if id == hosts[0] {
            "alice@example.com"
        } else {
            "bob@example.com"
        }
    };
    let to_new = app.mails_to(email(other)).await;
    assert!(
        subjects(&to_new).contains(
            &"Rescheduled: Consultation with grace now on Tue 8 Jan 2030, 13:00 (Europe/Berlin)"
        ),
        "{to_new:?}"
    );
    let to_old = app.mails_to(email(first)).await;
    assert!(
        subjects(&to_old).contains(
            &"Cancelled: Consultation with grace on Tue 8 Jan 2030, 11:00 (Europe/Berlin)"
        ),
        "{to_old:?}"
    );
}

/// The agenda mails queued for `to`.
async fn agendas(app: &TestApp, to: &str) -> Vec<(String, String)> {
    app.mails_to(to)
        .await
        .into_iter()
        .filter(|(s, _)| s.starts_with("Harbour Clinic: agenda"))
        .collect()
}

async fn an_opted_in_member_gets_the_days_agenda_once_from_seven_in_the_teams_zone(app: TestApp) {
    arrange_team(
        &app,
        &["alice", "bob"],
        "consult",
        AssignmentMode::RoundRobin,
    )
    .await;
    let staff = member(&app, "sam", TeamRole::Staff).await;
    let (_, team) = page(&app, &staff, "/teams/harbour").await;
    assert!(
        team.contains("Email me the day&#x27;s agenda")
            || team.contains("Email me the day&#39;s agenda")
            || team.contains("Email me the day's agenda"),
        "{team}"
    );
    let token = app.csrf_with(&staff, "/teams/harbour").await;
    let bad = app
        .post_form_with(
            &staff,
            "/teams/harbour/agenda",
            &[("csrf_token", &token), ("agenda_mail", "maybe")],
        )
        .await;
    assert_eq!(bad.status(), 400);
    let on = app
        .post_form_with(
            &staff,
            "/teams/harbour/agenda",
            &[("csrf_token", &token), ("agenda_mail", "on")],
        )
        .await;
    assert_eq!(on.status(), 303);
    let (_, team) = page(&app, &staff, "/teams/harbour").await;
    assert!(team.contains("Stop the agenda mail"));
    // Not a member: the team does not exist for them.
    app.create_provider("otto").await;
    let otto = signed_in(&app, "otto").await;
    let token = app.csrf_with(&otto, "/teams").await;
    let refused = app
        .post_form_with(
            &otto,
            "/teams/harbour/agenda",
            &[("csrf_token", &token), ("agenda_mail", "on")],
        )
        .await;
    assert_eq!(refused.status(), 404);

    for (start, guest) in [
        (tuesday_ten(), "grace"),
        (tuesday_ten() + Duration::days(1), "henry"),
    ] {
        assert_eq!(
            book(&app, "/harbour/consult", start, None, guest)
                .await
                .status(),
            303
        );
    }

    // 06:59 in Berlin on Tuesday: not yet.
    app.clock
        .set(Utc.with_ymd_and_hms(2030, 1, 8, 5, 59, 0).unwrap());
    assert_eq!(send_team_agendas(&app.state).await.unwrap(), 0);
    assert!(agendas(&app, "sam@example.com").await.is_empty());

    // 07:00: one mail, however many passes run at once and after.
    app.clock
        .set(Utc.with_ymd_and_hms(2030, 1, 8, 6, 0, 0).unwrap());
    let (a, b, c) = tokio::join!(
        send_team_agendas(&app.state),
        send_team_agendas(&app.state),
        send_team_agendas(&app.state)
    );
    assert_eq!(a.unwrap() + b.unwrap() + c.unwrap(), 1);
    app.clock.advance(Duration::hours(3));
    assert_eq!(send_team_agendas(&app.state).await.unwrap(), 0);
    let mails = agendas(&app, "sam@example.com").await;
    assert_eq!(mails.len(), 1, "{mails:?}");
    let (subject, text) = &mails[0];
    assert_eq!(
        subject,
        "Harbour Clinic: agenda for Tuesday, 8 January 2030 (1 booking)"
    );
    assert!(
        text.contains("10:00–10:30 (Europe/Berlin)  Consultation"),
        "{text}"
    );
    assert!(
        text.contains("Guest: grace") && !text.contains("henry"),
        "{text}"
    );
    assert!(text.contains("With: alice Example") || text.contains("With: bob Example"));
    assert!(text.contains("Status: confirmed"), "{text}");
    assert!(text.contains("/teams/harbour/desk?view=day&date=2030-01-08"));
    assert!(
        agendas(&app, "alice@example.com").await.is_empty(),
        "only members who asked"
    );

    // The next morning: Wednesday's agenda. After opting out: none.
    app.clock
        .set(Utc.with_ymd_and_hms(2030, 1, 9, 6, 30, 0).unwrap());
    assert_eq!(send_team_agendas(&app.state).await.unwrap(), 1);
    let mails = agendas(&app, "sam@example.com").await;
    assert!(mails[1].1.contains("Guest: henry"), "{}", mails[1].1);
    let token = app.csrf_with(&staff, "/teams/harbour").await;
    let off = app
        .post_form_with(
            &staff,
            "/teams/harbour/agenda",
            &[("csrf_token", &token), ("agenda_mail", "off")],
        )
        .await;
    assert_eq!(off.status(), 303);
    app.clock
        .set(Utc.with_ymd_and_hms(2030, 1, 10, 6, 30, 0).unwrap());
    assert_eq!(send_team_agendas(&app.state).await.unwrap(), 0);
}
