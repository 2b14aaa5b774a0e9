//! Load tests of the real application over HTTP (build with `--release`).
//!
//! The month page (the default): seeds a provider whose service has 2,000 existing
//! bookings and measures requests per second and latency percentiles of the month page
//! next to a bare `/healthz`, at concurrency 1 and 32, in the same run.
//!
//! ```sh
//! cargo run --release --example loadtest                       # SQLite in a temp dir
//! LOADTEST_DATABASE_URL=postgres://postgres@127.0.0.1/slotbook_load \
//!   cargo run --release --example loadtest                     # an existing, empty PostgreSQL database
//! ```
//! `LOADTEST_SECONDS` (default 10) sets the length of each measurement.
//!
//! The booking POST (`booking_posts.rs`): bookings per second and p50/p99 at concurrency 1 and
//! 8 on SQLite with `synchronous = NORMAL` against `FULL`, in alternating runs. The temp
//! directory (`TMPDIR`) must be on the disk to measure, not a tmpfs.
//!
//! Mail delivery (`mail.rs`): messages per second from the outbox to a local SMTP sink.
//!
//! ```sh
//! cargo run --release --example loadtest -- bookings           # LOADTEST_BOOKINGS=400 per run, LOADTEST_ROUNDS=3
//! ```

mod booking_posts;
mod fixtures;
mod mail;
mod pages;

use std::time::{Duration, Instant};

use chrono::{TimeDelta, TimeZone, Utc};
use slotbook::clock::ManualClock;
use slotbook::db::write_transaction;
use slotbook::startup::{Application, Dependencies};

const BOOKINGS: usize = 2_000;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    match std::env::args().nth(1).as_deref() {
        None | Some("month") => month_page().await,
        Some("bookings") => booking_posts::run().await,
        Some("pages") => pages::run().await,
        Some("mail") => mail::run().await,
        Some(other) => {
            anyhow::bail!(
                "unknown scenario {other:?}: month (the default), bookings, pages or mail"
            )
        }
    }
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

async fn month_page() -> anyhow::Result<()> {
    let seconds: u64 = std::env::var("LOADTEST_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let data = tempfile::tempdir()?;
    let (settings, backend) = fixtures::settings(data.path(), "load.db")?;
    let now = start_of_2030()?;
    let app = Application::build_with(
        settings,
        Dependencies {
            clock: ManualClock::new(now),
            jobs_every: None,
            ..Dependencies::default()
        },
    )
    .await?;
    let base = format!("http://127.0.0.1:{}", app.port());
    seed(&app, now)?;
    tokio::spawn(app.run_until_stopped());

    let month_page = format!("{base}/alice/consult?tz=Europe/Berlin&month=2030-02&date=2030-02-12");
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(64)
        .build()?;
    let check = client.get(&month_page).send().await?;
    anyhow::ensure!(
        check.status() == 200,
        "month page answered {}",
        check.status()
    );
    let body = check.text().await?;
    println!(
        "backend: {backend}; month page: {} bytes, {} free slots listed that day",
        body.len(),
        body.matches("/alice/consult/book?start=").count()
    );
    println!(
        "{:<10} {:>11} {:>10} {:>9} {:>9}",
        "endpoint", "concurrency", "req/s", "p50 ms", "p99 ms"
    );
    for concurrency in [1usize, 32] {
        for (name, url) in [
            ("healthz", format!("{base}/healthz")),
            ("month", month_page.clone()),
        ] {
            let (rps, p50, p99) =
                measure(&client, &url, concurrency, Duration::from_secs(seconds)).await;
            println!("{name:<10} {concurrency:>11} {rps:>10.0} {p50:>9.2} {p99:>9.2}");
        }
    }
    Ok(())
}

/// A provider open around the clock in Europe/Berlin with a 30-minute service bookable 90
/// days ahead, and 2,000 confirmed bookings spread over the window.
fn seed(app: &Application, now: chrono::DateTime<Utc>) -> anyhow::Result<()> {
    let mut conn = app.state().pool.get()?;
    write_transaction(&mut conn, |c| -> Result<(), slotbook::db::StoreError> {
        let ids = fixtures::seed_provider(c, now, "Europe/Berlin", 90)?;
        // Every other half hour across the first ~83 days: 2,000 bookings.
        for i in 0..BOOKINGS {
            fixtures::insert_confirmed(c, ids, i, now + TimeDelta::minutes(60 * i as i64), now)?;
        }
        Ok(())
    })?;
    Ok(())
}

/// Runs `concurrency` clients in a loop for `length`; returns req/s, p50 and p99 in ms.
async fn measure(
    client: &reqwest::Client,
    url: &str,
    concurrency: usize,
    length: Duration,
) -> (f64, f64, f64) {
    let deadline = Instant::now() + length;
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (client, url) = (client.clone(), url.to_owned());
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            while Instant::now() < deadline {
                let started = Instant::now();
                match client.get(&url).send().await {
                    Ok(response) if response.status().is_success() => {
                        let _ = response.bytes().await;
                        latencies.push(started.elapsed());
                    }
                    Ok(response) => eprintln!("unexpected status {}", response.status()),
                    Err(error) => eprintln!("request failed: {error}"),
                }
            }
            latencies
        }));
    }
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await.unwrap_or_default());
    }
    let (p50, p99) = percentiles(&mut all);
    (all.len() as f64 / length.as_secs_f64(), p50, p99)
}
