//! Queries of the background jobs: lapsed holds to expire and reminders to send. Each row
//! is claimed by a guarded update in its own transaction, so a job that runs twice, or on
//! several instances at once, acts on each booking once.

use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::booking_events;
use super::booking_tokens;
use super::bookings::{self, Booking};
use crate::db::schema::bookings as table;
use crate::db::types::{DbId, DbTime};
use crate::db::{write_transaction, DbConnection, StoreResult};
use crate::domain::booking::BookingStatus;
use crate::email::{enqueue, OutgoingMessage};

/// Ids of pending bookings whose hold lapsed at `now`.
pub fn lapsed_holds(
    conn: &mut DbConnection,
    now: DateTime<Utc>,
    limit: i64,
) -> StoreResult<Vec<Uuid>> {
    Ok(table::table
        .filter(table::status.eq(BookingStatus::Pending.as_str()))
        .filter(table::hold_expires_at.le(Some(DbTime(now))))
        .order(table::hold_expires_at.asc())
        .limit(limit)
        .select(table::id)
        .load(conn)?)
}

/// Expires one lapsed hold and enqueues its mails; false when it was no longer pending
/// (confirmed at the last second, or expired by another instance).
pub fn expire_one(
    conn: &mut DbConnection,
    id: Uuid,
    now: DateTime<Utc>,
    compose: &dyn Fn(&Booking) -> anyhow::Result<Vec<OutgoingMessage>>,
) -> StoreResult<bool> {
    write_transaction(conn, |c| {
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
        .execute(c)?;
        if changed != 1 {
            return Ok(false);
        }
        booking_events::record(
            c,
            id,
            "system",
            "expired",
            "the hold lapsed before confirmation",
            now,
        )?;
        booking_tokens::revoke_all(c, id, now)?;
        let booking = bookings::find(c, id)?.ok_or(crate::db::StoreError::NotFound)?;
        for mail in compose(&booking).map_err(|e| crate::db::StoreError::Compose(e.to_string()))? {
            enqueue(c, &mail, now)?;
        }
        Ok(true)
    })
}

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
