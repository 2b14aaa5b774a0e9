//! Weekly hours, date overrides and time off, and the one loader that gathers everything
//! the slot engine needs for a provider, a service and a range: one query per kind, bounded
//! by the range actually shown.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};
use diesel::prelude::*;
use diesel::sql_types::Bool;
use uuid::Uuid;

use crate::db::models::services::Service;
use crate::db::schema::{availability_rules, booking_hosts, date_overrides, time_off};
use crate::db::types::{DbId, DbTime, Instant, Stored};
use crate::db::{DbConnection, MultiBackend, StoreResult};
use crate::domain::availability::{
    weekday_from_number, weekday_number, AvailabilityInput, DateOverride, LocalInterval,
    ServiceRules, TimeRange, WeeklyRule,
};
use crate::domain::service::MAX_BLOCK_MINUTES;
use crate::domain::time::add;

/// A weekly-hours row as stored (read leniently: see [`readable`]).
#[derive(Debug, Clone)]
pub struct RuleRow {
    pub id: Uuid,
    pub day_of_week: i32,
    pub start_time: NaiveTime,
    pub end_time: NaiveTime,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
}

impl RuleRow {
    pub fn to_rule(&self) -> Option<WeeklyRule> {
        Some(WeeklyRule {
            day_of_week: weekday_from_number(self.day_of_week)?,
            interval: LocalInterval::new(self.start_time, self.end_time),
            valid_from: self.valid_from,
            valid_until: self.valid_until,
        })
    }

    fn from_stored(row: StoredRule) -> Result<RuleRow, String> {
        let (id, day_of_week, start, end, from, until) = row;
        let optional = |date: Option<Stored<NaiveDate>>| date.map(|d| d.0).transpose();
        if weekday_from_number(day_of_week).is_none() {
            return Err(format!("day of week {day_of_week}"));
        }
        Ok(RuleRow {
            id,
            day_of_week,
            start_time: start.0?,
            end_time: read_end(end.0?),
            valid_from: optional(from)?,
            valid_until: optional(until)?,
        })
    }
}

/// A date-override row as stored (read leniently: see [`readable`]).
#[derive(Debug, Clone)]
pub struct OverrideRow {
    pub id: Uuid,
    pub date: NaiveDate,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
}

impl OverrideRow {
    pub fn to_override(&self) -> DateOverride {
        match (self.start_time, self.end_time) {
            (Some(start), Some(end)) => DateOverride::open(self.date, start, end),
            _ => DateOverride::closed(self.date),
        }
    }

    fn from_stored(row: StoredOverride) -> Result<OverrideRow, String> {
        let (id, date, start, end) = row;
        Ok(OverrideRow {
            id,
            date: date.0?,
            start_time: start.map(|s| s.0).transpose()?,
            end_time: end.map(|e| e.0.map(read_end)).transpose()?,
        })
    }
}

/// How an interval ending at 24:00 is stored: one second before midnight. The tables check
/// `end_time > start_time`, and neither chrono nor SQLite's text times hold 24:00, so the
/// last second of the day stands for its end (the domain's 00:00 end, see [`LocalInterval`]).
/// Changing the CHECK instead would mean rebuilding both tables on SQLite.
// Evaluated at compile time: it cannot fail at run time.
const STORED_END_OF_DAY: NaiveTime = NaiveTime::from_hms_opt(23, 59, 59).expect("a valid time");

fn stored_end(interval: &LocalInterval) -> NaiveTime {
    if interval.ends_at_midnight() {
        STORED_END_OF_DAY
    } else {
        interval.end
    }
}

fn read_end(stored: NaiveTime) -> NaiveTime {
    if stored == STORED_END_OF_DAY {
        NaiveTime::MIN
    } else {
        stored
    }
}

type StoredRule = (
    Uuid,
    i32,
    Stored<NaiveTime>,
    Stored<NaiveTime>,
    Option<Stored<NaiveDate>>,
    Option<Stored<NaiveDate>>,
);
type StoredOverride = (
    Uuid,
    Stored<NaiveDate>,
    Option<Stored<NaiveTime>>,
    Option<Stored<NaiveTime>>,
);

const RULE_COLUMNS: (
    availability_rules::id,
    availability_rules::day_of_week,
    availability_rules::start_time,
    availability_rules::end_time,
    availability_rules::valid_from,
    availability_rules::valid_until,
) = (
    availability_rules::id,
    availability_rules::day_of_week,
    availability_rules::start_time,
    availability_rules::end_time,
    availability_rules::valid_from,
    availability_rules::valid_until,
);

const OVERRIDE_COLUMNS: (
    date_overrides::id,
    date_overrides::date,
    date_overrides::start_time,
    date_overrides::end_time,
) = (
    date_overrides::id,
    date_overrides::date,
    date_overrides::start_time,
    date_overrides::end_time,
);

/// The value of a row that could be read; a row that could not is logged and skipped, so
/// one bad stored value cannot make every page of a provider fail.
fn readable<T>(kind: &str, id: Uuid, value: Result<T, String>) -> Option<T> {
    value
        .map_err(
            |error| tracing::error!(row.kind = kind, row.id = %id, %error, "unreadable row skipped"),
        )
        .ok()
}

/// One time-off entry for the provider's page: its range, or why the stored range could
/// not be read (the page still lists it, so it can be removed).
#[derive(Debug, Clone)]
pub struct TimeOffEntry {
    pub id: Uuid,
    pub range: Result<TimeRange, String>,
    pub reason: String,
}

/// Both ends of a stored range, or the first reason one of them could not be read.
fn stored_range(
    start: Stored<DateTime<Utc>>,
    end: Stored<DateTime<Utc>>,
) -> Result<TimeRange, String> {
    Ok(TimeRange::new(start.0?, end.0?))
}

// ---- weekly hours ----

/// The provider's weekly hours by day and start; unreadable rows are logged and skipped.
pub fn rules(conn: &mut DbConnection, provider_id: Uuid) -> StoreResult<Vec<RuleRow>> {
    Ok(availability_rules::table
        .filter(availability_rules::provider_id.eq(DbId(provider_id)))
        .order((
            availability_rules::day_of_week.asc(),
            availability_rules::start_time.asc(),
        ))
        .select(RULE_COLUMNS)
        .load::<StoredRule>(conn)?
        .into_iter()
        .filter_map(|row| readable("availability rule", row.0, RuleRow::from_stored(row)))
        .collect())
}

#[derive(Insertable)]
#[diesel(table_name = availability_rules, treat_none_as_default_value = false)]
struct NewRuleRow {
    id: DbId,
    provider_id: DbId,
    day_of_week: i32,
    start_time: NaiveTime,
    end_time: NaiveTime,
    valid_from: Option<NaiveDate>,
    valid_until: Option<NaiveDate>,
    created_at: DbTime,
}

pub fn insert_rule(
    conn: &mut DbConnection,
    provider_id: Uuid,
    rule: &WeeklyRule,
    now: DateTime<Utc>,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    diesel::insert_into(availability_rules::table)
        .values(NewRuleRow {
            id: DbId(id),
            provider_id: DbId(provider_id),
            day_of_week: weekday_number(rule.day_of_week),
            start_time: rule.interval.start,
            end_time: stored_end(&rule.interval),
            valid_from: rule.valid_from,
            valid_until: rule.valid_until,
            created_at: DbTime(now),
        })
        .execute(conn)?;
    Ok(id)
}

/// Deletes one of this provider's rules; false when it is not theirs or gone.
pub fn delete_rule(conn: &mut DbConnection, provider_id: Uuid, rule_id: Uuid) -> StoreResult<bool> {
    let deleted = diesel::delete(
        availability_rules::table
            .filter(availability_rules::id.eq(DbId(rule_id)))
            .filter(availability_rules::provider_id.eq(DbId(provider_id))),
    )
    .execute(conn)?;
    Ok(deleted == 1)
}

pub fn delete_rules_on_day(
    conn: &mut DbConnection,
    provider_id: Uuid,
    day_of_week: i32,
) -> StoreResult<usize> {
    Ok(diesel::delete(
        availability_rules::table
            .filter(availability_rules::provider_id.eq(DbId(provider_id)))
            .filter(availability_rules::day_of_week.eq(day_of_week)),
    )
    .execute(conn)?)
}

// ---- date overrides ----

/// Override rows of dates on or after `from`, by date; unreadable rows are logged and
/// skipped.
pub fn overrides_from(
    conn: &mut DbConnection,
    provider_id: Uuid,
    from: NaiveDate,
) -> StoreResult<Vec<OverrideRow>> {
    Ok(date_overrides::table
        .filter(date_overrides::provider_id.eq(DbId(provider_id)))
        .filter(date_overrides::date.ge(from))
        .order((date_overrides::date.asc(), date_overrides::start_time.asc()))
        .select(OVERRIDE_COLUMNS)
        .load::<StoredOverride>(conn)?
        .into_iter()
        .filter_map(|row| readable("date override", row.0, OverrideRow::from_stored(row)))
        .collect())
}

#[derive(Insertable)]
#[diesel(table_name = date_overrides, treat_none_as_default_value = false)]
struct NewOverrideRow {
    id: DbId,
    provider_id: DbId,
    date: NaiveDate,
    start_time: Option<NaiveTime>,
    end_time: Option<NaiveTime>,
    created_at: DbTime,
}

/// Replaces the override of one date: `intervals` empty means closed all day.
pub fn replace_override(
    conn: &mut DbConnection,
    provider_id: Uuid,
    date: NaiveDate,
    intervals: &[LocalInterval],
    now: DateTime<Utc>,
) -> StoreResult<()> {
    delete_override(conn, provider_id, date)?;
    let rows: Vec<NewOverrideRow> = if intervals.is_empty() {
        vec![NewOverrideRow {
            id: DbId(Uuid::now_v7()),
            provider_id: DbId(provider_id),
            date,
            start_time: None,
            end_time: None,
            created_at: DbTime(now),
        }]
    } else {
        intervals
            .iter()
            .map(|interval| NewOverrideRow {
                id: DbId(Uuid::now_v7()),
                provider_id: DbId(provider_id),
                date,
                start_time: Some(interval.start),
                end_time: Some(stored_end(interval)),
                created_at: DbTime(now),
            })
            .collect()
    };
    for row in rows {
        diesel::insert_into(date_overrides::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

pub fn delete_override(
    conn: &mut DbConnection,
    provider_id: Uuid,
    date: NaiveDate,
) -> StoreResult<usize> {
    Ok(diesel::delete(
        date_overrides::table
            .filter(date_overrides::provider_id.eq(DbId(provider_id)))
            .filter(date_overrides::date.eq(date)),
    )
    .execute(conn)?)
}

// ---- time off ----

/// Time off that has not ended yet, soonest first. A row whose range cannot be read is
/// logged and listed with its error (after the readable ones) instead of failing the page.
pub fn upcoming_time_off(
    conn: &mut DbConnection,
    provider_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<Vec<TimeOffEntry>> {
    let rows = time_off::table
        .filter(time_off::provider_id.eq(DbId(provider_id)))
        .filter(time_off::end_at.gt(DbTime(now)))
        .order(time_off::start_at.asc())
        .select((
            time_off::id,
            time_off::start_at,
            time_off::end_at,
            time_off::reason,
        ))
        .load::<(Uuid, Stored<DateTime<Utc>>, Stored<DateTime<Utc>>, String)>(conn)?;
    let mut entries: Vec<TimeOffEntry> = rows
        .into_iter()
        .map(|(id, start, end, reason)| {
            let range = stored_range(start, end);
            if let Err(error) = &range {
                tracing::error!(time_off.id = %id, %error, "unreadable time-off row listed for removal");
            }
            TimeOffEntry { id, range, reason }
        })
        .collect();
    entries.sort_by_key(|entry| entry.range.is_err());
    Ok(entries)
}

#[derive(Insertable)]
#[diesel(table_name = time_off)]
struct NewTimeOffRow<'a> {
    id: DbId,
    provider_id: DbId,
    start_at: DbTime,
    end_at: DbTime,
    reason: &'a str,
    created_at: DbTime,
}

pub fn insert_time_off(
    conn: &mut DbConnection,
    provider_id: Uuid,
    range: TimeRange,
    reason: &str,
    now: DateTime<Utc>,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    diesel::insert_into(time_off::table)
        .values(NewTimeOffRow {
            id: DbId(id),
            provider_id: DbId(provider_id),
            start_at: DbTime(range.start),
            end_at: DbTime(range.end),
            reason,
            created_at: DbTime(now),
        })
        .execute(conn)?;
    Ok(id)
}

pub fn delete_time_off(conn: &mut DbConnection, provider_id: Uuid, id: Uuid) -> StoreResult<bool> {
    let deleted = diesel::delete(
        time_off::table
            .filter(time_off::id.eq(DbId(id)))
            .filter(time_off::provider_id.eq(DbId(provider_id))),
    )
    .execute(conn)?;
    Ok(deleted == 1)
}

// ---- everything the engine needs ----

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
    time_off.extend(super::calendars::busy_between(conn, host_id, from, to)?);
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
