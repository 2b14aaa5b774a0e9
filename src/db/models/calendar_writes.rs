//! The calendar write-back queue: a booking change that the provider's chosen CalDAV
//! calendar should mirror is queued here in the same transaction as the change
//! ([`enqueue_for_history`], called where every booking event is recorded), and the
//! worker (`crate::calendar_writes`) claims, writes and settles it like the outbox:
//! `FOR UPDATE SKIP LOCKED` on PostgreSQL, the write lock on SQLite, settling guarded by
//! the claim's instant, backoff between attempts (`db::queue`).
//!
//! One event per booking lineage (`event_root`, the first booking of a chain of moves,
//! as the ICS feed's UID): a queued row for it is reused rather than a second one added,
//! and a row is only claimed while no other row of the same event is being written, so
//! two instances never write one event at once. What is written is decided when the row
//! is attempted, from the booking as it is then.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::bookings::{self, Booking};
use super::calendar_accounts;
use crate::db::queue::{claimed_row, due_filter, load_due_for_claim};
use crate::db::schema::{bookings as bookings_table, calendar_writes};
use crate::db::types::{DbId, DbTime, OptionalText};
use crate::db::{write_transaction, DbConnection, StoreResult};
use crate::domain::booking::BookingStatus;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteStatus {
    Queued,
    Sending,
    Written,
    Failed,
}

impl WriteStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Sending => "sending",
            Self::Written => "written",
            Self::Failed => "failed",
        }
    }

    pub const ALL: [Self; 4] = [Self::Queued, Self::Sending, Self::Written, Self::Failed];

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// Rows read the stored status straight into a `WriteStatus`.
impl TryFrom<String> for WriteStatus {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text).ok_or_else(|| format!("unknown calendar write status {text:?}"))
    }
}

/// What an attempt does to the calendar's copy of the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteAction {
    /// Create or replace it (the booking is confirmed).
    Put,
    /// Remove it (cancelled, declined, expired).
    Delete,
    /// Nothing: the booking is pending, or was moved and its successor's row decides.
    None,
}

impl WriteAction {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Put => "put",
            Self::Delete => "delete",
            Self::None => "none",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Self::Put, Self::Delete, Self::None]
            .into_iter()
            .find(|a| a.as_str() == text)
    }
}

/// Rows read the stored action straight into a `WriteAction`: a value this code does not
/// know is an error, never read as some action.
impl TryFrom<String> for WriteAction {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text).ok_or_else(|| format!("unknown calendar write action {text:?}"))
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = calendar_writes)]
pub struct Write {
    pub id: Uuid,
    pub account_id: Uuid,
    pub booking_id: Uuid,
    pub event_root: Uuid,
    pub calendar_url: String,
    #[diesel(deserialize_as = String)]
    pub status: WriteStatus,
    /// What the last successful write did (`None` until one succeeded).
    #[diesel(deserialize_as = OptionalText)]
    pub action: Option<WriteAction>,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub claimed_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub written_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl Write {
    /// The calendar object the event is stored as: `<calendar><root>.ics`.
    pub fn object_url(&self) -> String {
        object_url(&self.calendar_url, self.event_root)
    }
}

pub fn object_url(calendar_url: &str, root: Uuid) -> String {
    let slash = if calendar_url.ends_with('/') { "" } else { "/" };
    format!("{calendar_url}{slash}{root}.ics")
}

/// What the calendar should show for `booking` now; `moved` when a later booking
/// replaced it.
pub fn action_for(booking: &Booking, moved: bool) -> WriteAction {
    if moved {
        return WriteAction::None;
    }
    match booking.status() {
        BookingStatus::Confirmed | BookingStatus::Completed | BookingStatus::NoShow => {
            WriteAction::Put
        }
        BookingStatus::Cancelled | BookingStatus::Declined | BookingStatus::Expired => {
            WriteAction::Delete
        }
        BookingStatus::Pending => WriteAction::None,
    }
}

/// Whether a later booking was moved from `id`.
pub fn was_moved(conn: &mut DbConnection, id: Uuid) -> StoreResult<bool> {
    let count: i64 = bookings_table::table
        .filter(bookings_table::rescheduled_from_id.eq(DbId(id)))
        .count()
        .get_result(conn)?;
    Ok(count > 0)
}

/// Queues a write for the booking's event when the provider writes bookings into a
/// calendar and the change matters there: it became confirmed, or an event that may have
/// been written is now gone. Runs inside the caller's transaction. The old half of a move
/// queues nothing: the new booking's change rewrites the same event.
pub fn enqueue_for_history(
    conn: &mut DbConnection,
    booking_id: Uuid,
    kind: &str,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    if kind == "rescheduled" {
        return Ok(());
    }
    enqueue(conn, booking_id, now)
}

/// Queues a write for each of the provider's confirmed bookings that has not ended by
/// `now`, so a calendar chosen for write-back also gets the bookings made before it was
/// chosen. Runs inside the caller's transaction (the choice), after the choice is stored;
/// answers how many bookings it queued.
pub fn enqueue_upcoming(
    conn: &mut DbConnection,
    provider_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<usize> {
    let ids: Vec<Uuid> = bookings_table::table
        .filter(bookings_table::provider_id.eq(DbId(provider_id)))
        .filter(bookings_table::status.eq(BookingStatus::Confirmed.as_str()))
        .filter(bookings_table::end_at.gt(DbTime(now)))
        .order((bookings_table::start_at.asc(), bookings_table::id.asc()))
        .select(bookings_table::id)
        .load(conn)?;
    for id in &ids {
        enqueue(conn, *id, now)?;
    }
    Ok(ids.len())
}

/// Queues a write for the booking's event as the booking is now (see
/// [`enqueue_for_history`]).
fn enqueue(conn: &mut DbConnection, booking_id: Uuid, now: DateTime<Utc>) -> StoreResult<()> {
    let Some(booking) = bookings::find(conn, booking_id)? else {
        return Ok(());
    };
    enqueue_booking(conn, &booking, now)
}

/// [`enqueue_for_history`] for a booking the caller has just read or written (the claim),
/// without reading it again.
pub fn enqueue_for_history_of(
    conn: &mut DbConnection,
    booking: &Booking,
    kind: &str,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    if kind == "rescheduled" {
        return Ok(());
    }
    enqueue_booking(conn, booking, now)
}

/// Queues a write for `booking`'s event as it is now, reusing a queued write of the same
/// event (see [`enqueue_for_history`]).
fn enqueue_booking(
    conn: &mut DbConnection,
    booking: &Booking,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let booking_id = booking.id;
    let action = action_for(booking, false);
    if action == WriteAction::None {
        return Ok(());
    }
    let Some(account) = calendar_accounts::writing_account(conn, booking.provider_id)? else {
        return Ok(());
    };
    let Some(calendar_url) = account.write_calendar_url.clone() else {
        return Ok(());
    };
    let (root, _) = bookings::lineage(conn, booking)?;
    let of_event = calendar_writes::table
        .filter(calendar_writes::event_root.eq(DbId(root)))
        .filter(calendar_writes::account_id.eq(DbId(account.id)));
    if action == WriteAction::Delete && of_event.count().get_result::<i64>(conn)? == 0 {
        // Never written: nothing to remove.
        return Ok(());
    }
    let reused =
        diesel::update(of_event.filter(calendar_writes::status.eq(WriteStatus::Queued.as_str())))
            .set((
                calendar_writes::booking_id.eq(DbId(booking_id)),
                calendar_writes::calendar_url.eq(&calendar_url),
            ))
            .execute(conn)?;
    if reused > 0 {
        return Ok(());
    }
    diesel::insert_into(calendar_writes::table)
        .values((
            calendar_writes::id.eq(DbId(Uuid::now_v7())),
            calendar_writes::account_id.eq(DbId(account.id)),
            calendar_writes::booking_id.eq(DbId(booking_id)),
            calendar_writes::event_root.eq(DbId(root)),
            calendar_writes::calendar_url.eq(&calendar_url),
            calendar_writes::status.eq(WriteStatus::Queued.as_str()),
            calendar_writes::attempts.eq(0),
            calendar_writes::next_attempt_at.eq(DbTime(now)),
            calendar_writes::created_at.eq(DbTime(now)),
        ))
        .execute(conn)?;
    Ok(())
}

/// Whether another row of the same event is being written right now.
fn busy_event(
    conn: &mut DbConnection,
    row: &Write,
    stale_before: DateTime<Utc>,
) -> StoreResult<bool> {
    let count: i64 = calendar_writes::table
        .filter(calendar_writes::event_root.eq(DbId(row.event_root)))
        .filter(calendar_writes::id.ne(DbId(row.id)))
        .filter(calendar_writes::status.eq(WriteStatus::Sending.as_str()))
        .filter(calendar_writes::claimed_at.ge(DbTime(stale_before)))
        .count()
        .get_result(conn)?;
    Ok(count > 0)
}

/// Claims up to `limit` due writes, at most one per event: each is marked `sending`,
/// stamped `claimed_at = now` and has its attempt counted.
pub fn claim_due(
    conn: &mut DbConnection,
    now: DateTime<Utc>,
    stale_before: DateTime<Utc>,
    limit: i64,
) -> StoreResult<Vec<Write>> {
    write_transaction(conn, |c| {
        let scan = limit.saturating_mul(4).max(limit);
        // Oldest due first, served by `calendar_writes_due_order (status, next_attempt_at, id)`.
        let order = (
            calendar_writes::next_attempt_at.asc(),
            calendar_writes::id.asc(),
        );
        let rows = load_due_for_claim!(c, calendar_writes, order, Write, now, stale_before, scan)?;
        let mut claimed: Vec<Write> = Vec::new();
        for mut row in rows {
            if claimed.len() as i64 >= limit {
                break;
            }
            if claimed.iter().any(|w| w.event_root == row.event_root)
                || busy_event(c, &row, stale_before)?
            {
                continue;
            }
            let changed = diesel::update(
                calendar_writes::table
                    .filter(calendar_writes::id.eq(DbId(row.id)))
                    .filter(due_filter!(calendar_writes, now, stale_before)),
            )
            .set((
                calendar_writes::status.eq(WriteStatus::Sending.as_str()),
                calendar_writes::claimed_at.eq(Some(DbTime(now))),
                calendar_writes::attempts.eq(calendar_writes::attempts + 1),
            ))
            .execute(c)?;
            if changed == 1 {
                row.status = WriteStatus::Sending;
                row.claimed_at = Some(now);
                row.attempts += 1;
                claimed.push(row);
            }
        }
        Ok(claimed)
    })
}

/// What became of one claimed write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Settlement {
    Written {
        action: WriteAction,
        at: DateTime<Utc>,
    },
    Retry {
        error: String,
        next_attempt_at: DateTime<Utc>,
    },
    Failed(String),
}

/// Records the outcome of the claim `(id, claimed_at)`; false when it was lost meanwhile.
pub fn settle(
    conn: &mut DbConnection,
    id: Uuid,
    claimed_at: DateTime<Utc>,
    settlement: &Settlement,
) -> StoreResult<bool> {
    let claimed = claimed_row!(calendar_writes, id, claimed_at);
    let changed = match settlement {
        Settlement::Written { action, at } => diesel::update(claimed)
            .set((
                calendar_writes::status.eq(WriteStatus::Written.as_str()),
                calendar_writes::action.eq(Some(action.as_str())),
                calendar_writes::written_at.eq(Some(DbTime(*at))),
                calendar_writes::claimed_at.eq(None::<DbTime>),
                calendar_writes::last_error.eq(None::<String>),
            ))
            .execute(conn)?,
        Settlement::Retry {
            error,
            next_attempt_at,
        } => diesel::update(claimed)
            .set((
                calendar_writes::status.eq(WriteStatus::Queued.as_str()),
                calendar_writes::next_attempt_at.eq(DbTime(*next_attempt_at)),
                calendar_writes::claimed_at.eq(None::<DbTime>),
                calendar_writes::last_error.eq(Some(error)),
            ))
            .execute(conn)?,
        Settlement::Failed(error) => diesel::update(claimed)
            .set((
                calendar_writes::status.eq(WriteStatus::Failed.as_str()),
                calendar_writes::claimed_at.eq(None::<DbTime>),
                calendar_writes::last_error.eq(Some(error)),
            ))
            .execute(conn)?,
    };
    Ok(changed == 1)
}

/// The newest write of the booking's event, for the booking page.
pub fn latest_for_booking(
    conn: &mut DbConnection,
    booking: &Booking,
) -> StoreResult<Option<Write>> {
    let (root, _) = bookings::lineage(conn, booking)?;
    Ok(calendar_writes::table
        .filter(calendar_writes::event_root.eq(DbId(root)))
        .order((
            calendar_writes::created_at.desc(),
            calendar_writes::id.desc(),
        ))
        .select(Write::as_select())
        .first(conn)
        .optional()?)
}

/// The newest writes first: the admin page.
pub fn recent(conn: &mut DbConnection, limit: i64) -> StoreResult<Vec<Write>> {
    Ok(calendar_writes::table
        .order((
            calendar_writes::created_at.desc(),
            calendar_writes::id.desc(),
        ))
        .limit(limit)
        .select(Write::as_select())
        .load(conn)?)
}

/// How many writes are in one status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Queryable)]
pub struct StatusCount {
    #[diesel(deserialize_as = String)]
    pub status: WriteStatus,
    pub count: i64,
}

/// How many writes are in each status (statuses without rows are absent).
pub fn count_by_status(conn: &mut DbConnection) -> StoreResult<Vec<StatusCount>> {
    Ok(calendar_writes::table
        .group_by(calendar_writes::status)
        .select((calendar_writes::status, diesel::dsl::count_star()))
        .load(conn)?)
}
