//! What the front desk reads and changes: the bookings in the calendars of a team's hosts
//! over a day or a week, a team booking found for the team only, moving one to another
//! time or host, and checking a guest in. Every change is a guarded update in one
//! transaction with its history row naming the member who made it.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::booking_events;
use super::booking_tokens;
use super::bookings::{self, Booking};
use super::claim::{issue_tokens, ComposeMails};
use super::outbox::enqueue;
use crate::db::schema::{booking_hosts, bookings as table};
use crate::db::types::{DbId, DbTime};
use crate::db::{lock_provider_schedule, write_transaction, DbConnection, StoreError, StoreResult};
use crate::domain::availability::TimeRange;
use crate::domain::booking::{Actor, BookingStatus};
use crate::domain::service::ConfirmationMode;
use crate::domain::service::MAX_BLOCK_MINUTES;
use crate::domain::time::add;

/// Filters of the desk's views and export.
#[derive(Debug, Clone, Default)]
pub struct DeskFilter {
    /// Only these hosts (default: every host given).
    pub host: Option<Uuid>,
    pub service: Option<Uuid>,
    /// A status; without it, bookings that hold time.
    pub status: Option<BookingStatus>,
}

/// Bookings that hold time in the calendar of one of `hosts` and meet `range`, with the
/// host whose calendar they are in (a collective booking appears once per host), by start.
pub fn in_calendars(
    conn: &mut DbConnection,
    hosts: &[Uuid],
    range: TimeRange,
    filter: &DeskFilter,
) -> StoreResult<Vec<(Uuid, Booking)>> {
    let ids: Vec<DbId> = hosts
        .iter()
        .filter(|id| filter.host.is_none_or(|only| only == **id))
        .map(|id| DbId(*id))
        .collect();
    let mut query = booking_hosts::table
        .inner_join(table::table)
        .filter(booking_hosts::host_id.eq_any(ids))
        .filter(booking_hosts::block_start_at.lt(DbTime(range.end)))
        .filter(booking_hosts::block_end_at.gt(DbTime(range.start)))
        .filter(booking_hosts::block_end_at.lt(DbTime(add(
            range.end,
            chrono::TimeDelta::minutes(MAX_BLOCK_MINUTES),
        ))))
        .into_boxed();
    query = match filter.status {
        Some(status) => query.filter(table::status.eq(status.as_str())),
        None => query.filter(booking_hosts::holds.eq(true)),
    };
    if let Some(service) = filter.service {
        query = query.filter(table::service_id.eq(DbId(service)));
    }
    Ok(query
        .order((table::start_at.asc(), booking_hosts::host_id.asc()))
        .select((booking_hosts::host_id, Booking::as_select()))
        .load(conn)?)
}

/// A booking of this team (made through one of its services); another team's id or a
/// personal booking is `None`.
pub fn find_team_booking(
    conn: &mut DbConnection,
    team: Uuid,
    id: Uuid,
) -> StoreResult<Option<Booking>> {
    Ok(table::table
        .filter(table::id.eq(DbId(id)))
        .filter(table::team_id.eq(DbId(team)))
        .select(Booking::as_select())
        .first(conn)
        .optional()?)
}

/// Where a team booking goes: its new provider (host) and ranges.
#[derive(Debug, Clone, Copy)]
pub struct NewPlace {
    pub host: Uuid,
    pub slot: TimeRange,
    pub blocked: TimeRange,
}

/// Moves a holding team booking to `to`, as `who` (the member's name and role, for the
/// history), with fresh links (`links`: which ones, as for a new booking; the old ones
/// stop working) and the mails `compose` writes. `Ok(false)` when it no longer holds
/// time; a move over another booking of the host is `StoreError::SlotTaken` (the guard on
/// its host rows decides).
pub fn move_booking(
    conn: &mut DbConnection,
    booking: &Booking,
    to: NewPlace,
    who: &str,
    links: ConfirmationMode,
    compose: &ComposeMails<'_>,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    write_transaction(conn, |conn| {
        let mut hosts = [booking.provider_id, to.host];
        hosts.sort();
        for host in hosts {
            lock_provider_schedule(conn, host)?;
        }
        let holding: Vec<&str> = BookingStatus::holding_strs().to_vec();
        let changed = diesel::update(
            table::table
                .filter(table::id.eq(DbId(booking.id)))
                .filter(table::status.eq_any(holding)),
        )
        .set((
            table::provider_id.eq(DbId(to.host)),
            table::start_at.eq(DbTime(to.slot.start)),
            table::end_at.eq(DbTime(to.slot.end)),
            table::block_start_at.eq(DbTime(to.blocked.start)),
            table::block_end_at.eq(DbTime(to.blocked.end)),
            table::version.eq(table::version + 1),
            table::updated_at.eq(DbTime(now)),
        ))
        .execute(conn)?;
        if changed != 1 {
            return Ok(false);
        }
        booking_events::record(
            conn,
            booking.id,
            Actor::Provider,
            "moved",
            &format!("to {} by {who}", to.slot.start.to_rfc3339()),
            now,
        )?;
        booking_tokens::revoke_all(conn, booking.id, now)?;
        let tokens = issue_tokens(
            conn,
            booking.id,
            links,
            booking.hold_expires_at,
            to.slot.start,
            now,
        )?;
        let moved = bookings::find(conn, booking.id)?.ok_or(StoreError::NotFound)?;
        let lineage = bookings::lineage(conn, &moved)?;
        for mail in &compose(&moved, lineage, &tokens).map_err(StoreError::Compose)? {
            enqueue(conn, mail, now)?;
        }
        Ok(true)
    })
}

/// Checks the guest in (once); false when already checked in or not holding time.
pub fn mark_arrived(
    conn: &mut DbConnection,
    booking: Uuid,
    who: &str,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    write_transaction(conn, |conn| {
        let changed = diesel::update(
            table::table
                .filter(table::id.eq(DbId(booking)))
                .filter(table::arrived_at.is_null())
                .filter(table::status.eq_any(BookingStatus::holding_strs().to_vec())),
        )
        .set((
            table::arrived_at.eq(Some(DbTime(now))),
            table::updated_at.eq(DbTime(now)),
        ))
        .execute(conn)?;
        if changed == 1 {
            booking_events::record(
                conn,
                booking,
                Actor::Provider,
                "arrived",
                &format!("checked in by {who}"),
                now,
            )?;
        }
        Ok(changed == 1)
    })
}

/// Every booking of the team's services starting in `range`, by start (the CSV export).
pub fn team_bookings(
    conn: &mut DbConnection,
    team: Uuid,
    range: TimeRange,
    filter: &DeskFilter,
) -> StoreResult<Vec<Booking>> {
    let mut query = table::table
        .filter(table::team_id.eq(DbId(team)))
        .filter(table::start_at.ge(DbTime(range.start)))
        .filter(table::start_at.lt(DbTime(range.end)))
        .into_boxed();
    if let Some(host) = filter.host {
        query = query.filter(table::provider_id.eq(DbId(host)));
    }
    if let Some(service) = filter.service {
        query = query.filter(table::service_id.eq(DbId(service)));
    }
    if let Some(status) = filter.status {
        query = query.filter(table::status.eq(status.as_str()));
    }
    Ok(query
        .order((table::start_at.asc(), table::id.asc()))
        .select(Booking::as_select())
        .load(conn)?)
}
