//! Deleting an account that belongs to teams and holds integrations, over HTTP on both
//! backends: the only owner of a team is refused until they transfer ownership; the
//! account's API tokens, webhook endpoints and calendar sources (with their busy blocks)
//! go with it, and the team carries on under its other owner.

use chrono::Duration;
use diesel::prelude::*;
use slotbook::db::models::{calendars, teams, webhooks};
use slotbook::db::schema::{
    api_tokens, calendar_busy_blocks, calendar_sources, team_members, teams as teams_table, users,
    webhook_endpoints,
};
use slotbook::db::types::{DbId, DbTime};
use slotbook::domain::api::Scope;
use slotbook::domain::availability::team::AssignmentMode;
use slotbook::domain::team::TeamRole;
use slotbook::domain::webhooks::EventType;
use uuid::Uuid;

use crate::api_helpers::{api_get, token_for};
use crate::booking::tuesday_ten;
use crate::data_protection::text;
use crate::helpers::{test_now, TestApp, TEST_PASSWORD};
use crate::teams::booking::arrange_team;

crate::both_backends!(
    the_only_team_owner_must_transfer_ownership_and_integrations_go_with_the_account,
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
        diesel::insert_into(calendar_busy_blocks::table)
            .values((
                calendar_busy_blocks::id.eq(DbId(Uuid::now_v7())),
                calendar_busy_blocks::source_id.eq(DbId(source)),
                calendar_busy_blocks::provider_id.eq(DbId(alice)),
                calendar_busy_blocks::uid.eq("dentist@example.com"),
                calendar_busy_blocks::start_at.eq(DbTime(tuesday_ten())),
                calendar_busy_blocks::end_at.eq(DbTime(tuesday_ten() + Duration::hours(1))),
            ))
            .execute(conn)
            .unwrap();
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
