//! Logging setup and the helper that runs blocking work (diesel, argon2) off the async
//! threads without losing the request's tracing span.

use tracing_subscriber::{fmt, EnvFilter};

use crate::config::LogFormat;

/// Installs the global subscriber; later calls (several apps in one test binary) are no-ops.
pub fn init(level: &str, format: LogFormat) {
    let filter = EnvFilter::try_new(level).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().try_init(),
    };
}

/// Runs `f` on the blocking thread pool inside the caller's span.
pub async fn spawn_blocking<F, T>(f: F) -> Result<T, tokio::task::JoinError>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let span = tracing::Span::current();
    tokio::task::spawn_blocking(move || span.in_scope(f)).await
}

tokio::task_local! {
    /// The id of the request whose future is running (see `ops::requests`).
    static REQUEST_ID: String;
}

/// Runs `future` as the handling of request `id`: error pages rendered inside it show the id.
pub async fn with_request_id<F: std::future::Future>(id: String, future: F) -> F::Output {
    REQUEST_ID.scope(id, future).await
}

/// Runs `f` as part of request `id` (an error page rendered after the request's future).
pub fn in_request<R>(id: String, f: impl FnOnce() -> R) -> R {
    REQUEST_ID.sync_scope(id, f)
}

/// The id of the request being handled, when there is one (shown on the 500 page so a
/// person can quote it and an operator find the log lines).
pub fn request_id() -> Option<String> {
    REQUEST_ID.try_with(Clone::clone).ok()
}
