//! The `webhooks` section of the OpenAPI 3.1 document: what each event POSTs to an
//! endpoint. utoipa generates paths but not webhooks, so the section is added to the
//! generated document here, from the same event list (`domain::webhooks::EventType`) and
//! a schema that mirrors the payload written by `db::models::webhooks`.

use serde_json::{json, Map, Value};
use utoipa::{PartialSchema, ToSchema};

use crate::domain::webhooks::EventType;

/// The booking as it is after the change (`data` of every booking event).
#[allow(dead_code)] // Only its schema is used: the payload itself is written in `db`.
#[derive(ToSchema)]
pub struct WebhookBooking {
    id: uuid::Uuid,
    service_id: uuid::Uuid,
    /// `pending`, `confirmed`, `cancelled`, `declined`, `expired`, `completed`, `no_show`.
    status: String,
    /// RFC 3339, UTC.
    start: String,
    /// RFC 3339, UTC.
    end: String,
    guest_name: String,
    guest_email: String,
    guest_phone: Option<String>,
    /// The guest's IANA timezone name.
    guest_timezone: String,
    /// RFC 3339, UTC: when an unapproved booking lapses.
    hold_expires_at: Option<String>,
    /// `guest` or `provider`.
    cancelled_by: Option<String>,
    cancellation_reason: Option<String>,
    /// The booking this one replaced when it was moved.
    rescheduled_from_id: Option<uuid::Uuid>,
    /// Grows with every change of the booking.
    version: i32,
    /// RFC 3339, UTC.
    updated_at: String,
}

/// A Standard Webhooks payload (<https://www.standardwebhooks.com>). Sent with the
/// headers `webhook-id` (one per event: de-duplicate on it), `webhook-timestamp` and
/// `webhook-signature` (`v1,` + base64 HMAC-SHA256 of `{id}.{timestamp}.{body}` keyed
/// with the endpoint's secret). Events of one booking arrive in the order they happened.
#[allow(dead_code)]
#[derive(ToSchema)]
pub struct WebhookPayload {
    /// The event type, such as `booking.created`.
    #[schema(rename = "type")]
    event_type: String,
    /// RFC 3339, UTC: when the event happened.
    timestamp: String,
    data: WebhookBooking,
}

/// Adds `webhooks` (one entry per event type) and the payload schemas to `doc`.
pub fn add_webhooks(doc: &mut Value) {
    let schemas = &mut doc["components"]["schemas"];
    if !schemas.is_object() {
        *schemas = Value::Object(Map::new());
    }
    schemas["WebhookPayload"] = json!(WebhookPayload::schema());
    schemas["WebhookBooking"] = json!(WebhookBooking::schema());
    let mut hooks = Map::new();
    for event in EventType::ALL {
        hooks.insert(
            event.as_str().to_owned(),
            json!({
                "post": {
                    "summary": event.as_str(),
                    "description": "Sent to every enabled endpoint that wants this event; answer with any 2xx. Other answers and timeouts are retried with backoff for about a day.",
                    "parameters": [
                        {"name": "webhook-id", "in": "header", "required": true, "schema": {"type": "string"}},
                        {"name": "webhook-timestamp", "in": "header", "required": true, "schema": {"type": "string"}},
                        {"name": "webhook-signature", "in": "header", "required": true, "schema": {"type": "string"}}
                    ],
                    "requestBody": {
                        "required": true,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WebhookPayload"}}}
                    },
                    "responses": {"200": {"description": "Received"}}
                }
            }),
        );
    }
    doc["webhooks"] = Value::Object(hooks);
}
