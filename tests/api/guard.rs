//! The no-double-booking guard in the database, on both backends. The fixture, booking
//! rows and raw (lock-less) writers here are shared with `teams::guard`.

use chrono::{DateTime, Duration, Utc};
use slotbook::db::models::{bookings, services, users};
use slotbook::db::{write_transaction, DbConnection, StoreError};
use slotbook::domain::booking::BookingStatus;
use uuid::Uuid;

use crate::both_backends;
use crate::helpers::{test_now, TestApp};

both_backends!(
    overlapping_holding_bookings_are_refused_as_slot_taken,
    back_to_back_other_providers_and_dead_bookings_are_allowed,
    reviving_a_cancelled_booking_over_a_taken_range_is_refused,
    fifty_concurrent_inserts_of_one_slot_leave_exactly_one,
    fifty_connections_inserting_overlapping_bookings_without_the_lock_leave_exactly_one,
);

/// Two providers (alice, bob), each with a personal service.
pub(crate) struct Fixture {
    pub provider: Uuid,
    pub other_provider: Uuid,
    pub service: Uuid,
    pub other_service: Uuid,
}

pub(crate) fn arrange(conn: &mut DbConnection) -> Fixture {
    let now = test_now();
    let mut provider = |name: &str| {
        users::insert(
            conn,
            &users::NewUser {
                username: name,
                email: &format!("{name}@example.com"),
                password_hash: "x",
                full_name: name,
                timezone: "Europe/Berlin",
                role: "provider",
                email_verified_at: Some(now),
            },
            now,
        )
        .unwrap()
    };
    let a = provider("alice");
    let b = provider("bob");
    let fields = slotbook::domain::service::ServiceSpec {
        name: "Consultation".into(),
        slug: "consultation".into(),
        ..slotbook::domain::service::ServiceSpec::defaults()
    };
    Fixture {
        provider: a,
        other_provider: b,
        service: services::insert(conn, a, &fields, now).unwrap(),
        other_service: services::insert(conn, b, &fields, now).unwrap(),
    }
}

/// A confirmed booking row of `minutes` at `start`, its guarded range widened by `buffer`
/// minutes on both sides.
pub(crate) fn booking(
    provider: Uuid,
    service: Uuid,
    start: DateTime<Utc>,
    minutes: i64,
    buffer: i64,
) -> bookings::NewBooking {
    let end = start + Duration::minutes(minutes);
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
        end_at: end,
        block_start_at: start - Duration::minutes(buffer),
        block_end_at: end + Duration::minutes(buffer),
        status: BookingStatus::Confirmed,
        hold_expires_at: None,
        rescheduled_from_id: None,
        idempotency_key: None,
    }
}

/// `hour:minute` UTC on the day after `test_now`.
pub(crate) fn at(hour: u32, minute: u32) -> DateTime<Utc> {
    test_now()
        .date_naive()
        .and_hms_opt(hour, minute, 0)
        .unwrap()
        .and_utc()
        + Duration::days(1)
}

async fn overlapping_holding_bookings_are_refused_as_slot_taken(app: TestApp) {
    app.db(|conn| {
        let f = arrange(conn);
        let now = test_now();
        bookings::insert(
            conn,
            &booking(f.provider, f.service, at(10, 0), 60, 15),
            now,
        )
        .unwrap();
        let attempts = [
            (
                "same start",
                booking(f.provider, f.service, at(10, 0), 60, 0),
            ),
            (
                "overlapping",
                booking(f.provider, f.service, at(10, 30), 60, 0),
            ),
            (
                "contained",
                booking(f.provider, f.service, at(10, 15), 15, 0),
            ),
            (
                "containing",
                booking(f.provider, f.service, at(9, 0), 180, 0),
            ),
            (
                "only through a buffer",
                booking(f.provider, f.service, at(11, 10), 30, 0),
            ),
        ];
        for (what, attempt) in attempts {
            let result = bookings::insert(conn, &attempt, now);
            assert!(
                matches!(result, Err(StoreError::SlotTaken(_))),
                "{what}: {result:?}"
            );
        }
        let pending = bookings::NewBooking {
            status: BookingStatus::Pending,
            hold_expires_at: Some(now + Duration::minutes(30)),
            ..booking(f.provider, f.service, at(10, 45), 30, 0)
        };
        assert!(matches!(
            bookings::insert(conn, &pending, now),
            Err(StoreError::SlotTaken(_))
        ));
        let kept = bookings::holding_in_range(conn, f.provider, at(0, 0), at(23, 0)).unwrap();
        assert_eq!(kept.len(), 1, "nothing else was written");
    })
    .await;
}

async fn back_to_back_other_providers_and_dead_bookings_are_allowed(app: TestApp) {
    app.db(|conn| {
        let f = arrange(conn);
        let now = test_now();
        bookings::insert(conn, &booking(f.provider, f.service, at(10, 0), 60, 0), now).unwrap();
        // Back-to-back on both sides: half-open ranges touch but do not overlap.
        bookings::insert(conn, &booking(f.provider, f.service, at(11, 0), 30, 0), now).unwrap();
        bookings::insert(conn, &booking(f.provider, f.service, at(9, 30), 30, 0), now).unwrap();
        // Another provider's same time.
        bookings::insert(
            conn,
            &booking(f.other_provider, f.other_service, at(10, 0), 60, 0),
            now,
        )
        .unwrap();
        // Rows that no longer hold time never block.
        for status in [
            BookingStatus::Cancelled,
            BookingStatus::Expired,
            BookingStatus::Declined,
        ] {
            let dead = bookings::NewBooking {
                status,
                ..booking(f.provider, f.service, at(10, 0), 60, 0)
            };
            bookings::insert(conn, &dead, now).unwrap();
        }
        assert_eq!(
            bookings::holding_in_range(conn, f.provider, at(0, 0), at(23, 0))
                .unwrap()
                .len(),
            3
        );
    })
    .await;
}

async fn reviving_a_cancelled_booking_over_a_taken_range_is_refused(app: TestApp) {
    app.db(|conn| {
        let f = arrange(conn);
        let now = test_now();
        let first =
            bookings::insert(conn, &booking(f.provider, f.service, at(14, 0), 30, 0), now).unwrap();
        assert!(bookings::transition(
            conn,
            first,
            BookingStatus::Confirmed,
            BookingStatus::Cancelled,
            now
        )
        .unwrap());
        let second =
            bookings::insert(conn, &booking(f.provider, f.service, at(14, 0), 30, 0), now).unwrap();
        let revived = bookings::transition(
            conn,
            first,
            BookingStatus::Cancelled,
            BookingStatus::Confirmed,
            now,
        );
        assert!(
            matches!(revived, Err(StoreError::SlotTaken(_))),
            "{revived:?}"
        );
        // A holding booking can still change status in place (the update skips itself).
        assert!(bookings::transition(
            conn,
            second,
            BookingStatus::Confirmed,
            BookingStatus::Completed,
            now
        )
        .unwrap());
        let first_row = bookings::find(conn, first).unwrap().unwrap();
        assert_eq!(first_row.status(), BookingStatus::Cancelled);
    })
    .await;
}

async fn fifty_concurrent_inserts_of_one_slot_leave_exactly_one(app: TestApp) {
    let f = app.db(arrange).await;
    let mut tasks = Vec::new();
    for _ in 0..50 {
        let pool = app.state.pool.clone();
        let new = booking(f.provider, f.service, at(16, 0), 30, 10);
        tasks.push(tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().expect("connection");
            slotbook::db::write_transaction(&mut conn, |c| bookings::insert(c, &new, test_now()))
        }));
    }
    let (mut won, mut taken) = (0, 0);
    for task in tasks {
        match task.await.unwrap() {
            Ok(_) => won += 1,
            Err(StoreError::SlotTaken(_)) => taken += 1,
            Err(other) => panic!("unexpected error: {other:?}"),
        }
    }
    assert_eq!((won, taken), (1, 49));
    let rows = app
        .db(move |conn| {
            bookings::holding_in_range(conn, f.provider, at(0, 0), at(23, 0))
                .unwrap()
                .len()
        })
        .await;
    assert_eq!(rows, 1);
}

/// The guard on its own, without the application's per-provider lock that makes claims
/// queue: 50 connections of their own (not the pool) insert 50 different bookings that all
/// overlap one another with plain SQL (`raw_insert`: not `bookings::insert`, which takes
/// the lock), released together. Exactly one commits; every other insert is refused by
/// the database guard, on both backends.
async fn fifty_connections_inserting_overlapping_bookings_without_the_lock_leave_exactly_one(
    app: TestApp,
) {
    const WRITERS: usize = 50;
    let f = app.db(arrange).await;
    // 60-minute bookings starting a minute apart: every pair overlaps.
    let rows = (0..WRITERS)
        .map(|i| {
            let start = at(16, 0) + Duration::minutes(i as i64);
            (booking(f.provider, f.service, start, 60, 0), Vec::new())
        })
        .collect();
    let outcome = race_raw_writers(&app, rows);
    assert_eq!(
        (outcome.won.len(), outcome.refused),
        (1, WRITERS - 1),
        "{outcome:?}"
    );
    let kept = app
        .db(move |conn| bookings::holding_in_range(conn, f.provider, at(0, 0), at(23, 0)).unwrap())
        .await;
    assert_eq!(kept.len(), 1);
    assert_eq!(
        kept[0].id, outcome.won[0],
        "the row kept is the one that won"
    );
}

/// What a race of raw writers did: the ids committed and how many the guard refused.
#[derive(Debug)]
pub(crate) struct RaceOutcome {
    pub won: Vec<Uuid>,
    pub refused: usize,
}

/// Each row (with the extra hosts of a collective booking) written by a thread on a
/// connection of its own with plain SQL — no `lock_provider_schedule`, no availability
/// check — all released together by a barrier. Each write stays uncommitted a moment, so
/// the others meet it in flight at the guard (PostgreSQL makes them wait on it, then
/// refuses them) rather than only after its commit.
pub(crate) fn race_raw_writers(
    app: &TestApp,
    rows: Vec<(bookings::NewBooking, Vec<Uuid>)>,
) -> RaceOutcome {
    let url = app.state.settings.database_url.clone();
    let ready = std::sync::Arc::new(std::sync::Barrier::new(rows.len()));
    let writers: Vec<_> = rows
        .into_iter()
        .map(|(new, others)| {
            let (url, ready) = (url.clone(), ready.clone());
            std::thread::spawn(move || {
                let mut conn = url.connect().expect("a connection of its own");
                ready.wait();
                write_transaction(&mut conn, |c| {
                    let id = raw_insert(c, &new)?;
                    for host in &others {
                        raw_host_row(c, id, *host, &new)?;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(30));
                    Ok::<_, StoreError>(id)
                })
            })
        })
        .collect();
    let mut outcome = RaceOutcome {
        won: Vec::new(),
        refused: 0,
    };
    for (i, writer) in writers.into_iter().enumerate() {
        match writer.join().expect("writer thread") {
            Ok(id) => outcome.won.push(id),
            Err(StoreError::SlotTaken(_)) => outcome.refused += 1,
            // Without the lock, PostgreSQL inserts that wait on each other at the
            // exclusion constraint can deadlock; the database aborts one (retried by
            // `write_transaction` a few times), which is a refusal too.
            Err(StoreError::Busy) => outcome.refused += 1,
            Err(other) => panic!("writer {i}: not the guard's refusal: {other:?}"),
        }
    }
    outcome
}

/// A booking row written with plain SQL: no application lock, no availability check (the
/// database's trigger still writes its first host row).
pub(crate) fn raw_insert(
    conn: &mut DbConnection,
    new: &bookings::NewBooking,
) -> Result<Uuid, StoreError> {
    use diesel::prelude::*;
    use slotbook::db::schema::bookings as b;
    use slotbook::db::types::{DbId, DbTime};
    let id = Uuid::now_v7();
    diesel::insert_into(b::table)
        .values((
            b::id.eq(DbId(id)),
            b::provider_id.eq(DbId(new.provider_id)),
            b::service_id.eq(DbId(new.service_id)),
            b::guest_name.eq(&new.guest_name),
            b::guest_email.eq(&new.guest_email),
            b::guest_timezone.eq(&new.guest_timezone),
            b::answers.eq(&new.answers),
            b::start_at.eq(DbTime(new.start_at)),
            b::end_at.eq(DbTime(new.end_at)),
            b::block_start_at.eq(DbTime(new.block_start_at)),
            b::block_end_at.eq(DbTime(new.block_end_at)),
            b::status.eq(new.status.as_str()),
            b::version.eq(0),
            b::created_at.eq(DbTime(test_now())),
            b::updated_at.eq(DbTime(test_now())),
        ))
        .execute(conn)?;
    Ok(id)
}

/// One more host row for a booking, with plain SQL.
fn raw_host_row(
    conn: &mut DbConnection,
    booking: Uuid,
    host: Uuid,
    new: &bookings::NewBooking,
) -> Result<(), StoreError> {
    use diesel::prelude::*;
    use slotbook::db::schema::booking_hosts as h;
    use slotbook::db::types::{DbId, DbTime};
    diesel::insert_into(h::table)
        .values((
            h::booking_id.eq(DbId(booking)),
            h::host_id.eq(DbId(host)),
            h::service_id.eq(DbId(new.service_id)),
            h::start_at.eq(DbTime(new.start_at)),
            h::block_start_at.eq(DbTime(new.block_start_at)),
            h::block_end_at.eq(DbTime(new.block_end_at)),
            h::holds.eq(true),
        ))
        .execute(conn)?;
    Ok(())
}
