//! The sweep behind [`free_slots`](super::free_slots) and
//! [`is_bookable`](super::is_bookable): hours, busy time and local-day boundaries for one
//! query, as sorted whole-second spans, and the one predicate a start must pass.

use chrono::{DateTime, Days, NaiveDate, Utc};
use chrono_tz::Tz;

use super::{AvailabilityInput, LocalInterval, Refusal, TimeRange};
use crate::domain::time::{local_date, start_of_local_day};

const DAY: i64 = 86_400;

/// Instants outside these bounds (years 1000 and 9000) are clamped, which keeps every
/// conversion inside chrono's range; nobody books there.
const MIN_SECONDS: i64 = -30_610_224_000;
const MAX_SECONDS: i64 = 221_845_392_000;

/// `[start, end)` in Unix seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: i64,
    end: i64,
}

/// Positions the sweep has reached; starts checked in increasing order move them
/// forward only.
#[derive(Debug, Default)]
struct Cursor {
    open: usize,
    day: usize,
    busy: usize,
}

#[derive(Debug)]
pub(super) struct Plan {
    /// Starts considered: `[first_start, end_start)`, the query range cut by notice and
    /// window.
    first_start: i64,
    end_start: i64,
    now: i64,
    notice_from: i64,
    window_end: i64,
    duration: i64,
    step: i64,
    before: i64,
    after: i64,
    min_notice_minutes: u32,
    max_days_ahead: u32,
    max_per_day: u32,
    /// Hours intervals in UTC, sorted by start; the grid steps from each start.
    intervals: Vec<Span>,
    /// The same, merged where they touch or overlap: stretches of available time.
    open: Vec<Span>,
    /// Bookings' buffered ranges and time off, merged.
    busy: Vec<Span>,
    /// `day_starts[i]` is the first instant of the i-th local date of the plan; there is
    /// one more entry than in `day_full`, closing the last date.
    day_starts: Vec<i64>,
    day_full: Vec<bool>,
}

impl Plan {
    pub(super) fn build(input: &AvailabilityInput<'_>, range: TimeRange) -> Plan {
        let rules = &input.service;
        let now = ceil_seconds(input.now);
        let notice_from = now + i64::from(rules.min_notice_minutes) * 60;
        let window_end = now + i64::from(rules.max_days_ahead) * DAY;
        let mut plan = Plan {
            first_start: ceil_seconds(range.start).max(notice_from),
            end_start: ceil_seconds(range.end).min(window_end),
            now,
            notice_from,
            window_end,
            duration: rules.duration_seconds(),
            step: rules.step_seconds(),
            before: i64::from(rules.buffer_before_minutes) * 60,
            after: i64::from(rules.buffer_after_minutes) * 60,
            min_notice_minutes: rules.min_notice_minutes,
            max_days_ahead: rules.max_days_ahead,
            max_per_day: rules.max_per_day.unwrap_or(u32::MAX),
            intervals: Vec::new(),
            open: Vec::new(),
            busy: Vec::new(),
            day_starts: Vec::new(),
            day_full: Vec::new(),
        };
        if plan.first_start >= plan.end_start {
            return plan;
        }
        // Every buffered range of a considered start lies in [reach_from, reach_to).
        let reach_from = plan.first_start - plan.before;
        let reach_to = plan.end_start + plan.duration + plan.after;
        plan.add_days(input, reach_from, reach_to);
        plan.add_busy(input, reach_from, reach_to);
        if let Some(limit) = rules.max_per_day {
            plan.mark_full_days(input.service_booking_starts, limit);
        }
        plan
    }

    /// Hours and day boundaries for each local date that can touch `[from, to)`, with a
    /// day of margin each side (a boundary moved by a gap can leave its date).
    fn add_days(&mut self, input: &AvailabilityInput<'_>, from: i64, to: i64) {
        let tz = input.timezone;
        let first = local_date(from_seconds(from), tz);
        let first = first.checked_sub_days(Days::new(1)).unwrap_or(first);
        let last = local_date(from_seconds(to), tz);
        let last = last.checked_add_days(Days::new(1)).unwrap_or(last);
        let mut overrides: Vec<_> = input
            .overrides
            .iter()
            .filter(|row| first <= row.date && row.date <= last)
            .collect();
        overrides.sort_unstable_by_key(|row| row.date);
        let mut overrides = overrides.as_slice();

        let days = usize::try_from((last - first).num_days()).unwrap_or(0) + 1;
        self.day_starts.reserve(days + 1);
        let mut date = first;
        loop {
            self.day_starts
                .push(ceil_seconds(start_of_local_day(date, tz)));
            // The start of the day after `last` closes the last day.
            if date > last {
                break;
            }
            while overrides.first().is_some_and(|row| row.date < date) {
                overrides = &overrides[1..];
            }
            let todays = overrides.partition_point(|row| row.date == date);
            if todays > 0 {
                for row in &overrides[..todays] {
                    if let Some(interval) = row.interval {
                        self.add_interval(date, interval, tz);
                    }
                }
            } else {
                for rule in input.weekly_rules {
                    if rule.applies_on(date) {
                        self.add_interval(date, rule.interval, tz);
                    }
                }
            }
            match date.succ_opt() {
                Some(next) => date = next,
                None => break,
            }
        }
        self.day_full = vec![false; self.day_starts.len().saturating_sub(1)];

        self.intervals.sort_unstable_by_key(|span| span.start);
        self.open = self.intervals.clone();
        merge(&mut self.open, |next, current| next.start <= current.end);
    }

    fn add_interval(&mut self, date: NaiveDate, interval: LocalInterval, tz: Tz) {
        if interval.is_empty() {
            return;
        }
        let range = interval.on_date(date, tz);
        let start = ceil_seconds(range.start);
        let end = floor_seconds(range.end);
        // An interval inside a spring-forward gap has no time at all.
        if start < end {
            self.intervals.push(Span { start, end });
        }
    }

    fn add_busy(&mut self, input: &AvailabilityInput<'_>, from: i64, to: i64) {
        let bookings = sorted_spans(input.busy, from, to);
        let time_off = sorted_spans(input.time_off, from, to);
        self.busy = union(&bookings, &time_off);
    }

    fn mark_full_days(&mut self, starts: &[DateTime<Utc>], limit: u32) {
        let mut counts = vec![0_u32; self.day_full.len()];
        let mut hint = 0;
        for &start in starts {
            let second = floor_seconds(start);
            hint = seek(&self.day_starts, hint, |&boundary| boundary <= second);
            if let Some(count) = hint.checked_sub(1).and_then(|day| counts.get_mut(day)) {
                *count += 1;
            }
        }
        for (full, count) in self.day_full.iter_mut().zip(counts) {
            *full = count >= limit;
        }
    }

    /// The free starts of the plan's range, sorted and unique.
    pub(super) fn slots(&self) -> Vec<DateTime<Utc>> {
        let mut starts = Vec::new();
        for interval in &self.intervals {
            let end = interval.end.min(self.end_start);
            let mut start = interval.start;
            if start < self.first_start {
                let steps = (self.first_start - start + self.step - 1) / self.step;
                start += steps * self.step;
            }
            while start < end {
                starts.push(start);
                start += self.step;
            }
        }
        // Sorted already unless intervals overlap; equal starts come from touching ones.
        if !starts.is_sorted() {
            starts.sort_unstable();
        }
        starts.dedup();
        let mut cursor = Cursor::default();
        starts
            .into_iter()
            .filter(|&start| self.fit(start, true, &mut cursor).is_ok())
            .filter_map(|start| DateTime::from_timestamp(start, 0))
            .collect()
    }

    /// The claim's check of one start, with the listing's predicate.
    pub(super) fn check(&self, start: DateTime<Utc>) -> Result<(), Refusal> {
        // Offered starts are whole seconds.
        if start.timestamp_subsec_nanos() != 0 {
            return Err(Refusal::OffGrid);
        }
        let second = start.timestamp();
        self.fit(second, self.on_grid(second), &mut Cursor::default())
    }

    /// Whether `start` is a step of the grid of an interval that contains it.
    fn on_grid(&self, start: i64) -> bool {
        let candidates = self.intervals.partition_point(|span| span.start <= start);
        // An interval spans at most a day and a DST hour, so older ones cannot contain it.
        self.intervals[..candidates]
            .iter()
            .rev()
            .take_while(|span| span.start > start - 2 * DAY)
            .any(|span| start < span.end && (start - span.start) % self.step == 0)
    }

    /// The one predicate: may a slot start at `start` (whole seconds), given whether it is
    /// on the grid? Starts checked in increasing order reuse `cursor`.
    fn fit(&self, start: i64, on_grid: bool, cursor: &mut Cursor) -> Result<(), Refusal> {
        if start < self.now {
            return Err(Refusal::InPast);
        }
        if start < self.notice_from {
            return Err(Refusal::InsideNotice {
                min_notice_minutes: self.min_notice_minutes,
            });
        }
        if start >= self.window_end {
            return Err(Refusal::BeyondWindow {
                max_days_ahead: self.max_days_ahead,
            });
        }
        let (from, to) = (start - self.before, start + self.duration + self.after);
        // Stretches are disjoint and sorted, so only the first one reaching `to` can hold
        // the buffered range.
        cursor.open = seek(&self.open, cursor.open, |span| span.end < to);
        let stretch = self.open.get(cursor.open);
        if stretch.is_none_or(|span| span.start > from) {
            return Err(Refusal::OutsideHours);
        }
        if !on_grid {
            return Err(Refusal::OffGrid);
        }
        cursor.day = seek(&self.day_starts, cursor.day, |&boundary| boundary <= start);
        let day = cursor.day.checked_sub(1);
        if day.and_then(|day| self.day_full.get(day)) == Some(&true) {
            return Err(Refusal::DailyLimitReached {
                max_per_day: self.max_per_day,
            });
        }
        cursor.busy = seek(&self.busy, cursor.busy, |span| span.end <= from);
        if self
            .busy
            .get(cursor.busy)
            .is_some_and(|span| span.start < to)
        {
            return Err(Refusal::Unavailable);
        }
        Ok(())
    }
}

/// The non-empty `ranges` that reach into `[from, to)`, as spans sorted by start.
/// Bookings usually arrive sorted (the query orders them), which skips the sort.
fn sorted_spans(ranges: &[TimeRange], from: i64, to: i64) -> Vec<Span> {
    let mut spans = Vec::with_capacity(ranges.len());
    spans.extend(
        ranges
            .iter()
            .map(|range| Span {
                start: floor_seconds(range.start),
                end: ceil_seconds(range.end),
            })
            .filter(|span| span.start < span.end && span.start < to && from < span.end),
    );
    if !spans.is_sorted_by_key(|span| span.start) {
        spans.sort_unstable_by_key(|span| span.start);
    }
    spans
}

/// The union of two span lists sorted by start, with overlapping spans merged (touching
/// ones may stay apart: only overlap matters for busy time).
fn union(first: &[Span], second: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(first.len() + second.len());
    let (mut i, mut j) = (0, 0);
    loop {
        let next = match (first.get(i), second.get(j)) {
            (Some(a), Some(b)) if a.start <= b.start => {
                i += 1;
                *a
            }
            (_, Some(b)) => {
                j += 1;
                *b
            }
            (Some(a), None) => {
                i += 1;
                *a
            }
            (None, None) => break,
        };
        match out.last_mut() {
            Some(current) if next.start < current.end => current.end = current.end.max(next.end),
            _ => out.push(next),
        }
    }
    out
}

/// Merges each run of sorted spans where `joins(next, current)` holds into one span.
fn merge(spans: &mut Vec<Span>, joins: impl Fn(&Span, &Span) -> bool) {
    spans.dedup_by(|next, current| {
        let joined = joins(next, current);
        if joined {
            current.end = current.end.max(next.end);
        }
        joined
    });
}

/// The number of leading `items` for which `before` holds (`items` must be partitioned
/// by it), searched forward from `hint`. Queries that only move forward cost amortised
/// O(1); a query behind the hint, or far ahead of it, falls back to binary search.
fn seek<T>(items: &[T], hint: usize, before: impl Fn(&T) -> bool) -> usize {
    let mut index = hint.min(items.len());
    if index > 0 && !before(&items[index - 1]) {
        return items.partition_point(before);
    }
    for _ in 0..8 {
        match items.get(index) {
            Some(item) if before(item) => index += 1,
            _ => return index,
        }
    }
    index + items[index..].partition_point(before)
}

fn floor_seconds(instant: DateTime<Utc>) -> i64 {
    instant.timestamp().clamp(MIN_SECONDS, MAX_SECONDS)
}

fn ceil_seconds(instant: DateTime<Utc>) -> i64 {
    let up = i64::from(instant.timestamp_subsec_nanos() > 0);
    (instant.timestamp() + up).clamp(MIN_SECONDS, MAX_SECONDS)
}

fn from_seconds(seconds: i64) -> DateTime<Utc> {
    let clamped = seconds.clamp(MIN_SECONDS, MAX_SECONDS);
    DateTime::from_timestamp(clamped, 0).unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seek_agrees_with_binary_search_from_any_hint() {
        let items: Vec<i64> = (0..50).map(|i| i * 3).collect();
        for target in -5..160 {
            let expected = items.partition_point(|&item| item < target);
            for hint in [0, 1, 7, 20, 49, 50, 99] {
                assert_eq!(seek(&items, hint, |&item| item < target), expected);
            }
        }
    }

    #[test]
    fn merging_joins_touching_spans_only_when_asked() {
        let spans = [
            Span { start: 0, end: 10 },
            Span { start: 10, end: 20 },
            Span { start: 15, end: 18 },
            Span { start: 30, end: 40 },
        ];
        let mut touching = spans.to_vec();
        merge(&mut touching, |next, current| next.start <= current.end);
        assert_eq!(
            touching,
            vec![Span { start: 0, end: 20 }, Span { start: 30, end: 40 }]
        );
        let mut overlapping = spans.to_vec();
        merge(&mut overlapping, |next, current| next.start < current.end);
        assert_eq!(overlapping.len(), 3);
    }

    #[test]
    fn union_merges_two_sorted_lists_where_they_overlap() {
        let span = |start, end| Span { start, end };
        let bookings = [span(0, 10), span(10, 20), span(30, 40), span(50, 60)];
        let time_off = [span(5, 12), span(35, 55), span(70, 80)];
        assert_eq!(
            union(&bookings, &time_off),
            vec![span(0, 20), span(30, 60), span(70, 80)]
        );
        assert_eq!(union(&[], &time_off), time_off.to_vec());
        assert_eq!(union(&bookings[..1], &[]), vec![span(0, 10)]);
    }

    #[test]
    fn seconds_round_outwards_for_busy_and_inwards_for_hours() {
        let instant = DateTime::from_timestamp(100, 500).unwrap();
        assert_eq!(floor_seconds(instant), 100);
        assert_eq!(ceil_seconds(instant), 101);
        let whole = DateTime::from_timestamp(100, 0).unwrap();
        assert_eq!(ceil_seconds(whole), 100);
    }
}
