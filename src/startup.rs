//! Builds the application: settings in, a running server out. Tests use the very same path
//! with port 0 and their own clock.

use std::fs;
use std::io::Write;
use std::net::TcpListener;
use std::path::Path;
use std::sync::Arc;

use actix_session::config::{CookieContentSecurity, PersistentSession, TtlExtensionPolicy};
use actix_session::SessionMiddleware;
use actix_web::cookie::{Key, SameSite};
use actix_web::dev::Server;
use actix_web::middleware::{
    from_fn, Compress, Condition, DefaultHeaders, NormalizePath, TrailingSlash,
};
use actix_web::{web, App, HttpServer};
use anyhow::Context as _;
use tracing_actix_web::TracingLogger;

use crate::auth::session_store::{answer_store_failures, DbSessionStore, SessionPolicy};
use crate::clock::{SharedClock, SystemClock};
use crate::config::Settings;
use crate::db::models::availability::ScheduleCache;
use crate::db::models::service_pages::ServicePageCache;
use crate::db::{self, DatabaseUrl, Pool};
use crate::email::{self, Mailer};
use crate::ops::metrics::Metrics;
use crate::ops::requests::{self, RequestSpan};
use crate::rate_limit::RateLimiter;
use crate::routes;
use crate::telemetry;

use crate::state::AppState;

/// glibc's malloc arenas at most (its default is eight per core). Without a cap, each
/// blocking thread that allocates while another holds an arena's lock gets an arena of its
/// own, and memory freed in one arena is not reused by another: under 32 concurrent month
/// pages that raised the peak RSS by a few MB for no speed (measured in issue 15's notes).
const MALLOC_ARENAS: i32 = 2;

/// Caps glibc's malloc arenas at [`MALLOC_ARENAS`] unless `MALLOC_ARENA_MAX` is set (glibc
/// has then applied the operator's choice itself). Call first thing in `main`, before any
/// thread starts.
pub fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: mallopt only sets an allocator parameter; no other thread runs yet.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, MALLOC_ARENAS);
        }
    }
}

/// Things tests replace.
pub struct Dependencies {
    pub clock: SharedClock,
    /// Every this often the hold sweeper and reminders run; `None` leaves them to the
    /// caller (tests call `jobs::run_once` after moving their clock).
    pub jobs_every: Option<std::time::Duration>,
    /// Replaces the mail transport `SMTP_URL` would choose (tests: `Transport::memory()`).
    pub mail_transport: Option<email::Transport>,
    /// Every this often the outbox worker delivers due mail; `None` leaves it to the caller
    /// (tests call `email::worker::deliver_due` after moving their clock).
    pub mail_every: Option<std::time::Duration>,
    /// Every this often due webhook events are delivered; `None` leaves it to the caller
    /// (tests call `webhooks::deliver_due` after moving their clock).
    pub webhooks_every: Option<std::time::Duration>,
}

impl Default for Dependencies {
    fn default() -> Self {
        Self {
            clock: Arc::new(SystemClock),
            jobs_every: Some(std::time::Duration::from_secs(30)),
            mail_transport: None,
            mail_every: Some(std::time::Duration::from_secs(1)),
            webhooks_every: Some(std::time::Duration::from_secs(1)),
        }
    }
}

pub struct Application {
    port: u16,
    server: Server,
    state: AppState,
    mail_worker: Option<email::worker::Worker>,
    /// The `METRICS_BIND` listener and its port.
    metrics_server: Option<(Server, u16)>,
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        Self::build_with(settings, Dependencies::default()).await
    }

    pub async fn build_with(settings: Settings, deps: Dependencies) -> anyhow::Result<Self> {
        prepare_data_dir(&settings)?;
        let key = load_or_create_secret_key(&settings)?;
        let reachability = db::Reachability::default();
        let pool = connect_and_migrate_watched(&settings, &reachability).await?;
        let listener = TcpListener::bind(settings.bind)
            .with_context(|| format!("cannot listen on BIND={}", settings.bind))?;
        let port = listener.local_addr()?.port();
        let mailer = Mailer::from_settings(&settings, deps.mail_transport)?;
        tracing::info!(transport = %mailer.describe(), "outgoing mail");
        let state = AppState {
            pool,
            reachability,
            mailer,
            settings: Arc::new(settings),
            rate_limiter: Arc::new(RateLimiter::new(deps.clock.clone())),
            clock: deps.clock,
            metrics: Metrics::new(),
            sealer: crate::sealed::Sealer::new(key.master()),
            calendar_wake: Arc::new(tokio::sync::Notify::new()),
            schedules: Arc::new(ScheduleCache::new()),
            pages: Arc::new(ServicePageCache::new()),
        };
        let metrics_server = match state.settings.metrics.bind {
            Some(bind) => Some(run_metrics_listener(bind, state.clone())?),
            None => None,
        };
        let server = run(listener, state.clone(), key)?;
        if let Some(every) = deps.jobs_every {
            actix_web::rt::spawn(crate::jobs::run_forever(state.clone(), every));
            // On the jobs' tick; each calendar source keeps its own refresh schedule.
            actix_web::rt::spawn(crate::calendars::run_forever(state.clone(), every));
            actix_web::rt::spawn(crate::calendar_writes::run_forever(state.clone(), every));
        }
        if let Some(every) = deps.webhooks_every {
            actix_web::rt::spawn(crate::webhooks::run_forever(state.clone(), every));
        }
        let mail_worker = deps
            .mail_every
            .map(|every| email::worker::Worker::spawn(state.clone(), every));
        Ok(Self {
            port,
            server,
            state,
            mail_worker,
            metrics_server,
        })
    }

    /// The port of the `METRICS_BIND` listener, when there is one.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics_server.as_ref().map(|(_, port)| *port)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// A handle that stops the server (tests stop theirs before the runtime goes away, so
    /// no worker thread outlives the test).
    pub fn server_handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        // A server serves only while awaited: the metrics listener runs beside the main one.
        let metrics_server = self.metrics_server.map(|(server, _)| {
            let handle = server.handle();
            (handle, actix_web::rt::spawn(server))
        });
        // On SIGTERM (or a stop through the handle) the server stops accepting, lets the
        // requests in flight finish (at most SHUTDOWN_TIMEOUT_SECS) and returns.
        let result = self.server.await;
        tracing::info!("stopped accepting requests; finishing background work");
        // The server has drained its requests; let the mail in flight finish too.
        if let Some(worker) = self.mail_worker {
            worker.stop().await;
        }
        if let Some((handle, task)) = metrics_server {
            handle.stop(true).await;
            let _ = task.await;
        }
        result
    }
}

/// Opens one connection first so a refused PostgreSQL shows libpq's own error, then
/// applies migrations and builds the pool. Creates the SQLite file's directory first.
pub async fn connect_and_migrate(settings: &Settings) -> anyhow::Result<Pool> {
    connect_and_migrate_watched(settings, &db::Reachability::default()).await
}

/// `connect_and_migrate` with a pool that records in `reachability` whether connections open.
async fn connect_and_migrate_watched(
    settings: &Settings,
    reachability: &db::Reachability,
) -> anyhow::Result<Pool> {
    prepare_data_dir(settings)?;
    let url = settings.database_url.clone();
    let size = settings.db_pool_size;
    let reachability = reachability.clone();
    telemetry::spawn_blocking(move || -> anyhow::Result<Pool> {
        let mut conn = url.connect().map_err(|e| describe_connect_error(&url, e))?;
        let applied = db::run_migrations(&mut conn)?;
        if applied > 0 {
            tracing::info!(applied, "database migrations applied");
        }
        Ok(db::build_pool(&url, size, &reachability))
    })
    .await?
}

fn describe_connect_error(url: &DatabaseUrl, error: diesel::ConnectionError) -> anyhow::Error {
    match url {
        DatabaseUrl::Postgres(_) => {
            anyhow::anyhow!("cannot connect to PostgreSQL (DATABASE_URL): {error}")
        }
        DatabaseUrl::Sqlite(path) => {
            anyhow::anyhow!(
                "cannot open SQLite database {} (DATABASE_URL): {error}",
                path.display()
            )
        }
    }
}

/// Creates `DATA_DIR` and the directory of the SQLite file when missing.
pub fn prepare_data_dir(settings: &Settings) -> anyhow::Result<()> {
    fs::create_dir_all(&settings.data_dir)
        .with_context(|| format!("cannot create DATA_DIR {}", settings.data_dir.display()))?;
    if let DatabaseUrl::Sqlite(path) = &settings.database_url {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent)
                .with_context(|| format!("cannot create directory {}", parent.display()))?;
        }
    }
    Ok(())
}

/// `SECRET_KEY` when set; otherwise 64 random bytes kept in `DATA_DIR/secret_key` (mode
/// 0600), created on first start so sessions survive restarts.
pub fn load_or_create_secret_key(settings: &Settings) -> anyhow::Result<Key> {
    if let Some(secret) = &settings.secret_key {
        return Ok(Key::derive_from(secret.as_bytes()));
    }
    let path = settings.data_dir.join("secret_key");
    match fs::read(&path) {
        Ok(bytes) if bytes.len() >= 64 => Ok(Key::from(&bytes[..64])),
        Ok(_) => anyhow::bail!(
            "{} is shorter than 64 bytes: delete it to generate a new one, or set SECRET_KEY",
            path.display()
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => write_new_key(&path),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
}

fn write_new_key(path: &Path) -> anyhow::Result<Key> {
    use rand::RngCore;
    let mut bytes = [0u8; 64];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(&bytes)?;
    tracing::info!(path = %path.display(), "generated a new secret key");
    Ok(Key::from(&bytes))
}

/// Sent only when `BASE_URL` is https: browsers then refuse plain http for a year.
const HSTS: &str = "max-age=31536000; includeSubDomains";

/// Blocking threads per server worker: across workers as many as the pool has connections,
/// at least two per worker. Database work is most of what runs there (argon2 the rest), and
/// a thread beyond the pool's size would only wait for a connection while holding its
/// stack and a malloc arena: under 32 concurrent requests actix's default (512 / workers)
/// grew to one thread per request. Tokio queues the excess work instead, in order.
fn blocking_threads_per_worker(pool_size: u32, workers: usize) -> usize {
    usize::try_from(pool_size)
        .unwrap_or(usize::MAX)
        .div_ceil(workers.max(1))
        .max(2)
}

fn run(listener: TcpListener, state: AppState, key: Key) -> anyhow::Result<Server> {
    let workers = std::thread::available_parallelism().map_or(2, usize::from);
    let blocking_threads = blocking_threads_per_worker(state.settings.db_pool_size, workers);
    let secure = state.settings.secure_cookies();
    let policy = SessionPolicy::new(state.settings.sessions);
    let store = DbSessionStore::new(state.clone());
    let shutdown_timeout = state.settings.shutdown_timeout_secs;
    let metrics = state.metrics.clone();
    let data = web::Data::new(state);
    let server = HttpServer::new(move || {
        // The cookie holds only the session's random id, signed; the state is in the
        // database, and the server alone decides when a session ends (idle or too old).
        let session = SessionMiddleware::builder(store.clone(), key.clone())
            .cookie_name(routes::compression::SESSION_COOKIE.to_owned())
            .cookie_secure(secure)
            .cookie_http_only(true)
            .cookie_same_site(SameSite::Lax)
            .cookie_content_security(CookieContentSecurity::Signed)
            .session_lifecycle(
                PersistentSession::default()
                    .session_ttl(policy.cookie_max_age())
                    .session_ttl_extension_policy(TtlExtensionPolicy::OnStateChanges),
            )
            .build();
        App::new()
            // Inside the session middleware: it reads who is signed in.
            .wrap(from_fn(routes::cache_control::apply))
            // Inside the session middleware: a signed-in provider's language is in it.
            .wrap(from_fn(routes::language::negotiate))
            .wrap(session)
            .wrap(from_fn(answer_store_failures))
            .wrap(NormalizePath::new(TrailingSlash::Trim))
            // Panics in what it wraps become the 500 page; control characters in paths 404.
            .wrap(crate::boundary::RequestBoundary)
            .wrap(
                DefaultHeaders::new()
                    .add(("Content-Security-Policy", routes::CSP))
                    .add(("X-Content-Type-Options", "nosniff"))
                    .add(("Referrer-Policy", "same-origin"))
                    .add(("X-Frame-Options", "DENY")),
            )
            // Outside the defaults: an embedded page's frame-ancestors replace 'none'.
            .wrap(from_fn(routes::frame_policy))
            .wrap(Condition::new(
                secure,
                DefaultHeaders::new().add(("Strict-Transport-Security", HSTS)),
            ))
            // gzip or brotli when the client accepts it, except answers that may hold a
            // session's secrets (see `routes::compression`).
            .wrap(Compress::default())
            .wrap(from_fn(routes::compression::secrets_uncompressed))
            // Request id header, one log line per request, request metrics.
            .wrap(from_fn(requests::observe))
            .wrap(TracingLogger::<RequestSpan>::new())
            .app_data(data.clone())
            .app_data(metrics.clone())
            .configure(routes::configure)
    })
    // A compressed answer goes out as the head and then the body in separate writes; with
    // Nagle's algorithm the body waited for the client's delayed ACK of the head (about
    // 20 ms a page at concurrency 1, measured with wrk and `Accept-Encoding: br`).
    .on_connect(|connection, _| {
        if let Some(tcp) = connection.downcast_ref::<actix_web::rt::net::TcpStream>() {
            if let Err(error) = tcp.set_nodelay(true) {
                tracing::debug!(%error, "TCP_NODELAY not set on a connection");
            }
        }
    })
    .shutdown_timeout(shutdown_timeout)
    .workers(workers)
    .worker_max_blocking_threads(blocking_threads)
    .listen(listener)?
    .run();
    Ok(server)
}

/// The `METRICS_BIND` listener: `/metrics` only, one worker, stopped after the main server
/// (it leaves signals to the main server).
fn run_metrics_listener(
    bind: std::net::SocketAddr,
    state: AppState,
) -> anyhow::Result<(Server, u16)> {
    let listener =
        TcpListener::bind(bind).with_context(|| format!("cannot listen on METRICS_BIND={bind}"))?;
    let port = listener.local_addr()?.port();
    let metrics = state.metrics.clone();
    let data = web::Data::new(state);
    let server = HttpServer::new(move || {
        App::new()
            .app_data(data.clone())
            .app_data(metrics.clone())
            .configure(routes::ops::configure_metrics_listener)
    })
    .workers(1)
    .disable_signals()
    .listen(listener)?
    .run();
    tracing::info!(port, "metrics are served on METRICS_BIND");
    Ok((server, port))
}

#[cfg(test)]
mod tests {
    use super::blocking_threads_per_worker;

    #[test]
    fn blocking_threads_match_the_pool_across_workers_with_two_per_worker_at_least() {
        assert_eq!(blocking_threads_per_worker(16, 2), 8);
        assert_eq!(blocking_threads_per_worker(5, 2), 3);
        assert_eq!(blocking_threads_per_worker(1, 4), 2);
        assert_eq!(blocking_threads_per_worker(16, 0), 16);
    }
}
