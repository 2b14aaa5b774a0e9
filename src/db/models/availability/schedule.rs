//! The one loader that gathers everything the slot engine needs for a host, a service and
//! a range, for listing and for the claim's re-check alike.

use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;
use diesel::sql_types::Bool;
use uuid::Uuid;

use super::{
    readable, stored_range, OverrideRow, RuleRow, StoredOverride, StoredRule, OVERRIDE_COLUMNS,
    RULE_COLUMNS,
};
use crate::db::models::calendars;
use crate::db::models::services::Service;
use crate::db::schema::{availability_rules, booking_hosts, date_overrides, time_off};
use crate::db::types::{DbId, DbTime, Instant, Stored};
use crate::db::{DbConnection, MultiBackend, StoreResult};
use crate::domain::availability::{
    AvailabilityInput, DateOverride, ServiceRules, TimeRange, WeeklyRule,
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
/// unreadable), whether it is of the service shown (compared in SQL: one UUID less to read
/// per booking of the month), its start and its buffered range.
type StoredBusy = (
    Uuid,
    bool,
    Stored<DateTime<Utc>>,
    Stored<DateTime<Utc>>,
    Stored<DateTime<Utc>>,
);

/// Loads what the engine needs to list or check slots in `range`: one query per kind,
/// bounded by the range widened by two days (the engine looks a day past each end, and
/// buffers reach at most 12 hours). `exclude_booking` leaves out a booking being moved.
/// A pending booking whose hold lapsed before `now` is not busy: an expired hold never
/// blocks a guest (the claim expires it and tells its guest).
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
    let provider = DbId(host_id);
    let from = add(range.start, -TimeDelta::days(2));
    let to = add(range.end, TimeDelta::days(2));
    let (first_date, last_date) = (from.date_naive(), to.date_naive());
    let block_end_bound = add(to, TimeDelta::minutes(MAX_BLOCK_MINUTES));

    // Rows are read leniently: one that cannot be read is skipped and logged, so a bad
    // stored value cannot make every page of the provider fail.
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
        .select((time_off::id, time_off::start_at, time_off::end_at))
        .load::<(Uuid, Stored<DateTime<Utc>>, Stored<DateTime<Utc>>)>(conn)?
        .into_iter()
        .filter_map(|(id, start, end)| readable("time off", id, stored_range(start, end)))
        .collect();
    // Busy times from the host's other calendars count exactly like time off.
    time_off.extend(calendars::busy_between(conn, host_id, from, to)?);
    let mut busy_query = booking_hosts::table
        .filter(booking_hosts::host_id.eq(provider))
        .filter(booking_hosts::holds.eq(true))
        // Set only while pending: a lapsed hold is not busy.
        .filter(
            booking_hosts::hold_expires_at
                .is_null()
                .or(booking_hosts::hold_expires_at.gt(DbTime(now))),
        )
        .filter(booking_hosts::block_start_at.lt(DbTime(to)))
        .filter(booking_hosts::block_end_at.gt(DbTime(from)))
        // Implied by the line above (no block is longer than `MAX_BLOCK_MINUTES`), but it
        // bounds the index range on both sides, so bookings after the range are not read.
        .filter(booking_hosts::block_end_at.lt(DbTime(block_end_bound)))
        .select((
            booking_hosts::booking_id,
            booking_hosts::service_id.eq(DbId(service.id)),
            booking_hosts::start_at,
            booking_hosts::block_start_at,
            booking_hosts::block_end_at,
        ))
        .into_boxed();
    if let Some(id) = exclude_booking {
        busy_query = busy_query.filter(booking_hosts::booking_id.ne(DbId(id)));
    }
    if let DbConnection::Pg(_) = conn {
        busy_query = busy_query.filter(pg_blocks_overlap(from, to));
    }
    let holding: Vec<(bool, DateTime<Utc>, TimeRange)> = busy_query
        .load::<StoredBusy>(conn)?
        .into_iter()
        .filter_map(|(id, this_service, start, block_start, block_end)| {
            let read = start
                .0
                .and_then(|start| Ok((this_service, start, stored_range(block_start, block_end)?)));
            readable("booking", id, read)
        })
        .collect();
    let service_booking_starts = holding
        .iter()
        .filter(|(this_service, ..)| *this_service)
        .map(|(_, start, _)| *start)
        .collect();
    let busy = holding.iter().map(|(_, _, block)| *block).collect();
    Ok(Schedule {
        timezone,
        weekly_rules,
        overrides,
        time_off,
        busy,
        service_booking_starts,
        service: service_rules(service),
    })
}
