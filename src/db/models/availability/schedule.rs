//! The one loader that gathers everything the slot engine needs for a host, a service and
//! a range, for listing and for the claim's re-check alike.

use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;
use diesel::sql_types::Bool;
use uuid::Uuid;

use super::cache::ScheduleCache;
use super::{
    readable, stored_range, OverrideRow, RuleRow, StoredOverride, StoredRule, OVERRIDE_COLUMNS,
    RULE_COLUMNS,
};
use crate::db::models::calendars;
use crate::db::models::services::Service;
use crate::db::schema::{
    availability_rules, booking_hosts, date_overrides, schedule_versions, time_off,
};
use crate::db::types::{DbId, DbTime, Instant, Stored};
use crate::db::{DbConnection, MultiBackend, StoreResult};
use crate::domain::availability::{
    merged_busy, AvailabilityInput, DateOverride, ServiceRules, TimeRange, WeeklyRule,
};
use crate::domain::service::MAX_BLOCK_MINUTES;
use crate::domain::time::add;

/// Owned inputs of the slot engine for one provider and service over a range.
#[derive(Debug, Clone)]
pub struct Schedule {
    pub timezone: chrono_tz::Tz,
    pub weekly_rules: Vec<WeeklyRule>,
    pub overrides: Vec<DateOverride>,
    pub time_off: Vec<TimeRange>,
    pub busy: Vec<TimeRange>,
    pub service_booking_starts: Vec<DateTime<Utc>>,
    pub service: ServiceRules,
    /// When the first hold among `busy` lapses (its time frees without any write), if any
    /// does: what the engine's answer for this schedule depends on besides the clock.
    pub next_lapse: Option<DateTime<Utc>>,
}

impl Schedule {
    pub fn input(&self, now: DateTime<Utc>) -> AvailabilityInput<'_> {
        AvailabilityInput {
            timezone: self.timezone,
            weekly_rules: &self.weekly_rules,
            overrides: &self.overrides,
            time_off: &self.time_off,
            busy: &self.busy,
            service_booking_starts: &self.service_booking_starts,
            service: self.service,
            now,
        }
    }
}

/// The engine's rules for a service row (the schema's CHECKs keep every value in range).
pub fn service_rules(service: &Service) -> ServiceRules {
    let minutes = |v: i32| u32::try_from(v).unwrap_or(0);
    ServiceRules {
        duration_minutes: minutes(service.duration_minutes),
        slot_interval_minutes: minutes(service.slot_interval_minutes),
        buffer_before_minutes: minutes(service.buffer_before_minutes),
        buffer_after_minutes: minutes(service.buffer_after_minutes),
        min_notice_minutes: minutes(service.min_notice_minutes),
        max_days_ahead: minutes(service.max_days_ahead),
        max_per_day: service.max_per_day.map(minutes),
    }
}

/// `tstzrange(block_start_at, block_end_at) && tstzrange(from, to)`, for PostgreSQL only.
///
/// It repeats the comparisons it goes with, in the form the no-overlap guard's GiST index
/// (`provider_id`, the block's range) answers: a planner whose statistics are stale (the
/// table grew since its last ANALYZE) picks that index, and without this line it can use
/// it for `provider_id` alone and filter every booking the provider ever had.
pub(crate) fn pg_blocks_overlap<T>(
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Box<dyn BoxableExpression<T, MultiBackend, SqlType = Bool>> {
    Box::new(
        diesel::dsl::sql::<Bool>("tstzrange(block_start_at, block_end_at, '[)') && tstzrange(")
            .bind::<Instant, _>(DbTime(from))
            .sql(", ")
            .bind::<Instant, _>(DbTime(to))
            .sql(", '[)')"),
    )
}

/// A holding booking as the schedule reads it: its id (for the log, should it be
/// unreadable, and to leave out a booking being moved), its service, start, buffered range
/// and, while pending, when its hold lapses.
type StoredHeld = (
    Uuid,
    Uuid,
    Stored<DateTime<Utc>>,
    Stored<DateTime<Utc>>,
    Stored<DateTime<Utc>>,
    Option<Stored<DateTime<Utc>>>,
);

/// A booking that holds the host's time.
#[derive(Debug, Clone)]
struct HeldTime {
    booking_id: Uuid,
    service_id: Uuid,
    start: DateTime<Utc>,
    block: TimeRange,
    /// Set only while pending: from this instant on the booking no longer holds the time.
    hold_expires_at: Option<DateTime<Utc>>,
}

impl HeldTime {
    fn from_stored(row: StoredHeld) -> Result<HeldTime, String> {
        let (booking_id, service_id, start, block_start, block_end, expires) = row;
        Ok(HeldTime {
            booking_id,
            service_id,
            start: start.0?,
            block: stored_range(block_start, block_end)?,
            hold_expires_at: expires.map(|e| e.0).transpose()?,
        })
    }
}

/// The instants a schedule of `range` reads between: the range widened by two days (the
/// engine looks a day past each end, and buffers reach at most 12 hours).
pub fn read_bounds(range: TimeRange) -> (DateTime<Utc>, DateTime<Utc>) {
    (
        add(range.start, -TimeDelta::days(2)),
        add(range.end, TimeDelta::days(2)),
    )
}

/// Everything of one host's schedule that lies between two instants, as stored: weekly
/// hours, overrides, time off and calendar busy times, and the bookings that hold the time
/// (lapsed holds included: whether a hold still counts depends on the moment it is looked
/// at). [`HostRows::schedule`] makes the engine's input for a service, a range within
/// these bounds and a moment; the rows themselves depend on neither, so they can be kept
/// while the host's schedule version stays the same (see [`super::cache`]).
#[derive(Debug, Clone)]
pub struct HostRows {
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    weekly_rules: Vec<WeeklyRule>,
    overrides: Vec<DateOverride>,
    /// Time off and busy times from the host's other calendars, which count alike:
    /// sorted by start and merged where they overlap or touch.
    time_off: Vec<TimeRange>,
    held: Vec<HeldTime>,
}

impl HostRows {
    /// One query per kind, each bounded by `from` and `to` and served by an index. Rows are
    /// read leniently: one that cannot be read is skipped and logged, so a bad stored value
    /// cannot make every page of the host fail.
    pub fn load(
        conn: &mut DbConnection,
        host_id: Uuid,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> StoreResult<HostRows> {
        let provider = DbId(host_id);
        let (first_date, last_date) = (from.date_naive(), to.date_naive());
        let block_end_bound = add(to, TimeDelta::minutes(MAX_BLOCK_MINUTES));
        let weekly_rules = availability_rules::table
            .filter(availability_rules::provider_id.eq(provider))
            .select(RULE_COLUMNS)
            .load::<StoredRule>(conn)?
            .into_iter()
            .filter_map(|row| readable("availability rule", row.0, RuleRow::from_stored(row)))
            .filter_map(|row| row.to_rule())
            .collect();
        let overrides = date_overrides::table
            .filter(date_overrides::provider_id.eq(provider))
            .filter(date_overrides::date.between(first_date, last_date))
            .select(OVERRIDE_COLUMNS)
            .load::<StoredOverride>(conn)?
            .into_iter()
            .filter_map(|row| readable("date override", row.0, OverrideRow::from_stored(row)))
            .map(|row| row.to_override())
            .collect();
        let mut time_off: Vec<TimeRange> = time_off::table
            .filter(time_off::provider_id.eq(provider))
            .filter(time_off::start_at.lt(DbTime(to)))
            .filter(time_off::end_at.gt(DbTime(from)))
            .order(time_off::start_at.asc())
            .select((time_off::id, time_off::start_at, time_off::end_at))
            .load::<(Uuid, Stored<DateTime<Utc>>, Stored<DateTime<Utc>>)>(conn)?
            .into_iter()
            .filter_map(|(id, start, end)| readable("time off", id, stored_range(start, end)))
            .collect();
        // Busy times from the host's other calendars count exactly like time off. Both
        // arrive sorted; merged once here, they reach the engine as one sorted list of
        // disjoint ranges however many calendars overlap, for every listing these rows
        // serve (see `super::cache`).
        time_off.extend(calendars::busy_between(conn, host_id, from, to)?);
        let time_off = merged_busy(time_off);
        let mut held_query = booking_hosts::table
            .filter(booking_hosts::host_id.eq(provider))
            .filter(booking_hosts::holds.eq(true))
            .filter(booking_hosts::block_start_at.lt(DbTime(to)))
            .filter(booking_hosts::block_end_at.gt(DbTime(from)))
            // Implied by the line above (no block is longer than `MAX_BLOCK_MINUTES`), but
            // it bounds the index range on both sides, so bookings after the range are not
            // read.
            .filter(booking_hosts::block_end_at.lt(DbTime(block_end_bound)))
            .select((
                booking_hosts::booking_id,
                booking_hosts::service_id,
                booking_hosts::start_at,
                booking_hosts::block_start_at,
                booking_hosts::block_end_at,
                booking_hosts::hold_expires_at,
            ))
            .into_boxed();
        if let DbConnection::Pg(_) = conn {
            held_query = held_query.filter(pg_blocks_overlap(from, to));
        }
        let held = held_query
            .load::<StoredHeld>(conn)?
            .into_iter()
            .filter_map(|row| readable("booking", row.0, HeldTime::from_stored(row)))
            .collect();
        Ok(HostRows {
            from,
            to,
            weekly_rules,
            overrides,
            time_off,
            held,
        })
    }

    /// The pending bookings among these rows whose hold lapsed by `now` and whose buffered
    /// range overlaps `range` (what `holds::lapsed_in_range` reads, without another query:
    /// the claim expires them, and [`HostRows::schedule`] already leaves them out). In
    /// one order, so that two claims expiring the same holds never wait on each other
    /// crosswise.
    pub fn lapsed_holds(&self, range: TimeRange, now: DateTime<Utc>) -> Vec<Uuid> {
        let mut lapsed: Vec<Uuid> = self
            .held
            .iter()
            .filter(|h| h.block.start < range.end && h.block.end > range.start)
            .filter(|h| h.hold_expires_at.is_some_and(|expires| expires <= now))
            .map(|h| h.booking_id)
            .collect();
        lapsed.sort_unstable();
        lapsed
    }

    /// True when these rows hold everything between `from` and `to`.
    pub fn covers(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> bool {
        self.from <= from && to <= self.to
    }

    /// How many rows these are (the cache's measure of size).
    pub fn len(&self) -> usize {
        self.weekly_rules.len() + self.overrides.len() + self.time_off.len() + self.held.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The engine's input for `service` over `range` at `now`: exactly what the queries of
    /// [`HostRows::load`] would return for the range's own bounds, without
    /// `exclude_booking`, and without a pending booking whose hold lapsed by `now` (an
    /// expired hold never blocks a guest: the claim expires it and tells its guest).
    pub fn schedule(
        &self,
        timezone: chrono_tz::Tz,
        service: &Service,
        range: TimeRange,
        exclude_booking: Option<Uuid>,
        now: DateTime<Utc>,
    ) -> Schedule {
        let (from, to) = read_bounds(range);
        let (first_date, last_date) = (from.date_naive(), to.date_naive());
        let block_end_bound = add(to, TimeDelta::minutes(MAX_BLOCK_MINUTES));
        let overlaps = |r: &TimeRange| r.start < to && r.end > from;
        let held: Vec<&HeldTime> = self
            .held
            .iter()
            .filter(|h| overlaps(&h.block) && h.block.end < block_end_bound)
            .filter(|h| Some(h.booking_id) != exclude_booking)
            .filter(|h| h.hold_expires_at.is_none_or(|expires| expires > now))
            .collect();
        Schedule {
            timezone,
            weekly_rules: self.weekly_rules.clone(),
            overrides: self
                .overrides
                .iter()
                .filter(|o| (first_date..=last_date).contains(&o.date))
                .cloned()
                .collect(),
            time_off: self
                .time_off
                .iter()
                .filter(|r| overlaps(r))
                .copied()
                .collect(),
            busy: held.iter().map(|h| h.block).collect(),
            service_booking_starts: held
                .iter()
                .filter(|h| h.service_id == service.id)
                .map(|h| h.start)
                .collect(),
            service: service_rules(service),
            next_lapse: held.iter().filter_map(|h| h.hold_expires_at).min(),
        }
    }
}

/// Loads what the engine needs to list or check slots in `range` (see [`HostRows`]).
/// `exclude_booking` leaves out a booking being moved. A pending booking whose hold lapsed
/// before `now` is not busy.
pub fn load_schedule(
    conn: &mut DbConnection,
    timezone: chrono_tz::Tz,
    service: &Service,
    range: TimeRange,
    exclude_booking: Option<Uuid>,
    now: DateTime<Utc>,
) -> StoreResult<Schedule> {
    load_host_schedule(
        conn,
        service.provider_id,
        timezone,
        service,
        range,
        exclude_booking,
        now,
    )
}

/// [`load_schedule`] for one host of a service: the host's hours, time off and busy
/// times (every booking that holds the host's time, personal or team, read from
/// `booking_hosts`), with the service's rules. `timezone` is the host's zone.
pub fn load_host_schedule(
    conn: &mut DbConnection,
    host_id: Uuid,
    timezone: chrono_tz::Tz,
    service: &Service,
    range: TimeRange,
    exclude_booking: Option<Uuid>,
    now: DateTime<Utc>,
) -> StoreResult<Schedule> {
    let (from, to) = read_bounds(range);
    Ok(HostRows::load(conn, host_id, from, to)?.schedule(
        timezone,
        service,
        range,
        exclude_booking,
        now,
    ))
}

/// [`load_schedule`] through `cache`: the provider's schedule version is read first (one
/// primary-key read), then rows kept under that version are used, or read and kept. Reading
/// the version before the rows means rows are never older than the version they are kept
/// under, and every committed change bumps the version (triggers), so the next request after
/// a change reads fresh rows. For listing only: the claim re-checks with [`load_schedule`].
pub fn load_schedule_cached(
    conn: &mut DbConnection,
    cache: &ScheduleCache,
    timezone: chrono_tz::Tz,
    service: &Service,
    range: TimeRange,
    exclude_booking: Option<Uuid>,
    now: DateTime<Utc>,
) -> StoreResult<Schedule> {
    let version = schedule_version(conn, service.provider_id)?;
    schedule_under_version(
        conn,
        cache,
        version,
        timezone,
        service,
        range,
        exclude_booking,
        now,
    )
}

/// [`load_schedule_cached`] with the provider's schedule version already read (it must
/// have been read before anything else this request keeps under it): rows kept under
/// `version` are used, or read and kept. With no version (a user without a row) the rows
/// are read and not kept.
#[expect(
    clippy::too_many_arguments,
    reason = "load_schedule's arguments and the version read before them"
)]
pub fn schedule_under_version(
    conn: &mut DbConnection,
    cache: &ScheduleCache,
    version: Option<i64>,
    timezone: chrono_tz::Tz,
    service: &Service,
    range: TimeRange,
    exclude_booking: Option<Uuid>,
    now: DateTime<Utc>,
) -> StoreResult<Schedule> {
    let host_id = service.provider_id;
    let (from, to) = read_bounds(range);
    let rows = match version.and_then(|v| cache.get(host_id, v, from, to)) {
        Some(rows) => rows,
        None => {
            // A day more than asked for: the end of the last bookable month moves with
            // the clock, and the next requests of the day still find these rows.
            let rows = Arc::new(HostRows::load(
                conn,
                host_id,
                from,
                add(to, TimeDelta::days(1)),
            )?);
            if let Some(version) = version {
                cache.put(host_id, version, Arc::clone(&rows));
            }
            rows
        }
    };
    Ok(rows.schedule(timezone, service, range, exclude_booking, now))
}

/// The provider's schedule version (`None` for a user without one, which is then never
/// cached). It moves with every committed change to what the schedule and the provider's
/// public pages read (triggers of migrations 000720, 000765 and 000766).
pub fn schedule_version(conn: &mut DbConnection, provider_id: Uuid) -> StoreResult<Option<i64>> {
    Ok(schedule_versions::table
        .find(DbId(provider_id))
        .select(schedule_versions::version)
        .first::<i64>(conn)
        .optional()?)
}

#[cfg(test)]
impl HostRows {
    /// Rows between `from` and `to` with only `time_off` in them.
    pub(super) fn with_time_off(
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        time_off: Vec<TimeRange>,
    ) -> HostRows {
        HostRows {
            from,
            to,
            weekly_rules: Vec::new(),
            overrides: Vec::new(),
            time_off,
            held: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::domain::service::ConfirmationMode;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2030, 2, day, hour, 0, 0).unwrap()
    }

    fn service(id: Uuid) -> Service {
        Service {
            id,
            provider_id: Uuid::now_v7(),
            slug: "consult".into(),
            name: "Consultation".into(),
            description: String::new(),
            duration_minutes: 30,
            slot_interval_minutes: 30,
            buffer_before_minutes: 0,
            buffer_after_minutes: 0,
            min_notice_minutes: 0,
            max_days_ahead: 60,
            max_per_day: None,
            price_cents: None,
            currency: None,
            location: String::new(),
            confirmation_mode: ConfirmationMode::Instant,
            hold_minutes: 30,
            cancellation_notice_minutes: 0,
            reminder_minutes_before: None,
            custom_questions: Vec::new(),
            is_active: true,
            display_order: 0,
            created_at: at(1, 0),
            updated_at: at(1, 0),
        }
    }

    fn held(service_id: Uuid, start: DateTime<Utc>, expires: Option<DateTime<Utc>>) -> HeldTime {
        HeldTime {
            booking_id: Uuid::now_v7(),
            service_id,
            start,
            block: TimeRange::new(start, start + TimeDelta::minutes(30)),
            hold_expires_at: expires,
        }
    }

    #[test]
    fn kept_rows_give_what_the_queries_of_the_asked_range_would() {
        let (this, other) = (Uuid::now_v7(), Uuid::now_v7());
        let now = at(1, 0);
        let lapsed = held(this, at(10, 9), Some(at(1, 0)));
        let pending = held(this, at(10, 11), Some(at(1, 1)));
        let confirmed = held(other, at(11, 9), None);
        let moving = held(this, at(12, 9), None);
        let far = held(this, at(25, 9), None);
        let rows = HostRows {
            from: at(1, 0),
            to: at(28, 0),
            weekly_rules: Vec::new(),
            overrides: vec![
                DateOverride::closed(at(6, 0).date_naive()),
                DateOverride::closed(at(20, 0).date_naive()),
            ],
            time_off: vec![
                TimeRange::new(at(9, 0), at(9, 6)),
                TimeRange::new(at(22, 0), at(23, 0)),
            ],
            held: vec![
                lapsed,
                pending.clone(),
                confirmed.clone(),
                moving.clone(),
                far,
            ],
        };
        // Two days around 8–14 February: 6–16 February.
        let range = TimeRange::new(at(8, 0), at(14, 0));
        let schedule = rows.schedule(
            chrono_tz::UTC,
            &service(this),
            range,
            Some(moving.booking_id),
            now,
        );
        assert_eq!(schedule.busy, vec![pending.block, confirmed.block]);
        assert_eq!(schedule.service_booking_starts, vec![pending.start]);
        assert_eq!(schedule.time_off, vec![TimeRange::new(at(9, 0), at(9, 6))]);
        assert_eq!(
            schedule
                .overrides
                .iter()
                .map(|o| o.date)
                .collect::<Vec<_>>(),
            vec![at(6, 0).date_naive()]
        );
        // Once its hold lapses, the pending booking no longer holds the time.
        let later = rows.schedule(chrono_tz::UTC, &service(this), range, None, at(1, 2));
        assert_eq!(later.busy, vec![confirmed.block, moving.block]);
    }
}
