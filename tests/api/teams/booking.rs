//! Team services over HTTP: the admin creates one with hosts and a mode; guests book "any
//! available" or a chosen host on `/{team}/{service}`; the claim picks the host in the
//! transaction; races on both backends never overlap a host's holding bookings.

use chrono::{DateTime, Duration, NaiveTime, Utc, Weekday};
use slotbook::db::models::{
    availability, booking_hosts, bookings, services, team_services, teams, users,
};
use slotbook::domain::availability::team::AssignmentMode;
use slotbook::domain::availability::{TimeRange, WeeklyRule};
use slotbook::domain::booking::BookingStatus;
use slotbook::domain::service::{ConfirmationMode, ServiceSpec};
use slotbook::domain::team::{TeamRole, TeamSlug, TeamSpec};
use slotbook::domain::time::Timezone;
use uuid::Uuid;

use crate::booking::tuesday_ten;
use crate::booking_races::spawn_for_races;
use crate::helpers::{csrf_token, hidden_field, location, test_now, Backend, TestApp};

crate::both_backends!(
    an_admin_creates_a_team_service_and_guests_book_any_available_or_a_chosen_host,
    collective_times_need_every_host_free_and_hold_every_hosts_calendar,
);

crate::on_both_backends!(
    fifty_concurrent_round_robin_posts_with_three_hosts_give_one_booking_per_host,
    collective_and_personal_posts_racing_never_overlap_a_hosts_holding_bookings,
);

/// A verified provider with weekday hours 09:00–17:00 in Berlin.
fn provider(conn: &mut slotbook::db::DbConnection, name: &str) -> Uuid {
    let now = test_now();
    let id = users::insert(
        conn,
        &users::NewUser {
            username: name,
            email: &format!("{name}@example.com"),
            password_hash: password_hash(),
            full_name: &format!("{name} Example"),
            timezone: "Europe/Berlin",
            role: "provider",
            email_verified_at: Some(now),
        },
        now,
    )
    .unwrap();
    for day in [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ] {
        let rule = WeeklyRule::new(
            day,
            NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
        );
        availability::insert_rule(conn, id, &rule, now).unwrap();
    }
    id
}

/// The hash of the harness's test password, computed once per test binary.
fn password_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| slotbook::auth::password::hash(crate::helpers::TEST_PASSWORD).unwrap())
}

fn spec(slug: &str) -> ServiceSpec {
    ServiceSpec {
        name: "Consultation".into(),
        slug: slug.into(),
        min_notice_minutes: 0,
        confirmation_mode: ConfirmationMode::Instant,
        ..ServiceSpec::defaults()
    }
}

/// Team `harbour` (Europe/Berlin) with these providers (the first is the owner) and a
/// team service `slug` hosted by all of them in `mode`. Returns the hosts' ids.
pub async fn arrange_team(
    app: &TestApp,
    names: &[&str],
    slug: &str,
    mode: AssignmentMode,
) -> Vec<Uuid> {
    let (names, slug): (Vec<String>, String) = (
        names.iter().map(|n| (*n).to_owned()).collect(),
        slug.to_owned(),
    );
    app.db(move |conn| {
        let now = test_now();
        let ids: Vec<Uuid> = names.iter().map(|n| provider(conn, n)).collect();
        let team = teams::create(
            conn,
            ids[0],
            &TeamSpec {
                name: "Harbour Clinic".into(),
                slug: TeamSlug::parse("harbour").unwrap(),
                timezone: Timezone::parse("Europe/Berlin").unwrap(),
                logo_text: String::new(),
                colour: String::new(),
            },
            now,
        )
        .unwrap();
        for id in &ids[1..] {
            teams::add_member(conn, team.id, *id, TeamRole::Provider, now).unwrap();
        }
        team_services::create(conn, team.id, ids[0], &spec(&slug), mode, &ids, now)
            .unwrap()
            .unwrap();
        ids
    })
    .await
}

/// Opens the team booking form for `start` (and `host`) and posts it for `guest`.
pub(super) async fn book(
    app: &TestApp,
    path: &str,
    start: DateTime<Utc>,
    host: Option<Uuid>,
    guest: &str,
) -> reqwest::Response {
    let host_param = host.map(|h| format!("&host={h}")).unwrap_or_default();
    let form = app
        .get(&format!(
            "{path}/book?start={}&tz=Europe/Berlin{host_param}",
            start.timestamp()
        ))
        .await;
    assert_eq!(form.status(), 200, "the booking form opens");
    let html = form.text().await.unwrap();
    let key = hidden_field(&html, "idempotency_key").unwrap();
    let host_field = hidden_field(&html, "host").unwrap_or_default();
    let csrf = csrf_token(&html);
    let start = start.timestamp().to_string();
    let email = format!("{guest}@example.com");
    app.post_form(
        &format!("{path}/book"),
        &[
            ("csrf_token", &csrf),
            ("start", &start),
            ("tz", "Europe/Berlin"),
            ("idempotency_key", &key),
            ("host", &host_field),
            ("name", guest),
            ("email", &email),
        ],
    )
    .await
}

fn week() -> TimeRange {
    TimeRange::new(test_now(), test_now() + Duration::days(7))
}

pub(super) async fn holding(app: &TestApp, host: Uuid) -> Vec<(Uuid, TimeRange)> {
    app.db(move |conn| booking_hosts::holding_for_host(conn, host, week()).unwrap())
        .await
}

fn assert_no_overlap(rows: &[(Uuid, TimeRange)]) {
    for (i, (a_id, a)) in rows.iter().enumerate() {
        for (b_id, b) in &rows[i + 1..] {
            assert!(
                a.end <= b.start || b.end <= a.start,
                "{a_id} {a:?} overlaps {b_id} {b:?}"
            );
        }
    }
}

async fn an_admin_creates_a_team_service_and_guests_book_any_available_or_a_chosen_host(
    app: TestApp,
) {
    let ids = arrange_team(
        &app,
        &["alice", "bob", "carol"],
        "other",
        AssignmentMode::RoundRobin,
    )
    .await;
    let owner = app.new_client();
    app.sign_in(&owner, "alice", crate::helpers::TEST_PASSWORD)
        .await;
    let token = app.csrf_with(&owner, "/teams/harbour/services").await;
    let base = [
        ("csrf_token", token.as_str()),
        ("name", "Consultation"),
        ("slug", "consult"),
        ("duration_minutes", "30"),
        ("max_days_ahead", "60"),
        ("confirmation_mode", "instant"),
        ("assignment_mode", "round_robin"),
        ("is_active", "on"),
    ];
    let no_hosts = app
        .post_form_with(&owner, "/teams/harbour/services", &base)
        .await;
    assert_eq!(no_hosts.status(), 422);
    assert!(no_hosts
        .text()
        .await
        .unwrap()
        .contains("Choose at least one host."));
    let hosts: Vec<String> = ids.iter().map(Uuid::to_string).collect();
    let mut form = base.to_vec();
    form.extend(hosts.iter().map(|h| ("host", h.as_str())));
    let created = app
        .post_form_with(&owner, "/teams/harbour/services", &form)
        .await;
    assert_eq!(created.status(), 303);
    // A provider (not admin) cannot create team services.
    let bob = app.new_client();
    app.sign_in(&bob, "bob", crate::helpers::TEST_PASSWORD)
        .await;
    let bob_token = app.csrf_with(&bob, "/teams").await;
    let mut bob_form = form.clone();
    bob_form[0] = ("csrf_token", bob_token.as_str());
    bob_form[2] = ("slug", "bobs");
    assert_eq!(
        app.post_form_with(&bob, "/teams/harbour/services", &bob_form)
            .await
            .status(),
        403
    );

    let team_page = app.get("/harbour").await;
    assert_eq!(team_page.status(), 200);
    let html = team_page.text().await.unwrap();
    assert!(html.contains("href=\"/harbour/consult\""));
    assert!(html.contains("bob Example") && html.contains("carol Example"));
    // The team service is not one of alice's personal services.
    assert_eq!(app.get("/alice/consult").await.status(), 404);

    let month = app
        .get("/harbour/consult?month=2030-01&date=2030-01-08")
        .await;
    assert_eq!(month.status(), 200);
    let html = month.text().await.unwrap();
    assert!(html.contains("any available"), "{html}");
    assert!(html.contains(&format!("start={}", tuesday_ten().timestamp())));
    assert!(html.contains("Europe/Berlin"));

    let chosen = book(
        &app,
        "/harbour/consult",
        tuesday_ten(),
        Some(ids[1]),
        "guest1",
    )
    .await;
    assert_eq!(chosen.status(), 303);
    let any = book(&app, "/harbour/consult", tuesday_ten(), None, "guest2").await;
    assert_eq!(any.status(), 303);
    assert!(location(&any).starts_with("/b/booked/"));
    assert_eq!(app.get(&location(&any)).await.status(), 200);
    let bobs = holding(&app, ids[1]).await;
    assert_eq!(bobs.len(), 1, "the chosen host holds the time");
    let booking = app
        .db(move |conn| bookings::find(conn, bobs[0].0).unwrap().unwrap())
        .await;
    assert_eq!(booking.provider_id, ids[1]);
    assert_eq!(booking.status(), BookingStatus::Confirmed);
    let booked: usize = {
        let mut n = 0;
        for id in &ids {
            n += holding(&app, *id).await.len();
        }
        n
    };
    assert_eq!(booked, 2, "two bookings, two different hosts");
    assert_eq!(
        app.get(&format!("/harbour/consult?host={}", Uuid::now_v7()))
            .await
            .status(),
        404
    );
    assert_eq!(app.get("/harbour/nothing").await.status(), 404);
}

async fn collective_times_need_every_host_free_and_hold_every_hosts_calendar(app: TestApp) {
    let ids = arrange_team(&app, &["alice", "bob"], "pair", AssignmentMode::Collective).await;
    let bob = ids[1];
    // Bob is busy at 10:00 Berlin with a personal booking.
    app.db(move |conn| {
        let now = test_now();
        let service = services::insert(conn, bob, &spec("intro"), now).unwrap();
        let start = tuesday_ten();
        slotbook::db::write_transaction(conn, |c| {
            bookings::insert(
                c,
                &bookings::NewBooking {
                    provider_id: bob,
                    service_id: service,
                    guest_name: "Guest".into(),
                    guest_email: "guest@example.com".into(),
                    guest_phone: None,
                    guest_timezone: "UTC".into(),
                    guest_notes: None,
                    answers: "[]".into(),
                    start_at: start,
                    end_at: start + Duration::minutes(30),
                    block_start_at: start,
                    block_end_at: start + Duration::minutes(30),
                    status: BookingStatus::Confirmed,
                    hold_expires_at: None,
                    rescheduled_from_id: None,
                    idempotency_key: None,
                },
                now,
            )
        })
        .unwrap();
    })
    .await;
    let html = app
        .get("/harbour/pair?month=2030-01&date=2030-01-08")
        .await
        .text()
        .await
        .unwrap();
    let ten = tuesday_ten().timestamp();
    let half_past = (tuesday_ten() + Duration::minutes(30)).timestamp();
    assert!(
        !html.contains(&format!("start={ten}")),
        "bob is busy at 10:00"
    );
    assert!(html.contains(&format!("start={half_past}")));
    assert!(
        !html.contains("any available"),
        "collective services have no host choice"
    );
    // Asking for the busy time directly is refused with the engine's words.
    let refused = app
        .get(&format!("/harbour/pair/book?start={ten}&tz=Europe/Berlin"))
        .await;
    assert_eq!(refused.status(), 409);
    let booked = book(
        &app,
        "/harbour/pair",
        tuesday_ten() + Duration::minutes(30),
        None,
        "guest",
    )
    .await;
    assert_eq!(booked.status(), 303);
    for host in &ids {
        let rows = holding(&app, *host).await;
        assert!(
            rows.iter()
                .any(|(_, r)| r.start == tuesday_ten() + Duration::minutes(30)),
            "every host holds the collective time"
        );
    }
}

/// Posts the team booking form `count` times at once for `start`, each with its own key.
async fn post_team_concurrently(
    app: &TestApp,
    path: &str,
    starts: Vec<DateTime<Utc>>,
) -> Vec<(u16, String)> {
    // The session's token, from a page that always has a form.
    let csrf = csrf_token(&app.get("/login").await.text().await.unwrap());
    let mut tasks = Vec::new();
    for (i, start) in starts.into_iter().enumerate() {
        let (client, url, csrf) = (
            app.client.clone(),
            app.url(&format!("{path}/book")),
            csrf.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let body = format!(
                "csrf_token={csrf}&start={}&tz=Europe%2FBerlin&idempotency_key={}&name=Guest{i}&email=guest{i}%40example.com",
                start.timestamp(),
                Uuid::new_v4().simple()
            );
            let response = client
                .post(url)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body)
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            (status, response.text().await.unwrap_or_default())
        }));
    }
    let mut answers = Vec::new();
    for task in tasks {
        answers.push(task.await.unwrap());
    }
    answers
}

async fn fifty_concurrent_round_robin_posts_with_three_hosts_give_one_booking_per_host(
    backend: Backend,
) {
    let Some(app) = spawn_for_races(backend).await else {
        return;
    };
    let ids = arrange_team(
        &app,
        &["alice", "bob", "carol"],
        "consult",
        AssignmentMode::RoundRobin,
    )
    .await;
    let answers = post_team_concurrently(&app, "/harbour/consult", vec![tuesday_ten(); 50]).await;
    let won = answers.iter().filter(|(s, _)| *s == 303).count();
    let taken: Vec<_> = answers.iter().filter(|(s, _)| *s == 409).collect();
    assert_eq!(
        (won, taken.len()),
        (3, 47),
        "{:?}",
        answers.iter().map(|a| a.0).collect::<Vec<_>>()
    );
    for (_, body) in &taken {
        assert!(body.contains("Someone else booked this time"));
        assert!(
            body.contains("/harbour/consult/book?start="),
            "alternatives are offered"
        );
    }
    for host in &ids {
        let rows = holding(&app, *host).await;
        assert_eq!(rows.len(), 1, "one booking per host");
        assert_eq!(rows[0].1.start, tuesday_ten());
    }
}

async fn collective_and_personal_posts_racing_never_overlap_a_hosts_holding_bookings(
    backend: Backend,
) {
    let Some(app) = spawn_for_races(backend).await else {
        return;
    };
    let ids = arrange_team(&app, &["alice", "bob"], "pair", AssignmentMode::Collective).await;
    let bob = ids[1];
    app.db(move |conn| {
        let mut personal = spec("intro");
        personal.slot_interval_minutes = 15;
        services::insert(conn, bob, &personal, test_now()).unwrap();
    })
    .await;
    let collective: Vec<_> = (0..20)
        .map(|i| tuesday_ten() + Duration::minutes(30 * (i % 2)))
        .collect();
    let personal: Vec<_> = (0..20)
        .map(|i| tuesday_ten() + Duration::minutes(15 * (i % 4)))
        .collect();
    // One session before the two batches start: two first visits at once would each get a
    // session, and the later cookie would leave the other batch's CSRF token stale.
    app.get("/login").await;
    let (team_answers, personal_answers) = tokio::join!(
        post_team_concurrently(&app, "/harbour/pair", collective),
        post_team_concurrently(&app, "/bob/intro", personal),
    );
    for (status, _) in team_answers.iter().chain(personal_answers.iter()) {
        assert!(*status == 303 || *status == 409, "{status}");
    }
    assert!(team_answers
        .iter()
        .chain(personal_answers.iter())
        .any(|(s, _)| *s == 303));
    for host in &ids {
        let rows = holding(&app, *host).await;
        assert_no_overlap(&rows);
    }
}
