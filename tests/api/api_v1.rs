//! The JSON API over real HTTP on both backends: reads, the claim and the transitions
//! through the API, cursor paging, ownership, scopes and every problem type.

use chrono::{Duration, TimeZone, Utc};
use serde_json::json;
use slotbook::db::models::bookings;
use slotbook::domain::api::Scope;
use slotbook::domain::booking::BookingStatus;
use slotbook::domain::service::{ConfirmationMode, Question, QuestionKind};
use uuid::Uuid;

use crate::api_helpers::{
    api_get, api_post, arrange, assert_problem, booking_body, json_of, token_for,
};
use crate::booking::{arrange_provider, tuesday_ten};
use crate::both_backends;
use crate::helpers::{outbox, TestApp};

both_backends!(
    me_services_and_slots_answer_with_the_month_pages_times,
    a_booking_made_through_the_api_is_the_forms_claim,
    a_retry_with_the_same_idempotency_key_returns_the_same_booking,
    a_taken_time_is_409_with_the_nearest_free_times,
    bad_bookings_are_refused_with_their_problem_type,
    transitions_follow_the_dashboards_rules,
    rescheduling_moves_the_booking_in_one_step,
    bookings_are_paged_with_a_stable_cursor,
    another_providers_ids_are_404,
    a_read_token_cannot_write_and_no_token_is_401,
    public_slots_need_no_token_and_allow_any_origin,
    the_openapi_document_and_its_reference_page_are_served,
);

async fn me_services_and_slots_answer_with_the_month_pages_times(app: TestApp) {
    let (p, token) = arrange(&app, ConfirmationMode::Instant).await;
    let me = api_get(&app, &token, "/api/v1/me").await;
    assert_eq!(me.headers()["cache-control"], "no-store");
    let me = json_of(me).await;
    assert_eq!(me["username"], "alice");
    assert_eq!(me["timezone"], "Europe/Berlin");
    assert_eq!(me["token_scope"], "write");

    let services = json_of(api_get(&app, &token, "/api/v1/services").await).await;
    assert_eq!(services["data"][0]["slug"], "intro");
    assert_eq!(services["data"][0]["booking_path"], "/alice/intro");
    let one =
        json_of(api_get(&app, &token, &format!("/api/v1/services/{}", p.service_id)).await).await;
    assert_eq!(one["duration_minutes"], 30);

    // Tuesday 09:00–17:00 in Berlin: sixteen half hours, from 08:00 UTC.
    let slots = json_of(
        api_get(
            &app,
            &token,
            &format!(
                "/api/v1/services/{}/slots?from=2030-01-08&to=2030-01-08&tz=Europe/Berlin",
                p.service_id
            ),
        )
        .await,
    )
    .await;
    let list = slots["slots"].as_array().unwrap();
    assert_eq!(list.len(), 16, "{slots:#}");
    assert_eq!(list[0]["start"], "2030-01-08T08:00:00Z");
    assert_eq!(list[0]["local_start"], "2030-01-08T09:00:00+01:00");
    assert_eq!(slots["timezone"], "Europe/Berlin");

    // The month page offers the same first time.
    let page = app
        .get("/alice/intro?tz=Europe/Berlin&month=2030-01&date=2030-01-08")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(&format!(
        "start={}",
        Utc.with_ymd_and_hms(2030, 1, 8, 8, 0, 0)
            .unwrap()
            .timestamp()
    )));

    let far = api_get(
        &app,
        &token,
        &format!(
            "/api/v1/services/{}/slots?from=2030-01-01&to=2030-06-01",
            p.service_id
        ),
    )
    .await;
    let body = assert_problem(far, 422, "validation").await;
    assert_eq!(body["errors"][0]["field"], "to");
    let unknown = api_get(
        &app,
        &token,
        &format!("/api/v1/services/{}/slots?form=2030-01-01", p.service_id),
    )
    .await;
    assert_problem(unknown, 422, "validation").await;
}

async fn a_booking_made_through_the_api_is_the_forms_claim(app: TestApp) {
    let provider = arrange_provider(&app, ConfirmationMode::Email, |s| {
        s.questions = vec![Question {
            label: "Topic".into(),
            kind: QuestionKind::ShortText,
            required: true,
            choices: Vec::new(),
        }];
    })
    .await;
    let token = token_for(&app, provider.id, Scope::Write).await;
    let mut body = booking_body(provider.service_id, tuesday_ten());
    let missing = api_post(&app, &token, "/api/v1/bookings", &body, None).await;
    let problem = assert_problem(missing, 422, "validation").await;
    assert_eq!(problem["errors"][0]["field"], "/answers/Topic");

    body["answers"] = json!({"Topic": "Taxes"});
    let created = api_post(&app, &token, "/api/v1/bookings", &body, None).await;
    assert_eq!(created.status(), 201);
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let booking = json_of(created).await;
    assert_eq!(
        booking["status"], "pending",
        "email confirmation holds the time"
    );
    assert_eq!(booking["start"], "2030-01-08T09:00:00Z");
    assert_eq!(booking["timezone"], "Europe/Berlin");
    assert_eq!(booking["guest"]["timezone"], "America/New_York");
    assert_eq!(
        location,
        format!("/api/v1/bookings/{}", booking["id"].as_str().unwrap())
    );

    let detail = json_of(api_get(&app, &token, &location).await).await;
    assert_eq!(
        detail["answers"][0],
        json!({"question": "Topic", "answer": "Taxes"})
    );
    assert_eq!(detail["history"][0]["kind"], "created");
    // The guest gets the same confirm-your-booking mail as from the form.
    let mails = outbox(&app).await;
    assert!(
        mails
            .iter()
            .any(|(to, _, text)| to == "grace@example.com" && text.contains("/b/")),
        "{mails:?}"
    );
}

async fn a_retry_with_the_same_idempotency_key_returns_the_same_booking(app: TestApp) {
    let (p, token) = arrange(&app, ConfirmationMode::Instant).await;
    let body = booking_body(p.service_id, tuesday_ten());
    let first = api_post(&app, &token, "/api/v1/bookings", &body, Some("order-42")).await;
    assert_eq!(first.status(), 201);
    let first = json_of(first).await;
    let again = api_post(&app, &token, "/api/v1/bookings", &body, Some("order-42")).await;
    assert_eq!(again.status(), 200);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(json_of(again).await["id"], first["id"]);
    let rows = crate::booking::holding_rows(&app, p.id).await;
    assert_eq!(rows.len(), 1);
    let bad_key = api_post(&app, &token, "/api/v1/bookings", &body, Some("two words")).await;
    assert_problem(bad_key, 422, "validation").await;
}

async fn a_taken_time_is_409_with_the_nearest_free_times(app: TestApp) {
    let (p, token) = arrange(&app, ConfirmationMode::Instant).await;
    let body = booking_body(p.service_id, tuesday_ten());
    assert_eq!(
        api_post(&app, &token, "/api/v1/bookings", &body, None)
            .await
            .status(),
        201
    );
    let taken = api_post(&app, &token, "/api/v1/bookings", &body, None).await;
    let problem = assert_problem(taken, 409, "slot-taken").await;
    let alternatives = problem["alternatives"].as_array().unwrap();
    assert_eq!(alternatives.len(), 3, "{problem:#}");
    let starts: Vec<&str> = alternatives
        .iter()
        .map(|a| a["start"].as_str().unwrap())
        .collect();
    assert!(
        starts.contains(&"2030-01-08T08:30:00Z") && starts.contains(&"2030-01-08T09:30:00Z"),
        "{starts:?}"
    );
    assert_eq!(alternatives[0]["timezone"], "Europe/Berlin");
}

async fn bad_bookings_are_refused_with_their_problem_type(app: TestApp) {
    let (p, token) = arrange(&app, ConfirmationMode::Instant).await;
    let off_grid = booking_body(p.service_id, tuesday_ten() + Duration::minutes(7));
    let response = api_post(&app, &token, "/api/v1/bookings", &off_grid, None).await;
    let problem = assert_problem(response, 422, "slot-not-bookable").await;
    assert!(problem["detail"]
        .as_str()
        .unwrap()
        .contains("offered start times"));

    let mut unknown = booking_body(p.service_id, tuesday_ten());
    unknown["coupon"] = json!("FREE");
    let response = api_post(&app, &token, "/api/v1/bookings", &unknown, None).await;
    let problem = assert_problem(response, 422, "validation").await;
    assert!(problem["errors"][0]["detail"]
        .as_str()
        .unwrap()
        .contains("coupon"));

    let mut bad_email = booking_body(p.service_id, tuesday_ten());
    bad_email["guest"]["email"] = json!("not-an-address");
    let response = api_post(&app, &token, "/api/v1/bookings", &bad_email, None).await;
    let problem = assert_problem(response, 422, "validation").await;
    assert_eq!(problem["errors"][0]["field"], "/guest/email");

    let not_json = app
        .new_client()
        .post(app.url("/api/v1/bookings"))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body("{\"service_id\":")
        .send()
        .await
        .unwrap();
    assert_problem(not_json, 400, "malformed-request").await;

    let far = json!({"service_id": p.service_id, "start": "9999-01-01T00:00:00Z",
        "guest": {"name": "G", "email": "g@example.com"}});
    let response = api_post(&app, &token, "/api/v1/bookings", &far, None).await;
    assert_problem(response, 422, "validation").await;

    let nothing = app
        .new_client()
        .get(app.url("/api/v1/nothing-here"))
        .send()
        .await
        .unwrap();
    assert_problem(nothing, 404, "not-found").await;
    assert!(crate::booking::holding_rows(&app, p.id).await.is_empty());
}

async fn status_of(app: &TestApp, id: Uuid) -> BookingStatus {
    app.db(move |conn| bookings::find(conn, id).unwrap().unwrap().status())
        .await
}

async fn transitions_follow_the_dashboards_rules(app: TestApp) {
    let (p, token) = arrange(&app, ConfirmationMode::Provider).await;
    let created = json_of(
        api_post(
            &app,
            &token,
            "/api/v1/bookings",
            &booking_body(p.service_id, tuesday_ten()),
            None,
        )
        .await,
    )
    .await;
    let id: Uuid = created["id"].as_str().unwrap().parse().unwrap();
    assert_eq!(created["status"], "pending");

    let approve = format!("/api/v1/bookings/{id}/approve");
    let approved = api_post(&app, &token, &approve, &json!({}), None).await;
    assert_eq!(approved.status(), 200);
    assert_eq!(json_of(approved).await["status"], "confirmed");
    let again = api_post(&app, &token, &approve, &json!({}), None).await;
    assert_problem(again, 409, "invalid-transition").await;

    let complete = api_post(
        &app,
        &token,
        &format!("/api/v1/bookings/{id}/complete"),
        &json!({}),
        None,
    )
    .await;
    let problem = assert_problem(complete, 409, "invalid-transition").await;
    assert!(problem["detail"]
        .as_str()
        .unwrap()
        .contains("before its start"));

    let cancel = format!("/api/v1/bookings/{id}/cancel");
    let no_reason = api_post(&app, &token, &cancel, &json!({}), None).await;
    assert_problem(no_reason, 422, "validation").await;
    let extra = api_post(
        &app,
        &token,
        &cancel,
        &json!({"reason": "ill", "notify": false}),
        None,
    )
    .await;
    assert_problem(extra, 422, "validation").await;
    assert_eq!(status_of(&app, id).await, BookingStatus::Confirmed);
    let cancelled = api_post(&app, &token, &cancel, &json!({"reason": "I am ill"}), None).await;
    assert_eq!(cancelled.status(), 200);
    let cancelled = json_of(cancelled).await;
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(cancelled["cancelled_by"], "provider");
    assert_eq!(cancelled["cancellation_reason"], "I am ill");
    let detail = json_of(api_get(&app, &token, &format!("/api/v1/bookings/{id}")).await).await;
    let kinds: Vec<&str> = detail["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["created", "approved", "cancelled"]);
    let unknown = api_post(
        &app,
        &token,
        &format!("/api/v1/bookings/{id}/teleport"),
        &json!({}),
        None,
    )
    .await;
    assert_problem(unknown, 404, "not-found").await;
}

async fn rescheduling_moves_the_booking_in_one_step(app: TestApp) {
    let (p, token) = arrange(&app, ConfirmationMode::Instant).await;
    let created = json_of(
        api_post(
            &app,
            &token,
            "/api/v1/bookings",
            &booking_body(p.service_id, tuesday_ten()),
            None,
        )
        .await,
    )
    .await;
    let old: Uuid = created["id"].as_str().unwrap().parse().unwrap();
    let later = tuesday_ten() + Duration::hours(2);
    let moved = api_post(
        &app,
        &token,
        &format!("/api/v1/bookings/{old}/reschedule"),
        &json!({"start": later.to_rfc3339()}),
        Some("move-1"),
    )
    .await;
    assert_eq!(moved.status(), 201);
    let moved = json_of(moved).await;
    let retried = api_post(
        &app,
        &token,
        &format!("/api/v1/bookings/{old}/reschedule"),
        &json!({"start": later.to_rfc3339()}),
        Some("move-1"),
    )
    .await;
    assert_eq!(
        retried.status(),
        200,
        "a retry answers with the move already made"
    );
    assert_eq!(json_of(retried).await["id"], moved["id"]);
    assert_eq!(moved["status"], "confirmed");
    assert_eq!(moved["rescheduled_from_id"], old.to_string());
    assert_eq!(status_of(&app, old).await, BookingStatus::Cancelled);
    let twice = api_post(
        &app,
        &token,
        &format!("/api/v1/bookings/{old}/reschedule"),
        &json!({"start": (later + Duration::hours(1)).to_rfc3339()}),
        None,
    )
    .await;
    assert_problem(twice, 409, "invalid-transition").await;
    // Only the new booking holds time.
    let rows = crate::booking::holding_rows(&app, p.id).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].start_at, later);
}

async fn bookings_are_paged_with_a_stable_cursor(app: TestApp) {
    let (p, token) = arrange(&app, ConfirmationMode::Instant).await;
    for hour in [4, 0, 3, 1, 2] {
        let body = booking_body(p.service_id, tuesday_ten() + Duration::hours(hour));
        assert_eq!(
            api_post(&app, &token, "/api/v1/bookings", &body, None)
                .await
                .status(),
            201
        );
    }
    let mut seen = Vec::new();
    let mut path = "/api/v1/bookings?limit=2".to_owned();
    for _ in 0..5 {
        let page = json_of(api_get(&app, &token, &path).await).await;
        for b in page["data"].as_array().unwrap() {
            seen.push(b["start"].as_str().unwrap().to_owned());
        }
        match page["next_cursor"].as_str() {
            Some(cursor) => path = format!("/api/v1/bookings?limit=2&cursor={cursor}"),
            None => break,
        }
    }
    let expected: Vec<String> = (0..5)
        .map(|h| {
            (tuesday_ten() + Duration::hours(h))
                .format("%Y-%m-%dT%H:%M:%SZ")
                .to_string()
        })
        .collect();
    assert_eq!(seen, expected);
    let filtered = json_of(api_get(&app, &token, "/api/v1/bookings?status=cancelled").await).await;
    assert!(filtered["data"].as_array().unwrap().is_empty());
    let ranged = json_of(
        api_get(
            &app,
            &token,
            "/api/v1/bookings?from=2030-01-08T11:00:00Z&to=2030-01-08T12:00:00Z",
        )
        .await,
    )
    .await;
    assert_eq!(ranged["data"].as_array().unwrap().len(), 1);
    for bad in [
        "cursor=abc",
        "status=lost",
        "limit=0",
        "from=yesterday",
        "sort=desc",
    ] {
        let response = api_get(&app, &token, &format!("/api/v1/bookings?{bad}")).await;
        assert_problem(response, 422, "validation").await;
    }
}

async fn another_providers_ids_are_404(app: TestApp) {
    let (p, alice) = arrange(&app, ConfirmationMode::Provider).await;
    let created = json_of(
        api_post(
            &app,
            &alice,
            "/api/v1/bookings",
            &booking_body(p.service_id, tuesday_ten()),
            None,
        )
        .await,
    )
    .await;
    let id = created["id"].as_str().unwrap().to_owned();
    let bob = app.create_provider("bob").await;
    let bob = token_for(&app, bob.id, Scope::Write).await;
    for path in [
        format!("/api/v1/bookings/{id}"),
        format!("/api/v1/services/{}", p.service_id),
        format!("/api/v1/services/{}/slots", p.service_id),
    ] {
        assert_problem(api_get(&app, &bob, &path).await, 404, "not-found").await;
    }
    let approve = api_post(
        &app,
        &bob,
        &format!("/api/v1/bookings/{id}/approve"),
        &json!({}),
        None,
    )
    .await;
    assert_problem(approve, 404, "not-found").await;
    let book = api_post(
        &app,
        &bob,
        "/api/v1/bookings",
        &booking_body(p.service_id, tuesday_ten() + Duration::hours(1)),
        None,
    )
    .await;
    assert_problem(book, 404, "not-found").await;
    let mine = json_of(api_get(&app, &bob, "/api/v1/bookings").await).await;
    assert!(mine["data"].as_array().unwrap().is_empty());
    let id: Uuid = id.parse().unwrap();
    assert_eq!(status_of(&app, id).await, BookingStatus::Pending);
}

async fn a_read_token_cannot_write_and_no_token_is_401(app: TestApp) {
    let (p, _) = arrange(&app, ConfirmationMode::Instant).await;
    let read = token_for(&app, p.id, Scope::Read).await;
    assert_eq!(api_get(&app, &read, "/api/v1/bookings").await.status(), 200);
    let refused = api_post(
        &app,
        &read,
        "/api/v1/bookings",
        &booking_body(p.service_id, tuesday_ten()),
        None,
    )
    .await;
    assert_problem(refused, 403, "insufficient-scope").await;
    assert!(crate::booking::holding_rows(&app, p.id).await.is_empty());

    let anonymous = app
        .new_client()
        .get(app.url("/api/v1/me"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        anonymous.headers()["www-authenticate"],
        "Bearer realm=\"slotbook\""
    );
    assert_problem(anonymous, 401, "unauthorized").await;
    let wrong = api_get(&app, "sbk_0000", "/api/v1/me").await;
    assert_problem(wrong, 401, "unauthorized").await;
    // A signed-in browser session is no way into the API.
    app.sign_up_and_login("carol").await;
    assert_eq!(app.get("/dashboard").await.status(), 200);
    let with_cookie = app.get("/api/v1/me").await;
    assert_problem(with_cookie, 401, "unauthorized").await;
}

async fn public_slots_need_no_token_and_allow_any_origin(app: TestApp) {
    arrange(&app, ConfirmationMode::Instant).await;
    let response = app
        .new_client()
        .get(app.url("/api/v1/public/alice/intro/slots?from=2030-01-08&to=2030-01-08"))
        .header("origin", "https://alice.example")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["access-control-allow-origin"], "*");
    let slots = json_of(response).await;
    assert_eq!(slots["slots"].as_array().unwrap().len(), 16);
    assert_eq!(slots["bookings_open"], true);
    let preflight = app
        .new_client()
        .request(
            reqwest::Method::OPTIONS,
            app.url("/api/v1/public/alice/intro/slots"),
        )
        .header("origin", "https://alice.example")
        .header("access-control-request-method", "GET")
        .send()
        .await
        .unwrap();
    assert_eq!(preflight.status(), 204);
    assert_eq!(preflight.headers()["access-control-allow-origin"], "*");
    let unknown = app
        .new_client()
        .get(app.url("/api/v1/public/alice/nothing/slots"))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.headers()["access-control-allow-origin"], "*");
    assert_problem(unknown, 404, "not-found").await;
}

async fn the_openapi_document_and_its_reference_page_are_served(app: TestApp) {
    let doc = json_of(app.get("/api/v1/openapi.json").await).await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in [
        "/api/v1/bookings",
        "/api/v1/bookings/{id}/{action}",
        "/api/v1/public/{username}/{slug}/slots",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} missing");
    }
    let page = app.get("/api/v1/docs").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("POST /api/v1/bookings") && html.contains("/api/v1/problems/slot-taken"));
    let problem = app.get("/api/v1/problems/slot-taken").await;
    assert_eq!(problem.status(), 200);
}

crate::on_both_backends!(requests_past_the_token_limit_are_429_with_retry_after);

async fn requests_past_the_token_limit_are_429_with_retry_after(backend: crate::helpers::Backend) {
    let Some(app) = crate::helpers::spawn_app_with(backend, |s| s.rate_limits.api = 3).await else {
        return;
    };
    let (_, token) = arrange(&app, ConfirmationMode::Instant).await;
    for _ in 0..3 {
        assert_eq!(api_get(&app, &token, "/api/v1/me").await.status(), 200);
    }
    let limited = api_get(&app, &token, "/api/v1/me").await;
    assert!(limited.headers().contains_key("retry-after"));
    assert_problem(limited, 429, "rate-limited").await;
    // The public slots count per client address, apart from tokens.
    for _ in 0..3 {
        let ok = app
            .new_client()
            .get(app.url("/api/v1/public/alice/intro/slots"))
            .send()
            .await
            .unwrap();
        assert_eq!(ok.status(), 200);
    }
    let limited = app
        .new_client()
        .get(app.url("/api/v1/public/alice/intro/slots"))
        .send()
        .await
        .unwrap();
    assert_eq!(limited.headers()["access-control-allow-origin"], "*");
    assert_problem(limited, 429, "rate-limited").await;
}
