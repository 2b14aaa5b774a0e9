//! Webhook endpoints and their deliveries: the third durable queue (see `db::queue`).
//!
//! A delivery row is written by [`enqueue_for_history`] inside the transaction of the
//! booking change that causes it (`booking_events::record` calls it), one per enabled
//! endpoint of the provider that wants the event's type, so a rolled-back change tells no
//! one. The worker (`crate::webhooks`) claims due rows ([`claim_due`]: `FOR UPDATE SKIP
//! LOCKED` on PostgreSQL, the write lock on SQLite), sends them and settles them
//! ([`settle`], guarded by the claim's instant like the outbox), recording each attempt.
//!
//! Order per booking: a delivery is only claimed when no earlier delivery of the same
//! booking to the same endpoint is still queued or being sent, so receivers see a
//! booking's events in the order they happened, even across retries and instances.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use rand::RngCore;
use serde::Serialize;
use uuid::Uuid;

use super::bookings;
use crate::db::schema::{webhook_attempts, webhook_deliveries, webhook_endpoints};
use crate::db::types::{opt_id, DbId, DbTime};
use crate::db::{write_transaction, DbConnection, StoreError, StoreResult};
use crate::domain::webhooks::{secret_from_bytes, EventType, TEST_EVENT};

/// After this many failed attempts in a row (over any events) an endpoint is disabled
/// and its owner is mailed.
pub const DISABLE_AFTER_FAILURES: i32 = 20;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_endpoints)]
pub struct Endpoint {
    pub id: Uuid,
    pub user_id: Uuid,
    pub url: String,
    pub secret: String,
    pub event_types: String,
    pub is_enabled: bool,
    pub consecutive_failures: i32,
    pub disabled_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Endpoint {
    /// The event types it wants (unknown stored names are skipped).
    pub fn types(&self) -> Vec<EventType> {
        self.event_types
            .split(',')
            .filter_map(EventType::parse)
            .collect()
    }

    pub fn wants(&self, event: EventType) -> bool {
        self.types().contains(&event)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryStatus {
    Queued,
    Sending,
    Delivered,
    Failed,
}

impl DeliveryStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Sending => "sending",
            Self::Delivered => "delivered",
            Self::Failed => "failed",
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_deliveries)]
pub struct Delivery {
    pub id: Uuid,
    pub endpoint_id: Uuid,
    pub booking_id: Option<Uuid>,
    pub event_type: String,
    pub payload: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub claimed_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_attempts)]
pub struct Attempt {
    pub id: Uuid,
    pub delivery_id: Uuid,
    pub at: DateTime<Utc>,
    pub status_code: Option<i32>,
    pub latency_ms: i32,
    pub error: Option<String>,
}

/// Makes an endpoint, enabled; returns it (its secret is shown once by the page).
pub fn create_endpoint(
    conn: &mut DbConnection,
    user_id: Uuid,
    url: &str,
    types: &[EventType],
    now: DateTime<Utc>,
) -> StoreResult<Endpoint> {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let secret = secret_from_bytes(&bytes);
    let id = Uuid::now_v7();
    let event_types = types
        .iter()
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join(",");
    diesel::insert_into(webhook_endpoints::table)
        .values((
            webhook_endpoints::id.eq(DbId(id)),
            webhook_endpoints::user_id.eq(DbId(user_id)),
            webhook_endpoints::url.eq(url),
            webhook_endpoints::secret.eq(&secret),
            webhook_endpoints::event_types.eq(&event_types),
            webhook_endpoints::is_enabled.eq(true),
            webhook_endpoints::consecutive_failures.eq(0),
            webhook_endpoints::created_at.eq(DbTime(now)),
            webhook_endpoints::updated_at.eq(DbTime(now)),
        ))
        .execute(conn)?;
    find_endpoint(conn, user_id, id)?.ok_or(StoreError::NotFound)
}

pub fn list_endpoints(conn: &mut DbConnection, user_id: Uuid) -> StoreResult<Vec<Endpoint>> {
    Ok(webhook_endpoints::table
        .filter(webhook_endpoints::user_id.eq(DbId(user_id)))
        .order(webhook_endpoints::id.asc())
        .select(Endpoint::as_select())
        .load(conn)?)
}

/// An endpoint of this provider; another provider's id is `None`.
pub fn find_endpoint(
    conn: &mut DbConnection,
    user_id: Uuid,
    id: Uuid,
) -> StoreResult<Option<Endpoint>> {
    Ok(webhook_endpoints::table
        .filter(webhook_endpoints::id.eq(DbId(id)))
        .filter(webhook_endpoints::user_id.eq(DbId(user_id)))
        .select(Endpoint::as_select())
        .first(conn)
        .optional()?)
}

/// Enables (with a clean failure count) or disables an endpoint of this provider; false
/// when it is not theirs.
pub fn set_enabled(
    conn: &mut DbConnection,
    user_id: Uuid,
    id: Uuid,
    enabled: bool,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let changed = diesel::update(
        webhook_endpoints::table
            .filter(webhook_endpoints::id.eq(DbId(id)))
            .filter(webhook_endpoints::user_id.eq(DbId(user_id))),
    )
    .set((
        webhook_endpoints::is_enabled.eq(enabled),
        webhook_endpoints::consecutive_failures.eq(0),
        webhook_endpoints::disabled_reason.eq(None::<String>),
        webhook_endpoints::updated_at.eq(DbTime(now)),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// What receivers get about a booking (`data` of the payload).
#[derive(Debug, Serialize)]
struct BookingData<'a> {
    id: Uuid,
    service_id: Uuid,
    status: &'a str,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    guest_name: &'a str,
    guest_email: &'a str,
    guest_phone: Option<&'a str>,
    guest_timezone: &'a str,
    hold_expires_at: Option<DateTime<Utc>>,
    cancelled_by: Option<&'a str>,
    cancellation_reason: Option<&'a str>,
    rescheduled_from_id: Option<Uuid>,
    /// Grows with every change of the booking.
    version: i32,
    updated_at: DateTime<Utc>,
}

/// A Standard Webhooks payload.
#[derive(Debug, Serialize)]
struct Payload<T: Serialize> {
    #[serde(rename = "type")]
    event_type: String,
    timestamp: DateTime<Utc>,
    data: T,
}

fn insert_delivery(
    conn: &mut DbConnection,
    endpoint_id: Uuid,
    booking_id: Option<Uuid>,
    event_type: &str,
    payload: &str,
    now: DateTime<Utc>,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    diesel::insert_into(webhook_deliveries::table)
        .values((
            webhook_deliveries::id.eq(DbId(id)),
            webhook_deliveries::endpoint_id.eq(DbId(endpoint_id)),
            webhook_deliveries::booking_id.eq(opt_id(booking_id)),
            webhook_deliveries::event_type.eq(event_type),
            webhook_deliveries::payload.eq(payload),
            webhook_deliveries::status.eq(DeliveryStatus::Queued.as_str()),
            webhook_deliveries::attempts.eq(0),
            webhook_deliveries::next_attempt_at.eq(DbTime(now)),
            webhook_deliveries::created_at.eq(DbTime(now)),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Queues the event a booking history entry (`kind`) stands for, to every enabled
/// endpoint of the booking's provider that wants it. Call inside the change's
/// transaction (as `booking_events::record` does). Returns how many were queued.
pub fn enqueue_for_history(
    conn: &mut DbConnection,
    booking_id: Uuid,
    kind: &str,
    now: DateTime<Utc>,
) -> StoreResult<usize> {
    let Some(event) = EventType::of_history_kind(kind) else {
        return Ok(0);
    };
    let Some(booking) = bookings::find(conn, booking_id)? else {
        return Ok(0);
    };
    let endpoints: Vec<Endpoint> = webhook_endpoints::table
        .filter(webhook_endpoints::user_id.eq(DbId(booking.provider_id)))
        .filter(webhook_endpoints::is_enabled.eq(true))
        .select(Endpoint::as_select())
        .load(conn)?;
    let wanting: Vec<&Endpoint> = endpoints.iter().filter(|e| e.wants(event)).collect();
    if wanting.is_empty() {
        return Ok(0);
    }
    let payload = Payload {
        event_type: event.as_str().to_owned(),
        timestamp: now,
        data: BookingData {
            id: booking.id,
            service_id: booking.service_id,
            status: booking.status().as_str(),
            start: booking.start_at,
            end: booking.end_at,
            guest_name: &booking.guest_name,
            guest_email: &booking.guest_email,
            guest_phone: booking.guest_phone.as_deref(),
            guest_timezone: booking.guest_timezone.name(),
            hold_expires_at: booking.hold_expires_at,
            cancelled_by: booking.cancelled_by.map(|a| a.as_str()),
            cancellation_reason: booking.cancellation_reason.as_deref(),
            rescheduled_from_id: booking.rescheduled_from_id,
            version: booking.version,
            updated_at: booking.updated_at,
        },
    };
    let body = serde_json::to_string(&payload).map_err(|e| StoreError::Compose(e.into()))?;
    for endpoint in &wanting {
        insert_delivery(
            conn,
            endpoint.id,
            Some(booking_id),
            event.as_str(),
            &body,
            now,
        )?;
    }
    Ok(wanting.len())
}

/// Queues a `webhook.test` event for one endpoint of this provider (the "send a test
/// event" button); `None` when the endpoint is not theirs.
pub fn enqueue_test(
    conn: &mut DbConnection,
    user_id: Uuid,
    endpoint_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<Option<Uuid>> {
    if find_endpoint(conn, user_id, endpoint_id)?.is_none() {
        return Ok(None);
    }
    #[derive(Serialize)]
    struct TestData {
        message: &'static str,
    }
    let body = serde_json::to_string(&Payload {
        event_type: TEST_EVENT.to_owned(),
        timestamp: now,
        data: TestData {
            message: "A test event from Slotbook: your endpoint is reachable.",
        },
    })
    .map_err(|e| StoreError::Compose(e.into()))?;
    Ok(Some(insert_delivery(
        conn,
        endpoint_id,
        None,
        TEST_EVENT,
        &body,
        now,
    )?))
}

/// A claimed delivery with where and how to send it.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub delivery: Delivery,
    pub url: String,
    pub secret: String,
}

macro_rules! due {
    ($now:expr, $stale_before:expr) => {
        webhook_deliveries::status
            .eq(DeliveryStatus::Queued.as_str())
            .and(webhook_deliveries::next_attempt_at.le(DbTime($now)))
            .or(webhook_deliveries::status
                .eq(DeliveryStatus::Sending.as_str())
                .and(webhook_deliveries::claimed_at.lt(DbTime($stale_before))))
    };
}

macro_rules! due_rows {
    ($now:expr, $stale_before:expr) => {
        webhook_deliveries::table
            .filter(due!($now, $stale_before))
            .order(webhook_deliveries::id.asc())
            .select(Delivery::as_select())
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
        let rows = match c {
            DbConnection::Pg(pg) => due_rows!(now, stale_before)
                .limit(scan)
                .for_update()
                .skip_locked()
                .load(pg)?,
            DbConnection::Sqlite(_) => due_rows!(now, stale_before).limit(scan).load(c)?,
        };
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
        let Some(row) = webhook_deliveries::table
            .filter(webhook_deliveries::id.eq(DbId(id)))
            .filter(webhook_deliveries::status.eq(DeliveryStatus::Sending.as_str()))
            .filter(webhook_deliveries::claimed_at.eq(DbTime(claimed_at)))
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
