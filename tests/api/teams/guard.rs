//! The guard over every host: one `booking_hosts` row per (booking, host), refused by the
//! database (PostgreSQL exclusion constraint, SQLite triggers) when two holding bookings
//! of one host would overlap — personal and collective alike, on both backends.

use chrono::{DateTime, Duration, Utc};
use slotbook::db::models::{booking_hosts, bookings, services, users};
use slotbook::db::{write_transaction, DbConnection, StoreError};
use slotbook::domain::availability::TimeRange;
use slotbook::domain::booking::BookingStatus;
use uuid::Uuid;

use crate::both_backends;
use crate::helpers::{test_now, TestApp};

both_backends!(
    a_collective_booking_blocks_every_hosts_personal_calendar,
    a_collective_booking_over_one_hosts_personal_booking_is_refused_whole,
    cancelling_a_collective_booking_frees_every_host_and_reviving_it_is_guarded,
    racing_raw_collective_and_personal_inserts_without_the_lock_never_overlap_a_host,
);

struct Fixture {
    alice: Uuid,
    bob: Uuid,
    alice_service: Uuid,
    bob_service: Uuid,
}

fn arrange(conn: &mut DbConnection) -> Fixture {
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
    let alice = provider("alice");
    let bob = provider("bob");
    let fields = slotbook::domain::service::ServiceSpec {
        name: "Consultation".into(),
        slug: "consultation".into(),
        ..slotbook::domain::service::ServiceSpec::defaults()
    };
    Fixture {
        alice,
        bob,
        alice_service: services::insert(conn, alice, &fields, now).unwrap(),
        bob_service: services::insert(conn, bob, &fields, now).unwrap(),
    }
}

fn at(hour: u32, minute: u32) -> DateTime<Utc> {
    test_now()
        .date_naive()
        .and_hms_opt(hour, minute, 0)
        .unwrap()
        .and_utc()
        + Duration::days(1)
}

pub(crate) fn booking(
    provider: Uuid,
    service: Uuid,
    start: DateTime<Utc>,
    minutes: i64,
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
        block_start_at: start,
        block_end_at: end,
        status: BookingStatus::Confirmed,
        hold_expires_at: None,
        rescheduled_from_id: None,
        idempotency_key: None,
    }
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
            &booking(f.alice, f.alice_service, at(10, 0), 60),
            &[f.bob],
        )
        .unwrap();
        assert_eq!(booking_hosts::hosts_of(conn, team).unwrap().len(), 2);
        let bobs = write_transaction(conn, |c| {
            bookings::insert(
                c,
                &booking(f.bob, f.bob_service, at(10, 30), 30),
                test_now(),
            )
        });
        assert!(matches!(bobs, Err(StoreError::SlotTaken(_))), "{bobs:?}");
        let alices = write_transaction(conn, |c| {
            bookings::insert(
                c,
                &booking(f.alice, f.alice_service, at(10, 45), 30),
                test_now(),
            )
        });
        assert!(
            matches!(alices, Err(StoreError::SlotTaken(_))),
            "{alices:?}"
        );
        // Back to back is fine for both hosts.
        write_transaction(conn, |c| {
            bookings::insert(c, &booking(f.bob, f.bob_service, at(11, 0), 30), test_now())
        })
        .unwrap();
        let held: Vec<Uuid> = booking_hosts::holding_for_host(conn, f.bob, day())
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
            bookings::insert(c, &booking(f.bob, f.bob_service, at(14, 0), 60), test_now())
        })
        .unwrap();
        let refused = insert_collective(
            conn,
            &booking(f.alice, f.alice_service, at(14, 30), 60),
            &[f.bob],
        );
        assert!(
            matches!(refused, Err(StoreError::SlotTaken(_))),
            "{refused:?}"
        );
        // Nothing of it stayed: alice's calendar is free at that time.
        assert!(booking_hosts::holding_for_host(conn, f.alice, day())
            .unwrap()
            .is_empty());
        assert!(
            bookings::holding_in_range(conn, f.alice, at(0, 0), at(23, 0))
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
            &booking(f.alice, f.alice_service, at(9, 0), 60),
            &[f.bob],
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
        assert!(booking_hosts::holding_for_host(conn, f.bob, day())
            .unwrap()
            .is_empty());
        // Bob's time is free again for a personal booking…
        write_transaction(conn, |c| {
            bookings::insert(c, &booking(f.bob, f.bob_service, at(9, 0), 30), now)
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
    let url = app.state.settings.database_url.clone();
    let ready = std::sync::Arc::new(std::sync::Barrier::new(EACH * 2));
    let mut writers = Vec::new();
    for i in 0..EACH * 2 {
        let (url, ready) = (url.clone(), ready.clone());
        let collective = i % 2 == 0;
        let start = at(16, 0) + Duration::minutes(i as i64);
        let new = if collective {
            booking(f.alice, f.alice_service, start, 60)
        } else {
            booking(f.bob, f.bob_service, start, 60)
        };
        let bob = f.bob;
        writers.push(std::thread::spawn(move || {
            let mut conn = url.connect().expect("a connection of its own");
            ready.wait();
            // Raw rows: no `lock_provider_schedule`, no availability check. Each write
            // stays uncommitted a moment, so others meet it in flight at the guard.
            write_transaction(&mut conn, |c| {
                let id = raw_insert(c, &new)?;
                if collective {
                    raw_host_row(c, id, bob, &new)?;
                }
                std::thread::sleep(std::time::Duration::from_millis(30));
                Ok::<_, StoreError>(id)
            })
        }));
    }
    let (mut won, mut refused) = (0, 0);
    for (i, writer) in writers.into_iter().enumerate() {
        match writer.join().expect("writer thread") {
            Ok(_) => won += 1,
            Err(StoreError::SlotTaken(_)) => refused += 1,
            // Without the lock, PostgreSQL inserts that wait on each other at the
            // exclusion constraint can deadlock; the database aborts one (retried by
            // `write_transaction` a few times), which is a refusal too.
            Err(StoreError::Busy) => refused += 1,
            Err(other) => panic!("writer {i}: not the guard's refusal: {other:?}"),
        }
    }
    assert_eq!((won, refused), (1, EACH * 2 - 1));
    let bobs = app
        .db(move |conn| booking_hosts::holding_for_host(conn, f.bob, day()).unwrap())
        .await;
    assert_eq!(bobs.len(), 1, "{bobs:?}");
}

/// A booking row written with plain SQL: no application lock, no availability check.
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
