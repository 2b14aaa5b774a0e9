//! Property tests: random hours, bookings and time off around DST changes, checked
//! against a deliberately naive reading of the rules.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeDelta, Utc, Weekday};
use chrono_tz::Tz;
use proptest::prelude::*;

use super::*;
use crate::domain::time::{local_date, to_utc};

const ZONES: [&str; 9] = [
    "UTC",
    "America/New_York",
    "Europe/Berlin",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "Pacific/Chatham",
    "America/Sao_Paulo",
    "Pacific/Kiritimati",
    "America/Havana",
];

/// First days of ten-day stretches containing DST changes in some of the zones.
const ANCHORS: [(i32, u32, u32); 8] = [
    (2026, 3, 5),
    (2026, 3, 26),
    (2026, 10, 1),
    (2026, 10, 22),
    (2026, 4, 2),
    (2026, 9, 24),
    (2018, 11, 1),
    (2019, 2, 14),
];

const SPAN_DAYS: i64 = 10;

#[derive(Debug, Clone)]
struct Case {
    tz: Tz,
    weekly: Vec<WeeklyRule>,
    overrides: Vec<DateOverride>,
    time_off: Vec<TimeRange>,
    busy: Vec<TimeRange>,
    service_starts: Vec<DateTime<Utc>>,
    service: ServiceRules,
    now: DateTime<Utc>,
    range: TimeRange,
    probes: Vec<DateTime<Utc>>,
}

impl Case {
    fn input(&self) -> AvailabilityInput<'_> {
        AvailabilityInput {
            timezone: self.tz,
            weekly_rules: &self.weekly,
            overrides: &self.overrides,
            time_off: &self.time_off,
            busy: &self.busy,
            service_booking_starts: &self.service_starts,
            service: self.service,
            now: self.now,
        }
    }

    fn hours_on(&self, date: NaiveDate) -> Vec<LocalInterval> {
        let overrides: Vec<_> = self.overrides.iter().filter(|o| o.date == date).collect();
        if overrides.is_empty() {
            self.weekly
                .iter()
                .filter(|rule| rule.applies_on(date))
                .map(|rule| rule.interval)
                .collect()
        } else {
            overrides.iter().filter_map(|o| o.interval).collect()
        }
    }

    /// Hours intervals in UTC for every date that could matter, unmerged.
    fn utc_hours(&self) -> Vec<TimeRange> {
        let first = local_date(self.range.start, self.tz) - Days::new(3);
        let last = local_date(self.range.end, self.tz) + Days::new(3);
        first
            .iter_days()
            .take_while(|date| *date <= last)
            .flat_map(|date| {
                self.hours_on(date).into_iter().map(move |interval| {
                    TimeRange::new(
                        to_utc(date, interval.start, self.tz),
                        to_utc(date, interval.end, self.tz),
                    )
                })
            })
            .filter(|range| !range.is_empty())
            .collect()
    }

    fn blocked(&self, start: DateTime<Utc>) -> TimeRange {
        self.service.blocked_range(start)
    }
}

/// Whether the union of `hours` covers `range`.
fn covered(hours: &[TimeRange], range: TimeRange) -> bool {
    let mut reached = range.start;
    loop {
        let next = hours
            .iter()
            .filter(|h| h.start <= reached && h.end > reached)
            .map(|h| h.end)
            .max();
        match next {
            Some(end) if end >= range.end => return true,
            Some(end) => reached = end,
            None => return false,
        }
    }
}

/// Every start on the grid of some hours interval, whether free or not.
fn grid(case: &Case) -> Vec<DateTime<Utc>> {
    let step = TimeDelta::seconds(case.service.step_seconds());
    let mut starts = Vec::new();
    for interval in case.utc_hours() {
        let mut start = interval.start;
        while start < interval.end {
            starts.push(start);
            start += step;
        }
    }
    starts
}

/// The rules read literally, with no sorting, merging or sweeping.
fn naive_slots(case: &Case) -> Vec<DateTime<Utc>> {
    let hours = case.utc_hours();
    let service = case.service;
    let step = TimeDelta::seconds(service.step_seconds());
    let notice = TimeDelta::minutes(i64::from(service.min_notice_minutes));
    let window = TimeDelta::days(i64::from(service.max_days_ahead));
    let mut slots = Vec::new();
    for interval in &hours {
        let mut start = interval.start;
        while start < interval.end {
            let blocked = case.blocked(start);
            let day = local_date(start, case.tz);
            let same_day = case
                .service_starts
                .iter()
                .filter(|booked| local_date(**booked, case.tz) == day)
                .count();
            let ok = case.range.contains(start)
                && start >= case.now + notice
                && start < case.now + window
                && covered(&hours, blocked)
                && !case.busy.iter().any(|b| b.overlaps(&blocked))
                && !case.time_off.iter().any(|b| b.overlaps(&blocked))
                && service
                    .max_per_day
                    .is_none_or(|limit| same_day < limit as usize);
            if ok {
                slots.push(start);
            }
            start += step;
        }
    }
    slots.sort();
    slots.dedup();
    slots
}

fn quarter_hour() -> impl Strategy<Value = u32> {
    0_u32..96
}

fn local_interval() -> impl Strategy<Value = LocalInterval> {
    (quarter_hour(), 1_u32..40).prop_map(|(start, length)| {
        let start_minutes = start * 15;
        let end_minutes = (start_minutes + length * 15).min(23 * 60 + 59);
        let time = |minutes: u32| NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0).unwrap();
        // Length may collapse to nothing at the end of the day: such rows are ignored.
        LocalInterval::new(time(start_minutes), time(end_minutes))
    })
}

fn case() -> impl Strategy<Value = Case> {
    let zone = prop::sample::select(ZONES.to_vec());
    let anchor = prop::sample::select(ANCHORS.to_vec());
    let weekly = prop::collection::vec(
        (
            0_i32..7,
            local_interval(),
            prop::option::of(0_u64..8),
            prop::option::of(2_u64..12),
        ),
        2..14,
    );
    let overrides = prop::collection::vec(
        (
            0_u64..(SPAN_DAYS as u64),
            prop::option::of(local_interval()),
        ),
        0..4,
    );
    let ranges = |count| prop::collection::vec((0_i64..(SPAN_DAYS * 96), 1_i64..40), 0..count);
    let service = (
        prop::sample::select(vec![15_u32, 30, 45, 60, 90]),
        prop::sample::select(vec![0_u32, 10, 15, 30, 60]),
        prop::sample::select(vec![0_u32, 5, 10, 30]),
        prop::sample::select(vec![0_u32, 5, 15]),
        prop::sample::select(vec![0_u32, 30, 240, 1440]),
        1_u32..14,
        prop::option::of(0_u32..3),
    );
    let now_and_range = (0_i64..96, 0_i64..(4 * 96), 1_i64..(SPAN_DAYS * 96));
    let probes = prop::collection::vec(0_i64..(SPAN_DAYS * 24 * 60), 0..24);
    (
        zone,
        anchor,
        weekly,
        overrides,
        ranges(8),
        ranges(40),
        service,
        now_and_range,
        probes,
        prop::collection::vec(0_i64..(SPAN_DAYS * 96), 0..8),
    )
        .prop_map(
            |(
                zone,
                anchor,
                weekly,
                overrides,
                time_off,
                busy,
                service,
                (now, from, length),
                probes,
                same_service,
            )| {
                let tz: Tz = zone.parse().unwrap();
                let first = NaiveDate::from_ymd_opt(anchor.0, anchor.1, anchor.2).unwrap();
                let base = to_utc(first, NaiveTime::MIN, tz);
                let quarter = |n: i64| base + TimeDelta::minutes(15 * n);
                let weekly = weekly
                    .into_iter()
                    .map(|(day, interval, from, until)| WeeklyRule {
                        day_of_week: weekday_from_number(day).unwrap_or(Weekday::Mon),
                        interval,
                        valid_from: from.map(|d| first + Days::new(d)),
                        valid_until: until.map(|d| first + Days::new(d)),
                    })
                    .collect();
                let overrides = overrides
                    .into_iter()
                    .map(|(day, interval)| DateOverride {
                        date: first + Days::new(day),
                        interval,
                    })
                    .collect();
                let to_ranges = |spans: Vec<(i64, i64)>| -> Vec<TimeRange> {
                    spans
                        .into_iter()
                        .map(|(start, length)| {
                            TimeRange::new(quarter(start), quarter(start + length))
                        })
                        .collect()
                };
                let (duration, interval, before, after, notice, days, per_day) = service;
                let mut busy = to_ranges(busy);
                // Bookings of this service hold their time like any other.
                let service_starts: Vec<_> = same_service.into_iter().map(quarter).collect();
                busy.extend(service_starts.iter().map(|start| {
                    let minutes = |m: u32| TimeDelta::minutes(i64::from(m));
                    TimeRange::new(
                        *start - minutes(before),
                        *start + minutes(duration) + minutes(after),
                    )
                }));
                Case {
                    tz,
                    weekly,
                    overrides,
                    time_off: to_ranges(time_off),
                    busy,
                    service_starts,
                    service: ServiceRules {
                        duration_minutes: duration,
                        slot_interval_minutes: interval,
                        buffer_before_minutes: before,
                        buffer_after_minutes: after,
                        min_notice_minutes: notice,
                        max_days_ahead: days,
                        max_per_day: per_day,
                    },
                    now: quarter(now) + TimeDelta::minutes(7),
                    range: TimeRange::new(quarter(from), quarter(from + length)),
                    probes: probes
                        .into_iter()
                        .map(|minutes| base + TimeDelta::minutes(minutes))
                        .collect(),
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 384, ..ProptestConfig::default() })]

    #[test]
    fn slots_match_a_naive_reading_of_the_rules(case in case()) {
        let slots = free_slots(&case.input(), case.range);
        prop_assert_eq!(&slots, &naive_slots(&case));
    }

    #[test]
    fn slots_are_sorted_unique_inside_hours_and_clear_of_busy_time(case in case()) {
        let slots = free_slots(&case.input(), case.range);
        prop_assert!(slots.windows(2).all(|pair| pair[0] < pair[1]));
        let hours = case.utc_hours();
        for slot in &slots {
            let blocked = case.blocked(*slot);
            prop_assert!(case.range.contains(*slot));
            prop_assert!(*slot >= case.now);
            prop_assert!(covered(&hours, blocked), "{slot} outside hours");
            for busy in case.busy.iter().chain(&case.time_off) {
                prop_assert!(!busy.overlaps(&blocked), "{slot} overlaps {busy:?}");
            }
        }
    }

    #[test]
    fn the_claim_agrees_with_the_list(case in case()) {
        let slots = free_slots(&case.input(), case.range);
        for slot in &slots {
            prop_assert_eq!(is_bookable(&case.input(), *slot), Ok(()));
        }
        // Random instants, and near misses of listed slots.
        let near_misses = slots.iter().flat_map(|slot| {
            [1, 5, 15, -15, i64::from(case.service.duration_minutes)]
                .map(|minutes| *slot + TimeDelta::minutes(minutes))
        });
        let probes: Vec<_> = case.probes.iter().copied().chain(near_misses).chain(grid(&case)).collect();
        for probe in &probes {
            if case.range.contains(*probe) {
                let listed = slots.binary_search(probe).is_ok();
                let verdict = is_bookable(&case.input(), *probe);
                prop_assert_eq!(verdict.is_ok(), listed, "{} {:?}", probe, verdict);
                match verdict {
                    Err(Refusal::InPast) => prop_assert!(*probe < case.now),
                    Err(Refusal::Unavailable) => {
                        let blocked = case.blocked(*probe);
                        prop_assert!(case.busy.iter().chain(&case.time_off).any(|b| b.overlaps(&blocked)));
                    }
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn busy_time_merged_ahead_gives_the_same_slots_and_verdicts(case in case()) {
        let mut merged = case.clone();
        merged.time_off = merged_busy(case.time_off.iter().chain(&case.busy).copied().collect());
        merged.busy = Vec::new();
        prop_assert!(merged.time_off.windows(2).all(|pair| pair[0].end < pair[1].start));
        let slots = free_slots(&case.input(), case.range);
        prop_assert_eq!(&free_slots(&merged.input(), case.range), &slots);
        for probe in case.probes.iter().chain(&slots) {
            prop_assert_eq!(is_bookable(&merged.input(), *probe), is_bookable(&case.input(), *probe));
        }
    }

    #[test]
    fn grouping_by_any_zone_keeps_every_slot_once(case in case(), guest in prop::sample::select(ZONES.to_vec())) {
        let slots = free_slots(&case.input(), case.range);
        let guest: Tz = guest.parse().unwrap();
        let groups = group_by_local_date(&slots, guest);
        let regrouped: Vec<_> = groups.values().flatten().copied().collect();
        prop_assert_eq!(&regrouped, &slots);
        for (day, day_slots) in &groups {
            prop_assert!(day_slots.iter().all(|slot| local_date(*slot, guest) == *day));
        }
    }
}
