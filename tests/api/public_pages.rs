//! The month and day pages under load-shaped data: schedule queries bounded on both sides
//! still see every booking that matters, and history outside the month changes nothing.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use slotbook::db::models::{bookings, services};
use slotbook::domain::booking::BookingStatus;
use slotbook::domain::service::{
    ConfirmationMode, ServiceSpec, MAX_BUFFER_MINUTES, MAX_DURATION_MINUTES,
};
use uuid::Uuid;

use crate::booking::{arrange_provider, Provider};
use crate::both_backends;
use crate::helpers::{test_now, TestApp};

both_backends!(
    a_booking_with_the_longest_possible_block_still_blocks_its_days,
    bookings_outside_the_month_do_not_change_its_page,
    the_month_page_opens_on_the_first_day_with_free_times,
    compressed_pages_decode_to_the_same_page,
    pages_of_a_session_are_never_compressed,
    month_and_day_pages_set_no_cookie_and_assets_are_immutable,
    the_picker_lists_common_zones_and_links_to_every_zone,
);

/// A confirmed booking of `service_id` from `start` for `minutes`, blocking `before` and
/// `after` minutes around it.
fn confirmed(
    provider: &Provider,
    service_id: Uuid,
    start: DateTime<Utc>,
    minutes: i64,
    (before, after): (i64, i64),
    n: usize,
) -> bookings::NewBooking {
    let end = start + TimeDelta::minutes(minutes);
    bookings::NewBooking {
        provider_id: provider.id,
        service_id,
        guest_name: format!("Guest {n}"),
        guest_email: format!("guest{n}@example.com"),
        guest_phone: None,
        guest_timezone: "Europe/Berlin".into(),
        guest_notes: None,
        answers: "[]".into(),
        start_at: start,
        end_at: end,
        block_start_at: start - TimeDelta::minutes(before),
        block_end_at: end + TimeDelta::minutes(after),
        status: BookingStatus::Confirmed,
        hold_expires_at: None,
        rescheduled_from_id: None,
        idempotency_key: None,
    }
}

/// The `book?start=` links of a page, in order.
fn slot_starts(html: &str) -> Vec<String> {
    html.split("/alice/intro/book?start=")
        .skip(1)
        .filter_map(|rest| rest.split('&').next())
        .map(str::to_owned)
        .collect()
}

async fn a_booking_with_the_longest_possible_block_still_blocks_its_days(app: TestApp) {
    let provider = arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    app.db(move |conn| {
        let long = ServiceSpec {
            name: "Retreat".into(),
            slug: "retreat".into(),
            duration_minutes: MAX_DURATION_MINUTES,
            slot_interval_minutes: 60,
            buffer_before_minutes: MAX_BUFFER_MINUTES,
            buffer_after_minutes: MAX_BUFFER_MINUTES,
            ..ServiceSpec::defaults()
        };
        let long_id = services::insert(conn, provider.id, &long, test_now()).unwrap();
        // Tuesday 2030-02-12 00:00 UTC for 12 hours, 12 hours of buffer on each side:
        // blocks Monday 12:00 UTC to Wednesday 00:00 UTC, the longest block there can be.
        let start = Utc.with_ymd_and_hms(2030, 2, 12, 0, 0, 0).unwrap();
        let b = i64::from(MAX_BUFFER_MINUTES);
        let long_booking = confirmed(
            &provider,
            long_id,
            start,
            i64::from(MAX_DURATION_MINUTES),
            (b, b),
            1,
        );
        bookings::insert(conn, &long_booking, test_now()).unwrap();
    })
    .await;

    // Monday the 11th: free from 09:00 Berlin (08:00 UTC) until the block begins at 13:00
    // Berlin; the last 30-minute slot starts at 12:30.
    let monday = app
        .get("/alice/intro?tz=Europe/Berlin&month=2030-02&date=2030-02-11")
        .await
        .text()
        .await
        .unwrap();
    assert!(monday.contains(">09:00<") && monday.contains(">12:30<"));
    assert!(
        !monday.contains(">13:00<"),
        "the block starts at 13:00 Berlin"
    );
    // Tuesday the 12th is wholly blocked, so it is not a link; Wednesday is free again.
    assert!(!monday.contains("date=2030-02-12"), "Tuesday is blocked");
    assert!(monday.contains("date=2030-02-13"), "Wednesday is free");
}

async fn bookings_outside_the_month_do_not_change_its_page(app: TestApp) {
    let provider = arrange_provider(&app, ConfirmationMode::Instant, |spec| {
        spec.max_days_ahead = 365;
    })
    .await;
    let page = "/alice/intro?tz=Europe/Berlin&month=2030-03&date=2030-03-12";
    let before = app.get(page).await.text().await.unwrap();
    let free_before = slot_starts(&before);
    assert_eq!(
        free_before.len(),
        16,
        "09:00 to 16:30 Berlin on Tuesday 12 March"
    );

    // History on both sides of March: every hour of working days in January and February
    // (the engine looks two days past each end: the 27th of February is still outside) and
    // from April to September, and one booking inside March (Tuesday 12th, 10:00 Berlin).
    let service_id = provider.service_id;
    app.db(move |conn| {
        diesel::Connection::transaction::<_, diesel::result::Error, _>(conn, |conn| {
            let first = Utc.with_ymd_and_hms(2030, 1, 8, 8, 0, 0).unwrap();
            let mut n = 0;
            for day in 0..260 {
                for hour in 0..8 {
                    let start = first + TimeDelta::days(day) + TimeDelta::hours(hour);
                    let march = Utc.with_ymd_and_hms(2030, 2, 27, 0, 0, 0).unwrap()
                        ..Utc.with_ymd_and_hms(2030, 4, 3, 0, 0, 0).unwrap();
                    if march.contains(&start) {
                        continue;
                    }
                    n += 1;
                    let booking = confirmed(&provider, service_id, start, 30, (0, 0), n);
                    bookings::insert(conn, &booking, test_now()).unwrap();
                }
            }
            let inside = Utc.with_ymd_and_hms(2030, 3, 12, 9, 0, 0).unwrap();
            let booking = confirmed(&provider, service_id, inside, 30, (0, 0), n + 1);
            bookings::insert(conn, &booking, test_now()).unwrap();
            Ok(())
        })
        .unwrap();
    })
    .await;

    let after = app.get(page).await.text().await.unwrap();
    let free_after = slot_starts(&after);
    let taken = Utc
        .with_ymd_and_hms(2030, 3, 12, 9, 0, 0)
        .unwrap()
        .timestamp()
        .to_string();
    let expected: Vec<String> = free_before.into_iter().filter(|s| *s != taken).collect();
    assert_eq!(free_after, expected, "only the booking inside March counts");
}

async fn the_month_page_opens_on_the_first_day_with_free_times(app: TestApp) {
    let provider = arrange_provider(&app, ConfirmationMode::Instant, |spec| {
        spec.max_days_ahead = 365;
    })
    .await;
    // Now is Monday 7 January 09:00 Berlin: today's times are the first free ones.
    let page = app.get("/alice/intro").await.text().await.unwrap();
    assert!(
        page.contains("Monday, 7 January 2030</h2>"),
        "today is shown"
    );
    let starts = slot_starts(&page);
    let nine = Utc
        .with_ymd_and_hms(2030, 1, 7, 8, 0, 0)
        .unwrap()
        .timestamp();
    let half_four = Utc
        .with_ymd_and_hms(2030, 1, 7, 15, 30, 0)
        .unwrap()
        .timestamp();
    assert_eq!(starts.first(), Some(&nine.to_string()), "first time 09:00");
    assert_eq!(
        starts.last(),
        Some(&half_four.to_string()),
        "last time 16:30"
    );

    // June 2030 begins on a Saturday and the provider works weekdays: Monday the 3rd.
    let june = app
        .get("/alice/intro?month=2030-06")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        june.contains("Monday, 3 June 2030</h2>"),
        "first working day"
    );
    assert!(
        june.contains("aria-current=\"date\">3</a>"),
        "marked in the calendar"
    );
    assert_eq!(slot_starts(&june).len(), 16);

    // When Monday the 3rd is fully booked, the page opens on Tuesday the 4th.
    let service_id = provider.service_id;
    app.db(move |conn| {
        let start = Utc.with_ymd_and_hms(2030, 6, 3, 7, 0, 0).unwrap();
        let booking = confirmed(&provider, service_id, start, 480, (0, 0), 1);
        bookings::insert(conn, &booking, test_now()).unwrap();
    })
    .await;
    let june = app
        .get("/alice/intro?month=2030-06")
        .await
        .text()
        .await
        .unwrap();
    assert!(june.contains("Tuesday, 4 June 2030</h2>"), "next free day");
    assert!(
        !june.contains("date=2030-06-03"),
        "Monday is no longer a link"
    );

    // A date asked for is shown as asked, even one without free times.
    let sunday = app
        .get("/alice/intro?month=2030-06&date=2030-06-09")
        .await
        .text()
        .await
        .unwrap();
    assert!(sunday.contains("Sunday, 9 June 2030</h2>"));
    assert!(sunday.contains("No free times on this day."));
    assert!(slot_starts(&sunday).is_empty());
}

/// A GET without cookies or automatic decompression, with the given `Accept-Encoding`.
async fn raw_get(app: &TestApp, path: &str, accept: Option<&str>) -> reqwest::Response {
    let client = reqwest::Client::new();
    let mut request = client.get(app.url(path));
    if let Some(accept) = accept {
        request = request.header("Accept-Encoding", accept);
    }
    request.send().await.unwrap()
}

fn header(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_owned())
}

async fn compressed_pages_decode_to_the_same_page(app: TestApp) {
    use std::io::Read;

    arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    let page = "/alice/intro?tz=Europe/Berlin&month=2030-01&date=2030-01-08";
    let plain = raw_get(&app, page, None).await;
    assert_eq!(header(&plain, "content-encoding"), None);
    let plain = plain.bytes().await.unwrap();
    assert!(plain.len() > 1000);

    let gzip = raw_get(&app, page, Some("gzip")).await;
    assert_eq!(gzip.status(), 200);
    assert_eq!(header(&gzip, "content-encoding").as_deref(), Some("gzip"));
    let wire = gzip.bytes().await.unwrap();
    assert!(
        wire.len() < plain.len() / 2,
        "{} of {}",
        wire.len(),
        plain.len()
    );
    let mut decoded = Vec::new();
    flate2::read::GzDecoder::new(&wire[..])
        .read_to_end(&mut decoded)
        .unwrap();
    assert_eq!(decoded, plain, "gzip decodes to the same page");

    let brotli = raw_get(&app, page, Some("br, gzip;q=0.5")).await;
    assert_eq!(header(&brotli, "content-encoding").as_deref(), Some("br"));
    let wire = brotli.bytes().await.unwrap();
    let mut decoded = Vec::new();
    brotli::Decompressor::new(&wire[..], 4096)
        .read_to_end(&mut decoded)
        .unwrap();
    assert_eq!(decoded, plain, "brotli decodes to the same page");

    // Static assets are compressed too; an encoding the server does not offer is not used.
    let css = slotbook::views::assets::url("css/app.css");
    let asset = raw_get(&app, &css, Some("gzip")).await;
    assert_eq!(header(&asset, "content-encoding").as_deref(), Some("gzip"));
    let other = raw_get(&app, page, Some("compress")).await;
    assert_eq!(header(&other, "content-encoding"), None);
    assert_eq!(other.bytes().await.unwrap(), plain);
}

async fn pages_of_a_session_are_never_compressed(app: TestApp) {
    arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    // The booking form gives the visitor a session (its CSRF token) ...
    let form = raw_get(
        &app,
        &format!(
            "/alice/intro/book?start={}",
            crate::booking::tuesday_ten().timestamp()
        ),
        Some("gzip"),
    )
    .await;
    let cookie = header(&form, "set-cookie").expect("the form starts a session");
    let cookie = cookie.split(';').next().unwrap().to_owned();
    // ... and from then on nothing shown to that session is compressed.
    for path in ["/alice/intro", "/alice"] {
        let response = reqwest::Client::new()
            .get(app.url(path))
            .header("Accept-Encoding", "gzip, br")
            .header("Cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(header(&response, "content-encoding"), None, "{path}");
    }
    // Private areas are never compressed, session or not.
    let private = raw_get(&app, "/b/not-a-token", Some("gzip")).await;
    assert!(private.status().is_client_error());
    assert_eq!(header(&private, "content-encoding"), None);
    assert!(
        private.text().await.unwrap().contains("</html>"),
        "a page, uncompressed"
    );
}

async fn month_and_day_pages_set_no_cookie_and_assets_are_immutable(app: TestApp) {
    arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    for path in [
        "/alice/intro",
        "/alice/intro?month=2030-02",
        "/alice/intro?tz=Asia/Tokyo&month=2030-01&date=2030-01-08",
    ] {
        let response = raw_get(&app, path, Some("gzip")).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            header(&response, "set-cookie"),
            None,
            "{path} sets no cookie"
        );
        assert_eq!(
            header(&response, "cache-control"),
            None,
            "{path} may be cached"
        );
    }
    let sessions = app
        .db(|conn| {
            use diesel::prelude::*;
            slotbook::db::schema::sessions::table
                .count()
                .get_result::<i64>(conn)
                .unwrap()
        })
        .await;
    assert_eq!(sessions, 0, "no session row was written");

    let page = raw_get(&app, "/alice/intro", None)
        .await
        .text()
        .await
        .unwrap();
    let css = slotbook::views::assets::url("css/app.css");
    assert!(page.contains(&css), "the page links the hashed stylesheet");
    let asset = raw_get(&app, &css, None).await;
    assert_eq!(asset.status(), 200);
    assert_eq!(
        header(&asset, "cache-control").as_deref(),
        Some("public, max-age=31536000, immutable")
    );
}

fn options(html: &str) -> Vec<String> {
    html.split("<option value=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

async fn the_picker_lists_common_zones_and_links_to_every_zone(app: TestApp) {
    arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    // A guest in Kathmandu: their zone first (chosen), the provider's next, common ones after.
    let page = app
        .get("/alice/intro?tz=Asia/Kathmandu&month=2030-01&date=2030-01-08")
        .await
        .text()
        .await
        .unwrap();
    let zones = options(&page);
    assert_eq!(&zones[..3], ["Asia/Kathmandu", "Europe/Berlin", "UTC"]);
    assert!(zones.contains(&"America/New_York".to_owned()));
    assert!(zones.len() < 50, "a short list: {}", zones.len());
    assert!(page.contains("<option value=\"Asia/Kathmandu\" selected>"));
    let more = "/alice/intro/timezones?month=2030-01&#38;date=2030-01-08";
    assert!(
        page.contains(&format!("href=\"{more}\"")),
        "More timezones link"
    );

    // The timezones page lists every zone by region, each a link back to the same view.
    let all = app.get(&more.replace("&#38;", "&")).await;
    assert_eq!(all.status(), 200);
    assert_eq!(header(&all, "set-cookie"), None);
    let all = all.text().await.unwrap();
    for (zone, encoded) in [
        (
            "America/Argentina/Buenos_Aires",
            "America%2FArgentina%2FBuenos_Aires",
        ),
        ("Pacific/Chatham", "Pacific%2FChatham"),
        ("Asia/Kathmandu", "Asia%2FKathmandu"),
    ] {
        let link = format!(
            "<a href=\"/alice/intro?tz={encoded}&#38;month=2030-01&#38;date=2030-01-08\">{zone}</a>"
        );
        assert!(all.contains(&link), "{link}");
    }
    assert!(all.contains(">Antarctica</h2>") && all.contains(">Pacific</h2>"));
    let listed = all.matches("<li><a href=\"/alice/intro?tz=").count();
    assert_eq!(listed, slotbook::domain::time::Timezone::all_names().len());

    // Following a link shows the month in that zone; unknown services are 404.
    let chatham = app
        .get("/alice/intro?tz=Pacific%2FChatham&month=2030-01&date=2030-01-08")
        .await
        .text()
        .await
        .unwrap();
    assert!(chatham.contains("<option value=\"Pacific/Chatham\" selected>"));
    let missing = app.get("/alice/nothing/timezones").await;
    assert_eq!(missing.status(), 404);
}
