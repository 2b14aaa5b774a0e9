//! The slot engine: which start times a guest may book. Pure code, no I/O.
//!
//! [`free_slots`] lists the bookable starts in a UTC range; [`is_bookable`] checks one
//! start for the booking claim. Both build the same plan of the time around them and run
//! the same predicate over it, so the list and the claim cannot disagree.
//!
//! # Inputs
//!
//! An [`AvailabilityInput`] borrows everything the database returned for one provider and
//! service: the provider's time zone, weekly rules, date overrides, time off, the buffered
//! ranges `[block_start, block_end)` of every holding booking of the provider (all
//! services), the start instants of the holding bookings of *this* service (for the daily
//! limit), the service's [`ServiceRules`] and `now`. When rescheduling, leave the booking
//! being moved out of both lists.
//!
//! # Semantics
//!
//! All ranges are half-open, `[start, end)`: back-to-back bookings are fine.
//!
//! - **Hours.** For each local date, the hours are that date's override rows if it has any
//!   (they replace the weekly hours; closed rows add nothing, so a date with only a closed
//!   row is closed), otherwise the weekly rules for its weekday whose validity dates
//!   (inclusive, local) include it. Each wall-clock interval is converted to UTC with the
//!   DST policy of [`crate::domain::time`]: a boundary in a spring-forward gap moves to the
//!   first instant after the gap, an ambiguous one takes the earlier instant. Converted
//!   intervals that touch or overlap merge into one stretch of *available time*.
//! - **Grid.** Slot starts step by the slot interval in real (UTC) time from the start of
//!   each hours interval, for starts inside that interval. Overlapping intervals give the
//!   union of their grids.
//! - **Fit.** A slot `[start, start + duration)` is offered when its *buffered range*
//!   `[start - buffer_before, start + duration + buffer_after)` lies inside one stretch of
//!   available time and overlaps no busy range (another booking's buffered range or time
//!   off). Buffers therefore need open hours too: with a 10-minute buffer before, the
//!   first slot of a day opening at 09:00 cannot start at 09:00.
//! - **Notice and window.** A slot is offered when `now + min_notice <= start` and
//!   `start < now + max_days_ahead × 24 h` (so `max_days_ahead = 0` offers nothing). Slots
//!   starting before `now` never appear.
//! - **Daily limit.** With `max_per_day = Some(n)`, a local date (provider's zone) on
//!   which `n` or more holding bookings of this service start offers no slots. A slot's
//!   date is the provider's local date of its start.
//! - **Durations** are real: a 60-minute slot is 3,600 seconds even across a DST change.
//! - Inputs are used to the second; fractions of a second only ever shrink available time
//!   and widen busy time.
//!
//! # Cost
//!
//! One call builds the available intervals for each local date of the range (plus a day
//! of margin each side), sorts and merges them, merges the busy ranges once (sorting them
//! first only when they do not arrive sorted: [`merged_busy`] prepares them), then
//! sweeps the candidate starts in order with moving indices: time-zone conversions happen
//! per interval boundary, never per slot.

mod hours;
mod plan;
#[cfg(test)]
mod proptests;
pub mod team;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use chrono_tz::Tz;

pub use self::hours::{
    parse_wall_clock, validate_day_intervals, weekday_from_number, weekday_number, DateOverride,
    IntervalError, LocalInterval, WeeklyRule, END_OF_DAY,
};
pub use crate::domain::time::TimeRange;

use self::plan::Plan;
use crate::domain::time::{add, local_date};

/// The booking settings of one service, in minutes and days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ServiceRules {
    /// Length of an appointment. Zero is read as one minute.
    pub duration_minutes: u32,
    /// Distance between offered starts. Zero is read as "same as the duration".
    pub slot_interval_minutes: u32,
    pub buffer_before_minutes: u32,
    pub buffer_after_minutes: u32,
    /// The earliest bookable start is `now` plus this.
    pub min_notice_minutes: u32,
    /// Starts must be earlier than `now` plus this many 24-hour days.
    pub max_days_ahead: u32,
    /// At most this many holding bookings of the service per local date.
    pub max_per_day: Option<u32>,
}

impl ServiceRules {
    /// A service of `duration_minutes` with starts every `duration_minutes`, no buffers,
    /// no notice, bookable 60 days ahead, without a daily limit.
    pub fn new(duration_minutes: u32) -> Self {
        Self {
            duration_minutes,
            slot_interval_minutes: duration_minutes,
            buffer_before_minutes: 0,
            buffer_after_minutes: 0,
            min_notice_minutes: 0,
            max_days_ahead: 60,
            max_per_day: None,
        }
    }

    pub(crate) fn duration_seconds(&self) -> i64 {
        i64::from(self.duration_minutes.max(1)) * 60
    }

    pub(crate) fn step_seconds(&self) -> i64 {
        match self.slot_interval_minutes {
            0 => self.duration_seconds(),
            minutes => i64::from(minutes) * 60,
        }
    }

    /// The appointment itself: `[start, start + duration)`.
    pub fn slot_range(&self, start: DateTime<Utc>) -> TimeRange {
        TimeRange::new(
            start,
            add(start, TimeDelta::seconds(self.duration_seconds())),
        )
    }

    /// The range a booking at `start` holds, buffers included: what the database guard
    /// stores as `[block_start_at, block_end_at)`.
    pub fn blocked_range(&self, start: DateTime<Utc>) -> TimeRange {
        let before = TimeDelta::minutes(i64::from(self.buffer_before_minutes));
        let after = TimeDelta::minutes(i64::from(self.buffer_after_minutes));
        let slot = self.slot_range(start);
        TimeRange::new(add(slot.start, -before), add(slot.end, after))
    }
}

/// Everything the engine needs about one provider and one service, borrowed from what
/// the database returned. See the module docs for the meaning of each part.
#[derive(Debug, Clone, Copy)]
pub struct AvailabilityInput<'a> {
    /// The provider's zone: weekly hours, overrides and the daily limit are read in it.
    pub timezone: Tz,
    pub weekly_rules: &'a [WeeklyRule],
    pub overrides: &'a [DateOverride],
    /// Blocked UTC ranges, in any order; sorted by start (see [`merged_busy`]) is
    /// cheapest.
    pub time_off: &'a [TimeRange],
    /// `[block_start, block_end)` of every holding booking of the provider, in any order.
    pub busy: &'a [TimeRange],
    /// Start instants of the holding bookings of this service (for `max_per_day`).
    pub service_booking_starts: &'a [DateTime<Utc>],
    pub service: ServiceRules,
    pub now: DateTime<Utc>,
}

/// Why a start time cannot be booked, worded for the guest who tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("That time has already passed. Please choose another time.")]
    InPast,
    #[error(
        "This service must be booked at least {} in advance. Please choose a later time.",
        HumanMinutes(*min_notice_minutes)
    )]
    InsideNotice { min_notice_minutes: u32 },
    #[error(
        "This service can be booked at most {} ahead. Please choose an earlier date.",
        HumanDays(*max_days_ahead)
    )]
    BeyondWindow { max_days_ahead: u32 },
    #[error("That time is outside the available hours. Please choose one of the times shown.")]
    OutsideHours,
    #[error("That is not one of the offered start times. Please choose one of the times shown.")]
    OffGrid,
    #[error("That day is fully booked for this service. Please choose another day.")]
    DailyLimitReached { max_per_day: u32 },
    #[error("That time is no longer available. Please choose another time.")]
    Unavailable,
}

/// Free slot starts in `range` (`range.start <= start < range.end`), sorted and unique.
/// Each slot lasts `[start, start + duration)`.
pub fn free_slots(input: &AvailabilityInput<'_>, range: TimeRange) -> Vec<DateTime<Utc>> {
    Plan::build(input, range).slots()
}

/// Whether a guest may book `start` now: `Ok` exactly when [`free_slots`] over any range
/// containing `start` lists it; otherwise the first reason in this order: in the past,
/// inside the notice, beyond the window, outside hours, off the grid, daily limit
/// reached, taken or blocked.
pub fn is_bookable(input: &AvailabilityInput<'_>, start: DateTime<Utc>) -> Result<(), Refusal> {
    let around = TimeRange::new(start, add(start, TimeDelta::seconds(1)));
    Plan::build(input, around).check(start)
}

/// `ranges` in the form the engine reads fastest: sorted by start, with ranges that
/// overlap or touch joined into one and empty ones dropped. It covers exactly the
/// instants `ranges` cover, so [`free_slots`] and [`is_bookable`] answer the same for
/// either. The engine takes busy time in any order; loaders call this once on what they
/// read (time off and calendar blocks, which may overlap each other), so every listing
/// that reuses the rows skips the sort and sees fewer ranges.
pub fn merged_busy(mut ranges: Vec<TimeRange>) -> Vec<TimeRange> {
    ranges.retain(|range| !range.is_empty());
    // A stable sort finds the sorted runs a loader's ordered queries give and merges
    // them in linear time.
    ranges.sort_by_key(|range| range.start);
    ranges.dedup_by(|next, current| {
        let joined = next.start <= current.end;
        if joined {
            current.end = current.end.max(next.end);
        }
        joined
    });
    ranges
}

/// The first instant after `now` at which the clock alone could change a listing of free
/// `slots` (sorted, as [`free_slots`] gives them), at most `longest` away: the first slot
/// entering the `min_notice_minutes` window (it is no longer offered), or `next_lapse`, a
/// hold lapsing (its time is offered again). What else moves with the clock (the window's
/// far end, the local date) is what `longest` allows to show late.
pub fn listing_unchanged_until(
    slots: &[DateTime<Utc>],
    min_notice_minutes: u32,
    next_lapse: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    longest: TimeDelta,
) -> DateTime<Utc> {
    let notice = TimeDelta::minutes(i64::from(min_notice_minutes));
    let first_leaves = slots.first().map(|&first| add(first, -notice));
    [first_leaves, next_lapse]
        .into_iter()
        .flatten()
        .fold(add(now, longest), DateTime::min)
}

/// Groups slot starts by their local date in `tz` (usually the guest's zone). Every slot
/// lands in exactly one group; each group keeps the input order.
pub fn group_by_local_date(
    slots: &[DateTime<Utc>],
    tz: Tz,
) -> BTreeMap<NaiveDate, Vec<DateTime<Utc>>> {
    let mut groups: BTreeMap<NaiveDate, Vec<DateTime<Utc>>> = BTreeMap::new();
    for &slot in slots {
        groups.entry(local_date(slot, tz)).or_default().push(slot);
    }
    groups
}

/// "45 minutes", "2 hours", "1 day".
pub struct HumanMinutes(pub u32);

impl std::fmt::Display for HumanMinutes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let minutes = self.0;
        let (count, unit) = if minutes >= 1440 && minutes % 1440 == 0 {
            (minutes / 1440, "day")
        } else if minutes >= 60 && minutes % 60 == 0 {
            (minutes / 60, "hour")
        } else {
            (minutes, "minute")
        };
        let plural = if count == 1 { "" } else { "s" };
        write!(f, "{count} {unit}{plural}")
    }
}

struct HumanDays(u32);

impl std::fmt::Display for HumanDays {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = if self.0 == 1 { "" } else { "s" };
        write!(f, "{} day{plural}", self.0)
    }
}
