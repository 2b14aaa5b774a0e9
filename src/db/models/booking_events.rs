//! The audit trail: one row per thing that happened to a booking, and the running count of
//! those rows by kind that `/metrics` reads (`booking_event_counts`).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::bookings::Booking;
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
    insert_and_count(conn, booking_id, actor, kind, detail, at)?;
    super::webhooks::enqueue_for_history(conn, booking_id, kind, at)?;
    super::calendar_writes::enqueue_for_history(conn, booking_id, kind, at)?;
    Ok(())
}

/// [`record`] for a booking the caller holds as it now is (the claim, right after the
/// insert): the webhook and calendar queues take it as it is instead of reading it again.
pub fn record_for(
    conn: &mut DbConnection,
    booking: &Booking,
    actor: Actor,
    kind: &str,
    detail: &str,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    insert_and_count(conn, booking.id, actor, kind, detail, at)?;
    let outbound = outbound_of(conn, booking.provider_id)?;
    if outbound.webhooks {
        super::webhooks::enqueue_for_history_of(conn, booking, kind, at)?;
    }
    if outbound.calendar {
        super::calendar_writes::enqueue_for_history_of(conn, booking, kind, at)?;
    }
    Ok(())
}

/// Whether a provider has anywhere a booking change goes besides the mails: an enabled
/// webhook endpoint, a calendar that bookings are written into.
struct Outbound {
    webhooks: bool,
    calendar: bool,
}

/// [`Outbound`] in one query: most providers have neither, and then the claim skips the
/// two queues' own reads (each a round trip on PostgreSQL). The conditions are the ones
/// those reads start with.
fn outbound_of(conn: &mut DbConnection, provider_id: Uuid) -> StoreResult<Outbound> {
    use crate::db::schema::{calendar_accounts, webhook_endpoints};
    use diesel::dsl::exists;
    let (webhooks, calendar) = diesel::select((
        exists(
            webhook_endpoints::table
                .filter(webhook_endpoints::user_id.eq(DbId(provider_id)))
                .filter(webhook_endpoints::is_enabled.eq(true)),
        ),
        exists(
            calendar_accounts::table
                .filter(calendar_accounts::provider_id.eq(DbId(provider_id)))
                .filter(calendar_accounts::write_calendar_url.is_not_null()),
        ),
    ))
    .get_result::<(bool, bool)>(conn)?;
    Ok(Outbound { webhooks, calendar })
}

/// Writes the event row and raises its kind's count. On PostgreSQL both are one statement
/// (a data-modifying `WITH`): every statement there is a round trip to the server, and
/// every booking change writes an event (issue 15). SQLite, in the process, runs the two.
fn insert_and_count(
    conn: &mut DbConnection,
    booking_id: Uuid,
    actor: Actor,
    kind: &str,
    detail: &str,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    use diesel::sql_types::{Integer, Text, Timestamptz, Uuid as SqlUuid};
    let shard = counter_shard(booking_id);
    match conn {
        DbConnection::Pg(c) => {
            diesel::sql_query(
                "WITH event AS (INSERT INTO booking_events (id, booking_id, at, actor, kind, detail) \
                 VALUES ($1, $2, $3, $4, $5, $6)) \
                 INSERT INTO booking_event_counts (kind, shard, total) VALUES ($5, $7, 1) \
                 ON CONFLICT (kind, shard) DO UPDATE SET total = booking_event_counts.total + 1",
            )
            .bind::<SqlUuid, _>(Uuid::now_v7())
            .bind::<SqlUuid, _>(booking_id)
            .bind::<Timestamptz, _>(at)
            .bind::<Text, _>(actor.as_str())
            .bind::<Text, _>(kind)
            .bind::<Text, _>(detail)
            .bind::<Integer, _>(shard)
            .execute(c)?;
        }
        DbConnection::Sqlite(_) => {
            insert_event(conn, booking_id, actor, kind, detail, at)?;
            count(conn, kind, shard)?;
        }
    }
    Ok(())
}

fn insert_event(
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
    Ok(())
}

/// Rows each kind's count is spread over. A counter row stays locked until its transaction
/// commits; with one row per kind, every booking on a shared PostgreSQL would queue behind
/// the last one's commit, whoever its provider.
pub const COUNTER_SHARDS: u8 = 16;

/// A booking's counter row: from the random tail of its UUIDv7 id, so bookings spread
/// evenly over the shards.
fn counter_shard(booking_id: Uuid) -> i32 {
    i32::from(booking_id.as_bytes()[15] % COUNTER_SHARDS)
}

/// Raises the count of `kind` by one, in the caller's transaction (SQLite's half of
/// [`insert_and_count`]).
fn count(conn: &mut DbConnection, kind: &str, shard: i32) -> StoreResult<()> {
    use diesel::sql_types::{Integer, Text};
    diesel::sql_query(
        "INSERT INTO booking_event_counts (kind, shard, total) VALUES (?, ?, 1) \
         ON CONFLICT (kind, shard) DO UPDATE SET total = booking_event_counts.total + 1",
    )
    .bind::<Text, _>(kind)
    .bind::<Integer, _>(shard)
    .execute(conn)?;
    Ok(())
}

/// (kind, entries ever recorded), by kind: what the history has counted, erased
/// bookings included (a Prometheus counter never goes down).
pub fn counts(conn: &mut DbConnection) -> diesel::QueryResult<Vec<(String, i64)>> {
    use crate::db::schema::booking_event_counts as counts;
    let rows = counts::table
        .select((counts::kind, counts::total))
        .load::<(String, i64)>(conn)?;
    let mut by_kind = std::collections::BTreeMap::<String, i64>::new();
    for (kind, total) in rows {
        *by_kind.entry(kind).or_default() += total;
    }
    Ok(by_kind.into_iter().collect())
}

pub fn for_booking(conn: &mut DbConnection, booking_id: Uuid) -> StoreResult<Vec<BookingEvent>> {
    Ok(booking_events::table
        .filter(booking_events::booking_id.eq(DbId(booking_id)))
        .order((booking_events::at.asc(), booking_events::id.asc()))
        .select(BookingEvent::as_select())
        .load(conn)?)
}
