//! The webhook delivery queue: the worker (`crate::webhooks`) claims due deliveries
//! ([`claim_due`]: `FOR UPDATE SKIP LOCKED` on PostgreSQL, the write lock on SQLite),
//! sends them and settles them ([`settle`], guarded by the claim's instant like the
//! outbox), recording each attempt; the settings page lists them and sends one again.
//!
//! Order per booking: a delivery is only claimed when no earlier delivery of the same
//! booking to the same endpoint is still queued or being sent, so receivers see a
//! booking's events in the order they happened, even across retries and instances.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::webhooks::{Attempt, Delivery, DeliveryStatus, Endpoint, DISABLE_AFTER_FAILURES};
use crate::db::queue::{claimed_row, due_filter, load_due_for_claim};
use crate::db::schema::{webhook_attempts, webhook_deliveries, webhook_endpoints};
use crate::db::types::{DbId, DbTime};
use crate::db::{write_transaction, DbConnection, StoreResult};

/// A claimed delivery with where and how to send it.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub delivery: Delivery,
    pub url: String,
    pub secret: String,
}

macro_rules! due {
    ($now:expr, $stale_before:expr) => {
        due_filter!(webhook_deliveries, $now, $stale_before)
    };
}

/// Whether an earlier delivery of the same booking to the same endpoint still waits.
fn earlier_pending(conn: &mut DbConnection, row: &Delivery) -> StoreResult<bool> {
    let Some(booking) = row.booking_id else {
        return Ok(false);
    };
    let count: i64 = webhook_deliveries::table
        .filter(webhook_deliveries::endpoint_id.eq(DbId(row.endpoint_id)))
        .filter(webhook_deliveries::booking_id.eq(DbId(booking)))
        .filter(webhook_deliveries::id.lt(DbId(row.id)))
        .filter(webhook_deliveries::status.eq_any([
            DeliveryStatus::Queued.as_str(),
            DeliveryStatus::Sending.as_str(),
        ]))
        .count()
        .get_result(conn)?;
    Ok(count > 0)
}

/// Claims up to `limit` due deliveries of enabled endpoints, oldest first, at most one
/// per (endpoint, booking) and only when nothing earlier of that booking waits: each is
/// marked `sending`, stamped `claimed_at = now` and has its attempt counted.
pub fn claim_due(
    conn: &mut DbConnection,
    now: DateTime<Utc>,
    stale_before: DateTime<Utc>,
    limit: i64,
) -> StoreResult<Vec<Claimed>> {
    write_transaction(conn, |c| {
        // Look further than `limit`: rows waiting behind an earlier event are skipped.
        let scan = limit.saturating_mul(4).max(limit);
        // In event order, served by `webhook_deliveries_due_order (status, id)`.
        let order = webhook_deliveries::id.asc();
        let rows = load_due_for_claim!(
            c,
            webhook_deliveries,
            order,
            Delivery,
            now,
            stale_before,
            scan
        )?;
        let mut claimed = Vec::new();
        let mut taken_keys = Vec::new();
        for mut row in rows {
            if claimed.len() as i64 >= limit {
                break;
            }
            let key = (row.endpoint_id, row.booking_id);
            if row.booking_id.is_some() && taken_keys.contains(&key) {
                continue;
            }
            let Some(endpoint) = webhook_endpoints::table
                .filter(webhook_endpoints::id.eq(DbId(row.endpoint_id)))
                .select(Endpoint::as_select())
                .first(c)
                .optional()?
            else {
                continue;
            };
            if !endpoint.is_enabled || earlier_pending(c, &row)? {
                continue;
            }
            let changed = diesel::update(
                webhook_deliveries::table
                    .filter(webhook_deliveries::id.eq(DbId(row.id)))
                    .filter(due!(now, stale_before)),
            )
            .set((
                webhook_deliveries::status.eq(DeliveryStatus::Sending.as_str()),
                webhook_deliveries::claimed_at.eq(Some(DbTime(now))),
                webhook_deliveries::attempts.eq(webhook_deliveries::attempts + 1),
            ))
            .execute(c)?;
            if changed == 1 {
                row.status = DeliveryStatus::Sending.as_str().to_owned();
                row.claimed_at = Some(now);
                row.attempts += 1;
                taken_keys.push(key);
                claimed.push(Claimed {
                    delivery: row,
                    url: endpoint.url,
                    secret: endpoint.secret,
                });
            }
        }
        Ok(claimed)
    })
}

/// What one attempt did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptRecord {
    pub at: DateTime<Utc>,
    pub status_code: Option<u16>,
    pub latency_ms: i64,
    pub error: Option<String>,
}

/// What becomes of a claimed delivery after an attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Delivered,
    Retry { next_attempt_at: DateTime<Utc> },
    GiveUp,
}

/// The endpoint that was disabled by this settlement, for its owner's mail.
#[derive(Debug, Clone)]
pub struct Disabled {
    pub endpoint: Endpoint,
}

/// Records the attempt and the outcome of the claim `(id, claimed_at)` in one
/// transaction, counting the endpoint's consecutive failures and disabling it once they
/// reach [`DISABLE_AFTER_FAILURES`]. `Ok(None)` also when the claim was lost meanwhile.
pub fn settle(
    conn: &mut DbConnection,
    id: Uuid,
    claimed_at: DateTime<Utc>,
    attempt: &AttemptRecord,
    outcome: &Outcome,
) -> StoreResult<Option<Disabled>> {
    write_transaction(conn, |c| {
        let Some(row) = claimed_row!(webhook_deliveries, id, claimed_at)
            .select(Delivery::as_select())
            .first(c)
            .optional()?
        else {
            return Ok(None);
        };
        diesel::insert_into(webhook_attempts::table)
            .values((
                webhook_attempts::id.eq(DbId(Uuid::now_v7())),
                webhook_attempts::delivery_id.eq(DbId(id)),
                webhook_attempts::at.eq(DbTime(attempt.at)),
                webhook_attempts::status_code.eq(attempt.status_code.map(i32::from)),
                webhook_attempts::latency_ms
                    .eq(attempt.latency_ms.clamp(0, i64::from(i32::MAX)) as i32),
                webhook_attempts::error.eq(attempt.error.as_deref()),
            ))
            .execute(c)?;
        let this = webhook_deliveries::table.filter(webhook_deliveries::id.eq(DbId(id)));
        let endpoint =
            webhook_endpoints::table.filter(webhook_endpoints::id.eq(DbId(row.endpoint_id)));
        match outcome {
            Outcome::Delivered => {
                diesel::update(this)
                    .set((
                        webhook_deliveries::status.eq(DeliveryStatus::Delivered.as_str()),
                        webhook_deliveries::delivered_at.eq(Some(DbTime(attempt.at))),
                        webhook_deliveries::claimed_at.eq(None::<DbTime>),
                        webhook_deliveries::last_error.eq(None::<String>),
                    ))
                    .execute(c)?;
                diesel::update(endpoint)
                    .set(webhook_endpoints::consecutive_failures.eq(0))
                    .execute(c)?;
                Ok(None)
            }
            Outcome::Retry { .. } | Outcome::GiveUp => {
                let (status, next) = match outcome {
                    Outcome::Retry { next_attempt_at } => {
                        (DeliveryStatus::Queued, *next_attempt_at)
                    }
                    _ => (DeliveryStatus::Failed, row.next_attempt_at),
                };
                diesel::update(this)
                    .set((
                        webhook_deliveries::status.eq(status.as_str()),
                        webhook_deliveries::next_attempt_at.eq(DbTime(next)),
                        webhook_deliveries::claimed_at.eq(None::<DbTime>),
                        webhook_deliveries::last_error.eq(attempt.error.as_deref()),
                    ))
                    .execute(c)?;
                diesel::update(endpoint)
                    .set(
                        webhook_endpoints::consecutive_failures
                            .eq(webhook_endpoints::consecutive_failures + 1),
                    )
                    .execute(c)?;
                // Only the settlement that crosses the limit disables (and mails).
                let disabled = diesel::update(
                    endpoint
                        .filter(webhook_endpoints::is_enabled.eq(true))
                        .filter(webhook_endpoints::consecutive_failures.ge(DISABLE_AFTER_FAILURES)),
                )
                .set((
                    webhook_endpoints::is_enabled.eq(false),
                    webhook_endpoints::disabled_reason
                        .eq(Some("Disabled after too many failed deliveries in a row.")),
                    webhook_endpoints::updated_at.eq(DbTime(attempt.at)),
                ))
                .execute(c)?;
                if disabled == 1 {
                    let endpoint = webhook_endpoints::table
                        .filter(webhook_endpoints::id.eq(DbId(row.endpoint_id)))
                        .select(Endpoint::as_select())
                        .first(c)?;
                    return Ok(Some(Disabled { endpoint }));
                }
                Ok(None)
            }
        }
    })
}

/// An endpoint's newest deliveries, each with its attempts (oldest first).
pub fn recent_deliveries(
    conn: &mut DbConnection,
    endpoint_id: Uuid,
    limit: i64,
) -> StoreResult<Vec<(Delivery, Vec<Attempt>)>> {
    let rows: Vec<Delivery> = webhook_deliveries::table
        .filter(webhook_deliveries::endpoint_id.eq(DbId(endpoint_id)))
        .order(webhook_deliveries::id.desc())
        .limit(limit)
        .select(Delivery::as_select())
        .load(conn)?;
    let ids: Vec<DbId> = rows.iter().map(|d| DbId(d.id)).collect();
    let attempts: Vec<Attempt> = webhook_attempts::table
        .filter(webhook_attempts::delivery_id.eq_any(ids))
        .order((webhook_attempts::at.asc(), webhook_attempts::id.asc()))
        .select(Attempt::as_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|d| {
            let mine = attempts
                .iter()
                .filter(|a| a.delivery_id == d.id)
                .cloned()
                .collect();
            (d, mine)
        })
        .collect())
}

/// Sends a delivered or given-up event again (same `webhook-id`, so receivers can tell),
/// with a fresh attempt budget; only an endpoint of this provider. False when there is
/// no such finished delivery.
pub fn redeliver(
    conn: &mut DbConnection,
    user_id: Uuid,
    delivery_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let own: Vec<DbId> = webhook_endpoints::table
        .filter(webhook_endpoints::user_id.eq(DbId(user_id)))
        .select(webhook_endpoints::id)
        .load::<Uuid>(conn)?
        .into_iter()
        .map(DbId)
        .collect();
    let changed = diesel::update(
        webhook_deliveries::table
            .filter(webhook_deliveries::id.eq(DbId(delivery_id)))
            .filter(webhook_deliveries::endpoint_id.eq_any(own))
            .filter(webhook_deliveries::status.eq_any([
                DeliveryStatus::Delivered.as_str(),
                DeliveryStatus::Failed.as_str(),
            ])),
    )
    .set((
        webhook_deliveries::status.eq(DeliveryStatus::Queued.as_str()),
        webhook_deliveries::attempts.eq(0),
        webhook_deliveries::next_attempt_at.eq(DbTime(now)),
        webhook_deliveries::claimed_at.eq(None::<DbTime>),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}
