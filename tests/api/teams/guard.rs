//! The guard over every host: one `booking_hosts` row per (booking, host), refused by the
//! database (PostgreSQL exclusion constraint, SQLite triggers) when two holding bookings
//! of one host would overlap — personal and collective alike, on both backends.

use chrono::{DateTime, Duration, Utc};
use slotbook::db::models::{booking_hosts, bookings};
use slotbook::db::{write_transaction, DbConnection, StoreError};
use slotbook::domain::availability::TimeRange;
use slotbook::domain::booking::BookingStatus;
use uuid::Uuid;

use crate::both_backends;
pub(crate) use crate::guard::raw_insert;
use crate::guard::{arrange, at, race_raw_writers};
use crate::helpers::{test_now, TestApp};

both_backends!(
    a_collective_booking_blocks_every_hosts_personal_calendar,
    a_collective_booking_over_one_hosts_personal_booking_is_refused_whole,
    cancelling_a_collective_booking_frees_every_host_and_reviving_it_is_guarded,
    racing_raw_collective_and_personal_inserts_without_the_lock_never_overlap_a_host,
);

/// A booking of `minutes` at `start` without buffers (`crate::guard::booking`).
pub(crate) fn booking(
    provider: Uuid,
    service: Uuid,
    start: DateTime<Utc>,
    minutes: i64,
) -> bookings::NewBooking {
    crate::guard::booking(provider, service, start, minutes, 0)
}

/// A collective booking hosted by `primary` and `others`, written as the claim writes it:
/// the booking (its first host row comes with it) and one more row per other host, all in
/// one transaction.
fn insert_collective(
    conn: &mut DbConnection,
    new: &bookings::NewBooking,
    others: &[Uuid],
) -> Result<Uuid, StoreError> {
    write_transaction(conn, |c| {
        let id = bookings::insert(c, new, test_now())?;
        let row = bookings::find(c, id)?.ok_or(StoreError::NotFound)?;
        for host in others {
            booking_hosts::add_host(c, &row, *host)?;
        }
        Ok(id)
    })
}

fn day() -> TimeRange {
    TimeRange::new(at(0, 0), at(23, 0))
}

async fn a_collective_booking_blocks_every_hosts_personal_calendar(app: TestApp) {
    app.db(|conn| {
        let f = arrange(conn);
        let team = insert_collective(
            conn,
            &booking(f.provider, f.service, at(10, 0), 60),
            &[f.other_provider],
        )
        .unwrap();
        assert_eq!(booking_hosts::hosts_of(conn, team).unwrap().len(), 2);
        let bobs = write_transaction(conn, |c| {
            bookings::insert(
                c,
                &booking(f.other_provider, f.other_service, at(10, 30), 30),
                test_now(),
            )
        });
        assert!(matches!(bobs, Err(StoreError::SlotTaken(_))), "{bobs:?}");
        let alices = write_transaction(conn, |c| {
            bookings::insert(
                c,
                &booking(f.provider, f.service, at(10, 45), 30),
                test_now(),
            )
        });
        assert!(
            matches!(alices, Err(StoreError::SlotTaken(_))),
            "{alices:?}"
        );
        // Back to back is fine for both hosts.
        write_transaction(conn, |c| {
            bookings::insert(
                c,
                &booking(f.other_provider, f.other_service, at(11, 0), 30),
                test_now(),
            )
        })
        .unwrap();
        let held: Vec<Uuid> = booking_hosts::holding_for_host(conn, f.other_provider, day())
            .unwrap()
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert_eq!(held.len(), 2);
        assert!(held.contains(&team));
    })
    .await;
}

async fn a_collective_booking_over_one_hosts_personal_booking_is_refused_whole(app: TestApp) {
    app.db(|conn| {
        let f = arrange(conn);
        write_transaction(conn, |c| {
            bookings::insert(
                c,
                &booking(f.other_provider, f.other_service, at(14, 0), 60),
                test_now(),
            )
        })
        .unwrap();
        let refused = insert_collective(
            conn,
            &booking(f.provider, f.service, at(14, 30), 60),
            &[f.other_provider],
        );
        assert!(
            matches!(refused, Err(StoreError::SlotTaken(_))),
            "{refused:?}"
        );
        // Nothing of it stayed: alice's calendar is free at that time.
        assert!(booking_hosts::holding_for_host(conn, f.provider, day())
            .unwrap()
            .is_empty());
        assert!(
            bookings::holding_in_range(conn, f.provider, at(0, 0), at(23, 0))
                .unwrap()
                .is_empty()
        );
    })
    .await;
}

async fn cancelling_a_collective_booking_frees_every_host_and_reviving_it_is_guarded(app: TestApp) {
    app.db(|conn| {
        let f = arrange(conn);
        let now = test_now();
        let team = insert_collective(
            conn,
            &booking(f.provider, f.service, at(9, 0), 60),
            &[f.other_provider],
        )
        .unwrap();
        assert!(bookings::transition(
            conn,
            team,
            BookingStatus::Confirmed,
            BookingStatus::Cancelled,
            now
        )
        .unwrap());
        assert!(
            booking_hosts::holding_for_host(conn, f.other_provider, day())
                .unwrap()
                .is_empty()
        );
        // Bob's time is free again for a personal booking…
        write_transaction(conn, |c| {
            bookings::insert(
                c,
                &booking(f.other_provider, f.other_service, at(9, 0), 30),
                now,
            )
        })
        .unwrap();
        // …so bringing the team booking back would overlap him, and is refused.
        let revived = bookings::transition(
            conn,
            team,
            BookingStatus::Cancelled,
            BookingStatus::Confirmed,
            now,
        );
        assert!(
            matches!(revived, Err(StoreError::SlotTaken(_))),
            "{revived:?}"
        );
    })
    .await;
}

/// The guard alone, without the application's per-host lock: 20 connections of their own
/// insert collective bookings (alice + bob) and 20 insert bob's personal bookings, every
/// one overlapping every other, released together. Exactly one commits; every other write
/// is refused by the database, and bob never holds two overlapping ranges.
async fn racing_raw_collective_and_personal_inserts_without_the_lock_never_overlap_a_host(
    app: TestApp,
) {
    const EACH: usize = 20;
    let f = app.db(arrange).await;
    let rows = (0..EACH * 2)
        .map(|i| {
            let start = at(16, 0) + Duration::minutes(i as i64);
            if i % 2 == 0 {
                (
                    booking(f.provider, f.service, start, 60),
                    vec![f.other_provider],
                )
            } else {
                (
                    booking(f.other_provider, f.other_service, start, 60),
                    Vec::new(),
                )
            }
        })
        .collect();
    let outcome = race_raw_writers(&app, rows);
    assert_eq!(
        (outcome.won.len(), outcome.refused),
        (1, EACH * 2 - 1),
        "{outcome:?}"
    );
    let bobs = app
        .db(move |conn| booking_hosts::holding_for_host(conn, f.other_provider, day()).unwrap())
        .await;
    assert_eq!(bobs.len(), 1, "{bobs:?}");
}
