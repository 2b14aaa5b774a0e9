//! What every scenario seeds: a provider open around the clock in five intervals a day with
//! one 30-minute service, and confirmed bookings as the guard would hold them.

use std::path::Path;

use chrono::{DateTime, NaiveTime, TimeDelta, Utc, Weekday};
use slotbook::config::Settings;
use slotbook::db::models::{availability, bookings, services, users};
use slotbook::db::{DatabaseUrl, DbConnection, StoreError};
use slotbook::domain::availability::WeeklyRule;
use slotbook::domain::booking::BookingStatus;
use slotbook::domain::service::{ConfirmationMode, ServiceSpec};
use uuid::Uuid;

/// Settings for a run on `LOADTEST_DATABASE_URL`, or else on a new SQLite file `file` in
/// `data`, on a free port, logging only warnings; and the backend's name for the report.
pub fn settings(data: &Path, file: &str) -> anyhow::Result<(Settings, &'static str)> {
    let url = match std::env::var("LOADTEST_DATABASE_URL") {
        Ok(url) => DatabaseUrl::parse(&url)?,
        Err(_) => DatabaseUrl::Sqlite(data.join(file)),
    };
    let backend = if url.is_sqlite() {
        "SQLite"
    } else {
        "PostgreSQL"
    };
    let mut settings = Settings::for_database(url, data.to_path_buf());
    settings.bind = "127.0.0.1:0".parse()?;
    settings.secret_key = Some("load-test-secret-key-0123456789abcdef".into());
    settings.log_level = "warn".into();
    Ok((settings, backend))
}

/// The provider's hours every day: five intervals with short breaks.
pub const HOURS: [(u32, u32); 5] = [(0, 4), (5, 9), (10, 14), (15, 19), (20, 23)];

/// Inserts `alice` in `timezone`, open every day in [`HOURS`], with the instantly confirmed
/// service `consult` bookable `max_days_ahead` days ahead; returns (provider, service).
pub fn seed_provider(
    c: &mut DbConnection,
    now: DateTime<Utc>,
    timezone: &str,
    max_days_ahead: i32,
) -> Result<(Uuid, Uuid), StoreError> {
    seed_named_provider(c, "alice", now, timezone, max_days_ahead)
}

/// [`seed_provider`] under another username (`/{username}/consult`).
pub fn seed_named_provider(
    c: &mut DbConnection,
    username: &str,
    now: DateTime<Utc>,
    timezone: &str,
    max_days_ahead: i32,
) -> Result<(Uuid, Uuid), StoreError> {
    let email = format!("{username}@example.com");
    let provider = users::insert(
        c,
        &users::NewUser {
            username,
            email: &email,
            password_hash: "unused",
            full_name: username,
            timezone,
            role: "provider",
            email_verified_at: Some(now),
        },
        now,
    )?;
    let spec = ServiceSpec {
        name: "Consultation".into(),
        slug: "consult".into(),
        min_notice_minutes: 0,
        max_days_ahead,
        confirmation_mode: ConfirmationMode::Instant,
        ..ServiceSpec::defaults()
    };
    let service = services::insert(c, provider, &spec, now)?;
    let week = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    for weekday in week {
        for (from, to) in HOURS {
            let rule = WeeklyRule::new(
                weekday,
                NaiveTime::from_hms_opt(from, 0, 0).unwrap_or_default(),
                NaiveTime::from_hms_opt(to, 0, 0).unwrap_or_default(),
            );
            availability::insert_rule(c, provider, &rule, now)?;
        }
    }
    Ok((provider, service))
}

/// Inserts guest `n`'s confirmed 30-minute booking at `start` (callers keep starts apart,
/// as the guard would).
pub fn insert_confirmed(
    c: &mut DbConnection,
    (provider, service): (Uuid, Uuid),
    n: usize,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let end = start + TimeDelta::minutes(30);
    let new = bookings::NewBooking {
        provider_id: provider,
        service_id: service,
        guest_name: format!("Guest {n}"),
        guest_email: format!("guest{n}@example.com"),
        guest_phone: None,
        guest_timezone: "Europe/Berlin".into(),
        guest_notes: None,
        answers: "[]".into(),
        start_at: start,
        end_at: end,
        block_start_at: start,
        block_end_at: end,
        status: BookingStatus::Confirmed,
        hold_expires_at: None,
        rescheduled_from_id: None,
        idempotency_key: None,
    };
    bookings::insert(c, &new, now)?;
    Ok(())
}
