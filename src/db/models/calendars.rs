//! Calendar sources (ICS subscriptions, and CalDAV calendars of an account in
//! `calendar_accounts`) and their busy blocks.
//!
//! A source is claimed for a refresh by pushing its `next_refresh_at` one period ahead in
//! the claiming transaction ([`claim_due`]: `FOR UPDATE SKIP LOCKED` on PostgreSQL, the
//! write lock on SQLite), so several instances never fetch one source at the same time,
//! and a worker that dies mid-fetch only delays the source by one period. The outcome is
//! settled guarded by the claim's instant ([`store_blocks`], [`store_unchanged`],
//! [`store_failure`]): a refresh that a newer one overtook changes nothing. Blocks are
//! replaced as a whole in one transaction; a failure leaves them as they were.

use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::{
    calendar_busy_blocks, calendar_sources, services, team_service_hosts, users,
};
use crate::db::types::{DbId, DbTime};
use crate::db::{write_transaction, DbConnection, StoreResult};
use crate::domain::ical::BusyBlock;
use crate::domain::time::TimeRange;

/// No stored block is longer than this: longer events are stored as pieces, so the
/// engine's query can bound `start_at` on both sides.
pub const MAX_PIECE: TimeDelta = TimeDelta::days(1);
/// Sources one provider may add.
pub const MAX_SOURCES: i64 = 20;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = calendar_sources)]
pub struct Source {
    pub id: Uuid,
    pub provider_id: Uuid,
    pub url: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub last_success_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub last_error_at: Option<DateTime<Utc>>,
    pub failing_since: Option<DateTime<Utc>>,
    pub failure_mailed_at: Option<DateTime<Utc>>,
    pub block_count: i32,
    pub skipped_events: i32,
    pub next_refresh_at: DateTime<Utc>,
    pub claimed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// The CalDAV account the calendar belongs to; `None` for an ICS subscription.
    pub account_id: Option<Uuid>,
    /// The calendar's display name (CalDAV).
    pub name: Option<String>,
}

impl Source {
    /// Whether a refresh is due or under way: "refresh now" and a new source wait for the
    /// worker, and the page says so until it has been.
    pub fn is_refreshing(&self, now: DateTime<Utc>) -> bool {
        let settled = self.last_success_at.max(self.last_error_at);
        self.next_refresh_at <= now || self.claimed_at.is_some_and(|at| Some(at) > settled)
    }
}

/// The provider's sources, oldest first.
pub fn list(conn: &mut DbConnection, provider_id: Uuid) -> StoreResult<Vec<Source>> {
    Ok(calendar_sources::table
        .filter(calendar_sources::provider_id.eq(DbId(provider_id)))
        .order((
            calendar_sources::created_at.asc(),
            calendar_sources::id.asc(),
        ))
        .select(Source::as_select())
        .load(conn)?)
}

#[derive(Insertable)]
#[diesel(table_name = calendar_sources)]
struct NewSource<'a> {
    id: DbId,
    provider_id: DbId,
    url: &'a str,
    next_refresh_at: DbTime,
    created_at: DbTime,
}

/// Adds a source, due for its first refresh at once; `None` when the provider already
/// has [`MAX_SOURCES`].
pub fn create(
    conn: &mut DbConnection,
    provider_id: Uuid,
    url: &str,
    now: DateTime<Utc>,
) -> StoreResult<Option<Uuid>> {
    write_transaction(conn, |c| {
        let count: i64 = calendar_sources::table
            .filter(calendar_sources::provider_id.eq(DbId(provider_id)))
            .count()
            .get_result(c)?;
        if count >= MAX_SOURCES {
            return Ok(None);
        }
        let id = Uuid::now_v7();
        diesel::insert_into(calendar_sources::table)
            .values(NewSource {
                id: DbId(id),
                provider_id: DbId(provider_id),
                url,
                next_refresh_at: DbTime(now),
                created_at: DbTime(now),
            })
            .execute(c)?;
        Ok(Some(id))
    })
}

/// Removes one of the provider's sources with its blocks; false when it is not theirs.
pub fn delete(conn: &mut DbConnection, provider_id: Uuid, id: Uuid) -> StoreResult<bool> {
    write_transaction(conn, |c| {
        let owned = calendar_sources::table
            .filter(calendar_sources::id.eq(DbId(id)))
            .filter(calendar_sources::provider_id.eq(DbId(provider_id)));
        if owned.count().get_result::<i64>(c)? == 0 {
            return Ok(false);
        }
        diesel::delete(
            calendar_busy_blocks::table.filter(calendar_busy_blocks::source_id.eq(DbId(id))),
        )
        .execute(c)?;
        Ok(diesel::delete(owned).execute(c)? == 1)
    })
}

/// A source taken for a refresh, with what its expansion needs.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub source: Source,
    /// The claim's instant, which settling must match.
    pub claimed_at: DateTime<Utc>,
    /// The provider's stored zone name (parsed by the caller).
    pub timezone: String,
    /// The longest booking window of the provider's services, in days.
    pub window_days: i64,
    /// The CalDAV account a calendar is read as (`None` for an ICS subscription).
    pub account: Option<super::calendar_accounts::Account>,
}

macro_rules! due_sources {
    ($now:expr) => {
        calendar_sources::table
            .filter(calendar_sources::next_refresh_at.le(DbTime($now)))
            .order(calendar_sources::next_refresh_at.asc())
            .select(Source::as_select())
    };
}

/// Claims up to `limit` due sources: each is pushed `every` ahead, so no other pass takes
/// it until then.
pub fn claim_due(
    conn: &mut DbConnection,
    now: DateTime<Utc>,
    every: TimeDelta,
    limit: i64,
) -> StoreResult<Vec<Claimed>> {
    write_transaction(conn, |c| {
        let rows: Vec<Source> = match c {
            DbConnection::Pg(pg) => due_sources!(now)
                .limit(limit)
                .for_update()
                .skip_locked()
                .load(pg)?,
            DbConnection::Sqlite(_) => due_sources!(now).limit(limit).load(c)?,
        };
        let mut claimed = Vec::new();
        for source in rows {
            claimed.extend(take(c, source, now, every)?);
        }
        Ok(claimed)
    })
}

/// Makes one of the provider's sources due now ("refresh now"): the worker reads it on
/// its next pass. False when it is not theirs.
pub fn mark_due(
    conn: &mut DbConnection,
    provider_id: Uuid,
    id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let changed = diesel::update(
        calendar_sources::table
            .filter(calendar_sources::id.eq(DbId(id)))
            .filter(calendar_sources::provider_id.eq(DbId(provider_id))),
    )
    .set(calendar_sources::next_refresh_at.eq(DbTime(now)))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Pushes a due source one period ahead and reads what its refresh needs.
fn take(
    c: &mut DbConnection,
    source: Source,
    now: DateTime<Utc>,
    every: TimeDelta,
) -> StoreResult<Option<Claimed>> {
    let changed = diesel::update(
        calendar_sources::table
            .filter(calendar_sources::id.eq(DbId(source.id)))
            .filter(calendar_sources::next_refresh_at.le(DbTime(now))),
    )
    .set((
        calendar_sources::next_refresh_at.eq(DbTime(now + every)),
        calendar_sources::claimed_at.eq(Some(DbTime(now))),
    ))
    .execute(c)?;
    if changed != 1 {
        return Ok(None);
    }
    let timezone: String = users::table
        .filter(users::id.eq(DbId(source.provider_id)))
        .select(users::timezone)
        .first(c)?;
    // The provider's own services and the team services they host: a team member's
    // calendar blocks the team's pages as far ahead as those are bookable.
    let own: Option<i32> = services::table
        .filter(services::provider_id.eq(DbId(source.provider_id)))
        .select(diesel::dsl::max(services::max_days_ahead))
        .first(c)?;
    let hosted: Option<i32> = team_service_hosts::table
        .inner_join(services::table.on(services::id.eq(team_service_hosts::service_id)))
        .filter(team_service_hosts::host_id.eq(DbId(source.provider_id)))
        .select(diesel::dsl::max(services::max_days_ahead))
        .first(c)?;
    let longest = own.max(hosted);
    let account = match source.account_id {
        Some(account) => super::calendar_accounts::get(c, account)?,
        None => None,
    };
    Ok(Some(Claimed {
        source,
        claimed_at: now,
        timezone,
        window_days: i64::from(longest.unwrap_or(0)),
        account,
    }))
}

#[derive(Insertable)]
#[diesel(table_name = calendar_busy_blocks, treat_none_as_default_value = false)]
struct NewBlock<'a> {
    id: DbId,
    source_id: DbId,
    provider_id: DbId,
    uid: &'a str,
    start_at: DbTime,
    end_at: DbTime,
}

/// `range` cut into pieces of at most [`MAX_PIECE`].
fn pieces(range: TimeRange) -> impl Iterator<Item = TimeRange> {
    let mut from = range.start;
    std::iter::from_fn(move || {
        if from >= range.end {
            return None;
        }
        let to = (from + MAX_PIECE).min(range.end);
        let piece = TimeRange::new(from, to);
        from = to;
        Some(piece)
    })
}

/// What a successful fetch brought: validators for the next conditional request.
#[derive(Debug, Clone, Default)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// Replaces the source's blocks with `blocks` and records the success, in one
/// transaction; false when a newer claim took the source meanwhile.
pub fn store_blocks(
    conn: &mut DbConnection,
    claimed: &Claimed,
    blocks: &[BusyBlock],
    skipped: usize,
    validators: &Validators,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let (source, provider) = (claimed.source.id, claimed.source.provider_id);
    write_transaction(conn, |c| {
        if !settle(c, claimed, now, |c| {
            diesel::update(calendar_sources::table.filter(calendar_sources::id.eq(DbId(source))))
                .set((
                    calendar_sources::etag.eq(validators.etag.as_deref()),
                    calendar_sources::last_modified.eq(validators.last_modified.as_deref()),
                    calendar_sources::block_count
                        .eq(i32::try_from(blocks.len()).unwrap_or(i32::MAX)),
                    calendar_sources::skipped_events.eq(i32::try_from(skipped).unwrap_or(i32::MAX)),
                ))
                .execute(c)
        })? {
            return Ok(false);
        }
        diesel::delete(
            calendar_busy_blocks::table.filter(calendar_busy_blocks::source_id.eq(DbId(source))),
        )
        .execute(c)?;
        let rows: Vec<NewBlock<'_>> = blocks
            .iter()
            .flat_map(|block| {
                pieces(block.range).map(|piece| NewBlock {
                    id: DbId(Uuid::now_v7()),
                    source_id: DbId(source),
                    provider_id: DbId(provider),
                    uid: &block.uid,
                    start_at: DbTime(piece.start),
                    end_at: DbTime(piece.end),
                })
            })
            .collect();
        // Well under both backends' limits on bound parameters per statement.
        // Multi-row inserts are per backend: diesel's multi-backend connection has none.
        for chunk in rows.chunks(1000) {
            let insert = diesel::insert_into(calendar_busy_blocks::table).values(chunk);
            match c {
                DbConnection::Pg(pg) => insert.execute(pg)?,
                DbConnection::Sqlite(lite) => insert.execute(lite)?,
            };
        }
        Ok(true)
    })
}

/// Marks the claimed source as refreshed (a successful answer or a 304), clearing any
/// failure, after `extra` has run; false when a newer claim took it.
fn settle(
    conn: &mut DbConnection,
    claimed: &Claimed,
    now: DateTime<Utc>,
    extra: impl FnOnce(&mut DbConnection) -> QueryResult<usize>,
) -> StoreResult<bool> {
    let changed = diesel::update(
        calendar_sources::table
            .filter(calendar_sources::id.eq(DbId(claimed.source.id)))
            .filter(calendar_sources::claimed_at.eq(DbTime(claimed.claimed_at))),
    )
    .set((
        calendar_sources::last_success_at.eq(Some(DbTime(now))),
        calendar_sources::last_error.eq(None::<String>),
        calendar_sources::failing_since.eq(None::<DbTime>),
        calendar_sources::failure_mailed_at.eq(None::<DbTime>),
    ))
    .execute(conn)?;
    if changed != 1 {
        return Ok(false);
    }
    extra(conn)?;
    Ok(true)
}

/// Records a 304 Not Modified: the blocks stay, the source is fresh.
pub fn store_unchanged(
    conn: &mut DbConnection,
    claimed: &Claimed,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    write_transaction(conn, |c| settle(c, claimed, now, |_| Ok(0)))
}

/// Records a failed refresh; the blocks stay. Answers the source as it is now, so the
/// caller can tell its owner once it has failed for long enough.
pub fn store_failure(
    conn: &mut DbConnection,
    claimed: &Claimed,
    error: &str,
    now: DateTime<Utc>,
) -> StoreResult<Option<Source>> {
    write_transaction(conn, |c| {
        let id = claimed.source.id;
        let changed = diesel::update(
            calendar_sources::table
                .filter(calendar_sources::id.eq(DbId(id)))
                .filter(calendar_sources::claimed_at.eq(DbTime(claimed.claimed_at))),
        )
        .set((
            calendar_sources::last_error.eq(Some(error)),
            calendar_sources::last_error_at.eq(Some(DbTime(now))),
        ))
        .execute(c)?;
        if changed != 1 {
            return Ok(None);
        }
        diesel::update(
            calendar_sources::table
                .filter(calendar_sources::id.eq(DbId(id)))
                .filter(calendar_sources::failing_since.is_null()),
        )
        .set(calendar_sources::failing_since.eq(Some(DbTime(now))))
        .execute(c)?;
        Ok(calendar_sources::table
            .filter(calendar_sources::id.eq(DbId(id)))
            .select(Source::as_select())
            .first(c)
            .optional()?)
    })
}

/// Notes that the owner was told about the failure (once per run of failures).
pub fn mark_failure_mailed(
    conn: &mut DbConnection,
    id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let changed = diesel::update(
        calendar_sources::table
            .filter(calendar_sources::id.eq(DbId(id)))
            .filter(calendar_sources::failure_mailed_at.is_null()),
    )
    .set(calendar_sources::failure_mailed_at.eq(Some(DbTime(now))))
    .execute(conn)?;
    Ok(changed == 1)
}

/// The provider's external busy times overlapping `from..to`, by start: one bounded index
/// range (no piece is longer than [`MAX_PIECE`]).
pub fn busy_between(
    conn: &mut DbConnection,
    provider_id: Uuid,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> StoreResult<Vec<TimeRange>> {
    Ok(calendar_busy_blocks::table
        .filter(calendar_busy_blocks::provider_id.eq(DbId(provider_id)))
        .filter(calendar_busy_blocks::start_at.gt(DbTime(from - MAX_PIECE)))
        .filter(calendar_busy_blocks::start_at.lt(DbTime(to)))
        .filter(calendar_busy_blocks::end_at.gt(DbTime(from)))
        // The index's order: free, and the schedule's merge then finds one sorted run.
        .order(calendar_busy_blocks::start_at.asc())
        .select((calendar_busy_blocks::start_at, calendar_busy_blocks::end_at))
        .load::<(DateTime<Utc>, DateTime<Utc>)>(conn)?
        .into_iter()
        .map(|(start, end)| TimeRange::new(start, end))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_source_is_refreshing_while_due_or_claimed_and_not_yet_settled() {
        let now = Utc.with_ymd_and_hms(2030, 3, 11, 6, 0, 0).unwrap();
        let mut source = Source {
            id: Uuid::nil(),
            provider_id: Uuid::nil(),
            url: "https://example.com/a.ics".into(),
            etag: None,
            last_modified: None,
            last_success_at: None,
            last_error: None,
            last_error_at: None,
            failing_since: None,
            failure_mailed_at: None,
            block_count: 0,
            skipped_events: 0,
            next_refresh_at: now,
            claimed_at: None,
            created_at: now,
            account_id: None,
            name: None,
        };
        assert!(source.is_refreshing(now), "due");
        source.next_refresh_at = now + TimeDelta::minutes(10);
        source.claimed_at = Some(now);
        assert!(source.is_refreshing(now), "claimed, not settled");
        source.last_error_at = Some(now);
        assert!(!source.is_refreshing(now), "failed");
        source.last_success_at = Some(now);
        assert!(!source.is_refreshing(now + TimeDelta::minutes(5)), "read");
        assert!(
            source.is_refreshing(now + TimeDelta::minutes(10)),
            "due again"
        );
    }

    #[test]
    fn long_blocks_are_cut_into_day_long_pieces() {
        let start = Utc.with_ymd_and_hms(2030, 3, 25, 23, 0, 0).unwrap();
        let range = TimeRange::new(start, start + TimeDelta::hours(60));
        let cut: Vec<_> = pieces(range).collect();
        assert_eq!(cut.len(), 3);
        assert_eq!(cut[0].start, start);
        assert_eq!(cut[2].end, range.end);
        assert!(cut.iter().all(|p| p.end - p.start <= MAX_PIECE));
    }
}
