//! Queries of the reminder job (lapsed holds are `holds`). Each row is claimed by a
//! guarded update in its own transaction, so a job that runs twice, or on several
//! instances at once, acts on each booking once.

use chrono::{DateTime, TimeDelta, Utc};
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool};

use super::booking_events;
use super::bookings::Booking;
use super::outbox::{enqueue, OutgoingMessage};
use super::services::Service;
use super::users::User;
use crate::db::schema::bookings as table;
use crate::db::schema::{services, users};
use crate::db::types::{DbId, DbTime};
use crate::db::{write_transaction, DbConnection, StoreResult};
use crate::domain::booking::BookingStatus;

/// The longest reminder lead time a service may set (14 days, the schema's CHECK).
pub const MAX_REMINDER_LEAD: TimeDelta = TimeDelta::days(14);

/// The longest lead time any service with reminders uses now (at most
/// [`MAX_REMINDER_LEAD`]), or `None` when no service sends reminders.
fn longest_lead(conn: &mut DbConnection) -> StoreResult<Option<TimeDelta>> {
    let minutes: Option<i32> = services::table
        .select(diesel::dsl::max(services::reminder_minutes_before))
        .first(conn)?;
    Ok(minutes.map(|m| TimeDelta::minutes(i64::from(m)).min(MAX_REMINDER_LEAD)))
}

/// A booking whose reminder is due, with the service and provider its mail needs.
pub type DueReminder = (Booking, Service, User);

/// "The service's lead time before the start has been reached": the start, in seconds
/// since the epoch, minus the lead, is at most the bound `now`. Date arithmetic is the
/// one thing the two backends spell differently (SQLite keeps instants as RFC 3339 text).
fn lead_time_reached(conn: &DbConnection) -> &'static str {
    match conn {
        DbConnection::Pg(_) => {
            "EXTRACT(EPOCH FROM bookings.start_at) - services.reminder_minutes_before * 60 <= "
        }
        DbConnection::Sqlite(_) => {
            "CAST(strftime('%s', bookings.start_at) AS INTEGER) - services.reminder_minutes_before * 60 <= "
        }
    }
}

/// Confirmed bookings whose reminder is due at `now`, soonest start first: not reminded
/// yet, not started, of a service with reminders on, and inside that service's lead time.
/// Bookings of services without reminders are never selected, so however many there are
/// they cannot crowd the others out of a batch. The index `bookings_reminder_due`
/// (status, start_at) WHERE reminder_sent_at IS NULL serves the range on `start_at`, which
/// ends at the longest lead in use. Two queries, whatever the number of bookings.
pub fn due_reminders(
    conn: &mut DbConnection,
    now: DateTime<Utc>,
    limit: i64,
) -> StoreResult<Vec<DueReminder>> {
    // Only bookings starting within the longest lead in use can be due: the index range
    // is that window rather than the 14 days a lead may reach.
    let Some(window) = longest_lead(conn)? else {
        return Ok(Vec::new());
    };
    let lead_reached = lead_time_reached(conn);
    Ok(table::table
        .inner_join(services::table.inner_join(users::table))
        .filter(table::status.eq(BookingStatus::Confirmed.as_str()))
        .filter(table::reminder_sent_at.is_null())
        .filter(table::start_at.gt(DbTime(now)))
        .filter(table::start_at.le(DbTime(now + window)))
        // Booked by the front desk without the guest's mails: no reminder either.
        .filter(table::guest_mails.eq(true))
        .filter(services::reminder_minutes_before.is_not_null())
        .filter(sql::<Bool>(lead_reached).bind::<BigInt, _>(now.timestamp()))
        .order(table::start_at.asc())
        .limit(limit)
        .select((
            Booking::as_select(),
            Service::as_select(),
            User::as_select(),
        ))
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
        booking_events::record(
            c,
            booking.id,
            crate::domain::booking::Actor::System,
            "reminder_sent",
            "",
            now,
        )?;
        enqueue(c, mail, now)?;
        Ok(true)
    })
}
