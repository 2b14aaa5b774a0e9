//! Lapsed holds: a pending booking whose hold ran out before it was confirmed becomes
//! `expired`, its links stop working and its guest is told ("not confirmed in time").
//!
//! Two paths find such bookings — the claim of a new guest whose time they would block,
//! and the background sweeper — and both expire them through [`expire`], so the event,
//! the revoked links and the mail happen the same way whichever comes first, and once:
//! the update is guarded by the status, so the second path finds nothing to do.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::booking_events;
use super::booking_tokens;
use super::bookings::{self, Booking};
use super::outbox::{enqueue, OutgoingMessage};
use super::services::{self, Service};
use super::users::{self, User};
use crate::db::schema::bookings as table;
use crate::db::types::{DbId, DbTime};
use crate::db::{DbConnection, StoreError, StoreResult};
use crate::domain::availability::TimeRange;
use crate::domain::booking::BookingStatus;
use crate::domain::look::Branding;
use crate::domain::service::MAX_BLOCK_MINUTES;
use crate::domain::time::add;

/// An upper bound of `block_end_at` for blocks that start before `end`: no block is longer
/// than [`MAX_BLOCK_MINUTES`].
pub(crate) fn block_end_bound(end: DateTime<Utc>) -> DateTime<Utc> {
    add(end, chrono::TimeDelta::minutes(MAX_BLOCK_MINUTES))
}

/// Builds the mails that tell a guest their hold lapsed, from the expired booking, its
/// service and its provider.
pub type ComposeExpired<'a> =
    dyn Fn(&Booking, &Service, &User, Branding) -> anyhow::Result<Vec<OutgoingMessage>> + 'a;

/// Ids of pending bookings whose hold lapsed at `now`, the longest lapsed first.
pub fn lapsed(conn: &mut DbConnection, now: DateTime<Utc>, limit: i64) -> StoreResult<Vec<Uuid>> {
    Ok(table::table
        .filter(table::status.eq(BookingStatus::Pending.as_str()))
        .filter(table::hold_expires_at.le(Some(DbTime(now))))
        .order(table::hold_expires_at.asc())
        .limit(limit)
        .select(table::id)
        .load(conn)?)
}

/// Ids of the pending bookings holding this host's time whose hold lapsed at `now` and
/// whose buffered range meets `range`: the ones standing in the way of a claim (personal
/// or team bookings alike, through their `booking_hosts` rows).
pub fn lapsed_in_range(
    conn: &mut DbConnection,
    host_id: Uuid,
    range: TimeRange,
    now: DateTime<Utc>,
) -> StoreResult<Vec<Uuid>> {
    use crate::db::schema::booking_hosts as hosts;
    let mut query = hosts::table
        .filter(hosts::host_id.eq(DbId(host_id)))
        .filter(hosts::holds.eq(true))
        .filter(hosts::hold_expires_at.le(Some(DbTime(now))))
        .filter(hosts::block_start_at.lt(DbTime(range.end)))
        .filter(hosts::block_end_at.gt(DbTime(range.start)))
        // Implied by the line above (no block is longer than `MAX_BLOCK_MINUTES`), but it
        // bounds the index range on both sides, so the claim does not read every later
        // booking of the host.
        .filter(hosts::block_end_at.lt(DbTime(block_end_bound(range.end))))
        .select(hosts::booking_id)
        .into_boxed();
    if let DbConnection::Pg(_) = conn {
        query = query.filter(super::availability::pg_blocks_overlap(
            range.start,
            range.end,
        ));
    }
    Ok(query.load(conn)?)
}

/// Expires booking `id` if it is still pending with a lapsed hold at `now`: the status
/// moves to `expired`, the event is recorded, its links are revoked and the guest's mails
/// are enqueued. Returns false (and changes nothing) when it is no longer pending — it was
/// confirmed at the last second, or the other path expired it first.
///
/// Call it inside the caller's `db::write_transaction`.
pub fn expire(
    conn: &mut DbConnection,
    id: Uuid,
    now: DateTime<Utc>,
    compose: &ComposeExpired<'_>,
) -> StoreResult<bool> {
    let changed = diesel::update(
        table::table
            .filter(table::id.eq(DbId(id)))
            .filter(table::status.eq(BookingStatus::Pending.as_str()))
            .filter(table::hold_expires_at.le(Some(DbTime(now)))),
    )
    .set((
        table::status.eq(BookingStatus::Expired.as_str()),
        table::version.eq(table::version + 1),
        table::updated_at.eq(DbTime(now)),
    ))
    .execute(conn)?;
    if changed != 1 {
        return Ok(false);
    }
    booking_events::record(
        conn,
        id,
        crate::domain::booking::Actor::System,
        "expired",
        "the hold lapsed before confirmation",
        now,
    )?;
    booking_tokens::revoke_all(conn, id, now)?;
    let booking = bookings::find(conn, id)?.ok_or(StoreError::NotFound)?;
    // The booking's own service, personal or team (a team service's row may name another
    // provider than the booking's host).
    let service = services::of_booking(conn, &booking)?.ok_or(StoreError::NotFound)?;
    let provider = users::find(conn, booking.provider_id)?.ok_or(StoreError::NotFound)?;
    let brand = super::provider_looks::branding(conn, &service)?;
    let mails = compose(&booking, &service, &provider, brand).map_err(StoreError::Compose)?;
    for mail in &mails {
        enqueue(conn, mail, now)?;
    }
    Ok(true)
}
