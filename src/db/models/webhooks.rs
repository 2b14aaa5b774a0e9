//! Webhook endpoints and their deliveries: the third durable queue (see `db::queue`).
//!
//! A delivery row is written by [`enqueue_for_history`] inside the transaction of the
//! booking change that causes it (`booking_events::record` calls it), one per enabled
//! endpoint of the provider that wants the event's type, so a rolled-back change tells no
//! one. Claiming, settling and redelivering them is `webhook_queue`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use rand::RngCore;
use serde::Serialize;
use uuid::Uuid;

use super::bookings::{self, Booking};
use crate::db::schema::{webhook_attempts, webhook_deliveries, webhook_endpoints};
use crate::db::types::{opt_id, DbId, DbTime};
use crate::db::{DbConnection, StoreError, StoreResult};
use crate::domain::booking::BookingStatus;
use crate::domain::webhooks::{events_of_history, secret_from_bytes, EventType, TEST_EVENT};

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
    if EventType::of_history_kind(kind).is_none() {
        return Ok(0);
    }
    let Some(booking) = bookings::find(conn, booking_id)? else {
        return Ok(0);
    };
    enqueue_for_history_of(conn, &booking, kind, now)
}

/// [`enqueue_for_history`] for a booking the caller has just read or written (the claim),
/// without reading it again.
pub fn enqueue_for_history_of(
    conn: &mut DbConnection,
    booking: &Booking,
    kind: &str,
    now: DateTime<Utc>,
) -> StoreResult<usize> {
    if EventType::of_history_kind(kind).is_none() {
        return Ok(0);
    }
    let confirmed = booking.status() == BookingStatus::Confirmed;
    // Read once for every event of the entry (a confirmed booking's `created` is two).
    let endpoints: Vec<Endpoint> = webhook_endpoints::table
        .filter(webhook_endpoints::user_id.eq(DbId(booking.provider_id)))
        .filter(webhook_endpoints::is_enabled.eq(true))
        .select(Endpoint::as_select())
        .load(conn)?;
    let mut queued = 0;
    for event in events_of_history(kind, confirmed) {
        queued += enqueue_event(conn, &endpoints, booking, event, now)?;
    }
    Ok(queued)
}

/// Queues one event about `booking` to every endpoint of `endpoints` (its provider's
/// enabled ones) that wants it; returns how many were queued.
fn enqueue_event(
    conn: &mut DbConnection,
    endpoints: &[Endpoint],
    booking: &Booking,
    event: EventType,
    now: DateTime<Utc>,
) -> StoreResult<usize> {
    let booking_id = booking.id;
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
