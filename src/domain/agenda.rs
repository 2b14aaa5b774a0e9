//! The provider's week and day at a glance: a grid of local hour rows by day columns,
//! each cell knowing whether it lies in working hours, in time off, and which bookings
//! start in it or run through it.
//!
//! Rows are wall-clock hours of each local date; each cell's UTC range comes from
//! [`crate::domain::time`]'s one DST policy, so on a spring-forward day the skipped hour is
//! an empty cell and on a fall-back day the doubled hour holds both real hours.

use chrono::{DateTime, NaiveDate, NaiveTime, Timelike, Utc};
use chrono_tz::Tz;

use crate::domain::availability::{DateOverride, LocalInterval, WeeklyRule};
use crate::domain::time::{local_date, start_of_local_day, to_utc, TimeRange};

/// The hours shown even on an empty week, so the grid has a familiar shape.
const DEFAULT_FIRST_HOUR: u32 = 8;
const DEFAULT_END_HOUR: u32 = 18;

/// One hour of one day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    /// Some part of the hour is inside the working hours of that date.
    pub open: bool,
    /// Some part of the hour is time off.
    pub off: bool,
    /// Indices (into the bookings given to [`week_grid`]) of bookings starting in this hour.
    pub starts: Vec<usize>,
    /// A booking that started earlier still runs in this hour.
    pub continues: bool,
}

/// The grid: `rows[h][d]` is hour `first_hour + h` of `dates[d]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    pub dates: Vec<NaiveDate>,
    pub first_hour: u32,
    pub rows: Vec<Vec<Cell>>,
}

/// The working hours of `date`: its override rows when it has any (a closed row makes an
/// empty day), else the weekly rules that apply on it.
pub fn open_on(
    date: NaiveDate,
    rules: &[WeeklyRule],
    overrides: &[DateOverride],
) -> Vec<LocalInterval> {
    let todays: Vec<&DateOverride> = overrides.iter().filter(|o| o.date == date).collect();
    if todays.is_empty() {
        rules
            .iter()
            .filter(|rule| rule.applies_on(date))
            .map(|rule| rule.interval)
            .collect()
    } else {
        todays.iter().filter_map(|o| o.interval).collect()
    }
}

/// The UTC range of wall-clock hour `hour` (0–23) of `date` in `tz`.
fn hour_range(date: NaiveDate, hour: u32, tz: Tz) -> TimeRange {
    let at = |h: u32| NaiveTime::from_hms_opt(h, 0, 0).map(|time| to_utc(date, time, tz));
    let start = at(hour).unwrap_or_else(|| start_of_local_day(date, tz));
    let end = match (at(hour + 1), date.succ_opt()) {
        (Some(end), _) => end,
        (None, Some(next)) => start_of_local_day(next, tz),
        (None, None) => start,
    };
    TimeRange::new(start, end)
}

/// The local hours `[first, end)` that show everything of `dates`: working hours and
/// bookings widen the default office day.
fn shown_hours(
    dates: &[NaiveDate],
    tz: Tz,
    open: &[Vec<LocalInterval>],
    bookings: &[TimeRange],
) -> (u32, u32) {
    let (mut first, mut end) = (DEFAULT_FIRST_HOUR, DEFAULT_END_HOUR);
    for interval in open.iter().flatten() {
        first = first.min(interval.start.hour());
        end = end.max(interval.end_seconds().div_ceil(3600));
    }
    let (Some(&first_date), Some(&last_date)) = (dates.first(), dates.last()) else {
        return (first, end);
    };
    let local_hour = |instant: DateTime<Utc>| instant.with_timezone(&tz).hour();
    for booking in bookings {
        let (start_date, end_date) = (local_date(booking.start, tz), local_date(booking.end, tz));
        if end_date < first_date || last_date < start_date {
            continue;
        }
        first = first.min(if start_date < first_date {
            0
        } else {
            local_hour(booking.start)
        });
        let last_minute = booking.end.with_timezone(&tz);
        let ends = if end_date > start_date {
            24
        } else {
            last_minute.hour() + u32::from(last_minute.minute() > 0)
        };
        end = end.max(ends);
    }
    (first, end.min(24))
}

/// The grid of `dates` (consecutive local dates in `tz`) for the given working hours,
/// time off and bookings (their UTC ranges).
pub fn week_grid(
    dates: &[NaiveDate],
    tz: Tz,
    rules: &[WeeklyRule],
    overrides: &[DateOverride],
    time_off: &[TimeRange],
    bookings: &[TimeRange],
) -> Grid {
    let open: Vec<Vec<LocalInterval>> = dates
        .iter()
        .map(|date| open_on(*date, rules, overrides))
        .collect();
    let (first_hour, end_hour) = shown_hours(dates, tz, &open, bookings);
    let rows = (first_hour..end_hour)
        .map(|hour| {
            dates
                .iter()
                .zip(&open)
                .map(|(date, intervals)| {
                    let cell = hour_range(*date, hour, tz);
                    let starts: Vec<usize> = bookings
                        .iter()
                        .enumerate()
                        .filter(|(_, b)| cell.contains(b.start))
                        .map(|(i, _)| i)
                        .collect();
                    Cell {
                        open: !cell.is_empty()
                            && intervals
                                .iter()
                                .any(|interval| interval.on_date(*date, tz).overlaps(&cell)),
                        off: time_off.iter().any(|off| off.overlaps(&cell)),
                        continues: bookings
                            .iter()
                            .any(|b| b.start < cell.start && b.overlaps(&cell)),
                        starts,
                    }
                })
                .collect()
        })
        .collect();
    Grid {
        dates: dates.to_vec(),
        first_hour,
        rows,
    }
}

/// The first day of the week that holds `date`, for weeks that begin on `first` (Monday in
/// Europe, Sunday in the US: the locale says which).
pub fn week_start(date: NaiveDate, first: chrono::Weekday) -> NaiveDate {
    use chrono::Datelike;
    let back =
        u64::from((date.weekday().num_days_from_monday() + 7 - first.num_days_from_monday()) % 7);
    date.checked_sub_days(chrono::Days::new(back))
        .unwrap_or(date)
}

/// The seven dates of the week that holds `date`, for weeks that begin on `first`.
pub fn week_of(date: NaiveDate, first: chrono::Weekday) -> Vec<NaiveDate> {
    let start = week_start(date, first);
    (0..7)
        .filter_map(|d| start.checked_add_days(chrono::Days::new(d)))
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Weekday};

    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn a_week_shows_hours_off_and_bookings_in_their_local_hours() {
        let berlin = chrono_tz::Europe::Berlin;
        let monday = date(2030, 1, 7);
        let dates: Vec<_> = (0..7).map(|d| monday + chrono::Days::new(d)).collect();
        let rules = [WeeklyRule::new(Weekday::Mon, time(9, 0), time(17, 0))];
        let overrides = [DateOverride::closed(date(2030, 1, 14))];
        // Tuesday 10:00–10:30 Berlin, and Wednesday 19:00–20:30.
        let bookings = [
            TimeRange::new(
                Utc.with_ymd_and_hms(2030, 1, 8, 9, 0, 0).unwrap(),
                Utc.with_ymd_and_hms(2030, 1, 8, 9, 30, 0).unwrap(),
            ),
            TimeRange::new(
                Utc.with_ymd_and_hms(2030, 1, 9, 18, 0, 0).unwrap(),
                Utc.with_ymd_and_hms(2030, 1, 9, 19, 30, 0).unwrap(),
            ),
        ];
        let off = [TimeRange::new(
            start_of_local_day(date(2030, 1, 10), berlin),
            start_of_local_day(date(2030, 1, 11), berlin),
        )];
        let grid = week_grid(&dates, berlin, &rules, &overrides, &off, &bookings);
        assert_eq!(grid.first_hour, 8);
        assert_eq!(
            grid.rows.len(),
            21 - 8,
            "the evening booking widens the day to 21:00"
        );
        let cell = |hour: u32, day: usize| &grid.rows[(hour - 8) as usize][day];
        assert!(!cell(8, 0).open && cell(9, 0).open && cell(16, 0).open && !cell(17, 0).open);
        assert!(!cell(10, 1).open, "no hours on Tuesday");
        assert_eq!(cell(10, 1).starts, vec![0]);
        assert_eq!(cell(19, 2).starts, vec![1]);
        assert!(cell(20, 2).continues && !cell(19, 2).continues);
        assert!(cell(12, 3).off && !cell(12, 2).off, "Thursday is off");
        assert!(
            open_on(date(2030, 1, 14), &rules, &overrides).is_empty(),
            "closed by override"
        );
    }

    #[test]
    fn the_spring_forward_hour_is_an_empty_cell() {
        let berlin = chrono_tz::Europe::Berlin;
        let sunday = date(2030, 3, 31);
        let rules = [WeeklyRule::new(Weekday::Sun, time(0, 0), time(0, 0))];
        let grid = week_grid(&[sunday], berlin, &rules, &[], &[], &[]);
        assert_eq!(grid.first_hour, 0);
        assert_eq!(grid.rows.len(), 24, "open until 24:00");
        assert!(grid.rows[1][0].open && !grid.rows[2][0].open && grid.rows[3][0].open);
        assert!(grid.rows[23][0].open);
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(
            week_start(date(2030, 1, 13), Weekday::Mon),
            date(2030, 1, 7)
        );
        assert_eq!(week_start(date(2030, 1, 7), Weekday::Mon), date(2030, 1, 7));
        assert_eq!(
            week_start(date(2030, 1, 13), Weekday::Sun),
            date(2030, 1, 13)
        );
        assert_eq!(
            week_start(date(2030, 1, 12), Weekday::Sun),
            date(2030, 1, 6)
        );
    }
}
