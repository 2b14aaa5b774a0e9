//! iCalendar value types read strictly: DATE, DATE-TIME (UTC, with a TZID, or floating)
//! and DURATION. A value that is not one of these is `None`, and the event it belongs to
//! is skipped (never guessed).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};
use chrono_tz::Tz;
use icalendar::parser::Property;

use super::super::time::local_to_utc;

/// A wall-clock time and the zone it is read in. UTC values (`…Z`) carry `Tz::UTC`;
/// floating values and dates the provider's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub local: NaiveDateTime,
    pub tz: Tz,
    pub all_day: bool,
}

impl Stamp {
    pub fn utc(&self) -> DateTime<Utc> {
        local_to_utc(self.local, self.tz)
    }

    /// This instant as a wall-clock time in `tz` (a date stays a date).
    pub fn in_zone(&self, tz: Tz) -> NaiveDateTime {
        if self.all_day || self.tz == tz {
            self.local
        } else {
            self.utc().with_timezone(&tz).naive_local()
        }
    }
}

/// The value of a parameter (`TZID`, `VALUE`), case-insensitively.
pub fn param<'a>(property: &'a Property<'_>, key: &str) -> Option<&'a str> {
    property
        .params
        .iter()
        .find(|p| p.key.as_str().eq_ignore_ascii_case(key))
        .and_then(|p| p.val.as_ref())
        .map(|v| v.as_str())
}

/// One DATE or DATE-TIME text in the zone its property names.
pub fn stamp(
    text: &str,
    tzid: Option<&str>,
    zones: &HashMap<String, Tz>,
    floating: Tz,
) -> Option<Stamp> {
    let text = text.trim();
    if text.len() == 8 {
        let date = NaiveDate::parse_from_str(text, "%Y%m%d").ok()?;
        return Some(Stamp {
            local: date.and_time(NaiveTime::MIN),
            tz: floating,
            all_day: true,
        });
    }
    if let Some(utc) = text.strip_suffix('Z').or_else(|| text.strip_suffix('z')) {
        let local = NaiveDateTime::parse_from_str(utc, "%Y%m%dT%H%M%S").ok()?;
        return Some(Stamp {
            local,
            tz: Tz::UTC,
            all_day: false,
        });
    }
    let local = NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S").ok()?;
    let tz = match tzid {
        Some(id) => *zones.get(id.trim().trim_matches('"'))?,
        None => floating,
    };
    Some(Stamp {
        local,
        tz,
        all_day: false,
    })
}

/// Every value of a property that may hold a list (`EXDATE:a,b`).
pub fn stamps(
    property: &Property<'_>,
    zones: &HashMap<String, Tz>,
    floating: Tz,
) -> Option<Vec<Stamp>> {
    let tzid = param(property, "TZID");
    property
        .val
        .as_str()
        .split(',')
        .filter(|v| !v.trim().is_empty())
        .map(|v| stamp(v, tzid, zones, floating))
        .collect()
}

/// An RFC 5545 DURATION (`P1D`, `PT1H30M`, `P2W`, `-PT15M`); weeks and days count as
/// days, the rest as real time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duration {
    pub days: i64,
    pub time: TimeDelta,
}

pub fn duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    let (negative, rest) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let rest = rest.strip_prefix('P')?;
    let (mut days, mut seconds, mut number) = (0i64, 0i64, String::new());
    let mut in_time = false;
    let mut any = false;
    for c in rest.chars() {
        match c {
            '0'..='9' if number.len() < 9 => number.push(c),
            'T' if !in_time && number.is_empty() => in_time = true,
            'W' | 'D' | 'H' | 'M' | 'S' => {
                let value: i64 = number.parse().ok()?;
                number.clear();
                any = true;
                match (c, in_time) {
                    ('W', false) => days += value * 7,
                    ('D', false) => days += value,
                    ('H', true) => seconds += value * 3600,
                    ('M', true) => seconds += value * 60,
                    ('S', true) => seconds += value,
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
    if !any || !number.is_empty() {
        return None;
    }
    let sign = if negative { -1 } else { 1 };
    Some(Duration {
        days: sign * days,
        time: TimeDelta::seconds(sign * seconds),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_days_and_time() {
        assert_eq!(
            duration("PT1H30M"),
            Some(Duration {
                days: 0,
                time: TimeDelta::minutes(90)
            })
        );
        assert_eq!(
            duration("P1W"),
            Some(Duration {
                days: 7,
                time: TimeDelta::zero()
            })
        );
        assert_eq!(duration("P1DT2H").map(|d| d.days), Some(1));
        assert_eq!(duration("PT"), None);
        assert_eq!(duration("P1H"), None);
        assert_eq!(duration("1H"), None);
    }

    #[test]
    fn stamps_read_utc_zoned_floating_and_dates() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        let zones = HashMap::from([("Europe/Berlin".to_owned(), berlin)]);
        let utc = stamp("20300107T100000Z", None, &zones, berlin).unwrap();
        assert_eq!(utc.tz, Tz::UTC);
        let zoned = stamp("20300107T100000", Some("Europe/Berlin"), &zones, Tz::UTC).unwrap();
        assert_eq!(zoned.utc().to_rfc3339(), "2030-01-07T09:00:00+00:00");
        let date = stamp("20300107", None, &zones, berlin).unwrap();
        assert!(date.all_day);
        assert!(stamp("20301345T100000Z", None, &zones, berlin).is_none());
        assert!(stamp("20300107T100000", Some("Mars/Base"), &zones, berlin).is_none());
    }
}
