//! The server under load runs in its own process, so its CPU time and peak memory are its
//! own and not the load generator's: the load test starts itself again as `loadtest serve`
//! (this module's [`serve`]), which builds the application exactly as `slotbook serve` does
//! (actix's runtime, the default pool and worker settings, `LOG_LEVEL` as set, `info` when
//! not) but with the load test's fixed clock and without background jobs, and prints its
//! port. The parent seeds the database through its own connection before and between runs.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use slotbook::clock::ManualClock;
use slotbook::config::Settings;
use slotbook::db::DatabaseUrl;
use slotbook::email::Transport;
use slotbook::startup::{Application, Dependencies};

/// The environment variables the parent hands its child.
const URL_VAR: &str = "LOADTEST_SERVE_DATABASE_URL";
const DATA_VAR: &str = "LOADTEST_SERVE_DATA_DIR";

/// A running server process.
pub struct Server {
    child: Child,
    pub base: String,
}

impl Server {
    /// Starts `loadtest serve` on `database_url` (as `DATABASE_URL` spells it) with `data` as
    /// its data directory; returns once it listens. Its log goes to `data/server.log`.
    pub fn start(database_url: &str, data: &Path) -> anyhow::Result<Self> {
        Self::start_binary(&std::env::current_exe()?, database_url, data)
    }

    /// [`Server::start`] with another build of this load test as the server (`bookings`
    /// compares a baseline build with this one): its `serve` migrates the database to its
    /// own schema.
    pub fn start_binary(binary: &Path, database_url: &str, data: &Path) -> anyhow::Result<Self> {
        let log = std::fs::File::create(data.join("server.log"))?;
        let mut child = Command::new(binary)
            .arg("serve")
            .env(URL_VAR, database_url)
            .env(DATA_VAR, data)
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| anyhow::anyhow!("no stdout"))?;
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line)?;
        let port: u16 = line
            .trim()
            .strip_prefix("port ")
            .and_then(|p| p.parse().ok())
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "the server did not start (see {})",
                    data.join("server.log").display()
                )
            })?;
        Ok(Self {
            child,
            base: format!("http://127.0.0.1:{port}"),
        })
    }

    /// utime + stime of the server process so far, in seconds.
    pub fn cpu_seconds(&self) -> f64 {
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap_or_default();
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

    /// A line of `/proc/PID/status` ("VmHWM", "VmRSS", "Threads"), as the kernel writes it.
    pub fn status(&self, field: &str) -> String {
        std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default()
            .lines()
            .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
            .map(|value| value.trim().to_owned())
            .unwrap_or_else(|| "unknown".into())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `loadtest serve`: the child's side (see the module docs).
pub fn serve() -> anyhow::Result<()> {
    slotbook::startup::limit_malloc_arenas();
    let url = DatabaseUrl::parse(&std::env::var(URL_VAR)?)?;
    let data = std::path::PathBuf::from(std::env::var(DATA_VAR)?);
    let mut settings = Settings::for_database(url, data);
    settings.bind = "127.0.0.1:0".parse()?;
    settings.secret_key = Some("load-test-secret-key-0123456789abcdef".into());
    // Every booking POST comes from one address.
    settings.rate_limits.booking = u32::MAX;
    slotbook::telemetry::init(&settings.log_level, settings.log_format);
    let now = super::start_of_2030()?;
    actix_web::rt::System::new().block_on(async move {
        let app = Application::build_with(
            settings,
            Dependencies {
                clock: ManualClock::new(now),
                jobs_every: None,
                // The claim queues its mails; delivering them is measured by `mail`.
                mail_every: None,
                mail_transport: Some(Transport::memory()),
                webhooks_every: None,
            },
        )
        .await?;
        println!("port {}", app.port());
        app.run_until_stopped().await?;
        Ok(())
    })
}
