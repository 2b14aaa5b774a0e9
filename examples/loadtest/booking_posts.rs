//! The booking POST: bookings per second and latency at concurrency 1 and 8, on SQLite (a
//! new file per run, with the `synchronous = FULL` Slotbook runs with) or on PostgreSQL
//! (`LOADTEST_DATABASE_URL`: a database this scenario drops and creates again for every
//! run, so name one of its own).
//!
//! Before/after in one window: `LOADTEST_BASELINE=path/to/an/older/loadtest` runs that
//! build's server in alternating runs with this one's (baseline c=1, baseline c=8, this
//! c=1, this c=8, next round …), so both see the same machine; the report gives medians
//! over the rounds and the ratios. Each server is its own process that migrates its fresh
//! database to its own schema; this process only seeds it and generates the load.
//!
//! Every POST claims a distinct free slot of one provider, so each one is a real claim:
//! the write transaction, the guard, the events, the link tokens and the queued mails.
//! Each client first opens the booking form of each of its slots as a browser does,
//! keeping the session cookie, the form's CSRF token and its idempotency key; only the
//! POSTs are timed.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta, Utc};
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, RunQueryDsl};
use slotbook::db::{write_transaction, DatabaseUrl};

use crate::server::Server;
use crate::{env_number, fixtures, percentiles, start_of_2030};

const CONCURRENCY: [usize; 2] = [1, 8];

struct Run {
    build: usize,
    concurrency: usize,
    per_second: f64,
    p50: f64,
    p99: f64,
    max: f64,
    cpu_us: f64,
    /// CPU time of the PostgreSQL backends of the run's database per booking (0 on
    /// SQLite): the server's round trips cost PostgreSQL CPU too, on the same cores.
    pg_cpu_us: f64,
    /// When the POSTs began (to find the run in a database server's log).
    began: DateTime<Utc>,
}

pub async fn run() -> anyhow::Result<()> {
    let count: usize = env_number("LOADTEST_BOOKINGS", 400);
    let rounds: usize = env_number("LOADTEST_ROUNDS", 3).max(1);
    let postgres = std::env::var("LOADTEST_DATABASE_URL").ok();
    let mut builds: Vec<(&str, PathBuf)> = Vec::new();
    if let Some(baseline) = std::env::var_os("LOADTEST_BASELINE") {
        builds.push(("baseline", PathBuf::from(baseline)));
    }
    builds.push(("this build", std::env::current_exe()?));
    println!(
        "booking POST on {}: {count} bookings per run, {rounds} round(s) of {}",
        if postgres.is_some() {
            "PostgreSQL"
        } else {
            "SQLite (synchronous = FULL)"
        },
        builds
            .iter()
            .map(|(name, _)| *name)
            .collect::<Vec<_>>()
            .join(" then ")
    );
    println!(
        "{:<6} {:<11} {:>3} {:>11} {:>8} {:>8} {:>8} {:>14} {:>10}  began (UTC)",
        "round",
        "build",
        "c",
        "bookings/s",
        "p50 ms",
        "p99 ms",
        "max ms",
        "CPU µs/booking",
        "PG CPU µs"
    );
    let mut runs = Vec::new();
    for round in 1..=rounds {
        for (build, (name, binary)) in builds.iter().enumerate() {
            for concurrency in CONCURRENCY {
                let run = measure(binary, postgres.as_deref(), build, concurrency, count).await?;
                println!(
                    "{round:<6} {name:<11} {concurrency:>3} {:>11.1} {:>8.2} {:>8.2} {:>8.1} {:>14.0} {:>10.0}  {}",
                    run.per_second,
                    run.p50,
                    run.p99,
                    run.max,
                    run.cpu_us,
                    run.pg_cpu_us,
                    run.began.format("%H:%M:%S%.3f")
                );
                runs.push(run);
            }
        }
    }
    println!("medians over {rounds} round(s):");
    for concurrency in CONCURRENCY {
        let median_of = |build: usize, pick: fn(&Run) -> f64| {
            let mut values: Vec<f64> = runs
                .iter()
                .filter(|r| r.build == build && r.concurrency == concurrency)
                .map(pick)
                .collect();
            values.sort_by(f64::total_cmp);
            values.get(values.len() / 2).copied().unwrap_or(0.0)
        };
        for (build, (name, _)) in builds.iter().enumerate() {
            println!(
                "c={concurrency} {name:<11} {:>7.1} bookings/s  p50 {:>6.2} ms  p99 {:>6.2} ms  CPU {:>5.0} µs/booking  PG CPU {:>5.0} µs/booking",
                median_of(build, |r| r.per_second),
                median_of(build, |r| r.p50),
                median_of(build, |r| r.p99),
                median_of(build, |r| r.cpu_us),
                median_of(build, |r| r.pg_cpu_us),
            );
        }
        if builds.len() == 2 {
            println!(
                "c={concurrency} this build / baseline: throughput {:.2}x, p99 {:.2}x",
                median_of(1, |r| r.per_second)
                    / median_of(0, |r| r.per_second).max(f64::MIN_POSITIVE),
                median_of(1, |r| r.p99) / median_of(0, |r| r.p99).max(f64::MIN_POSITIVE),
            );
        }
    }
    let pieces_count = count.min(200);
    println!("\nthe claim in this process, {pieces_count} claims in a row (medians):");
    let data = tempfile::tempdir()?;
    let url = match postgres.as_deref() {
        Some(url) => recreate_database(url)?,
        None => format!("sqlite://{}", data.path().join("pieces.db").display()),
    };
    let now = start_of_2030()?;
    let path = data.path().to_path_buf();
    let pieces = tokio::task::spawn_blocking(move || {
        crate::claim_pieces::run(&url, &path, now, pieces_count)
    })
    .await??;
    for (piece, micros) in pieces {
        println!("{piece:<48} {micros:>8.1} µs");
    }
    Ok(())
}

/// One run on a fresh database: `count` bookings by `concurrency` clients against the
/// server of `binary`.
async fn measure(
    binary: &Path,
    postgres: Option<&str>,
    build: usize,
    concurrency: usize,
    count: usize,
) -> anyhow::Result<Run> {
    let data = tempfile::tempdir()?;
    let now = start_of_2030()?;
    let url = match postgres {
        Some(url) => {
            let url = url.to_owned();
            tokio::task::spawn_blocking(move || recreate_database(&url)).await??
        }
        None => format!("sqlite://{}", data.path().join("bookings.db").display()),
    };
    // The server migrates the database to its own schema before it listens.
    let server = Server::start_binary(binary, &url, data.path())?;
    let seed_url = url.clone();
    tokio::task::spawn_blocking(move || seed(&seed_url, now)).await??;
    let slots = free_slots(now, count);
    let cpu_before = server.cpu_seconds();
    let pg_before = postgres.map(|_| backend_cpu(&url)).unwrap_or_default();
    let began = Utc::now();
    let (mut latencies, elapsed) =
        post_all(&format!("{}/bob/consult", server.base), &slots, concurrency).await?;
    let cpu = server.cpu_seconds() - cpu_before;
    let pg_cpu = postgres.map_or(0.0, |_| backend_cpu_since(&pg_before, &backend_cpu(&url)));
    drop(server);
    anyhow::ensure!(latencies.len() == count, "not every booking was made");
    let (p50, p99) = percentiles(&mut latencies);
    Ok(Run {
        build,
        concurrency,
        per_second: latencies.len() as f64 / elapsed.as_secs_f64(),
        p50,
        p99,
        max: latencies.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0),
        cpu_us: 1e6 * cpu / count as f64,
        pg_cpu_us: 1e6 * pg_cpu / count as f64,
        began,
    })
}

/// The CPU time so far of each PostgreSQL backend connected to the database of `url`
/// (this machine's: the load test's PostgreSQL is local), by process id: the server's
/// round trips cost PostgreSQL CPU on the same cores. Other databases' backends (another
/// client of the same PostgreSQL) are left out.
fn backend_cpu(url: &str) -> std::collections::HashMap<i32, f64> {
    #[derive(diesel::QueryableByName)]
    struct Backend {
        #[diesel(sql_type = diesel::sql_types::Integer)]
        pid: i32,
    }
    let pids: Vec<Backend> = PgConnection::establish(url)
        .ok()
        .and_then(|mut conn| {
            diesel::sql_query(
                "SELECT pid FROM pg_stat_activity \
                 WHERE datname = current_database() AND pid <> pg_backend_pid()",
            )
            .load(&mut conn)
            .ok()
        })
        .unwrap_or_default();
    // SAFETY: sysconf only reads a system constant.
    let per_second = (unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64).max(1.0);
    pids.into_iter()
        .filter_map(|Backend { pid }| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
            let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok());
            Some((pid, (ticks(11)? + ticks(12)?) / per_second))
        })
        .collect()
}

/// CPU seconds the backends of `after` spent since `before` (a backend that began
/// meanwhile counts whole).
fn backend_cpu_since(
    before: &std::collections::HashMap<i32, f64>,
    after: &std::collections::HashMap<i32, f64>,
) -> f64 {
    after
        .iter()
        .map(|(pid, seconds)| seconds - before.get(pid).copied().unwrap_or(0.0))
        .sum()
}

/// Drops and creates the database `url` names (through the server's `postgres` database);
/// returns `url`.
fn recreate_database(url: &str) -> anyhow::Result<String> {
    let (server, rest) = url
        .rsplit_once('/')
        .ok_or_else(|| anyhow::anyhow!("LOADTEST_DATABASE_URL names no database"))?;
    let name = rest.split('?').next().unwrap_or(rest);
    anyhow::ensure!(
        !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
        "LOADTEST_DATABASE_URL: use a plain database name (letters, digits, _)"
    );
    let mut admin = PgConnection::establish(&format!("{server}/postgres"))?;
    // Two statements: neither may run inside a transaction block.
    admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))?;
    admin.batch_execute(&format!("CREATE DATABASE {name}"))?;
    Ok(url.to_owned())
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

/// Bob in UTC, open every day in `fixtures::HOURS`, with a 30-minute service that confirms
/// at once and can be booked 90 days ahead. Written through a connection of this process
/// into the database the server migrated (no migrations run here: a baseline server's
/// schema stays its own).
fn seed(url: &str, now: DateTime<Utc>) -> anyhow::Result<()> {
    let mut conn = DatabaseUrl::parse(url)?.connect()?;
    write_transaction(&mut conn, |c| {
        fixtures::seed_named_provider(c, "bob", now, "UTC", 90)
    })?;
    Ok(())
}
