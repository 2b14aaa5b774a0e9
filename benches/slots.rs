//! One month of free slots for a 30-minute service with five intervals of hours a day,
//! 50 time-off ranges and existing bookings (deterministic data): none, 1,000 in the month,
//! and 10,000 spread over the year around it; and the same month with 1,000 busy blocks
//! from three subscribed calendars (see [`calendar_blocks`]), which count like time off.
//!
//! Time off reaches the engine as the schedule loader hands it over: merged with the
//! calendar blocks by `merged_busy` when the rows are read. The calendar cases also
//! measure that merge on every call (a cache miss) and the engine given the blocks
//! unsorted (its own sort and merge).
//!
//! The bookings are as the database holds them: their buffered ranges never overlap one
//! another (the guard forbids it), so 10,000 bookings are 10,000 busy ranges, not a few
//! merged spans.
//!
//! Run with `cargo bench --bench slots`.

use std::hint::black_box;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, Utc, Weekday};
use chrono_tz::Tz;
use criterion::{criterion_group, criterion_main, Criterion};
use slotbook::domain::availability::{
    free_slots, merged_busy, AvailabilityInput, DateOverride, ServiceRules, TimeRange, WeeklyRule,
};
use slotbook::domain::time::start_of_local_day;

const ZONE: Tz = chrono_tz::Europe::Berlin;

/// A small deterministic generator (SplitMix64), so every run sees the same data.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: u64) -> i64 {
        i64::try_from(self.next() % bound).unwrap_or(0)
    }
}

fn time(hours: u32, minutes: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hours, minutes, 0).unwrap_or(NaiveTime::MIN)
}

struct Data {
    weekly: Vec<WeeklyRule>,
    time_off: Vec<TimeRange>,
    busy: Vec<TimeRange>,
    starts: Vec<DateTime<Utc>>,
    month: TimeRange,
    now: DateTime<Utc>,
}

/// Where the existing bookings lie.
#[derive(Clone, Copy)]
enum Spread {
    /// Inside the month that is computed.
    Month,
    /// Over the whole year that contains it.
    Year,
}

/// Bookings last 30 minutes with a 5-minute buffer each side, on a 5-minute grid.
const QUANTUM_MINUTES: i64 = 5;
const BUFFER_MINUTES: i64 = 5;
const BOOKING_MINUTES: i64 = 30;
/// The buffered range of one booking, in quanta.
const BLOCK_QUANTA: i64 = (BOOKING_MINUTES + 2 * BUFFER_MINUTES) / QUANTUM_MINUTES;

fn data(bookings: usize, spread: Spread) -> Data {
    let days = [
        Weekday::Sun,
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
    ];
    let hours = [
        (time(8, 0), time(9, 30)),
        (time(9, 45), time(11, 30)),
        (time(12, 30), time(14, 0)),
        (time(14, 15), time(16, 0)),
        (time(16, 30), time(18, 0)),
    ];
    let weekly = days
        .iter()
        .flat_map(|day| {
            hours
                .iter()
                .map(|(start, end)| WeeklyRule::new(*day, *start, *end))
        })
        .collect();

    // March 2026 in Berlin, which includes the spring-forward day.
    let local_day =
        |y, m, d| start_of_local_day(NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default(), ZONE);
    let month = TimeRange::new(local_day(2026, 3, 1), local_day(2026, 4, 1));
    let quarters = (month.end - month.start).num_minutes() as u64 / 15;
    let at = |quarter: i64| month.start + TimeDelta::minutes(15 * quarter);

    let mut random = Random(0x5107_B00C);
    let time_off = (0..50)
        .map(|_| {
            let start = random.below(quarters);
            TimeRange::new(at(start), at(start + 2 + random.below(14)))
        })
        .collect();
    let span = match spread {
        Spread::Month => month,
        Spread::Year => TimeRange::new(local_day(2026, 1, 1), local_day(2027, 1, 1)),
    };
    let blocks = non_overlapping_blocks(&mut random, span, bookings);
    let starts = blocks
        .iter()
        .map(|block| block.start + TimeDelta::minutes(BUFFER_MINUTES))
        .collect();
    Data {
        weekly,
        time_off,
        busy: blocks,
        starts,
        month,
        now: month.start - TimeDelta::hours(12),
    }
}

/// `count` buffered booking ranges inside `span`, none overlapping another, ordered by start
/// (as the database returns them), placed uniformly at random: choose `count` distinct
/// positions among the quanta left once every block but its first quantum is taken out,
/// then put the blocks back in order.
fn non_overlapping_blocks(random: &mut Random, span: TimeRange, count: usize) -> Vec<TimeRange> {
    let quanta = (span.end - span.start).num_minutes() / QUANTUM_MINUTES;
    let count_i64 = i64::try_from(count).unwrap_or(i64::MAX);
    let free = quanta - count_i64 * (BLOCK_QUANTA - 1);
    assert!(
        free >= count_i64,
        "{count} bookings do not fit between {} and {}",
        span.start,
        span.end
    );
    // A partial Fisher–Yates shuffle: the first `count` of `0..free`, at random.
    let mut positions: Vec<i64> = (0..free).collect();
    for i in 0..count {
        let remaining = u64::try_from(positions.len() - i).unwrap_or(1);
        let j = i + usize::try_from(random.below(remaining)).unwrap_or(0);
        positions.swap(i, j);
    }
    positions.truncate(count);
    positions.sort_unstable();
    positions
        .iter()
        .zip(0..)
        .map(|(position, index)| {
            let start = span.start
                + TimeDelta::minutes((position + index * (BLOCK_QUANTA - 1)) * QUANTUM_MINUTES);
            TimeRange::new(
                start,
                start + TimeDelta::minutes(BLOCK_QUANTA * QUANTUM_MINUTES),
            )
        })
        .collect()
}

/// A calendar event's length in minutes, as people book them: mostly short calls, half
/// hours and hours, some longer meetings.
const EVENT_MINUTES: [i64; 10] = [15, 15, 30, 30, 30, 45, 60, 60, 90, 120];

/// `count` busy blocks of the month, as three subscribed calendars of one provider give
/// them and the store keeps them (every block at most a day long, as `store_blocks`
/// cuts them): a work calendar with a 15-minute stand-up every weekday at 09:00 and four
/// weekly meetings; a private calendar with a two-day conference and an all-day event;
/// and calls, meetings and appointments of 15 minutes to 2 hours at any quarter hour,
/// a quarter of them twice (the same event in two calendars), many overlapping others.
/// Returned in no order.
fn calendar_blocks(data: &Data, count: usize) -> Vec<TimeRange> {
    let mut random = Random(0xCA1E_4DA5);
    let first = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_default();
    let days: Vec<NaiveDate> = first
        .iter_days()
        .take_while(|day| start_of_local_day(*day, ZONE) < data.month.end)
        .collect();
    let at =
        |day: NaiveDate, minutes: i64| start_of_local_day(day, ZONE) + TimeDelta::minutes(minutes);
    let event = |day: NaiveDate, start: i64, minutes: i64| {
        TimeRange::new(at(day, start), at(day, start + minutes))
    };
    let mut blocks = Vec::with_capacity(count);
    // Work: the stand-up and the weekly meetings.
    for &day in &days {
        let weekday = day.weekday();
        if weekday.num_days_from_monday() < 5 {
            blocks.push(event(day, 9 * 60, 15));
        }
        match weekday {
            Weekday::Mon => blocks.push(event(day, 10 * 60, 60)),
            Weekday::Tue => blocks.push(event(day, 13 * 60, 30)),
            Weekday::Wed => blocks.push(event(day, 14 * 60, 90)),
            Weekday::Thu => blocks.push(event(day, 16 * 60, 45)),
            _ => {}
        }
    }
    // Private: a two-day conference and an all-day event: whole local days, cut into
    // pieces of at most 24 hours as the store cuts them.
    for (from, length) in [(24, 2), (11, 1)] {
        let start = start_of_local_day(days[from], ZONE);
        let end = start_of_local_day(days[from + length], ZONE);
        let mut piece = start;
        while piece < end {
            let next = (piece + TimeDelta::days(1)).min(end);
            blocks.push(TimeRange::new(piece, next));
            piece = next;
        }
    }
    // The rest: calls, meetings, appointments and evening plans at any quarter hour of
    // any day, spread over the three calendars; a quarter of them also appear, at the
    // same times, in a second calendar (a meeting in the work and the team calendar).
    let day_count = u64::try_from(days.len()).unwrap_or(1);
    while blocks.len() < count {
        let day = days[usize::try_from(random.below(day_count)).unwrap_or(0)];
        let start = 15 * random.below(24 * 4);
        let minutes = EVENT_MINUTES[usize::try_from(random.below(10)).unwrap_or(0)];
        let block = event(day, start, minutes);
        blocks.push(block);
        if random.below(4) == 0 {
            blocks.push(block);
        }
    }
    blocks.truncate(count);
    // Shuffled: the calendars' order is nobody's.
    for i in (1..blocks.len()).rev() {
        let j = usize::try_from(random.below(u64::try_from(i + 1).unwrap_or(1))).unwrap_or(0);
        blocks.swap(i, j);
    }
    blocks
}

fn input<'a>(
    data: &'a Data,
    overrides: &'a [DateOverride],
    daily_limit: bool,
) -> AvailabilityInput<'a> {
    let mut service = ServiceRules::new(30);
    service.min_notice_minutes = 120;
    service.max_days_ahead = 60;
    service.max_per_day = daily_limit.then_some(40);
    AvailabilityInput {
        timezone: ZONE,
        weekly_rules: &data.weekly,
        overrides,
        time_off: &data.time_off,
        busy: &data.busy,
        service_booking_starts: if daily_limit { &data.starts } else { &[] },
        service,
        now: data.now,
    }
}

/// How a case's busy blocks from calendars reach the engine.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Calendars {
    /// No calendar blocks.
    None,
    /// As the schedule loader hands them over: merged with the time off by
    /// `merged_busy` once when the rows are read (and kept in the schedule cache), so
    /// each listing gets one sorted list of disjoint ranges.
    Loaded,
    /// The loader's merge on every call (a schedule-cache miss without the database):
    /// the time off and the blocks in the order their queries return them, merged, then
    /// the month.
    MergedEachTime,
    /// Straight to the engine, unsorted and overlapping (a caller that skips the merge).
    Unsorted,
}

fn month_of_slots(c: &mut Criterion) {
    let mut group = c.benchmark_group("month_of_slots");
    for (name, bookings, spread, daily_limit, calendars) in [
        ("0_bookings", 0, Spread::Month, false, Calendars::None),
        (
            "1000_bookings",
            1_000,
            Spread::Month,
            false,
            Calendars::None,
        ),
        (
            "10000_bookings_over_a_year",
            10_000,
            Spread::Year,
            false,
            Calendars::None,
        ),
        (
            "1000_bookings_daily_limit",
            1_000,
            Spread::Month,
            true,
            Calendars::None,
        ),
        (
            "0_bookings_1000_calendar_blocks",
            0,
            Spread::Month,
            false,
            Calendars::Loaded,
        ),
        (
            "0_bookings_1000_calendar_blocks_merged_each_time",
            0,
            Spread::Month,
            false,
            Calendars::MergedEachTime,
        ),
        (
            "0_bookings_1000_calendar_blocks_unsorted",
            0,
            Spread::Month,
            false,
            Calendars::Unsorted,
        ),
    ] {
        let mut data = data(bookings, spread);
        assert!(
            data.busy
                .windows(2)
                .all(|pair| pair[0].end <= pair[1].start),
            "{name}: bookings overlap"
        );
        let blocks = if calendars == Calendars::None {
            Vec::new()
        } else {
            calendar_blocks(&data, 1_000)
        };
        // What the two queries return: each list by start.
        let mut stored: Vec<TimeRange> = data.time_off.clone();
        stored.sort_by_key(|range| range.start);
        let mut by_start = blocks.clone();
        by_start.sort_by_key(|range| range.start);
        stored.extend(by_start);
        data.time_off = match calendars {
            Calendars::Unsorted => data.time_off.iter().chain(&blocks).copied().collect(),
            _ => merged_busy(stored.clone()),
        };
        let input = input(&data, &[], daily_limit);
        let count = free_slots(&input, data.month).len();
        let in_month = data
            .busy
            .iter()
            .filter(|b| b.start < data.month.end && b.end > data.month.start)
            .count();
        println!(
            "{name}: {in_month} bookings and {} calendar blocks in the month, {} busy ranges \
             after merging, {count} free slots",
            blocks.len(),
            merged_busy(stored.clone()).len(),
        );
        if calendars == Calendars::MergedEachTime {
            group.bench_function(name, |b| {
                b.iter(|| {
                    let time_off = merged_busy(black_box(&stored).clone());
                    let input = AvailabilityInput {
                        time_off: &time_off,
                        ..input
                    };
                    free_slots(black_box(&input), black_box(data.month))
                })
            });
        } else {
            group.bench_function(name, |b| {
                b.iter(|| free_slots(black_box(&input), black_box(data.month)))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, month_of_slots);
criterion_main!(benches);
