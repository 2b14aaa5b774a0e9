//! The booking POST under SQLite's two durability settings: `synchronous = NORMAL` (what
//! Slotbook used before) against `FULL` (what it uses now), alternating runs in one window
//! (NORMAL, FULL, NORMAL, FULL, …) so both see the same machine.
//!
//! Every POST claims a distinct free slot, so each one is a real claim: the write
//! transaction, the guard, the events, the link tokens and the queued mails. Each client
//! first opens the booking form of each of its slots as a browser does, keeping the session
//! cookie, the form's CSRF token and its idempotency key; only the POSTs are timed.
//!
//! The setting is applied to every pooled connection before a run and checked on every
//! one after it, so a run never measures a mix.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta, Utc};
use diesel::connection::SimpleConnection;
use diesel::{QueryableByName, RunQueryDsl};
use slotbook::clock::ManualClock;
use slotbook::config::Settings;
use slotbook::db::{write_transaction, DatabaseUrl, Pool};
use slotbook::email::Transport;
use slotbook::startup::{Application, Dependencies};

use crate::{env_number, fixtures, percentiles, start_of_2030};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Synchronous {
    Normal,
    Full,
}

impl Synchronous {
    fn name(self) -> &'static str {
        match self {
            Self::Normal => "NORMAL",
            Self::Full => "FULL",
        }
    }

    /// The value `PRAGMA synchronous` reads back.
    fn level(self) -> i32 {
        match self {
            Self::Normal => 1,
            Self::Full => 2,
        }
    }
}

const CONCURRENCY: [usize; 2] = [1, 8];

struct Run {
    mode: Synchronous,
    concurrency: usize,
    per_second: f64,
    p50: f64,
    p99: f64,
}

pub async fn run() -> anyhow::Result<()> {
    let count: usize = env_number("LOADTEST_BOOKINGS", 400);
    let rounds: usize = env_number("LOADTEST_ROUNDS", 3);
    println!(
        "booking POST on SQLite in {}: {count} bookings per run, {rounds} rounds of NORMAL then FULL",
        std::env::temp_dir().display()
    );
    println!(
        "{:<6} {:<7} {:>11} {:>11} {:>9} {:>9}",
        "round", "mode", "concurrency", "bookings/s", "p50 ms", "p99 ms"
    );
    let mut runs = Vec::new();
    for round in 1..=rounds {
        for mode in [Synchronous::Normal, Synchronous::Full] {
            for concurrency in CONCURRENCY {
                let run = measure(mode, concurrency, count).await?;
                println!(
                    "{round:<6} {:<7} {concurrency:>11} {:>11.1} {:>9.2} {:>9.2}",
                    mode.name(),
                    run.per_second,
                    run.p50,
                    run.p99
                );
                runs.push(run);
            }
        }
    }
    println!("medians over {rounds} rounds");
    for concurrency in CONCURRENCY {
        let median_of = |mode: Synchronous, pick: fn(&Run) -> f64| {
            let mut values: Vec<f64> = runs
                .iter()
                .filter(|r| r.mode == mode && r.concurrency == concurrency)
                .map(pick)
                .collect();
            values.sort_by(f64::total_cmp);
            values.get(values.len() / 2).copied().unwrap_or(0.0)
        };
        let mut line = format!("c={concurrency}:");
        for mode in [Synchronous::Normal, Synchronous::Full] {
            line.push_str(&format!(
                " {} {:.1}/s p50 {:.2} ms p99 {:.2} ms;",
                mode.name(),
                median_of(mode, |r| r.per_second),
                median_of(mode, |r| r.p50),
                median_of(mode, |r| r.p99),
            ));
        }
        let ratio = median_of(Synchronous::Full, |r| r.per_second)
            / median_of(Synchronous::Normal, |r| r.per_second);
        println!("{line} FULL/NORMAL throughput {ratio:.2}");
    }
    Ok(())
}

/// One run on a fresh database: `count` bookings by `concurrency` clients.
async fn measure(mode: Synchronous, concurrency: usize, count: usize) -> anyhow::Result<Run> {
    let data = tempfile::tempdir()?;
    let now = start_of_2030()?;
    let mut settings = Settings::for_database(
        DatabaseUrl::Sqlite(data.path().join("bookings.db")),
        data.path().to_path_buf(),
    );
    settings.bind = "127.0.0.1:0".parse()?;
    settings.secret_key = Some("load-test-secret-key-0123456789abcdef".into());
    settings.log_level = "warn".into();
    settings.rate_limits.booking = u32::MAX;
    let pool_size = settings.db_pool_size;
    let app = Application::build_with(
        settings,
        Dependencies {
            clock: ManualClock::new(now),
            jobs_every: None,
            // The outbox rows are written by the claim; delivering them is not measured.
            mail_every: None,
            mail_transport: Some(Transport::memory()),
            webhooks_every: None,
        },
    )
    .await?;
    let base = format!("http://127.0.0.1:{}", app.port());
    let pool = app.state().pool.clone();
    let seed_pool = pool.clone();
    tokio::task::spawn_blocking(move || seed(&seed_pool, now)).await??;
    let set_pool = pool.clone();
    tokio::task::spawn_blocking(move || set_synchronous(&set_pool, pool_size, mode)).await??;
    let handle = app.server_handle();
    tokio::spawn(app.run_until_stopped());

    let slots = free_slots(now, count);
    let (mut latencies, elapsed) =
        post_all(&format!("{base}/alice/consult"), &slots, concurrency).await?;
    let check_pool = pool.clone();
    tokio::task::spawn_blocking(move || check_synchronous(&check_pool, pool_size, mode)).await??;
    handle.stop(true).await;
    anyhow::ensure!(latencies.len() == count, "not every booking was made");
    let (p50, p99) = percentiles(&mut latencies);
    Ok(Run {
        mode,
        concurrency,
        per_second: latencies.len() as f64 / elapsed.as_secs_f64(),
        p50,
        p99,
    })
}

/// Books every slot of `slots` at `service_url` with `concurrency` browsers, each taking
/// every `concurrency`-th slot; returns the latency of each POST and the wall time of all.
pub async fn post_all(
    service_url: &str,
    slots: &[DateTime<Utc>],
    concurrency: usize,
) -> anyhow::Result<(Vec<Duration>, Duration)> {
    let mut clients = Vec::new();
    for k in 0..concurrency {
        let mine: Vec<DateTime<Utc>> = slots.iter().copied().skip(k).step_by(concurrency).collect();
        clients.push(Client::prepare(service_url, &mine).await?);
    }
    let start = Arc::new(tokio::sync::Barrier::new(concurrency + 1));
    let mut tasks = Vec::new();
    for client in clients {
        let start = start.clone();
        tasks.push(tokio::spawn(async move {
            start.wait().await;
            client.book_all().await
        }));
    }
    start.wait().await;
    let began = Instant::now();
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await??);
    }
    Ok((latencies, began.elapsed()))
}

/// One browser: its cookie jar and the forms it opened, one per slot.
struct Client {
    http: reqwest::Client,
    service_url: String,
    forms: Vec<Vec<(&'static str, String)>>,
}

impl Client {
    async fn prepare(service_url: &str, slots: &[DateTime<Utc>]) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        let mut forms = Vec::new();
        for (i, start) in slots.iter().enumerate() {
            let start = start.timestamp().to_string();
            let page = http
                .get(format!("{service_url}/book?start={start}&tz=UTC"))
                .send()
                .await?;
            anyhow::ensure!(page.status() == 200, "form answered {}", page.status());
            let html = page.text().await?;
            let field = |name: &str| {
                hidden_field(&html, name).ok_or_else(|| anyhow::anyhow!("no {name} in the form"))
            };
            forms.push(vec![
                ("csrf_token", field("csrf_token")?),
                ("start", start),
                ("tz", "UTC".to_owned()),
                ("idempotency_key", field("idempotency_key")?),
                ("name", format!("Guest {i}")),
                ("email", format!("guest{i}@example.com")),
            ]);
        }
        Ok(Self {
            http,
            service_url: service_url.to_owned(),
            forms,
        })
    }

    /// POSTs every form in turn; the latency of each, which must be the redirect to the
    /// after-booking page.
    async fn book_all(self) -> anyhow::Result<Vec<Duration>> {
        let mut latencies = Vec::with_capacity(self.forms.len());
        for form in &self.forms {
            let body = serde_html_form::to_string(form)?;
            let started = Instant::now();
            let response = self
                .http
                .post(format!("{}/book", self.service_url))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body)
                .send()
                .await?;
            let status = response.status();
            let _ = response.bytes().await?;
            anyhow::ensure!(status == 303, "booking answered {status}");
            latencies.push(started.elapsed());
        }
        Ok(latencies)
    }
}

/// The value of a named `<input>` (the templates write `name` before `value`).
fn hidden_field(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!("name=\"{name}\""))?;
    let tag_end = at + html[at..].find('>')?;
    let tag = &html[at..tag_end];
    let value_at = tag.find("value=\"")? + "value=\"".len();
    let value_end = value_at + tag[value_at..].find('"')?;
    Some(tag[value_at..value_end].to_owned())
}

/// The first `count` 30-minute slot starts of the provider's hours (`fixtures::HOURS`, UTC)
/// from tomorrow on, in order.
pub fn free_slots(now: DateTime<Utc>, count: usize) -> Vec<DateTime<Utc>> {
    let first_day = now + TimeDelta::days(1);
    (0..)
        .flat_map(|day| {
            fixtures::HOURS.iter().flat_map(move |&(from, to)| {
                (i64::from(from) * 2..i64::from(to) * 2).map(move |half_hour| {
                    first_day + TimeDelta::days(day) + TimeDelta::minutes(30 * half_hour)
                })
            })
        })
        .take(count)
        .collect()
}

/// A provider in UTC open every day in `fixtures::HOURS`, with a 30-minute service that confirms
/// at once and can be booked 90 days ahead.
fn seed(pool: &Pool, now: DateTime<Utc>) -> anyhow::Result<()> {
    let mut conn = pool.get()?;
    write_transaction(&mut conn, |c| fixtures::seed_provider(c, now, "UTC", 90))?;
    Ok(())
}

/// Opens every connection the pool may hold and sets `mode` on each; they stay idle in
/// the pool for the run.
fn set_synchronous(pool: &Pool, size: u32, mode: Synchronous) -> anyhow::Result<()> {
    let mut held = Vec::new();
    for _ in 0..size {
        let mut conn = pool.get()?;
        conn.batch_execute(&format!("PRAGMA synchronous = {}", mode.name()))?;
        held.push(conn);
    }
    drop(held);
    check_synchronous(pool, size, mode)
}

#[derive(QueryableByName)]
struct Level {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    synchronous: i32,
}

/// Every connection of the pool (and no other) runs with `mode`.
fn check_synchronous(pool: &Pool, size: u32, mode: Synchronous) -> anyhow::Result<()> {
    anyhow::ensure!(
        pool.state().connections == size,
        "the pool opened or closed connections during the run"
    );
    let mut held = Vec::new();
    for _ in 0..size {
        let mut conn = pool.get()?;
        let level = diesel::sql_query("PRAGMA synchronous").get_result::<Level>(&mut *conn)?;
        anyhow::ensure!(
            level.synchronous == mode.level(),
            "a connection ran with synchronous={} instead of {}",
            level.synchronous,
            mode.name()
        );
        held.push(conn);
    }
    Ok(())
}
