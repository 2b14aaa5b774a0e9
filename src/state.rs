//! What every handler can reach: the pool, the mailer, settings, the clock and the rate
//! limits. Its own module, below the routes and `auth`, so handlers never import the code
//! that builds the application; it imports nothing above what it holds (`db`, `email`,
//! `config`, `clock`, `rate_limit`, and `error`/`telemetry` for running database work).
//! The outbox worker runs on it through `email::worker::WorkerContext`.

use std::sync::Arc;

use crate::clock::SharedClock;
use crate::config::Settings;
use crate::db::models::availability::ScheduleCache;
use crate::db::models::service_pages::ServicePageCache;
use crate::db::{self, DbConnection, Pool, StoreResult};
use crate::email::worker::WorkerContext;
use crate::email::Mailer;
use crate::error::AppResult;
use crate::ops::metrics::{Job, Metrics};
use crate::rate_limit::RateLimiter;
use crate::telemetry;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub pool: Pool,
    /// Whether the pool can open connections; requests stop waiting for one when not.
    pub reachability: db::Reachability,
    /// Sends mail; the outbox worker uses it, and tests read the in-memory transport from it.
    pub mailer: Mailer,
    pub settings: Arc<Settings>,
    pub clock: SharedClock,
    /// Per-instance rate limits (sign-in, sign-up, password reset, booking).
    pub rate_limiter: Arc<RateLimiter>,
    /// This instance's metrics (`/metrics`).
    pub metrics: Metrics,
    /// Seals and opens stored secrets (CalDAV passwords) under a key from `SECRET_KEY`.
    pub sealer: crate::sealed::Sealer,
    /// Wakes the calendar workers (a source marked due, a booking to write back) so they
    /// need not wait for their next tick.
    pub calendar_wake: Arc<tokio::sync::Notify>,
    /// Hosts' schedule rows under their schedule version, for the month pages.
    pub schedules: Arc<ScheduleCache>,
    /// Providers, services and looks of the service pages, under the same versions.
    pub pages: Arc<ServicePageCache>,
}

impl AppState {
    /// Runs database work on the blocking pool with a pooled connection.
    pub async fn db<F, T>(&self, f: F) -> AppResult<T>
    where
        F: FnOnce(&mut DbConnection) -> StoreResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let (pool, reachability) = (self.pool.clone(), self.reachability.clone());
        let metrics = self.metrics.clone();
        let result = telemetry::spawn_blocking(move || {
            let waiting = std::time::Instant::now();
            let mut conn = db::checkout(&pool, &reachability)?;
            metrics.pool_waited(waiting.elapsed());
            f(&mut conn)
        })
        .await?;
        Ok(result?)
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }
}

/// The outbox worker runs on the application's pool, mailer and clock.
impl WorkerContext for AppState {
    fn db<F, T>(&self, f: F) -> impl std::future::Future<Output = AppResult<T>> + Send
    where
        F: FnOnce(&mut DbConnection) -> StoreResult<T> + Send + 'static,
        T: Send + 'static,
    {
        AppState::db(self, f)
    }

    fn mailer(&self) -> &Mailer {
        &self.mailer
    }

    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        AppState::now(self)
    }

    fn pass_finished(&self, ok: bool, elapsed: std::time::Duration) {
        self.metrics
            .job_ran(Job::Outbox, ok, elapsed, chrono::Utc::now());
    }
}
