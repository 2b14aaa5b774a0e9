//! The mails about bookings, to the guest and to the provider. Every one states times in
//! its recipient's timezone with the zone's name. The guest's mails about a booking made,
//! moved, confirmed, declined or cancelled carry its calendar file (REQUEST while it holds
//! time, CANCEL once it does not); the reminder and the not-confirmed-in-time mail do not.
//!
//! This module decides which message a booking event sends to whom and gathers what it
//! may say (`messages::Facts`); the wording is in the message's own folder under
//! `templates/email/<kind>/` (see `messages`).

mod messages;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use uuid::Uuid;

use self::messages::{Facts, Kind, Links};
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
use crate::i18n::{format, with_locale, Locale};

/// One booking message before rendering: which message, to whom, saying what.
struct Draft {
    to: String,
    /// The recipient's language: the guest's booking's, or the provider's.
    locale: Locale,
    kind: Kind,
    facts: Facts,
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

    fn dashboard_link(&self, booking: &Booking) -> Option<String> {
        Some(format!(
            "{}/dashboard/bookings/{}",
            self.base_url, booking.id
        ))
    }

    /// What a message to the guest (or, with `to_provider`, to the provider) can say,
    /// in that recipient's timezone; no links yet.
    fn facts(&self, booking: &Booking, to_provider: bool) -> Facts {
        let tz = if to_provider {
            self.provider_tz
        } else {
            Self::guest_tz(booking)
        };
        let locale = if to_provider {
            self.provider.language
        } else {
            self.guest_locale(booking)
        };
        Facts {
            to_provider,
            recipient_name: if to_provider {
                self.provider.full_name.clone()
            } else {
                booking.guest_name.clone()
            },
            provider_name: self.provider.full_name.clone(),
            guest_name: booking.guest_name.clone(),
            guest_email: booking.guest_email.clone(),
            phone: booking.guest_phone.clone(),
            notes: booking.guest_notes.clone(),
            answers: booking.answers.clone(),
            service_name: self.service.name.clone(),
            location: self.service.location.clone(),
            hold_minutes: self.service.hold_minutes,
            when: format::range_long_in(locale, booking.start_at, booking.end_at, tz),
            when_short: short_when(locale, booking.start_at, tz),
            zone: tz.name().to_owned(),
            pending: booking.status() == BookingStatus::Pending,
            reason: booking.cancellation_reason.clone().unwrap_or_default(),
            confirmed_later: false,
            by_guest: false,
            links: Links::default(),
        }
    }

    fn to_guest(&self, booking: &Booking, kind: Kind, facts: Facts, ics: Option<String>) -> Draft {
        Draft {
            to: booking.guest_email.clone(),
            locale: self.guest_locale(booking),
            kind,
            facts,
            ics,
        }
    }

    fn to_provider(&self, kind: Kind, facts: Facts) -> Draft {
        Draft {
            to: self.provider.email.clone(),
            locale: self.provider.language,
            kind,
            facts,
            ics: None,
        }
    }

    /// The language the guest booked in; bookings from before languages follow the
    /// provider's.
    fn guest_locale(&self, booking: &Booking) -> Locale {
        booking.language.unwrap_or(self.provider.language)
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
        let pending = booking.status() == BookingStatus::Pending;
        let by_provider = self.service.confirmation_mode() == ConfirmationMode::Provider;
        let rescheduled = booking.rescheduled_from_id.is_some();

        let kind = match (rescheduled, pending, by_provider) {
            (true, _, _) => Kind::Rescheduled,
            (false, false, _) => Kind::Confirmed,
            (false, true, true) => Kind::Requested,
            (false, true, false) => Kind::Confirm,
        };
        let mut facts = self.facts(booking, false);
        facts.links = Links {
            confirm: self.link(&tokens.confirm),
            reschedule: self.link(&tokens.reschedule),
            cancel: self.link(&tokens.cancel),
            ..Links::default()
        };
        let ics = Some(self.ics(booking, lineage, IcsMethod::Request)?);
        let guest = self.to_guest(booking, kind, facts, ics);

        let mut facts = self.facts(booking, true);
        let kind = if rescheduled {
            Kind::ProviderRescheduled
        } else if pending && by_provider {
            facts.links.approve = self.link(&tokens.approve);
            facts.links.decline = self.link(&tokens.decline);
            Kind::ProviderApprovalNeeded
        } else {
            Kind::ProviderNewBooking
        };
        facts.links.dashboard = self.dashboard_link(booking);
        let provider = self.to_provider(kind, facts);

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
        let guest = |kind, facts, method| -> askama::Result<Draft> {
            let ics = self.ics(booking, lineage, method)?;
            Ok(self.to_guest(booking, kind, facts, Some(ics)))
        };
        let provider = |kind| {
            let mut facts = self.facts(booking, true);
            facts.links.dashboard = self.dashboard_link(booking);
            self.to_provider(kind, facts)
        };
        let drafts = match change {
            Change::Confirm | Change::Approve => {
                let mut facts = self.facts(booking, false);
                facts.confirmed_later = true;
                facts.links.reschedule = self.link(&tokens.reschedule);
                facts.links.cancel = self.link(&tokens.cancel);
                vec![
                    guest(Kind::Confirmed, facts, IcsMethod::Request)?,
                    provider(Kind::ProviderConfirmed),
                ]
            }
            Change::Decline => vec![guest(
                Kind::Declined,
                self.facts(booking, false),
                IcsMethod::Cancel,
            )?],
            Change::Cancel { .. } if actor == Actor::Guest => {
                let mut facts = self.facts(booking, false);
                facts.by_guest = true;
                vec![
                    guest(Kind::Cancelled, facts, IcsMethod::Cancel)?,
                    provider(Kind::ProviderGuestCancelled),
                ]
            }
            Change::Cancel { .. } => vec![guest(
                Kind::Cancelled,
                self.facts(booking, false),
                IcsMethod::Cancel,
            )?],
            Change::Complete | Change::NoShow => Vec::new(),
        };
        drafts
            .into_iter()
            .map(|d| self.render(d, booking.id))
            .collect()
    }

    /// To the guest: the hold lapsed before confirmation; the time was released.
    pub fn expired(&self, booking: &Booking) -> anyhow::Result<Vec<OutgoingMessage>> {
        let mut facts = self.facts(booking, false);
        facts.links.book_again = Some(format!(
            "{}/{}/{}",
            self.base_url, self.provider.username, self.service.slug
        ));
        let draft = self.to_guest(booking, Kind::Expired, facts, None);
        Ok(vec![self.render(draft, booking.id)?])
    }

    /// To the guest, before the appointment.
    pub fn reminder(&self, booking: &Booking) -> anyhow::Result<OutgoingMessage> {
        let draft = self.to_guest(booking, Kind::Reminder, self.facts(booking, false), None);
        self.render(draft, booking.id)
    }

    fn render(&self, draft: Draft, booking_id: Uuid) -> anyhow::Result<OutgoingMessage> {
        let rendered = with_locale(draft.locale, || draft.kind.render(&draft.facts))?;
        Ok(OutgoingMessage {
            to: draft.to,
            subject: rendered.subject,
            text: rendered.text,
            html: rendered.html,
            ics: draft.ics,
            kind: rendered.kind.to_owned(),
            booking_id: Some(booking_id),
        })
    }

    fn ics(
        &self,
        booking: &Booking,
        lineage: (Uuid, i32),
        method: IcsMethod,
    ) -> askama::Result<String> {
        // The calendar file goes to the guest: its title and description in their language.
        with_locale(self.guest_locale(booking), || {
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
        })
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

/// "Tue 8 Jan 2030, 09:00 (Europe/Berlin)" for subjects.
fn short_when(locale: Locale, start: DateTime<Utc>, tz: Tz) -> String {
    format!(
        "{} ({})",
        format::datetime_medium_in(locale, start, tz),
        tz.name()
    )
}

#[cfg(test)]
pub(crate) mod tests;
