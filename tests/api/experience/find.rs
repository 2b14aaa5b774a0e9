//! "Find a time that suits me": preferred days and times of day over the whole window.

use super::{page, signed_in_alice};
use crate::both_backends;
use crate::helpers::TestApp;

both_backends!(
    preferred_days_and_times_list_the_next_matching_times_across_the_window,
    a_from_to_window_is_read_in_the_guests_zone,
    unusable_choices_rerender_with_messages,
);

async fn preferred_days_and_times_list_the_next_matching_times_across_the_window(app: TestApp) {
    signed_in_alice(&app, |_| {}).await;
    let service = page(&app, "/alice/intro?tz=Europe/Berlin", 200).await;
    assert!(
        service.contains(
            "<a href=\"/alice/intro/find?tz=Europe%2FBerlin\">Find a time that suits me</a>"
        ),
        "{service}"
    );
    let form = page(&app, "/alice/intro/find?tz=Europe%2FBerlin", 200).await;
    assert!(form.contains("Days of the week") && !form.contains("matching time"));

    let path = "/alice/intro/find?tz=Europe%2FBerlin&days=tue&days=thu&part=afternoon";
    let found = page(&app, path, 200).await;
    assert!(found.contains("The next 40 matching times"), "{found}");
    // 12:00–16:30 on Tuesdays and Thursdays: ten a day, so four days fill the list,
    // running past the end of the first week without paging.
    let days: Vec<&str> = found
        .split("<h3>")
        .skip(1)
        .map(|h| h.split("</h3>").next().unwrap())
        .collect();
    assert_eq!(
        days,
        vec![
            "Tuesday, 8 January 2030",
            "Thursday, 10 January 2030",
            "Tuesday, 15 January 2030",
            "Thursday, 17 January 2030"
        ]
    );
    assert!(found.contains(">12:00</a>") && found.contains(">16:30</a>"));
    assert!(!found.contains(">11:30</a>") && !found.contains(">17:00</a>"));
    assert!(found.contains("There are more times later"));
    assert!(
        found.contains("name=\"days\" value=\"tue\" checked")
            && found.contains("name=\"part\" value=\"afternoon\" checked")
    );
    let first = found
        .split("<ul class=\"slots\"><li><a href=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let booking_form = page(&app, &first.replace("&amp;", "&"), 200).await;
    assert!(
        booking_form.contains("Tuesday, 8 January 2030, 12:00"),
        "links book that time"
    );
}

async fn a_from_to_window_is_read_in_the_guests_zone(app: TestApp) {
    signed_in_alice(&app, |_| {}).await;
    // 17:00–18:00 in Tokyo is 09:00–10:00 in Berlin in winter.
    let found = page(
        &app,
        "/alice/intro/find?tz=Asia%2FTokyo&from=17:00&to=18:00",
        200,
    )
    .await;
    assert!(found.contains("Times are shown in Asia/Tokyo"));
    let times = found.matches("\">17:00</a>").count() + found.matches("\">17:30</a>").count();
    assert_eq!(
        times,
        found.matches("<li><a href=").count(),
        "only 17:00 and 17:30"
    );
    assert!(times > 0);
    assert!(found.contains("Wednesday, 9 January 2030") && !found.contains("Saturday"));
    let none = page(
        &app,
        "/alice/intro/find?tz=Europe%2FBerlin&days=sat&days=sun",
        200,
    )
    .await;
    assert!(none.contains("No matching times") && none.contains("Try more days"));
}

async fn unusable_choices_rerender_with_messages(app: TestApp) {
    signed_in_alice(&app, |_| {}).await;
    let bad = app
        .get("/alice/intro/find?days=someday&part=noon&from=9&to=08:00")
        .await;
    assert_eq!(bad.status(), 422);
    let html = bad.text().await.unwrap();
    assert!(html.contains("Choose days from Monday to Sunday."));
    assert!(html.contains("Choose morning, afternoon or evening."));
    assert!(html.contains("Enter a time as hours and minutes, like 17:30."));
    assert!(html.contains("href=\"#days-first\"") && html.contains("value=\"9\""));
    let reversed = app.get("/alice/intro/find?from=10:00&to=09:00").await;
    assert_eq!(reversed.status(), 422);
    assert_eq!(app.get("/alice/nothing/find?days=mon").await.status(), 404);
}
