//! Calendar files (RFC 5545) for bookings, written with the `icalendar` crate. Times are in
//! UTC; the UID is stable per booking (a reschedule keeps it) and SEQUENCE grows with every
//! change, so calendar apps update the one event instead of adding another.
//!
//! Every value that came from a person (guest and provider names, service name, location,
//! addresses) passes through one of the cleaners below before it reaches the crate, which
//! escapes TEXT values (`\`, `,`, `;`, newline) and quotes parameter values with `:`, `;`
//! or `,` — but lets CR, other control characters and `"` through. Without the cleaners a
//! guest name with CR/LF would add lines (an alarm, another attendee) to the provider's
//! feed and to every invite, and a `"` would end the quoted `CN` early.

use chrono::{DateTime, Utc};
use icalendar::{Attendee, Calendar, Component, Event, EventLike, EventStatus, Property};

use super::booking::BookingStatus;

/// The one `PRODID` of every calendar file.
pub const PRODID: &str = "-//Slotbook//Slotbook//EN";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IcsMethod {
    /// A new or changed event.
    Request,
    /// The event is off.
    Cancel,
    /// A plain download or feed (no scheduling semantics).
    Publish,
}

impl IcsMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Request => "REQUEST",
            Self::Cancel => "CANCEL",
            Self::Publish => "PUBLISH",
        }
    }
}

/// The event's `STATUS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IcsStatus {
    /// Held but not yet confirmed (by the guest's link or the provider's approval).
    Tentative,
    Confirmed,
    Cancelled,
}

impl IcsStatus {
    /// What a booking in `status` looks like in a calendar: a pending booking is only
    /// tentative; one that no longer holds its time is cancelled.
    pub fn of(status: BookingStatus) -> Self {
        match status {
            BookingStatus::Pending => Self::Tentative,
            s if s.holds_time() => Self::Confirmed,
            _ => Self::Cancelled,
        }
    }

    fn event_status(self) -> EventStatus {
        match self {
            Self::Tentative => EventStatus::Tentative,
            Self::Confirmed => EventStatus::Confirmed,
            Self::Cancelled => EventStatus::Cancelled,
        }
    }
}

/// One booking as a calendar event.
#[derive(Debug, Clone)]
pub struct IcsEvent {
    pub uid: String,
    pub sequence: u32,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub organizer_email: String,
    pub organizer_name: String,
    pub attendee_email: String,
    pub attendee_name: String,
    pub status: IcsStatus,
    pub stamp: DateTime<Utc>,
}

/// A multi-line TEXT value (DESCRIPTION): line breaks of any kind become `\n` (which the
/// crate escapes), other control characters are dropped.
pub fn text_value(value: &str) -> String {
    value
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

/// A one-line TEXT value (SUMMARY, LOCATION, UID): every control character, line breaks
/// included, becomes a space.
pub fn line_value(value: &str) -> String {
    value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A parameter value (`CN=`): RFC 5545 allows neither control characters nor `"` inside
/// one, so control characters become spaces and `"` is dropped, and the value is always quoted, so `:`, `;` and `,` stay
/// inside it (the crate writes a value that is already quoted as it is). `None` when
/// nothing is left: the parameter is then left out.
pub fn param_value(value: &str) -> Option<String> {
    let inner: String = line_value(value).chars().filter(|c| *c != '"').collect();
    let inner = inner.trim();
    (!inner.is_empty()).then(|| format!("\"{inner}\""))
}

/// A `mailto:` calendar address; an address never contains whitespace or control
/// characters, so a stored one that does loses them rather than breaking the line.
pub fn cal_address(email: &str) -> String {
    let address: String = email
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect();
    format!("mailto:{address}")
}

impl IcsEvent {
    fn to_event(&self) -> Event {
        let mut event = Event::new();
        event
            .uid(&line_value(&self.uid))
            .summary(&line_value(&self.summary))
            .description(&text_value(&self.description))
            .starts(self.start)
            .ends(self.end)
            .timestamp(self.stamp)
            .sequence(self.sequence)
            .status(self.status.event_status());
        let mut organizer = Property::new("ORGANIZER", cal_address(&self.organizer_email));
        if let Some(name) = param_value(&self.organizer_name) {
            organizer.add_parameter("CN", &name);
        }
        event.append_property(organizer);
        let mut attendee = Attendee::new(cal_address(&self.attendee_email));
        if let Some(name) = param_value(&self.attendee_name) {
            attendee = attendee.cn(name);
        }
        event.attendee(attendee);
        if !self.location.is_empty() {
            event.location(&line_value(&self.location));
        }
        event.done()
    }
}

/// A calendar with the given events: VERSION, one PRODID, CALSCALE and METHOD.
pub fn calendar(method: IcsMethod, events: &[IcsEvent]) -> String {
    // `Calendar::new()` brings a PRODID of its own; RFC 5545 allows exactly one.
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODID))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", method.as_str()));
    for event in events {
        calendar.push(event.to_event());
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn event() -> IcsEvent {
        IcsEvent {
            uid: "booking-1@slotbook".into(),
            sequence: 2,
            summary: "Intro call with Ada".into(),
            description: "Booked via Slotbook".into(),
            location: "Video call".into(),
            start: Utc.with_ymd_and_hms(2030, 1, 8, 9, 0, 0).unwrap(),
            end: Utc.with_ymd_and_hms(2030, 1, 8, 9, 30, 0).unwrap(),
            organizer_email: "pro@example.com".into(),
            organizer_name: "Pro".into(),
            attendee_email: "guest@example.com".into(),
            attendee_name: "Guest, Jr.".into(),
            status: IcsStatus::Confirmed,
            stamp: Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap(),
        }
    }

    fn parse(text: &str) -> icalendar::Calendar {
        text.parse().unwrap_or_else(|e| panic!("{e}: {text}"))
    }

    #[test]
    fn a_booking_calendar_parses_with_method_uid_sequence_and_utc_times() {
        let text = calendar(IcsMethod::Request, &[event()]);
        let parsed = parse(&text);
        assert_eq!(parsed.property_value("METHOD"), Some("REQUEST"));
        let ev = parsed
            .components
            .iter()
            .find_map(|c| c.as_event())
            .expect("one event");
        assert_eq!(ev.get_uid(), Some("booking-1@slotbook"));
        assert_eq!(ev.get_sequence(), Some(2));
        assert!(text.contains("DTSTART:20300108T090000Z"), "{text}");
        assert!(text.contains("DTEND:20300108T093000Z"), "{text}");
    }

    #[test]
    fn a_cancellation_says_so() {
        let mut cancelled = event();
        cancelled.status = IcsStatus::Cancelled;
        let text = calendar(IcsMethod::Cancel, &[cancelled]);
        assert!(text.contains("METHOD:CANCEL"));
        assert!(text.contains("STATUS:CANCELLED"));
    }

    #[test]
    fn a_calendar_has_exactly_one_prodid_and_one_version() {
        let text = calendar(IcsMethod::Publish, &[event(), event()]);
        assert_eq!(text.matches("\r\nPRODID:").count(), 1, "{text}");
        assert_eq!(text.matches("\r\nVERSION:").count(), 1, "{text}");
        assert!(text.contains(&format!("PRODID:{PRODID}\r\n")));
    }

    #[test]
    fn only_a_pending_booking_is_tentative() {
        assert_eq!(IcsStatus::of(BookingStatus::Pending), IcsStatus::Tentative);
        assert_eq!(
            IcsStatus::of(BookingStatus::Confirmed),
            IcsStatus::Confirmed
        );
        assert_eq!(
            IcsStatus::of(BookingStatus::Completed),
            IcsStatus::Confirmed
        );
        for gone in [
            BookingStatus::Expired,
            BookingStatus::Declined,
            BookingStatus::Cancelled,
        ] {
            assert_eq!(IcsStatus::of(gone), IcsStatus::Cancelled);
        }
    }

    #[test]
    fn hostile_names_stay_inside_their_values() {
        let mut hostile = event();
        hostile.attendee_name =
            "Eve\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM\r\nX\";ROLE=CHAIR:mailto:evil@example.com"
                .into();
        hostile.organizer_name = "Pro\"; X=\"y".into();
        hostile.summary = "Call\rATTENDEE:mailto:evil@example.com".into();
        hostile.description = "line one\r\nline two\rline three\u{0}\u{7}".into();
        hostile.location = "Room 1\nBEGIN:VALARM".into();
        hostile.attendee_email = "guest@example.com\r\nATTENDEE:mailto:evil@example.com".into();
        let text = calendar(IcsMethod::Request, &[hostile]);

        // Every physical line is a property or a fold continuation; no bare CR or LF.
        for line in text.split("\r\n") {
            assert!(!line.contains(['\r', '\n']), "{text:?}");
        }
        assert!(!text.contains("\r\nBEGIN:VALARM"), "{text}");
        assert!(!text.contains("\r\nATTENDEE:mailto:evil"), "{text}");
        let parsed = parse(&text);
        let ev = parsed
            .components
            .iter()
            .find_map(|c| c.as_event())
            .expect("one event");
        let attendees = ev.get_attendees();
        assert_eq!(attendees.len(), 1, "{text}");
        assert_eq!(
            attendees[0].cal_address,
            "mailto:guest@example.comATTENDEE:mailto:evil@example.com"
        );
        assert_eq!(
            attendees[0].cn.as_deref(),
            Some("Eve  BEGIN:VALARM  ACTION:DISPLAY  END:VALARM  X;ROLE=CHAIR:mailto:evil@example.com")
        );
        assert_eq!(attendees[0].role, None, "{text}");
        assert!(ev.components().is_empty(), "no alarm: {text}");
        assert_eq!(ev.get_description(), Some("line one\nline two\nline three"));
    }
}
