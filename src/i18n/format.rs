//! The one place dates and times become text. Month and weekday names, the 12- or 24-hour
//! clock and the first day of the week come from the locale data chrono reads
//! (`pure-rust-locales`, glibc's tables); the order of the parts ("Tuesday, 1 December"
//! or "Tuesday, December 1") is a pattern in each language's message file
//! (`fmt-date-long` …), so a translator owns it. Every function that shows an instant
//! takes the zone it is shown in; callers still name the zone next to it.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;
use fluent_bundle::{FluentArgs, FluentValue};

use super::{current, messages, Locale};

impl Locale {
    fn chrono(self) -> chrono::Locale {
        match self {
            Self::EnUs => chrono::Locale::en_US,
            Self::EnGb => chrono::Locale::en_GB,
            Self::De => chrono::Locale::de_DE,
            Self::Fr => chrono::Locale::fr_FR,
            Self::Es => chrono::Locale::es_ES,
        }
    }

    /// Whether the locale's own time format is on the 12-hour clock (AM/PM).
    pub fn uses_12_hour_clock(self) -> bool {
        let format = pure_rust_locales::locale_match!(self.chrono() => LC_TIME::T_FMT);
        ["%r", "%I", "%l", "%p"].iter().any(|f| format.contains(f))
    }

    /// The first day of the locale's week (Sunday in the US, Monday in Europe).
    pub fn first_weekday(self) -> Weekday {
        // glibc: `week` names a day its weeks count from (1997-11-30, a Sunday, for all of
        // ours) and `first_weekday` counts from it, 1-based (1 when unset).
        let week = pure_rust_locales::locale_match!(self.chrono() => LC_TIME::WEEK);
        let first =
            pure_rust_locales::locale_match!(self.chrono() => LC_TIME::FIRST_WEEKDAY).unwrap_or(1);
        let origin = week
            .and_then(|w| w.get(1))
            .and_then(|d| NaiveDate::parse_from_str(&d.to_string(), "%Y%m%d").ok())
            .map_or(Weekday::Sun, |d| chrono::Datelike::weekday(&d));
        (1..first).fold(origin, |day, _| day.succ())
    }

    /// The region the patterns of a language may select on (`GB` for British English).
    fn region(self) -> &'static str {
        match self {
            Self::EnUs => "US",
            Self::EnGb => "GB",
            Self::De => "DE",
            Self::Fr => "FR",
            Self::Es => "ES",
        }
    }

    fn pattern(self, id: &str) -> String {
        let mut args = FluentArgs::new();
        args.set("region", FluentValue::from(self.region()));
        messages::format(self.language(), id, Some(&args))
    }
}

/// "Tuesday, December 1, 2026" / "Dienstag, 1. Dezember 2026".
pub fn date_long_in(locale: Locale, date: NaiveDate) -> String {
    date.format_localized(&locale.pattern("fmt-date-long"), locale.chrono())
        .to_string()
}

/// "Tue, Dec 1, 2026" / "Di., 1. Dez. 2026".
pub fn date_medium_in(locale: Locale, date: NaiveDate) -> String {
    date.format_localized(&locale.pattern("fmt-date-medium"), locale.chrono())
        .to_string()
}

/// "Tue, Dec 1" / "Di., 1. Dez." (week columns, lists within a year).
pub fn date_short_in(locale: Locale, date: NaiveDate) -> String {
    date.format_localized(&locale.pattern("fmt-date-short"), locale.chrono())
        .to_string()
}

/// "1 Dec" / "Dec 1" / "1. Dez" (ranges of days).
pub fn day_month_in(locale: Locale, date: NaiveDate) -> String {
    date.format_localized(&locale.pattern("fmt-day-month"), locale.chrono())
        .to_string()
}

/// "1 Dec 2026" / "Dec 1, 2026" / "1. Dez 2026".
pub fn day_month_year_in(locale: Locale, date: NaiveDate) -> String {
    date.format_localized(&locale.pattern("fmt-day-month-year"), locale.chrono())
        .to_string()
}

/// "December 2026" / "diciembre de 2026".
pub fn month_year_in(locale: Locale, date: NaiveDate) -> String {
    date.format_localized(&locale.pattern("fmt-month-year"), locale.chrono())
        .to_string()
}

/// "9:00 AM" / "09:00".
pub fn time_in(locale: Locale, time: NaiveTime) -> String {
    let pattern = if locale.uses_12_hour_clock() {
        "%-I:%M %p"
    } else {
        "%H:%M"
    };
    NaiveDate::MIN
        .and_time(time)
        .and_utc()
        .format_localized(pattern, locale.chrono())
        .to_string()
}

/// The short name of a weekday ("Mon", "Mo", "lun.", "lun"), for calendar headers.
pub fn weekday_short_in(locale: Locale, day: Weekday) -> String {
    // 2024-01-01 was a Monday.
    let date = NaiveDate::from_isoywd_opt(2024, 1, day).unwrap_or(NaiveDate::MIN);
    date.format_localized("%a", locale.chrono()).to_string()
}

/// The full name of a weekday ("Monday", "Montag").
pub fn weekday_long_in(locale: Locale, day: Weekday) -> String {
    let date = NaiveDate::from_isoywd_opt(2024, 1, day).unwrap_or(NaiveDate::MIN);
    date.format_localized("%A", locale.chrono()).to_string()
}

/// The seven weekdays in the locale's order.
pub fn week_in(locale: Locale) -> [Weekday; 7] {
    let mut day = locale.first_weekday();
    std::array::from_fn(|_| {
        let this = day;
        day = day.succ();
        this
    })
}

/// "Tuesday, December 1, 2026, 9:00 AM" at `at` in `tz`.
pub fn datetime_long_in(locale: Locale, at: DateTime<Utc>, tz: Tz) -> String {
    let local = at.with_timezone(&tz);
    join(
        locale,
        &date_long_in(locale, local.date_naive()),
        &time_in(locale, local.time()),
    )
}

/// "Tue, Dec 1, 2026, 9:00 AM" at `at` in `tz`.
pub fn datetime_medium_in(locale: Locale, at: DateTime<Utc>, tz: Tz) -> String {
    let local = at.with_timezone(&tz);
    join(
        locale,
        &date_medium_in(locale, local.date_naive()),
        &time_in(locale, local.time()),
    )
}

/// "Tue, Dec 1, 9:00 AM" (no year) at `at` in `tz`.
pub fn datetime_short_in(locale: Locale, at: DateTime<Utc>, tz: Tz) -> String {
    let local = at.with_timezone(&tz);
    join(
        locale,
        &date_short_in(locale, local.date_naive()),
        &time_in(locale, local.time()),
    )
}

/// A local interval of opening hours: "9:00 AM–5:30 PM", "09:00–24:00".
pub fn interval(interval: &crate::domain::availability::LocalInterval) -> String {
    let end = if interval.ends_at_midnight() {
        crate::domain::availability::END_OF_DAY.to_owned()
    } else {
        time(interval.end)
    };
    format!("{}\u{2013}{end}", time(interval.start))
}

/// "9:00 AM" at `at` in `tz`.
pub fn time_at_in(locale: Locale, at: DateTime<Utc>, tz: Tz) -> String {
    time_in(locale, at.with_timezone(&tz).time())
}

/// "Tuesday, December 1, 2026, 9:00 – 9:30 AM"-like: the start in full and the end's time,
/// or both in full when the range crosses midnight.
pub fn range_long_in(locale: Locale, start: DateTime<Utc>, end: DateTime<Utc>, tz: Tz) -> String {
    let (s, e) = (start.with_timezone(&tz), end.with_timezone(&tz));
    if s.date_naive() == e.date_naive() {
        format!(
            "{}–{}",
            datetime_long_in(locale, start, tz),
            time_in(locale, e.time())
        )
    } else {
        format!(
            "{} – {}",
            datetime_long_in(locale, start, tz),
            datetime_long_in(locale, end, tz)
        )
    }
}

fn join(locale: Locale, date: &str, time: &str) -> String {
    let mut args = FluentArgs::new();
    args.set("date", FluentValue::from(date.to_owned()));
    args.set("time", FluentValue::from(time.to_owned()));
    messages::format(locale.language(), "fmt-date-time", Some(&args))
}

// The same in the locale being rendered (the request's, or a mail's).

pub fn date_long(date: NaiveDate) -> String {
    date_long_in(current::locale(), date)
}

/// [`date_long`] for many dates: the pattern is read from the message file once (a month
/// grid labels every one of its days).
pub fn date_long_each() -> impl Fn(NaiveDate) -> String {
    let locale = current::locale();
    let pattern = locale.pattern("fmt-date-long");
    move |date| date.format_localized(&pattern, locale.chrono()).to_string()
}

pub fn date_medium(date: NaiveDate) -> String {
    date_medium_in(current::locale(), date)
}

pub fn date_short(date: NaiveDate) -> String {
    date_short_in(current::locale(), date)
}

pub fn day_month(date: NaiveDate) -> String {
    day_month_in(current::locale(), date)
}

pub fn day_month_year(date: NaiveDate) -> String {
    day_month_year_in(current::locale(), date)
}

pub fn month_year(date: NaiveDate) -> String {
    month_year_in(current::locale(), date)
}

pub fn time(time: NaiveTime) -> String {
    time_in(current::locale(), time)
}

pub fn time_at(at: DateTime<Utc>, tz: Tz) -> String {
    time_at_in(current::locale(), at, tz)
}

pub fn datetime_long(at: DateTime<Utc>, tz: Tz) -> String {
    datetime_long_in(current::locale(), at, tz)
}

pub fn datetime_medium(at: DateTime<Utc>, tz: Tz) -> String {
    datetime_medium_in(current::locale(), at, tz)
}

pub fn datetime_short(at: DateTime<Utc>, tz: Tz) -> String {
    datetime_short_in(current::locale(), at, tz)
}

pub fn range_long(start: DateTime<Utc>, end: DateTime<Utc>, tz: Tz) -> String {
    range_long_in(current::locale(), start, end, tz)
}

pub fn weekday_short(day: Weekday) -> String {
    weekday_short_in(current::locale(), day)
}

pub fn weekday_long(day: Weekday) -> String {
    weekday_long_in(current::locale(), day)
}

pub fn week() -> [Weekday; 7] {
    week_in(current::locale())
}

/// A month grid's column headers in the locale's order: (short, full) weekday names.
pub fn week_headers() -> Vec<(String, String)> {
    week()
        .into_iter()
        .map(|d| (weekday_short(d), weekday_long(d)))
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn december_first() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    #[test]
    fn long_dates_read_as_each_locale_writes_them() {
        let d = december_first();
        assert_eq!(date_long_in(Locale::EnUs, d), "Tuesday, December 1, 2026");
        assert_eq!(date_long_in(Locale::EnGb, d), "Tuesday, 1 December 2026");
        assert_eq!(date_long_in(Locale::De, d), "Dienstag, 1. Dezember 2026");
        assert_eq!(date_long_in(Locale::Fr, d), "mardi 1 décembre 2026");
        assert_eq!(
            date_long_in(Locale::Es, d),
            "martes, 1 de diciembre de 2026"
        );
    }

    #[test]
    fn us_english_reads_a_12_hour_clock_and_europe_a_24_hour_one() {
        let t = NaiveTime::from_hms_opt(14, 5, 0).unwrap();
        assert_eq!(time_in(Locale::EnUs, t), "2:05 PM");
        assert_eq!(time_in(Locale::EnGb, t), "14:05");
        assert_eq!(time_in(Locale::De, t), "14:05");
        assert_eq!(time_in(Locale::Fr, t), "14:05");
        assert_eq!(time_in(Locale::Es, t), "14:05");
        let morning = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
        assert_eq!(time_in(Locale::EnUs, morning), "9:00 AM");
        assert_eq!(time_in(Locale::De, morning), "09:00");
    }

    #[test]
    fn weeks_start_on_sunday_in_the_us_and_monday_in_europe() {
        assert_eq!(Locale::EnUs.first_weekday(), Weekday::Sun);
        for locale in [Locale::EnGb, Locale::De, Locale::Fr, Locale::Es] {
            assert_eq!(locale.first_weekday(), Weekday::Mon, "{locale}");
        }
        assert_eq!(week_in(Locale::De)[6], Weekday::Sun);
    }

    #[test]
    fn names_come_from_the_locale_data() {
        assert_eq!(weekday_long_in(Locale::De, Weekday::Mon), "Montag");
        assert_eq!(weekday_long_in(Locale::Es, Weekday::Wed), "miércoles");
        assert_eq!(month_year_in(Locale::Fr, december_first()), "décembre 2026");
        assert_eq!(
            month_year_in(Locale::Es, december_first()),
            "diciembre de 2026"
        );
    }

    #[test]
    fn an_instant_is_shown_in_the_zone_it_is_asked_for() {
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 8, 0, 0).unwrap();
        let berlin = chrono_tz::Europe::Berlin;
        assert_eq!(
            datetime_long_in(Locale::De, at, berlin),
            "Dienstag, 1. Dezember 2026, 09:00"
        );
        assert_eq!(
            datetime_long_in(Locale::EnUs, at, chrono_tz::America::New_York),
            "Tuesday, December 1, 2026, 3:00 AM"
        );
        let end = Utc.with_ymd_and_hms(2026, 12, 1, 8, 30, 0).unwrap();
        assert_eq!(
            range_long_in(Locale::Fr, at, end, berlin),
            "mardi 1 décembre 2026 à 09:00–09:30"
        );
    }
}
