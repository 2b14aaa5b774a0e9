//! The mails about bookings, to the guest and to the provider. Every one states times in
//! its recipient's timezone with the zone's name, and every mail to the guest carries the
//! booking's calendar file (REQUEST while it holds time, CANCEL once it does not).
//!
//! All booking messages share one pair of templates (`templates/email/booking/`): what
//! differs between them is wording, chosen here.

use askama::Template;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use uuid::Uuid;

use super::ics::{booking_calendar, Entry, Reader};
use super::OutgoingMessage;
use crate::config::Settings;
use crate::db::models::bookings::Booking;
use crate::db::models::claim::IssuedTokens;
use crate::db::models::services::Service;
use crate::db::models::users::User;
use crate::domain::booking::BookingStatus;
use crate::domain::booking::{Actor, Change};
use crate::domain::calendar::IcsMethod;
use crate::domain::service::ConfirmationMode;

#[derive(Template)]
#[template(path = "email/booking/text.txt", escape = "none")]
struct TextPart<'a> {
    greeting: &'a str,
    lead: &'a str,
    details: &'a [(String, String)],
    actions: &'a [(String, String)],
    note: &'a str,
    provider_name: &'a str,
}

#[derive(Template)]
#[template(path = "email/booking/html.html")]
struct HtmlPart<'a> {
    subject: &'a str,
    greeting: &'a str,
    lead: &'a str,
    details: &'a [(String, String)],
    actions: &'a [(String, String)],
    note: &'a str,
    provider_name: &'a str,
}

/// One booking message before rendering.
struct Draft {
    to: String,
    kind: &'static str,
    subject: String,
    greeting: String,
    lead: String,
    details: Vec<(String, String)>,
    actions: Vec<(String, String)>,
    note: String,
    ics: Option<String>,
}

/// What every booking message of one provider and service needs.
pub struct Context {
    base_url: String,
    /// `BASE_URL`'s host, for calendar UIDs.
    host: String,
    provider_tz: Tz,
    service: Service,
    provider: User,
}

impl Context {
    pub fn new(settings: &Settings, provider: &User, service: &Service) -> Self {
        Self {
            base_url: settings.base_url.clone(),
            host: settings.host().to_owned(),
            provider_tz: provider.timezone.tz(),
            service: service.clone(),
            provider: provider.clone(),
        }
    }

    fn link(&self, token: &Option<String>) -> Option<String> {
        token.as_ref().map(|t| format!("{}/b/{t}", self.base_url))
    }

    fn details(&self, booking: &Booking, tz: Tz, with_guest: bool) -> Vec<(String, String)> {
        let mut rows = vec![
            ("What".to_owned(), self.service.name.clone()),
            (
                "When".to_owned(),
                when(booking.start_at, booking.end_at, tz),
            ),
            ("Timezone".to_owned(), tz.name().to_owned()),
        ];
        if !self.service.location.is_empty() {
            rows.push(("Where".to_owned(), self.service.location.clone()));
        }
        if with_guest {
            rows.push((
                "Guest".to_owned(),
                format!("{} <{}>", booking.guest_name, booking.guest_email),
            ));
            if let Some(phone) = &booking.guest_phone {
                rows.push(("Phone".to_owned(), phone.clone()));
            }
            if let Some(notes) = &booking.guest_notes {
                rows.push(("Notes".to_owned(), notes.clone()));
            }
            for answer in &booking.answers {
                rows.push((answer.question.clone(), answer.answer.clone()));
            }
        } else {
            rows.push(("With".to_owned(), self.provider.full_name.clone()));
        }
        rows
    }

    fn guest_tz(booking: &Booking) -> Tz {
        booking.guest_timezone.tz()
    }

    /// The mails a new booking sends: one to the guest, one to the provider.
    pub fn new_booking(
        &self,
        booking: &Booking,
        lineage: (Uuid, i32),
        tokens: &IssuedTokens,
    ) -> anyhow::Result<Vec<OutgoingMessage>> {
        let guest_tz = Self::guest_tz(booking);
        let ics = Some(self.ics(booking, lineage, IcsMethod::Request));
        let when_guest = short_when(booking.start_at, guest_tz);
        let mut guest_actions = Vec::new();
        if let Some(link) = self.link(&tokens.confirm) {
            guest_actions.push(("Confirm your booking".to_owned(), link));
        }
        let pending = booking.status() == BookingStatus::Pending;
        let (kind, subject, lead) = match (booking.rescheduled_from_id.is_some(), pending, self.service.confirmation_mode()) {
            (true, _, _) => (
                "booking_rescheduled",
                format!("Booking moved: {} on {when_guest}", self.service.name),
                format!(
                    "Your booking with {} has moved to the time below.{} The links in earlier emails no longer work; use the ones in this email.",
                    self.provider.full_name,
                    if pending { " It is pending until confirmed." } else { "" }
                ),
            ),
            (false, false, _) => (
                "booking_confirmed",
                format!("Booking confirmed: {} on {when_guest}", self.service.name),
                format!("Your booking with {} is confirmed.", self.provider.full_name),
            ),
            (false, true, ConfirmationMode::Provider) => (
                "booking_requested",
                format!("Request received: {} on {when_guest}", self.service.name),
                format!(
                    "{} has received your request and will approve or decline it. The time is held for you meanwhile.",
                    self.provider.full_name
                ),
            ),
            (false, true, _) => (
                "booking_confirm",
                format!("Please confirm your booking: {} on {when_guest}", self.service.name),
                format!(
                    "Please confirm your booking with {}. The time is held for you for {} minutes; unconfirmed bookings are released after that.",
                    self.provider.full_name, self.service.hold_minutes
                ),
            ),
        };
        let note = String::new();
        if let Some(link) = self.link(&tokens.reschedule) {
            guest_actions.push(("Reschedule".to_owned(), link));
        }
        if let Some(link) = self.link(&tokens.cancel) {
            guest_actions.push(("Cancel".to_owned(), link));
        }
        let guest = Draft {
            to: booking.guest_email.clone(),
            kind,
            subject,
            greeting: format!("Hello {},", booking.guest_name),
            lead,
            details: self.details(booking, guest_tz, false),
            actions: guest_actions,
            note,
            ics,
        };

        let when_provider = short_when(booking.start_at, self.provider_tz);
        let mut provider_actions = Vec::new();
        let (kind, subject, lead) = if booking.rescheduled_from_id.is_some() {
            (
                "provider_booking_rescheduled",
                format!(
                    "Rescheduled: {} with {} now on {when_provider}",
                    self.service.name, booking.guest_name
                ),
                format!(
                    "{} moved their booking of {} to the time below.",
                    booking.guest_name, self.service.name
                ),
            )
        } else if pending && self.service.confirmation_mode() == ConfirmationMode::Provider {
            if let Some(link) = self.link(&tokens.approve) {
                provider_actions.push(("Approve".to_owned(), link));
            }
            if let Some(link) = self.link(&tokens.decline) {
                provider_actions.push(("Decline".to_owned(), link));
            }
            (
                "provider_approval_needed",
                format!(
                    "Approval needed: {} with {} on {when_provider}",
                    self.service.name, booking.guest_name
                ),
                format!(
                    "{} asked to book {}. Approve or decline it.",
                    booking.guest_name, self.service.name
                ),
            )
        } else {
            let lead = if pending {
                format!(
                    "{} booked {}. It is pending until they confirm by email.",
                    booking.guest_name, self.service.name
                )
            } else {
                format!("{} booked {}.", booking.guest_name, self.service.name)
            };
            (
                "provider_new_booking",
                format!(
                    "New booking: {} with {} on {when_provider}",
                    self.service.name, booking.guest_name
                ),
                lead,
            )
        };
        provider_actions.push((
            "Open in your dashboard".to_owned(),
            format!("{}/dashboard/bookings/{}", self.base_url, booking.id),
        ));
        let provider = Draft {
            to: self.provider.email.clone(),
            kind,
            subject,
            greeting: format!("Hello {},", self.provider.full_name),
            lead,
            details: self.details(booking, self.provider_tz, true),
            actions: provider_actions,
            note: String::new(),
            ics: None,
        };
        [guest, provider]
            .into_iter()
            .map(|d| self.render(d, booking.id))
            .collect()
    }

    /// The mails a state change sends (none for completed / no-show).
    pub fn changed(
        &self,
        booking: &Booking,
        lineage: (Uuid, i32),
        tokens: &IssuedTokens,
        change: &Change,
        actor: Actor,
    ) -> anyhow::Result<Vec<OutgoingMessage>> {
        let guest_tz = Self::guest_tz(booking);
        let when_guest = short_when(booking.start_at, guest_tz);
        let when_provider = short_when(booking.start_at, self.provider_tz);
        let guest = |kind, subject: String, lead: String, method| Draft {
            to: booking.guest_email.clone(),
            kind,
            subject,
            greeting: format!("Hello {},", booking.guest_name),
            lead,
            details: self.details(booking, guest_tz, false),
            actions: Vec::new(),
            note: String::new(),
            ics: Some(self.ics(booking, lineage, method)),
        };
        let provider = |kind, subject: String, lead: String| Draft {
            to: self.provider.email.clone(),
            kind,
            subject,
            greeting: format!("Hello {},", self.provider.full_name),
            lead,
            details: self.details(booking, self.provider_tz, true),
            actions: vec![(
                "Open in your dashboard".to_owned(),
                format!("{}/dashboard/bookings/{}", self.base_url, booking.id),
            )],
            note: String::new(),
            ics: None,
        };
        let reason = booking.cancellation_reason.clone().unwrap_or_default();
        let drafts = match change {
            Change::Confirm | Change::Approve => vec![
                Draft {
                    actions: [("Reschedule", &tokens.reschedule), ("Cancel", &tokens.cancel)]
                        .into_iter()
                        .filter_map(|(label, token)| self.link(token).map(|link| (label.to_owned(), link)))
                        .collect(),
                    ..guest(
                        "booking_confirmed",
                        format!("Booking confirmed: {} on {when_guest}", self.service.name),
                        format!(
                            "Your booking with {} is confirmed. The links below cancel or reschedule it; links in earlier emails no longer work.",
                            self.provider.full_name
                        ),
                        IcsMethod::Request,
                    )
                },
                provider(
                    "provider_booking_confirmed",
                    format!("Confirmed: {} with {} on {when_provider}", self.service.name, booking.guest_name),
                    format!("The booking of {} by {} is confirmed.", self.service.name, booking.guest_name),
                ),
            ],
            Change::Decline => vec![guest(
                "booking_declined",
                format!("Booking declined: {} on {when_guest}", self.service.name),
                format!(
                    "{} could not accept your request for this time. Nothing was booked; you are welcome to choose another time.",
                    self.provider.full_name
                ),
                IcsMethod::Cancel,
            )],
            Change::Cancel { .. } if actor == Actor::Guest => vec![
                guest(
                    "booking_cancelled",
                    format!("Booking cancelled: {} on {when_guest}", self.service.name),
                    "Your booking is cancelled, as you asked.".to_owned(),
                    IcsMethod::Cancel,
                ),
                provider(
                    "provider_guest_cancelled",
                    format!("Cancelled by the guest: {} with {} on {when_provider}", self.service.name, booking.guest_name),
                    if reason.is_empty() {
                        format!("{} cancelled their booking. The time is free again.", booking.guest_name)
                    } else {
                        format!("{} cancelled their booking (\"{reason}\"). The time is free again.", booking.guest_name)
                    },
                ),
            ],
            Change::Cancel { .. } => vec![guest(
                "booking_cancelled",
                format!("Booking cancelled: {} on {when_guest}", self.service.name),
                if reason.is_empty() {
                    format!("{} had to cancel your booking.", self.provider.full_name)
                } else {
                    format!("{} had to cancel your booking: {reason}", self.provider.full_name)
                },
                IcsMethod::Cancel,
            )],
            Change::Complete | Change::NoShow => Vec::new(),
        };
        drafts
            .into_iter()
            .map(|d| self.render(d, booking.id))
            .collect()
    }

    /// To the guest: the hold lapsed before confirmation; the time was released.
    pub fn expired(&self, booking: &Booking) -> anyhow::Result<Vec<OutgoingMessage>> {
        let guest_tz = Self::guest_tz(booking);
        let draft = Draft {
            to: booking.guest_email.clone(),
            kind: "booking_expired",
            subject: format!("Booking not confirmed: {} on {}", self.service.name, short_when(booking.start_at, guest_tz)),
            greeting: format!("Hello {},", booking.guest_name),
            lead: "Your booking was not confirmed in time, so the time was released. You are welcome to book again."
                .to_owned(),
            details: self.details(booking, guest_tz, false),
            actions: vec![("Book again".to_owned(), format!("{}/{}/{}", self.base_url, self.provider.username, self.service.slug))],
            note: String::new(),
            ics: None,
        };
        Ok(vec![self.render(draft, booking.id)?])
    }

    /// To the guest, before the appointment.
    pub fn reminder(&self, booking: &Booking) -> anyhow::Result<OutgoingMessage> {
        let guest_tz = Self::guest_tz(booking);
        let draft = Draft {
            to: booking.guest_email.clone(),
            kind: "booking_reminder",
            subject: format!(
                "Reminder: {} on {}",
                self.service.name,
                short_when(booking.start_at, guest_tz)
            ),
            greeting: format!("Hello {},", booking.guest_name),
            lead: format!(
                "A reminder of your appointment with {}.",
                self.provider.full_name
            ),
            details: self.details(booking, guest_tz, false),
            actions: Vec::new(),
            note: "To cancel or reschedule, use the links in your booking confirmation email."
                .to_owned(),
            ics: None,
        };
        self.render(draft, booking.id)
    }

    fn render(&self, draft: Draft, booking_id: Uuid) -> anyhow::Result<OutgoingMessage> {
        let text = TextPart {
            greeting: &draft.greeting,
            lead: &draft.lead,
            details: &draft.details,
            actions: &draft.actions,
            note: &draft.note,
            provider_name: &self.provider.full_name,
        }
        .render()?;
        let html = HtmlPart {
            subject: &draft.subject,
            greeting: &draft.greeting,
            lead: &draft.lead,
            details: &draft.details,
            actions: &draft.actions,
            note: &draft.note,
            provider_name: &self.provider.full_name,
        }
        .render()?;
        Ok(OutgoingMessage {
            to: draft.to,
            subject: draft.subject,
            text,
            html,
            ics: draft.ics,
            kind: draft.kind.to_owned(),
            booking_id: Some(booking_id),
        })
    }

    fn ics(&self, booking: &Booking, lineage: (Uuid, i32), method: IcsMethod) -> String {
        booking_calendar(
            &self.host,
            &self.provider,
            Reader::Guest,
            method,
            &[Entry {
                booking,
                service: &self.service,
                lineage,
            }],
        )
    }
}

/// The mails telling a guest their hold lapsed (see `db::models::holds`), for whichever
/// path expired it.
pub fn expired(
    settings: &Settings,
    booking: &Booking,
    service: &Service,
    provider: &User,
) -> anyhow::Result<Vec<OutgoingMessage>> {
    Context::new(settings, provider, service).expired(booking)
}

/// "Tuesday, 8 January 2030, 09:00–09:30".
fn when(start: DateTime<Utc>, end: DateTime<Utc>, tz: Tz) -> String {
    let (s, e) = (start.with_timezone(&tz), end.with_timezone(&tz));
    if s.date_naive() == e.date_naive() {
        format!("{}–{}", s.format("%A, %-d %B %Y, %H:%M"), e.format("%H:%M"))
    } else {
        format!(
            "{} – {}",
            s.format("%A, %-d %B %Y, %H:%M"),
            e.format("%A, %-d %B %Y, %H:%M")
        )
    }
}

/// "Tue 8 Jan 2030, 09:00 (Europe/Berlin)" for subjects.
fn short_when(start: DateTime<Utc>, tz: Tz) -> String {
    format!(
        "{} ({})",
        start.with_timezone(&tz).format("%a %-d %b %Y, %H:%M"),
        tz.name()
    )
}
