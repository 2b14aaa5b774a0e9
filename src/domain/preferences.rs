//! "Find a time that suits me": the days of the week and times of day a guest prefers,
//! read from plain query parameters (`days=mon&days=wed&part=evening`, or `from=07:30&to=09:00`)
//! and matched against a slot's local start.

use chrono::{Datelike, NaiveDateTime, NaiveTime, Weekday};

use crate::domain::availability::parse_wall_clock;
use crate::domain::forms::{FieldErrors, RawForm, Text};

/// The named parts of a day, by local start time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
}

impl PartOfDay {
    pub const ALL: [PartOfDay; 3] = [Self::Morning, Self::Afternoon, Self::Evening];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Morning => "morning",
            Self::Afternoon => "afternoon",
            Self::Evening => "evening",
        }
    }

    /// Starts from the first hour up to (not including) the second.
    pub fn hours(self) -> (u32, u32) {
        match self {
            Self::Morning => (0, 12),
            Self::Afternoon => (12, 17),
            Self::Evening => (17, 24),
        }
    }

    fn contains(self, time: NaiveTime) -> bool {
        let (from, to) = self.hours();
        let hour = chrono::Timelike::hour(&time);
        from <= hour && hour < to
    }
}

/// Monday first; the short names are the query values.
pub const DAYS: [(Weekday, &str); 7] = [
    (Weekday::Mon, "mon"),
    (Weekday::Tue, "tue"),
    (Weekday::Wed, "wed"),
    (Weekday::Thu, "thu"),
    (Weekday::Fri, "fri"),
    (Weekday::Sat, "sat"),
    (Weekday::Sun, "sun"),
];

/// What the guest asked for; an empty list means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimePreference {
    pub days: Vec<Weekday>,
    pub parts: Vec<PartOfDay>,
    /// Starts from `.0` up to (not including) `.1`, instead of named parts.
    pub between: Option<(NaiveTime, NaiveTime)>,
}

impl TimePreference {
    /// Reads `days`, `part`, `from` and `to`. Unknown day or part values are refused (a
    /// hand-edited link says what went wrong); `from`/`to` must come together and in order.
    pub fn parse(query: &RawForm) -> Result<TimePreference, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut days = Vec::new();
        for value in query.all("days") {
            match DAYS.iter().find(|(_, name)| *name == value) {
                Some((day, _)) if !days.contains(day) => days.push(*day),
                Some(_) => {}
                None => errors.add("days", Text::id("find-error-days")),
            }
        }
        let mut parts = Vec::new();
        for value in query.all("part") {
            match PartOfDay::ALL.iter().find(|p| p.as_str() == value) {
                Some(part) if !parts.contains(part) => parts.push(*part),
                Some(_) => {}
                None => errors.add("part", Text::id("find-error-part")),
            }
        }
        let time = |errors: &mut FieldErrors, field: &str| match query.get(field) {
            "" => None,
            text => {
                let parsed = if field == "to" && text == "24:00" {
                    Some(NaiveTime::MIN)
                } else {
                    parse_wall_clock(text)
                };
                if parsed.is_none() {
                    errors.add(field, Text::id("find-error-time"));
                }
                parsed
            }
        };
        let (from, to) = (time(&mut errors, "from"), time(&mut errors, "to"));
        let between = match (from, to, query.get("from"), query.get("to")) {
            (Some(from), Some(to), _, _) => {
                if to != NaiveTime::MIN && to <= from {
                    errors.add("to", Text::id("find-error-order"));
                }
                Some((from, to))
            }
            (_, _, "", "") => None,
            (None, _, "", _) => {
                errors.add("from", Text::id("find-error-both"));
                None
            }
            (_, None, _, "") => {
                errors.add("to", Text::id("find-error-both"));
                None
            }
            _ => None,
        };
        errors.into_result(TimePreference {
            days,
            parts,
            between,
        })
    }

    /// True when nothing narrows the times.
    pub fn is_any(&self) -> bool {
        self.days.is_empty() && self.parts.is_empty() && self.between.is_none()
    }

    /// Whether a slot starting at this local wall-clock time suits the guest.
    pub fn matches(&self, local_start: NaiveDateTime) -> bool {
        let time = local_start.time();
        let day_ok = self.days.is_empty() || self.days.contains(&local_start.weekday());
        let time_ok = match self.between {
            // 24:00 (stored as 00:00) leaves the end open until midnight.
            Some((from, to)) => from <= time && (to == NaiveTime::MIN || time < to),
            None => self.parts.is_empty() || self.parts.iter().any(|p| p.contains(time)),
        };
        day_ok && time_ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> RawForm {
        RawForm(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        )
    }

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn days_and_parts_of_the_day_narrow_the_times() {
        let wanted = TimePreference::parse(&query(&[
            ("days", "tue"),
            ("days", "sat"),
            ("part", "evening"),
        ]))
        .unwrap();
        // 2030-01-08 is a Tuesday.
        assert!(wanted.matches(at("2030-01-08 17:00")));
        assert!(wanted.matches(at("2030-01-12 23:30")));
        assert!(!wanted.matches(at("2030-01-08 16:30")), "afternoon");
        assert!(!wanted.matches(at("2030-01-09 18:00")), "Wednesday");
        assert!(TimePreference::parse(&query(&[])).unwrap().is_any());
    }

    #[test]
    fn from_and_to_give_a_window_of_starts() {
        let wanted = TimePreference::parse(&query(&[("from", "07:30"), ("to", "09:00")])).unwrap();
        assert!(wanted.matches(at("2030-01-08 07:30")));
        assert!(wanted.matches(at("2030-01-08 08:30")));
        assert!(!wanted.matches(at("2030-01-08 09:00")));
        let late = TimePreference::parse(&query(&[("from", "22:00"), ("to", "24:00")])).unwrap();
        assert!(late.matches(at("2030-01-08 23:30")));
    }

    #[test]
    fn nonsense_is_refused_with_a_message_per_field() {
        let errors = TimePreference::parse(&query(&[
            ("days", "someday"),
            ("part", "noon"),
            ("from", "9"),
            ("to", "08:00"),
        ]))
        .unwrap_err();
        assert!(errors.has("days") && errors.has("part") && errors.has("from"));
        let reversed =
            TimePreference::parse(&query(&[("from", "10:00"), ("to", "09:00")])).unwrap_err();
        assert_eq!(reversed.get("to"), "The end must be later than the start.");
        let half = TimePreference::parse(&query(&[("from", "10:00")])).unwrap_err();
        assert_eq!(half.get("to"), "Enter both times, or neither.");
    }
}
