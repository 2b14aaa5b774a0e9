//! The audit trail: one row per thing that happened to a booking.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::booking_events;
use crate::db::types::{DbId, DbTime};
use crate::db::{DbConnection, StoreResult};
use crate::domain::booking::Actor;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = booking_events)]
pub struct BookingEvent {
    pub id: Uuid,
    pub booking_id: Uuid,
    pub at: DateTime<Utc>,
    #[diesel(deserialize_as = String)]
    pub actor: Actor,
    pub kind: String,
    pub detail: String,
}

#[derive(Insertable)]
#[diesel(table_name = booking_events)]
struct NewEvent<'a> {
    id: DbId,
    booking_id: DbId,
    at: DbTime,
    actor: &'a str,
    kind: &'a str,
    detail: &'a str,
}

/// Records that `actor` did `kind` to a booking, and queues the webhook event it stands
/// for in the same transaction (`webhooks::enqueue_for_history`): every booking change
/// goes through here, so receivers hear of exactly the changes that were committed. The
/// write-back into the provider's calendar is queued here too
/// (`calendar_writes::enqueue_for_history`).
pub fn record(
    conn: &mut DbConnection,
    booking_id: Uuid,
    actor: Actor,
    kind: &str,
    detail: &str,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    diesel::insert_into(booking_events::table)
        .values(NewEvent {
            id: DbId(Uuid::now_v7()),
            booking_id: DbId(booking_id),
            at: DbTime(at),
            actor: actor.as_str(),
            kind,
            detail,
        })
        .execute(conn)?;
    super::webhooks::enqueue_for_history(conn, booking_id, kind, at)?;
    super::calendar_writes::enqueue_for_history(conn, booking_id, kind, at)?;
    Ok(())
}

pub fn for_booking(conn: &mut DbConnection, booking_id: Uuid) -> StoreResult<Vec<BookingEvent>> {
    Ok(booking_events::table
        .filter(booking_events::booking_id.eq(DbId(booking_id)))
        .order((booking_events::at.asc(), booking_events::id.asc()))
        .select(BookingEvent::as_select())
        .load(conn)?)
}
