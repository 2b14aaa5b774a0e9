//! Bookings: inserts and status changes. The no-overlap guard lives in the database; this
//! module only turns its refusal into `StoreError::SlotTaken` (see `db::classify`).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::{booking_hosts, bookings};
use crate::db::types::{opt_time, DbId, DbTime, JsonText, OptionalText};
use crate::db::{lock_provider_schedule, DbConnection, StoreResult};
use crate::domain::booking::{Action, Actor, BookingFacts, BookingStatus};
use crate::domain::guest::Answer;
use crate::domain::time::Timezone;
use crate::i18n::Locale;

/// A booking as stored. Its state, zone, canceller and answers are read straight into
/// domain types: a value the domain does not know fails the query (logged as an internal
/// error) rather than reading as some default.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = bookings)]
pub struct Booking {
    pub id: Uuid,
    pub provider_id: Uuid,
    pub service_id: Uuid,
    pub guest_name: String,
    pub guest_email: String,
    pub guest_phone: Option<String>,
    #[diesel(deserialize_as = String)]
    pub guest_timezone: Timezone,
    pub guest_notes: Option<String>,
    #[diesel(deserialize_as = JsonText<Vec<Answer>>)]
    pub answers: Vec<Answer>,
    pub start_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
    pub block_start_at: DateTime<Utc>,
    pub block_end_at: DateTime<Utc>,
    #[diesel(deserialize_as = String)]
    pub(crate) status: BookingStatus,
    pub hold_expires_at: Option<DateTime<Utc>>,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    #[diesel(deserialize_as = OptionalText)]
    pub cancelled_by: Option<Actor>,
    pub cancellation_reason: Option<String>,
    pub rescheduled_from_id: Option<Uuid>,
    pub idempotency_key: Option<String>,
    pub reminder_sent_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The team whose service it was booked through (`None`: a personal booking).
    pub team_id: Option<Uuid>,
    /// When the front desk checked the guest in.
    pub arrived_at: Option<DateTime<Utc>>,
    /// Whether the guest gets the booking mails (the front desk may book without them;
    /// later changes keep to that choice).
    pub guest_mails: bool,
    /// The language the guest booked in (`None` for bookings from before languages: their
    /// mails follow the provider's).
    #[diesel(deserialize_as = OptionalText)]
    pub language: Option<Locale>,
}

impl Booking {
    /// Where the booking is in its life (changed only through `lifecycle`).
    pub fn status(&self) -> BookingStatus {
        self.status
    }

    /// What the state machine in `domain::booking` needs to know of this booking.
    pub fn facts(&self) -> BookingFacts {
        BookingFacts {
            status: self.status,
            start_at: self.start_at,
            hold_expires_at: self.hold_expires_at,
        }
    }
}

/// A booking about to be written; `block_*` is the range the guard protects.
#[derive(Debug, Clone)]
pub struct NewBooking {
    pub provider_id: Uuid,
    pub service_id: Uuid,
    pub guest_name: String,
    pub guest_email: String,
    pub guest_phone: Option<String>,
    pub guest_timezone: String,
    pub guest_notes: Option<String>,
    pub answers: String,
    pub start_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
    pub block_start_at: DateTime<Utc>,
    pub block_end_at: DateTime<Utc>,
    pub status: BookingStatus,
    pub hold_expires_at: Option<DateTime<Utc>>,
    pub rescheduled_from_id: Option<Uuid>,
    pub idempotency_key: Option<String>,
}

#[derive(Insertable)]
#[diesel(table_name = bookings, treat_none_as_default_value = false)]
struct BookingRow<'a> {
    id: DbId,
    provider_id: DbId,
    service_id: DbId,
    guest_name: &'a str,
    guest_email: &'a str,
    guest_phone: Option<&'a str>,
    guest_timezone: &'a str,
    guest_notes: Option<&'a str>,
    answers: &'a str,
    start_at: DbTime,
    end_at: DbTime,
    block_start_at: DbTime,
    block_end_at: DbTime,
    status: &'a str,
    hold_expires_at: Option<DbTime>,
    confirmed_at: Option<DbTime>,
    rescheduled_from_id: Option<DbId>,
    idempotency_key: Option<&'a str>,
    created_at: DbTime,
    updated_at: DbTime,
}

/// Inserts a booking; an overlap with a holding booking is `StoreError::SlotTaken`.
/// Call it inside `db::write_transaction`.
pub fn insert(conn: &mut DbConnection, new: &NewBooking, now: DateTime<Utc>) -> StoreResult<Uuid> {
    lock_provider_schedule(conn, new.provider_id)?;
    insert_with(conn, new, InsertExtras::default(), now)
}

/// What some inserts record beside the row: the fingerprint of the API request whose
/// `Idempotency-Key` the booking carries (see [`find_by_idempotency_key_with_hash`]) and
/// the language the guest booked in (every later mail to them uses it).
#[derive(Debug, Clone, Copy, Default)]
pub struct InsertExtras<'a> {
    pub idempotency_body_hash: Option<&'a str>,
    pub language: Option<Locale>,
}

/// [`insert`], with the [`InsertExtras`] of the request, in one statement. The claims call
/// it: they decide themselves whether to queue behind the provider's lock (see `claim`).
pub fn insert_with(
    conn: &mut DbConnection,
    new: &NewBooking,
    extras: InsertExtras<'_>,
    now: DateTime<Utc>,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    let confirmed_at = (new.status == BookingStatus::Confirmed).then_some(now);
    let row = BookingRow {
        id: DbId(id),
        provider_id: DbId(new.provider_id),
        service_id: DbId(new.service_id),
        guest_name: &new.guest_name,
        guest_email: &new.guest_email,
        guest_phone: new.guest_phone.as_deref(),
        guest_timezone: &new.guest_timezone,
        guest_notes: new.guest_notes.as_deref(),
        answers: &new.answers,
        start_at: DbTime(new.start_at),
        end_at: DbTime(new.end_at),
        block_start_at: DbTime(new.block_start_at),
        block_end_at: DbTime(new.block_end_at),
        status: new.status.as_str(),
        hold_expires_at: opt_time(new.hold_expires_at),
        confirmed_at: opt_time(confirmed_at),
        rescheduled_from_id: new.rescheduled_from_id.map(DbId),
        idempotency_key: new.idempotency_key.as_deref(),
        created_at: DbTime(now),
        updated_at: DbTime(now),
    };
    // The extra columns are named only when set, so that inserting keeps working on a
    // schema migrated only up to before them (the migration tests write such rows).
    let insert = diesel::insert_into(bookings::table);
    let language = extras.language.map(|l| l.tag());
    match (extras.idempotency_body_hash, language) {
        (None, None) => insert.values(row).execute(conn)?,
        (Some(hash), None) => insert
            .values((row, bookings::idempotency_body_hash.eq(hash)))
            .execute(conn)?,
        (None, Some(tag)) => insert
            .values((row, bookings::language.eq(tag)))
            .execute(conn)?,
        (Some(hash), Some(tag)) => insert
            .values((
                row,
                bookings::idempotency_body_hash.eq(hash),
                bookings::language.eq(tag),
            ))
            .execute(conn)?,
    };
    Ok(id)
}

pub fn find(conn: &mut DbConnection, id: Uuid) -> StoreResult<Option<Booking>> {
    Ok(bookings::table
        .filter(bookings::id.eq(DbId(id)))
        .select(Booking::as_select())
        .first(conn)
        .optional()?)
}

/// Moves a booking from one status to another, only if it is still in `from`.
/// Returns whether the row changed. Moving back into a holding state over a taken
/// range is refused by the guard as `SlotTaken`.
pub fn transition(
    conn: &mut DbConnection,
    id: Uuid,
    from: BookingStatus,
    to: BookingStatus,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let changed = diesel::update(
        bookings::table
            .filter(bookings::id.eq(DbId(id)))
            .filter(bookings::status.eq(from.as_str())),
    )
    .set((
        bookings::status.eq(to.as_str()),
        bookings::version.eq(bookings::version + 1),
        bookings::updated_at.eq(DbTime(now)),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Holding bookings of one provider whose buffered range meets `[from, to)`.
pub fn holding_in_range(
    conn: &mut DbConnection,
    provider_id: Uuid,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> StoreResult<Vec<Booking>> {
    Ok(bookings::table
        .filter(bookings::provider_id.eq(DbId(provider_id)))
        .filter(bookings::status.eq_any(BookingStatus::holding_strs()))
        .filter(bookings::block_start_at.lt(DbTime(to)))
        .filter(bookings::block_end_at.gt(DbTime(from)))
        // Implied (no block is longer than `MAX_BLOCK_MINUTES`); bounds the index range.
        .filter(bookings::block_end_at.lt(DbTime(super::holds::block_end_bound(to))))
        .order(bookings::block_start_at.asc())
        .select(Booking::as_select())
        .load(conn)?)
}

pub fn find_by_idempotency_key(conn: &mut DbConnection, key: &str) -> StoreResult<Option<Booking>> {
    Ok(bookings::table
        .filter(bookings::idempotency_key.eq(key))
        .select(Booking::as_select())
        .first(conn)
        .optional()?)
}

/// The booking made under exactly this key, with the fingerprint of the API request that
/// made it (`None` for a key without one: the booking form's, or a server-made key).
pub fn find_by_idempotency_key_with_hash(
    conn: &mut DbConnection,
    key: &str,
) -> StoreResult<Option<(Booking, Option<String>)>> {
    Ok(bookings::table
        .filter(bookings::idempotency_key.eq(key))
        .select((Booking::as_select(), bookings::idempotency_body_hash))
        .first(conn)
        .optional()?)
}

/// Cancels a booking that is being moved; its own links stop working.
pub fn cancel_for_reschedule(
    conn: &mut DbConnection,
    id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    // Moving is cancelling: it may start from the states a cancel may.
    let (from, to) = Action::Cancel.from_to();
    let changed = diesel::update(
        bookings::table
            .filter(bookings::id.eq(DbId(id)))
            .filter(bookings::status.eq_any(from.iter().map(|s| s.as_str()))),
    )
    .set((
        bookings::status.eq(to.as_str()),
        bookings::cancelled_at.eq(Some(DbTime(now))),
        bookings::cancelled_by.eq(Some(Actor::Guest.as_str())),
        bookings::cancellation_reason.eq(Some("rescheduled")),
        bookings::version.eq(bookings::version + 1),
        bookings::updated_at.eq(DbTime(now)),
    ))
    .execute(conn)?;
    if changed == 1 {
        super::booking_events::record(
            conn,
            id,
            Actor::Guest,
            "rescheduled",
            "moved to a new time",
            now,
        )?;
        super::booking_tokens::revoke_all(conn, id, now)?;
    }
    Ok(changed == 1)
}

/// The calendar identity of a booking: the id of the first booking it was rescheduled
/// from (so the UID stays stable across moves), and a SEQUENCE that grows with every
/// change along the chain (each earlier booking counts its own changes plus one).
pub fn lineage(conn: &mut DbConnection, booking: &Booking) -> StoreResult<(Uuid, i32)> {
    let mut root = booking.id;
    let mut sequence = booking.version;
    let mut previous = booking.rescheduled_from_id;
    // Bounded: a chain is as long as the number of times one booking was moved.
    for _ in 0..100 {
        let Some(id) = previous else { break };
        let Some(earlier) = find(conn, id)? else {
            break;
        };
        root = earlier.id;
        sequence += earlier.version + 1;
        previous = earlier.rescheduled_from_id;
    }
    Ok((root, sequence))
}

/// "`host` is a host of the booking": its provider, or another host of a collective team
/// booking. Every booking has a `booking_hosts` row for its provider (a trigger writes it),
/// so this one test covers personal and team bookings alike; it is the authorization of
/// every provider page that shows a booking.
type HostedBy = Box<
    dyn BoxableExpression<
        bookings::table,
        crate::db::MultiBackend,
        SqlType = diesel::sql_types::Bool,
    >,
>;

pub(super) fn hosted_by(host: Uuid) -> HostedBy {
    Box::new(
        bookings::id.eq_any(
            booking_hosts::table
                .filter(booking_hosts::host_id.eq(DbId(host)))
                .select(booking_hosts::booking_id),
        ),
    )
}

/// Filters of the provider's bookings list.
#[derive(Debug, Clone, Default)]
pub struct BookingFilter {
    pub status: Option<BookingStatus>,
    pub service_id: Option<Uuid>,
    /// Bookings starting at or after this instant.
    pub from: Option<DateTime<Utc>>,
    /// Bookings starting before this instant.
    pub to: Option<DateTime<Utc>>,
    /// Leaves out bookings that were moved (rescheduled) to a later booking, so a move
    /// lists as one booking: the later one, which knows where it came from.
    pub moves_as_one: bool,
}

fn filtered(
    provider_id: Uuid,
    filter: &BookingFilter,
) -> bookings::BoxedQuery<'static, crate::db::MultiBackend> {
    let mut query = bookings::table.filter(hosted_by(provider_id)).into_boxed();
    if let Some(status) = filter.status {
        query = query.filter(bookings::status.eq(status.as_str()));
    }
    if let Some(service) = filter.service_id {
        query = query.filter(bookings::service_id.eq(DbId(service)));
    }
    if let Some(from) = filter.from {
        query = query.filter(bookings::start_at.ge(DbTime(from)));
    }
    if let Some(to) = filter.to {
        query = query.filter(bookings::start_at.lt(DbTime(to)));
    }
    if filter.moves_as_one {
        let later = diesel::alias!(bookings as later_bookings);
        query = query.filter(diesel::dsl::not(diesel::dsl::exists(
            later.filter(
                later
                    .field(bookings::rescheduled_from_id)
                    .eq(bookings::id.nullable()),
            ),
        )));
    }
    query
}

/// One page of the provider's bookings (by start time) and the total count.
pub fn list_for_provider(
    conn: &mut DbConnection,
    provider_id: Uuid,
    filter: &BookingFilter,
    offset: i64,
    limit: i64,
) -> StoreResult<(Vec<Booking>, i64)> {
    let total = filtered(provider_id, filter)
        .count()
        .get_result::<i64>(conn)?;
    let rows = filtered(provider_id, filter)
        .order((bookings::start_at.asc(), bookings::id.asc()))
        .offset(offset)
        .limit(limit)
        .select(Booking::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// A booking this provider hosts (see [`hosted_by`]); anyone else's is `None`.
pub fn find_for_provider(
    conn: &mut DbConnection,
    provider_id: Uuid,
    id: Uuid,
) -> StoreResult<Option<Booking>> {
    Ok(bookings::table
        .filter(bookings::id.eq(DbId(id)))
        .filter(hosted_by(provider_id))
        .select(Booking::as_select())
        .first(conn)
        .optional()?)
}

/// Holding bookings of the provider (as its `provider_id`) that end after `from`, soonest
/// first (dashboard, ICS feed, account deletion).
pub fn upcoming_holding(
    conn: &mut DbConnection,
    provider_id: Uuid,
    from: DateTime<Utc>,
    limit: i64,
) -> StoreResult<Vec<Booking>> {
    Ok(bookings::table
        .filter(bookings::provider_id.eq(DbId(provider_id)))
        .filter(bookings::status.eq_any(BookingStatus::holding_strs()))
        .filter(bookings::end_at.gt(DbTime(from)))
        .order(bookings::start_at.asc())
        .limit(limit)
        .select(Booking::as_select())
        .load(conn)?)
}

/// Holding bookings the provider hosts (see [`hosted_by`]: collective team bookings of
/// other providers too) that end after `from`, soonest first: the provider's ICS feed.
pub fn upcoming_hosted(
    conn: &mut DbConnection,
    host: Uuid,
    from: DateTime<Utc>,
    limit: i64,
) -> StoreResult<Vec<Booking>> {
    Ok(bookings::table
        .filter(hosted_by(host))
        .filter(bookings::status.eq_any(BookingStatus::holding_strs()))
        .filter(bookings::end_at.gt(DbTime(from)))
        .order(bookings::start_at.asc())
        .limit(limit)
        .select(Booking::as_select())
        .load(conn)?)
}

/// One page of the provider's bookings in a stable order, by `(start_at, id)`, starting
/// after `after` (the last row of the previous page): the API's cursor paging, which
/// neither skips nor repeats rows when bookings are added between pages.
pub fn page_after(
    conn: &mut DbConnection,
    provider_id: Uuid,
    filter: &BookingFilter,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> StoreResult<Vec<Booking>> {
    let mut query = filtered(provider_id, filter);
    if let Some((start, id)) = after {
        query = query.filter(
            bookings::start_at.gt(DbTime(start)).or(bookings::start_at
                .eq(DbTime(start))
                .and(bookings::id.gt(DbId(id)))),
        );
    }
    Ok(query
        .order((bookings::start_at.asc(), bookings::id.asc()))
        .limit(limit)
        .select(Booking::as_select())
        .load(conn)?)
}
