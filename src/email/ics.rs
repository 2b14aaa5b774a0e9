//! The calendar file of bookings, built in one place for the invites mailed to guests,
//! the guest's download after booking and the provider's subscription feed. Every value
//! goes through `domain::calendar`, which cleans and escapes what people typed.

use uuid::Uuid;

use crate::db::models::bookings::Booking;
use crate::db::models::services::Service;
use crate::db::models::users::User;
use crate::domain::calendar::{calendar, IcsEvent, IcsMethod, IcsStatus};

/// Whose calendar the file goes into, which decides how the event is titled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// Mailed invites and the download: "Intro call with Alice Example".
    Guest,
    /// The provider's feed: "Intro call – Grace Guest", with the guest's address.
    Provider,
}

/// One booking with what its event needs.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub booking: &'a Booking,
    pub service: &'a Service,
    /// The calendar identity from `bookings::lineage`: UID root and SEQUENCE.
    pub lineage: (Uuid, i32),
}

/// The calendar file of `entries`, all bookings of `provider`; `host` is `BASE_URL`'s
/// host, the domain of every UID.
pub fn booking_calendar(
    host: &str,
    provider: &User,
    reader: Reader,
    method: IcsMethod,
    entries: &[Entry<'_>],
) -> String {
    let events: Vec<IcsEvent> = entries
        .iter()
        .map(|entry| event(host, provider, reader, entry))
        .collect();
    calendar(method, &events)
}

fn event(host: &str, provider: &User, reader: Reader, entry: &Entry<'_>) -> IcsEvent {
    let Entry {
        booking,
        service,
        lineage: (root, sequence),
    } = *entry;
    let (summary, description) = match reader {
        Reader::Guest => (
            format!("{} with {}", service.name, provider.full_name),
            format!(
                "{} booked by {} via Slotbook.",
                service.name, booking.guest_name
            ),
        ),
        Reader::Provider => (
            format!("{} – {}", service.name, booking.guest_name),
            format!(
                "{} <{}> ({})",
                booking.guest_name,
                booking.guest_email,
                booking.status().label()
            ),
        ),
    };
    IcsEvent {
        uid: format!("{root}@{host}"),
        sequence: u32::try_from(sequence).unwrap_or(0),
        summary,
        description,
        location: service.location.clone(),
        start: booking.start_at,
        end: booking.end_at,
        organizer_email: provider.email.clone(),
        organizer_name: provider.full_name.clone(),
        attendee_email: booking.guest_email.clone(),
        attendee_name: booking.guest_name.clone(),
        status: IcsStatus::of(booking.status()),
        stamp: booking.updated_at,
    }
}
