//! Figures operators watch, read at scrape time: booking changes by kind (counted as the
//! history is written, `booking_events::counts`), outbox depth by status, the oldest mail
//! still waiting. None of these reads grows with the booking history.

use chrono::{DateTime, Utc};
use diesel::dsl::count_star;
use diesel::prelude::*;

use crate::db::schema::outbox;
use crate::db::DbConnection;

/// What `/metrics` reads from the database.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// (history kind, number of entries): `created`, `confirmed`, `cancelled`, `expired`, …
    pub booking_events: Vec<(String, i64)>,
    /// (delivery status, number of messages).
    pub outbox_by_status: Vec<(String, i64)>,
    /// When the oldest message still `queued` was queued.
    pub oldest_queued_at: Option<DateTime<Utc>>,
}

/// Three small reads: the kept counts, and the outbox (indexed by status; sent mail is
/// purged by the retention job).
pub fn snapshot(conn: &mut DbConnection) -> QueryResult<Snapshot> {
    let booking_events = super::booking_events::counts(conn)?;
    let outbox_by_status = outbox::table
        .group_by(outbox::status)
        .select((outbox::status, count_star()))
        .order(outbox::status.asc())
        .load::<(String, i64)>(conn)?;
    let oldest_queued_at = outbox::table
        .filter(outbox::status.eq("queued"))
        .order(outbox::created_at.asc())
        .select(outbox::created_at)
        .first::<DateTime<Utc>>(conn)
        .optional()?;
    Ok(Snapshot {
        booking_events,
        outbox_by_status,
        oldest_queued_at,
    })
}
