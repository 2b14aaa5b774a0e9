//! Operations (issue 14): metrics, backups and restore, the SQLite → PostgreSQL copy, and
//! stopping on SIGTERM, on both backends.

mod backup;
mod copy;
mod copy_fixture;
mod metrics;
mod shutdown;

use std::path::Path;
use std::process::Command;

use slotbook::db::DatabaseUrl;

/// The real binary with a clean environment: only what the test passes reaches it.
pub fn slotbook(data_dir: &Path, database_url: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_slotbook"));
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("DATA_DIR", data_dir)
        .env("SECRET_KEY", "operations-test-secret-key-0123456789abcdef")
        .env("LOG_LEVEL", "info")
        .env("LOG_FORMAT", "json")
        .env("DATABASE_URL", database_url);
    command
}

/// `DATABASE_URL` text for a parsed URL.
pub fn url_text(url: &DatabaseUrl) -> String {
    match url {
        DatabaseUrl::Postgres(url) => url.clone(),
        DatabaseUrl::Sqlite(path) => format!("sqlite://{}", path.display()),
    }
}

/// Runs a command to its end; panics with its output unless it succeeded. Returns stdout.
pub fn succeed(command: &mut Command) -> String {
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{command:?} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Runs a command that must fail; returns its stderr.
pub fn fail(command: &mut Command) -> String {
    let output = command.output().unwrap();
    assert!(!output.status.success(), "{command:?} succeeded");
    String::from_utf8_lossy(&output.stderr).into_owned()
}
