//! Weekly hours, date overrides and time off, and the one loader that gathers everything
//! the slot engine needs for a provider, a service and a range: one query per kind, bounded
//! by the range actually shown (the loader is in `schedule`; pages keep the rows it reads
//! under the provider's schedule version in `cache`).

pub mod cache;
mod schedule;

pub use cache::ScheduleCache;
pub use schedule::*;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::{availability_rules, date_overrides, time_off};
use crate::db::types::{DbId, DbTime, Stored};
use crate::db::{DbConnection, StoreResult};
use crate::domain::availability::{
    weekday_from_number, weekday_number, DateOverride, LocalInterval, TimeRange, WeeklyRule,
};

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
