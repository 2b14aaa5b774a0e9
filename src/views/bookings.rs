//! Templates of the provider's bookings pages.

use askama::Template;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::PageContext;
use crate::domain::booking::{provider_actions, Action, BookingFacts};

pub struct BookingRow {
    pub id: String,
    pub when: String,
    /// The earlier time of a booking that was moved here.
    pub moved_from: Option<MovedFrom>,
    pub service: String,
    pub guest: String,
    pub status: String,
    /// What the provider can do from the list (the same buttons as the booking page).
    pub actions: Vec<ActionButton>,
}

/// Where a moved booking was before: its local time and its page.
pub struct MovedFrom {
    pub when: String,
    pub href: String,
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "pages/bookings/list.html")]
pub struct BookingsPage {
    pub ctx: PageContext,
    pub timezone: String,
    pub rows: Vec<BookingRow>,
    pub statuses: Vec<Choice>,
    pub services: Vec<Choice>,
    pub from: String,
    pub to: String,
    pub filter_error: String,
    pub total: i64,
    pub page: i64,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
    pub csv_href: String,
    pub feed_url: Option<String>,
}

pub struct EventRow {
    pub at: String,
    pub actor: String,
    /// The stored kind (`created`, `rescheduled`, …): the template words the moves.
    pub slug: String,
    pub kind: String,
    pub detail: String,
}

/// An action button on the booking page, for one of the actions
/// `domain::booking::provider_actions` offers.
pub struct ActionButton {
    pub path: String,
    /// The button's message id.
    pub label: &'static str,
    pub danger: bool,
    pub needs_reason: bool,
}

/// The path segment of each action the provider can post
/// (`/dashboard/bookings/{id}/{slug}`).
pub fn action_slug(action: Action) -> &'static str {
    match action {
        Action::Confirm => "confirm",
        Action::Approve => "approve",
        Action::Decline => "decline",
        Action::Cancel => "cancel",
        Action::Complete => "complete",
        Action::NoShow => "no-show",
    }
}

/// The buttons for the actions the state machine allows the provider at `now`, on the
/// booking page and in the list alike.
pub fn action_buttons(id: Uuid, booking: BookingFacts, now: DateTime<Utc>) -> Vec<ActionButton> {
    provider_actions(booking, now)
        .into_iter()
        .map(|action| {
            let path = format!("/dashboard/bookings/{id}/{}", action_slug(action));
            ActionButton::new(action, path)
        })
        .collect()
}

impl ActionButton {
    /// The button posting `action` to `path`.
    fn new(action: Action, path: String) -> Self {
        let (label, danger, needs_reason) = match action {
            Action::Confirm => ("booking-action-confirm", false, false),
            Action::Approve => ("booking-action-approve", false, false),
            Action::Decline => ("booking-action-decline", true, false),
            Action::Complete => ("booking-action-complete", false, false),
            Action::NoShow => ("booking-action-no-show", false, false),
            Action::Cancel => ("booking-action-cancel", true, true),
        };
        Self {
            path,
            label,
            danger,
            needs_reason,
        }
    }
}

#[derive(Template)]
#[template(path = "pages/bookings/detail.html")]
pub struct BookingDetailPage {
    pub ctx: PageContext,
    pub id: String,
    pub service: String,
    pub when: String,
    pub timezone: String,
    pub guest_when: String,
    pub guest_timezone: String,
    pub status: String,
    pub guest_name: String,
    pub guest_email: String,
    pub guest_phone: String,
    pub notes: String,
    pub answers: Vec<(String, String)>,
    /// Who cancelled (`guest`, `provider`), empty unless cancelled.
    pub cancelled_by: String,
    pub cancellation_reason: String,
    pub events: Vec<EventRow>,
    /// The booking this one was moved from, and the one it was moved to.
    pub moved_from: Option<MovedFrom>,
    pub moved_to: Option<MovedFrom>,
    pub actions: Vec<ActionButton>,
    pub error: String,
    /// How the write-back into the provider's calendar went, when there is one.
    pub calendar_write: Option<super::calendars::WriteLine>,
}
