//! The database layer: one connection type over PostgreSQL and SQLite, the pool, migrations,
//! write transactions, and the translation of database errors into domain errors.
//!
//! Per-backend code lives here and only here: everything above `db` calls the same
//! functions whichever database runs.

pub mod health;
pub mod models;
pub mod queue;
pub mod schema;
pub mod transfer;
pub mod types;
mod writer_gate;

use std::path::PathBuf;
use std::time::Duration;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::pg::PgConnection;
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use diesel::sqlite::SqliteConnection;
use diesel::Connection;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::domain::booking::SlotTaken;
pub use health::{checkout, Reachability};

/// A connection to whichever database `DATABASE_URL` names.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Pg(PgConnection),
    Sqlite(SqliteConnection),
}

pub type Pool = r2d2::Pool<ConnectionManager>;
pub type PooledConnection = r2d2::PooledConnection<ConnectionManager>;

const PG_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");
const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");

/// How long an SQLite statement waits for another writer's lock before "database is locked".
const SQLITE_BUSY_TIMEOUT_MS: u32 = 5000;

/// The message SQLite triggers raise when a booking would overlap a holding booking.
pub const SQLITE_SLOT_TAKEN: &str = "slotbook_slot_taken";
/// The PostgreSQL exclusion constraint that guards against overlapping bookings.
pub const PG_NO_OVERLAP_CONSTRAINT: &str = "bookings_no_overlap";

/// A parsed `DATABASE_URL`: the backend is chosen by scheme, never by trial and error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Postgres(String),
    Sqlite(PathBuf),
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("DATABASE_URL must start with sqlite:// or postgres:// (or postgresql://), got {shown:?}")]
pub struct UnsupportedDatabaseUrl {
    shown: String,
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, UnsupportedDatabaseUrl> {
        let trimmed = url.trim();
        if trimmed.starts_with("postgres://") || trimmed.starts_with("postgresql://") {
            return Ok(Self::Postgres(trimmed.to_owned()));
        }
        if let Some(path) = trimmed.strip_prefix("sqlite://") {
            if !path.is_empty() {
                return Ok(Self::Sqlite(PathBuf::from(path)));
            }
        }
        // Show only the scheme part: the rest may hold a password.
        let shown = match trimmed.split_once("://") {
            Some((scheme, _)) => format!("{scheme}://…"),
            None => trimmed.chars().take(40).collect(),
        };
        Err(UnsupportedDatabaseUrl { shown })
    }

    pub fn is_sqlite(&self) -> bool {
        matches!(self, Self::Sqlite(_))
    }

    /// Opens one connection, with libpq's or SQLite's own error on failure.
    pub fn connect(&self) -> Result<DbConnection, diesel::ConnectionError> {
        match self {
            Self::Postgres(url) => {
                PgConnection::establish(&with_connect_timeout(url)).map(DbConnection::Pg)
            }
            Self::Sqlite(path) => {
                let uri = format!("file:{}", path.display());
                let mut conn = SqliteConnection::establish(&uri)?;
                // Order matters: the busy timeout must be set before anything can wait on a lock.
                // `synchronous = FULL`: in WAL mode NORMAL may lose the last commits on power
                // loss, and a booking the guest was told about (with its queued mail) must not.
                let setup = |conn: &mut SqliteConnection, sql: &str| {
                    conn.batch_execute(sql)
                        .map_err(diesel::ConnectionError::CouldntSetupConfiguration)
                };
                setup(
                    &mut conn,
                    &format!("PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS};"),
                )?;
                enable_wal(&mut conn)
                    .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
                setup(
                    &mut conn,
                    "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
                )?;
                Ok(DbConnection::Sqlite(conn))
            }
        }
    }
}

/// Seconds libpq waits for a PostgreSQL server to answer a new connection, unless the URL
/// says otherwise. libpq's own default is to wait for the operating system (about two
/// minutes for an address that drops packets), and until a connection attempt fails the
/// pool cannot know the database is gone and answer requests at once.
const PG_CONNECT_TIMEOUT_SECS: u32 = 5;

fn with_connect_timeout(url: &str) -> String {
    if url.contains("connect_timeout=") {
        return url.to_owned();
    }
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}connect_timeout={PG_CONNECT_TIMEOUT_SECS}")
}

/// Switches a connection's file to WAL. On a fresh file the switch needs an exclusive lock,
/// and SQLite answers "database is locked" at once, without its busy handler, while another
/// process (an instance starting beside this one) holds any lock: wait for it instead.
fn enable_wal(conn: &mut SqliteConnection) -> diesel::QueryResult<()> {
    let deadline =
        std::time::Instant::now() + Duration::from_millis(u64::from(SQLITE_BUSY_TIMEOUT_MS));
    loop {
        match conn.batch_execute("PRAGMA journal_mode = WAL;") {
            Err(DieselError::DatabaseError(_, info))
                if info.message().contains("locked") && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

/// r2d2 manager that dispatches on the URL scheme (diesel's own manager would try each
/// backend in turn and could silently create an SQLite file for a mistyped URL). It records
/// whether connections open in `reachability`.
#[derive(Debug, Clone)]
pub struct ConnectionManager {
    url: DatabaseUrl,
    reachability: Reachability,
}

impl ConnectionManager {
    pub fn new(url: DatabaseUrl, reachability: Reachability) -> Self {
        Self { url, reachability }
    }
}

impl r2d2::ManageConnection for ConnectionManager {
    type Connection = DbConnection;
    type Error = diesel::ConnectionError;

    fn connect(&self) -> Result<DbConnection, Self::Error> {
        let result = self.url.connect();
        self.reachability
            .record_connect(result.as_ref().map(|_| ()));
        result
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), Self::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(diesel::ConnectionError::CouldntSetupConfiguration)
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        diesel::r2d2::R2D2Connection::is_broken(conn)
    }
}

/// Builds the pool without opening connections: the caller has already checked one.
/// Requests check connections out with [`checkout`] and the same `reachability`.
pub fn build_pool(url: &DatabaseUrl, size: u32, reachability: &Reachability) -> Pool {
    r2d2::Pool::builder()
        .max_size(size)
        .min_idle(Some(1))
        .connection_timeout(health::CHECKOUT_TIMEOUT)
        .build_unchecked(ConnectionManager::new(url.clone(), reachability.clone()))
}

/// Applies every pending migration of the backend in use; a no-op when up to date.
///
/// Any number of instances may start (or roll out a new migration) at once: the run is
/// serialized across processes, and whoever comes second finds nothing left to do. Without
/// that, two instances on a fresh PostgreSQL database race in `CREATE EXTENSION` and one
/// fails on `pg_extension_name_index`.
pub fn run_migrations(conn: &mut DbConnection) -> anyhow::Result<usize> {
    let applied = match conn {
        DbConnection::Pg(c) => with_migration_lock(c, |c| {
            c.run_pending_migrations(PG_MIGRATIONS).map(|v| v.len())
        }),
        DbConnection::Sqlite(c) => sqlite_migrate_exclusively(c, |c| {
            c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len())
        }),
    };
    applied.map_err(|e| anyhow::anyhow!("migrations failed: {e}"))
}

type MigrationResult<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// The session-level advisory lock key of migration runs. The two-integer key space never
/// meets the single-bigint keys of `lock_provider_schedule`.
const MIGRATION_LOCK: (i32, i32) = (0x736c_6f74, 1);

/// Runs `f` holding the migration lock; it is released afterwards whatever `f` returned
/// (and by PostgreSQL itself if this connection dies first).
fn with_migration_lock<T>(
    conn: &mut PgConnection,
    f: impl FnOnce(&mut PgConnection) -> MigrationResult<T>,
) -> MigrationResult<T> {
    use diesel::sql_types::Integer;
    use diesel::RunQueryDsl;
    diesel::sql_query("SELECT pg_advisory_lock($1, $2)")
        .bind::<Integer, _>(MIGRATION_LOCK.0)
        .bind::<Integer, _>(MIGRATION_LOCK.1)
        .execute(conn)?;
    let result = f(conn);
    let unlocked = diesel::sql_query("SELECT pg_advisory_unlock($1, $2)")
        .bind::<Integer, _>(MIGRATION_LOCK.0)
        .bind::<Integer, _>(MIGRATION_LOCK.1)
        .execute(conn);
    let value = result?;
    unlocked?;
    Ok(value)
}

/// How long a starting instance waits for another one's migration run on SQLite.
const SQLITE_MIGRATION_WAIT_MS: u32 = 120_000;

/// Runs `f` inside one `BEGIN IMMEDIATE` transaction: SQLite's write lock serializes
/// processes migrating one file, and each migration becomes a savepoint inside it.
fn sqlite_migrate_exclusively<T>(
    conn: &mut SqliteConnection,
    f: impl FnOnce(&mut SqliteConnection) -> MigrationResult<T>,
) -> MigrationResult<T> {
    conn.batch_execute(&format!("PRAGMA busy_timeout = {SQLITE_MIGRATION_WAIT_MS}"))?;
    let result = run_in_immediate_transaction(conn, f);
    let restored = conn.batch_execute(&format!("PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}"));
    let value = result?;
    restored?;
    Ok(value)
}

fn run_in_immediate_transaction<T>(
    conn: &mut SqliteConnection,
    f: impl FnOnce(&mut SqliteConnection) -> MigrationResult<T>,
) -> MigrationResult<T> {
    AnsiTransactionManager::begin_transaction_sql(conn, "BEGIN IMMEDIATE")?;
    match f(conn) {
        Ok(value) => {
            AnsiTransactionManager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(e) => {
            if let Err(rollback) = AnsiTransactionManager::rollback_transaction(conn) {
                tracing::error!(error = %rollback, "rollback of a migration run failed");
            }
            Err(e)
        }
    }
}

/// True when every embedded migration has been applied.
pub fn migrations_current(conn: &mut DbConnection) -> anyhow::Result<bool> {
    let pending = match conn {
        DbConnection::Pg(c) => c.has_pending_migration(PG_MIGRATIONS),
        DbConnection::Sqlite(c) => c.has_pending_migration(SQLITE_MIGRATIONS),
    };
    pending
        .map(|p| !p)
        .map_err(|e| anyhow::anyhow!("cannot read migrations: {e}"))
}

/// Errors a write transaction may be retried after.
pub trait TransactionError: From<DieselError> {
    fn is_transient(&self) -> bool;
}

impl TransactionError for StoreError {
    fn is_transient(&self) -> bool {
        matches!(self, StoreError::Busy)
    }
}

const TRANSIENT_RETRIES: usize = 4;

/// Runs `f` in a transaction that may read and then write, retrying it a few times when the
/// database aborts it for a transient reason.
///
/// On SQLite it starts with `BEGIN IMMEDIATE`: a deferred transaction that reads and then
/// writes can fail with "database is locked" even with a busy timeout, because SQLite refuses
/// to upgrade a read lock while another writer waits. On PostgreSQL, concurrent inserts that
/// meet in the exclusion constraint can deadlock; PostgreSQL aborts one, and its retry then
/// sees the committed winner and fails cleanly as `SlotTaken`.
pub fn write_transaction<T, E, F>(conn: &mut DbConnection, mut f: F) -> Result<T, E>
where
    F: FnMut(&mut DbConnection) -> Result<T, E>,
    E: TransactionError,
{
    let mut attempt = 0;
    loop {
        let result = match conn {
            DbConnection::Pg(_) => conn.transaction(&mut f),
            DbConnection::Sqlite(_) => {
                writer_gate::serialized(|| sqlite_immediate_transaction(conn, &mut f))
            }
        };
        match result {
            Err(e) if e.is_transient() && attempt < TRANSIENT_RETRIES => {
                attempt += 1;
                tracing::debug!(attempt, "retrying a transaction after a transient abort");
                std::thread::sleep(Duration::from_millis(5 * attempt as u64));
            }
            other => return other,
        }
    }
}

fn sqlite_immediate_transaction<T, E, F>(conn: &mut DbConnection, f: &mut F) -> Result<T, E>
where
    F: FnMut(&mut DbConnection) -> Result<T, E>,
    E: From<DieselError>,
{
    with_sqlite(conn, |c| {
        AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")
    })?;
    match f(conn) {
        Ok(value) => {
            with_sqlite(conn, AnsiTransactionManager::commit_transaction)?;
            Ok(value)
        }
        Err(e) => {
            if let Err(rollback) = with_sqlite(conn, AnsiTransactionManager::rollback_transaction) {
                tracing::error!(error = %rollback, "rollback failed");
            }
            Err(e)
        }
    }
}

/// Serializes writers of one provider's schedule until the transaction ends.
///
/// The database guard alone is correct, but on PostgreSQL concurrent inserts that collide in
/// the exclusion constraint wait on each other and deadlock; taking a per-provider advisory
/// lock first makes them queue instead. On SQLite the database lock already serializes
/// writers, so this is a no-op there.
pub fn lock_provider_schedule(
    conn: &mut DbConnection,
    provider_id: uuid::Uuid,
) -> diesel::QueryResult<()> {
    use diesel::RunQueryDsl;
    if let DbConnection::Pg(pg) = conn {
        let bytes = provider_id.as_bytes();
        let mut key = [0u8; 8];
        key.copy_from_slice(&bytes[8..]);
        diesel::sql_query("SELECT pg_advisory_xact_lock($1)")
            .bind::<diesel::sql_types::BigInt, _>(i64::from_be_bytes(key))
            .execute(pg)?;
    }
    Ok(())
}

fn with_sqlite<T>(
    conn: &mut DbConnection,
    f: impl FnOnce(&mut SqliteConnection) -> diesel::QueryResult<T>,
) -> diesel::QueryResult<T> {
    match conn {
        DbConnection::Sqlite(c) => f(c),
        DbConnection::Pg(_) => Err(DieselError::NotInTransaction),
    }
}

/// What a database error means to the application.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The no-overlap guard refused the write.
    #[error(transparent)]
    SlotTaken(#[from] SlotTaken),
    /// A unique constraint refused the write (the constraint or index name, when known).
    #[error("unique constraint violated: {0}")]
    Duplicate(String),
    /// SQLite stayed locked past the busy timeout, or PostgreSQL aborted the transaction
    /// (deadlock, serialization failure): worth retrying.
    #[error("the database is busy")]
    Busy,
    #[error("no matching row")]
    NotFound,
    /// A message could not be rendered inside a transaction (rolled back). The renderer's
    /// error stays the source, so the logged cause chain says what failed and why.
    #[error("cannot compose a message")]
    Compose(#[source] anyhow::Error),
    #[error(transparent)]
    Pool(#[from] r2d2::Error),
    #[error(transparent)]
    Other(DieselError),
}

impl From<DieselError> for StoreError {
    fn from(error: DieselError) -> Self {
        classify(error)
    }
}

/// The one place that reads backend-specific error details.
pub fn classify(error: DieselError) -> StoreError {
    match &error {
        DieselError::NotFound => StoreError::NotFound,
        DieselError::DatabaseError(kind, info) => {
            let message = info.message();
            match kind {
                DatabaseErrorKind::ExclusionViolation
                    if info.constraint_name() == Some(PG_NO_OVERLAP_CONSTRAINT) =>
                {
                    StoreError::SlotTaken(SlotTaken)
                }
                _ if message.contains(SQLITE_SLOT_TAKEN) => StoreError::SlotTaken(SlotTaken),
                DatabaseErrorKind::UniqueViolation => StoreError::Duplicate(
                    info.constraint_name()
                        .map(str::to_owned)
                        .unwrap_or_else(|| message.to_owned()),
                ),
                DatabaseErrorKind::SerializationFailure => StoreError::Busy,
                _ if message.contains("deadlock detected")
                    || message.contains("database is locked")
                    || message.contains("database table is locked") =>
                {
                    StoreError::Busy
                }
                _ => StoreError::Other(error),
            }
        }
        _ => StoreError::Other(error),
    }
}

pub type StoreResult<T> = Result<T, StoreError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_urls_are_chosen_by_scheme_only() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://./data/x.db"),
            Ok(DatabaseUrl::Sqlite(PathBuf::from("./data/x.db")))
        );
        assert!(matches!(
            DatabaseUrl::parse("postgresql://u@h/db"),
            Ok(DatabaseUrl::Postgres(_))
        ));
        for bad in ["mysql://root@x/db", "./x", "sqlit://x.db", "sqlite://", ""] {
            assert!(DatabaseUrl::parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn postgres_connections_give_up_after_a_connect_timeout_unless_the_url_sets_one() {
        assert_eq!(
            with_connect_timeout("postgres://u@db/app"),
            "postgres://u@db/app?connect_timeout=5"
        );
        assert_eq!(
            with_connect_timeout("postgres://u@db/app?sslmode=require"),
            "postgres://u@db/app?sslmode=require&connect_timeout=5"
        );
        assert_eq!(
            with_connect_timeout("postgres://u@db/app?connect_timeout=30"),
            "postgres://u@db/app?connect_timeout=30"
        );
    }

    #[test]
    fn refused_urls_do_not_echo_passwords() {
        let error = DatabaseUrl::parse("mysql://root:hunter2@x/db").unwrap_err();
        let text = error.to_string();
        assert!(text.contains("DATABASE_URL") && text.contains("mysql://"));
        assert!(!text.contains("hunter2"));
    }

    #[test]
    fn a_composing_error_keeps_its_whole_cause_chain() {
        let cause = anyhow::anyhow!("template `email/reminder/text.txt` failed")
            .context("rendering the reminder of booking 42");
        let error = anyhow::Error::new(StoreError::Compose(cause));
        assert_eq!(
            format!("{error:#}"),
            "cannot compose a message: rendering the reminder of booking 42: \
             template `email/reminder/text.txt` failed"
        );
        let chain: Vec<String> = error.chain().map(ToString::to_string).collect();
        assert_eq!(
            chain,
            [
                "cannot compose a message",
                "rendering the reminder of booking 42",
                "template `email/reminder/text.txt` failed",
            ]
        );
    }
}
