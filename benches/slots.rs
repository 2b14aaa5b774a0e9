//! One month of free slots for a 30-minute service with five intervals of hours a day,
//! 50 time-off ranges and 0, 1,000 or 10,000 existing bookings (deterministic data).
//!
//! Run with `cargo bench --bench slots`.

use std::hint::black_box;

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc, Weekday};
use chrono_tz::Tz;
use criterion::{criterion_group, criterion_main, Criterion};
use slotbook::domain::availability::{
    free_slots, AvailabilityInput, DateOverride, ServiceRules, TimeRange, WeeklyRule,
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

fn data(bookings: usize) -> Data {
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
    let first = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_default();
    let next = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap_or_default();
    let month = TimeRange::new(
        start_of_local_day(first, ZONE),
        start_of_local_day(next, ZONE),
    );
    let quarters = (month.end - month.start).num_minutes() as u64 / 15;
    let at = |quarter: i64| month.start + TimeDelta::minutes(15 * quarter);

    let mut random = Random(0x5107_B00C);
    let time_off = (0..50)
        .map(|_| {
            let start = random.below(quarters);
            TimeRange::new(at(start), at(start + 2 + random.below(14)))
        })
        .collect();
    // As the database returns them: ordered by start. 30-minute bookings with a
    // 5-minute buffer each side.
    let mut starts: Vec<DateTime<Utc>> =
        (0..bookings).map(|_| at(random.below(quarters))).collect();
    starts.sort();
    let busy = starts
        .iter()
        .map(|start| {
            TimeRange::new(
                *start - TimeDelta::minutes(5),
                *start + TimeDelta::minutes(35),
            )
        })
        .collect();
    Data {
        weekly,
        time_off,
        busy,
        starts,
        month,
        now: month.start - TimeDelta::hours(12),
    }
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

fn month_of_slots(c: &mut Criterion) {
    let mut group = c.benchmark_group("month_of_slots");
    for (name, bookings, daily_limit) in [
        ("0_bookings", 0, false),
        ("1000_bookings", 1_000, false),
        ("10000_bookings", 10_000, false),
        ("1000_bookings_daily_limit", 1_000, true),
    ] {
        let data = data(bookings);
        let input = input(&data, &[], daily_limit);
        let count = free_slots(&input, data.month).len();
        println!("{name}: {count} free slots");
        group.bench_function(name, |b| {
            b.iter(|| free_slots(black_box(&input), black_box(data.month)))
        });
    }
    group.finish();
}

criterion_group!(benches, month_of_slots);
criterion_main!(benches);
