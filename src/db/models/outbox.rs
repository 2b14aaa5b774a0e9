//! The outbox: every outgoing mail is a row here before it is a message on the wire.
//!
//! A row is written in the same transaction as the change that causes it ([`enqueue`] of
//! an [`OutgoingMessage`] that `email` composed), so a rolled-back change sends nothing. The worker in `email::worker` then moves each row
//! `queued → sending → sent`, or back to `queued` with a later `next_attempt_at` after a
//! failure, or to `failed` once it gives up.
//!
//! Claiming is the only per-backend part: on PostgreSQL the due row is locked with
//! `FOR UPDATE SKIP LOCKED`, so several instances (or several passes in one) never claim
//! the same row; on SQLite `write_transaction` starts with `BEGIN IMMEDIATE`, which already
//! makes the select-then-update atomic against every other writer.
//!
//! Every update after the claim is guarded by `status = 'sending' AND claimed_at = <the
//! claim's instant>`: a worker that stalled past the stale-claim limit, whose row was
//! reclaimed by another, cannot overwrite the newer claim's outcome.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::queue::{self, due_filter, load_due_for_claim};
use crate::db::schema::outbox;
use crate::db::types::{opt_id, DbId, DbTime};
use crate::db::{write_transaction, DbConnection, StoreResult};
use crate::domain::privacy::is_erased;

/// One mail, rendered and ready to queue: what an outbox row holds before delivery.
/// Plain data — composing it is `email`'s work; this layer only stores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingMessage {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// An RFC 5545 calendar, sent as the attachment `invite.ics`.
    pub ics: Option<String>,
    /// Which message this is (`test`, `verify_email`, `booking_confirmed`, …): shown on the
    /// admin page and used by tests to find a mail.
    pub kind: String,
    pub booking_id: Option<Uuid>,
}

impl OutgoingMessage {
    pub fn with_ics(mut self, ics: impl Into<String>) -> Self {
        self.ics = Some(ics.into());
        self
    }

    pub fn for_booking(mut self, booking_id: Uuid) -> Self {
        self.booking_id = Some(booking_id);
        self
    }
}

/// Where a row is in its delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxStatus {
    Queued,
    Sending,
    Sent,
    Failed,
}

impl OutboxStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Sending => "sending",
            Self::Sent => "sent",
            Self::Failed => "failed",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Self::Queued, Self::Sending, Self::Sent, Self::Failed]
            .into_iter()
            .find(|s| s.as_str() == text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct OutboxRow {
    pub id: Uuid,
    pub recipient: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    pub ics: Option<String>,
    pub kind: String,
    pub booking_id: Option<Uuid>,
    pub status: String,
    /// How many times the row was claimed for delivery (a claim lost to a crash counts too,
    /// so a message that kills the worker cannot be retried forever).
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub claimed_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl OutboxRow {
    pub fn status(&self) -> Option<OutboxStatus> {
        OutboxStatus::parse(&self.status)
    }

    /// The message as it was enqueued.
    pub fn message(&self) -> OutgoingMessage {
        OutgoingMessage {
            to: self.recipient.clone(),
            subject: self.subject.clone(),
            text: self.text_body.clone(),
            html: self.html_body.clone(),
            ics: self.ics.clone(),
            kind: self.kind.clone(),
            booking_id: self.booking_id,
        }
    }
}

// `None` is written as NULL (the columns' default), so that rows with and without an
// `.ics` go into one multi-row insert on both backends (`enqueue_all`).
#[derive(Insertable)]
#[diesel(table_name = outbox, treat_none_as_default_value = false)]
struct NewOutboxRow<'a> {
    id: DbId,
    recipient: &'a str,
    subject: &'a str,
    text_body: &'a str,
    html_body: &'a str,
    ics: Option<&'a str>,
    kind: &'a str,
    booking_id: Option<DbId>,
    status: &'a str,
    attempts: i32,
    next_attempt_at: DbTime,
    created_at: DbTime,
}

/// Queues `message` for delivery, due at `now`; returns the outbox row id.
///
/// Call it inside the `db::write_transaction` of the change that causes the mail, so the
/// mail exists exactly when the change does.
pub fn enqueue(
    conn: &mut DbConnection,
    message: &OutgoingMessage,
    now: DateTime<Utc>,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    if is_erased(&message.to) {
        // An erased guest has no address any more (`domain::privacy`): a change to their
        // booking after the erasure has nobody to tell.
        tracing::debug!(kind = %message.kind, "mail to an erased guest not queued");
        return Ok(id);
    }
    diesel::insert_into(outbox::table)
        .values(NewOutboxRow {
            id: DbId(id),
            recipient: &message.to,
            subject: &message.subject,
            text_body: &message.text,
            html_body: &message.html,
            ics: message.ics.as_deref(),
            kind: &message.kind,
            booking_id: opt_id(message.booking_id),
            status: OutboxStatus::Queued.as_str(),
            attempts: 0,
            next_attempt_at: DbTime(now),
            created_at: DbTime(now),
        })
        .execute(conn)?;
    Ok(id)
}

/// [`enqueue`] for several messages in one statement (a new booking's guest and host
/// mails); the same rules: call it inside the change's transaction.
pub fn enqueue_all(
    conn: &mut DbConnection,
    messages: &[OutgoingMessage],
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let rows: Vec<NewOutboxRow<'_>> = messages
        .iter()
        .filter(|message| {
            let erased = is_erased(&message.to);
            if erased {
                tracing::debug!(kind = %message.kind, "mail to an erased guest not queued");
            }
            !erased
        })
        .map(|message| NewOutboxRow {
            id: DbId(Uuid::now_v7()),
            recipient: &message.to,
            subject: &message.subject,
            text_body: &message.text,
            html_body: &message.html,
            ics: message.ics.as_deref(),
            kind: &message.kind,
            booking_id: opt_id(message.booking_id),
            status: OutboxStatus::Queued.as_str(),
            attempts: 0,
            next_attempt_at: DbTime(now),
            created_at: DbTime(now),
        })
        .collect();
    // Multi-row inserts go per backend: the multi-backend connection cannot write them.
    let insert = diesel::insert_into(outbox::table).values(&rows);
    match conn {
        _ if rows.is_empty() => 0,
        DbConnection::Pg(c) => insert.execute(c)?,
        DbConnection::Sqlite(c) => insert.execute(c)?,
    };
    Ok(())
}

/// The same rows as one condition, for the claim's update (a second guard).
macro_rules! due {
    ($now:expr, $stale_before:expr) => {
        due_filter!(outbox, $now, $stale_before)
    };
}

/// Claims the next due row for delivery: marks it `sending`, stamps `claimed_at = now` and
/// counts the attempt. Returns the row as claimed, or `None` when nothing is due.
pub fn claim_next(
    conn: &mut DbConnection,
    now: DateTime<Utc>,
    stale_before: DateTime<Utc>,
) -> StoreResult<Option<OutboxRow>> {
    Ok(claim_due(conn, now, stale_before, 1)?.pop())
}

/// Claims up to `limit` due rows, oldest due first, in one transaction (one commit for a
/// batch, rather than one per message): each is marked `sending`, stamped `claimed_at =
/// now` and has its attempt counted. Returns the rows as claimed; empty when nothing is due.
pub fn claim_due(
    conn: &mut DbConnection,
    now: DateTime<Utc>,
    stale_before: DateTime<Utc>,
    limit: i64,
) -> StoreResult<Vec<OutboxRow>> {
    write_transaction(conn, |c| {
        // Oldest due first, served by the index `outbox_due_order (status, next_attempt_at, id)`.
        let order = (outbox::next_attempt_at.asc(), outbox::id.asc());
        let rows = load_due_for_claim!(c, outbox, order, OutboxRow, now, stale_before, limit)?;
        let mut claimed_rows = Vec::with_capacity(rows.len());
        for mut row in rows {
            // The lock (PostgreSQL) or the write lock (SQLite) already makes this row ours;
            // the repeated condition is a second guard that costs nothing.
            let claimed = diesel::update(
                outbox::table
                    .filter(outbox::id.eq(DbId(row.id)))
                    .filter(due!(now, stale_before)),
            )
            .set((
                outbox::status.eq(OutboxStatus::Sending.as_str()),
                outbox::claimed_at.eq(Some(DbTime(now))),
                outbox::attempts.eq(outbox::attempts + 1),
            ))
            .execute(c)?;
            if claimed == 1 {
                row.status = OutboxStatus::Sending.as_str().to_owned();
                row.claimed_at = Some(now);
                row.attempts += 1;
                claimed_rows.push(row);
            }
        }
        Ok(claimed_rows)
    })
}

/// What became of one claimed row's delivery attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Settlement {
    /// Delivered at this instant.
    Sent(DateTime<Utc>),
    /// Not delivered; due again at `next_attempt_at`.
    Retry {
        error: String,
        next_attempt_at: DateTime<Utc>,
    },
    /// Given up on.
    Failed(String),
}

/// Records the outcomes of several claims, each identified by `(id, claimed_at)`, in one
/// transaction. Returns, per outcome in order, whether its claim still held (false when it
/// was lost meanwhile, and then that row is left alone).
pub fn settle_all(
    conn: &mut DbConnection,
    outcomes: &[(Uuid, DateTime<Utc>, Settlement)],
) -> StoreResult<Vec<bool>> {
    write_transaction(conn, |c| {
        outcomes
            .iter()
            .map(|(id, claimed_at, settlement)| match settlement {
                Settlement::Sent(at) => mark_sent(c, *id, *claimed_at, *at),
                Settlement::Retry {
                    error,
                    next_attempt_at,
                } => schedule_retry(c, *id, *claimed_at, error, *next_attempt_at),
                Settlement::Failed(error) => mark_failed(c, *id, *claimed_at, error),
            })
            .collect()
    })
}

/// Only the claim identified by `(id, claimed_at)` may settle its row.
macro_rules! claimed_row {
    ($id:expr, $claimed_at:expr) => {
        queue::claimed_row!(outbox, $id, $claimed_at)
    };
}

/// Records a delivery; false when the claim was lost meanwhile.
pub fn mark_sent(
    conn: &mut DbConnection,
    id: Uuid,
    claimed_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let changed = diesel::update(claimed_row!(id, claimed_at))
        .set((
            outbox::status.eq(OutboxStatus::Sent.as_str()),
            outbox::sent_at.eq(Some(DbTime(now))),
            outbox::claimed_at.eq(None::<DbTime>),
        ))
        .execute(conn)?;
    Ok(changed == 1)
}

/// Puts a row back in the queue after a failed attempt, due again at `next_attempt_at`.
pub fn schedule_retry(
    conn: &mut DbConnection,
    id: Uuid,
    claimed_at: DateTime<Utc>,
    error: &str,
    next_attempt_at: DateTime<Utc>,
) -> StoreResult<bool> {
    let changed = diesel::update(claimed_row!(id, claimed_at))
        .set((
            outbox::status.eq(OutboxStatus::Queued.as_str()),
            outbox::last_error.eq(Some(error)),
            outbox::next_attempt_at.eq(DbTime(next_attempt_at)),
            outbox::claimed_at.eq(None::<DbTime>),
        ))
        .execute(conn)?;
    Ok(changed == 1)
}

/// Gives up on a row: it stays visible as `failed` with the reason.
pub fn mark_failed(
    conn: &mut DbConnection,
    id: Uuid,
    claimed_at: DateTime<Utc>,
    error: &str,
) -> StoreResult<bool> {
    let changed = diesel::update(claimed_row!(id, claimed_at))
        .set((
            outbox::status.eq(OutboxStatus::Failed.as_str()),
            outbox::last_error.eq(Some(error)),
            outbox::claimed_at.eq(None::<DbTime>),
        ))
        .execute(conn)?;
    Ok(changed == 1)
}

pub fn find(conn: &mut DbConnection, id: Uuid) -> StoreResult<Option<OutboxRow>> {
    Ok(outbox::table
        .filter(outbox::id.eq(DbId(id)))
        .select(OutboxRow::as_select())
        .first(conn)
        .optional()?)
}

/// The newest rows first, only those in `status` when given: the admin mail page.
pub fn recent_by_status(
    conn: &mut DbConnection,
    status: Option<OutboxStatus>,
    limit: i64,
) -> StoreResult<Vec<OutboxRow>> {
    let mut query = outbox::table
        .order((outbox::created_at.desc(), outbox::id.desc()))
        .limit(limit)
        .select(OutboxRow::as_select())
        .into_boxed();
    if let Some(status) = status {
        query = query.filter(outbox::status.eq(status.as_str()));
    }
    Ok(query.load(conn)?)
}

/// How many rows are in each status (statuses without rows are absent).
pub fn count_by_status(conn: &mut DbConnection) -> StoreResult<Vec<(String, i64)>> {
    Ok(outbox::table
        .group_by(outbox::status)
        .select((outbox::status, diesel::dsl::count_star()))
        .load(conn)?)
}

/// An admin's "try again" on a message the worker gave up on: back to `queued`, due at
/// `now`, with a fresh attempt budget. Only a `failed` row moves (a double click, or a row
/// already requeued, changes nothing); `last_error` stays until the next attempt.
pub fn requeue_failed(conn: &mut DbConnection, id: Uuid, now: DateTime<Utc>) -> StoreResult<bool> {
    let changed = diesel::update(
        outbox::table
            .filter(outbox::id.eq(DbId(id)))
            .filter(outbox::status.eq(OutboxStatus::Failed.as_str())),
    )
    .set((
        outbox::status.eq(OutboxStatus::Queued.as_str()),
        outbox::attempts.eq(0),
        outbox::next_attempt_at.eq(DbTime(now)),
        outbox::claimed_at.eq(None::<DbTime>),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip_through_their_column_text() {
        for status in [
            OutboxStatus::Queued,
            OutboxStatus::Sending,
            OutboxStatus::Sent,
            OutboxStatus::Failed,
        ] {
            assert_eq!(OutboxStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(OutboxStatus::parse("lost"), None);
    }
}
