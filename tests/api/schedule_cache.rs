//! The month and day pages keep each provider's schedule rows, and the provider, service
//! and look around them, in memory under a schedule version the database bumps: every
//! change to what the page reads, by whichever writer, shows on the very next page view,
//! and a hold that lapses frees its time without any write.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, TimeZone, Utc, Weekday};
use diesel::prelude::*;
use slotbook::db::models::services;
use slotbook::db::models::{availability, bookings, calendars, provider_looks, users};
use slotbook::db::schema::calendar_busy_blocks;
use slotbook::db::types::{DbId, DbTime};
use slotbook::domain::account::Profile;
use slotbook::domain::availability::{LocalInterval, TimeRange, WeeklyRule};
use slotbook::domain::booking::BookingStatus;
use slotbook::domain::look::Look;
use slotbook::domain::service::{ConfirmationMode, ServiceSpec};
use slotbook::domain::time::Timezone;
use uuid::Uuid;

use crate::booking::{arrange_provider, book, holding_rows, GUEST};
use crate::both_backends;
use crate::helpers::{test_now, TestApp};

both_backends!(
    every_change_to_a_schedule_shows_on_the_next_page_view,
    a_lapsed_hold_frees_its_time_on_the_next_page_view_without_a_write,
    edits_of_the_provider_the_service_and_the_look_show_on_the_next_page_view,
    a_kept_view_drops_a_time_the_moment_it_enters_the_notice_window,
    a_kept_view_offers_a_lapsed_holds_time_the_moment_it_lapses,
    a_kept_view_is_only_ever_an_anonymous_visitors_in_their_locale,
    a_kept_view_is_answered_compressed_as_asked_and_decodes_to_the_same_page,
);

/// Tuesday 15 January 2030, shown in Berlin.
const DAY_PAGE: &str = "/alice/intro?tz=Europe/Berlin&month=2030-01&date=2030-01-15";

/// The times the day page offers ("09:00", …), in order.
async fn times(app: &TestApp) -> Vec<String> {
    let response = app.get(DAY_PAGE).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    html.split("/alice/intro/book?start=")
        .skip(1)
        .filter_map(|rest| {
            let label = rest.split_once("\">")?.1;
            label.get(..5).map(str::to_owned)
        })
        .collect()
}

/// Berlin wall-clock `hh:mm` on 15 January 2030 (UTC+1) as an instant.
fn berlin(hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2030, 1, 15, hour - 1, minute, 0)
        .unwrap()
}

fn half_hours(from: (u32, u32), to: (u32, u32)) -> Vec<String> {
    let mut out = Vec::new();
    let (mut h, mut m) = from;
    while (h, m) < to {
        out.push(format!("{h:02}:{m:02}"));
        (h, m) = if m == 30 { (h + 1, 0) } else { (h, 30) };
    }
    out
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

async fn every_change_to_a_schedule_shows_on_the_next_page_view(app: TestApp) {
    let provider = arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    let id = provider.id;
    let day = NaiveDate::from_ymd_opt(2030, 1, 15).unwrap();
    assert_eq!(times(&app).await, half_hours((9, 0), (17, 0)));
    // Seen twice: the second view is served from the kept rows.
    assert_eq!(times(&app).await, half_hours((9, 0), (17, 0)));

    // Weekly hours: Tuesday evenings too.
    app.db(move |conn| {
        let evening = WeeklyRule::new(Weekday::Tue, time(17, 0), time(18, 0));
        availability::insert_rule(conn, id, &evening, test_now()).unwrap();
    })
    .await;
    assert_eq!(times(&app).await, half_hours((9, 0), (18, 0)));

    // A date override: only the morning of the 15th.
    app.db(move |conn| {
        let morning = LocalInterval::new(time(9, 0), time(12, 0));
        availability::replace_override(conn, id, day, &[morning], test_now()).unwrap();
    })
    .await;
    assert_eq!(times(&app).await, half_hours((9, 0), (12, 0)));

    // Time off from 10:00 to 11:00.
    let time_off = app
        .db(move |conn| {
            let range = TimeRange::new(berlin(10, 0), berlin(11, 0));
            availability::insert_time_off(conn, id, range, "dentist", test_now()).unwrap()
        })
        .await;
    assert_eq!(times(&app).await, ["09:00", "09:30", "11:00", "11:30"]);

    // A busy time from a subscribed calendar at 11:00.
    app.db(move |conn| {
        let source = calendars::create(conn, id, "https://cal.example.com/a.ics", test_now())
            .unwrap()
            .unwrap();
        diesel::insert_into(calendar_busy_blocks::table)
            .values((
                calendar_busy_blocks::id.eq(DbId(Uuid::now_v7())),
                calendar_busy_blocks::source_id.eq(DbId(source)),
                calendar_busy_blocks::provider_id.eq(DbId(id)),
                calendar_busy_blocks::uid.eq("meeting@example.com"),
                calendar_busy_blocks::start_at.eq(DbTime(berlin(11, 0))),
                calendar_busy_blocks::end_at.eq(DbTime(berlin(11, 30))),
            ))
            .execute(conn)
            .unwrap();
    })
    .await;
    assert_eq!(times(&app).await, ["09:00", "09:30", "11:30"]);

    // A guest books 09:00 through the page.
    let response = book(&app, berlin(9, 0), GUEST).await;
    assert!(response.status().is_redirection(), "{}", response.status());
    assert_eq!(times(&app).await, ["09:30", "11:30"]);

    // The booking is cancelled (a status change, written by another writer).
    let booking = holding_rows(&app, id).await[0].id;
    app.db(move |conn| {
        let cancelled = bookings::transition(
            conn,
            booking,
            BookingStatus::Confirmed,
            BookingStatus::Cancelled,
            test_now(),
        );
        assert!(cancelled.unwrap());
    })
    .await;
    assert_eq!(times(&app).await, ["09:00", "09:30", "11:30"]);

    // The time off and the override go again.
    app.db(move |conn| {
        assert!(availability::delete_time_off(conn, id, time_off).unwrap());
        availability::delete_override(conn, id, day).unwrap();
    })
    .await;
    let mut expected = half_hours((9, 0), (11, 0));
    expected.extend(half_hours((11, 30), (18, 0)));
    assert_eq!(times(&app).await, expected);
}

async fn a_lapsed_hold_frees_its_time_on_the_next_page_view_without_a_write(app: TestApp) {
    let provider = arrange_provider(&app, ConfirmationMode::Email, |spec| {
        spec.hold_minutes = 30;
    })
    .await;
    let response = book(&app, berlin(9, 0), GUEST).await;
    assert!(response.status().is_redirection(), "{}", response.status());
    let held = holding_rows(&app, provider.id).await;
    assert_eq!(held[0].status(), BookingStatus::Pending);
    assert!(!times(&app).await.contains(&"09:00".to_owned()));

    // Nothing is written when the hold lapses: the page alone must see it.
    app.clock.advance(TimeDelta::minutes(31));
    assert!(times(&app).await.contains(&"09:00".to_owned()));
    let still = holding_rows(&app, provider.id).await;
    assert_eq!(still[0].status(), BookingStatus::Pending, "no sweeper ran");
}

/// The day page in the provider's own zone (no `?tz=`): status and body.
async fn page_in_home_zone(app: &TestApp) -> (u16, String) {
    let response = app.get("/alice/intro?month=2030-01&date=2030-01-15").await;
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

async fn edits_of_the_provider_the_service_and_the_look_show_on_the_next_page_view(app: TestApp) {
    let provider = arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    let (id, service_id) = (provider.id, provider.service_id);
    let (status, html) = page_in_home_zone(&app).await;
    assert_eq!(status, 200);
    assert!(html.contains("Intro call") && html.contains("Alice Example"));
    assert!(html.contains(r#"<option value="Europe/Berlin" selected>"#));
    // Seen twice: the second view is served from what the first one kept.
    assert!(page_in_home_zone(&app).await.1.contains("Intro call"));

    // The provider renames the service.
    app.db(move |conn| {
        let spec = ServiceSpec {
            name: "Deep dive".into(),
            slug: "intro".into(),
            min_notice_minutes: 0,
            ..ServiceSpec::defaults()
        };
        assert!(services::update(conn, id, service_id, &spec, test_now()).unwrap());
    })
    .await;
    let html = page_in_home_zone(&app).await.1;
    assert!(html.contains("Deep dive"), "the new name shows");
    assert!(!html.contains("Intro call"), "the old name is gone");

    // The provider's name and timezone change: the page shows them, and its own zone.
    app.db(move |conn| {
        let profile = Profile {
            full_name: "Alice Beispiel".into(),
            business_name: String::new(),
            bio: String::new(),
            timezone: Timezone::parse("America/New_York").unwrap(),
            language: None,
        };
        users::update_profile(conn, id, &profile, test_now()).unwrap();
    })
    .await;
    let html = page_in_home_zone(&app).await.1;
    assert!(html.contains("Alice Beispiel") && !html.contains("Alice Example"));
    assert!(html.contains(r#"<option value="America/New_York" selected>"#));

    // A logo text in the provider's look.
    app.db(move |conn| {
        let look = Look {
            logo_text: Some("Praxis Beispiel".into()),
            ..Look::default()
        };
        provider_looks::save(conn, id, &look, test_now()).unwrap();
    })
    .await;
    assert!(page_in_home_zone(&app).await.1.contains("Praxis Beispiel"));

    // A paused service is not found; active again, it is back.
    let set_active = |active: bool| {
        app.db(move |conn| {
            assert!(services::set_active(conn, id, service_id, active, test_now()).unwrap());
        })
    };
    set_active(false).await;
    assert_eq!(page_in_home_zone(&app).await.0, 404);
    set_active(true).await;
    assert_eq!(page_in_home_zone(&app).await.0, 200);

    // A deactivated provider's page is gone on the next view.
    app.db(move |conn| {
        assert!(users::set_provider_active(conn, id, false, test_now()).unwrap());
    })
    .await;
    assert_eq!(page_in_home_zone(&app).await.0, 404);
}

async fn a_kept_view_drops_a_time_the_moment_it_enters_the_notice_window(app: TestApp) {
    arrange_provider(&app, ConfirmationMode::Instant, |spec| {
        spec.min_notice_minutes = 60;
    })
    .await;
    // Half a minute before 09:00 needs booking an hour ahead.
    app.clock.set(berlin(8, 0) - TimeDelta::seconds(30));
    assert_eq!(times(&app).await[0], "09:00");
    assert!(app.state.pages.view_bytes() > 0, "the view is kept");
    assert_eq!(times(&app).await[0], "09:00", "and served again");

    // A second past 08:00, well within the time any view is kept: 09:00 is too soon.
    app.clock.advance(TimeDelta::seconds(31));
    assert_eq!(times(&app).await[0], "09:30");
}

async fn a_kept_view_offers_a_lapsed_holds_time_the_moment_it_lapses(app: TestApp) {
    let provider = arrange_provider(&app, ConfirmationMode::Email, |spec| {
        spec.hold_minutes = 30;
    })
    .await;
    let response = book(&app, berlin(9, 0), GUEST).await;
    assert!(response.status().is_redirection(), "{}", response.status());
    let lapses = holding_rows(&app, provider.id).await[0]
        .hold_expires_at
        .expect("a pending booking holds until a time");

    app.clock.set(lapses - TimeDelta::seconds(20));
    assert!(!times(&app).await.contains(&"09:00".to_owned()));
    assert!(!times(&app).await.contains(&"09:00".to_owned()), "kept");
    app.clock.set(lapses + TimeDelta::seconds(1));
    assert!(
        times(&app).await.contains(&"09:00".to_owned()),
        "offered again the moment the hold lapsed, not when the view would have gone stale"
    );
}

async fn a_kept_view_is_only_ever_an_anonymous_visitors_in_their_locale(app: TestApp) {
    arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    // Before the day's first time (a view whose first time is now is not worth keeping).
    app.clock.set(test_now() - TimeDelta::minutes(10));
    let signed_in_nav = r#"name="csrf_token""#;
    let anonymous = app.get(DAY_PAGE).await.text().await.unwrap();
    assert!(!anonymous.contains(signed_in_nav));
    assert!(
        app.state.pages.view_bytes() > 0,
        "the anonymous view is kept"
    );

    // A signed-in provider is not served the kept view, and their view is not kept.
    let bob = app.create_provider("bob").await;
    let browser = app.new_client();
    app.sign_in(&browser, &bob.username, &bob.password).await;
    let kept_before = app.state.pages.view_bytes();
    let theirs = app.get_with(&browser, DAY_PAGE).await.text().await.unwrap();
    assert!(
        theirs.contains(signed_in_nav),
        "bob sees his own navigation"
    );
    assert_eq!(
        app.state.pages.view_bytes(),
        kept_before,
        "bob's view is not kept"
    );
    let again = app.get(DAY_PAGE).await.text().await.unwrap();
    assert!(
        !again.contains(signed_in_nav),
        "nobody is served bob's view"
    );
    assert_eq!(again, anonymous);

    // The same address in another language is another view.
    let german = app
        .client
        .get(app.url(DAY_PAGE))
        .header("Accept-Language", "de-DE")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(german.contains(r#"<html lang="de""#), "{german}");
    let english = app.get(DAY_PAGE).await.text().await.unwrap();
    assert!(!english.contains(r#"<html lang="de""#));
    assert_eq!(english, anonymous);
}

async fn a_kept_view_is_answered_compressed_as_asked_and_decodes_to_the_same_page(app: TestApp) {
    use std::io::Read;

    arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    app.clock.set(test_now() - TimeDelta::minutes(10));
    let get = |accept: Option<&'static str>| {
        let mut request = reqwest::Client::new().get(app.url(DAY_PAGE));
        if let Some(accept) = accept {
            request = request.header("Accept-Encoding", accept);
        }
        async move {
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), 200);
            let headers = response.headers().clone();
            let coding = headers
                .get("content-encoding")
                .map(|v| v.to_str().unwrap().to_owned());
            let vary: Vec<String> = headers
                .get_all("vary")
                .iter()
                .map(|v| v.to_str().unwrap().to_ascii_lowercase())
                .collect();
            (coding, vary, response.bytes().await.unwrap())
        }
    };
    let (coding, _, plain) = get(None).await;
    assert_eq!(coding, None);
    assert!(app.state.pages.view_bytes() > 0, "the view is kept");
    let kept_plain = app.state.pages.view_bytes();

    for round in ["compressed and kept", "served as kept"] {
        let (coding, vary, wire) = get(Some("gzip, deflate, br")).await;
        assert_eq!(coding.as_deref(), Some("br"), "{round}");
        assert!(
            vary.iter().any(|v| v.contains("accept-encoding")),
            "{vary:?}"
        );
        assert!(
            wire.len() < plain.len() / 3,
            "{round}: {} of {}",
            wire.len(),
            plain.len()
        );
        let mut decoded = Vec::new();
        brotli::Decompressor::new(&wire[..], 4096)
            .read_to_end(&mut decoded)
            .unwrap();
        assert_eq!(decoded, plain, "{round}: brotli decodes to the same page");

        let (coding, _, wire) = get(Some("gzip")).await;
        assert_eq!(coding.as_deref(), Some("gzip"), "{round}");
        let mut decoded = Vec::new();
        flate2::read::GzDecoder::new(&wire[..])
            .read_to_end(&mut decoded)
            .unwrap();
        assert_eq!(decoded, plain, "{round}: gzip decodes to the same page");
    }
    assert!(
        app.state.pages.view_bytes() > kept_plain,
        "the compressed bodies are kept beside the view"
    );
    let (coding, _, body) = get(Some("br;q=0, compress")).await;
    assert_eq!(coding, None, "a refused or unknown coding is not used");
    assert_eq!(body, plain);
}
