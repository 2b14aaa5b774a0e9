//! Deleting an account that belongs to teams and holds integrations, over HTTP on both
//! backends: the only owner of a team is refused until they transfer ownership; the
//! account's API tokens, webhook endpoints and calendar sources (with their busy blocks)
//! go with it, and the team carries on under its other owner.

use chrono::Duration;
use diesel::prelude::*;
use slotbook::db::models::{bookings, calendars, team_services, teams, webhooks};
use slotbook::db::schema::{
    api_tokens, calendar_busy_blocks, calendar_sources, team_members, teams as teams_table, users,
    webhook_endpoints,
};
use slotbook::db::types::{DbId, DbTime};
use slotbook::db::write_transaction;
use slotbook::domain::api::Scope;
use slotbook::domain::availability::team::AssignmentMode;
use slotbook::domain::booking::BookingStatus;
use slotbook::domain::team::TeamRole;
use slotbook::domain::webhooks::EventType;
use uuid::Uuid;

use crate::api_helpers::{api_get, token_for};
use crate::booking::tuesday_ten;
use crate::data_protection::text;
use crate::helpers::{test_now, TestApp, TEST_PASSWORD};
use crate::teams::booking::arrange_team;
use crate::teams::guard::booking;

crate::both_backends!(
    the_only_team_owner_must_transfer_ownership_and_integrations_go_with_the_account,
    deleting_the_member_who_made_a_team_service_keeps_it_and_the_other_hosts_bookings,
);

/// Rows of the account's own integrations: (API tokens, webhook endpoints, calendar
/// sources, busy blocks).
async fn integrations_of(app: &TestApp, user: Uuid) -> (i64, i64, i64, i64) {
    app.db(move |conn| {
        let tokens = api_tokens::table
            .filter(api_tokens::user_id.eq(DbId(user)))
            .count()
            .get_result(conn)
            .unwrap();
        let endpoints = webhook_endpoints::table
            .filter(webhook_endpoints::user_id.eq(DbId(user)))
            .count()
            .get_result(conn)
            .unwrap();
        let sources = calendar_sources::table
            .filter(calendar_sources::provider_id.eq(DbId(user)))
            .count()
            .get_result(conn)
            .unwrap();
        let blocks = calendar_busy_blocks::table
            .filter(calendar_busy_blocks::provider_id.eq(DbId(user)))
            .count()
            .get_result(conn)
            .unwrap();
        (tokens, endpoints, sources, blocks)
    })
    .await
}

async fn the_only_team_owner_must_transfer_ownership_and_integrations_go_with_the_account(
    app: TestApp,
) {
    let ids = arrange_team(
        &app,
        &["alice", "bob"],
        "consult",
        AssignmentMode::Collective,
    )
    .await;
    let (alice, bob) = (ids[0], ids[1]);
    let token = token_for(&app, alice, Scope::Read).await;
    app.db(move |conn| {
        let now = test_now();
        webhooks::create_endpoint(
            conn,
            alice,
            "https://hooks.example.com/slotbook",
            &[EventType::Created],
            now,
        )
        .unwrap();
        let source = calendars::create(conn, alice, "https://cal.example.com/alice.ics", now)
            .unwrap()
            .unwrap();
        add_busy_block(conn, source, alice, "dentist@example.com", tuesday_ten());
    })
    .await;
    assert_eq!(integrations_of(&app, alice).await, (1, 1, 1, 1));
    assert_eq!(
        api_get(&app, &token, "/api/v1/bookings").await.status(),
        200
    );

    app.sign_in(&app.client, "alice", TEST_PASSWORD).await;
    let csrf = app.csrf_for("/dashboard/settings/delete").await;
    let form = [("csrf_token", csrf.as_str()), ("password", TEST_PASSWORD)];
    let delete = || app.post_form("/dashboard/settings/delete", &form);
    let refused = delete().await;
    assert_eq!(refused.status(), 409);
    let page = text(refused).await;
    assert!(
        page.contains("only owner of the team(s) \u{201c}Harbour Clinic\u{201d}")
            && page.contains("Transfer ownership first"),
        "{page}"
    );
    assert_eq!(app.get("/dashboard").await.status(), 200, "still signed in");
    assert_eq!(
        integrations_of(&app, alice).await,
        (1, 1, 1, 1),
        "nothing deleted"
    );

    // A second owner: now alice may go.
    let team: Uuid = app
        .db(|conn| {
            teams_table::table
                .filter(teams_table::slug.eq("harbour"))
                .select(teams_table::id)
                .first(conn)
                .unwrap()
        })
        .await;
    app.db(move |conn| {
        let change =
            teams::change_member(conn, team, alice, bob, Some(TeamRole::Owner), test_now())
                .unwrap();
        assert!(
            matches!(change, teams::MembershipChange::Done),
            "{change:?}"
        );
    })
    .await;
    let deleted = delete().await;
    assert_eq!(deleted.status(), 303);
    assert_eq!(integrations_of(&app, alice).await, (0, 0, 0, 0));
    assert_eq!(
        api_get(&app, &token, "/api/v1/bookings").await.status(),
        401,
        "the deleted account's token no longer works"
    );
    let (left, members): (Vec<String>, Vec<(Uuid, String)>) = app
        .db(move |conn| {
            let left = users::table.select(users::username).load(conn).unwrap();
            let members = team_members::table
                .filter(team_members::team_id.eq(DbId(team)))
                .select((team_members::user_id, team_members::role))
                .load(conn)
                .unwrap();
            (left, members)
        })
        .await;
    assert_eq!(left, vec!["bob".to_owned()]);
    assert_eq!(members, vec![(bob, "owner".to_owned())]);
    assert_eq!(
        app.get("/harbour").await.status(),
        200,
        "the team carries on"
    );
}

/// The team service `consult` of `harbour`: (service id, the member its row names).
async fn consult(app: &TestApp) -> Option<(Uuid, Uuid)> {
    app.db(|conn| {
        let team = teams::find_by_slug(conn, "harbour").unwrap().unwrap();
        team_services::find(conn, team.id, "consult")
            .unwrap()
            .map(|s| (s.service.id, s.service.provider_id))
    })
    .await
}

async fn deleting_the_member_who_made_a_team_service_keeps_it_and_the_other_hosts_bookings(
    app: TestApp,
) {
    // alice made the team service; bob hosts it too and is the team's other owner.
    let ids = arrange_team(
        &app,
        &["alice", "bob"],
        "consult",
        AssignmentMode::RoundRobin,
    )
    .await;
    let (alice, bob) = (ids[0], ids[1]);
    let (service, maker) = consult(&app).await.unwrap();
    assert_eq!(maker, alice);
    let (bobs, alices) = app
        .db(move |conn| {
            let team = teams::find_by_slug(conn, "harbour").unwrap().unwrap();
            let change =
                teams::change_member(conn, team.id, alice, bob, Some(TeamRole::Owner), test_now())
                    .unwrap();
            assert!(
                matches!(change, teams::MembershipChange::Done),
                "{change:?}"
            );
            // One upcoming team booking each, as the team claim writes them (the host is
            // the booking's provider).
            let mut held = Vec::new();
            for (host, hours) in [(bob, 0), (alice, 2)] {
                let new = booking(host, service, tuesday_ten() + Duration::hours(hours), 30);
                held.push(
                    write_transaction(conn, |c| bookings::insert(c, &new, test_now())).unwrap(),
                );
            }
            (held[0], held[1])
        })
        .await;

    app.sign_in(&app.client, "alice", TEST_PASSWORD).await;
    let csrf = app.csrf_for("/dashboard/settings/delete").await;
    let deleted = app
        .post_form(
            "/dashboard/settings/delete",
            &[("csrf_token", csrf.as_str()), ("password", TEST_PASSWORD)],
        )
        .await;
    assert_eq!(deleted.status(), 303, "the account is deleted");

    // The service carries on under the team's other owner, with bob as its host.
    assert_eq!(consult(&app).await, Some((service, bob)));
    let (bob_status, alice_row) = app
        .db(move |conn| {
            let bob_status = bookings::find(conn, bobs).unwrap().map(|b| b.status());
            (bob_status, bookings::find(conn, alices).unwrap())
        })
        .await;
    assert_eq!(
        bob_status,
        Some(BookingStatus::Confirmed),
        "bob's booking stands"
    );
    assert!(alice_row.is_none(), "alice's booking went with her account");
    let page = app.get("/harbour/consult").await;
    assert_eq!(page.status(), 200, "the team's booking page still works");
    // bob sees his booking, with its service, in his list.
    let bob_client = app.new_client();
    app.sign_in(&bob_client, "bob", TEST_PASSWORD).await;
    let list = bob_client
        .get(app.url("/dashboard/bookings"))
        .send()
        .await
        .unwrap();
    assert_eq!(list.status(), 200);
    assert!(
        text(list).await.contains("Guest"),
        "bob's booking is listed"
    );
}

/// One busy hour from `start`, as a refresh of `source` stores it.
pub fn add_busy_block(
    conn: &mut slotbook::db::DbConnection,
    source: Uuid,
    provider: Uuid,
    uid: &str,
    start: chrono::DateTime<chrono::Utc>,
) {
    diesel::insert_into(calendar_busy_blocks::table)
        .values((
            calendar_busy_blocks::id.eq(DbId(Uuid::now_v7())),
            calendar_busy_blocks::source_id.eq(DbId(source)),
            calendar_busy_blocks::provider_id.eq(DbId(provider)),
            calendar_busy_blocks::uid.eq(uid),
            calendar_busy_blocks::start_at.eq(DbTime(start)),
            calendar_busy_blocks::end_at.eq(DbTime(start + Duration::hours(1))),
        ))
        .execute(conn)
        .unwrap();
}
