//! `loadtest` (`report`): every figure issue 15 checks, in one run, on the backend of
//! `LOADTEST_DATABASE_URL` (an empty PostgreSQL database) or a new SQLite file. See
//! `main.rs` for the knobs. The server is its own process (`server.rs`); this one seeds
//! the database and generates the load.

use std::time::Duration;

use chrono::{DateTime, Utc};
use slotbook::config::Settings;
use slotbook::db::{write_transaction, DatabaseUrl, Pool};
use slotbook::startup::connect_and_migrate;

use crate::pages::{self, PageRun};
use crate::server::Server;
use crate::{booking_posts, env_number, fixtures, percentiles, start_of_2030};

pub async fn run(with_bookings: bool) -> anyhow::Result<()> {
    let length = Duration::from_secs(env_number("LOADTEST_SECONDS", 5) as u64);
    let passes = env_number("LOADTEST_PASSES", 1).max(1);
    let data = tempfile::tempdir()?;
    let url = std::env::var("LOADTEST_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}", data.path().join("report.db").display()));
    let database = DatabaseUrl::parse(&url)?;
    let backend = if database.is_sqlite() {
        "SQLite"
    } else {
        "PostgreSQL"
    };
    let now = start_of_2030()?;
    let pool =
        connect_and_migrate(&Settings::for_database(database, data.path().to_path_buf())).await?;
    let alice = blocking(&pool, move |pool| pages::seed_provider(pool, now)).await?;
    blocking(&pool, move |pool| seed_booking_provider(pool, now)).await?;

    let server = Server::start(&url, data.path())?;
    println!(
        "backend: {backend}; {} s per page run, {passes} pass(es); server pid RSS fresh: {}, threads {}",
        length.as_secs(),
        server.status("VmRSS"),
        server.status("Threads")
    );
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(64)
        .build()?;

    println!("\nbytes on the wire (body):");
    for (page, accept, encoding, bytes) in pages::bytes_on_the_wire(&client, &server).await? {
        println!("{page:<6} Accept-Encoding {accept:<5} -> {encoding:<5} {bytes:>6} bytes");
    }

    println!(
        "\npages (ratio: per cent of /healthz req/s in the same pass; CPU: server µs per request):"
    );
    pages::print_header();
    let mut runs = pages::measure_pages(&client, &server, 0, length, passes).await;
    blocking(&pool, move |pool| pages::seed_history(pool, alice, now)).await?;
    runs.extend(pages::measure_pages(&client, &server, pages::HISTORY, length, passes).await);
    let rss_after_pages = server.status("VmHWM");
    let threads_after_pages = server.status("Threads");
    summarize_pages(&runs);

    if std::env::var_os("LOADTEST_EXPLAIN").is_some() {
        println!("\nplans of the schedule queries (10,000 bookings of history):");
        blocking(&pool, move |pool| crate::explain::print(pool, alice, now)).await?;
    }

    println!(
        "\nmonth page CPU by piece (10,000 bookings of history; each piece timed alone here):"
    );
    let pieces = blocking(&pool, move |pool| crate::breakdown::run(pool, now)).await?;
    for (piece, micros) in pieces {
        println!("{piece:<42} {micros:>8.1} µs");
    }

    if with_bookings {
        let count = env_number("LOADTEST_BOOKINGS", 400);
        println!("\nbooking POST ({count} per run, each a real claim of a free slot):");
        println!(
            "{:>3} {:>11} {:>8} {:>8} {:>8} {:>14}",
            "c", "bookings/s", "p50 ms", "p99 ms", "max ms", "CPU µs/booking"
        );
        let slots = booking_posts::free_slots(now, 2 * count);
        for (concurrency, mine) in [(1usize, &slots[..count]), (8, &slots[count..])] {
            let cpu_before = server.cpu_seconds();
            let (mut latencies, elapsed) =
                booking_posts::post_all(&format!("{}/bob/consult", server.base), mine, concurrency)
                    .await?;
            let cpu = server.cpu_seconds() - cpu_before;
            anyhow::ensure!(latencies.len() == count, "not every booking was made");
            let (p50, p99) = percentiles(&mut latencies);
            let max = latencies.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0);
            println!(
                "{concurrency:>3} {:>11.1} {p50:>8.2} {p99:>8.2} {max:>8.1} {:>14.0}",
                count as f64 / elapsed.as_secs_f64(),
                1e6 * cpu / count as f64
            );
        }
    }

    println!(
        "\nserver memory: peak RSS (VmHWM) {} after the page runs ({} threads), {} at the end; RSS now {}, threads {}",
        rss_after_pages,
        threads_after_pages,
        server.status("VmHWM"),
        server.status("VmRSS"),
        server.status("Threads"),
    );
    Ok(())
}

/// The goals' view of the page runs: medians over the passes of each row.
fn summarize_pages(runs: &[PageRun]) {
    let median = |history: usize, page: &str, concurrency: usize, pick: fn(&PageRun) -> f64| {
        let mut values: Vec<f64> = runs
            .iter()
            .filter(|r| r.history == history && r.page == page && r.concurrency == concurrency)
            .map(pick)
            .collect();
        values.sort_by(f64::total_cmp);
        values.get(values.len() / 2).copied().unwrap_or(0.0)
    };
    println!("\nmedians over passes, and history 10,000 against none (same month):");
    for page in ["month", "day"] {
        for concurrency in [1, 32] {
            let cpu0 = median(0, page, concurrency, |r| r.cpu_us);
            let cpu1 = median(pages::HISTORY, page, concurrency, |r| r.cpu_us);
            let rps0 = median(0, page, concurrency, |r| r.measured.per_second);
            let rps1 = median(pages::HISTORY, page, concurrency, |r| r.measured.per_second);
            let worst_max = runs
                .iter()
                .filter(|r| r.page == page && r.concurrency == concurrency)
                .map(|r| r.measured.max)
                .fold(0.0, f64::max);
            println!(
                "{page:<5} c={concurrency:<2} ratio {:>5.1}% / {:>5.1}%  p99 {:>6.2} / {:>6.2} ms  CPU {:>5.0} / {:>5.0} µs  \
                 slowdown N=10k/N=0: CPU {:.2}x, req/s {:.2}x  max over all passes {:.1} ms",
                median(0, page, concurrency, |r| r.ratio),
                median(pages::HISTORY, page, concurrency, |r| r.ratio),
                median(0, page, concurrency, |r| r.measured.p99),
                median(pages::HISTORY, page, concurrency, |r| r.measured.p99),
                cpu0,
                cpu1,
                cpu1 / cpu0.max(1.0),
                rps0 / rps1.max(1.0),
                worst_max,
            );
        }
    }
}

/// Bob in UTC, open every day in `fixtures::HOURS`, whose service confirms at once and can
/// be booked 90 days ahead: the booking POSTs claim his free slots.
fn seed_booking_provider(pool: &Pool, now: DateTime<Utc>) -> anyhow::Result<()> {
    let mut conn = pool.get()?;
    write_transaction(&mut conn, |c| {
        fixtures::seed_named_provider(c, "bob", now, "UTC", 90)
    })?;
    Ok(())
}

/// Runs seeding work off the load generator's threads.
async fn blocking<T: Send + 'static>(
    pool: &Pool,
    f: impl FnOnce(&Pool) -> anyhow::Result<T> + Send + 'static,
) -> anyhow::Result<T> {
    let pool = pool.clone();
    tokio::task::spawn_blocking(move || f(&pool)).await?
}

/// `loadtest breakdown`: seeds the month and the history, then times the month page's
/// pieces in this process (no server).
pub async fn breakdown_only() -> anyhow::Result<()> {
    let data = tempfile::tempdir()?;
    let url = std::env::var("LOADTEST_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}", data.path().join("breakdown.db").display()));
    let now = start_of_2030()?;
    let pool = connect_and_migrate(&Settings::for_database(
        DatabaseUrl::parse(&url)?,
        data.path().to_path_buf(),
    ))
    .await?;
    let alice = blocking(&pool, move |pool| pages::seed_provider(pool, now)).await?;
    blocking(&pool, move |pool| pages::seed_history(pool, alice, now)).await?;
    let pieces = blocking(&pool, move |pool| crate::breakdown::run(pool, now)).await?;
    for (piece, micros) in pieces {
        println!("{piece:<42} {micros:>8.1} µs");
    }
    Ok(())
}
