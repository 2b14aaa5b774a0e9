//! Booking state changes after the claim: confirm, approve, decline, cancel, complete,
//! no-show. `domain::booking::decide` says whether a change is allowed and where it leads;
//! this module executes it as a guarded update (`… WHERE status = <from>`), writes a
//! `booking_events` row, and enqueues its mails in the same transaction.

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
use crate::domain::booking::{decide, Actor, Change, Refused, Transition};

/// Builds a change's mails from the changed booking, its calendar identity and the link
/// tokens issued with the change (fresh cancel/reschedule links once it is confirmed).
pub type ComposeChange<'a> =
    dyn Fn(&Booking, (Uuid, i32), &IssuedTokens) -> anyhow::Result<Vec<OutgoingMessage>> + 'a;

/// How often `apply` decides again after losing a race for the row; each loss means
/// another change committed, and a booking has only a few changes in its life.
const MAX_DECISIONS: u32 = 3;

/// Writes `transition` as an update guarded by `WHERE status = <from>`; false when the
/// booking was no longer in `from`.
fn execute(
    conn: &mut DbConnection,
    booking_id: Uuid,
    change: &Change,
    actor: Actor,
    transition: Transition,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let guarded = table::table
        .filter(table::id.eq(DbId(booking_id)))
        .filter(table::status.eq(transition.from.as_str()));
    let base = (
        table::status.eq(transition.to.as_str()),
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
    Ok(changed == 1)
}

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
    let mut booking = bookings::find(conn, booking_id)?.ok_or(StoreError::NotFound)?;
    // The decision holds for the state it was made on. If another writer changed the
    // booking between our read and our write, decide again on what is there now (a
    // cancel racing a confirmation still cancels; one racing a decline is refused).
    let mut attempts = 0;
    let to = loop {
        let transition = match decide(booking.facts(), change.action(), now) {
            Ok(transition) => transition,
            Err(refusal) => return Ok(Err(refusal)),
        };
        if execute(conn, booking_id, change, actor, transition, now)? {
            break transition.to;
        }
        attempts += 1;
        booking = bookings::find(conn, booking_id)?.ok_or(StoreError::NotFound)?;
        if attempts == MAX_DECISIONS {
            return Ok(Err(Refused::WrongState(booking.status())));
        }
    };
    let detail = match change {
        Change::Cancel { reason } if !reason.is_empty() => reason.clone(),
        _ => String::new(),
    };
    booking_events::record(conn, booking_id, actor, change.event_kind(), &detail, now)?;
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
