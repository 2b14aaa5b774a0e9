//! The span of dates and instants Slotbook accepts from outside, and the one way to read
//! them. Everything a request carries (a slot start in Unix seconds, a `YYYY-MM-DD` date, a
//! `YYYY-MM` month) is parsed here and refused unless it lies in
//! [`FIRST_YEAR`]`-01-01 ..` [`END_YEAR`]`-01-01`, before any arithmetic runs on it. The
//! span keeps a wide margin inside chrono's range and inside what both databases store
//! (PostgreSQL refuses years before −4713 and after 294276; SQLite's text layout sorts
//! correctly only for four-digit years), so a day or two added to a bounded value can never
//! overflow. Arithmetic on instants in the domain goes through [`add`], which saturates
//! instead of panicking.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};

/// The first year whose dates are accepted.
pub const FIRST_YEAR: i32 = 1970;
/// The first year whose dates are no longer accepted.
pub const END_YEAR: i32 = 2200;

/// Why a date, month or instant from a request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateInputError {
    #[error("Enter a date like 2030-01-31.")]
    Unreadable,
    #[error("Enter a month like 2030-01.")]
    UnreadableMonth,
    #[error("Choose a date between 1970 and 2199.")]
    OutOfRange,
}

impl DateInputError {
    /// The words for a page.
    pub fn text(self) -> crate::domain::text::Text {
        crate::domain::text::Text::id(match self {
            Self::Unreadable => "form-error-date",
            Self::UnreadableMonth => "form-error-month",
            Self::OutOfRange => "form-error-date-range",
        })
    }
}

/// 1970-01-01, the first accepted date.
pub fn first_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// 2200-01-01, the first date no longer accepted.
pub fn end_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(END_YEAR, 1, 1).unwrap_or(NaiveDate::MAX)
}

/// Whether `date` lies in the accepted span.
pub fn date_in_bounds(date: NaiveDate) -> bool {
    (first_date()..end_date()).contains(&date)
}

/// Whether `instant` lies in the accepted span (read in UTC).
pub fn instant_in_bounds(instant: DateTime<Utc>) -> bool {
    date_in_bounds(instant.date_naive())
}

/// `date` itself when it is in the accepted span.
pub fn bounded_date(date: NaiveDate) -> Result<NaiveDate, DateInputError> {
    if date_in_bounds(date) {
        Ok(date)
    } else {
        Err(DateInputError::OutOfRange)
    }
}

/// A `YYYY-MM-DD` date inside the accepted span. Dates chrono can read but that lie
/// outside it (`+10000-01-01`, `-0001-12-31`) are out of range, not unreadable.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateInputError> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| DateInputError::Unreadable)?;
    bounded_date(date)
}

/// A `YYYY-MM` month as its first day, inside the accepted span.
pub fn parse_month(text: &str) -> Result<NaiveDate, DateInputError> {
    let text = text.trim();
    if text.is_empty() || text.len() > 16 {
        return Err(DateInputError::UnreadableMonth);
    }
    parse_date(&format!("{text}-01")).map_err(|error| match error {
        DateInputError::Unreadable => DateInputError::UnreadableMonth,
        other => other,
    })
}

/// An instant sent as whole Unix seconds (slot links and the booking form), inside the
/// accepted span.
pub fn parse_unix_seconds(text: &str) -> Result<DateTime<Utc>, DateInputError> {
    let seconds = text
        .trim()
        .parse::<i64>()
        .map_err(|_| DateInputError::Unreadable)?;
    let first = first_date().and_time(chrono::NaiveTime::MIN).and_utc();
    let end = end_date().and_time(chrono::NaiveTime::MIN).and_utc();
    if !(first.timestamp()..end.timestamp()).contains(&seconds) {
        return Err(DateInputError::OutOfRange);
    }
    DateTime::from_timestamp(seconds, 0).ok_or(DateInputError::OutOfRange)
}

/// `instant + delta`, saturating at chrono's limits instead of panicking.
pub fn add(instant: DateTime<Utc>, delta: TimeDelta) -> DateTime<Utc> {
    instant
        .checked_add_signed(delta)
        .unwrap_or(if delta < TimeDelta::zero() {
            DateTime::<Utc>::MIN_UTC
        } else {
            DateTime::<Utc>::MAX_UTC
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_inside_the_span_parse() {
        assert_eq!(parse_date("2030-01-31"), Ok(date(2030, 1, 31)));
        assert_eq!(parse_date(" 1970-01-01 "), Ok(date(1970, 1, 1)));
        assert_eq!(parse_date("2199-12-31"), Ok(date(2199, 12, 31)));
    }

    #[test]
    fn far_dates_are_out_of_range_and_garbage_is_unreadable() {
        for far in [
            "1969-12-31",
            "2200-01-01",
            "9999-12-31",
            "-0001-12-31",
            "+10000-01-01",
            "+262142-12-31",
            "-5000-01-01",
        ] {
            assert_eq!(parse_date(far), Err(DateInputError::OutOfRange), "{far}");
        }
        for bad in [
            "",
            "2030-02-30",
            "2030-01",
            "tomorrow",
            "2030-01-01\0",
            "２０３０-01-01",
        ] {
            assert_eq!(parse_date(bad), Err(DateInputError::Unreadable), "{bad:?}");
        }
    }

    #[test]
    fn months_parse_to_their_first_day() {
        assert_eq!(parse_month("2030-02"), Ok(date(2030, 2, 1)));
        assert_eq!(parse_month("2200-01"), Err(DateInputError::OutOfRange));
        assert_eq!(parse_month("2030-13"), Err(DateInputError::UnreadableMonth));
        assert_eq!(parse_month("+262142-12"), Err(DateInputError::OutOfRange));
        assert_eq!(parse_month("x2030-1"), Err(DateInputError::UnreadableMonth));
        assert_eq!(parse_month(""), Err(DateInputError::UnreadableMonth));
    }

    #[test]
    fn unix_seconds_are_bounded_before_conversion() {
        let start = parse_unix_seconds("1893920400").unwrap();
        assert_eq!(start.date_naive(), date(2030, 1, 6));
        for far in ["8210266876799", "-8334601228800", "-1", "7258118400"] {
            assert_eq!(
                parse_unix_seconds(far),
                Err(DateInputError::OutOfRange),
                "{far}"
            );
        }
        assert_eq!(
            parse_unix_seconds("99999999999999999999"),
            Err(DateInputError::Unreadable)
        );
        assert_eq!(parse_unix_seconds("1.5"), Err(DateInputError::Unreadable));
    }

    #[test]
    fn adding_saturates_instead_of_panicking() {
        let max = DateTime::<Utc>::MAX_UTC;
        assert_eq!(add(max, TimeDelta::days(2)), max);
        let min = DateTime::<Utc>::MIN_UTC;
        assert_eq!(add(min, -TimeDelta::days(2)), min);
        let now = parse_unix_seconds("1893920400").unwrap();
        assert_eq!(add(now, TimeDelta::hours(1)).timestamp(), 1893924000);
    }
}
