//! The calendar file of bookings, built in one place for the invites mailed to guests,
//! the guest's download after booking and the provider's subscription feed. Every value
//! goes through `domain::calendar`, which cleans and escapes what people typed. The words
//! of an event's title and description are in `templates/calendar/`.

use askama::Template;
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
) -> askama::Result<String> {
    let events = entries
        .iter()
        .map(|entry| event(host, provider, reader, entry))
        .collect::<askama::Result<Vec<IcsEvent>>>()?;
    Ok(calendar(method, &events))
}

/// One booking's event as the provider's own calendar holds it (calendar write-back):
/// the feed's title, UID and SEQUENCE; the caller gives the description.
pub fn provider_event(
    host: &str,
    provider: &User,
    entry: &Entry<'_>,
    description: String,
) -> askama::Result<String> {
    let mut event = event(host, provider, Reader::Provider, entry)?;
    event.description = description;
    // A stored calendar object carries no METHOD (RFC 4791, 4.1).
    Ok(calendar(IcsMethod::Publish, &[event]).replace("METHOD:PUBLISH\r\n", ""))
}

/// What an event's title and description may say.
struct Wording<'a> {
    for_guest: bool,
    service: &'a str,
    provider: &'a str,
    guest: &'a str,
    guest_email: &'a str,
    status: &'a str,
}

#[derive(Template)]
#[template(path = "calendar/summary.txt", escape = "none")]
struct Summary<'a> {
    m: &'a Wording<'a>,
}

#[derive(Template)]
#[template(path = "calendar/description.txt", escape = "none")]
struct Description<'a> {
    m: &'a Wording<'a>,
}

fn event(
    host: &str,
    provider: &User,
    reader: Reader,
    entry: &Entry<'_>,
) -> askama::Result<IcsEvent> {
    let Entry {
        booking,
        service,
        lineage: (root, sequence),
    } = *entry;
    let wording = Wording {
        for_guest: reader == Reader::Guest,
        service: &service.name,
        provider: &provider.full_name,
        guest: &booking.guest_name,
        guest_email: &booking.guest_email,
        status: booking.status().as_str(),
    };
    let summary = Summary { m: &wording }.render()?;
    let description = Description { m: &wording }.render()?;
    Ok(IcsEvent {
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
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::email::booking::tests::{booking, service, user};

    #[test]
    fn guests_and_providers_get_their_own_title_and_description() {
        let (provider, service) = (user(), service("email", ""));
        let booking = booking("confirmed", false, false, false, None);
        let entry = Entry {
            booking: &booking,
            service: &service,
            lineage: (Uuid::nil(), 0),
        };
        let guest = event("example.com", &provider, Reader::Guest, &entry).unwrap();
        assert_eq!(guest.summary, "Intro <call> with Alice <Example> & \"Co\"");
        assert_eq!(
            guest.description,
            "Intro <call> booked by Grace <Guest> via Slotbook."
        );
        let feed = event("example.com", &provider, Reader::Provider, &entry).unwrap();
        assert_eq!(feed.summary, "Intro <call> – Grace <Guest>");
        assert_eq!(
            feed.description,
            "Grace <Guest> <grace@example.com> (confirmed)"
        );
    }
}
