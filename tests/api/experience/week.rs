//! The provider's week view and day agenda, server-rendered.

use super::{page, signed_in_alice};
use crate::booking::{book, tuesday_ten, GUEST};
use crate::both_backends;
use crate::helpers::{location, TestApp};

both_backends!(
    the_week_shows_bookings_by_hour_with_hours_shaded_and_time_off,
    the_day_agenda_shows_one_day_and_steps_day_by_day,
    week_and_day_are_the_providers_own_and_refuse_bad_dates,
);

async fn the_week_shows_bookings_by_hour_with_hours_shaded_and_time_off(app: TestApp) {
    signed_in_alice(&app, |_| {}).await;
    assert_eq!(book(&app, tuesday_ten(), GUEST).await.status(), 303);
    let csrf = app.csrf_for("/dashboard/time-off").await;
    let off = app
        .post_form(
            "/dashboard/time-off",
            &[
                ("csrf_token", &csrf),
                ("start_date", "2030-01-10"),
                ("end_date", "2030-01-10"),
                ("reason", "Conference"),
            ],
        )
        .await;
    assert_eq!(off.status(), 303);
    let dashboard = page(&app, "/dashboard", 200).await;
    assert!(
        dashboard.contains("href=\"/dashboard/week\"")
            && dashboard.contains("href=\"/dashboard/day\"")
    );

    let week = page(&app, "/dashboard/week?date=2030-01-09", 200).await;
    assert!(week.contains("Week: 7 Jan \u{2013} 13 Jan 2030"), "{week}");
    assert!(week.contains("Times in <strong>Europe/Berlin</strong>. 1 booking."));
    // Columns Monday to Sunday, each linking its day agenda.
    for day in ["Mon 7 Jan", "Tue 8 Jan", "Sun 13 Jan"] {
        assert!(week.contains(&format!(">{day}</a></th>")), "{day}");
    }
    assert!(week.contains("<a href=\"/dashboard/day?date=2030-01-08\">"));
    let block = "<span class=\"block-time\">10:00\u{2013}10:30</span> Grace Guest · Intro call <span class=\"status status-confirmed\">Confirmed</span>";
    assert!(week.contains(block), "{week}");
    // The 10:00 row: Monday open, Tuesday open with the booking, Thursday off.
    let row = week
        .split("<th scope=\"row\">10:00</th>")
        .nth(1)
        .unwrap()
        .split("</tr>")
        .next()
        .unwrap();
    let cells: Vec<&str> = row
        .split("<td class=\"")
        .skip(1)
        .map(|c| c.split('"').next().unwrap())
        .collect();
    assert_eq!(
        cells,
        vec!["open", "open", "open", "open off", "open", "", ""],
        "{row}"
    );
    assert!(row.contains("Time off."));
    let before = week
        .split("<th scope=\"row\">08:00</th>")
        .nth(1)
        .unwrap()
        .split("</tr>")
        .next()
        .unwrap();
    assert!(
        !before.contains("class=\"open"),
        "08:00 is outside working hours"
    );
    assert!(week.contains("Time off: Thu 10 Jan, 00:00 \u{2013} Fri 11 Jan, 00:00 (Europe/Berlin)"));
    assert!(
        week.contains("href=\"/dashboard/week?date=2029-12-31\"")
            && week.contains("href=\"/dashboard/week?date=2030-01-14\"")
    );
    let next = page(&app, "/dashboard/week?date=2030-01-14", 200).await;
    assert!(!next.contains("Grace Guest") && next.contains("0 bookings."));
    // The current week without a date: "now" is Monday 7 January 2030.
    let current = page(&app, "/dashboard/week", 200).await;
    assert!(
        current.contains("Week: 7 Jan \u{2013} 13 Jan 2030") && current.contains("class=\"today\"")
    );
}

async fn the_day_agenda_shows_one_day_and_steps_day_by_day(app: TestApp) {
    signed_in_alice(&app, |_| {}).await;
    assert_eq!(book(&app, tuesday_ten(), GUEST).await.status(), 303);
    let day = page(&app, "/dashboard/day?date=2030-01-08", 200).await;
    assert!(day.contains("Day agenda: Tuesday, 8 January 2030"), "{day}");
    assert!(day.contains("10:00\u{2013}10:30</span> Grace Guest"));
    assert_eq!(
        day.matches("<th scope=\"col\"").count(),
        2,
        "the hour column and one day"
    );
    assert!(
        day.contains("href=\"/dashboard/day?date=2030-01-07\"")
            && day.contains("href=\"/dashboard/day?date=2030-01-09\"")
    );
    assert!(day.contains("href=\"/dashboard/week?date=2030-01-08\""));
    let wednesday = page(&app, "/dashboard/day?date=2030-01-09", 200).await;
    assert!(!wednesday.contains("Grace Guest"));
    let today = page(&app, "/dashboard/day", 200).await;
    assert!(today.contains("Day agenda: Monday, 7 January 2030"));
}

async fn week_and_day_are_the_providers_own_and_refuse_bad_dates(app: TestApp) {
    signed_in_alice(&app, |_| {}).await;
    assert_eq!(book(&app, tuesday_ten(), GUEST).await.status(), 303);
    for path in [
        "/dashboard/week?date=soon",
        "/dashboard/day?date=2030-02-30",
    ] {
        let bad = app.get(path).await;
        assert_eq!(bad.status(), 400, "{path}");
        assert!(bad
            .text()
            .await
            .unwrap()
            .contains("Dates must look like 2030-01-31."));
    }
    let far = app.get("/dashboard/week?date=2500-01-01").await;
    assert_eq!(far.status(), 400);
    // Another provider sees only their own (empty) week.
    let bob = app.create_provider("bob").await;
    let client = app.new_client();
    app.sign_in(&client, &bob.username, &bob.password).await;
    let theirs = app
        .get_with(&client, "/dashboard/week?date=2030-01-08")
        .await
        .text()
        .await
        .unwrap();
    assert!(!theirs.contains("Grace Guest") && theirs.contains("0 bookings."));
    let signed_out = app.new_client();
    let refused = app.get_with(&signed_out, "/dashboard/day").await;
    assert_eq!(refused.status(), 303);
    assert!(location(&refused).starts_with("/login?next="));
}
