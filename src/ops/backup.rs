//! `slotbook backup --to FILE` and `slotbook restore --from FILE`.
//!
//! SQLite: `VACUUM INTO` writes one consistent snapshot while the server keeps serving
//! (writers wait a moment at most), and the copy is checked with `integrity_check` before
//! the command reports success. PostgreSQL: `pg_dump --format=custom` (a consistent
//! snapshot too), run when it is installed; when it is not, the error says what to install
//! and which command to run.
//!
//! Restore writes into an empty database only (a new SQLite file, or a database just made
//! with `createdb`), applies any newer migrations, and checks the result: SQLite's
//! integrity and foreign keys, and on PostgreSQL the double-booking guard.

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context as _};

use crate::db::{self, transfer, DatabaseUrl, DbConnection};

/// What a backup or restore left behind: (table, rows) for every application table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub tables: Vec<(String, i64)>,
}

impl Summary {
    fn of(conn: &mut DbConnection) -> anyhow::Result<Self> {
        let mut tables = Vec::new();
        for table in transfer::user_tables(conn)? {
            let rows = transfer::row_count(conn, &table)?;
            tables.push((table, rows));
        }
        Ok(Self { tables })
    }

    /// `bookings 12, users 2, …` for the command's last line.
    pub fn describe(&self) -> String {
        self.tables
            .iter()
            .map(|(table, rows)| format!("{table} {rows}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The first bytes of each kind of file.
const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";
const PG_DUMP_MAGIC: &[u8] = b"PGDMP";

/// Writes a backup of `database` to `to` (which must not exist). Blocking.
pub fn backup(database: &DatabaseUrl, to: &Path) -> anyhow::Result<Summary> {
    if to.exists() {
        bail!("{} already exists: choose a new file name", to.display());
    }
    match database {
        DatabaseUrl::Sqlite(path) => {
            if !path.is_file() {
                bail!(
                    "there is no SQLite database at {} (DATABASE_URL)",
                    path.display()
                );
            }
            let mut conn = database.connect().context("cannot open the database")?;
            transfer::sqlite_vacuum_into(&mut conn, to)
                .with_context(|| format!("cannot write {}", to.display()))?;
            check_sqlite_file(to)
        }
        DatabaseUrl::Postgres(url) => {
            run_tool(
                "pg_dump",
                &[
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    "--file",
                    &to.to_string_lossy(),
                    "--dbname",
                    url,
                ],
            )?;
            let mut conn = database.connect().context("cannot connect to PostgreSQL")?;
            Summary::of(&mut conn)
        }
    }
}

/// Loads the backup `from` into the empty database `database`, migrates and checks it.
pub fn restore(database: &DatabaseUrl, from: &Path) -> anyhow::Result<Summary> {
    let magic = file_start(from)?;
    match database {
        DatabaseUrl::Sqlite(path) => {
            if !magic.starts_with(SQLITE_MAGIC) {
                bail!(
                    "{} is not an SQLite backup (a pg_dump file restores into PostgreSQL only)",
                    from.display()
                );
            }
            make_room_for_sqlite(database, path)?;
            let problems = {
                let mut backup = transfer::open_sqlite_read_only(from)
                    .with_context(|| format!("cannot open {}", from.display()))?;
                let problems = transfer::integrity_problems(&mut backup)?;
                if problems.is_empty() {
                    transfer::sqlite_vacuum_into(&mut backup, path)
                        .with_context(|| format!("cannot write {}", path.display()))?;
                }
                problems
            };
            if !problems.is_empty() {
                bail!("the backup is damaged: {}", problems.join("; "));
            }
            let mut conn = database
                .connect()
                .context("cannot open the restored database")?;
            db::run_migrations(&mut conn)?;
            check_sqlite_file(path)
        }
        DatabaseUrl::Postgres(url) => {
            if !magic.starts_with(PG_DUMP_MAGIC) {
                bail!(
                    "{} is not a pg_dump file (an SQLite backup restores into SQLite; \
                     `slotbook copy` moves SQLite data to PostgreSQL)",
                    from.display()
                );
            }
            let mut conn = database.connect().context("cannot connect to PostgreSQL")?;
            if transfer::any_tables(&mut conn)? {
                bail!(
                    "the PostgreSQL database is not empty: restore into a new database \
                     (createdb NAME) and point DATABASE_URL at it"
                );
            }
            run_tool(
                "pg_restore",
                &[
                    "--no-owner",
                    "--no-privileges",
                    "--exit-on-error",
                    "--single-transaction",
                    "--dbname",
                    url,
                    &from.to_string_lossy(),
                ],
            )?;
            db::run_migrations(&mut conn)?;
            if !transfer::overlap_guard_present(&mut conn)? {
                bail!("the restored database lacks the double-booking guard (bookings_no_overlap)");
            }
            Summary::of(&mut conn)
        }
    }
}

/// Checks an SQLite file (a fresh backup or a restored database) and counts its rows.
fn check_sqlite_file(path: &Path) -> anyhow::Result<Summary> {
    let mut conn = transfer::open_sqlite_read_only(path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    let problems = transfer::integrity_problems(&mut conn)?;
    if !problems.is_empty() {
        bail!(
            "{} failed its integrity check: {}",
            path.display(),
            problems.join("; ")
        );
    }
    if !transfer::overlap_guard_present(&mut conn)? {
        bail!(
            "{} lacks the double-booking guard (its triggers)",
            path.display()
        );
    }
    Summary::of(&mut conn)
}

/// A restore target must hold no rows. An existing file without rows (a server started
/// once on it) is replaced, with its WAL files.
fn make_room_for_sqlite(database: &DatabaseUrl, path: &Path) -> anyhow::Result<()> {
    if !path.exists() {
        return Ok(());
    }
    {
        let mut conn = database
            .connect()
            .context("cannot open the target database")?;
        for table in transfer::user_tables(&mut conn)? {
            let rows = transfer::row_count(&mut conn, &table)?;
            if rows > 0 {
                bail!(
                    "{} is not empty ({table} has {rows} rows): restore into a new file \
                     (stop the server, move the old file away, then restore)",
                    path.display()
                );
            }
        }
    }
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let file = PathBuf::from(name);
        if file.exists() {
            fs::remove_file(&file).with_context(|| format!("cannot remove {}", file.display()))?;
        }
    }
    Ok(())
}

fn file_start(path: &Path) -> anyhow::Result<Vec<u8>> {
    let mut file =
        fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut start = vec![0u8; 16];
    let read = file.read(&mut start)?;
    start.truncate(read);
    Ok(start)
}

/// Runs a PostgreSQL client tool; when it is missing, says how to get it and what to run.
fn run_tool(tool: &str, args: &[&str]) -> anyhow::Result<()> {
    let output = match Command::new(tool).args(args).output() {
        Ok(output) => output,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => bail!(
            "{tool} is not installed (on Debian or Ubuntu: apt-get install postgresql-client, \
             the same major version as the server or newer); with it, this command runs: \
             {tool} {}",
            shown_args(args)
        ),
        Err(error) => return Err(error).with_context(|| format!("cannot run {tool}")),
    };
    if !output.status.success() {
        bail!(
            "{tool} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(())
}

/// The arguments for a message, with any password in a URL hidden.
fn shown_args(args: &[&str]) -> String {
    args.iter()
        .map(|arg| match url::Url::parse(arg) {
            Ok(mut url) if url.password().is_some() => {
                let _ = url.set_password(Some("…"));
                url.to_string()
            }
            _ => (*arg).to_owned(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_tool_names_the_package_and_the_command_without_the_password() {
        let error = run_tool(
            "slotbook-no-such-tool",
            &["--file", "b.dump", "--dbname", "postgres://u:secret@h/db"],
        )
        .unwrap_err()
        .to_string();
        assert!(error.contains("postgresql-client"), "{error}");
        assert!(error.contains("--file b.dump"), "{error}");
        assert!(!error.contains("secret"), "{error}");
    }
}
