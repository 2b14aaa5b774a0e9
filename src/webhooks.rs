//! Delivers webhook events: claims due deliveries (`db::models::webhook_queue::claim_due`),
//! POSTs each through the one outbound client (`outbound`) with Standard Webhooks
//! headers and signature, and settles it: delivered on a 2xx, else again later with the
//! shared backoff (`db::queue`) for about a day, then given up. Every attempt keeps its
//! status code and latency. An endpoint that fails [`DISABLE_AFTER_FAILURES`] times in a
//! row is disabled and its owner is mailed (through the outbox, in the same way as
//! every other mail).
//!
//! Several instances on one PostgreSQL share the work without sending an event twice:
//! each delivery is claimed by one pass before it is sent. Delivery is at least once only
//! across a crash mid-send (a claim older than [`STALE_CLAIM`] is taken again), and
//! receivers de-duplicate on `webhook-id`.

use std::time::Duration;

use askama::Template;
use chrono::{DateTime, TimeDelta, Utc};
use futures_util::future::join_all;

use crate::db::models::outbox::enqueue;
use crate::db::models::users;
use crate::db::models::webhook_queue::{self, AttemptRecord, Claimed, Disabled, Outcome};
use crate::db::models::webhooks::DISABLE_AFTER_FAILURES;
use crate::db::queue::{run_passes, truncate_error, Backoff, PassSummary};
use crate::db::write_transaction;
use crate::domain::webhooks::signature;
use crate::email::{render_in, EmailTemplate};
use crate::error::AppResult;
use crate::outbound::{Outbound, OutboundError};
use crate::state::AppState;

/// 30 s, doubling, at most 4 h apart…
pub const BACKOFF: Backoff = Backoff {
    first: TimeDelta::seconds(30),
    longest: TimeDelta::hours(4),
};
/// …for 15 attempts: the last comes about a day after the first.
pub const MAX_ATTEMPTS: i32 = 15;
/// A delivery in `sending` for longer than this was abandoned by a worker that died.
pub const STALE_CLAIM: TimeDelta = TimeDelta::minutes(5);
/// Deliveries sent at once.
const BATCH: i64 = 8;
/// At most this many per pass; the next tick continues.
const MAX_PER_PASS: usize = 200;
/// What the client allows one delivery.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const TIMEOUT: Duration = Duration::from_secs(10);
/// Receivers' answers are not used beyond their status; read at most this much.
const MAX_ANSWER: usize = 16 * 1024;

/// The client deliveries go through, as the settings allow.
pub fn client(state: &AppState) -> Result<Outbound, OutboundError> {
    Outbound::new(
        state.settings.outbound_allow_private_networks,
        CONNECT_TIMEOUT,
        TIMEOUT,
        MAX_ANSWER,
    )
}

/// What one pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    pub delivered: usize,
    pub retried: usize,
    pub failed: usize,
}

impl Pass {
    pub fn total(&self) -> usize {
        self.delivered + self.retried + self.failed
    }
}

/// Sends one claimed delivery; what to record.
async fn attempt(
    client: &Outbound,
    claimed: &Claimed,
    now: DateTime<Utc>,
) -> (AttemptRecord, Outcome) {
    let delivery = &claimed.delivery;
    let id = delivery.id.to_string();
    let timestamp = now.timestamp();
    let give_up_or_retry = |attempts: i32| {
        if attempts >= MAX_ATTEMPTS {
            Outcome::GiveUp
        } else {
            Outcome::Retry {
                next_attempt_at: now + BACKOFF.delay(attempts),
            }
        }
    };
    if delivery.attempts > MAX_ATTEMPTS {
        // Claimed again after its last attempt was cut off by a crash.
        let record = AttemptRecord {
            at: now,
            status_code: None,
            latency_ms: 0,
            error: Some("delivery was interrupted on the last attempt".to_owned()),
        };
        return (record, Outcome::GiveUp);
    }
    let Some(signed) = signature(&claimed.secret, &id, timestamp, &delivery.payload) else {
        let record = AttemptRecord {
            at: now,
            status_code: None,
            latency_ms: 0,
            error: Some("the endpoint's secret cannot sign".to_owned()),
        };
        return (record, Outcome::GiveUp);
    };
    let headers = [
        ("content-type", "application/json".to_owned()),
        ("webhook-id", id),
        ("webhook-timestamp", timestamp.to_string()),
        ("webhook-signature", signed),
    ];
    let started = std::time::Instant::now();
    let answer = client
        .post(&claimed.url, &headers, delivery.payload.clone())
        .await;
    let latency_ms = i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX);
    match answer {
        Ok(response) if (200..300).contains(&response.status) => (
            AttemptRecord {
                at: now,
                status_code: Some(response.status),
                latency_ms,
                error: None,
            },
            Outcome::Delivered,
        ),
        Ok(response) => (
            AttemptRecord {
                at: now,
                status_code: Some(response.status),
                latency_ms,
                error: Some(truncate_error(format!(
                    "HTTP {}: {}",
                    response.status,
                    String::from_utf8_lossy(&response.body)
                ))),
            },
            give_up_or_retry(delivery.attempts),
        ),
        Err(error) => (
            AttemptRecord {
                at: now,
                status_code: None,
                latency_ms,
                error: Some(truncate_error(error.to_string())),
            },
            give_up_or_retry(delivery.attempts),
        ),
    }
}

/// Delivers every due event (up to a bound), [`BATCH`] at a time. Safe to run
/// concurrently with itself and with other instances.
pub async fn deliver_due(state: &AppState, client: &Outbound) -> AppResult<Pass> {
    let mut pass = Pass::default();
    while pass.total() < MAX_PER_PASS {
        let now = state.now();
        let claimed = state
            .db(move |c| webhook_queue::claim_due(c, now, now - STALE_CLAIM, BATCH))
            .await?;
        if claimed.is_empty() {
            break;
        }
        let results = join_all(claimed.iter().map(|c| attempt(client, c, now))).await;
        for (claimed, (record, outcome)) in claimed.into_iter().zip(results) {
            let delivery = &claimed.delivery;
            match &outcome {
                Outcome::Delivered => pass.delivered += 1,
                Outcome::Retry { .. } => pass.retried += 1,
                Outcome::GiveUp => pass.failed += 1,
            }
            tracing::info!(id = %delivery.id, event = %delivery.event_type, status = ?record.status_code,
                latency_ms = record.latency_ms, ?outcome, "webhook attempt");
            let (id, claimed_at) = (delivery.id, delivery.claimed_at.unwrap_or(now));
            let disabled = state
                .db(move |c| webhook_queue::settle(c, id, claimed_at, &record, &outcome))
                .await?;
            if let Some(disabled) = disabled {
                tell_owner(state, disabled).await?;
            }
        }
    }
    Ok(pass)
}

/// "Your webhook endpoint was disabled".
pub struct EndpointDisabled {
    pub name: String,
    pub url: String,
    pub failures: i32,
    pub link: String,
}

#[derive(Template)]
#[template(path = "email/webhook_disabled/subject.txt")]
struct DisabledSubject;

#[derive(Template)]
#[template(path = "email/webhook_disabled/text.txt")]
struct DisabledText<'a> {
    m: &'a EndpointDisabled,
}

#[derive(Template)]
#[template(path = "email/webhook_disabled/html.html")]
struct DisabledHtml<'a> {
    subject: &'a str,
    m: &'a EndpointDisabled,
}

impl EmailTemplate for EndpointDisabled {
    const KIND: &'static str = "webhook_disabled";

    fn subject(&self) -> askama::Result<String> {
        DisabledSubject.render()
    }

    fn text(&self) -> askama::Result<String> {
        DisabledText { m: self }.render()
    }

    fn html(&self, subject: &str) -> askama::Result<String> {
        DisabledHtml { subject, m: self }.render()
    }
}

/// Mails the owner of an endpoint that was just disabled.
async fn tell_owner(state: &AppState, disabled: Disabled) -> AppResult<()> {
    let endpoint = disabled.endpoint;
    tracing::warn!(endpoint = %endpoint.id, url = %endpoint.url, "webhook endpoint disabled after repeated failures");
    let (now, base) = (state.now(), state.settings.base_url.clone());
    state
        .db(move |c| {
            let Some(owner) = users::find(c, endpoint.user_id)? else {
                return Ok(());
            };
            let message = EndpointDisabled {
                name: owner.full_name.clone(),
                url: endpoint.url.clone(),
                failures: DISABLE_AFTER_FAILURES,
                link: format!("{base}/dashboard/settings/webhooks/{}", endpoint.id),
            };
            let mail = render_in(owner.language, &owner.email, &message)
                .map_err(|e| crate::db::StoreError::Compose(e.into()))?;
            write_transaction(c, |t| enqueue(t, &mail, now).map(|_| ()))
        })
        .await?;
    state.mailer.wake();
    Ok(())
}

/// Delivers every `every` until the process ends; a database outage is said once.
pub async fn run_forever(state: AppState, every: Duration) {
    let client = match client(&state) {
        Ok(client) => client,
        Err(error) => {
            tracing::error!(%error, "webhook delivery cannot start");
            return;
        }
    };
    run_passes(
        "webhook delivery",
        every,
        std::future::pending::<()>,
        None,
        || deliver_due(&state, &client),
        |_, _| {},
    )
    .await;
}

impl PassSummary for Pass {
    fn total(&self) -> usize {
        Pass::total(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_last_about_a_day() {
        let waited = BACKOFF.total_before(MAX_ATTEMPTS);
        assert!(
            waited > TimeDelta::hours(20) && waited < TimeDelta::hours(30),
            "{waited}"
        );
    }
}
