//! The month and day pages against history: the same month (February 2030, with a booking
//! every hour of it) with no other bookings and with 10,000 bookings over 300 days outside
//! it (none within two days of it, where the schedule query looks), at concurrency 1 and
//! 32, next to `/healthz`; and the bytes on the wire with and without `Accept-Encoding`.
//!
//! CPU time per request is the server process's (utime + stime from `/proc/PID/stat`
//! across a run, divided by the requests served); the load generator is another process.

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use slotbook::db::{write_transaction, Pool, StoreError};
use uuid::Uuid;

use crate::server::Server;
use crate::{fixtures, measure, Measured};

pub const HISTORY: usize = 10_000;

/// One row of the page table.
#[derive(Debug, Clone)]
pub struct PageRun {
    pub history: usize,
    pub page: &'static str,
    pub concurrency: usize,
    pub measured: Measured,
    /// Per cent of `/healthz`'s requests per second in the same pass.
    pub ratio: f64,
    /// Server CPU time per request, in microseconds.
    pub cpu_us: f64,
}

/// The month page's URL and the day page's (a date whose times the guest asked for).
pub fn urls(base: &str) -> [(&'static str, String); 3] {
    [
        ("healthz", format!("{base}/healthz")),
        (
            "month",
            format!("{base}/alice/consult?tz=Europe/Berlin&month=2030-02"),
        ),
        (
            "day",
            format!("{base}/alice/consult?tz=Europe/Berlin&month=2030-02&date=2030-02-12"),
        ),
    ]
}

/// Prints the bytes of the month and day page with no, gzip and brotli `Accept-Encoding`;
/// returns the month page's brotli and gzip sizes.
pub async fn bytes_on_the_wire(
    client: &reqwest::Client,
    server: &Server,
) -> anyhow::Result<Vec<(&'static str, &'static str, String, usize)>> {
    let mut sizes = Vec::new();
    for (label, url) in &urls(&server.base)[1..] {
        for accept in ["-", "gzip", "br"] {
            let mut request = client.get(url);
            if accept != "-" {
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
                .and_then(|v| v.to_str().ok())
                .unwrap_or("none")
                .to_owned();
            let bytes = response.bytes().await?.len();
            sizes.push((*label, accept, encoding, bytes));
        }
    }
    Ok(sizes)
}

/// Measures healthz, month and day at concurrency 1 and 32, `passes` times each.
pub async fn measure_pages(
    client: &reqwest::Client,
    server: &Server,
    history: usize,
    length: Duration,
    passes: usize,
) -> Vec<PageRun> {
    let mut runs = Vec::new();
    for concurrency in [1usize, 32] {
        for _ in 0..passes {
            let mut healthz = 0.0;
            for (page, url) in urls(&server.base) {
                let cpu_before = server.cpu_seconds();
                let measured = measure(client, &url, concurrency, length).await;
                let cpu = server.cpu_seconds() - cpu_before;
                if page == "healthz" {
                    healthz = measured.per_second;
                }
                let run = PageRun {
                    history,
                    page,
                    concurrency,
                    measured,
                    ratio: 100.0 * measured.per_second / f64::max(healthz, 1.0),
                    cpu_us: 1e6 * cpu / f64::max(measured.requests as f64, 1.0),
                };
                print_run(&run);
                runs.push(run);
            }
        }
    }
    runs
}

pub fn print_header() {
    println!(
        "{:<7} {:>7} {:>3} {:>8} {:>7} {:>7} {:>7} {:>7} {:>8} {:>6}",
        "history", "page", "c", "req/s", "p50 ms", "p99 ms", "max ms", "ratio", "CPU µs", "errors"
    );
}

fn print_run(run: &PageRun) {
    let m = &run.measured;
    println!(
        "{:<7} {:>7} {:>3} {:>8.0} {:>7.2} {:>7.2} {:>7.1} {:>6.1}% {:>8.0} {:>6}",
        run.history,
        run.page,
        run.concurrency,
        m.per_second,
        m.p50,
        m.p99,
        m.max,
        run.ratio,
        run.cpu_us,
        m.errors
    );
}

/// Alice in Europe/Berlin, open every day with five intervals, a 30-minute service bookable
/// a year ahead, and a confirmed booking at every full hour of February 2030 (UTC).
pub fn seed_provider(pool: &Pool, now: DateTime<Utc>) -> anyhow::Result<(Uuid, Uuid)> {
    let mut conn = pool.get()?;
    Ok(write_transaction(
        &mut conn,
        |c| -> Result<_, StoreError> {
            let ids = fixtures::seed_provider(c, now, "Europe/Berlin", 365)?;
            let february = now + TimeDelta::days(31);
            for hour in 0..28 * 24 {
                let start = february + TimeDelta::hours(hour);
                fixtures::insert_confirmed(c, ids, hour as usize, start, now)?;
            }
            Ok(ids)
        },
    )?)
}

/// 10,000 confirmed bookings over 300 days around February 2030 but never within two days
/// of it: 1–27 January and from 5 March on, 34 a day.
pub fn seed_history(pool: &Pool, ids: (Uuid, Uuid), now: DateTime<Utc>) -> anyhow::Result<()> {
    let mut conn = pool.get()?;
    write_transaction(&mut conn, |c| -> Result<(), StoreError> {
        let days = (0..27).chain(63..);
        let mut made = 0;
        'days: for day in days {
            for k in 0..34 {
                if made == HISTORY {
                    break 'days;
                }
                let start = now + TimeDelta::days(day) + TimeDelta::minutes(40 * k);
                fixtures::insert_confirmed(c, ids, 1_000 + made, start, now)?;
                made += 1;
            }
        }
        Ok(())
    })?;
    Ok(())
}
