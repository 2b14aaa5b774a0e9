//! Busy times from an iCalendar document: which instants a provider's other calendar
//! (an ICS subscription or a CalDAV calendar) keeps them busy, over a window.
//!
//! Parsing is `icalendar`'s; recurrences are expanded by `rrule` (RRULE, RDATE, EXDATE),
//! and a `RECURRENCE-ID` override replaces the instance it names. Recurrences are
//! expanded in the wall clock of the event's own zone and every instance is converted
//! through `domain::time::local_to_utc`, so a weekly 10:00 meeting in Europe/Berlin stays
//! at 10:00 on both sides of a DST change. All-day events block whole local days of the
//! provider; floating times are read in the provider's zone. Transparent ("free") and
//! cancelled events block nothing.
//!
//! A hostile or broken document costs bounded work: nesting deeper than [`MAX_DEPTH`] is
//! refused before parsing, each event takes at most [`MAX_STEPS`] recurrence steps and
//! [`MAX_INSTANCES`] instances, and a document with more than [`MAX_BLOCKS`] busy times in
//! the window is refused as a whole. An event whose values cannot be read is skipped and
//! counted, never guessed.

mod values;
pub mod zones;

use std::collections::HashMap;

use chrono::{DateTime, NaiveDateTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;
use icalendar::parser::{read_calendar, unfold, Component};

use super::time::{local_to_utc, start_of_local_day, TimeRange};
use values::{duration, param, stamp, stamps, Stamp};
use zones::{parse_offset, Definition};

/// Components nested deeper than this (a calendar is 2 deep, an alarm 3) are refused.
pub const MAX_DEPTH: usize = 6;
/// Recurrence steps taken for one event, instances before the window included.
pub const MAX_STEPS: usize = 100_000;
/// Instances of one event kept in the window.
pub const MAX_INSTANCES: usize = 5_000;
/// Busy times one document may hold in the window.
pub const MAX_BLOCKS: usize = 20_000;

/// One busy time and the UID of the event it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusyBlock {
    pub uid: String,
    pub range: TimeRange,
}

/// What a document holds in the window.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expanded {
    pub blocks: Vec<BusyBlock>,
    /// Events left out because a value could not be read or their recurrence could not
    /// be expanded within the bounds.
    pub skipped: usize,
}

/// Why a whole document was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IcalError {
    #[error("the answer is not an iCalendar document")]
    NotCalendar,
    #[error("the calendar cannot be read: {0}")]
    Unreadable(String),
    #[error("the calendar is nested more than {MAX_DEPTH} levels deep")]
    TooDeep,
    #[error("the calendar has more than {MAX_BLOCKS} busy times in the booking window")]
    TooMany,
}

/// The busy times of `text` that overlap `window`, for a provider in `provider_tz`.
pub fn busy_blocks(text: &str, provider_tz: Tz, window: TimeRange) -> Result<Expanded, IcalError> {
    let unfolded = unfold(text);
    check_depth(&unfolded)?;
    let calendar = read_calendar(&unfolded).map_err(|error| {
        let first = error.lines().take(3).collect::<Vec<_>>().join(" ");
        IcalError::Unreadable(first.chars().take(200).collect())
    })?;
    let components: Vec<&Component<'_>> = calendar.components.iter().collect();
    let zones = zones_used(&components);
    let events: Vec<&Component<'_>> = components
        .iter()
        .copied()
        .filter(|c| c.name.as_str().eq_ignore_ascii_case("VEVENT"))
        .collect();

    // Overrides by UID: each replaces the instance its RECURRENCE-ID names.
    let mut overridden: HashMap<String, Vec<Stamp>> = HashMap::new();
    let mut skipped = 0;
    for event in &events {
        if let Some(property) = prop(event, "RECURRENCE-ID") {
            match stamp(
                property.val.as_str(),
                param(property, "TZID"),
                &zones,
                provider_tz,
            ) {
                Some(id) => overridden.entry(uid(event)).or_default().push(id),
                None => skipped += 1,
            }
        }
    }

    let mut blocks = Vec::new();
    for event in events {
        let uid = uid(event);
        let is_master = prop(event, "RECURRENCE-ID").is_none();
        let exclusions = if is_master {
            overridden.get(&uid).map(Vec::as_slice).unwrap_or(&[])
        } else {
            &[]
        };
        match instances(event, exclusions, &zones, provider_tz, window) {
            Some(ranges) => {
                blocks.extend(ranges.into_iter().map(|range| BusyBlock {
                    uid: uid.clone(),
                    range,
                }));
                if blocks.len() > MAX_BLOCKS {
                    return Err(IcalError::TooMany);
                }
            }
            None => skipped += 1,
        }
    }
    Ok(Expanded { blocks, skipped })
}

/// Refuses documents whose BEGIN lines nest too deep, before the recursive parser runs.
fn check_depth(text: &str) -> Result<(), IcalError> {
    let mut depth = 0usize;
    let mut seen_calendar = false;
    for line in text.lines() {
        let line = line.trim_start();
        let upper = |prefix: &str| {
            line.get(..prefix.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
        };
        if upper("BEGIN:") {
            seen_calendar |= upper("BEGIN:VCALENDAR");
            depth += 1;
            if depth > MAX_DEPTH {
                return Err(IcalError::TooDeep);
            }
        } else if upper("END:") {
            depth = depth.saturating_sub(1);
        }
    }
    if seen_calendar {
        Ok(())
    } else {
        Err(IcalError::NotCalendar)
    }
}

fn prop<'a>(
    component: &'a Component<'a>,
    name: &str,
) -> Option<&'a icalendar::parser::Property<'a>> {
    component
        .properties
        .iter()
        .find(|p| p.name.as_str().eq_ignore_ascii_case(name))
}

fn props<'a>(
    component: &'a Component<'a>,
    name: &'a str,
) -> impl Iterator<Item = &'a icalendar::parser::Property<'a>> + 'a {
    component
        .properties
        .iter()
        .filter(move |p| p.name.as_str().eq_ignore_ascii_case(name))
}

fn uid(event: &Component<'_>) -> String {
    prop(event, "UID")
        .map(|p| p.val.as_str().trim().to_owned())
        .unwrap_or_default()
}

fn value_is(component: &Component<'_>, name: &str, value: &str) -> bool {
    prop(component, name).is_some_and(|p| p.val.as_str().trim().eq_ignore_ascii_case(value))
}

/// Every TZID the events use, resolved with the calendar's VTIMEZONE definitions.
fn zones_used(components: &[&Component<'_>]) -> HashMap<String, Tz> {
    let mut definitions: HashMap<String, Definition> = HashMap::new();
    for zone in components
        .iter()
        .filter(|c| c.name.as_str().eq_ignore_ascii_case("VTIMEZONE"))
    {
        let Some(tzid) = prop(zone, "TZID") else {
            continue;
        };
        let mut definition = Definition {
            location: prop(zone, "X-LIC-LOCATION").map(|p| p.val.as_str().to_owned()),
            ..Definition::default()
        };
        for observance in &zone.components {
            let offset = prop(observance, "TZOFFSETTO").and_then(|p| parse_offset(p.val.as_str()));
            let month = prop(observance, "DTSTART")
                .and_then(|p| {
                    NaiveDateTime::parse_from_str(p.val.as_str().trim(), "%Y%m%dT%H%M%S").ok()
                })
                .map(|start| chrono::Datelike::month(&start));
            match observance.name.as_str().to_ascii_uppercase().as_str() {
                "STANDARD" => definition.standard_offset = offset.or(definition.standard_offset),
                "DAYLIGHT" => {
                    if let (Some(offset), Some(month)) = (offset, month) {
                        definition.daylight = Some((offset, month));
                    }
                }
                _ => {}
            }
        }
        definitions.insert(tzid.val.as_str().trim().to_owned(), definition);
    }
    let mut zones = HashMap::new();
    for component in components {
        for property in &component.properties {
            if let Some(tzid) = param(property, "TZID") {
                let key = tzid.trim().trim_matches('"').to_owned();
                if zones.contains_key(&key) {
                    continue;
                }
                if let Some(tz) = zones::resolve(&key, definitions.get(&key)) {
                    zones.insert(key, tz);
                }
            }
        }
    }
    zones
}

/// How long each instance lasts.
#[derive(Debug, Clone, Copy)]
enum Length {
    Days(i64),
    Real(TimeDelta),
}

/// The instances of one event that overlap `window`; `None` when it cannot be read.
/// `exclusions` are instances replaced by overrides.
fn instances(
    event: &Component<'_>,
    exclusions: &[Stamp],
    zones: &HashMap<String, Tz>,
    provider_tz: Tz,
    window: TimeRange,
) -> Option<Vec<TimeRange>> {
    if value_is(event, "STATUS", "CANCELLED") || value_is(event, "TRANSP", "TRANSPARENT") {
        return Some(Vec::new());
    }
    let start_prop = prop(event, "DTSTART")?;
    let start = stamp(
        start_prop.val.as_str(),
        param(start_prop, "TZID"),
        zones,
        provider_tz,
    )?;
    let length = if let Some(end) = prop(event, "DTEND") {
        let end = stamp(end.val.as_str(), param(end, "TZID"), zones, provider_tz)?;
        if start.all_day {
            Length::Days((end.local.date() - start.local.date()).num_days().max(1))
        } else {
            Length::Real(end.utc() - start.utc())
        }
    } else if let Some(text) = prop(event, "DURATION") {
        let d = duration(text.val.as_str())?;
        if start.all_day {
            Length::Days(d.days.max(1))
        } else {
            Length::Real(TimeDelta::days(d.days) + d.time)
        }
    } else if start.all_day {
        Length::Days(1)
    } else {
        // A DATE-TIME start without an end is an instant: it keeps no one busy.
        return Some(Vec::new());
    };
    if let Length::Real(real) = length {
        if real <= TimeDelta::zero() {
            return Some(Vec::new());
        }
    }

    let frame = start.tz;
    let starts = occurrences(event, start, exclusions, zones, provider_tz, length, window)?;
    let mut ranges = Vec::new();
    for local in starts {
        let range = match length {
            Length::Days(days) => TimeRange::new(
                start_of_local_day(local.date(), provider_tz),
                start_of_local_day(local.date() + TimeDelta::days(days), provider_tz),
            ),
            Length::Real(real) => {
                let from = local_to_utc(local, frame);
                TimeRange::new(from, from + real)
            }
        };
        if range.overlaps(&window) {
            ranges.push(range);
        }
    }
    Some(ranges)
}

/// Start wall-clock times (in the event's zone) of the instances near `window`.
fn occurrences(
    event: &Component<'_>,
    start: Stamp,
    exclusions: &[Stamp],
    zones: &HashMap<String, Tz>,
    provider_tz: Tz,
    length: Length,
    window: TimeRange,
) -> Option<Vec<NaiveDateTime>> {
    let frame = start.tz;
    let excluded_here =
        |local: &NaiveDateTime| exclusions.iter().any(|e| e.in_zone(frame) == *local);
    let rules: Vec<_> = props(event, "RRULE").collect();
    let rdates: Vec<_> = props(event, "RDATE").collect();
    if rules.is_empty() && rdates.is_empty() {
        return Some(
            Some(start.local)
                .filter(|local| !excluded_here(local))
                .into_iter()
                .collect(),
        );
    }

    // The rule runs on wall-clock times labelled UTC, so `rrule` never applies DST; each
    // instance is converted with the one DST policy afterwards.
    let label = |local: NaiveDateTime| rrule::Tz::UTC.from_utc_datetime(&local);
    // DTSTART is always the first instance (RFC 5545), even where the rule would not
    // produce it; a repeat is skipped below.
    let mut set = rrule::RRuleSet::new(label(start.local)).rdate(label(start.local));
    for rule in rules {
        let text = wall_clock_until(rule.val.as_str(), frame, start.all_day)?;
        let parsed: rrule::RRule<rrule::Unvalidated> = text.parse().ok()?;
        set = set.rrule(parsed.validate(label(start.local)).ok()?);
    }
    for rdate in rdates {
        for value in rdate.val.as_str().split(',') {
            // A PERIOD value ("start/end") starts at its first half.
            let first = value.split('/').next().unwrap_or(value);
            let at = stamp(first, param(rdate, "TZID"), zones, provider_tz)?;
            set = set.rdate(label(at.in_zone(frame)));
        }
    }
    for exdate in props(event, "EXDATE") {
        for at in stamps(exdate, zones, provider_tz)? {
            set = set.exdate(label(exdate_local(at, start)));
        }
    }
    for at in exclusions {
        set = set.exdate(label(exdate_local(*at, start)));
    }

    let reach = match length {
        Length::Days(days) => TimeDelta::days(days + 1),
        Length::Real(real) => real + TimeDelta::days(1),
    };
    let from = wall_clock(window.start, frame) - reach;
    let until = wall_clock(window.end, frame) + TimeDelta::days(1);
    let mut found = Vec::new();
    for (step, at) in set.into_iter().enumerate() {
        if step >= MAX_STEPS {
            return None;
        }
        let local = at.naive_utc();
        if local > until {
            break;
        }
        // Instances come in order, so the DTSTART added above repeats only right away.
        if local >= from && found.last() != Some(&local) {
            found.push(local);
            if found.len() >= MAX_INSTANCES {
                break;
            }
        }
    }
    Some(found)
}

/// An EXDATE or RECURRENCE-ID in the event's frame; a DATE names the instance on that
/// day whatever its time.
fn exdate_local(at: Stamp, start: Stamp) -> NaiveDateTime {
    if at.all_day && !start.all_day {
        at.local.date().and_time(start.local.time())
    } else {
        at.in_zone(start.tz)
    }
}

fn wall_clock(instant: DateTime<Utc>, tz: Tz) -> NaiveDateTime {
    instant.with_timezone(&tz).naive_local()
}

/// The RRULE with its UNTIL moved into the wall clock the rule runs on: a UTC UNTIL
/// becomes the event's local time, and a DATE UNTIL the end of that day.
fn wall_clock_until(rule: &str, frame: Tz, all_day: bool) -> Option<String> {
    let parts: Vec<String> = rule
        .trim()
        .split(';')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let Some(value) = part
                .split_once('=')
                .filter(|(key, _)| key.trim().eq_ignore_ascii_case("UNTIL"))
                .map(|(_, value)| value.trim())
            else {
                return Some(part.to_owned());
            };
            let until = stamp(value, None, &HashMap::new(), frame)?;
            let local = if until.all_day {
                let end = until.local.date().and_hms_opt(23, 59, 59)?;
                if all_day {
                    until.local
                } else {
                    end
                }
            } else {
                until.in_zone(frame)
            };
            Some(format!("UNTIL={}Z", local.format("%Y%m%dT%H%M%S")))
        })
        .collect::<Option<_>>()?;
    Some(parts.join(";"))
}

#[cfg(test)]
mod tests;
