//! Booking state changes after the claim: confirm, approve, decline, cancel, complete,
//! no-show. Each is a guarded update (`… WHERE status IN (…)`), writes a `booking_events`
//! row, and enqueues its mails in the same transaction.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::booking_events;
use super::booking_tokens::{self, TokenAction};
use super::bookings::{self, Booking};
use super::claim::IssuedTokens;
use super::outbox::{enqueue, OutgoingMessage};
use crate::db::schema::bookings as table;
use crate::db::types::{DbId, DbTime};
use crate::db::{DbConnection, StoreError, StoreResult};
use crate::domain::booking::BookingStatus;

/// Who acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    Guest,
    Provider,
    System,
}

impl Actor {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Guest => "guest",
            Self::Provider => "provider",
            Self::System => "system",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The guest confirmed by email (pending → confirmed, while the hold lasts).
    Confirm,
    /// The provider approved (pending → confirmed).
    Approve,
    /// The provider declined (pending → declined).
    Decline,
    /// Pending or confirmed → cancelled, with a reason.
    Cancel { reason: String },
    /// Confirmed → completed (after the start).
    Complete,
    /// Confirmed → no-show (after the start).
    NoShow,
}

impl Change {
    /// The states this change may start from, and where it leads.
    pub fn from_to(&self) -> (&'static [BookingStatus], BookingStatus) {
        use BookingStatus::*;
        match self {
            Self::Confirm | Self::Approve => (&[Pending], Confirmed),
            Self::Decline => (&[Pending], Declined),
            Self::Cancel { .. } => (&[Pending, Confirmed], Cancelled),
            Self::Complete => (&[Confirmed], Completed),
            Self::NoShow => (&[Confirmed], NoShow),
        }
    }

    pub fn event_kind(&self) -> &'static str {
        match self {
            Self::Confirm => "confirmed",
            Self::Approve => "approved",
            Self::Decline => "declined",
            Self::Cancel { .. } => "cancelled",
            Self::Complete => "completed",
            Self::NoShow => "no_show",
        }
    }
}

/// Why a change was not made, in words for the person who tried.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("This booking is {0} and cannot be changed that way.")]
    WrongState(String),
    #[error("The time held for this booking ran out before it was confirmed.")]
    HoldLapsed,
    #[error("This booking cannot be marked before its start time.")]
    NotStarted,
    #[error("Bookings of this service cannot be cancelled or moved less than {0} before the start. Please contact the provider directly.")]
    InsideCancellationNotice(String),
}

/// Builds a change's mails from the changed booking, its calendar identity and the link
/// tokens issued with the change (fresh cancel/reschedule links once it is confirmed).
pub type ComposeChange<'a> =
    dyn Fn(&Booking, (Uuid, i32), &IssuedTokens) -> anyhow::Result<Vec<OutgoingMessage>> + 'a;

/// Applies `change` to a booking inside the caller's transaction. `Ok(Err(_))` is a
/// refusal (nothing written); `Ok(Ok(booking))` is the changed booking.
pub fn apply(
    conn: &mut DbConnection,
    booking_id: Uuid,
    change: &Change,
    actor: Actor,
    now: DateTime<Utc>,
    compose: &ComposeChange<'_>,
) -> StoreResult<Result<Booking, Refused>> {
    let booking = bookings::find(conn, booking_id)?.ok_or(StoreError::NotFound)?;
    let (from, to) = change.from_to();
    let status = booking.status();
    if !from.contains(&status) {
        return Ok(Err(Refused::WrongState(status.label().to_lowercase())));
    }
    if *change == Change::Confirm && booking.hold_expires_at.is_some_and(|until| until <= now) {
        return Ok(Err(Refused::HoldLapsed));
    }
    if matches!(change, Change::Complete | Change::NoShow) && booking.start_at > now {
        return Ok(Err(Refused::NotStarted));
    }
    let statuses: Vec<&str> = from.iter().map(|s| s.as_str()).collect();
    let guarded = table::table
        .filter(table::id.eq(DbId(booking_id)))
        .filter(table::status.eq_any(statuses));
    let base = (
        table::status.eq(to.as_str()),
        table::version.eq(table::version + 1),
        table::updated_at.eq(DbTime(now)),
    );
    let changed = match change {
        Change::Confirm | Change::Approve => diesel::update(guarded)
            .set((
                base,
                table::confirmed_at.eq(Some(DbTime(now))),
                table::hold_expires_at.eq(None::<DbTime>),
            ))
            .execute(conn)?,
        Change::Cancel { reason } => diesel::update(guarded)
            .set((
                base,
                table::cancelled_at.eq(Some(DbTime(now))),
                table::cancelled_by.eq(Some(actor.as_str())),
                table::cancellation_reason.eq(Some(reason.as_str())),
            ))
            .execute(conn)?,
        Change::Decline | Change::Complete | Change::NoShow => {
            diesel::update(guarded).set(base).execute(conn)?
        }
    };
    if changed != 1 {
        // Someone else changed it between our read and our write.
        let current = bookings::find(conn, booking_id)?.ok_or(StoreError::NotFound)?;
        return Ok(Err(Refused::WrongState(
            current.status().label().to_lowercase(),
        )));
    }
    let detail = match change {
        Change::Cancel { reason } if !reason.is_empty() => reason.clone(),
        _ => String::new(),
    };
    booking_events::record(
        conn,
        booking_id,
        actor.as_str(),
        change.event_kind(),
        &detail,
        now,
    )?;
    let mut tokens = IssuedTokens::default();
    if !to.holds_time() {
        booking_tokens::revoke_all(conn, booking_id, now)?;
    } else if matches!(change, Change::Confirm | Change::Approve) {
        // Every earlier link is done; the confirmation mail carries a fresh cancel and
        // reschedule pair (only hashes are stored, so the old ones cannot be re-sent).
        booking_tokens::revoke_all(conn, booking_id, now)?;
        let until = booking.start_at;
        tokens.cancel = Some(booking_tokens::issue(
            conn,
            booking_id,
            TokenAction::Cancel,
            until,
            now,
        )?);
        tokens.reschedule = Some(booking_tokens::issue(
            conn,
            booking_id,
            TokenAction::Reschedule,
            until,
            now,
        )?);
    }
    let updated = bookings::find(conn, booking_id)?.ok_or(StoreError::NotFound)?;
    let lineage = bookings::lineage(conn, &updated)?;
    let mails = compose(&updated, lineage, &tokens).map_err(StoreError::Compose)?;
    for mail in &mails {
        enqueue(conn, mail, now)?;
    }
    Ok(Ok(updated))
}
