//! What the API answers with: JSON shapes built from rows, each described for the OpenAPI
//! document. Instants are RFC 3339 in UTC; where a wall-clock time matters the zone name
//! and the local time with its offset come with it.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::db::models::booking_events::BookingEvent;
use crate::db::models::bookings::Booking;
use crate::db::models::services::Service;
use crate::db::models::users::User;

/// The provider the token belongs to.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub id: Uuid,
    pub username: String,
    pub email: String,
    pub full_name: String,
    pub business_name: String,
    /// IANA zone of the provider's hours.
    pub timezone: String,
    /// Whether guests can book (the account's email address is verified).
    pub bookings_open: bool,
    /// `read` or `write` (read and write).
    pub token_scope: String,
}

impl Me {
    pub fn new(user: &User, scope: &str) -> Self {
        Self {
            id: user.id,
            username: user.username.clone(),
            email: user.email.clone(),
            full_name: user.full_name.clone(),
            business_name: user.business_name.clone(),
            timezone: user.timezone.name().to_owned(),
            bookings_open: user.can_take_bookings(),
            token_scope: scope.to_owned(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QuestionOut {
    /// The key to answer it under in `answers` when booking.
    pub label: String,
    /// `short_text`, `long_text`, `choice` or `checkbox`.
    pub kind: String,
    pub required: bool,
    pub choices: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceOut {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub duration_minutes: i32,
    pub slot_interval_minutes: i32,
    pub buffer_before_minutes: i32,
    pub buffer_after_minutes: i32,
    pub min_notice_minutes: i32,
    pub max_days_ahead: i32,
    pub max_per_day: Option<i32>,
    pub price_cents: Option<i32>,
    pub currency: Option<String>,
    pub location: String,
    /// `instant`, `email` (the guest confirms by email) or `provider` (you approve).
    pub confirmation_mode: String,
    pub is_active: bool,
    /// The public booking page.
    pub booking_path: String,
    pub questions: Vec<QuestionOut>,
}

impl ServiceOut {
    pub fn new(service: &Service, username: &str) -> Self {
        Self {
            id: service.id,
            slug: service.slug.clone(),
            name: service.name.clone(),
            description: service.description.clone(),
            duration_minutes: service.duration_minutes,
            slot_interval_minutes: service.slot_interval_minutes,
            buffer_before_minutes: service.buffer_before_minutes,
            buffer_after_minutes: service.buffer_after_minutes,
            min_notice_minutes: service.min_notice_minutes,
            max_days_ahead: service.max_days_ahead,
            max_per_day: service.max_per_day,
            price_cents: service.price_cents,
            currency: service.currency.clone(),
            location: service.location.clone(),
            confirmation_mode: service.confirmation_mode().as_str().to_owned(),
            is_active: service.is_active,
            booking_path: format!("/{username}/{}", service.slug),
            questions: service
                .questions()
                .into_iter()
                .map(|q| QuestionOut {
                    label: q.label,
                    kind: q.kind.as_str().to_owned(),
                    required: q.required,
                    choices: q.choices,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceList {
    pub data: Vec<ServiceOut>,
}

/// One free start time.
#[derive(Debug, Serialize, ToSchema)]
pub struct SlotOut {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// The start on the wall clock of `timezone`, with its offset.
    pub local_start: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SlotList {
    pub service_id: Uuid,
    /// The zone of `local_start` (the `tz` asked for, else the provider's).
    pub timezone: String,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// False while the provider does not take bookings (then `slots` is empty).
    pub bookings_open: bool,
    pub slots: Vec<SlotOut>,
}

pub fn local(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).to_rfc3339()
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GuestOut {
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub timezone: String,
    pub notes: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AnswerOut {
    pub question: String,
    pub answer: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BookingOut {
    pub id: Uuid,
    pub service_id: Uuid,
    /// `pending`, `confirmed`, `completed`, `no_show`, `expired`, `declined` or `cancelled`.
    pub status: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// The provider's zone, and the start on its wall clock.
    pub timezone: String,
    pub local_start: String,
    pub guest: GuestOut,
    pub answers: Vec<AnswerOut>,
    /// Until when a pending booking holds the time.
    pub hold_expires_at: Option<DateTime<Utc>>,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    /// `guest`, `provider` or `system`.
    pub cancelled_by: Option<String>,
    pub cancellation_reason: Option<String>,
    pub rescheduled_from_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl BookingOut {
    pub fn new(booking: &Booking, provider_tz: Tz) -> Self {
        Self {
            id: booking.id,
            service_id: booking.service_id,
            status: booking.status().as_str().to_owned(),
            start: booking.start_at,
            end: booking.end_at,
            timezone: provider_tz.name().to_owned(),
            local_start: local(booking.start_at, provider_tz),
            guest: GuestOut {
                name: booking.guest_name.clone(),
                email: booking.guest_email.clone(),
                phone: booking.guest_phone.clone(),
                timezone: booking.guest_timezone.name().to_owned(),
                notes: booking.guest_notes.clone(),
            },
            answers: booking
                .answers
                .iter()
                .map(|a| AnswerOut {
                    question: a.question.clone(),
                    answer: a.answer.clone(),
                })
                .collect(),
            hold_expires_at: booking.hold_expires_at,
            confirmed_at: booking.confirmed_at,
            cancelled_at: booking.cancelled_at,
            cancelled_by: booking.cancelled_by.map(|a| a.as_str().to_owned()),
            cancellation_reason: booking.cancellation_reason.clone(),
            rescheduled_from_id: booking.rescheduled_from_id,
            created_at: booking.created_at,
            updated_at: booking.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EventOut {
    pub at: DateTime<Utc>,
    /// `guest`, `provider` or `system`.
    pub actor: String,
    pub kind: String,
    pub detail: String,
}

/// A booking with its history, oldest event first.
#[derive(Debug, Serialize, ToSchema)]
pub struct BookingDetail {
    #[serde(flatten)]
    pub booking: BookingOut,
    pub history: Vec<EventOut>,
}

impl BookingDetail {
    pub fn new(booking: &Booking, events: &[BookingEvent], provider_tz: Tz) -> Self {
        Self {
            booking: BookingOut::new(booking, provider_tz),
            history: events
                .iter()
                .map(|e| EventOut {
                    at: e.at,
                    actor: e.actor.as_str().to_owned(),
                    kind: e.kind.clone(),
                    detail: e.detail.clone(),
                })
                .collect(),
        }
    }
}

/// One page of bookings by start time; `next_cursor` fetches the next (absent on the last).
#[derive(Debug, Serialize, ToSchema)]
pub struct BookingPage {
    pub data: Vec<BookingOut>,
    pub next_cursor: Option<String>,
}
