//! Templates of the front desk: the team's day or week with one column per provider, a
//! team booking with its history and actions, in the team's timezone.

use askama::Template;

use super::PageContext;
use crate::domain::forms::{FieldErrors, RawForm};

/// One booking block in a provider's column.
pub struct DeskBlock {
    /// "09:00–09:30".
    pub time: String,
    /// Guest and service for the team's bookings; empty for other bookings of the host.
    pub guest: String,
    pub service: String,
    pub status: String,
    pub arrived: bool,
    /// The booking's desk page, for the team's bookings only.
    pub href: Option<String>,
}

/// A free stretch of a provider, linking to the booking form filled with its start.
pub struct FreeLink {
    /// "09:00–10:00".
    pub label: String,
    pub href: String,
}

/// One provider's part of one day.
pub struct DeskCell {
    pub free: Vec<FreeLink>,
    pub blocks: Vec<DeskBlock>,
}

/// One day: its label and one cell per column.
pub struct DeskDay {
    pub label: String,
    pub cells: Vec<DeskCell>,
}

/// A value and label of a select.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "pages/teams/desk.html")]
pub struct DeskPage {
    pub ctx: PageContext,
    pub slug: String,
    pub team_name: String,
    pub timezone: String,
    pub heading: String,
    pub view: String,
    pub date: String,
    pub prev_href: String,
    pub next_href: String,
    pub day_href: String,
    pub week_href: String,
    pub csv_href: String,
    pub columns: Vec<String>,
    pub days: Vec<DeskDay>,
    pub provider_filter: Vec<Choice>,
    pub service_filter: Vec<Choice>,
    pub status_filter: Vec<Choice>,
    /// The booking form: services, hosts ("any" first), what was typed and its errors.
    pub services: Vec<Choice>,
    pub hosts: Vec<Choice>,
    pub form: RawForm,
    pub errors: FieldErrors,
    pub refusal: String,
}

/// One line of a booking's history.
pub struct HistoryLine {
    pub at: String,
    pub kind: String,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "pages/teams/desk_booking.html")]
pub struct DeskBookingPage {
    pub ctx: PageContext,
    pub slug: String,
    pub id: String,
    pub timezone: String,
    pub when: String,
    pub provider: String,
    pub service: String,
    pub guest: String,
    pub email: String,
    pub phone: String,
    pub status: String,
    pub arrived: bool,
    pub holds: bool,
    pub history: Vec<HistoryLine>,
    pub hosts: Vec<Choice>,
    pub form: RawForm,
    pub errors: FieldErrors,
    pub refusal: String,
    pub back_href: String,
}
