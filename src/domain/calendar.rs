//! Calendar files (RFC 5545) for bookings, written with the `icalendar` crate. Times are in
//! UTC; the UID is stable per booking (a reschedule keeps it) and SEQUENCE grows with every
//! change, so calendar apps update the one event instead of adding another.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

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
    pub cancelled: bool,
    pub stamp: DateTime<Utc>,
}

impl IcsEvent {
    fn to_event(&self) -> Event {
        let mut event = Event::new();
        event
            .uid(&self.uid)
            .summary(&self.summary)
            .description(&self.description)
            .starts(self.start)
            .ends(self.end)
            .timestamp(self.stamp)
            .sequence(self.sequence)
            .status(if self.cancelled {
                EventStatus::Cancelled
            } else {
                EventStatus::Confirmed
            })
            .append_property(
                icalendar::Property::new("ORGANIZER", format!("mailto:{}", self.organizer_email))
                    .add_parameter("CN", &self.organizer_name)
                    .done(),
            )
            .append_property(
                icalendar::Property::new("ATTENDEE", format!("mailto:{}", self.attendee_email))
                    .add_parameter("CN", &self.attendee_name)
                    .done(),
            );
        if !self.location.is_empty() {
            event.location(&self.location);
        }
        event.done()
    }
}

/// A calendar with the given events.
pub fn calendar(method: IcsMethod, events: &[IcsEvent]) -> String {
    let mut calendar = Calendar::new();
    calendar.append_property(("METHOD", method.as_str()));
    calendar.append_property(("PRODID", "-//Slotbook//Slotbook//EN"));
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
            cancelled: false,
            stamp: Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap(),
        }
    }

    #[test]
    fn a_booking_calendar_parses_with_method_uid_sequence_and_utc_times() {
        let text = calendar(IcsMethod::Request, &[event()]);
        let parsed: icalendar::Calendar = text.parse().expect("valid iCalendar");
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
        cancelled.cancelled = true;
        let text = calendar(IcsMethod::Cancel, &[cancelled]);
        assert!(text.contains("METHOD:CANCEL"));
        assert!(text.contains("STATUS:CANCELLED"));
    }
}
