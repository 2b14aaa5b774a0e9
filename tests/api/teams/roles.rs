//! Teams over HTTP: creating one, inviting members (new and existing accounts), and the
//! server-side check of membership and role on every team route, effective on the next
//! request after a change.

use reqwest::Client;
use slotbook::db::models::teams;
use slotbook::domain::team::TeamRole;

use crate::both_backends;
use crate::helpers::{link_path, location, test_now, TestApp, TestProvider};

both_backends!(
    creating_a_team_makes_its_creator_owner_and_refuses_bad_or_taken_addresses,
    an_invitation_signs_up_a_new_account_or_attaches_the_invited_existing_one_once,
    every_team_route_checks_membership_and_role_on_the_server,
    role_changes_and_removals_take_effect_on_the_next_request_and_a_team_keeps_an_owner,
);

/// Signs in a new browser as a new provider.
async fn browser(app: &TestApp, username: &str) -> (Client, TestProvider) {
    let person = app.create_provider(username).await;
    let client = app.new_client();
    app.sign_in(&client, &person.username, &person.password)
        .await;
    (client, person)
}

/// POSTs `form` (plus a CSRF token from `page`) as `client`.
async fn post(
    app: &TestApp,
    client: &Client,
    page: &str,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    let token = app.csrf_with(client, page).await;
    let mut fields = vec![("csrf_token", token.as_str())];
    fields.extend_from_slice(form);
    app.post_form_with(client, path, &fields).await
}

async fn create_team(app: &TestApp, client: &Client, slug: &str) -> reqwest::Response {
    post(
        app,
        client,
        "/teams",
        "/teams",
        &[
            ("name", "Harbour Clinic"),
            ("slug", slug),
            ("timezone", "Europe/Berlin"),
        ],
    )
    .await
}

/// Makes `person` a member of `slug` with `role`, straight in the database.
async fn add_member(app: &TestApp, slug: &str, person: &TestProvider, role: TeamRole) {
    let (slug, id) = (slug.to_owned(), person.id);
    app.db(move |conn| {
        let team = teams::find_by_slug(conn, &slug).unwrap().unwrap();
        assert!(teams::add_member(conn, team.id, id, role, test_now()).unwrap());
    })
    .await;
}

async fn creating_a_team_makes_its_creator_owner_and_refuses_bad_or_taken_addresses(app: TestApp) {
    let (alice, _) = browser(&app, "alice").await;
    app.create_provider("bob").await;

    let bad = post(
        &app,
        &alice,
        "/teams",
        "/teams",
        &[
            ("name", ""),
            ("slug", "a"),
            ("timezone", "Mars/Base"),
            ("colour", "red"),
        ],
    )
    .await;
    assert_eq!(bad.status(), 422);
    let html = bad.text().await.unwrap();
    assert!(html.contains("Enter the team"), "{html}");
    assert!(html.contains("A team address has 3 to 30 characters."));
    assert!(html.contains("# and six hex digits"));

    for taken in ["bob", "dashboard"] {
        let response = create_team(&app, &alice, taken).await;
        assert_eq!(response.status(), 422, "{taken}");
        let html = response.text().await.unwrap();
        assert!(
            html.contains("taken") || html.contains("reserved"),
            "{taken}: {html}"
        );
    }

    let created = create_team(&app, &alice, "Harbour").await;
    assert_eq!(created.status(), 303);
    assert_eq!(location(&created), "/teams/harbour");
    let page = app.get_with(&alice, "/teams/harbour").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("Your role: <strong>owner</strong>"));
    assert!(html.contains("Europe/Berlin"));
    assert!(app
        .get_with(&alice, "/teams")
        .await
        .text()
        .await
        .unwrap()
        .contains("href=\"/teams/harbour\""));

    // One namespace: the team's address is no longer free as a username, nor as a team.
    assert_eq!(create_team(&app, &alice, "harbour").await.status(), 422);
    let guest = app.new_client();
    let signup = post(
        &app,
        &guest,
        "/signup",
        "/signup",
        &[
            ("username", "harbour"),
            ("email", "new@example.com"),
            ("full_name", "New Person"),
            ("password", "a long enough passphrase"),
            ("timezone", "UTC"),
        ],
    )
    .await;
    assert_eq!(signup.status(), 422);
    assert!(signup
        .text()
        .await
        .unwrap()
        .contains("That username is taken"));
}

async fn an_invitation_signs_up_a_new_account_or_attaches_the_invited_existing_one_once(
    app: TestApp,
) {
    let (alice, _) = browser(&app, "alice").await;
    assert_eq!(create_team(&app, &alice, "harbour").await.status(), 303);

    // A new person, invited as staff, creates their account from the link.
    let invited = post(
        &app,
        &alice,
        "/teams/harbour",
        "/teams/harbour/invitations",
        &[("email", "Nurse@Example.com"), ("role", "staff")],
    )
    .await;
    assert_eq!(invited.status(), 303);
    let mails = app.mails_to("nurse@example.com").await;
    assert_eq!(mails.len(), 1);
    assert!(mails[0].0.contains("Harbour Clinic"), "{}", mails[0].0);
    let link = link_path(&mails[0].1, "/invitations/").expect("an invitation link");
    let (token_hash_stored, raw_stored) = {
        let raw = link.trim_start_matches("/invitations/").to_owned();
        let raw2 = raw.clone();
        let stored: Vec<String> = app
            .db(move |conn| {
                use diesel::prelude::*;
                use slotbook::db::schema::team_invitations as t;
                t::table.select(t::token_hash).load::<String>(conn).unwrap()
            })
            .await;
        (
            stored.contains(&slotbook::tokens::hash_token(&raw)),
            stored.contains(&raw2),
        )
    };
    assert!(
        token_hash_stored && !raw_stored,
        "only the token's hash is stored"
    );

    let nurse = app.new_client();
    let page = app.get_with(&nurse, &link).await;
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("Create my account"));
    let weak = post(
        &app,
        &nurse,
        &link,
        &format!("{link}/signup"),
        &[
            ("full_name", "Nina Nurse"),
            ("username", "nina"),
            ("password", "short"),
            ("timezone", "UTC"),
        ],
    )
    .await;
    assert_eq!(weak.status(), 422);
    let joined = post(
        &app,
        &nurse,
        &link,
        &format!("{link}/signup"),
        &[
            ("full_name", "Nina Nurse"),
            ("username", "nina"),
            ("password", "a long enough passphrase"),
            ("timezone", "Europe/Berlin"),
            ("email", "attacker@example.com"),
        ],
    )
    .await;
    assert_eq!(joined.status(), 303);
    assert_eq!(location(&joined), "/teams/harbour");
    let html = app
        .get_with(&nurse, "/teams/harbour")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Your role: <strong>staff</strong>"));
    assert!(
        html.contains("nurse@example.com"),
        "the invited address, not the typed one"
    );
    // Single use: the link is closed now, for everyone.
    let again = app.get_with(&app.new_client(), &link).await;
    assert!(again
        .text()
        .await
        .unwrap()
        .contains("already been used or has expired"));
    let reuse = post(
        &app,
        &app.new_client(),
        "/login",
        &format!("{link}/signup"),
        &[
            ("full_name", "X"),
            ("username", "xavier"),
            ("password", "a long enough passphrase"),
            ("timezone", "UTC"),
        ],
    )
    .await;
    assert_eq!(reuse.status(), 403);

    // An existing account: only that account, signed in, can accept its invitation.
    let (bob, _) = browser(&app, "bob").await;
    let (carol, _) = browser(&app, "carol").await;
    post(
        &app,
        &alice,
        "/teams/harbour",
        "/teams/harbour/invitations",
        &[("email", "bob@example.com"), ("role", "provider")],
    )
    .await;
    let mails = app.mails_to("bob@example.com").await;
    let link = link_path(&mails[0].1, "/invitations/").unwrap();
    let wrong = post(&app, &carol, "/teams", &link, &[]).await;
    assert_eq!(wrong.status(), 409);
    assert_eq!(app.get_with(&carol, "/teams/harbour").await.status(), 404);
    let signed_out = app.new_client();
    let html = app.get_with(&signed_out, &link).await.text().await.unwrap();
    assert!(html.contains(&format!("/login?next={link}")));
    assert!(app
        .get_with(&bob, &link)
        .await
        .text()
        .await
        .unwrap()
        .contains("Join Harbour Clinic"));
    let accepted = post(&app, &bob, "/teams", &link, &[]).await;
    assert_eq!(accepted.status(), 303);
    let html = app
        .get_with(&bob, "/teams/harbour")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Your role: <strong>provider</strong>"));
    assert_eq!(post(&app, &bob, "/teams", &link, &[]).await.status(), 410);
    assert_eq!(app.get("/invitations/not-a-token").await.status(), 404);
}

async fn every_team_route_checks_membership_and_role_on_the_server(app: TestApp) {
    let (owner, _) = browser(&app, "olga").await;
    assert_eq!(create_team(&app, &owner, "harbour").await.status(), 303);
    let (admin, admin_p) = browser(&app, "adam").await;
    let (provider, provider_p) = browser(&app, "pia").await;
    let (staff, staff_p) = browser(&app, "sam").await;
    let (outsider, _) = browser(&app, "otto").await;
    add_member(&app, "harbour", &admin_p, TeamRole::Admin).await;
    add_member(&app, "harbour", &provider_p, TeamRole::Provider).await;
    add_member(&app, "harbour", &staff_p, TeamRole::Staff).await;
    // The outsider owns a team of their own: membership there opens nothing here.
    assert_eq!(
        create_team(&app, &outsider, "elsewhere").await.status(),
        303
    );

    let who = [
        ("owner", &owner, 200u16, true, true),
        ("admin", &admin, 200, true, false),
        ("provider", &provider, 200, false, false),
        ("staff", &staff, 200, false, false),
        ("outsider", &outsider, 404, false, false),
    ];
    let target = provider_p.id.to_string();
    for (name, client, page, manages, deletes) in who {
        let status = app.get_with(client, "/teams/harbour").await.status();
        assert_eq!(status, page, "{name}: team page");
        // Forms of this team need a token; every role gets one from its own pages.
        let page_for_token = "/teams";
        let refused = if page == 404 { 404 } else { 403 };
        let invite = post(
            &app,
            client,
            page_for_token,
            "/teams/harbour/invitations",
            &[("email", "x@example.com"), ("role", "staff")],
        )
        .await;
        assert_eq!(
            invite.status(),
            if manages { 303 } else { refused },
            "{name}: invite"
        );
        // Every member may choose their own agenda mail; an outsider finds no team.
        let agenda = post(
            &app,
            client,
            page_for_token,
            "/teams/harbour/agenda",
            &[("agenda_mail", "on")],
        )
        .await;
        assert_eq!(
            agenda.status(),
            if page == 404 { 404 } else { 303 },
            "{name}: agenda mail"
        );
        let change = post(
            &app,
            client,
            page_for_token,
            &format!("/teams/harbour/members/{target}"),
            &[("role", "provider")],
        )
        .await;
        assert_eq!(
            change.status(),
            if manages { 303 } else { refused },
            "{name}: role change"
        );
        let delete = post(
            &app,
            client,
            page_for_token,
            "/teams/harbour/delete",
            &[("confirm_slug", "wrong")],
        )
        .await;
        assert_eq!(
            delete.status(),
            if deletes { 303 } else { refused },
            "{name}: delete"
        );
    }
    // Another team's things are 404 even for an owner of this one.
    assert_eq!(app.get_with(&owner, "/teams/elsewhere").await.status(), 404);
    assert_eq!(
        app.get_with(&owner, "/teams/nonexistent").await.status(),
        404
    );
    // No token, no change.
    let no_csrf = app
        .post_form_with(&owner, "/teams/harbour/members/x", &[("role", "staff")])
        .await;
    assert_ne!(no_csrf.status(), 303);
    // Signed out: to the sign-in page.
    let anonymous = app.get_with(&app.new_client(), "/teams/harbour").await;
    assert_eq!(anonymous.status(), 303);
    assert!(location(&anonymous).starts_with("/login"));
    // Nothing was deleted by the wrong confirmation.
    assert_eq!(app.get_with(&owner, "/teams/harbour").await.status(), 200);
}

async fn role_changes_and_removals_take_effect_on_the_next_request_and_a_team_keeps_an_owner(
    app: TestApp,
) {
    let (owner, owner_p) = browser(&app, "olga").await;
    assert_eq!(create_team(&app, &owner, "harbour").await.status(), 303);
    let (admin, admin_p) = browser(&app, "adam").await;
    add_member(&app, "harbour", &admin_p, TeamRole::Admin).await;
    let invite = |client| {
        let app = &app;
        async move {
            post(
                app,
                client,
                "/teams",
                "/teams/harbour/invitations",
                &[("email", "x@example.com"), ("role", "staff")],
            )
            .await
            .status()
        }
    };
    assert_eq!(invite(&admin).await, 303);

    // An admin cannot touch the owner.
    let coup = post(
        &app,
        &admin,
        "/teams",
        &format!("/teams/harbour/members/{}", owner_p.id),
        &[("role", "staff")],
    )
    .await;
    assert_eq!(coup.status(), 303);
    let html = app
        .get_with(&admin, "/teams/harbour")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Only an owner can change an owner"));

    // The owner demotes the admin: the admin's very next request has staff rights.
    let member = format!("/teams/harbour/members/{}", admin_p.id);
    assert_eq!(
        post(&app, &owner, "/teams", &member, &[("role", "staff")])
            .await
            .status(),
        303
    );
    assert_eq!(invite(&admin).await, 403);
    // Removed: the next request finds no team at all.
    assert_eq!(
        post(&app, &owner, "/teams", &member, &[("role", "remove")])
            .await
            .status(),
        303
    );
    assert_eq!(app.get_with(&admin, "/teams/harbour").await.status(), 404);

    // The last owner can neither leave nor step down.
    let own = format!("/teams/harbour/members/{}", owner_p.id);
    post(&app, &owner, "/teams", &own, &[("role", "remove")]).await;
    post(&app, &owner, "/teams", &own, &[("role", "admin")]).await;
    let html = app
        .get_with(&owner, "/teams/harbour")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("A team always has an owner"));
    assert!(html.contains("Your role: <strong>owner</strong>"));
    // A bad role value is a clear 400, not a 500.
    assert_eq!(
        post(&app, &owner, "/teams", &own, &[("role", "emperor")])
            .await
            .status(),
        400
    );
}
