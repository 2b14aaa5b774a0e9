//! The migration to one guarded row per (booking, host) carries existing bookings over, on
//! both backends: a database migrated to just before teams, with bookings in it, is
//! migrated the rest of the way and every booking holds its provider's time as before.

use chrono::Duration;
use diesel::migration::MigrationSource;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};
use slotbook::db::models::{booking_hosts, bookings, users};
use slotbook::db::{DbConnection, StoreError};
use slotbook::domain::availability::TimeRange;
use slotbook::domain::booking::BookingStatus;

use crate::booking::tuesday_ten;
use crate::helpers::{fresh_database, test_now, Backend};

crate::on_both_backends!(existing_bookings_are_carried_over_to_one_guarded_host_row_each);

const PG: EmbeddedMigrations = embed_migrations!("migrations/postgres");
const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");

/// The first migration of teams: everything before it is "before teams".
const TEAMS: &str = "20261129000100";

/// Runs the pending migrations older than the teams migration, one by one.
fn migrate_to_before_teams<C, DB>(conn: &mut C, source: impl Fn() -> EmbeddedMigrations)
where
    DB: diesel::backend::Backend,
    C: MigrationHarness<DB>,
    EmbeddedMigrations: MigrationSource<DB>,
{
    loop {
        let pending = conn.pending_migrations(source()).unwrap();
        let Some(next) = pending.first() else { break };
        if next.name().version().to_string().as_str() >= TEAMS {
            break;
        }
        conn.run_migration(next.as_ref()).unwrap();
    }
}

fn booking(
    provider: uuid::Uuid,
    service: uuid::Uuid,
    minutes: i64,
    status: BookingStatus,
) -> bookings::NewBooking {
    let start = tuesday_ten() + Duration::minutes(minutes);
    bookings::NewBooking {
        provider_id: provider,
        service_id: service,
        guest_name: "Guest".into(),
        guest_email: "guest@example.com".into(),
        guest_phone: None,
        guest_timezone: "UTC".into(),
        guest_notes: None,
        answers: "[]".into(),
        start_at: start,
        end_at: start + Duration::minutes(60),
        block_start_at: start,
        block_end_at: start + Duration::minutes(60),
        status,
        hold_expires_at: None,
        rescheduled_from_id: None,
        idempotency_key: None,
    }
}

async fn existing_bookings_are_carried_over_to_one_guarded_host_row_each(backend: Backend) {
    let Some(database) = fresh_database(backend) else {
        return;
    };
    let url = database.url.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = url.connect().expect("a connection");
        match &mut conn {
            DbConnection::Pg(c) => migrate_to_before_teams(c, || PG),
            DbConnection::Sqlite(c) => migrate_to_before_teams(c, || SQLITE),
        }
        let now = test_now();
        let provider = users::insert(
            &mut conn,
            &users::NewUser {
                username: "alice",
                email: "alice@example.com",
                password_hash: "unused",
                full_name: "Alice",
                timezone: "Europe/Berlin",
                role: "provider",
                email_verified_at: Some(now),
            },
            now,
        )
        .unwrap();
        // Written as the schema before teams had it (today's `services::insert` knows
        // the team column).
        let service = uuid::Uuid::now_v7();
        {
            use diesel::prelude::*;
            use slotbook::db::schema::services as s;
            use slotbook::db::types::{DbId, DbTime};
            diesel::insert_into(s::table)
                .values((
                    s::id.eq(DbId(service)),
                    s::provider_id.eq(DbId(provider)),
                    s::slug.eq("intro"),
                    s::name.eq("Intro"),
                    s::duration_minutes.eq(60),
                    s::slot_interval_minutes.eq(60),
                    s::created_at.eq(DbTime(now)),
                    s::updated_at.eq(DbTime(now)),
                ))
                .execute(&mut conn)
                .unwrap();
        }
        let kept = bookings::insert(
            &mut conn,
            &booking(provider, service, 0, BookingStatus::Confirmed),
            now,
        )
        .unwrap();
        let dead = bookings::insert(
            &mut conn,
            &booking(provider, service, 30, BookingStatus::Cancelled),
            now,
        )
        .unwrap();

        slotbook::db::run_migrations(&mut conn).expect("the teams migrations apply");

        assert_eq!(
            booking_hosts::hosts_of(&mut conn, kept).unwrap(),
            vec![provider]
        );
        assert_eq!(
            booking_hosts::hosts_of(&mut conn, dead).unwrap(),
            vec![provider]
        );
        let day = TimeRange::new(
            tuesday_ten() - Duration::hours(12),
            tuesday_ten() + Duration::hours(12),
        );
        let holding: Vec<_> = booking_hosts::holding_for_host(&mut conn, provider, day)
            .unwrap()
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert_eq!(holding, vec![kept], "the cancelled booking holds nothing");
        let overlap = slotbook::db::write_transaction(&mut conn, |c| {
            bookings::insert(
                c,
                &booking(provider, service, 15, BookingStatus::Confirmed),
                now,
            )
        });
        assert!(
            matches!(overlap, Err(StoreError::SlotTaken(_))),
            "{overlap:?}"
        );
    })
    .await
    .unwrap();
}
