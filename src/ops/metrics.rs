//! The metrics one instance keeps, and the Prometheus text page `/metrics` answers.
//!
//! Each application owns its registry (tests start many applications in one process, and a
//! process-wide registry would mix their counts). Two kinds of figures:
//! - kept in memory by this instance: HTTP requests and latency by route pattern and
//!   status class, claim conflicts, background job runs, pool checkout waits;
//! - read from the database at scrape time: booking changes (counted in the database in
//!   the transaction that writes each history row, so a scrape costs the same whatever
//!   the history and every instance sees every instance's bookings), outbox depth by
//!   status and the age of the oldest queued mail. These are the same on every instance
//!   sharing the database: do not sum them.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use prometheus::{
    Encoder as _, Gauge, GaugeVec, Histogram, HistogramOpts, HistogramVec, IntCounterVec, IntGauge,
    IntGaugeVec, Opts, Registry, TextEncoder,
};

use crate::db::models::ops::Snapshot;

/// Latency buckets in seconds: pages answer in milliseconds, a sign-in (argon2) in tenths.
const LATENCY_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// The instance's registry and the handles that record into it. Cheap to clone.
#[derive(Clone)]
pub struct Metrics(Arc<Instruments>);

struct Instruments {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    claim_conflicts: IntCounterVec,
    job_last_success: GaugeVec,
    job_duration: GaugeVec,
    job_failures: IntCounterVec,
    pool_wait: Histogram,
}

/// What the pool says at scrape time.
#[derive(Debug, Clone, Copy)]
pub struct PoolFigures {
    pub connections: u32,
    pub idle: u32,
    pub max_size: u32,
}

/// A background job, as labelled in `slotbook_job_*`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// Hold sweeper and reminders.
    Bookings,
    /// Purge of expired sessions.
    Sessions,
    /// One outbox delivery pass.
    Outbox,
}

impl Job {
    fn label(self) -> &'static str {
        match self {
            Self::Bookings => "bookings",
            Self::Sessions => "sessions",
            Self::Outbox => "outbox",
        }
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new(
                "slotbook_http_requests_total",
                "HTTP requests answered, by route pattern, method and status class.",
            ),
            &["route", "method", "status"],
        );
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "slotbook_http_request_duration_seconds",
                "Time to answer an HTTP request, by route pattern, method and status class.",
            )
            .buckets(LATENCY_BUCKETS.to_vec()),
            &["route", "method", "status"],
        );
        let claim_conflicts = IntCounterVec::new(
            Opts::new(
                "slotbook_claim_conflicts_total",
                "Requests answered 409 Conflict (a slot taken a moment earlier), by route.",
            ),
            &["route"],
        );
        let job_last_success = GaugeVec::new(
            Opts::new(
                "slotbook_job_last_success_timestamp_seconds",
                "Unix time at which the background job last finished without error.",
            ),
            &["job"],
        );
        let job_duration = GaugeVec::new(
            Opts::new(
                "slotbook_job_last_duration_seconds",
                "How long the background job's last run took.",
            ),
            &["job"],
        );
        let job_failures = IntCounterVec::new(
            Opts::new(
                "slotbook_job_failures_total",
                "Background job runs that ended in an error.",
            ),
            &["job"],
        );
        let pool_wait = Histogram::with_opts(
            HistogramOpts::new(
                "slotbook_db_pool_wait_seconds",
                "Time a request waited for a database connection from the pool.",
            )
            .buckets(LATENCY_BUCKETS.to_vec()),
        );
        // The names and labels above are fixed and valid, and each is registered once into
        // a registry of its own: a failure here is a programming error found by any test.
        let instruments = (|| -> prometheus::Result<Instruments> {
            let (requests, latency, claim_conflicts) = (requests?, latency?, claim_conflicts?);
            let (job_last_success, job_duration) = (job_last_success?, job_duration?);
            let (job_failures, pool_wait) = (job_failures?, pool_wait?);
            registry.register(Box::new(requests.clone()))?;
            registry.register(Box::new(latency.clone()))?;
            registry.register(Box::new(claim_conflicts.clone()))?;
            registry.register(Box::new(job_last_success.clone()))?;
            registry.register(Box::new(job_duration.clone()))?;
            registry.register(Box::new(job_failures.clone()))?;
            registry.register(Box::new(pool_wait.clone()))?;
            Ok(Instruments {
                registry: registry.clone(),
                requests,
                latency,
                claim_conflicts,
                job_last_success,
                job_duration,
                job_failures,
                pool_wait,
            })
        })();
        match instruments {
            Ok(instruments) => Self(Arc::new(instruments)),
            Err(error) => unreachable!("fixed metric definitions are valid: {error}"),
        }
    }

    /// One answered request. `route` is the matched pattern (`/{username}/{slug}`), never
    /// the raw path, so the number of series stays bounded.
    pub fn observe_request(&self, route: &str, method: &str, status: u16, elapsed: Duration) {
        let class = status_class(status);
        let labels = [route, method, class];
        self.0.requests.with_label_values(&labels).inc();
        self.0
            .latency
            .with_label_values(&labels)
            .observe(elapsed.as_secs_f64());
        if status == 409 {
            self.0.claim_conflicts.with_label_values(&[route]).inc();
        }
    }

    /// One run of a background job; `finished_at` is the wall-clock time it ended.
    pub fn job_ran(&self, job: Job, ok: bool, elapsed: Duration, finished_at: DateTime<Utc>) {
        let label = [job.label()];
        self.0
            .job_duration
            .with_label_values(&label)
            .set(elapsed.as_secs_f64());
        if ok {
            let at = finished_at.timestamp_millis() as f64 / 1000.0;
            self.0.job_last_success.with_label_values(&label).set(at);
        } else {
            self.0.job_failures.with_label_values(&label).inc();
        }
    }

    /// Time one checkout waited for a pooled connection.
    pub fn pool_waited(&self, elapsed: Duration) {
        self.0.pool_wait.observe(elapsed.as_secs_f64());
    }

    /// The Prometheus text page: this instance's figures, the pool, and the database's.
    pub fn render(
        &self,
        pool: PoolFigures,
        snapshot: &Snapshot,
        now: DateTime<Utc>,
    ) -> prometheus::Result<String> {
        let mut families = self.0.registry.gather();
        families.extend(scrape_time_families(pool, snapshot, now)?);
        families.sort_by(|a, b| a.name().cmp(b.name()));
        let mut buffer = Vec::new();
        TextEncoder::new().encode(&families, &mut buffer)?;
        String::from_utf8(buffer).map_err(|e| prometheus::Error::Msg(e.to_string()))
    }
}

/// `2xx`, `4xx`, …: the label keeps one series per class, not per code.
fn status_class(status: u16) -> &'static str {
    match status / 100 {
        1 => "1xx",
        2 => "2xx",
        3 => "3xx",
        4 => "4xx",
        _ => "5xx",
    }
}

/// Figures read at scrape time, gathered through a registry made for this one scrape.
fn scrape_time_families(
    pool: PoolFigures,
    snapshot: &Snapshot,
    now: DateTime<Utc>,
) -> prometheus::Result<Vec<prometheus::proto::MetricFamily>> {
    let registry = Registry::new();

    let connections = IntGaugeVec::new(
        Opts::new(
            "slotbook_db_pool_connections",
            "Database connections of this instance's pool, by state.",
        ),
        &["state"],
    )?;
    let idle = i64::from(pool.idle);
    connections.with_label_values(&["idle"]).set(idle);
    connections
        .with_label_values(&["in_use"])
        .set(i64::from(pool.connections) - idle);
    registry.register(Box::new(connections))?;
    let max = IntGauge::new(
        "slotbook_db_pool_max_connections",
        "The most connections this instance's pool opens (DB_POOL_SIZE).",
    )?;
    max.set(i64::from(pool.max_size));
    registry.register(Box::new(max))?;

    let bookings = IntCounterVec::new(
        Opts::new(
            "slotbook_bookings_total",
            "Booking changes recorded in the database's booking history, by event \
             (created, confirmed, cancelled, expired, ...); the same on every instance.",
        ),
        &["event"],
    )?;
    for (event, count) in &snapshot.booking_events {
        bookings
            .with_label_values(&[event.as_str()])
            .inc_by(u64::try_from(*count).unwrap_or(0));
    }
    registry.register(Box::new(bookings))?;

    let outbox = IntGaugeVec::new(
        Opts::new(
            "slotbook_outbox_messages",
            "Mail in the outbox, by delivery status; the same on every instance.",
        ),
        &["status"],
    )?;
    for status in ["queued", "sending", "sent", "failed"] {
        outbox.with_label_values(&[status]).set(0);
    }
    for (status, count) in &snapshot.outbox_by_status {
        outbox.with_label_values(&[status.as_str()]).set(*count);
    }
    registry.register(Box::new(outbox))?;
    let oldest = Gauge::new(
        "slotbook_outbox_oldest_queued_age_seconds",
        "Age of the oldest mail still waiting to be sent (0 when none waits).",
    )?;
    let age = snapshot.oldest_queued_at.map_or(0.0, |at| {
        (now - at).num_milliseconds().max(0) as f64 / 1000.0
    });
    oldest.set(age);
    registry.register(Box::new(oldest))?;

    Ok(registry.gather())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot() -> Snapshot {
        Snapshot {
            booking_events: vec![("created".into(), 3), ("cancelled".into(), 1)],
            outbox_by_status: vec![("queued".into(), 2)],
            oldest_queued_at: Some(DateTime::from_timestamp(1_000, 0).unwrap()),
        }
    }

    #[test]
    fn requests_are_counted_by_route_pattern_and_status_class() {
        let metrics = Metrics::new();
        let d = Duration::from_millis(3);
        metrics.observe_request("/{username}/{slug}/book", "POST", 303, d);
        metrics.observe_request("/{username}/{slug}/book", "POST", 409, d);
        metrics.observe_request("/{username}/{slug}/book", "POST", 409, d);
        let pool = PoolFigures {
            connections: 3,
            idle: 1,
            max_size: 16,
        };
        let now = DateTime::from_timestamp(1_060, 0).unwrap();
        let text = metrics.render(pool, &snapshot(), now).unwrap();
        assert!(text.contains(
            r#"slotbook_http_requests_total{method="POST",route="/{username}/{slug}/book",status="4xx"} 2"#
        ), "{text}");
        assert!(
            text.contains(r#"slotbook_claim_conflicts_total{route="/{username}/{slug}/book"} 2"#)
        );
        assert!(text.contains(r#"slotbook_bookings_total{event="created"} 3"#));
        assert!(text.contains(r#"slotbook_outbox_messages{status="queued"} 2"#));
        assert!(text.contains(r#"slotbook_outbox_messages{status="failed"} 0"#));
        assert!(text.contains("slotbook_outbox_oldest_queued_age_seconds 60"));
        assert!(text.contains(r#"slotbook_db_pool_connections{state="in_use"} 2"#));
        assert!(text.contains("# TYPE slotbook_http_request_duration_seconds histogram"));
    }

    #[test]
    fn a_failed_job_run_keeps_the_last_success_time() {
        let metrics = Metrics::new();
        let at = DateTime::from_timestamp(2_000, 0).unwrap();
        metrics.job_ran(Job::Outbox, true, Duration::from_millis(250), at);
        let later = DateTime::from_timestamp(3_000, 0).unwrap();
        metrics.job_ran(Job::Outbox, false, Duration::from_millis(10), later);
        let pool = PoolFigures {
            connections: 1,
            idle: 1,
            max_size: 1,
        };
        let text = metrics.render(pool, &Snapshot::default(), at).unwrap();
        assert!(text.contains(r#"slotbook_job_last_success_timestamp_seconds{job="outbox"} 2000"#));
        assert!(text.contains(r#"slotbook_job_failures_total{job="outbox"} 1"#));
        assert!(text.contains(r#"slotbook_job_last_duration_seconds{job="outbox"} 0.01"#));
    }
}
