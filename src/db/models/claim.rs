//! The slot claim: one transaction that turns a guest's request into a booking, or refuses
//! it, with the same rules that listed the slot.
//!
//! 1. Queue behind other writers of this provider's schedule (`lock_provider_schedule`).
//! 2. The same idempotency key again returns the booking already made.
//! 3. Pending bookings whose hold lapsed and that overlap the request become `expired`
//!    (`holds::expire`, which also tells their guests).
//! 4. The slot engine re-checks the start against the current rows.
//! 5. Insert the booking with its buffered range; the database guard is the final
//!    arbiter (`StoreError::SlotTaken`, and the whole transaction rolls back).
//! 6. Record the event, issue the link tokens, enqueue the mails.

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use uuid::Uuid;

use super::availability::{load_schedule, service_rules};
use super::booking_events;
use super::booking_tokens::{self, TokenAction};
use super::bookings::{self, Booking, NewBooking};
use super::holds::{self, ComposeExpired};
use super::outbox::{enqueue, OutgoingMessage};
use super::services::Service;
use crate::db::{lock_provider_schedule, write_transaction, DbConnection, StoreResult};
use crate::domain::availability::{is_bookable, Refusal, TimeRange};
use crate::domain::booking::BookingStatus;
use crate::domain::guest::GuestDetails;
use crate::domain::service::ConfirmationMode;

/// Everything the claim needs; the caller has parsed the form.
#[derive(Debug, Clone)]
pub struct ClaimRequest {
    pub service: Service,
    pub provider_timezone: Tz,
    pub start: DateTime<Utc>,
    pub guest: GuestDetails,
    pub guest_timezone: String,
    pub idempotency_key: String,
    /// When rescheduling: the booking this one replaces (cancelled in the same transaction)
    /// and the id of the reschedule link, used up in the same transaction.
    pub replaces: Option<Replaces>,
}

#[derive(Debug, Clone, Copy)]
pub struct Replaces {
    pub booking_id: Uuid,
    pub token_id: Uuid,
    /// A confirmed booking stays confirmed when moved (the guest's address is proven);
    /// bookings that need the provider's approval need it again.
    pub was_confirmed: bool,
}

/// The raw link tokens issued for a new booking (only the email carries them).
#[derive(Debug, Clone, Default)]
pub struct IssuedTokens {
    pub confirm: Option<String>,
    pub cancel: Option<String>,
    pub reschedule: Option<String>,
    pub approve: Option<String>,
    pub decline: Option<String>,
}

#[derive(Debug)]
pub enum ClaimOutcome {
    Created(Box<Booking>),
    /// The same idempotency key was used before: the booking it made.
    AlreadyMade(Box<Booking>),
    Refused(Refusal),
    /// The reschedule link was used up meanwhile (double submit in another tab).
    LinkUsed,
}

/// Builds the mails of a new booking from the booking, its calendar identity (see
/// `bookings::lineage`) and its link tokens.
pub type ComposeMails<'a> =
    dyn Fn(&Booking, (Uuid, i32), &IssuedTokens) -> anyhow::Result<Vec<OutgoingMessage>> + 'a;

/// The mails a claim may cause: the new booking's, and those of lapsed holds it expires.
#[derive(Clone, Copy)]
pub struct ClaimMails<'a> {
    pub new_booking: &'a ComposeMails<'a>,
    pub expired: &'a ComposeExpired<'a>,
}

pub fn claim(
    conn: &mut DbConnection,
    request: &ClaimRequest,
    now: DateTime<Utc>,
    mails: ClaimMails<'_>,
) -> StoreResult<ClaimOutcome> {
    write_transaction(conn, |c| claim_in_transaction(c, request, now, mails))
}

fn claim_in_transaction(
    conn: &mut DbConnection,
    request: &ClaimRequest,
    now: DateTime<Utc>,
    mails: ClaimMails<'_>,
) -> StoreResult<ClaimOutcome> {
    let service = &request.service;
    lock_provider_schedule(conn, service.provider_id)?;
    if let Some(existing) = bookings::find_by_idempotency_key(conn, &request.idempotency_key)? {
        return Ok(ClaimOutcome::AlreadyMade(Box::new(existing)));
    }
    let schedule_range = TimeRange::new(
        request.start - TimeDelta::days(1),
        request.start + TimeDelta::days(1),
    );
    let blocked = service_rules(service).blocked_range(request.start);
    // A lapsed hold never blocks a guest; its own guest is told, as the sweeper would.
    for lapsed in holds::lapsed_in_range(conn, service.provider_id, blocked, now)? {
        holds::expire(conn, lapsed, now, mails.expired)?;
    }
    let moving = request.replaces.map(|r| r.booking_id);
    let schedule = load_schedule(
        conn,
        request.provider_timezone,
        service,
        schedule_range,
        moving,
        now,
    )?;
    if let Err(refusal) = is_bookable(&schedule.input(now), request.start) {
        return Ok(ClaimOutcome::Refused(refusal));
    }
    if let Some(old) = request.replaces {
        if !booking_tokens::mark_used(conn, old.token_id, now)?
            || !bookings::cancel_for_reschedule(conn, old.booking_id, now)?
        {
            return Ok(ClaimOutcome::LinkUsed);
        }
    }
    let mode = service.confirmation_mode();
    let keeps_confirmation =
        request.replaces.is_some_and(|r| r.was_confirmed) && mode != ConfirmationMode::Provider;
    let (status, hold_expires_at) = match mode {
        _ if keeps_confirmation => (BookingStatus::Confirmed, None),
        ConfirmationMode::Instant => (BookingStatus::Confirmed, None),
        ConfirmationMode::Email | ConfirmationMode::Provider => (
            BookingStatus::Pending,
            Some(now + TimeDelta::minutes(i64::from(service.hold_minutes))),
        ),
    };
    let slot = schedule.service.slot_range(request.start);
    let new = NewBooking {
        provider_id: service.provider_id,
        service_id: service.id,
        guest_name: request.guest.name.clone(),
        guest_email: request.guest.email.as_str().to_owned(),
        guest_phone: request.guest.phone.clone(),
        guest_timezone: request.guest_timezone.clone(),
        guest_notes: request.guest.notes.clone(),
        answers: request.guest.answers_json(),
        start_at: slot.start,
        end_at: slot.end,
        block_start_at: blocked.start,
        block_end_at: blocked.end,
        status,
        hold_expires_at,
        rescheduled_from_id: moving,
        idempotency_key: Some(request.idempotency_key.clone()),
    };
    let id = bookings::insert_in_language(conn, &new, request.guest.language, now)?;
    let detail = match moving {
        Some(old) => format!("rescheduled from booking {old}"),
        None => format!("booked for {}", slot.start.to_rfc3339()),
    };
    booking_events::record(
        conn,
        id,
        crate::domain::booking::Actor::Guest,
        "created",
        &detail,
        now,
    )?;
    let link_mode = if status == BookingStatus::Confirmed {
        ConfirmationMode::Instant
    } else {
        mode
    };
    let tokens = issue_tokens(conn, id, link_mode, hold_expires_at, slot.start, now)?;
    let booking = bookings::find(conn, id)?.ok_or(crate::db::StoreError::NotFound)?;
    let lineage = bookings::lineage(conn, &booking)?;
    let new_mails =
        (mails.new_booking)(&booking, lineage, &tokens).map_err(crate::db::StoreError::Compose)?;
    for mail in &new_mails {
        enqueue(conn, mail, now)?;
    }
    Ok(ClaimOutcome::Created(Box::new(booking)))
}

/// Confirm links last as long as the hold; cancel and reschedule links until the start.
pub(super) fn issue_tokens(
    conn: &mut DbConnection,
    booking_id: Uuid,
    mode: ConfirmationMode,
    hold_expires_at: Option<DateTime<Utc>>,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> StoreResult<IssuedTokens> {
    let mut tokens = IssuedTokens {
        cancel: Some(booking_tokens::issue(
            conn,
            booking_id,
            TokenAction::Cancel,
            start,
            now,
        )?),
        reschedule: Some(booking_tokens::issue(
            conn,
            booking_id,
            TokenAction::Reschedule,
            start,
            now,
        )?),
        ..IssuedTokens::default()
    };
    let hold_end = hold_expires_at.unwrap_or(start);
    match mode {
        ConfirmationMode::Instant => {}
        ConfirmationMode::Email => {
            tokens.confirm = Some(booking_tokens::issue(
                conn,
                booking_id,
                TokenAction::Confirm,
                hold_end,
                now,
            )?);
        }
        ConfirmationMode::Provider => {
            tokens.approve = Some(booking_tokens::issue(
                conn,
                booking_id,
                TokenAction::Approve,
                hold_end,
                now,
            )?);
            tokens.decline = Some(booking_tokens::issue(
                conn,
                booking_id,
                TokenAction::Decline,
                hold_end,
                now,
            )?);
        }
    }
    Ok(tokens)
}
