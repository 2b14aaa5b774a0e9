//! Templates of the pages guests see: a provider's services, a service's calendar, the
//! booking form and the pages after booking.

use askama::Template;

use super::PageContext;
use crate::domain::forms::{FieldErrors, RawForm};
use crate::domain::service::QuestionKind;

pub struct ServiceCard {
    pub name: String,
    pub description: String,
    pub duration_minutes: i32,
    pub price: String,
    pub location: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "pages/public/provider.html")]
pub struct ProviderPage {
    pub ctx: PageContext,
    pub display_name: String,
    pub business_name: String,
    pub bio: String,
    pub services: Vec<ServiceCard>,
    pub bookings_open: bool,
    /// Team pages: the names of the team's providers (empty on personal pages).
    pub people: Vec<String>,
}

/// One cell of the month grid; `day == 0` pads the first and last week.
pub struct DayCell {
    pub day: u32,
    pub label: String,
    pub href: Option<String>,
    pub selected: bool,
}

pub struct SlotLink {
    pub time: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "pages/public/service.html")]
pub struct ServicePage {
    pub ctx: PageContext,
    pub provider_name: String,
    pub provider_href: String,
    pub service_name: String,
    pub description: String,
    pub duration_minutes: i32,
    pub price: String,
    pub location: String,
    pub bookings_open: bool,
    /// Why the page takes no bookings yet (when `bookings_open` is false).
    pub closed_note: String,
    /// Shown when `?tz=` could not be understood.
    pub tz_notice: String,
    pub timezone: String,
    /// The short list of the picker; every zone is on the timezones page.
    pub timezones: Vec<&'static str>,
    pub timezones_href: String,
    /// True when the zone was chosen explicitly (`?tz=`): the script then leaves it alone.
    pub tz_explicit: bool,
    pub month_param: String,
    pub date_param: String,
    pub reschedule_param: String,
    /// Team pages: the chosen host's id, kept by the timezone form.
    pub host_param: String,
    /// Team pages: "any available" and each host, as links (empty on personal pages).
    pub hosts: Vec<SlotLink>,
    pub month_label: String,
    pub weeks: Vec<Vec<DayCell>>,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
    pub selected_label: String,
    pub slots: Vec<SlotLink>,
    pub has_any_slot: bool,
    pub rescheduling: Option<String>,
}

impl ServicePage {
    /// "Find a time that suits me" for this calendar, in its zone. Derived from the
    /// timezones link (the same `/{user}/{service}` base) so every page built on this
    /// template gets it without another field to fill.
    pub fn find_href(&self) -> Option<String> {
        let (base, _) = self.timezones_href.split_once("/timezones?")?;
        Some(format!(
            "{base}/find?tz={}",
            urlencoding::encode(&self.timezone)
        ))
    }
}

/// A question of the booking form with its field name and typed answer.
pub struct QuestionField {
    pub name: String,
    pub label: String,
    pub kind: QuestionKind,
    pub required: bool,
    pub choices: Vec<String>,
    pub value: String,
    pub checked: bool,
    pub error: String,
}

#[derive(Template)]
#[template(path = "pages/public/book.html")]
pub struct BookingFormPage {
    pub ctx: PageContext,
    pub action: String,
    pub back_href: String,
    pub service_name: String,
    pub provider_name: String,
    pub guest_time: String,
    pub guest_zone: String,
    pub provider_time: String,
    pub provider_zone: String,
    pub duration_minutes: i32,
    pub location: String,
    pub start: String,
    pub idempotency_key: String,
    pub reschedule_token: String,
    /// Team bookings: the chosen host's id ("any available" when empty).
    pub host: String,
    pub form: RawForm,
    pub errors: FieldErrors,
    pub questions: Vec<QuestionField>,
    pub refusal: String,
}

#[derive(Template)]
#[template(path = "pages/public/slot_taken.html")]
pub struct SlotTakenPage {
    pub ctx: PageContext,
    pub message: String,
    pub zone: String,
    pub alternatives: Vec<SlotLink>,
    pub back_href: String,
}

#[derive(Template)]
#[template(path = "pages/public/booked.html")]
pub struct BookedPage {
    pub ctx: PageContext,
    pub status: String,
    pub heading: String,
    pub next_steps: String,
    pub service_name: String,
    pub provider_name: String,
    pub when: String,
    pub zone: String,
    pub provider_when: String,
    pub provider_zone: String,
    pub location: String,
    pub guest_email: String,
    pub ics_href: String,
}

pub struct TimezoneLink {
    pub name: &'static str,
    pub href: String,
}

pub struct TimezoneRegion {
    pub name: &'static str,
    pub zones: Vec<TimezoneLink>,
}

/// Every zone, by region, each a link to the month page in that zone.
#[derive(Template)]
#[template(path = "pages/public/timezones.html")]
pub struct TimezonesPage {
    pub ctx: PageContext,
    pub provider_name: String,
    pub service_name: String,
    pub back_href: String,
    pub regions: Vec<TimezoneRegion>,
}
