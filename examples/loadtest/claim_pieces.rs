//! `bookings`' in-process part: the claim without HTTP, and the pieces of it that are not
//! database statements, each timed alone here, so the HTTP runs' latency can be split into
//! the request around the claim, the claim's transaction and what runs inside it.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use slotbook::config::Settings;
use slotbook::db::models::bookings::{self, Booking};
use slotbook::db::models::claim::{claim, ClaimMails, ClaimOutcome, ClaimRequest, IssuedTokens};
use slotbook::db::models::{services, users};
use slotbook::db::{write_transaction, DatabaseUrl};
use slotbook::domain::forms::RawForm;
use slotbook::domain::guest::GuestDetails;
use slotbook::email::booking as booking_mail;
use slotbook::tokens::{hash_token, random_token};

use crate::booking_posts::free_slots;
use crate::fixtures;

/// Median of `samples` in microseconds.
fn median_us(mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    samples
        .get(samples.len() / 2)
        .map_or(0.0, |d| d.as_secs_f64() * 1e6)
}

/// `count` claims in a row on `url` (a database migrated by this build), then the mails of
/// the last booking and the link tokens timed alone; (piece, µs) lines.
pub fn run(
    url: &str,
    data: &std::path::Path,
    now: DateTime<Utc>,
    count: usize,
) -> anyhow::Result<Vec<(String, f64)>> {
    let database = DatabaseUrl::parse(url)?;
    let settings = Settings::for_database(database.clone(), data.to_path_buf());
    let mut conn = database.connect()?;
    slotbook::db::run_migrations(&mut conn)?;
    let (provider_id, service_id) = write_transaction(&mut conn, |c| {
        fixtures::seed_named_provider(c, "bob", now, "UTC", 90)
    })?;
    let provider =
        users::find(&mut conn, provider_id)?.ok_or_else(|| anyhow::anyhow!("no provider"))?;
    let service = services::find_for_provider(&mut conn, provider_id, service_id)?
        .ok_or_else(|| anyhow::anyhow!("no service"))?;
    let brand = slotbook::db::models::provider_looks::branding(&mut conn, &service)?;
    let context = booking_mail::Context::new(&settings, &provider, &service, brand);
    let mut claims = Vec::with_capacity(count);
    let mut last: Option<Booking> = None;
    for (i, start) in free_slots(now, count).into_iter().enumerate() {
        let form = RawForm(vec![
            ("name".into(), format!("Guest {i}")),
            ("email".into(), format!("guest{i}@example.com")),
        ]);
        let guest = GuestDetails::parse(&form, &service.questions())
            .map_err(|_| anyhow::anyhow!("guest details refused"))?;
        let request = ClaimRequest {
            service: service.clone(),
            provider_timezone: chrono_tz::UTC,
            start,
            guest,
            guest_timezone: "UTC".into(),
            idempotency_key: random_token(),
            idempotency_body_hash: None,
            replaces: None,
        };
        let mails = ClaimMails {
            new_booking: &|booking, lineage, tokens| context.new_booking(booking, lineage, tokens),
            expired: &|booking, service, provider, brand| {
                booking_mail::expired(&settings, booking, service, provider, brand)
            },
        };
        let started = Instant::now();
        let outcome = claim(&mut conn, &request, now, mails)?;
        claims.push(started.elapsed());
        match outcome {
            ClaimOutcome::Created(booking) => last = Some(*booking),
            other => anyhow::bail!("claim {i}: {other:?}"),
        }
    }
    let booking = last.ok_or_else(|| anyhow::anyhow!("no booking made"))?;
    let tokens = IssuedTokens {
        cancel: Some(random_token()),
        reschedule: Some(random_token()),
        ..IssuedTokens::default()
    };
    let compose = time_each(200, || {
        context
            .new_booking(&booking, (booking.id, booking.version), &tokens)
            .map(|mails| mails.len())
            .unwrap_or(0)
    });
    let token = time_each(2_000, || hash_token(&random_token()).len());
    let reread = time_each(200, || {
        bookings::find(&mut conn, booking.id)
            .map(|b| b.is_some())
            .unwrap_or(false)
    });
    Ok(vec![
        (
            "whole claim (one connection, no HTTP)".into(),
            median_us(claims),
        ),
        (
            "  compose the new booking's mails (inside it)".into(),
            compose,
        ),
        ("  one link token: random + SHA-256".into(), token),
        ("  one primary-key read of a booking".into(), reread),
    ])
}

/// Median µs of `f` over `n` calls.
fn time_each<T>(n: usize, mut f: impl FnMut() -> T) -> f64 {
    let samples = (0..n)
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(f());
            started.elapsed()
        })
        .collect();
    median_us(samples)
}
