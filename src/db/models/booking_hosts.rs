//! The rows the no-double-booking guard protects: one per (booking, host). A booking's
//! first row (its provider) is written by a trigger with the booking; a collective team
//! booking adds a row for each other host in the same transaction ([`add_host`]). Status
//! changes and moves reach every row through a trigger on `bookings`, and the guard
//! (exclusion constraint / SQLite triggers) checks each row, so a booking that would
//! overlap any of its hosts' holding bookings is refused as `StoreError::SlotTaken`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::bookings::Booking;
use super::users::User;
use crate::db::schema::{booking_hosts, users};
use crate::db::types::{opt_time, DbId, DbTime};
use crate::db::{lock_provider_schedule, DbConnection, StoreResult};
use crate::domain::availability::TimeRange;
use crate::domain::booking::BookingStatus;
use crate::domain::service::MAX_BLOCK_MINUTES;
use crate::domain::time::add;

#[derive(Insertable)]
#[diesel(table_name = booking_hosts)]
struct HostRow {
    booking_id: DbId,
    host_id: DbId,
    service_id: DbId,
    start_at: DbTime,
    block_start_at: DbTime,
    block_end_at: DbTime,
    holds: bool,
    hold_expires_at: Option<DbTime>,
}

/// Makes `booking` hold `host`'s time too; a conflict with a holding booking of that host
/// is `StoreError::SlotTaken`. Call it inside the booking's write transaction.
pub fn add_host(conn: &mut DbConnection, booking: &Booking, host: Uuid) -> StoreResult<()> {
    lock_provider_schedule(conn, host)?;
    let status = booking.status();
    diesel::insert_into(booking_hosts::table)
        .values(HostRow {
            booking_id: DbId(booking.id),
            host_id: DbId(host),
            service_id: DbId(booking.service_id),
            start_at: DbTime(booking.start_at),
            block_start_at: DbTime(booking.block_start_at),
            block_end_at: DbTime(booking.block_end_at),
            holds: status.holds_time(),
            hold_expires_at: opt_time(
                booking
                    .hold_expires_at
                    .filter(|_| status == BookingStatus::Pending),
            ),
        })
        .execute(conn)?;
    Ok(())
}

/// The hosts whose time a booking holds (its provider first for a personal booking; for
/// a collective one every host), by id.
pub fn hosts_of(conn: &mut DbConnection, booking: Uuid) -> StoreResult<Vec<Uuid>> {
    Ok(booking_hosts::table
        .filter(booking_hosts::booking_id.eq(DbId(booking)))
        .order(booking_hosts::host_id.asc())
        .select(booking_hosts::host_id)
        .load(conn)?)
}

/// The accounts of a booking's hosts, by id: whom its provider mails go to.
pub fn host_users(conn: &mut DbConnection, booking: Uuid) -> StoreResult<Vec<User>> {
    Ok(users::table
        .filter(
            users::id.eq_any(
                booking_hosts::table
                    .filter(booking_hosts::booking_id.eq(DbId(booking)))
                    .select(booking_hosts::host_id),
            ),
        )
        .order(users::id.asc())
        .select(User::as_select())
        .load(conn)?)
}

/// Ids and buffered ranges of the holding bookings in `host`'s calendar that meet
/// `range`, by start (personal and team bookings alike).
pub fn holding_for_host(
    conn: &mut DbConnection,
    host: Uuid,
    range: TimeRange,
) -> StoreResult<Vec<(Uuid, TimeRange)>> {
    let rows: Vec<(Uuid, DateTime<Utc>, DateTime<Utc>)> = booking_hosts::table
        .filter(booking_hosts::host_id.eq(DbId(host)))
        .filter(booking_hosts::holds.eq(true))
        .filter(booking_hosts::block_start_at.lt(DbTime(range.end)))
        .filter(booking_hosts::block_end_at.gt(DbTime(range.start)))
        .filter(booking_hosts::block_end_at.lt(DbTime(add(
            range.end,
            chrono::TimeDelta::minutes(MAX_BLOCK_MINUTES),
        ))))
        .order(booking_hosts::block_start_at.asc())
        .select((
            booking_hosts::booking_id,
            booking_hosts::block_start_at,
            booking_hosts::block_end_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, start, end)| (id, TimeRange::new(start, end)))
        .collect())
}
