//! Time zones and the one conversion from a provider's wall clock to UTC.
//!
//! Instants are stored and compared in UTC; weekly hours, overrides and "which day is it"
//! are wall-clock notions in an IANA time zone. Every wall-clock -> UTC conversion in
//! Slotbook goes through [`local_to_utc`] (or its wrappers [`to_utc`] and
//! [`start_of_local_day`]), which applies one written DST policy:
//!
//! - **Gap (spring forward).** A wall-clock time that does not exist, because the clocks
//!   jump over it, moves to the *first instant after the gap*. In America/New_York on
//!   2026-03-08 the clocks go 01:59:59 EST -> 03:00 EDT, so 02:30 becomes 03:00 EDT
//!   (07:00Z). Midnight can be in a gap too (America/Sao_Paulo 2018-11-04,
//!   America/Havana): that day then starts at 01:00.
//! - **Fold (fall back).** A wall-clock time that happens twice takes the *earlier*
//!   instant. In America/New_York on 2026-11-01, 01:30 becomes 01:30 EDT (05:30Z), not
//!   01:30 EST.
//!
//! Consequences worth knowing: an interval such as 02:00–02:30 that lies entirely inside a
//! gap becomes empty, and an interval spanning a fold (01:00–03:00 on fall-back day) lasts
//! three real hours. Durations are always real durations, computed in UTC.

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;

mod bounds;

pub use bounds::{
    add, bounded_date, date_in_bounds, end_date, first_date, instant_in_bounds, parse_date,
    parse_month, parse_unix_seconds, DateInputError, END_YEAR, FIRST_YEAR,
};

/// A half-open UTC range `[start, end)`. Two ranges that merely touch do not overlap,
/// so back-to-back appointments are fine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeRange {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl TimeRange {
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> Self {
        Self { start, end }
    }

    /// True when the range contains no instant (`end <= start`).
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    pub fn contains(&self, instant: DateTime<Utc>) -> bool {
        self.start <= instant && instant < self.end
    }

    pub fn overlaps(&self, other: &TimeRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The local dates `first..=last` in `tz` as a UTC range, from the start of `first`
    /// to the start of the day after `last`: e.g. a month of a guest's calendar.
    pub fn local_dates(first: NaiveDate, last: NaiveDate, tz: Tz) -> TimeRange {
        let after_last = last.succ_opt().unwrap_or(last);
        TimeRange::new(
            start_of_local_day(first, tz),
            start_of_local_day(after_last, tz),
        )
    }
}

/// Converts a local wall-clock time in `tz` to UTC with the module's DST policy: a time in
/// a spring-forward gap moves to the first instant after the gap; an ambiguous fall-back
/// time takes the earlier instant.
pub fn local_to_utc(local: NaiveDateTime, tz: Tz) -> DateTime<Utc> {
    let mapped = tz.from_local_datetime(&local);
    match (mapped.earliest(), mapped.latest()) {
        (Some(a), Some(b)) => a.with_timezone(&Utc).min(b.with_timezone(&Utc)),
        _ => first_instant_after_gap(local, tz),
    }
}

/// [`local_to_utc`] for a date and a wall-clock time.
pub fn to_utc(date: NaiveDate, time: NaiveTime, tz: Tz) -> DateTime<Utc> {
    local_to_utc(date.and_time(time), tz)
}

/// The first instant of `date` in `tz` (its midnight, or the end of a gap that swallows
/// midnight).
pub fn start_of_local_day(date: NaiveDate, tz: Tz) -> DateTime<Utc> {
    to_utc(date, NaiveTime::MIN, tz)
}

/// The calendar date in `tz` at `instant`.
pub fn local_date(instant: DateTime<Utc>, tz: Tz) -> NaiveDate {
    instant.with_timezone(&tz).date_naive()
}

/// The wall-clock time shown in `tz` at `instant`.
fn wall_clock(instant: DateTime<Utc>, tz: Tz) -> NaiveDateTime {
    instant.with_timezone(&tz).naive_local()
}

/// The earliest instant whose wall-clock time is at or after `local`, for a `local` that
/// falls in a gap: that is the transition instant that ends the gap.
fn first_instant_after_gap(local: NaiveDateTime, tz: Tz) -> DateTime<Utc> {
    // Bracket the gap with existing wall-clock times on both sides. The wall clock is
    // monotonic between the two, since the only transition in between is the gap itself.
    // Gaps are at most about a day (Pacific/Apia skipped 2011-12-30), so 50 hours of
    // probing is plenty.
    const PROBE: TimeDelta = TimeDelta::minutes(15);
    const PROBES: usize = 200;
    let probe = |step: TimeDelta| {
        let mut wall = local;
        for _ in 0..PROBES {
            wall = wall.checked_add_signed(step)?;
            let mapped = tz.from_local_datetime(&wall);
            let (earliest, latest) = (mapped.earliest(), mapped.latest());
            if let (Some(earliest), Some(latest)) = (earliest, latest) {
                return Some((earliest.with_timezone(&Utc), latest.with_timezone(&Utc)));
            }
        }
        None
    };
    let (Some((_, mut before)), Some((mut after, _))) = (probe(-PROBE), probe(PROBE)) else {
        // Not reachable with real tz data: read the time with the offset in force at the
        // same reading in UTC.
        let offset = offset_delta(tz.offset_from_utc_datetime(&local));
        let naive = local.checked_sub_signed(offset).unwrap_or(local);
        return Utc.from_utc_datetime(&naive);
    };
    // Invariant: wall_clock(before) < local <= wall_clock(after).
    while after - before > TimeDelta::seconds(1) {
        let middle = before + (after - before) / 2;
        if wall_clock(middle, tz) >= local {
            after = middle;
        } else {
            before = middle;
        }
    }
    after
}

fn offset_delta(offset: <Tz as TimeZone>::Offset) -> TimeDelta {
    use chrono::Offset;
    TimeDelta::seconds(i64::from(offset.fix().local_minus_utc()))
}

/// An IANA time zone name known to the tz database, such as `Europe/Berlin`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Timezone(Tz);

/// The text is not an IANA time zone name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\u{201c}{0}\u{201d} is not a time zone we know; choose one from the list, such as Europe/Berlin")]
pub struct UnknownTimezone(pub String);

impl UnknownTimezone {
    /// The words for a page.
    pub fn text(&self) -> crate::domain::text::Text {
        crate::domain::text::Text::id("form-error-timezone").arg("zone", &self.0)
    }
}

impl Timezone {
    pub const UTC: Timezone = Timezone(Tz::UTC);

    /// Accepts any name the tz database knows, including old aliases such as
    /// `US/Eastern` (they may already be stored), matched exactly after trimming spaces.
    pub fn parse(name: &str) -> Result<Timezone, UnknownTimezone> {
        let trimmed = name.trim();
        Tz::from_str(trimmed)
            .map(Timezone)
            .map_err(|_| UnknownTimezone(trimmed.chars().filter(|c| !c.is_control()).collect()))
    }

    pub fn tz(self) -> Tz {
        self.0
    }

    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// Names for a time zone picker, sorted: `UTC` and every geographic `Area/Location`
    /// zone, without the legacy aliases (`US/Eastern`, `EST5EDT`, `Etc/GMT+5`) and the
    /// deprecated spellings kept only for old data (`Asia/Calcutta`, `Europe/Kiev`).
    pub fn all_names() -> &'static [&'static str] {
        static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
        NAMES.get_or_init(|| {
            let mut names: Vec<&'static str> = chrono_tz::TZ_VARIANTS
                .iter()
                .map(|tz| tz.name())
                .filter(|name| is_picker_name(name))
                .collect();
            names.sort_unstable();
            names
        })
    }
}

impl Default for Timezone {
    fn default() -> Self {
        Timezone::UTC
    }
}

impl fmt::Display for Timezone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Timezone {
    type Err = UnknownTimezone;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Timezone::parse(s)
    }
}

/// Rows read a stored zone name straight into a `Timezone` (`db::models`).
impl TryFrom<String> for Timezone {
    type Error = UnknownTimezone;

    fn try_from(name: String) -> Result<Self, Self::Error> {
        Timezone::parse(&name)
    }
}

impl From<Timezone> for Tz {
    fn from(timezone: Timezone) -> Tz {
        timezone.0
    }
}

const GEOGRAPHIC_AREAS: [&str; 10] = [
    "Africa/",
    "America/",
    "Antarctica/",
    "Arctic/",
    "Asia/",
    "Atlantic/",
    "Australia/",
    "Europe/",
    "Indian/",
    "Pacific/",
];

/// Area/Location links from the tz database's `backward` file that are old spellings,
/// pre-1993 names or duplicates of another location, not places of their own.
const DEPRECATED_NAMES: &[&str] = &[
    "Africa/Asmera",
    "Africa/Timbuktu",
    "America/Argentina/ComodRivadavia",
    "America/Atka",
    "America/Buenos_Aires",
    "America/Catamarca",
    "America/Coral_Harbour",
    "America/Cordoba",
    "America/Ensenada",
    "America/Fort_Wayne",
    "America/Godthab",
    "America/Indianapolis",
    "America/Jujuy",
    "America/Knox_IN",
    "America/Louisville",
    "America/Mendoza",
    "America/Montreal",
    "America/Nipigon",
    "America/Pangnirtung",
    "America/Porto_Acre",
    "America/Rainy_River",
    "America/Rosario",
    "America/Santa_Isabel",
    "America/Shiprock",
    "America/Thunder_Bay",
    "America/Virgin",
    "America/Yellowknife",
    "Antarctica/South_Pole",
    "Asia/Ashkhabad",
    "Asia/Calcutta",
    "Asia/Choibalsan",
    "Asia/Chongqing",
    "Asia/Chungking",
    "Asia/Dacca",
    "Asia/Harbin",
    "Asia/Istanbul",
    "Asia/Kashgar",
    "Asia/Katmandu",
    "Asia/Macao",
    "Asia/Rangoon",
    "Asia/Saigon",
    "Asia/Tel_Aviv",
    "Asia/Thimbu",
    "Asia/Ujung_Pandang",
    "Asia/Ulan_Bator",
    "Atlantic/Faeroe",
    "Atlantic/Jan_Mayen",
    "Australia/ACT",
    "Australia/Canberra",
    "Australia/Currie",
    "Australia/LHI",
    "Australia/NSW",
    "Australia/North",
    "Australia/Queensland",
    "Australia/South",
    "Australia/Tasmania",
    "Australia/Victoria",
    "Australia/West",
    "Australia/Yancowinna",
    "Europe/Belfast",
    "Europe/Kiev",
    "Europe/Nicosia",
    "Europe/Tiraspol",
    "Europe/Uzhgorod",
    "Europe/Zaporozhye",
    "Pacific/Enderbury",
    "Pacific/Johnston",
    "Pacific/Ponape",
    "Pacific/Samoa",
    "Pacific/Truk",
    "Pacific/Yap",
];

fn is_picker_name(name: &str) -> bool {
    if name == "UTC" {
        return true;
    }
    GEOGRAPHIC_AREAS.iter().any(|area| name.starts_with(area)) && !DEPRECATED_NAMES.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn tz(name: &str) -> Tz {
        Timezone::parse(name).unwrap().tz()
    }

    #[test]
    fn an_ordinary_time_converts_with_the_zone_offset() {
        let ny = tz("America/New_York");
        assert_eq!(
            to_utc(date(2026, 1, 15), hm(9, 0), ny),
            utc("2026-01-15T14:00:00Z")
        );
        assert_eq!(
            to_utc(date(2026, 7, 15), hm(9, 0), ny),
            utc("2026-07-15T13:00:00Z")
        );
    }

    #[test]
    fn a_time_in_the_spring_forward_gap_moves_to_the_first_instant_after_it() {
        let ny = tz("America/New_York");
        // 02:30 does not exist on 2026-03-08; the clocks jump from 02:00 EST to 03:00 EDT.
        assert_eq!(
            to_utc(date(2026, 3, 8), hm(2, 30), ny),
            utc("2026-03-08T07:00:00Z")
        );
        assert_eq!(
            to_utc(date(2026, 3, 8), hm(2, 0), ny),
            utc("2026-03-08T07:00:00Z")
        );
        assert_eq!(
            to_utc(date(2026, 3, 8), hm(3, 0), ny),
            utc("2026-03-08T07:00:00Z")
        );
        assert_eq!(
            to_utc(date(2026, 3, 8), hm(1, 59), ny),
            utc("2026-03-08T06:59:00Z")
        );
    }

    #[test]
    fn an_ambiguous_fall_back_time_takes_the_earlier_instant() {
        let ny = tz("America/New_York");
        // 01:30 happens twice on 2026-11-01: 05:30Z (EDT) and 06:30Z (EST).
        assert_eq!(
            to_utc(date(2026, 11, 1), hm(1, 30), ny),
            utc("2026-11-01T05:30:00Z")
        );
        assert_eq!(
            to_utc(date(2026, 11, 1), hm(2, 0), ny),
            utc("2026-11-01T07:00:00Z")
        );
    }

    #[test]
    fn europe_berlin_gap_and_fold_follow_the_policy() {
        let berlin = tz("Europe/Berlin");
        assert_eq!(
            to_utc(date(2026, 3, 29), hm(2, 15), berlin),
            utc("2026-03-29T01:00:00Z")
        );
        assert_eq!(
            to_utc(date(2026, 10, 25), hm(2, 15), berlin),
            utc("2026-10-25T00:15:00Z")
        );
    }

    #[test]
    fn lord_howe_shifts_by_thirty_minutes() {
        let lord_howe = tz("Australia/Lord_Howe");
        // Spring forward 2026-10-04 02:00 +10:30 -> 02:30 +11:00.
        assert_eq!(
            to_utc(date(2026, 10, 4), hm(2, 15), lord_howe),
            utc("2026-10-03T15:30:00Z")
        );
        assert_eq!(
            to_utc(date(2026, 10, 4), hm(2, 30), lord_howe),
            utc("2026-10-03T15:30:00Z")
        );
        // Fall back 2026-04-05 02:00 +11:00 -> 01:30 +10:30: 01:45 happens twice.
        assert_eq!(
            to_utc(date(2026, 4, 5), hm(1, 45), lord_howe),
            utc("2026-04-04T14:45:00Z")
        );
        assert_eq!(
            to_utc(date(2026, 4, 5), hm(2, 0), lord_howe),
            utc("2026-04-04T15:30:00Z")
        );
    }

    #[test]
    fn chatham_uses_its_quarter_hour_offsets() {
        let chatham = tz("Pacific/Chatham");
        // +12:45 in (southern) winter, +13:45 in summer.
        assert_eq!(
            to_utc(date(2026, 7, 1), hm(9, 0), chatham),
            utc("2026-06-30T20:15:00Z")
        );
        assert_eq!(
            to_utc(date(2026, 1, 15), hm(9, 0), chatham),
            utc("2026-01-14T19:15:00Z")
        );
        // Spring forward 2026-09-27 02:45 -> 03:45.
        assert_eq!(
            to_utc(date(2026, 9, 27), hm(3, 0), chatham),
            utc("2026-09-26T14:00:00Z")
        );
    }

    #[test]
    fn kolkata_has_a_half_hour_offset_and_no_dst() {
        let kolkata = tz("Asia/Kolkata");
        assert_eq!(
            to_utc(date(2026, 3, 8), hm(9, 0), kolkata),
            utc("2026-03-08T03:30:00Z")
        );
        assert_eq!(
            to_utc(date(2026, 11, 1), hm(0, 0), kolkata),
            utc("2026-10-31T18:30:00Z")
        );
    }

    #[test]
    fn a_day_whose_midnight_is_in_a_gap_starts_after_the_gap() {
        let sao_paulo = tz("America/Sao_Paulo");
        assert_eq!(
            start_of_local_day(date(2018, 11, 4), sao_paulo),
            utc("2018-11-04T03:00:00Z")
        );
        let havana = tz("America/Havana");
        assert_eq!(
            start_of_local_day(date(2026, 3, 8), havana),
            utc("2026-03-08T05:00:00Z")
        );
        assert_eq!(
            local_date(utc("2018-11-04T02:59:59Z"), sao_paulo),
            date(2018, 11, 3)
        );
        assert_eq!(
            local_date(utc("2018-11-04T03:00:00Z"), sao_paulo),
            date(2018, 11, 4)
        );
    }

    #[test]
    fn a_skipped_calendar_day_maps_to_the_next_existing_instant() {
        // Samoa skipped 2011-12-30 entirely.
        let apia = tz("Pacific/Apia");
        assert_eq!(
            to_utc(date(2011, 12, 30), hm(12, 0), apia),
            utc("2011-12-30T10:00:00Z")
        );
        assert_eq!(
            start_of_local_day(date(2011, 12, 31), apia),
            utc("2011-12-30T10:00:00Z")
        );
    }

    #[test]
    fn local_date_uses_the_zone_not_utc() {
        let kiritimati = tz("Pacific/Kiritimati");
        let pago_pago = tz("Pacific/Pago_Pago");
        let instant = utc("2026-05-10T12:00:00Z");
        assert_eq!(local_date(instant, kiritimati), date(2026, 5, 11));
        assert_eq!(local_date(instant, pago_pago), date(2026, 5, 10));
    }

    #[test]
    fn timezone_parses_iana_names_and_refuses_others() {
        let berlin = Timezone::parse(" Europe/Berlin ").unwrap();
        assert_eq!(berlin.name(), "Europe/Berlin");
        assert_eq!(berlin.to_string(), "Europe/Berlin");
        assert_eq!(berlin.tz(), chrono_tz::Europe::Berlin);
        assert_eq!("UTC".parse::<Timezone>().unwrap(), Timezone::UTC);
        assert!(Timezone::parse("US/Eastern").is_ok());
        let error = Timezone::parse("Mars/Olympus_Mons").unwrap_err();
        assert!(error.to_string().contains("Mars/Olympus_Mons"));
        assert!(Timezone::parse("").is_err());
        assert!(Timezone::parse("europe/berlin").is_err());
    }

    #[test]
    fn picker_names_are_sorted_canonical_and_parse() {
        let names = Timezone::all_names();
        assert!(names.windows(2).all(|pair| pair[0] < pair[1]));
        for expected in [
            "UTC",
            "America/New_York",
            "America/Argentina/Buenos_Aires",
            "Asia/Kolkata",
            "Australia/Lord_Howe",
            "Europe/Kyiv",
            "Pacific/Chatham",
        ] {
            assert!(names.contains(&expected), "{expected} missing");
        }
        for legacy in [
            "US/Eastern",
            "Asia/Calcutta",
            "Europe/Kiev",
            "EST5EDT",
            "Etc/GMT+5",
        ] {
            assert!(!names.contains(&legacy), "{legacy} listed");
        }
        assert!(names.iter().all(|name| Timezone::parse(name).is_ok()));
        assert!(names.len() > 300);
    }

    #[test]
    fn a_range_of_local_dates_runs_from_midnight_to_midnight_in_the_zone() {
        let month =
            TimeRange::local_dates(date(2026, 3, 1), date(2026, 3, 31), tz("Europe/Berlin"));
        assert_eq!(month.start, utc("2026-02-28T23:00:00Z"));
        assert_eq!(month.end, utc("2026-03-31T22:00:00Z"));
    }

    #[test]
    fn time_ranges_are_half_open() {
        let a = TimeRange::new(utc("2026-01-01T09:00:00Z"), utc("2026-01-01T10:00:00Z"));
        let b = TimeRange::new(utc("2026-01-01T10:00:00Z"), utc("2026-01-01T11:00:00Z"));
        assert!(!a.overlaps(&b));
        assert!(!b.overlaps(&a));
        assert!(a.contains(a.start));
        assert!(!a.contains(a.end));
        assert!(TimeRange::new(a.end, a.start).is_empty());
    }
}
