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
use crate::domain::look::Branding;
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
    service: Service,
    provider: User,
    /// The other hosts of a collective team booking: they get the provider's mails too,
    /// each in their own zone.
    cohosts: Vec<User>,
    /// The change is the front desk's: the booking's own provider is told as well.
    by_desk: bool,
    /// What the guest's mails wear (`db::models::provider_looks::branding`).
    brand: Branding,
}

impl Context {
    /// `brand` is the service's (`db::models::provider_looks::branding`): the guest's
    /// mails wear it.
    pub fn new(settings: &Settings, provider: &User, service: &Service, brand: Branding) -> Self {
        Self {
            base_url: settings.base_url.clone(),
            host: settings.host().to_owned(),
            service: service.clone(),
            provider: provider.clone(),
            cohosts: Vec::new(),
            by_desk: false,
            brand,
        }
    }

    /// Every host of the booking (`db::models::booking_hosts::host_users`) besides the
    /// provider gets the provider's mails too.
    pub fn with_hosts(mut self, hosts: impl IntoIterator<Item = User>) -> Self {
        let provider = self.provider.id;
        self.cohosts = hosts.into_iter().filter(|h| h.id != provider).collect();
        self
    }

    /// Changes made by the front desk: the host is told of cancellations too.
    pub fn by_desk(mut self) -> Self {
        self.by_desk = true;
        self
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

    /// What a message to the guest can say, in the guest's timezone; no links yet.
    fn facts(&self, booking: &Booking) -> Facts {
        self.facts_for(booking, None)
    }

    /// What a message to `host` (or, with `None`, to the guest) can say, in that
    /// recipient's timezone; no links yet.
    fn facts_for(&self, booking: &Booking, host: Option<&User>) -> Facts {
        let tz = host.map_or_else(|| Self::guest_tz(booking), |h| h.timezone.tz());
        let locale = host.map_or_else(|| self.guest_locale(booking), |h| h.language);
        // The guest of a collective booking meets every host.
        let provider_name = std::iter::once(&self.provider)
            .chain(&self.cohosts)
            .map(|h| h.full_name.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        Facts {
            to_provider: host.is_some(),
            recipient_name: host
                .map_or_else(|| booking.guest_name.clone(), |h| h.full_name.clone()),
            provider_name,
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
            // The provider's branding greets the guest; hosts get ours.
            brand: match host {
                None => self.brand.clone(),
                Some(_) => Branding::default(),
            },
        }
    }

    /// The guest's message, unless the guest was booked without mails (front desk).
    fn to_guest(
        &self,
        booking: &Booking,
        kind: Kind,
        facts: Facts,
        ics: Option<String>,
    ) -> Option<Draft> {
        booking.guest_mails.then(|| Draft {
            to: booking.guest_email.clone(),
            locale: self.guest_locale(booking),
            kind,
            facts,
            ics,
        })
    }

    /// One message to each host told (the provider unless `others_only`, and every
    /// co-host), each in their own zone, with the dashboard link and `fill`'s additions.
    fn to_hosts(
        &self,
        booking: &Booking,
        kind: Kind,
        others_only: bool,
        fill: impl Fn(&mut Facts),
    ) -> Vec<Draft> {
        let provider = (!others_only).then_some(&self.provider);
        provider
            .into_iter()
            .chain(&self.cohosts)
            .map(|host| {
                let mut facts = self.facts_for(booking, Some(host));
                facts.links.dashboard = self.dashboard_link(booking);
                fill(&mut facts);
                Draft {
                    to: host.email.clone(),
                    locale: host.language,
                    kind,
                    facts,
                    ics: None,
                }
            })
            .collect()
    }

    /// The language the guest booked in; bookings from before languages follow the
    /// provider's.
    fn guest_locale(&self, booking: &Booking) -> Locale {
        booking.language.unwrap_or(self.provider.language)
    }

    fn guest_tz(booking: &Booking) -> Tz {
        booking.guest_timezone.tz()
    }

    /// The mails a new booking sends: one to the guest, one to each host.
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
        let mut facts = self.facts(booking);
        facts.links = Links {
            confirm: self.link(&tokens.confirm),
            reschedule: self.link(&tokens.reschedule),
            cancel: self.link(&tokens.cancel),
            ..Links::default()
        };
        let ics = Some(self.ics(booking, lineage, IcsMethod::Request)?);
        let guest = self.to_guest(booking, kind, facts, ics);

        let approval = pending && by_provider && !rescheduled;
        let kind = if rescheduled {
            Kind::ProviderRescheduled
        } else if approval {
            Kind::ProviderApprovalNeeded
        } else {
            Kind::ProviderNewBooking
        };
        let hosts = self.to_hosts(booking, kind, false, |facts| {
            if approval {
                facts.links.approve = self.link(&tokens.approve);
                facts.links.decline = self.link(&tokens.decline);
            }
        });

        self.render_all(guest.into_iter().chain(hosts), booking.id)
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
        let guest = |kind, facts, method| -> askama::Result<Option<Draft>> {
            let ics = self.ics(booking, lineage, method)?;
            Ok(self.to_guest(booking, kind, facts, Some(ics)))
        };
        let drafts: Vec<Draft> = match change {
            Change::Confirm | Change::Approve => {
                let mut facts = self.facts(booking);
                facts.confirmed_later = true;
                facts.links.reschedule = self.link(&tokens.reschedule);
                facts.links.cancel = self.link(&tokens.cancel);
                guest(Kind::Confirmed, facts, IcsMethod::Request)?
                    .into_iter()
                    .chain(self.to_hosts(booking, Kind::ProviderConfirmed, false, |_| {}))
                    .collect()
            }
            Change::Decline => guest(Kind::Declined, self.facts(booking), IcsMethod::Cancel)?
                .into_iter()
                .collect(),
            Change::Cancel { .. } if actor == Actor::Guest => {
                let mut facts = self.facts(booking);
                facts.by_guest = true;
                guest(Kind::Cancelled, facts, IcsMethod::Cancel)?
                    .into_iter()
                    .chain(self.to_hosts(booking, Kind::ProviderGuestCancelled, false, |_| {}))
                    .collect()
            }
            // A host cancelling knows; the other hosts (and, for the desk, the host) are told.
            Change::Cancel { .. } => {
                guest(Kind::Cancelled, self.facts(booking), IcsMethod::Cancel)?
                    .into_iter()
                    .chain(self.to_hosts(booking, Kind::ProviderCancelled, !self.by_desk, |_| {}))
                    .collect()
            }
            Change::Complete | Change::NoShow => Vec::new(),
        };
        self.render_all(drafts, booking.id)
    }

    /// The mails of a move by the front desk (same booking, new time or host, fresh links):
    /// the guest's usual rescheduled mail and one to each host.
    pub fn moved(
        &self,
        booking: &Booking,
        lineage: (Uuid, i32),
        tokens: &IssuedTokens,
    ) -> anyhow::Result<Vec<OutgoingMessage>> {
        let mut facts = self.facts(booking);
        facts.links.confirm = self.link(&tokens.confirm);
        facts.links.reschedule = self.link(&tokens.reschedule);
        facts.links.cancel = self.link(&tokens.cancel);
        let ics = Some(self.ics(booking, lineage, IcsMethod::Request)?);
        let guest = self.to_guest(booking, Kind::Rescheduled, facts, ics);
        // A booking still awaiting approval: the fresh approve / decline links.
        let hosts = self.to_hosts(booking, Kind::ProviderMoved, false, |facts| {
            facts.links.approve = self.link(&tokens.approve);
            facts.links.decline = self.link(&tokens.decline);
        });
        self.render_all(guest.into_iter().chain(hosts), booking.id)
    }

    /// To the hosts of `booking` as it was before a guest moved it to another host: it is
    /// no longer in their calendar ("Cancelled: …" at its old time).
    pub fn moved_away(&self, booking: &Booking) -> anyhow::Result<Vec<OutgoingMessage>> {
        let drafts = self.to_hosts(booking, Kind::ProviderCancelled, false, |_| {});
        self.render_all(drafts, booking.id)
    }

    fn render_all(
        &self,
        drafts: impl IntoIterator<Item = Draft>,
        booking_id: Uuid,
    ) -> anyhow::Result<Vec<OutgoingMessage>> {
        drafts
            .into_iter()
            .map(|d| self.render(d, booking_id))
            .collect()
    }

    /// To the guest: the hold lapsed before confirmation; the time was released.
    pub fn expired(&self, booking: &Booking) -> anyhow::Result<Vec<OutgoingMessage>> {
        let mut facts = self.facts(booking);
        facts.links.book_again = Some(format!(
            "{}/{}/{}",
            self.base_url, self.provider.username, self.service.slug
        ));
        let draft = self.to_guest(booking, Kind::Expired, facts, None);
        self.render_all(draft, booking.id)
    }

    /// To the guest, before the appointment.
    pub fn reminder(&self, booking: &Booking) -> anyhow::Result<OutgoingMessage> {
        let draft = Draft {
            to: booking.guest_email.clone(),
            locale: self.guest_locale(booking),
            kind: Kind::Reminder,
            facts: self.facts(booking),
            ics: None,
        };
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
    brand: Branding,
) -> anyhow::Result<Vec<OutgoingMessage>> {
    Context::new(settings, provider, service, brand).expired(booking)
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
