//! Union (round-robin) and intersection (collective) of hosts' free slots: unit cases and
//! properties checked against each host's own answer.

use chrono::{DateTime, NaiveTime, TimeDelta, Utc, Weekday};
use chrono_tz::Tz;
use proptest::prelude::*;

use super::*;
use crate::domain::availability::{ServiceRules, WeeklyRule};

const WEEK: [Weekday; 7] = [
    Weekday::Sun,
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
];

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// One host: their zone, daily hours and busy ranges.
struct Host {
    tz: Tz,
    weekly: Vec<WeeklyRule>,
    busy: Vec<TimeRange>,
    service: ServiceRules,
    now: DateTime<Utc>,
}

impl Host {
    fn new(tz: &str, open: NaiveTime, close: NaiveTime) -> Self {
        let mut service = ServiceRules::new(30);
        service.max_days_ahead = 400;
        Self {
            tz: tz.parse().unwrap(),
            weekly: WEEK
                .iter()
                .map(|d| WeeklyRule::new(*d, open, close))
                .collect(),
            busy: Vec::new(),
            service,
            now: utc("2026-03-01T00:00:00Z"),
        }
    }

    fn input(&self) -> AvailabilityInput<'_> {
        AvailabilityInput {
            timezone: self.tz,
            weekly_rules: &self.weekly,
            overrides: &[],
            time_off: &[],
            busy: &self.busy,
            service_booking_starts: &[],
            service: self.service,
            now: self.now,
        }
    }
}

fn day() -> TimeRange {
    TimeRange::new(utc("2026-03-10T00:00:00Z"), utc("2026-03-11T00:00:00Z"))
}

fn times(slots: &[DateTime<Utc>]) -> Vec<String> {
    slots
        .iter()
        .map(|s| s.format("%H:%M").to_string())
        .collect()
}

#[test]
fn round_robin_offers_a_time_while_any_host_is_free() {
    let a = Host::new("UTC", hm(9, 0), hm(10, 0));
    let mut b = Host::new("UTC", hm(9, 30), hm(11, 0));
    b.busy.push(TimeRange::new(
        utc("2026-03-10T10:00:00Z"),
        utc("2026-03-10T10:30:00Z"),
    ));
    let slots = union_slots(&[a.input(), b.input()], day());
    assert_eq!(times(&slots), ["09:00", "09:30", "10:30"]);
}

#[test]
fn collective_offers_a_time_only_when_every_host_is_free() {
    let a = Host::new("UTC", hm(9, 0), hm(11, 0));
    let mut b = Host::new("UTC", hm(9, 30), hm(12, 0));
    b.busy.push(TimeRange::new(
        utc("2026-03-10T10:00:00Z"),
        utc("2026-03-10T10:30:00Z"),
    ));
    let slots = intersection_slots(&[a.input(), b.input()], day());
    assert_eq!(times(&slots), ["09:30", "10:30"]);
}

#[test]
fn hosts_in_different_zones_are_read_in_their_own_hours() {
    // 09:00–10:00 in Berlin (UTC+1 in March) and 09:00–10:00 in UTC overlap nowhere.
    let berlin = Host::new("Europe/Berlin", hm(9, 0), hm(10, 0));
    let london = Host::new("UTC", hm(9, 0), hm(10, 0));
    let hosts = [berlin.input(), london.input()];
    assert_eq!(
        times(&union_slots(&hosts, day())),
        ["08:00", "08:30", "09:00", "09:30"]
    );
    assert!(intersection_slots(&hosts, day()).is_empty());
}

#[test]
fn free_hosts_names_every_host_that_may_take_the_start() {
    let a = Host::new("UTC", hm(9, 0), hm(10, 0));
    let mut b = Host::new("UTC", hm(9, 0), hm(10, 0));
    let c = Host::new("UTC", hm(12, 0), hm(13, 0));
    b.busy.push(TimeRange::new(
        utc("2026-03-10T09:00:00Z"),
        utc("2026-03-10T09:30:00Z"),
    ));
    let hosts = [a.input(), b.input(), c.input()];
    assert_eq!(free_hosts(&hosts, utc("2026-03-10T09:00:00Z")), Ok(vec![0]));
    assert_eq!(
        free_hosts(&hosts, utc("2026-03-10T09:30:00Z")),
        Ok(vec![0, 1])
    );
    assert_eq!(
        free_hosts(&hosts, utc("2026-02-10T09:00:00Z")),
        Err(Refusal::InPast)
    );
    assert!(all_hosts_free(&hosts, utc("2026-03-10T09:30:00Z")).is_err());
    assert!(all_hosts_free(&hosts[..2], utc("2026-03-10T09:30:00Z")).is_ok());
    assert!(all_hosts_free(&[], utc("2026-03-10T09:30:00Z")).is_err());
    assert!(intersection_slots(&[], day()).is_empty());
}

#[test]
fn assignment_modes_read_back_what_was_stored() {
    for mode in [AssignmentMode::RoundRobin, AssignmentMode::Collective] {
        assert_eq!(AssignmentMode::parse(mode.as_str()), Some(mode));
    }
    assert_eq!(AssignmentMode::parse("Collective"), None);
}

fn host_strategy() -> impl Strategy<Value = (u32, u32, Vec<(u32, u32)>)> {
    // Opening hour, length in hours, and busy ranges as (minute of day, minutes).
    (
        6u32..12,
        1u32..8,
        proptest::collection::vec((0u32..1440, 5u32..180), 0..5),
    )
}

fn build(spec: &(u32, u32, Vec<(u32, u32)>), tz: &str) -> Host {
    let (open, hours, busy) = spec;
    let close = (open + hours).min(23);
    let mut host = Host::new(tz, hm(*open, 0), hm(close, 0));
    let midnight = utc("2026-03-10T00:00:00Z");
    host.busy = busy
        .iter()
        .map(|(at, len)| {
            let start = midnight + TimeDelta::minutes(i64::from(*at));
            TimeRange::new(start, start + TimeDelta::minutes(i64::from(*len)))
        })
        .collect();
    host
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// No round-robin time without a free host; no collective time with a busy host; and
    /// every start some host (every host) could take is offered.
    #[test]
    fn union_and_intersection_agree_with_each_hosts_own_answer(
        specs in proptest::collection::vec(host_strategy(), 1..4),
        zones in proptest::collection::vec(0usize..3, 4),
    ) {
        const TZ: [&str; 3] = ["UTC", "Europe/Berlin", "America/New_York"];
        let hosts: Vec<Host> = specs
            .iter()
            .enumerate()
            .map(|(i, spec)| build(spec, TZ[zones[i]]))
            .collect();
        let inputs: Vec<AvailabilityInput<'_>> = hosts.iter().map(Host::input).collect();
        let range = TimeRange::new(utc("2026-03-09T12:00:00Z"), utc("2026-03-11T12:00:00Z"));
        let union = union_slots(&inputs, range);
        let common = intersection_slots(&inputs, range);
        let each: Vec<Vec<DateTime<Utc>>> =
            inputs.iter().map(|input| free_slots(input, range)).collect();
        for start in &union {
            let free = free_hosts(&inputs, *start);
            prop_assert!(free.is_ok(), "offered {start} with no free host");
            for i in free.unwrap_or_default() {
                let busy = hosts[i].busy.iter().any(|b| {
                    b.start < *start + TimeDelta::minutes(30) && b.end > *start
                });
                prop_assert!(!busy, "host {i} offered at {start} over a busy range");
            }
        }
        for start in &common {
            prop_assert!(all_hosts_free(&inputs, *start).is_ok());
            for host in &hosts {
                let busy = host.busy.iter().any(|b| {
                    b.start < *start + TimeDelta::minutes(30) && b.end > *start
                });
                prop_assert!(!busy, "collective time {start} with a busy host");
            }
        }
        for slots in &each {
            for start in slots {
                prop_assert!(union.contains(start), "{start} free for a host but not offered");
            }
        }
        for start in &each[0] {
            let everyone = each.iter().all(|slots| slots.contains(start));
            prop_assert_eq!(everyone, common.contains(start));
        }
        prop_assert!(union.windows(2).all(|w| w[0] < w[1]));
        prop_assert!(common.windows(2).all(|w| w[0] < w[1]));
    }
}
