//! A PostgreSQL outage, made without stopping the shared server: pages answer the 503 page
//! at once instead of after the pool's 10 s checkout timeout, and serve again by themselves.
//! Two kinds of outage: the database refuses connections (`ALLOW_CONNECTIONS false`, open
//! ones terminated), and the server is gone (a TCP proxy in the test stops listening and
//! drops its connections, as a stopped PostgreSQL would). SQLite has no such outage; the
//! busy-pool test runs on both backends.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use diesel::{Connection, RunQueryDsl};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::AbortHandle;

use slotbook::db::DatabaseUrl;

use crate::helpers::{postgres_admin_url, spawn_app, spawn_app_with, Backend, TestApp};

crate::on_both_backends!(a_busy_pool_still_waits_for_a_connection_instead_of_answering_503);

/// Far under the 10 s the pages took before: a behaviour bound, not a benchmark.
const BOUND: Duration = Duration::from_secs(5);

/// Single and twenty concurrent requests get the 503 page with `Retry-After: 2` within
/// [`BOUND`], and `/readyz` says why.
async fn assert_answers_503_at_once(app: &TestApp) {
    for attempt in 0..3 {
        let started = Instant::now();
        let page = app.get("/alice").await;
        let took = started.elapsed();
        assert_eq!(page.status(), 503, "attempt {attempt}");
        assert_eq!(page.headers()["retry-after"], "2");
        assert!(took < BOUND, "attempt {attempt} took {took:?}");
    }
    // Twenty at once: none of them holds a worker for the checkout timeout.
    let started = Instant::now();
    let pages: Vec<_> = (0..20)
        .map(|_| {
            let (client, url) = (app.client.clone(), app.url("/alice"));
            tokio::spawn(async move { client.get(url).send().await.unwrap().status() })
        })
        .collect();
    for page in pages {
        assert_eq!(page.await.unwrap(), 503);
    }
    let took = started.elapsed();
    assert!(took < BOUND, "twenty concurrent requests took {took:?}");
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), 503);
    assert_eq!(
        ready.text().await.unwrap(),
        "not ready: database unreachable"
    );
}

/// Pages and `/readyz` are back within 30 s of the database, with no restart.
async fn assert_recovers(app: &TestApp) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let status = app.get("/alice").await.status();
        if status == 200 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "still {status} 30 s after the database came back"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(app.get("/readyz").await.status(), 200);
}

// ---- The database refuses connections ----

fn on_database(admin_url: &str, sql: &str) {
    let mut admin = diesel::PgConnection::establish(admin_url).unwrap();
    diesel::sql_query(sql).execute(&mut admin).unwrap();
}

/// Takes the app's database away without touching the shared server: no new connections
/// (`ALLOW_CONNECTIONS false`, which binds superusers too) and the open ones terminated.
fn cut(admin_url: &str, name: &str) {
    on_database(
        admin_url,
        &format!("ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false"),
    );
    on_database(
        admin_url,
        &format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = '{name}' AND pid <> pg_backend_pid()"
        ),
    );
}

fn restore(admin_url: &str, name: &str) {
    on_database(
        admin_url,
        &format!("ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS true"),
    );
}

/// `ALLOW_CONNECTIONS false` binds superusers too; the shared server keeps running.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_that_refuses_connections_answers_503_at_once_and_recovers() {
    let Some(app) = spawn_app(Backend::Postgres).await else {
        return;
    };
    app.create_provider("alice").await;
    assert_eq!(app.get("/alice").await.status(), 200);
    let (admin_url, name) = app.postgres_database().unwrap();
    cut(&admin_url, &name);
    assert_answers_503_at_once(&app).await;
    restore(&admin_url, &name);
    assert_recovers(&app).await;
}

// ---- The server is gone ----

/// A TCP proxy to the PostgreSQL server that can be stopped (its port then refuses
/// connections and the connections it carried are closed) and started again on the same
/// port.
struct Proxy {
    port: u16,
    upstream: String,
    tasks: Arc<Mutex<Vec<AbortHandle>>>,
}

impl Proxy {
    async fn start(upstream: String) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let proxy = Self {
            port: listener.local_addr().unwrap().port(),
            upstream,
            tasks: Arc::default(),
        };
        proxy.serve(listener);
        proxy
    }

    fn serve(&self, listener: TcpListener) {
        let (upstream, tasks) = (self.upstream.clone(), self.tasks.clone());
        let accept = tokio::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                let upstream = upstream.clone();
                let pipe = tokio::spawn(async move {
                    if let Ok(mut server) = TcpStream::connect(upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
                tasks.lock().unwrap().push(pipe.abort_handle());
            }
        });
        self.tasks.lock().unwrap().push(accept.abort_handle());
    }

    /// Closes the port and every connection through it.
    fn stop(&self) {
        for task in self.tasks.lock().unwrap().drain(..) {
            task.abort();
        }
    }

    async fn restart(&self) {
        let listener = TcpListener::bind(("127.0.0.1", self.port)).await.unwrap();
        self.serve(listener);
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.stop();
    }
}

/// `host:port` of a `postgres://user@host:port/db?…` URL (5432 when not given).
fn host_and_port(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let after_user = after_scheme
        .rsplit_once('@')
        .map_or(after_scheme, |(_, rest)| rest);
    let authority = after_user.split(['/', '?']).next().unwrap_or(after_user);
    if authority.contains(':') {
        authority.to_owned()
    } else {
        format!("{authority}:5432")
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stopped_database_server_answers_503_at_once_and_recovers() {
    let proxy = Proxy::start(host_and_port(&postgres_admin_url())).await;
    let port = proxy.port;
    let Some(app) = spawn_app_with(Backend::Postgres, move |settings| {
        if let DatabaseUrl::Postgres(url) = &settings.database_url {
            let through = url.replacen(&host_and_port(url), &format!("127.0.0.1:{port}"), 1);
            settings.database_url = DatabaseUrl::Postgres(through);
        }
    })
    .await
    else {
        return;
    };
    assert!(
        matches!(&app.state.settings.database_url, DatabaseUrl::Postgres(url) if url.contains(&format!(":{port}/"))),
        "the app goes through the proxy"
    );
    app.create_provider("alice").await;
    assert_eq!(app.get("/alice").await.status(), 200);
    proxy.stop();
    assert_answers_503_at_once(&app).await;
    proxy.restart().await;
    assert_recovers(&app).await;
}

// ---- Busy is not down ----

/// The fast 503 is for an unreachable database only: when every connection is merely in
/// use, a request still waits for one and gets its page.
async fn a_busy_pool_still_waits_for_a_connection_instead_of_answering_503(backend: Backend) {
    let Some(app) = crate::helpers::spawn_app_with(backend, |s| s.db_pool_size = 1).await else {
        return;
    };
    app.create_provider("alice").await;
    let pool = app.state.pool.clone();
    let (taken_tx, taken_rx) = tokio::sync::oneshot::channel();
    let holder = tokio::task::spawn_blocking(move || {
        let conn = pool.get().unwrap();
        let _ = taken_tx.send(());
        std::thread::sleep(Duration::from_millis(1500));
        drop(conn);
    });
    taken_rx.await.unwrap();
    let started = std::time::Instant::now();
    let page = app.get("/alice").await;
    assert_eq!(page.status(), 200, "waited for the connection");
    assert!(started.elapsed() >= Duration::from_millis(1000));
    holder.await.unwrap();
}
