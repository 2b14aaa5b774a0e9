//! The month and day pages against history (`cargo run --release --example loadtest -- pages`):
//! the same month (February 2030) with no other bookings and with 10,000 bookings over 300
//! days outside it (none within two days of it, where the schedule query looks), at
//! concurrency 1 and 32, next to `/healthz`, with bytes on the wire with and without
//! `Accept-Encoding`, CPU time per request and peak RSS.
//!
//! The app runs in this process, so CPU time (utime + stime of `/proc/self/stat` across a
//! run, divided by the requests served) includes the load generator's own work: nothing is
//! subtracted. `/healthz` measured the same way shows that floor.

use std::time::Duration;

use chrono::{TimeDelta, Utc};
use slotbook::clock::ManualClock;
use slotbook::db::{write_transaction, StoreError};
use slotbook::startup::{Application, Dependencies};
use uuid::Uuid;

use crate::fixtures;

const HISTORY: usize = 10_000;

pub async fn run() -> anyhow::Result<()> {
    let seconds: u64 = std::env::var("LOADTEST_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let length = Duration::from_secs(seconds);
    let data = tempfile::tempdir()?;
    let (settings, backend) = fixtures::settings(data.path(), "pages.db")?;
    let now = super::start_of_2030()?;
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
    let (provider, service) = seed_provider(&app, now)?;
    let state = app.state().clone();
    tokio::spawn(app.run_until_stopped());

    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(64)
        .build()?;
    let pages = [
        ("healthz", format!("{base}/healthz")),
        (
            "month",
            format!("{base}/alice/consult?tz=Europe/Berlin&month=2030-02"),
        ),
        (
            "day",
            format!("{base}/alice/consult?tz=Europe/Berlin&month=2030-02&date=2030-02-12"),
        ),
    ];
    println!("backend: {backend}; {seconds} s per run; CPU is the whole process (server and load generator)");
    for (label, url) in &pages[1..] {
        for accept in [None, Some("gzip"), Some("br")] {
            let mut request = client.get(url);
            if let Some(accept) = accept {
                request = request.header("Accept-Encoding", accept);
            }
            let response = request.send().await?;
            anyhow::ensure!(
                response.status() == 200,
                "{label} answered {}",
                response.status()
            );
            let encoding = response
                .headers()
                .get("content-encoding")
                .map(|v| v.to_str().unwrap_or("?").to_owned())
                .unwrap_or_else(|| "none".into());
            let bytes = response.bytes().await?.len();
            println!(
                "{label:<6} Accept-Encoding {:<5} -> {encoding:<5} {bytes:>6} bytes",
                accept.unwrap_or("-")
            );
        }
    }
    println!(
        "{:<7} {:>7} {:>3} {:>9} {:>8} {:>8} {:>8} {:>11}",
        "history", "page", "c", "req/s", "p50 ms", "p99 ms", "ratio", "CPU µs/req"
    );
    for history in [0usize, HISTORY] {
        if history > 0 {
            seed_history(&state, provider, service, now)?;
        }
        for concurrency in [1usize, 32] {
            let mut healthz = 0.0;
            for (label, url) in &pages {
                let cpu_before = cpu_seconds();
                let (rps, p50, p99) = super::measure(&client, url, concurrency, length).await;
                let cpu = cpu_seconds() - cpu_before;
                let requests = rps * length.as_secs_f64();
                if *label == "healthz" {
                    healthz = rps;
                }
                println!(
                    "{history:<7} {label:>7} {concurrency:>3} {rps:>9.0} {p50:>8.2} {p99:>8.2} {:>7.1}% {:>11.0}",
                    100.0 * rps / healthz.max(1.0),
                    1e6 * cpu / requests.max(1.0)
                );
            }
        }
    }
    println!("peak RSS (VmHWM): {}", peak_rss());
    Ok(())
}

/// utime + stime of this process, in seconds.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces) start at field 3.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // SAFETY: sysconf only reads a system constant.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    (ticks(11) + ticks(12)) / per_second.max(1.0)
}

fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|line| line.starts_with("VmHWM"))
        .map(|line| line.trim_start_matches("VmHWM:").trim().to_owned())
        .unwrap_or_else(|| "unknown".into())
}

/// Alice in Europe/Berlin, open every day with five intervals, a 30-minute service bookable
/// a year ahead.
fn seed_provider(app: &Application, now: chrono::DateTime<Utc>) -> anyhow::Result<(Uuid, Uuid)> {
    let mut conn = app.state().pool.get()?;
    Ok(write_transaction(&mut conn, |c| {
        fixtures::seed_provider(c, now, "Europe/Berlin", 365)
    })?)
}

/// 10,000 confirmed bookings over 300 days around February 2030 but never within two days
/// of it: 1–27 January and from 5 March on, 34 a day.
fn seed_history(
    state: &slotbook::state::AppState,
    provider: Uuid,
    service: Uuid,
    now: chrono::DateTime<Utc>,
) -> anyhow::Result<()> {
    let mut conn = state.pool.get()?;
    write_transaction(&mut conn, |c| -> Result<(), StoreError> {
        let days = (0..27).chain(63..);
        let mut made = 0;
        'days: for day in days {
            for k in 0..34 {
                if made == HISTORY {
                    break 'days;
                }
                let start = now + TimeDelta::days(day) + TimeDelta::minutes(40 * k);
                fixtures::insert_confirmed(c, (provider, service), made, start, now)?;
                made += 1;
            }
        }
        Ok(())
    })?;
    Ok(())
}
