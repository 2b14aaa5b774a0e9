//! What a `/metrics` scrape costs in the database with a long booking history: 100,000
//! history rows, on SQLite and (when it answers on 127.0.0.1:5432) PostgreSQL.
//!
//! - `before`: the count by kind that scrapes used to run over the history table (with the
//!   `booking_events_kind` index it had), kept here as the baseline;
//! - `after`: the whole database side of a scrape now (`ops::snapshot`: the kept counts and
//!   the outbox figures).
//!
//! Both run in the same process on the same data, so their ratio is the change.
//! Run with `cargo bench --bench metrics` (`METRICS_BENCH_EVENTS` sets the history size).

use std::hint::black_box;

use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use diesel::connection::SimpleConnection;
use diesel::dsl::count_star;
use diesel::prelude::*;
use slotbook::db::models::ops::snapshot;
use slotbook::db::models::{bookings, services, users};
use slotbook::db::schema::booking_events;
use slotbook::db::{run_migrations, DatabaseUrl, DbConnection};
use slotbook::domain::booking::BookingStatus;
use slotbook::domain::service::ServiceSpec;

const KINDS: &str = "'created', 'confirmed', 'cancelled', 'expired', 'completed', 'rescheduled'";

/// A migrated database with one booking and `events` history rows spread over six kinds,
/// the kept counts matching them, and the index the old count read.
fn fill(conn: &mut DbConnection, events: usize) {
    run_migrations(conn).expect("migrations");
    let now = Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap();
    let provider = users::insert(
        conn,
        &users::NewUser {
            username: "bench",
            email: "bench@example.com",
            password_hash: "unused",
            full_name: "Bench",
            timezone: "UTC",
            role: "provider",
            email_verified_at: Some(now),
        },
        now,
    )
    .expect("user");
    let service = services::insert(
        conn,
        provider,
        &ServiceSpec {
            name: "Bench".into(),
            slug: "bench".into(),
            ..ServiceSpec::defaults()
        },
        now,
    )
    .expect("service");
    let start = now + chrono::Duration::days(1);
    let booking = bookings::insert(
        conn,
        &bookings::NewBooking {
            provider_id: provider,
            service_id: service,
            guest_name: "Guest".into(),
            guest_email: "guest@example.com".into(),
            guest_phone: None,
            guest_timezone: "UTC".into(),
            guest_notes: None,
            answers: "[]".into(),
            start_at: start,
            end_at: start + chrono::Duration::minutes(30),
            block_start_at: start,
            block_end_at: start + chrono::Duration::minutes(30),
            status: BookingStatus::Confirmed,
            hold_expires_at: None,
            rescheduled_from_id: None,
            idempotency_key: None,
        },
        now,
    )
    .expect("booking");
    let rows = match conn {
        DbConnection::Pg(_) => format!(
            "INSERT INTO booking_events (id, booking_id, at, actor, kind, detail) \
             SELECT gen_random_uuid(), '{booking}', now(), 'guest', \
                    (ARRAY[{KINDS}])[1 + i % 6], '' \
             FROM generate_series(1, {events}) AS i;"
        ),
        DbConnection::Sqlite(_) => format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {events}) \
             INSERT INTO booking_events (id, booking_id, at, actor, kind, detail) \
             SELECT lower(hex(randomblob(16))), '{booking}', '2030-01-01T00:00:00.000000Z', \
                    'guest', json_extract(json_array({KINDS}), '$[' || (i % 6) || ']'), '' \
             FROM n;"
        ),
    };
    conn.batch_execute(&format!(
        "{rows}
         DELETE FROM booking_event_counts;
         INSERT INTO booking_event_counts (kind, shard, total)
             SELECT kind, 0, COUNT(*) FROM booking_events GROUP BY kind;
         CREATE INDEX IF NOT EXISTS booking_events_kind ON booking_events (kind);
         ANALYZE;"
    ))
    .expect("history");
}

/// The scrape's count before: every history row, grouped by kind.
fn count_history(conn: &mut DbConnection) -> Vec<(String, i64)> {
    booking_events::table
        .group_by(booking_events::kind)
        .select((booking_events::kind, count_star()))
        .order(booking_events::kind.asc())
        .load(conn)
        .expect("count")
}

fn scrape(c: &mut Criterion, name: &str, conn: &mut DbConnection) {
    // The two ways agree before they are timed.
    let kept = snapshot(conn).expect("snapshot").booking_events;
    assert_eq!(kept, count_history(conn), "{name}: kept counts differ");
    let mut group = c.benchmark_group(format!("scrape/{name}"));
    group.sample_size(30);
    group.bench_function("before: count the history", |b| {
        b.iter(|| black_box(count_history(conn)))
    });
    group.bench_function("after: read the kept counts", |b| {
        b.iter(|| black_box(snapshot(conn).expect("snapshot")))
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let events: usize = std::env::var("METRICS_BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let sqlite = DatabaseUrl::Sqlite(dir.path().join("metrics.db"));
    let mut conn = sqlite.connect().expect("SQLite");
    fill(&mut conn, events);
    scrape(c, "sqlite", &mut conn);

    let name = format!("slotbook_bench_metrics_{}", std::process::id());
    let Ok(mut admin) =
        DatabaseUrl::Postgres("postgres://postgres@127.0.0.1/postgres".into()).connect()
    else {
        eprintln!("PostgreSQL does not answer on 127.0.0.1:5432: SQLite only");
        return;
    };
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("create database");
    {
        let mut pg = DatabaseUrl::Postgres(format!("postgres://postgres@127.0.0.1/{name}"))
            .connect()
            .expect("PostgreSQL");
        fill(&mut pg, events);
        scrape(c, "postgres", &mut pg);
    }
    admin
        .batch_execute(&format!("DROP DATABASE {name}"))
        .expect("drop database");
}

criterion_group!(metrics, benches);
criterion_main!(metrics);
