//! `slotbook copy --from sqlite://… --to postgres://…`: moves an instance from SQLite to
//! PostgreSQL, or back with `--from postgres://… --to sqlite://…`. Both databases are
//! migrated first; the target must hold no rows. Every table is copied in one transaction
//! on the target, keeping ids, hashes and timestamps; before it commits, the row counts are
//! compared table by table and the double-booking guard is checked. Any failure rolls the
//! whole copy back.
//!
//! [`TABLES`] is the one list of what is copied. A table that either database has and the
//! list lacks stops the copy (and fails `tests/api/operations/copy.rs`), so a table added
//! by a later migration cannot be skipped silently: add it to the list.

use anyhow::{bail, Context as _};

use crate::db::transfer::{self, TableCopy};
use crate::db::{self, DatabaseUrl, DbConnection};

/// Every application table, parents before children (rows are inserted in this order and
/// foreign keys are checked as they go).
pub const TABLES: &[&str] = &[
    "users",
    "teams",
    "handles",
    "team_members",
    "team_invitations",
    "services",
    "team_services",
    "team_service_hosts",
    "availability_rules",
    "date_overrides",
    "time_off",
    "bookings",
    "booking_hosts",
    "booking_tokens",
    "booking_events",
    "booking_event_counts",
    "outbox",
    "account_tokens",
    "sessions",
    "api_tokens",
    "webhook_endpoints",
    "webhook_deliveries",
    "webhook_attempts",
    "calendar_accounts",
    "calendar_sources",
    "calendar_busy_blocks",
    "provider_looks",
    "team_agenda_sent",
    "calendar_writes",
    "schedule_version_shards",
];

/// Views that `src/db/schema.rs` declares for reading: computed from the tables above, so
/// nothing of them is copied.
pub const VIEWS: &[&str] = &["schedule_versions"];

/// Tables whose rows triggers write as their parents are copied (a user's or team's
/// handle; a booking's first host row; a user's schedule version shards). Copying them adds
/// only the rows no trigger wrote (a collective booking's other hosts) and the row count
/// still has to match.
pub const DERIVED: &[&str] = &["handles", "booking_hosts", "schedule_version_shards"];

/// What was copied: (table, rows), in copy order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyReport {
    pub tables: Vec<(String, i64)>,
}

/// Refuses when `tables` (as a database lists its own) differ from [`TABLES`].
pub fn check_table_list(database: &str, mut tables: Vec<String>) -> anyhow::Result<()> {
    tables.sort();
    let unknown: Vec<&str> = tables
        .iter()
        .map(String::as_str)
        .filter(|t| !TABLES.contains(t))
        .collect();
    if !unknown.is_empty() {
        bail!(
            "the {database} database has tables the copy does not know: {}. Add them to \
             TABLES in src/ops/copy.rs (parents first) so that no data is left behind",
            unknown.join(", ")
        );
    }
    let missing: Vec<&str> = TABLES
        .iter()
        .copied()
        .filter(|t| !tables.iter().any(|have| have == t))
        .collect();
    if !missing.is_empty() {
        bail!(
            "the {database} database lacks tables the copy expects: {}",
            missing.join(", ")
        );
    }
    Ok(())
}

/// The whole copy; blocking (run it off the async threads).
pub fn copy(from: &DatabaseUrl, to: &DatabaseUrl) -> anyhow::Result<CopyReport> {
    let (source_name, target_name) = match (from, to) {
        (DatabaseUrl::Sqlite(path), DatabaseUrl::Postgres(_)) => {
            if !path.is_file() {
                bail!("--from: there is no SQLite database at {}", path.display());
            }
            ("SQLite", "PostgreSQL")
        }
        (DatabaseUrl::Postgres(_), DatabaseUrl::Sqlite(_)) => ("PostgreSQL", "SQLite"),
        _ => bail!(
            "copy goes from sqlite://PATH to postgres://… or from postgres://… to sqlite://PATH \
             (--from, --to)"
        ),
    };
    let mut source = from
        .connect()
        .with_context(|| format!("cannot open the {source_name} database (--from)"))?;
    let mut target = to
        .connect()
        .with_context(|| format!("cannot open the {target_name} database (--to)"))?;
    db::run_migrations(&mut source)
        .with_context(|| format!("migrating the {source_name} database"))?;
    db::run_migrations(&mut target)
        .with_context(|| format!("migrating the {target_name} database"))?;
    check_table_list(source_name, transfer::user_tables(&mut source)?)?;
    check_table_list(target_name, transfer::user_tables(&mut target)?)?;
    let mut plan = Vec::with_capacity(TABLES.len());
    for table in TABLES {
        let rows = transfer::row_count(&mut target, table)?;
        if rows > 0 {
            bail!(
                "the {target_name} database is not empty ({table} has {rows} rows): copy \
                 only into a new database (createdb, or a new SQLite file)"
            );
        }
        let columns = transfer::columns(&mut source, table)?;
        let mut a = columns.clone();
        let mut b = transfer::columns(&mut target, table)?;
        a.sort();
        b.sort();
        if a != b {
            bail!(
                "table {table} has different columns in {source_name} ({a:?}) and \
                 {target_name} ({b:?})"
            );
        }
        plan.push(TableCopy {
            name: (*table).to_owned(),
            columns,
            rows: transfer::row_count(&mut source, table)?,
            derived: DERIVED.contains(table),
        });
    }
    let tables = match target {
        DbConnection::Pg(_) => transfer::copy_sqlite_to_postgres(&mut source, &mut target, &plan)?,
        DbConnection::Sqlite(_) => {
            transfer::copy_postgres_to_sqlite(&mut source, &mut target, &plan)?
        }
    };
    Ok(CopyReport { tables })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_missing_from_the_list_stops_the_copy() {
        let mut tables: Vec<String> = TABLES.iter().map(|t| (*t).to_owned()).collect();
        assert!(check_table_list("PostgreSQL", tables.clone()).is_ok());
        tables.push("webhooks".into());
        let error = check_table_list("PostgreSQL", tables)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("webhooks") && error.contains("src/ops/copy.rs"),
            "{error}"
        );
        let error = check_table_list("SQLite", vec!["users".into()])
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("lacks") && error.contains("bookings"),
            "{error}"
        );
    }
}
