//! A deterministic fuzz run over every route (issue 9): a few thousand generated malformed
//! query strings and form bodies — NUL and other control characters, huge and negative
//! numbers, far dates, overlong text, invalid UTF-8 percent escapes, missing and repeated
//! fields — sent as a signed-in admin provider with a valid CSRF token (so the handlers
//! themselves are reached), and as a visitor. Every request must get an answer (no
//! dropped connection) below 500.
//!
//! The routes are the ones registered under `src/routes/**`; keep [`ROUTES`] in step.

use crate::both_backends;
use crate::hardening_inputs::signed_in_provider_with_service;
use crate::helpers::{csrf_token, hidden_field, link_path, TestApp, TEST_PASSWORD};

both_backends!(malformed_requests_to_every_route_never_get_a_5xx);

/// Requests per backend: enough to hit every route many times, quick in a debug build.
/// `SLOTBOOK_FUZZ_REQUESTS` and `SLOTBOOK_FUZZ_SEED` change both for a longer run.
const REQUESTS: usize = 4000;
const SEED: u64 = 0x5107_b00c_2030_0109;

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Method {
    Get,
    Post,
}

/// Every route of the application, as registered in `src/routes/**`.
const ROUTES: &[(Method, &str)] = &[
    (Method::Get, "/"),
    (Method::Get, "/healthz"),
    (Method::Get, "/readyz"),
    (Method::Get, "/static/{path}"),
    (Method::Get, "/favicon.ico"),
    (Method::Get, "/login"),
    (Method::Post, "/login"),
    (Method::Get, "/signup"),
    (Method::Post, "/signup"),
    (Method::Get, "/verify/{token}"),
    (Method::Post, "/verify/{token}"),
    (Method::Post, "/verify/resend"),
    (Method::Get, "/password/forgot"),
    (Method::Post, "/password/forgot"),
    (Method::Get, "/password/reset/{token}"),
    (Method::Post, "/password/reset/{token}"),
    (Method::Get, "/dashboard"),
    (Method::Get, "/dashboard/settings"),
    (Method::Post, "/dashboard/settings/profile"),
    (Method::Post, "/dashboard/settings/email"),
    (Method::Post, "/dashboard/settings/password"),
    (Method::Get, "/dashboard/services"),
    (Method::Get, "/dashboard/services/new"),
    (Method::Post, "/dashboard/services"),
    (Method::Get, "/dashboard/services/{id}/edit"),
    (Method::Post, "/dashboard/services/{id}"),
    (Method::Post, "/dashboard/services/{id}/active"),
    (Method::Post, "/dashboard/services/{id}/move"),
    (Method::Post, "/dashboard/services/{id}/delete"),
    (Method::Get, "/dashboard/availability"),
    (Method::Post, "/dashboard/availability/rules"),
    (Method::Post, "/dashboard/availability/rules/{id}/delete"),
    (Method::Post, "/dashboard/availability/copy"),
    (Method::Post, "/dashboard/availability/overrides"),
    (
        Method::Post,
        "/dashboard/availability/overrides/{date}/delete",
    ),
    (Method::Get, "/dashboard/time-off"),
    (Method::Post, "/dashboard/time-off"),
    (Method::Post, "/dashboard/time-off/{id}/delete"),
    (Method::Get, "/dashboard/bookings"),
    (Method::Get, "/dashboard/bookings.csv"),
    (Method::Get, "/dashboard/bookings/{id}"),
    (Method::Post, "/dashboard/bookings/{id}/{action}"),
    (Method::Post, "/dashboard/feed"),
    (Method::Get, "/dashboard/week"),
    (Method::Get, "/dashboard/day"),
    (Method::Get, "/feeds/{token}.ics"),
    (Method::Get, "/dashboard/settings/api-tokens"),
    (Method::Post, "/dashboard/settings/api-tokens"),
    (Method::Post, "/dashboard/settings/api-tokens/{id}/revoke"),
    (Method::Get, "/dashboard/settings/webhooks"),
    (Method::Post, "/dashboard/settings/webhooks"),
    (Method::Get, "/dashboard/settings/webhooks/{id}"),
    (Method::Post, "/dashboard/settings/webhooks/{id}/test"),
    (Method::Post, "/dashboard/settings/webhooks/{id}/{action}"),
    (
        Method::Post,
        "/dashboard/settings/webhooks/{id}/deliveries/{id}/redeliver",
    ),
    (Method::Get, "/api/v1/me"),
    (Method::Get, "/api/v1/services/{id}/slots"),
    (Method::Get, "/api/v1/bookings"),
    (Method::Post, "/api/v1/bookings"),
    (Method::Post, "/api/v1/bookings/{id}/{action}"),
    (Method::Get, "/api/v1/public/{username}/{slug}/slots"),
    (Method::Get, "/api/v1/docs"),
    (Method::Get, "/api/v1/problems/{key}"),
    (Method::Get, "/admin/mail"),
    (Method::Post, "/admin/mail/{id}/retry"),
    (Method::Get, "/admin/accounts"),
    (Method::Post, "/admin/accounts/{id}/active"),
    (Method::Get, "/dashboard/guests"),
    (Method::Post, "/dashboard/guests"),
    (Method::Post, "/dashboard/guests/export"),
    (Method::Post, "/dashboard/guests/erase"),
    (Method::Post, "/dashboard/guests/erase/confirm"),
    (Method::Get, "/admin/guests"),
    (Method::Post, "/admin/guests"),
    (Method::Post, "/admin/guests/export"),
    (Method::Post, "/admin/guests/erase"),
    (Method::Post, "/admin/guests/erase/confirm"),
    (Method::Get, "/dashboard/settings/delete"),
    (Method::Post, "/dashboard/settings/delete"),
    (Method::Get, "/privacy"),
    (Method::Get, "/b/booked/{key}"),
    (Method::Get, "/b/booked/{key}/booking.ics"),
    (Method::Get, "/b/{token}"),
    (Method::Post, "/b/{token}"),
    (Method::Get, "/{username}"),
    (Method::Get, "/{username}/{slug}"),
    (Method::Get, "/{username}/{slug}/book"),
    (Method::Get, "/{username}/{slug}/timezones"),
    (Method::Get, "/{username}/{slug}/find"),
    (Method::Post, "/{username}/{slug}/book"),
];

/// Every field name any form or query of ours reads, plus a few it does not.
const FIELDS: &[&str] = &[
    "name",
    "email",
    "phone",
    "notes",
    "answer0",
    "answer1",
    "answer2",
    "start",
    "tz",
    "idempotency_key",
    "reschedule",
    "website",
    "month",
    "date",
    "status",
    "service",
    "from",
    "to",
    "page",
    "next",
    "login",
    "password",
    "username",
    "full_name",
    "timezone",
    "business_name",
    "bio",
    "current_password",
    "new_password",
    "new_password_confirm",
    "slug",
    "description",
    "duration_minutes",
    "slot_interval_minutes",
    "buffer_before_minutes",
    "buffer_after_minutes",
    "min_notice_minutes",
    "max_days_ahead",
    "max_per_day",
    "price",
    "currency",
    "location",
    "confirmation_mode",
    "hold_minutes",
    "cancellation_notice_minutes",
    "reminder_minutes_before",
    "is_active",
    "q0_label",
    "q0_kind",
    "q0_required",
    "q0_choices",
    "q11_label",
    "days",
    "end",
    "valid_from",
    "valid_until",
    "from_day",
    "to_days",
    "closed",
    "start1",
    "end1",
    "start3",
    "end3",
    "start_date",
    "end_date",
    "start_time",
    "end_time",
    "reason",
    "active",
    "step",
    "csrf_token",
    "%00",
    "a%FFb",
    "",
];

/// Malformed values, already percent-encoded as they go on the wire.
const NASTY: &[&str] = &[
    "%00",
    "a%00b",
    "%01%02%03",
    "%1B%5B31m",
    "%7F",
    "%C2%85",
    "%0D%0A",
    "x%0D%0ABEGIN:VALARM",
    "%0D",
    "%09",
    "%E2%80%A8",
    "%E2%80%AE",
    "%FF%FE",
    "%C3%28",
    "%",
    "%G0",
    "%ED%A0%80",
    "-1",
    "0",
    "-0",
    "99999999999999999999",
    "9223372036854775807",
    "-9223372036854775808",
    "2147483648",
    "-2147483649",
    "1e308",
    "NaN",
    "inf",
    "0x10",
    "1.5",
    "%2B1",
    "8210266876799",
    "-8334601228800",
    "7258118400",
    "%2B262142-12-31",
    "-5000-01-01",
    "-0001-12-31",
    "%2B10000-01-01",
    "9999-12-31",
    "0000-00-00",
    "2030-02-30",
    "2030-13",
    "%2B262142-12",
    "-5000-01",
    "24:00",
    "23:60",
    "-01:00",
    "99:99:99",
    "Mars%2FOlympus",
    "..%2F..%2Fetc%2Fpasswd",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "%22%3B",
    "'",
    "+",
    "%F0%9F%98%80",
    "j%C3%B6rg%40b%C3%BCcher.example",
    "john.%40example.com",
    "a%40b",
    "%40",
    "on",
    "off",
    "true",
    "false",
    "instant",
    "email",
    "provider",
    "choice",
    "long_text",
    "approve",
    "cancel",
    "pending",
    "confirmed",
    "Europe%2FBerlin",
    "America%2FNew_York",
    "UTC",
    "alice",
    "intro",
    "2030-01-08",
    "2030-01",
    "09:00",
    "17:00",
    "1894093200",
];

/// Malformed path segments, percent-encoded.
const NASTY_SEGMENTS: &[&str] = &[
    "%00",
    "a%00",
    "%0A",
    "%7F",
    "%FF",
    "%C3%28",
    "x",
    "..",
    "%2E%2E",
    "-1",
    "99999999999999999999",
    "%2B262142-12-31",
    "-5000-01-01",
    "2030-02-30",
    "00000000-0000-0000-0000-000000000000",
    "not-a-uuid",
    "%F0%9F%98%80",
    "ALICE",
    "a-b",
];

/// SplitMix64: tiny, deterministic, good enough to pick from lists.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Real values that let requests get past the first checks.
struct Known {
    service_id: String,
    booking_id: String,
    booking_key: String,
    link_token: String,
    time_off_id: String,
    user_id: String,
}

impl Known {
    fn segment(&self, rng: &mut Rng, name: &str) -> String {
        if rng.chance(35) {
            return rng.pick(NASTY_SEGMENTS).to_owned();
        }
        match name {
            "username" => "alice".into(),
            "slug" => "intro".into(),
            "key" => self.booking_key.clone(),
            "token" => {
                if rng.chance(50) {
                    self.link_token.clone()
                } else {
                    "ab".repeat(32)
                }
            }
            "date" => rng
                .pick(&["2030-01-08", "2030-02-30", "-5000-01-01"])
                .into(),
            "action" => rng
                .pick(&["approve", "decline", "complete", "no-show", "cancel", "x"])
                .into(),
            "path" => rng.pick(&["app.css", "x.js", "%00.css", "..%2F"]).into(),
            _ => rng
                .pick(&[
                    self.service_id.as_str(),
                    self.booking_id.as_str(),
                    self.time_off_id.as_str(),
                    self.user_id.as_str(),
                ])
                .to_owned(),
        }
    }

    fn path(&self, rng: &mut Rng, template: &str) -> String {
        let mut path = String::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let close = open + rest[open..].find('}').expect("closed parameter");
            path.push_str(&rest[..open]);
            path.push_str(&self.segment(rng, &rest[open + 1..close]));
            rest = &rest[close + 1..];
        }
        path.push_str(rest);
        path
    }
}

/// A random urlencoded pair list: some nasty values, some plausible ones, fields missing,
/// repeated or unknown; for POSTs usually the valid CSRF token.
fn pairs(rng: &mut Rng, csrf: &str, post: bool) -> String {
    let mut pairs = Vec::new();
    if post && rng.chance(90) {
        pairs.push(format!("csrf_token={csrf}"));
    }
    for _ in 0..rng.below(9) {
        let field = rng.pick(FIELDS);
        let value = match rng.below(10) {
            0 => "x".repeat(rng.below(3) * 5000 + 300),
            1 => format!("{}{}", rng.pick(NASTY), rng.pick(NASTY)),
            2 => "k".repeat(40),
            _ => rng.pick(NASTY).to_owned(),
        };
        pairs.push(format!("{field}={value}"));
        if rng.chance(10) {
            pairs.push(format!("{field}={}", rng.pick(NASTY)));
        }
    }
    if rng.chance(5) {
        pairs.push("%ZZ=%".to_owned());
    }
    pairs.join("&")
}

async fn arrange(app: &TestApp) -> Known {
    let provider = signed_in_provider_with_service(app, "UTC").await;
    app.db(move |conn| {
        use diesel::prelude::*;
        use slotbook::db::schema::users;
        diesel::update(users::table.filter(users::id.eq(slotbook::db::types::DbId(provider))))
            .set(users::role.eq("admin"))
            .execute(conn)
            .unwrap();
    })
    .await;
    // A booking (and its mail with link tokens) and a time-off entry to aim at.
    let booked =
        crate::hardening_inputs::book(app, &[("name", "Grace"), ("email", "grace@example.com")])
            .await;
    assert_eq!(booked.status(), 303, "arranged booking");
    let booking_key = crate::helpers::location(&booked)
        .trim_start_matches("/b/booked/")
        .to_owned();
    let csrf = app.csrf_for("/dashboard/time-off").await;
    let added = app
        .post_form(
            "/dashboard/time-off",
            &[
                ("csrf_token", &csrf),
                ("start_date", "2030-03-01"),
                ("end_date", "2030-03-02"),
            ],
        )
        .await;
    assert_eq!(added.status(), 303, "arranged time off");
    let (service_id, booking_id, time_off_id) = app
        .db(move |conn| {
            use diesel::prelude::*;
            use slotbook::db::schema::{bookings, services, time_off};
            (
                services::table
                    .select(services::id)
                    .first::<uuid::Uuid>(conn)
                    .unwrap(),
                bookings::table
                    .select(bookings::id)
                    .first::<uuid::Uuid>(conn)
                    .unwrap(),
                time_off::table
                    .select(time_off::id)
                    .first::<uuid::Uuid>(conn)
                    .unwrap(),
            )
        })
        .await;
    let mails = app.mails_to("grace@example.com").await;
    let link_token = mails
        .iter()
        .find_map(|(_, text)| link_path(text, "/b/"))
        .map(|path| path.trim_start_matches("/b/").to_owned())
        .unwrap_or_else(|| "cd".repeat(32));
    Known {
        service_id: service_id.to_string(),
        booking_id: booking_id.to_string(),
        booking_key,
        link_token,
        time_off_id: time_off_id.to_string(),
        user_id: provider.to_string(),
    }
}

/// Signs the provider in again if a fuzzed request signed them out or deactivated them.
async fn stay_signed_in(app: &TestApp) -> String {
    let page = app.get("/dashboard/settings").await;
    if page.status() == 200 {
        return csrf_token(&page.text().await.unwrap());
    }
    app.db(|conn| {
        use diesel::prelude::*;
        use slotbook::db::schema::users;
        diesel::update(users::table)
            .set(users::is_active.eq(true))
            .execute(conn)
            .unwrap();
    })
    .await;
    let login = app.get("/login").await.text().await.unwrap();
    let token = hidden_field(&login, "csrf_token").expect("login form");
    let response = app
        .post_form(
            "/login",
            &[
                ("csrf_token", &token),
                ("login", "alice"),
                ("password", TEST_PASSWORD),
            ],
        )
        .await;
    assert!(response.status().is_redirection() || response.status() == 429);
    app.csrf_for("/dashboard/settings").await
}

async fn malformed_requests_to_every_route_never_get_a_5xx(app: TestApp) {
    let known = arrange(&app).await;
    let visitor = app.new_client();
    let mut rng = Rng(setting("SLOTBOOK_FUZZ_SEED", SEED));
    let requests = setting("SLOTBOOK_FUZZ_REQUESTS", REQUESTS as u64) as usize;
    let mut csrf = stay_signed_in(&app).await;
    let mut statuses = std::collections::BTreeMap::<u16, usize>::new();
    for i in 0..requests {
        if i % 100 == 99 {
            csrf = stay_signed_in(&app).await;
        }
        let (method, template) = ROUTES[i % ROUTES.len()];
        let (method, template) = if rng.chance(50) {
            (method, template)
        } else {
            ROUTES[rng.below(ROUTES.len())]
        };
        let path = known.path(&mut rng, template);
        let client = if rng.chance(15) {
            &visitor
        } else {
            &app.client
        };
        let post = method == Method::Post;
        let data = pairs(&mut rng, &csrf, post);
        let request = if post && rng.chance(4) {
            // Raw bytes, not percent-encoded: NUL, invalid UTF-8, a bare CR.
            let mut body = data.clone().into_bytes();
            body.extend_from_slice(b"&name=a\x00\xff\xfe\rb&notes=\xc3");
            client
                .post(app.url(&path))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body)
        } else if post {
            client
                .post(app.url(&path))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(data.clone())
        } else {
            client.get(app.url(&format!("{path}?{data}")))
        };
        let response = request.send().await.unwrap_or_else(|error| {
            panic!("request {i} got no answer (dropped connection?): {template} {path} {data:.300}: {error}")
        });
        let status = response.status().as_u16();
        *statuses.entry(status).or_default() += 1;
        assert!(
            status < 500,
            "request {i}: {status} for {} {path} with {data:.500}: {:.2000}",
            if post { "POST" } else { "GET" },
            response.text().await.unwrap_or_default()
        );
    }
    // The run reached handlers, not only the first refusals.
    for reached in [200, 303, 422] {
        assert!(
            statuses.get(&reached).copied().unwrap_or(0) > 20,
            "too few {reached} answers: {statuses:?}"
        );
    }
}
