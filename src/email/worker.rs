//! Delivers the outbox: claims due rows a few at a time ([`Mailer::parallel_sends`]: several
//! over SMTP, one for files and memory), sends them at once through the [`Mailer`],
//! and records the outcome — `sent`, back to `queued` with exponential backoff, or
//! `failed` after [`MAX_ATTEMPTS`], or at once when the answer was permanent (SMTP 5xx).
//!
//! Delivery is at least once: a process that dies after the server accepted a message but
//! before the row says `sent` leaves it in `sending`, and it is sent again once the claim is
//! older than [`STALE_CLAIM`]. Retries keep the Message-ID, so receivers can tell.
//!
//! "Now" comes from the injected clock, so tests move a manual clock and call
//! [`deliver_due`] instead of sleeping through a backoff.
//!
//! The worker reaches the database, the mailer and the clock through [`WorkerContext`],
//! which `AppState` implements: the state holds the mailer, so the worker cannot import it.

use std::future::Future;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use futures_util::future::join_all;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use uuid::Uuid;

use super::Mailer;
use crate::db::models::outbox::{self, OutboxRow, Settlement};
use crate::db::queue::{run_passes, truncate_error, Backoff, PassSummary};
use crate::db::{DbConnection, StoreResult};
use crate::error::AppResult;

/// What delivery needs from the running application.
pub trait WorkerContext: Send + Sync {
    /// Runs database work on the blocking pool with a pooled connection.
    fn db<F, T>(&self, f: F) -> impl Future<Output = AppResult<T>> + Send
    where
        F: FnOnce(&mut DbConnection) -> StoreResult<T> + Send + 'static,
        T: Send + 'static;

    fn mailer(&self) -> &Mailer;

    /// "Now", from the application's clock.
    fn now(&self) -> DateTime<Utc>;

    /// Told after each pass of the running worker (the application records it in its
    /// metrics); nothing by default.
    fn pass_finished(&self, _ok: bool, _elapsed: Duration) {}
}

/// After this many claims a message is given up (`failed`). With [`retry_delay`] the last
/// attempt comes about four hours after the first.
pub const MAX_ATTEMPTS: i32 = 10;

/// A row in `sending` for longer than this was abandoned by a worker that died.
pub const STALE_CLAIM: TimeDelta = TimeDelta::minutes(5);

/// At most this many messages per pass, so one pass cannot run unbounded while others
/// keep enqueueing; the next tick continues.
const MAX_PER_PASS: usize = 100;

/// Mail's backoff (the shared queue policy, `db::queue`): 30 s, 1 min, 2 min, … doubling,
/// never more than two hours.
pub const BACKOFF: Backoff = Backoff {
    first: TimeDelta::seconds(30),
    longest: TimeDelta::hours(2),
};

/// How long to wait after the `attempts`-th failed attempt (see [`BACKOFF`]).
pub fn retry_delay(attempts: i32) -> TimeDelta {
    BACKOFF.delay(attempts)
}

/// What one pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    pub sent: usize,
    /// Failed this time, queued again for later.
    pub retried: usize,
    /// Given up on.
    pub failed: usize,
}

impl Pass {
    pub fn total(&self) -> usize {
        self.sent + self.retried + self.failed
    }
}

/// Delivers every message that is due now (up to a bound), [`Mailer::parallel_sends`] at a
/// time, and returns what happened. Safe to run concurrently with itself and with other
/// instances: every message is claimed by exactly one pass before it is sent.
pub async fn deliver_due(state: &impl WorkerContext) -> AppResult<Pass> {
    deliver_until_stopped(state, None).await
}

/// [`deliver_due`] that also ends between two rounds once `stopped` says so, so a
/// shutdown never has to cut a send short.
///
/// Each round claims up to [`Mailer::parallel_sends`] due rows in one transaction, sends
/// them all at once (each on its own SMTP connection), then records every outcome in one
/// transaction: two commits per round instead of two per message, which is what a
/// `synchronous = FULL` SQLite database can afford.
async fn deliver_until_stopped(
    state: &impl WorkerContext,
    stopped: Option<watch::Receiver<bool>>,
) -> AppResult<Pass> {
    let mut pass = Pass::default();
    let batch = state.mailer().parallel_sends().max(1);
    while pass.total() < MAX_PER_PASS && !stopped.as_ref().is_some_and(|s| *s.borrow()) {
        let now = state.now();
        let limit = batch.min(MAX_PER_PASS - pass.total()) as i64;
        let rows = state
            .db(move |c| outbox::claim_due(c, now, now - STALE_CLAIM, limit))
            .await?;
        if rows.is_empty() {
            break;
        }
        let outcomes = join_all(rows.iter().map(|row| attempt(state, row))).await;
        let now = state.now();
        let settlements: Vec<(Uuid, DateTime<Utc>, Settlement)> = rows
            .iter()
            .zip(outcomes)
            .filter_map(|(row, outcome)| {
                let claimed_at = row.claimed_at?;
                Some((row.id, claimed_at, settlement(row, outcome, now, &mut pass)))
            })
            .collect();
        let ids: Vec<Uuid> = settlements.iter().map(|(id, ..)| *id).collect();
        let held = state
            .db(move |c| outbox::settle_all(c, &settlements))
            .await?;
        for (id, held) in ids.into_iter().zip(held) {
            if !held {
                // Only possible when a send outlasted STALE_CLAIM and another worker took over.
                tracing::warn!(%id, "mail claim was taken over by another worker before it settled");
            }
        }
    }
    Ok(pass)
}

/// What became of one claimed message.
enum Outcome {
    Sent,
    Retry(String),
    GiveUp(String),
}

/// Sends one claimed message, or gives it up unsent when its attempts are spent.
async fn attempt(state: &impl WorkerContext, row: &OutboxRow) -> Outcome {
    if row.attempts > MAX_ATTEMPTS {
        // Claimed again after its last attempt was cut off by a crash.
        return Outcome::GiveUp("delivery was interrupted on the last attempt".to_owned());
    }
    match state.mailer().send(row.id, &row.message()).await {
        Ok(()) => Outcome::Sent,
        Err(error) if error.is_permanent() || row.attempts >= MAX_ATTEMPTS => {
            Outcome::GiveUp(truncate(error.to_string()))
        }
        Err(error) => Outcome::Retry(truncate(error.to_string())),
    }
}

/// What to record for `row` after `outcome`, counted in `pass` and logged.
fn settlement(
    row: &OutboxRow,
    outcome: Outcome,
    now: DateTime<Utc>,
    pass: &mut Pass,
) -> Settlement {
    let (id, kind, attempts) = (row.id, &row.kind, row.attempts);
    match outcome {
        Outcome::Sent => {
            pass.sent += 1;
            tracing::info!(%id, %kind, attempts, "mail sent");
            Settlement::Sent(now)
        }
        Outcome::GiveUp(error) => {
            pass.failed += 1;
            tracing::error!(%id, %kind, attempts, %error, "mail given up");
            Settlement::Failed(error)
        }
        Outcome::Retry(error) => {
            pass.retried += 1;
            let next = now + retry_delay(attempts);
            tracing::warn!(%id, %kind, attempts, %error, retry_at = %next, "mail not sent; will retry");
            Settlement::Retry {
                error,
                next_attempt_at: next,
            }
        }
    }
}

/// Keeps `last_error` readable on an admin page however long a server's answer is.
fn truncate(text: String) -> String {
    truncate_error(text)
}

/// The running worker; [`Worker::stop`] ends it after the message in flight.
pub struct Worker {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl Worker {
    /// Starts delivering every `every` (and whenever `Mailer::wake` is called).
    pub fn spawn(state: impl WorkerContext + 'static, every: Duration) -> Self {
        let (stop, stopped) = watch::channel(false);
        // tokio::spawn, not actix's spawn_local: the worker must also run under a plain
        // multi-threaded tokio runtime (the tests).
        let task = tokio::spawn(run(state, every, stopped));
        Self { stop, task }
    }

    /// Asks the worker to stop and waits a little for the message in flight.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let mut task = self.task;
        if tokio::time::timeout(Duration::from_secs(10), &mut task)
            .await
            .is_err()
        {
            // An in-flight send that does not finish is recovered by the stale-claim rule.
            task.abort();
        }
    }
}

async fn run(state: impl WorkerContext, every: Duration, stopped: watch::Receiver<bool>) {
    run_passes(
        "mail delivery",
        every,
        || state.mailer().woken(),
        Some(stopped.clone()),
        || deliver_until_stopped(&state, Some(stopped.clone())),
        |ok, elapsed| state.pass_finished(ok, elapsed),
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
    fn retries_back_off_exponentially_from_thirty_seconds() {
        let delays: Vec<i64> = (1..=6).map(|n| retry_delay(n).num_seconds()).collect();
        assert_eq!(delays, [30, 60, 120, 240, 480, 960]);
    }

    #[test]
    fn retry_delays_are_capped_at_two_hours() {
        assert_eq!(retry_delay(9), TimeDelta::hours(2));
        assert_eq!(retry_delay(MAX_ATTEMPTS), TimeDelta::hours(2));
        assert_eq!(retry_delay(i32::MAX), TimeDelta::hours(2));
        assert_eq!(retry_delay(0), TimeDelta::seconds(30));
    }

    #[test]
    fn the_last_attempt_comes_hours_not_minutes_after_the_first() {
        let waited: TimeDelta = (1..MAX_ATTEMPTS).map(retry_delay).sum();
        assert!(
            waited > TimeDelta::hours(3) && waited < TimeDelta::hours(6),
            "{waited}"
        );
    }

    #[test]
    fn long_errors_are_cut_on_a_character_boundary() {
        let text = truncate("é".repeat(800));
        assert!(text.len() <= 1003 && text.ends_with('…'));
        assert_eq!(truncate("short".to_owned()), "short");
    }
}
