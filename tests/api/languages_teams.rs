//! Languages on the team and booking pages (issue 16, part 2): every team page, the front
//! desk, the provider's booking list and page, and the mails to team members (moved,
//! cancelled, daily agenda, invitation) complete in each language; a member's mails
//! follow that member's language, not the language of whoever caused them.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use diesel::prelude::*;
use slotbook::db::schema::{bookings, outbox, users};
use slotbook::domain::availability::team::AssignmentMode;
use slotbook::jobs::send_team_agendas;

use crate::helpers::{hidden_field, location, TestApp, TEST_PASSWORD};
use crate::languages::{assert_complete, html_lang};
use crate::teams::booking::arrange_team;

crate::both_backends!(
    teams_pages_and_mails_are_complete_in_each_language,
    the_desk_week_starts_on_the_first_day_of_the_locales_week,
);

/// Each language with a word its team mails and pages must then show.
const LANGUAGES: [(&str, &str, &str); 5] = [
    ("de", "Verschoben: ", "bestätigt"),
    ("fr", "Déplacée : ", "confirmée"),
    ("es", "Cambiada: ", "confirmada"),
    ("en-US", "Moved: ", "confirmed"),
    ("en-GB", "Moved: ", "confirmed"),
];

async fn get_as(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, String) {
    // The member's own language wins over what the browser asks for.
    let response = client
        .get(app.url(path))
        .header("accept-language", "ja")
        .send()
        .await
        .unwrap();
    let response = crate::checkers::record(response).await;
    (response.status().as_u16(), response.text().await.unwrap())
}

/// Alice chooses `tag` in her settings; the other members get it too.
async fn set_language(app: &TestApp, alice: &reqwest::Client, tag: &'static str) {
    let chosen = post(
        app,
        alice,
        "/dashboard/settings",
        "/dashboard/settings/profile",
        &[
            ("full_name", "alice Example"),
            ("business_name", ""),
            ("bio", ""),
            ("timezone", "Europe/Berlin"),
            ("language", tag),
        ],
    )
    .await;
    assert_eq!(chosen.status(), 303, "{tag}");
    app.db(move |conn| {
        diesel::update(users::table)
            .set(users::language.eq(tag))
            .execute(conn)
            .unwrap();
    })
    .await;
}

type Mail = (uuid::Uuid, String, String, String, String);

/// Every mail queued so far: id, recipient, subject, text and HTML.
async fn mails(app: &TestApp) -> Vec<Mail> {
    app.db(|conn| {
        outbox::table
            .select((
                outbox::id,
                outbox::recipient,
                outbox::subject,
                outbox::text_body,
                outbox::html_body,
            ))
            .load(conn)
            .unwrap()
    })
    .await
}

/// Posts the desk's booking form as `client`: a caller with `host` on `date` at `time`.
async fn desk_book(
    app: &TestApp,
    client: &reqwest::Client,
    host: &str,
    date: &str,
    time: &str,
    guest: &str,
) -> reqwest::Response {
    let (_, html) = get_as(app, client, "/teams/harbour/desk").await;
    let key = hidden_field(&html, "idempotency_key").unwrap();
    let service = app
        .db(|conn| {
            let team = slotbook::db::models::teams::find_by_slug(conn, "harbour")
                .unwrap()
                .unwrap();
            slotbook::db::models::team_services::find(conn, team.id, "consult")
                .unwrap()
                .unwrap()
                .service
                .id
        })
        .await
        .to_string();
    let csrf = crate::helpers::csrf_token(&html);
    app.post_form_with(
        client,
        "/teams/harbour/desk/book",
        &[
            ("csrf_token", &csrf),
            ("idempotency_key", &key),
            ("service", &service),
            ("host", host),
            ("date", date),
            ("time", time),
            ("name", "Caller"),
            ("email", guest),
            ("send_mails", "on"),
        ],
    )
    .await
}

/// The id of the booking of `guest`.
async fn booking_of(app: &TestApp, guest: &str) -> String {
    let guest = guest.to_owned();
    app.db(move |conn| {
        bookings::table
            .filter(bookings::guest_email.eq(guest))
            .select(bookings::id)
            .first::<uuid::Uuid>(conn)
            .unwrap()
    })
    .await
    .to_string()
}

async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let csrf = app.csrf_with(client, page).await;
    let mut form = vec![("csrf_token", csrf.as_str())];
    form.extend_from_slice(fields);
    app.post_form_with(client, action, &form).await
}

async fn teams_pages_and_mails_are_complete_in_each_language(app: TestApp) {
    let ids = arrange_team(
        &app,
        &["alice", "bob"],
        "consult",
        AssignmentMode::RoundRobin,
    )
    .await;
    let (alice_id, bob_id) = (ids[0].to_string(), ids[1].to_string());
    let alice = app.new_client();
    app.sign_in(&alice, "alice", TEST_PASSWORD).await;
    let on = post(
        &app,
        &alice,
        "/teams/harbour",
        "/teams/harbour/agenda",
        &[("agenda_mail", "on")],
    )
    .await;
    assert_eq!(on.status(), 303);

    let first_day = NaiveDate::from_ymd_opt(2030, 1, 8).unwrap();
    for (i, (tag, moved, confirmed)) in LANGUAGES.into_iter().enumerate() {
        set_language(&app, &alice, tag).await;
        // A weekday per language (Tuesday to Friday, then Monday).
        let day = first_day + Duration::days(if i < 4 { i as i64 } else { 6 });
        let date = day.to_string();
        let seen: std::collections::HashSet<uuid::Uuid> =
            mails(&app).await.into_iter().map(|m| m.0).collect();
        let (kept_guest, moved_guest) = (
            format!("kept{i}@example.com"),
            format!("moved{i}@example.com"),
        );

        // One booking stays (for the agenda); another is moved to bob, then cancelled.
        let kept = desk_book(&app, &alice, &alice_id, &date, "10:00", &kept_guest).await;
        assert_eq!(kept.status(), 303, "{tag}: {}", kept.text().await.unwrap());
        let kept_id = booking_of(&app, &kept_guest).await;
        let booked = desk_book(&app, &alice, &alice_id, &date, "11:00", &moved_guest).await;
        assert_eq!(booked.status(), 303, "{tag}");
        let id = booking_of(&app, &moved_guest).await;
        let desk_page = format!("/teams/harbour/desk/bookings/{id}");
        let move_to_bob = post(
            &app,
            &alice,
            &desk_page,
            &format!("{desk_page}/move"),
            &[("host", &bob_id), ("date", &date), ("time", "12:00")],
        )
        .await;
        assert_eq!(move_to_bob.status(), 303, "{tag}");
        // The flash of the move, on the page it returns to.
        let (_, after_move) = get_as(&app, &alice, &location(&move_to_bob)).await;
        assert_complete(&format!("the moved booking in {tag}"), &after_move);

        let pages = [
            "/teams".to_owned(),
            "/teams/harbour".to_owned(),
            "/teams/harbour/services".to_owned(),
            format!("/teams/harbour/desk?view=day&date={date}"),
            format!("/teams/harbour/desk?view=week&date={date}"),
            format!("/teams/harbour/desk/bookings/{kept_id}"),
            desk_page.clone(),
            "/dashboard/bookings".to_owned(),
            format!("/dashboard/bookings/{kept_id}"),
        ];
        for page in &pages {
            let (status, html) = get_as(&app, &alice, page).await;
            assert_eq!(status, 200, "{page} in {tag}");
            assert_complete(&format!("{page} in {tag}"), &html);
            assert_eq!(html_lang(&html), tag, "{page}");
        }
        let (_, list) = get_as(&app, &alice, "/dashboard/bookings").await;
        assert!(list.contains(confirmed), "{tag}: {list}");

        // Forms re-render with their errors in the language.
        let refused = post(
            &app,
            &alice,
            "/teams",
            "/teams",
            &[("name", "X"), ("slug", "harbour"), ("timezone", "Nowhere")],
        )
        .await;
        assert_eq!(refused.status(), 422, "{tag}");
        assert_complete(
            &format!("the refused team in {tag}"),
            &refused.text().await.unwrap(),
        );
        let no_reason = post(
            &app,
            &alice,
            &desk_page,
            &format!("{desk_page}/status"),
            &[("action", "cancel"), ("reason", "")],
        )
        .await;
        assert_eq!(no_reason.status(), 422, "{tag}");
        assert_complete(
            &format!("the unreasoned cancel in {tag}"),
            &no_reason.text().await.unwrap(),
        );
        let cancelled = post(
            &app,
            &alice,
            &desk_page,
            &format!("{desk_page}/status"),
            &[("action", "cancel"), ("reason", "Called off")],
        )
        .await;
        assert_eq!(cancelled.status(), 303, "{tag}");

        // An invitation: its mail, and its page for someone signed out.
        let invitee = format!("invitee{i}@example.com");
        let invited = post(
            &app,
            &alice,
            "/teams/harbour",
            "/teams/harbour/invitations",
            &[("email", &invitee), ("role", "staff")],
        )
        .await;
        assert_eq!(invited.status(), 303, "{tag}");

        // The agenda of the day, from 07:00 in the team's zone.
        app.clock
            .set(Utc.from_utc_datetime(&day.and_hms_opt(6, 30, 0).unwrap()));
        assert_eq!(send_team_agendas(&app.state).await.unwrap(), 1, "{tag}");

        let new: Vec<Mail> = mails(&app)
            .await
            .into_iter()
            .filter(|m| !seen.contains(&m.0))
            .collect();
        for (_, to, subject, text, html) in &new {
            let what = format!("the mail {subject:?} to {to} in {tag}");
            assert_complete(&what, subject);
            assert_complete(&what, text);
            assert_complete(&what, html);
        }
        for host in ["alice@example.com", "bob@example.com"] {
            assert!(
                new.iter()
                    .any(|(_, to, s, _, _)| to == host && s.starts_with(moved)),
                "{tag}: {host} is told of the move in the language: {new:?}"
            );
        }
        let agenda = new
            .iter()
            .find(|(_, to, s, _, _)| to == "alice@example.com" && s.starts_with("Harbour Clinic"))
            .unwrap_or_else(|| {
                panic!(
                    "{tag}: no agenda among {:?}",
                    new.iter().map(|m| (&m.1, &m.2)).collect::<Vec<_>>()
                )
            });
        assert!(agenda.3.contains(confirmed), "{tag}: {}", agenda.3);
        assert!(agenda.4.contains(&format!("lang=\"{tag}\"")), "{tag}");
        let invitation = new
            .iter()
            .find(|(_, to, _, _, _)| *to == invitee)
            .expect("the invitation");
        let at = invitation.3.find("/invitations/").unwrap();
        let path: String = invitation.3[at..]
            .chars()
            .take_while(|c| !c.is_whitespace())
            .collect();
        let (status, page) = get_as(&app, &app.new_client(), &path).await;
        assert_eq!(status, 200, "{tag}");
        assert_complete(&format!("the invitation page in {tag}"), &page);
    }
}

/// The desk's week view counts its week as the reader's locale does: from Sunday in the
/// US, from Monday in Germany (and the rest of Europe).
async fn the_desk_week_starts_on_the_first_day_of_the_locales_week(app: TestApp) {
    arrange_team(
        &app,
        &["alice", "bob"],
        "checkup",
        AssignmentMode::RoundRobin,
    )
    .await;
    app.sign_in(&app.client, "alice", TEST_PASSWORD).await;
    let wednesday = NaiveDate::from_ymd_opt(2030, 1, 9).unwrap();
    for (tag, locale, first) in [
        ("en-US", slotbook::i18n::Locale::EnUs, 6),
        ("en-GB", slotbook::i18n::Locale::EnGb, 7),
        ("de", slotbook::i18n::Locale::De, 7),
        ("fr", slotbook::i18n::Locale::Fr, 7),
    ] {
        let chosen = crate::languages::choose_language(&app, tag).await;
        assert_eq!(chosen.status(), 303, "{tag}");
        let html = app
            .get(&format!("/teams/harbour/desk?view=week&date={wednesday}"))
            .await
            .text()
            .await
            .unwrap();
        let rows: Vec<&str> = html
            .split("<th scope=\"row\">")
            .skip(1)
            .filter_map(|rest| rest.split("</th>").next())
            .collect();
        let expected: Vec<String> = (0..7)
            .map(|i| {
                let day = NaiveDate::from_ymd_opt(2030, 1, first + i).unwrap();
                slotbook::i18n::format::date_short_in(locale, day)
            })
            .collect();
        assert_eq!(rows, expected, "{tag}");
    }
}
