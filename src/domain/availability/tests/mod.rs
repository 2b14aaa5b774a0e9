//! Unit tests of the slot engine's rules and of DST days in awkward zones.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeDelta, Utc, Weekday};
use chrono_tz::Tz;

use super::*;
use crate::domain::time::start_of_local_day;

const ALL_DAYS: [Weekday; 7] = [
    Weekday::Sun,
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
];

fn hm(hours: u32, minutes: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hours, minutes, 0).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn zone(name: &str) -> Tz {
    name.parse().unwrap()
}

/// One provider and service, with mutable parts a test can change before asking.
struct Provider {
    tz: Tz,
    weekly: Vec<WeeklyRule>,
    overrides: Vec<DateOverride>,
    time_off: Vec<TimeRange>,
    busy: Vec<TimeRange>,
    service_starts: Vec<DateTime<Utc>>,
    service: ServiceRules,
    now: DateTime<Utc>,
}

impl Provider {
    /// Open every day from `start` to `end`, 30-minute slots, `now` long before the test
    /// dates (2026-03-01T00:00Z) and a booking window reaching past them.
    fn new(tz: &str, start: NaiveTime, end: NaiveTime) -> Self {
        let mut service = ServiceRules::new(30);
        service.max_days_ahead = 400;
        Self {
            tz: zone(tz),
            weekly: ALL_DAYS
                .iter()
                .map(|day| WeeklyRule::new(*day, start, end))
                .collect(),
            overrides: Vec::new(),
            time_off: Vec::new(),
            busy: Vec::new(),
            service_starts: Vec::new(),
            service,
            now: utc("2026-03-01T00:00:00Z"),
        }
    }

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

    /// Slots starting on the provider's local `day`.
    fn slots_on(&self, day: NaiveDate) -> Vec<DateTime<Utc>> {
        let range = TimeRange::new(
            start_of_local_day(day, self.tz),
            start_of_local_day(day + Days::new(1), self.tz),
        );
        free_slots(&self.input(), range)
    }

    /// The same, as provider wall-clock "HH:MM" for readable assertions.
    fn times_on(&self, day: NaiveDate) -> Vec<String> {
        self.slots_on(day)
            .iter()
            .map(|slot| slot.with_timezone(&self.tz).format("%H:%M").to_string())
            .collect()
    }

    /// A holding booking of this service at `start` (buffers from the service rules).
    fn book(&mut self, start: &str) {
        let start = utc(start);
        self.busy.push(self.service.blocked_range(start));
        self.service_starts.push(start);
    }
}

/// A provider in UTC open 09:00–12:00 every day.
fn morning_provider() -> Provider {
    Provider::new("UTC", hm(9, 0), hm(12, 0))
}

const MONDAY: (i32, u32, u32) = (2026, 3, 2);

fn monday() -> NaiveDate {
    date(MONDAY.0, MONDAY.1, MONDAY.2)
}

// ---------------------------------------------------------------- the rules

#[test]
fn starts_step_by_the_slot_interval_from_the_start_of_each_interval() {
    let mut provider = morning_provider();
    provider.weekly = vec![
        WeeklyRule::new(Weekday::Mon, hm(9, 0), hm(12, 0)),
        WeeklyRule::new(Weekday::Mon, hm(13, 10), hm(15, 0)),
    ];
    provider.service.slot_interval_minutes = 45;
    assert_eq!(
        provider.times_on(monday()),
        ["09:00", "09:45", "10:30", "11:15", "13:10", "13:55"]
    );
}

#[test]
fn a_zero_slot_interval_steps_by_the_duration() {
    let mut provider = morning_provider();
    provider.service.duration_minutes = 60;
    provider.service.slot_interval_minutes = 0;
    assert_eq!(provider.times_on(monday()), ["09:00", "10:00", "11:00"]);
}

#[test]
fn touching_intervals_form_one_stretch_of_hours() {
    let mut provider = morning_provider();
    provider.weekly = vec![
        WeeklyRule::new(Weekday::Mon, hm(10, 0), hm(11, 0)),
        WeeklyRule::new(Weekday::Mon, hm(9, 0), hm(10, 0)),
    ];
    provider.service.duration_minutes = 60;
    provider.service.slot_interval_minutes = 30;
    assert_eq!(provider.times_on(monday()), ["09:00", "09:30", "10:00"]);
}

#[test]
fn buffered_ranges_must_lie_inside_hours() {
    let mut provider = morning_provider();
    provider.service.buffer_before_minutes = 10;
    provider.service.buffer_after_minutes = 10;
    assert_eq!(
        provider.times_on(monday()),
        ["09:30", "10:00", "10:30", "11:00"]
    );
}

#[test]
fn buffered_ranges_must_not_overlap_other_bookings_buffered_ranges() {
    let mut provider = morning_provider();
    provider.service.buffer_before_minutes = 10;
    provider.service.buffer_after_minutes = 10;
    // Held range 10:20–11:10 (10:30 booking with both buffers).
    provider.book("2026-03-02T10:30:00Z");
    assert_eq!(provider.times_on(monday()), ["09:30"]);
}

#[test]
fn back_to_back_bookings_are_fine() {
    let mut provider = morning_provider();
    provider.book("2026-03-02T10:00:00Z");
    assert_eq!(
        provider.times_on(monday()),
        ["09:00", "09:30", "10:30", "11:00", "11:30"]
    );
}

#[test]
fn time_off_blocks_the_slots_it_overlaps() {
    let mut provider = morning_provider();
    provider.time_off.push(TimeRange::new(
        utc("2026-03-02T10:15:00Z"),
        utc("2026-03-02T11:00:00Z"),
    ));
    assert_eq!(
        provider.times_on(monday()),
        ["09:00", "09:30", "11:00", "11:30"]
    );
}

#[test]
fn the_query_range_is_half_open_on_slot_starts() {
    let provider = morning_provider();
    let range = TimeRange::new(utc("2026-03-02T10:00:00Z"), utc("2026-03-02T11:00:00Z"));
    assert_eq!(
        free_slots(&provider.input(), range),
        [utc("2026-03-02T10:00:00Z"), utc("2026-03-02T10:30:00Z")]
    );
}

#[test]
fn minimum_notice_hides_starts_that_are_too_soon() {
    let mut provider = morning_provider();
    provider.now = utc("2026-03-02T08:50:00Z");
    provider.service.min_notice_minutes = 60;
    assert_eq!(
        provider.times_on(monday()),
        ["10:00", "10:30", "11:00", "11:30"]
    );
}

#[test]
fn starts_before_now_never_appear() {
    let mut provider = morning_provider();
    provider.now = utc("2026-03-02T10:15:00Z");
    assert_eq!(provider.times_on(monday()), ["10:30", "11:00", "11:30"]);
    provider.now = utc("2026-03-02T10:30:00Z");
    assert_eq!(provider.times_on(monday()), ["10:30", "11:00", "11:30"]);
}

#[test]
fn the_booking_window_ends_max_days_ahead_days_after_now() {
    let mut provider = morning_provider();
    provider.now = utc("2026-03-02T10:00:00Z");
    provider.service.max_days_ahead = 2;
    let wednesday = date(2026, 3, 4);
    assert_eq!(provider.times_on(monday()).len(), 4);
    assert_eq!(provider.times_on(wednesday), ["09:00", "09:30"]);
    assert!(provider.times_on(date(2026, 3, 5)).is_empty());
    provider.service.max_days_ahead = 0;
    assert!(provider.times_on(monday()).is_empty());
}

#[test]
fn the_daily_limit_counts_bookings_on_the_providers_local_date() {
    let mut provider = Provider::new("America/New_York", hm(9, 0), hm(17, 0));
    provider.service.max_per_day = Some(2);
    // 21:00 and 22:00 EST on Monday 2 March: Tuesday in UTC, Monday for the provider.
    provider.service_starts = vec![utc("2026-03-03T02:00:00Z")];
    assert_eq!(provider.times_on(monday()).len(), 16);
    provider.service_starts.push(utc("2026-03-03T03:00:00Z"));
    assert!(provider.times_on(monday()).is_empty());
    assert_eq!(provider.times_on(date(2026, 3, 3)).len(), 16);
}

#[test]
fn a_daily_limit_of_zero_closes_every_day() {
    let mut provider = morning_provider();
    provider.service.max_per_day = Some(0);
    assert!(provider.times_on(monday()).is_empty());
}

#[test]
fn an_override_replaces_the_weekly_hours_of_its_date() {
    let mut provider = morning_provider();
    provider
        .overrides
        .push(DateOverride::open(monday(), hm(13, 0), hm(14, 0)));
    assert_eq!(provider.times_on(monday()), ["13:00", "13:30"]);
    assert_eq!(provider.times_on(date(2026, 3, 9)).len(), 6);
}

#[test]
fn a_closed_override_removes_the_whole_day() {
    let mut provider = morning_provider();
    provider.overrides.push(DateOverride::closed(monday()));
    assert!(provider.times_on(monday()).is_empty());
    assert_eq!(provider.times_on(date(2026, 3, 3)).len(), 6);
}

#[test]
fn weekly_rules_apply_only_between_their_validity_dates() {
    let mut provider = morning_provider();
    let mut rule = WeeklyRule::new(Weekday::Mon, hm(9, 0), hm(10, 0));
    rule.valid_from = Some(date(2026, 3, 9));
    rule.valid_until = Some(date(2026, 3, 16));
    provider.weekly = vec![rule];
    assert!(provider.times_on(monday()).is_empty());
    assert_eq!(provider.times_on(date(2026, 3, 9)), ["09:00", "09:30"]);
    assert_eq!(provider.times_on(date(2026, 3, 16)), ["09:00", "09:30"]);
    assert!(provider.times_on(date(2026, 3, 23)).is_empty());
}

// ---------------------------------------------------------------- the claim

#[test]
fn a_listed_slot_is_bookable() {
    let provider = morning_provider();
    for slot in provider.slots_on(monday()) {
        assert_eq!(is_bookable(&provider.input(), slot), Ok(()));
    }
}

#[test]
fn the_claim_names_the_reason_a_start_is_refused() {
    let mut provider = morning_provider();
    provider.now = utc("2026-03-02T09:10:00Z");
    provider.service.min_notice_minutes = 120;
    provider.service.max_days_ahead = 7;
    provider.service.max_per_day = Some(1);
    provider.book("2026-03-03T09:00:00Z");
    provider.time_off.push(TimeRange::new(
        utc("2026-03-04T10:00:00Z"),
        utc("2026-03-04T11:00:00Z"),
    ));
    let check = |start: &str| is_bookable(&provider.input(), utc(start));

    assert_eq!(check("2026-03-02T09:00:00Z"), Err(Refusal::InPast));
    assert_eq!(
        check("2026-03-02T11:00:00Z"),
        Err(Refusal::InsideNotice {
            min_notice_minutes: 120
        })
    );
    assert_eq!(check("2026-03-02T11:30:00Z"), Ok(()));
    assert_eq!(
        check("2026-03-09T10:00:00Z"),
        Err(Refusal::BeyondWindow { max_days_ahead: 7 })
    );
    assert_eq!(check("2026-03-04T14:00:00Z"), Err(Refusal::OutsideHours));
    assert_eq!(check("2026-03-04T11:45:00Z"), Err(Refusal::OutsideHours));
    assert_eq!(check("2026-03-04T09:10:00Z"), Err(Refusal::OffGrid));
    assert_eq!(
        check("2026-03-04T09:00:00.5Z"),
        Err(Refusal::OffGrid),
        "offered starts are whole seconds"
    );
    assert_eq!(
        check("2026-03-03T10:00:00Z"),
        Err(Refusal::DailyLimitReached { max_per_day: 1 })
    );
    assert_eq!(check("2026-03-04T10:30:00Z"), Err(Refusal::Unavailable));
    assert_eq!(check("2026-03-04T09:30:00Z"), Ok(()));
    provider.busy.push(TimeRange::new(
        utc("2026-03-04T09:45:00Z"),
        utc("2026-03-04T09:50:00Z"),
    ));
    assert_eq!(
        is_bookable(&provider.input(), utc("2026-03-04T09:30:00Z")),
        Err(Refusal::Unavailable)
    );
}

#[test]
fn refusals_read_as_sentences_for_guests() {
    let notice = |minutes| Refusal::InsideNotice {
        min_notice_minutes: minutes,
    };
    assert!(notice(120)
        .to_string()
        .contains("at least 2 hours in advance"));
    assert!(notice(90).to_string().contains("at least 90 minutes"));
    assert!(notice(1440).to_string().contains("at least 1 day"));
    let window = Refusal::BeyondWindow { max_days_ahead: 30 };
    assert!(window.to_string().contains("at most 30 days ahead"));
    assert!(Refusal::Unavailable
        .to_string()
        .starts_with("That time is no longer available."));
}

#[test]
fn blocked_range_widens_the_slot_by_the_buffers() {
    let mut rules = ServiceRules::new(45);
    rules.buffer_before_minutes = 5;
    rules.buffer_after_minutes = 15;
    let start = utc("2026-03-02T10:00:00Z");
    assert_eq!(
        rules.slot_range(start),
        TimeRange::new(start, utc("2026-03-02T10:45:00Z"))
    );
    assert_eq!(
        rules.blocked_range(start),
        TimeRange::new(utc("2026-03-02T09:55:00Z"), utc("2026-03-02T11:00:00Z"))
    );
}

mod zones;

#[test]
fn duplicate_or_overlapping_rules_do_not_duplicate_slots() {
    let mut provider = morning_provider();
    provider.weekly = vec![
        WeeklyRule::new(Weekday::Mon, hm(9, 0), hm(10, 0)),
        WeeklyRule::new(Weekday::Mon, hm(9, 0), hm(10, 0)),
        WeeklyRule::new(Weekday::Mon, hm(9, 30), hm(11, 0)),
    ];
    assert_eq!(
        provider.times_on(monday()),
        ["09:00", "09:30", "10:00", "10:30"]
    );
}

#[test]
fn merged_busy_time_is_sorted_disjoint_and_covers_the_same_instants() {
    let at = |hour: u32, minute: u32| utc(&format!("2030-03-11T{hour:02}:{minute:02}:00Z"));
    let range =
        |from: (u32, u32), to: (u32, u32)| TimeRange::new(at(from.0, from.1), at(to.0, to.1));
    let merged = merged_busy(vec![
        range((14, 0), (15, 0)),
        range((9, 0), (10, 0)),
        // Inside the 14:00 one, given after it.
        range((14, 15), (14, 45)),
        // Empty: covers nothing.
        range((12, 0), (12, 0)),
        range((9, 30), (11, 0)),
        // Touching 11:00: the same instants as one range.
        range((11, 0), (11, 30)),
        range((16, 0), (17, 0)),
    ]);
    assert_eq!(
        merged,
        vec![
            range((9, 0), (11, 30)),
            range((14, 0), (15, 0)),
            range((16, 0), (17, 0)),
        ]
    );
    assert_eq!(merged_busy(Vec::new()), Vec::new());
}

#[test]
fn unsorted_overlapping_time_off_gives_the_slots_of_its_merged_form() {
    let mut provider = morning_provider();
    let day = monday();
    let on = |hour: u32, minute: u32| {
        start_of_local_day(day, provider.tz) + TimeDelta::minutes(i64::from(hour * 60 + minute))
    };
    let raw = vec![
        TimeRange::new(on(11, 0), on(11, 20)),
        TimeRange::new(on(9, 10), on(9, 40)),
        TimeRange::new(on(9, 20), on(9, 30)),
        TimeRange::new(on(10, 0), on(10, 5)),
        TimeRange::new(on(9, 35), on(10, 0)),
    ];
    provider.time_off = raw.clone();
    assert_eq!(provider.times_on(day), ["10:30", "11:30"]);
    provider.time_off = merged_busy(raw);
    assert_eq!(provider.times_on(day), ["10:30", "11:30"]);
}

#[test]
fn a_listing_stays_unchanged_until_its_first_slot_enters_the_notice_or_a_hold_lapses() {
    let now = utc("2030-01-07T08:00:00Z");
    let minute = TimeDelta::minutes(1);
    let slots = [utc("2030-01-07T10:00:00Z"), utc("2030-01-07T10:30:00Z")];
    assert_eq!(
        listing_unchanged_until(&slots, 60, None, now, TimeDelta::hours(4)),
        utc("2030-01-07T09:00:00Z"),
        "the first slot leaves an hour's notice at 09:00"
    );
    assert_eq!(
        listing_unchanged_until(
            &slots,
            60,
            Some(utc("2030-01-07T08:20:00Z")),
            now,
            minute * 60
        ),
        utc("2030-01-07T08:20:00Z"),
        "a hold lapsing first"
    );
    assert_eq!(
        listing_unchanged_until(&slots, 0, None, now, minute),
        now + minute,
        "never longer than the longest"
    );
    assert_eq!(
        listing_unchanged_until(&[], 0, None, now, minute),
        now + minute,
        "nothing offered: only the clock's other changes"
    );
}
