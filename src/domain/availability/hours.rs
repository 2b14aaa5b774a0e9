//! Opening hours as a provider states them: wall-clock intervals on weekdays and dates.

use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};
use chrono_tz::Tz;

use crate::domain::time::{start_of_local_day, to_utc, TimeRange};

/// How a provider writes the end of the day: "open until 24:00".
pub const END_OF_DAY: &str = "24:00";

/// A wall-clock interval within one local day, `[start, end)`. Intervals never cross
/// midnight: evening-into-night hours are two intervals on two days.
///
/// An `end` of 00:00 means 24:00, the end of the day. No interval can otherwise end at
/// midnight (it would end before it starts), and chrono's `NaiveTime` and the SQLite time
/// column cannot hold 24:00, so the one spare value carries it without a migration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LocalInterval {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl LocalInterval {
    pub fn new(start: NaiveTime, end: NaiveTime) -> Self {
        Self { start, end }
    }

    /// True when the interval runs to the end of its day (written 24:00).
    pub fn ends_at_midnight(&self) -> bool {
        self.end == NaiveTime::MIN
    }

    /// Seconds from local midnight to the start, as the wall clock reads them.
    pub fn start_seconds(&self) -> u32 {
        self.start.num_seconds_from_midnight()
    }

    /// Seconds from local midnight to the end, 86 400 for 24:00.
    pub fn end_seconds(&self) -> u32 {
        if self.ends_at_midnight() {
            86_400
        } else {
            self.end.num_seconds_from_midnight()
        }
    }

    /// True when the interval holds no wall-clock time.
    pub fn is_empty(&self) -> bool {
        self.end_seconds() <= self.start_seconds()
    }

    /// The interval on the local `date` in `tz` as UTC, with the DST policy of
    /// [`crate::domain::time`]; 24:00 is the first instant of the next local day.
    pub fn on_date(&self, date: NaiveDate, tz: Tz) -> TimeRange {
        let start = to_utc(date, self.start, tz);
        let end = match (self.ends_at_midnight(), date.succ_opt()) {
            (true, Some(next)) => start_of_local_day(next, tz),
            // The last representable date has no next day to end at.
            (true, None) => start,
            (false, _) => to_utc(date, self.end, tz),
        };
        TimeRange::new(start, end)
    }

    /// Reads an end time as people write it: `HH:MM` (or `HH:MM:SS`), or `24:00` for the
    /// end of the day.
    pub fn parse_end(text: &str) -> Option<NaiveTime> {
        if text == END_OF_DAY || text == "24:00:00" {
            return Some(NaiveTime::MIN);
        }
        parse_wall_clock(text)
    }
}

/// A `HH:MM` (or `HH:MM:SS`, as some browsers send) wall-clock time.
pub fn parse_wall_clock(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"))
        .ok()
}

impl fmt::Display for LocalInterval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\u{2013}", self.start.format("%H:%M"))?;
        if self.ends_at_midnight() {
            f.write_str(END_OF_DAY)
        } else {
            write!(f, "{}", self.end.format("%H:%M"))
        }
    }
}

/// One row of weekly hours: on `day_of_week`, open during `interval`, for local dates
/// between `valid_from` and `valid_until` (both inclusive, either may be open-ended).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WeeklyRule {
    pub day_of_week: Weekday,
    pub interval: LocalInterval,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
}

impl WeeklyRule {
    /// A rule valid on every date.
    pub fn new(day_of_week: Weekday, start: NaiveTime, end: NaiveTime) -> Self {
        Self {
            day_of_week,
            interval: LocalInterval::new(start, end),
            valid_from: None,
            valid_until: None,
        }
    }

    /// Whether this rule gives hours on the local `date`.
    pub fn applies_on(&self, date: NaiveDate) -> bool {
        date.weekday() == self.day_of_week
            && self.valid_from.is_none_or(|from| from <= date)
            && self.valid_until.is_none_or(|until| date <= until)
    }
}

/// The database's `day_of_week` numbering (0 = Sunday … 6 = Saturday) as a [`Weekday`].
pub fn weekday_from_number(day_of_week: i32) -> Option<Weekday> {
    let index = u8::try_from(day_of_week).ok().filter(|index| *index < 7)?;
    // Weekday counts from Monday; the database counts from Sunday.
    Weekday::try_from((index + 6) % 7).ok()
}

/// The inverse of [`weekday_from_number`].
pub fn weekday_number(day: Weekday) -> i32 {
    match day {
        Weekday::Sun => 0,
        Weekday::Mon => 1,
        Weekday::Tue => 2,
        Weekday::Wed => 3,
        Weekday::Thu => 4,
        Weekday::Fri => 5,
        Weekday::Sat => 6,
    }
}

/// One row of a date override. All rows of a date together replace that date's weekly
/// hours: the date is open exactly during the `Some` intervals of its rows, so a date
/// with only a closed row (`interval: None`) is closed all day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateOverride {
    pub date: NaiveDate,
    pub interval: Option<LocalInterval>,
}

impl DateOverride {
    pub fn open(date: NaiveDate, start: NaiveTime, end: NaiveTime) -> Self {
        Self {
            date,
            interval: Some(LocalInterval::new(start, end)),
        }
    }

    pub fn closed(date: NaiveDate) -> Self {
        Self {
            date,
            interval: None,
        }
    }
}

/// Why a day's intervals cannot be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IntervalError {
    #[error(
        "{0} ends before it starts; hours cannot run past midnight, so add the rest to the next day"
    )]
    EndNotAfterStart(LocalInterval),
    #[error("{0} overlaps {1}; merge them or make them separate")]
    Overlap(LocalInterval, LocalInterval),
}

/// Checks the intervals of one day (a weekday's hours or a date override): each must end
/// after it starts (so none crosses midnight) and none may overlap another. Touching
/// intervals (09:00–12:00 and 12:00–17:00) are fine.
pub fn validate_day_intervals(intervals: &[LocalInterval]) -> Result<(), IntervalError> {
    if let Some(bad) = intervals.iter().find(|interval| interval.is_empty()) {
        return Err(IntervalError::EndNotAfterStart(*bad));
    }
    let mut sorted = intervals.to_vec();
    sorted.sort_by_key(|interval| (interval.start, interval.end_seconds()));
    // Sorted by start, any overlap shows up between neighbours.
    match sorted
        .windows(2)
        .find(|pair| pair[1].start_seconds() < pair[0].end_seconds())
    {
        Some(pair) => Err(IntervalError::Overlap(pair[0], pair[1])),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn interval(start: (u32, u32), end: (u32, u32)) -> LocalInterval {
        LocalInterval::new(
            NaiveTime::from_hms_opt(start.0, start.1, 0).unwrap(),
            NaiveTime::from_hms_opt(end.0, end.1, 0).unwrap(),
        )
    }

    #[test]
    fn touching_and_separate_intervals_are_valid() {
        let day = [
            interval((13, 0), (17, 0)),
            interval((9, 0), (12, 0)),
            interval((12, 0), (13, 0)),
        ];
        assert_eq!(validate_day_intervals(&day), Ok(()));
        assert_eq!(validate_day_intervals(&[]), Ok(()));
    }

    #[test]
    fn an_interval_ending_at_or_before_its_start_is_refused_with_a_message() {
        let backwards = interval((22, 0), (2, 0));
        let error = validate_day_intervals(&[interval((9, 0), (12, 0)), backwards]).unwrap_err();
        assert_eq!(error, IntervalError::EndNotAfterStart(backwards));
        assert!(error
            .to_string()
            .starts_with("22:00\u{2013}02:00 ends before it starts"));
        let empty = interval((9, 0), (9, 0));
        assert_eq!(
            validate_day_intervals(&[empty]),
            Err(IntervalError::EndNotAfterStart(empty))
        );
    }

    #[test]
    fn overlapping_intervals_are_refused_and_named() {
        let error =
            validate_day_intervals(&[interval((11, 0), (14, 0)), interval((9, 0), (12, 0))])
                .unwrap_err();
        assert_eq!(
            error,
            IntervalError::Overlap(interval((9, 0), (12, 0)), interval((11, 0), (14, 0)))
        );
        assert_eq!(
            error.to_string(),
            "09:00\u{2013}12:00 overlaps 11:00\u{2013}14:00; merge them or make them separate"
        );
        let nested = [interval((8, 0), (18, 0)), interval((10, 0), (11, 0))];
        assert!(matches!(
            validate_day_intervals(&nested),
            Err(IntervalError::Overlap(..))
        ));
    }

    #[test]
    fn an_interval_may_end_at_24_00_and_then_reaches_the_next_local_midnight() {
        let evening = interval((18, 0), (0, 0));
        assert!(evening.ends_at_midnight());
        assert_eq!(evening.to_string(), "18:00\u{2013}24:00");
        let whole_day = interval((0, 0), (0, 0));
        assert_eq!(validate_day_intervals(&[whole_day]), Ok(()));
        assert_eq!(
            validate_day_intervals(&[interval((9, 0), (12, 0)), evening]),
            Ok(())
        );
        assert!(matches!(
            validate_day_intervals(&[interval((20, 0), (23, 0)), evening]),
            Err(IntervalError::Overlap(..))
        ));
        assert_eq!(LocalInterval::parse_end("24:00"), Some(NaiveTime::MIN));
        assert_eq!(LocalInterval::parse_end("24:30"), None);
        assert_eq!(parse_wall_clock("24:00"), None);

        // 2026-10-24 is 24 hours long in Berlin, 2026-10-25 (fall back) 25 hours.
        let berlin = chrono_tz::Europe::Berlin;
        let saturday = NaiveDate::from_ymd_opt(2026, 10, 24).unwrap();
        let range = whole_day.on_date(saturday, berlin);
        assert_eq!(range.end - range.start, chrono::TimeDelta::hours(24));
        let sunday = saturday.succ_opt().unwrap();
        let range = whole_day.on_date(sunday, berlin);
        assert_eq!(range.end - range.start, chrono::TimeDelta::hours(25));
        assert_eq!(
            range.end,
            start_of_local_day(sunday.succ_opt().unwrap(), berlin)
        );
    }

    #[test]
    fn database_day_numbers_start_on_sunday() {
        assert_eq!(weekday_from_number(0), Some(Weekday::Sun));
        assert_eq!(weekday_from_number(1), Some(Weekday::Mon));
        assert_eq!(weekday_from_number(6), Some(Weekday::Sat));
        assert_eq!(weekday_from_number(7), None);
        assert_eq!(weekday_from_number(-1), None);
        for number in 0..7 {
            assert_eq!(weekday_number(weekday_from_number(number).unwrap()), number);
        }
    }

    #[test]
    fn a_rule_applies_only_on_its_weekday_within_its_validity_dates() {
        let hours = interval((9, 0), (17, 0));
        let mut rule = WeeklyRule::new(Weekday::Mon, hours.start, hours.end);
        let monday = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert!(rule.applies_on(monday));
        assert!(!rule.applies_on(monday.succ_opt().unwrap()));
        rule.valid_from = Some(monday);
        rule.valid_until = Some(monday + chrono::Days::new(7));
        assert!(rule.applies_on(monday));
        assert!(rule.applies_on(monday + chrono::Days::new(7)));
        assert!(!rule.applies_on(monday - chrono::Days::new(7)));
        assert!(!rule.applies_on(monday + chrono::Days::new(14)));
    }
}
