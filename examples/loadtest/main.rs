//! Load tests of the real application over HTTP (build with `--release`).
//!
//! The default, `report`, gives in one run on either backend everything issue 15 checks:
//! the month and day pages at concurrency 1 and 32 with no history and with 10,000
//! bookings outside the month, next to `/healthz` (ratios, p50/p99/max, the server's CPU
//! time per request), bytes on the wire with and without `Accept-Encoding`, the booking
//! POST at concurrency 1 and 8, and the server's peak RSS. The server runs in a process of
//! its own (`server.rs`), so CPU and memory are its own.
//!
//! ```sh
//! cargo run --release --example loadtest                       # SQLite in a temp dir
//! LOADTEST_DATABASE_URL=postgres://postgres@127.0.0.1/slotbook_load \
//!   cargo run --release --example loadtest                     # an existing, empty PostgreSQL database
//! ```
//! `LOADTEST_SECONDS` (default 5) sets the length of each page measurement,
//! `LOADTEST_PASSES` (default 1) how often each page run is repeated, `LOADTEST_BOOKINGS`
//! (default 400) the bookings per POST run; `LOADTEST_EXPLAIN=1` prints the plan of every
//! schedule query. `DB_POOL_SIZE` and the other settings reach the
//! server as they would `slotbook serve`.
//!
//! Other scenarios: `pages` (the page part of the report alone); `bookings` (the booking
//! POST at concurrency 1 and 8 on a fresh database per run, on SQLite or on
//! `LOADTEST_DATABASE_URL`, which it drops and creates again; with
//! `LOADTEST_BASELINE=path/to/an/older/loadtest` that build's server runs in alternating
//! runs with this one's; `LOADTEST_ROUNDS`, default 3; for SQLite the temp directory,
//! `TMPDIR`, must be on the disk to measure, not a tmpfs); `mail` (messages per
//! second from the outbox to a local SMTP sink); `breakdown` (only the month page's CPU by
//! piece, no server: small enough to run under `valgrind --tool=callgrind`).

mod booking_posts;
mod breakdown;
mod claim_pieces;
mod explain;
mod fixtures;
mod mail;
mod pages;
mod report;
mod server;

use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};

fn main() -> anyhow::Result<()> {
    let scenario = std::env::args().nth(1);
    if scenario.as_deref() == Some("serve") {
        // The server's own process: actix's runtime, as `slotbook serve` runs.
        return server::serve();
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        match scenario.as_deref() {
            None | Some("report") => report::run(true).await,
            Some("pages") => report::run(false).await,
            Some("bookings") => booking_posts::run().await,
            Some("mail") => mail::run().await,
            Some("breakdown") => report::breakdown_only().await,
            Some(other) => {
                anyhow::bail!(
                    "unknown scenario {other:?}: report (the default), pages, bookings, mail or breakdown"
                )
            }
        }
    })
}

/// A whole number from the environment, or `default`.
fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// 2030-01-01 00:00 UTC: "now" for every scenario.
fn start_of_2030() -> anyhow::Result<chrono::DateTime<Utc>> {
    Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0)
        .single()
        .ok_or_else(|| anyhow::anyhow!("date"))
}

/// The median and 99th percentile of `latencies`, in milliseconds (sorts them).
fn percentiles(latencies: &mut [Duration]) -> (f64, f64) {
    latencies.sort();
    let pick = |q: f64| {
        latencies
            .get(((latencies.len() as f64 * q) as usize).min(latencies.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    (pick(0.50), pick(0.99))
}

/// What one run of [`measure`] saw.
#[derive(Debug, Clone, Copy)]
pub struct Measured {
    pub requests: usize,
    pub per_second: f64,
    pub p50: f64,
    pub p99: f64,
    /// The slowest request, in milliseconds.
    pub max: f64,
    /// Requests that failed or did not answer 2xx.
    pub errors: usize,
}

/// Runs `concurrency` clients in a loop on `url` for `length`.
async fn measure(
    client: &reqwest::Client,
    url: &str,
    concurrency: usize,
    length: Duration,
) -> Measured {
    let deadline = Instant::now() + length;
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (client, url) = (client.clone(), url.to_owned());
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = 0;
            while Instant::now() < deadline {
                let started = Instant::now();
                match client.get(&url).send().await {
                    Ok(response) if response.status().is_success() => {
                        let _ = response.bytes().await;
                        latencies.push(started.elapsed());
                    }
                    Ok(response) => {
                        errors += 1;
                        eprintln!("unexpected status {}", response.status());
                    }
                    Err(error) => {
                        errors += 1;
                        eprintln!("request failed: {error}");
                    }
                }
            }
            (latencies, errors)
        }));
    }
    let mut all = Vec::new();
    let mut errors = 0;
    for task in tasks {
        let (latencies, failed) = task.await.unwrap_or_default();
        all.extend(latencies);
        errors += failed;
    }
    let (p50, p99) = percentiles(&mut all);
    Measured {
        requests: all.len(),
        per_second: all.len() as f64 / length.as_secs_f64(),
        p50,
        p99,
        max: all.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0),
        errors,
    }
}
