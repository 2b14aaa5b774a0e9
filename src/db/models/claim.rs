//! The slot claim: one transaction that turns a guest's request into a booking, or refuses
//! it, with the same rules that listed the slot.
//!
//! 1. A service with a daily limit queues behind the provider's other claims
//!    (`lock_provider_schedule`): the limit is the one rule of the re-check that no
//!    constraint holds. Every other claim runs beside the provider's others, so their
//!    commits share the disk's flushes on PostgreSQL: the guard refuses the second of two
//!    that overlap, and the unique idempotency key the second of two with one key.
//! 2. The same idempotency key again returns the booking already made: the claim of a key
//!    that made a booking cannot succeed (its time is taken by that booking, or the
//!    unique index refuses a second row), and only then is the key looked up ([`claim`]).
//! 3. The provider's schedule rows are read; pending bookings among them whose hold lapsed
//!    and that overlap the request become `expired` (`holds::expire`, which also tells
//!    their guests).
//! 4. The slot engine re-checks the start against those rows (lapsed holds left out).
//! 5. Insert the booking with its buffered range, in the status
//!    `domain::booking::initial_status` decides; the database guard is the final arbiter
//!    (`StoreError::SlotTaken`, and the whole transaction rolls back).
//! 6. Record the event, issue the link tokens, enqueue the mails.
//!
//! The team claim (`team_claim`) shares steps 5 and 6 ([`new_booking`],
//! [`record_and_tell`]) and the move's first write ([`replace_old`]).

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use uuid::Uuid;

use super::availability::{read_bounds, service_rules, HostRows};
use super::booking_events;
use super::booking_tokens::{self, TokenAction};
use super::bookings::{self, Booking, NewBooking};
use super::holds::{self, ComposeExpired};
use super::outbox::{enqueue_all, OutgoingMessage};
use super::services::Service;
use crate::db::{lock_provider_schedule, write_transaction, DbConnection, StoreError, StoreResult};
use crate::domain::availability::{is_bookable, Refusal, TimeRange};
use crate::domain::booking::{initial_status, Actor, InitialStatus};
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
    /// The SHA-256 of the API request that came with a caller's `Idempotency-Key`, stored
    /// beside it so that a reuse of the key for another request is told from a retry.
    pub idempotency_body_hash: Option<String>,
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
    let outcome = write_transaction(conn, |c| claim_in_transaction(c, request, now, mails));
    // A key that made a booking before (a retry, or a request with the same key that
    // committed while this one ran) finds its time taken by that booking, its reschedule
    // link used by it, or its second booking refused by the unique index; in each case
    // the answer is the booking made. The key is looked up only then: a new booking, the
    // common case, pays no query for it (issue 15).
    let raced = matches!(
        outcome,
        Ok(ClaimOutcome::Refused(_) | ClaimOutcome::LinkUsed)
            | Err(StoreError::Duplicate(_) | StoreError::SlotTaken(_))
    );
    if raced {
        if let Some(made) = bookings::find_by_idempotency_key(conn, &request.idempotency_key)? {
            return Ok(ClaimOutcome::AlreadyMade(Box::new(made)));
        }
    }
    outcome
}

fn claim_in_transaction(
    conn: &mut DbConnection,
    request: &ClaimRequest,
    now: DateTime<Utc>,
    mails: ClaimMails<'_>,
) -> StoreResult<ClaimOutcome> {
    let service = &request.service;
    if service.max_per_day.is_some() {
        lock_provider_schedule(conn, service.provider_id)?;
    }
    let schedule_range = TimeRange::new(
        request.start - TimeDelta::days(1),
        request.start + TimeDelta::days(1),
    );
    let blocked = service_rules(service).blocked_range(request.start);
    let moving = request.replaces.map(|r| r.booking_id);
    let (from, to) = read_bounds(schedule_range);
    let rows = HostRows::load(conn, service.provider_id, from, to)?;
    // A lapsed hold never blocks a guest; its own guest is told, as the sweeper would. The
    // rows just read hold them (no query of their own), and the schedule made from the rows
    // leaves them out, as it would once they are expired.
    for id in rows.lapsed_holds(blocked, now) {
        holds::expire(conn, id, now, mails.expired)?;
    }
    let schedule = rows.schedule(
        request.provider_timezone,
        service,
        schedule_range,
        moving,
        now,
    );
    if let Err(refusal) = is_bookable(&schedule.input(now), request.start) {
        return Ok(ClaimOutcome::Refused(refusal));
    }
    if let Some(old) = request.replaces {
        if !replace_old(conn, old, now)? {
            return Ok(ClaimOutcome::LinkUsed);
        }
    }
    let initial = initial_status(
        service.confirmation_mode(),
        request.replaces.is_some_and(|r| r.was_confirmed),
        service.hold_minutes,
        now,
    );
    let new = new_booking(
        service,
        service.provider_id,
        &request.guest,
        &request.guest_timezone,
        &request.idempotency_key,
        request.start,
        initial,
        moving,
    );
    let extras = bookings::InsertExtras {
        idempotency_body_hash: request.idempotency_body_hash.as_deref(),
        language: request.guest.language,
    };
    let id = bookings::insert_with(conn, &new, extras, now)?;
    let booking = bookings::find(conn, id)?.ok_or(StoreError::NotFound)?;
    let detail = match moving {
        Some(old) => format!("rescheduled from booking {old}"),
        None => format!("booked for {}", booking.start_at.to_rfc3339()),
    };
    record_and_tell(conn, &booking, initial, Actor::Guest, &detail, mails, now)?;
    Ok(ClaimOutcome::Created(Box::new(booking)))
}

/// A move's first write: the reschedule link is used up and the old booking cancelled;
/// false when either happened meanwhile (a double submit in another tab).
pub(super) fn replace_old(
    conn: &mut DbConnection,
    old: Replaces,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    Ok(booking_tokens::mark_used(conn, old.token_id, now)?
        && bookings::cancel_for_reschedule(conn, old.booking_id, now)?)
}

/// The row of a claimed booking: `service`'s slot and buffered range at `start` for
/// `provider`, in its initial status (both claims build it here).
#[expect(clippy::too_many_arguments, reason = "the parts of a claim request")]
pub(super) fn new_booking(
    service: &Service,
    provider: Uuid,
    guest: &GuestDetails,
    guest_timezone: &str,
    idempotency_key: &str,
    start: DateTime<Utc>,
    initial: InitialStatus,
    moving: Option<Uuid>,
) -> NewBooking {
    let rules = service_rules(service);
    let (slot, blocked) = (rules.slot_range(start), rules.blocked_range(start));
    NewBooking {
        provider_id: provider,
        service_id: service.id,
        guest_name: guest.name.clone(),
        guest_email: guest.email.as_str().to_owned(),
        guest_phone: guest.phone.clone(),
        guest_timezone: guest_timezone.to_owned(),
        guest_notes: guest.notes.clone(),
        answers: guest.answers_json(),
        start_at: slot.start,
        end_at: slot.end,
        block_start_at: blocked.start,
        block_end_at: blocked.end,
        status: initial.status,
        hold_expires_at: initial.hold_expires_at,
        rescheduled_from_id: moving,
        idempotency_key: Some(idempotency_key.to_owned()),
    }
}

/// The end of both claims, once the booking (and its host rows) are written: the
/// `created` event, the link tokens and the mails, in the claim's transaction.
pub(super) fn record_and_tell(
    conn: &mut DbConnection,
    booking: &Booking,
    initial: InitialStatus,
    actor: Actor,
    detail: &str,
    mails: ClaimMails<'_>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    booking_events::record_for(conn, booking, actor, "created", detail, now)?;
    let tokens = issue_tokens(
        conn,
        booking.id,
        initial.links,
        initial.hold_expires_at,
        booking.start_at,
        now,
    )?;
    let lineage = bookings::lineage(conn, booking)?;
    let new_mails = (mails.new_booking)(booking, lineage, &tokens).map_err(StoreError::Compose)?;
    enqueue_all(conn, &new_mails, now)?;
    Ok(())
}

/// Confirm links last as long as the hold; cancel and reschedule links until the start.
/// One insert for all of them.
pub(super) fn issue_tokens(
    conn: &mut DbConnection,
    booking_id: Uuid,
    mode: ConfirmationMode,
    hold_expires_at: Option<DateTime<Utc>>,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> StoreResult<IssuedTokens> {
    let hold_end = hold_expires_at.unwrap_or(start);
    let mut links = vec![
        (TokenAction::Cancel, start),
        (TokenAction::Reschedule, start),
    ];
    match mode {
        ConfirmationMode::Instant => {}
        ConfirmationMode::Email => links.push((TokenAction::Confirm, hold_end)),
        ConfirmationMode::Provider => {
            links.push((TokenAction::Approve, hold_end));
            links.push((TokenAction::Decline, hold_end));
        }
    }
    let raw = booking_tokens::issue_all(conn, booking_id, &links, now)?;
    let mut tokens = IssuedTokens::default();
    for ((action, _), token) in links.into_iter().zip(raw) {
        let slot = match action {
            TokenAction::Cancel => &mut tokens.cancel,
            TokenAction::Reschedule => &mut tokens.reschedule,
            TokenAction::Confirm => &mut tokens.confirm,
            TokenAction::Approve => &mut tokens.approve,
            TokenAction::Decline => &mut tokens.decline,
        };
        *slot = Some(token);
    }
    Ok(tokens)
}
