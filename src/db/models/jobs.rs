//! Queries of the reminder job (lapsed holds are `holds`). Each row is claimed by a
//! guarded update in its own transaction, so a job that runs twice, or on several
//! instances at once, acts on each booking once.

use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;

use super::booking_events;
use super::bookings::Booking;
use crate::db::schema::bookings as table;
use crate::db::types::{DbId, DbTime};
use crate::db::{write_transaction, DbConnection, StoreResult};
use crate::domain::booking::BookingStatus;
use crate::email::{enqueue, OutgoingMessage};

/// The longest reminder lead time a service may set (14 days, the schema's CHECK).
pub const MAX_REMINDER_LEAD: TimeDelta = TimeDelta::days(14);

/// Confirmed bookings without a reminder that start within the longest lead time; the
/// caller keeps those whose own service's lead time has come.
pub fn reminder_candidates(
    conn: &mut DbConnection,
    now: DateTime<Utc>,
    limit: i64,
) -> StoreResult<Vec<Booking>> {
    Ok(table::table
        .filter(table::status.eq(BookingStatus::Confirmed.as_str()))
        .filter(table::reminder_sent_at.is_null())
        .filter(table::start_at.gt(DbTime(now)))
        .filter(table::start_at.le(DbTime(now + MAX_REMINDER_LEAD)))
        .order(table::start_at.asc())
        .limit(limit)
        .select(Booking::as_select())
        .load(conn)?)
}

/// Marks the reminder of one booking sent and enqueues it, once: false when another run
/// got there first.
pub fn remind_one(
    conn: &mut DbConnection,
    booking: &Booking,
    now: DateTime<Utc>,
    mail: &OutgoingMessage,
) -> StoreResult<bool> {
    write_transaction(conn, |c| {
        let changed = diesel::update(
            table::table
                .filter(table::id.eq(DbId(booking.id)))
                .filter(table::status.eq(BookingStatus::Confirmed.as_str()))
                .filter(table::reminder_sent_at.is_null()),
        )
        .set(table::reminder_sent_at.eq(Some(DbTime(now))))
        .execute(c)?;
        if changed != 1 {
            return Ok(false);
        }
        booking_events::record(c, booking.id, "system", "reminder_sent", "", now)?;
        enqueue(c, mail, now)?;
        Ok(true)
    })
}
