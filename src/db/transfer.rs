//! The database side of `slotbook backup`, `restore` and `copy`: SQLite's online copy and
//! integrity checks, the table lists each database reports about itself, and the
//! table-by-table copy between SQLite and PostgreSQL, either way.
//!
//! The copy reads each row as one JSON array (`json_array(...)` on SQLite,
//! `json_build_array(...)` on PostgreSQL, so any table can be read without a row struct)
//! and writes it as literals. Into PostgreSQL they are quoted literals that PostgreSQL
//! converts to each column's own type: TEXT instants become `timestamptz`, TEXT ids `uuid`,
//! 0/1 `boolean`. Into SQLite, PostgreSQL first writes its typed values in the layouts the
//! application stores there (`db::types`): instants as `YYYY-MM-DDTHH:MM:SS.ffffffZ` in UTC
//! (SQLite compares them as text), booleans as 0/1. Values are kept exactly: ids, hashes
//! and timestamps.

use std::path::Path;

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::sql_types::{BigInt, Text};
use diesel::sqlite::SqliteConnection;
use diesel::{Connection, QueryableByName, RunQueryDsl};

use super::{DbConnection, PG_NO_OVERLAP_CONSTRAINT, SQLITE_SLOT_TAKEN};

/// Diesel's own bookkeeping table: migrated by each side itself, never copied.
pub const MIGRATIONS_TABLE: &str = "__diesel_schema_migrations";

/// Rows per INSERT statement when copying.
const BATCH_ROWS: usize = 200;

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct TypedColumn {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
}

#[derive(QueryableByName)]
struct JsonRow {
    #[diesel(sql_type = Text)]
    row: String,
}

/// A table or column name inside double quotes (names come from our own list and the
/// database's catalog; quoting keeps reserved words working).
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A text literal for PostgreSQL (`standard_conforming_strings` is on in the copy).
fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The application's tables as the database itself lists them (not diesel's bookkeeping,
/// not SQLite's internal tables), sorted.
pub fn user_tables(conn: &mut DbConnection) -> diesel::QueryResult<Vec<String>> {
    let names: Vec<Name> = match conn {
        DbConnection::Sqlite(c) => diesel::sql_query(
            "SELECT name FROM sqlite_master WHERE type = 'table' \
             AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> ? ORDER BY name",
        )
        .bind::<Text, _>(MIGRATIONS_TABLE)
        .load(c)?,
        DbConnection::Pg(c) => diesel::sql_query(
            "SELECT table_name::text AS name FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
             AND table_name <> $1 ORDER BY table_name",
        )
        .bind::<Text, _>(MIGRATIONS_TABLE)
        .load(c)?,
    };
    Ok(names.into_iter().map(|n| n.name).collect())
}

/// Every table in the current schema, diesel's included (restore refuses a non-empty one).
pub fn any_tables(conn: &mut DbConnection) -> diesel::QueryResult<bool> {
    let mut tables = user_tables(conn)?;
    if tables.is_empty() {
        tables = match conn {
            DbConnection::Sqlite(c) => diesel::sql_query(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?",
            )
            .bind::<Text, _>(MIGRATIONS_TABLE)
            .load::<Name>(c)?,
            DbConnection::Pg(c) => diesel::sql_query(
                "SELECT table_name::text AS name FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_name = $1",
            )
            .bind::<Text, _>(MIGRATIONS_TABLE)
            .load::<Name>(c)?,
        }
        .into_iter()
        .map(|n| n.name)
        .collect();
    }
    Ok(!tables.is_empty())
}

/// Rows in `table`.
pub fn row_count(conn: &mut DbConnection, table: &str) -> diesel::QueryResult<i64> {
    let sql = format!("SELECT COUNT(*) AS n FROM {}", quoted(table));
    let count: Count = match conn {
        DbConnection::Sqlite(c) => diesel::sql_query(sql).get_result(c)?,
        DbConnection::Pg(c) => diesel::sql_query(sql).get_result(c)?,
    };
    Ok(count.n)
}

/// Rows in `table` of a PostgreSQL connection (inside the copy's transaction).
fn pg_row_count(conn: &mut PgConnection, table: &str) -> diesel::QueryResult<i64> {
    let sql = format!("SELECT COUNT(*) AS n FROM {}", quoted(table));
    Ok(diesel::sql_query(sql).get_result::<Count>(conn)?.n)
}

/// A table's columns in their declared order.
pub fn columns(conn: &mut DbConnection, table: &str) -> diesel::QueryResult<Vec<String>> {
    let names: Vec<Name> = match conn {
        DbConnection::Sqlite(c) => {
            diesel::sql_query("SELECT name FROM pragma_table_info(?) ORDER BY cid")
                .bind::<Text, _>(table)
                .load(c)?
        }
        DbConnection::Pg(c) => diesel::sql_query(
            "SELECT column_name::text AS name FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name = $1 \
             ORDER BY ordinal_position",
        )
        .bind::<Text, _>(table)
        .load(c)?,
    };
    Ok(names.into_iter().map(|n| n.name).collect())
}

/// SQLite: a consistent copy of the whole database into a new file while others read and
/// write (`VACUUM INTO` reads one snapshot). The file must not exist. PostgreSQL has
/// `pg_dump` for this.
pub fn sqlite_vacuum_into(conn: &mut DbConnection, to: &Path) -> anyhow::Result<()> {
    let DbConnection::Sqlite(conn) = conn else {
        anyhow::bail!("VACUUM INTO is SQLite's; PostgreSQL is backed up with pg_dump");
    };
    let target = to.to_string_lossy();
    Ok(conn.batch_execute(&format!("VACUUM INTO {}", literal(&target)))?)
}

/// Opens an SQLite file read-only (a backup is checked without touching it).
pub fn open_sqlite_read_only(path: &Path) -> diesel::ConnectionResult<DbConnection> {
    SqliteConnection::establish(&format!("file:{}?mode=ro", path.display()))
        .map(DbConnection::Sqlite)
}

/// What the database finds wrong with itself; empty when sound. SQLite: `integrity_check`
/// and `foreign_key_check`. PostgreSQL checks constraints on every write and has no such
/// command: nothing to report.
pub fn integrity_problems(conn: &mut DbConnection) -> diesel::QueryResult<Vec<String>> {
    match conn {
        DbConnection::Sqlite(c) => sqlite_problems(c),
        DbConnection::Pg(_) => Ok(Vec::new()),
    }
}

fn sqlite_problems(conn: &mut SqliteConnection) -> diesel::QueryResult<Vec<String>> {
    #[derive(QueryableByName)]
    struct Check {
        #[diesel(sql_type = Text)]
        integrity_check: String,
    }
    let mut problems: Vec<String> = diesel::sql_query("PRAGMA integrity_check")
        .load::<Check>(conn)?
        .into_iter()
        .map(|c| c.integrity_check)
        .filter(|line| line != "ok")
        .collect();
    let dangling: Vec<Name> =
        diesel::sql_query("SELECT \"table\" AS name FROM pragma_foreign_key_check").load(conn)?;
    problems.extend(
        dangling
            .into_iter()
            .map(|n| format!("a row of {} points at a missing row", n.name)),
    );
    Ok(problems)
}

/// Whether the guard against overlapping bookings is in place: on PostgreSQL the validated
/// exclusion constraint, on SQLite the triggers on `booking_hosts` that raise
/// `slotbook_slot_taken`.
pub fn overlap_guard_present(conn: &mut DbConnection) -> diesel::QueryResult<bool> {
    match conn {
        DbConnection::Pg(c) => pg_overlap_guard_present(c),
        DbConnection::Sqlite(c) => sqlite_overlap_guard_present(c),
    }
}

fn sqlite_overlap_guard_present(conn: &mut SqliteConnection) -> diesel::QueryResult<bool> {
    let count: Count = diesel::sql_query(
        "SELECT COUNT(*) AS n FROM sqlite_master \
         WHERE type = 'trigger' AND tbl_name = 'booking_hosts' AND sql LIKE ?",
    )
    .bind::<Text, _>(format!("%{SQLITE_SLOT_TAKEN}%"))
    .get_result(conn)?;
    Ok(count.n > 0)
}

fn pg_overlap_guard_present(conn: &mut PgConnection) -> diesel::QueryResult<bool> {
    let count: Count = diesel::sql_query(
        "SELECT COUNT(*) AS n FROM pg_constraint \
         WHERE conname = $1 AND contype = 'x' AND convalidated",
    )
    .bind::<Text, _>(PG_NO_OVERLAP_CONSTRAINT)
    .get_result(conn)?;
    Ok(count.n == 1)
}

/// One table to copy: its columns (the same set on both sides) and its rows in SQLite.
#[derive(Debug, Clone)]
pub struct TableCopy {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: i64,
    /// Triggers already wrote some of its rows while parents were copied: rows present
    /// are skipped (same primary key, same content), the others inserted.
    pub derived: bool,
}

/// Copies the tables, in order, from SQLite to PostgreSQL: one read transaction on the
/// source (one snapshot), one transaction on the target that commits only when every
/// table's row count matches and the overlap guard is in place. Returns (table, rows).
pub fn copy_sqlite_to_postgres(
    source: &mut DbConnection,
    target: &mut DbConnection,
    tables: &[TableCopy],
) -> anyhow::Result<Vec<(String, i64)>> {
    let (DbConnection::Sqlite(sqlite), DbConnection::Pg(pg)) = (source, target) else {
        anyhow::bail!("the copy goes from SQLite to PostgreSQL");
    };
    sqlite.transaction::<_, anyhow::Error, _>(|sqlite| {
        pg.transaction::<_, anyhow::Error, _>(|pg| {
            pg.batch_execute("SET LOCAL standard_conforming_strings = on")?;
            let mut copied = Vec::with_capacity(tables.len());
            for table in tables {
                let written = copy_table(sqlite, pg, table)
                    .map_err(|e| e.context(format!("copying table {}", table.name)))?;
                let counted = pg_row_count(pg, &table.name)?;
                if counted != table.rows
                    || (!table.derived && i64::try_from(written)? != table.rows)
                {
                    anyhow::bail!(
                        "table {}: {} rows in SQLite, {counted} in PostgreSQL",
                        table.name,
                        table.rows
                    );
                }
                copied.push((table.name.clone(), counted));
            }
            if !pg_overlap_guard_present(pg)? {
                anyhow::bail!(
                    "the PostgreSQL double-booking guard ({PG_NO_OVERLAP_CONSTRAINT}) is missing"
                );
            }
            Ok(copied)
        })
    })
}

/// Copies every row of `table` (the listed `columns`, present on both sides) from SQLite to
/// PostgreSQL in insertion order (`rowid`: a row is never older than a row it refers to).
/// Run it inside the target's transaction. Returns the rows written.
fn copy_table(
    from: &mut SqliteConnection,
    to: &mut PgConnection,
    copy: &TableCopy,
) -> anyhow::Result<usize> {
    let (table, columns) = (copy.name.as_str(), copy.columns.as_slice());
    let column_list: Vec<String> = columns.iter().map(|c| quoted(c)).collect();
    let rows: Vec<JsonRow> = diesel::sql_query(format!(
        "SELECT json_array({}) AS row FROM {} ORDER BY rowid",
        column_list.join(", "),
        quoted(table)
    ))
    .load(from)?;
    for statement in insert_statements(copy, &rows, pg_value, SkipWritten::OnConflict)? {
        to.batch_execute(&statement)?;
    }
    Ok(rows.len())
}

/// How a derived table's rows that triggers already wrote are skipped.
enum SkipWritten<'a> {
    /// PostgreSQL: `ON CONFLICT DO NOTHING`.
    OnConflict,
    /// SQLite, whose guard trigger runs before any conflict clause (and would take the
    /// row for an overlap with itself): only rows whose key (these columns) is not there
    /// yet are inserted.
    ByKey(&'a [String]),
}

/// The INSERT statements that write `rows` (one JSON array of values per row, in the
/// order of `copy.columns`) into `copy`'s table, `BATCH_ROWS` rows each, every value
/// written as a literal by `value`. A derived table's rows already written are skipped.
fn insert_statements(
    copy: &TableCopy,
    rows: &[JsonRow],
    value: fn(&serde_json::Value) -> String,
    skip: SkipWritten<'_>,
) -> anyhow::Result<Vec<String>> {
    let (table, columns) = (copy.name.as_str(), copy.columns.as_slice());
    let column_list: Vec<String> = columns.iter().map(|c| quoted(c)).collect();
    let insert = format!("INSERT INTO {} ({})", quoted(table), column_list.join(", "));
    let mut key_match = Vec::new();
    if let SkipWritten::ByKey(key) = skip {
        for column in key {
            let i = columns
                .iter()
                .position(|c| c == column)
                .ok_or_else(|| anyhow::anyhow!("table {table}: no key column {column}"))?;
            // SQLite names the columns of a VALUES list column1, column2, …
            key_match.push(format!(
                "{}.{} = v.column{}",
                quoted(table),
                quoted(column),
                i + 1
            ));
        }
    }
    let mut statements = Vec::with_capacity(rows.len().div_ceil(BATCH_ROWS));
    for batch in rows.chunks(BATCH_ROWS) {
        let mut values = Vec::with_capacity(batch.len());
        for row in batch {
            let fields: Vec<serde_json::Value> = serde_json::from_str(&row.row)?;
            anyhow::ensure!(
                fields.len() == columns.len(),
                "table {table}: a row has {} values for {} columns",
                fields.len(),
                columns.len()
            );
            let literals: Vec<String> = fields.iter().map(value).collect();
            values.push(format!("({})", literals.join(", ")));
        }
        let values = values.join(", ");
        statements.push(match skip {
            _ if !copy.derived => format!("{insert} VALUES {values}"),
            SkipWritten::OnConflict => format!("{insert} VALUES {values} ON CONFLICT DO NOTHING"),
            SkipWritten::ByKey(_) => format!(
                "{insert} SELECT * FROM (VALUES {values}) AS v \
                 WHERE NOT EXISTS (SELECT 1 FROM {} WHERE {})",
                quoted(table),
                key_match.join(" AND ")
            ),
        });
    }
    Ok(statements)
}

/// One SQLite value as a PostgreSQL literal of unknown type, which takes the column's type.
fn pg_value(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => "NULL".to_owned(),
        serde_json::Value::String(text) => literal(text),
        // Numbers (integers, 0/1 booleans) and anything else as their text.
        other => literal(&other.to_string()),
    }
}

/// Copies the tables, in order, from PostgreSQL to SQLite: one read-only snapshot of the
/// source, one transaction on the target that commits only when every table's row count
/// matches, no row points at a missing row and the overlap guard is in place.
pub fn copy_postgres_to_sqlite(
    source: &mut DbConnection,
    target: &mut DbConnection,
    tables: &[TableCopy],
) -> anyhow::Result<Vec<(String, i64)>> {
    let (DbConnection::Pg(pg), DbConnection::Sqlite(sqlite)) = (source, target) else {
        anyhow::bail!("the copy goes from PostgreSQL to SQLite");
    };
    pg.build_transaction()
        .repeatable_read()
        .read_only()
        .run::<_, anyhow::Error, _>(|pg| {
            sqlite.transaction::<_, anyhow::Error, _>(|sqlite| {
                // Rows of a table may point at rows of the same table copied later (a
                // booking at the one it was moved from): check references at commit.
                sqlite.batch_execute("PRAGMA defer_foreign_keys = ON")?;
                let mut copied = Vec::with_capacity(tables.len());
                for table in tables {
                    let written = copy_table_into_sqlite(pg, sqlite, table)
                        .map_err(|e| e.context(format!("copying table {}", table.name)))?;
                    let sql = format!("SELECT COUNT(*) AS n FROM {}", quoted(&table.name));
                    let counted = diesel::sql_query(sql).get_result::<Count>(sqlite)?.n;
                    if counted != table.rows
                        || (!table.derived && i64::try_from(written)? != table.rows)
                    {
                        anyhow::bail!(
                            "table {}: {} rows in PostgreSQL, {counted} in SQLite",
                            table.name,
                            table.rows
                        );
                    }
                    copied.push((table.name.clone(), counted));
                }
                let problems = sqlite_problems(sqlite)?;
                if !problems.is_empty() {
                    anyhow::bail!("the SQLite copy is unsound: {}", problems.join("; "));
                }
                if !sqlite_overlap_guard_present(sqlite)? {
                    anyhow::bail!(
                        "the SQLite double-booking guard ({SQLITE_SLOT_TAKEN}) is missing"
                    );
                }
                Ok(copied)
            })
        })
}

/// How PostgreSQL writes a column of `data_type` for SQLite: instants in the application's
/// fixed UTC layout, booleans as 0/1; ids, dates, times, numbers and text as they are.
fn sqlite_layout(column: &str, data_type: &str) -> String {
    let column = quoted(column);
    match data_type {
        "timestamp with time zone" => {
            format!("to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
        }
        "boolean" => format!("CASE WHEN {column} THEN 1 WHEN NOT {column} THEN 0 END"),
        _ => column,
    }
}

/// Copies every row of `table` from PostgreSQL into SQLite (inside the target's
/// transaction). Returns the rows written.
fn copy_table_into_sqlite(
    from: &mut PgConnection,
    to: &mut SqliteConnection,
    copy: &TableCopy,
) -> anyhow::Result<usize> {
    let (table, columns) = (copy.name.as_str(), copy.columns.as_slice());
    let typed: Vec<TypedColumn> = diesel::sql_query(
        "SELECT column_name::text AS name, data_type::text AS data_type \
         FROM information_schema.columns \
         WHERE table_schema = current_schema() AND table_name = $1",
    )
    .bind::<Text, _>(table)
    .load(from)?;
    let mut select = Vec::with_capacity(columns.len());
    for column in columns {
        let data_type = typed
            .iter()
            .find(|t| &t.name == column)
            .map(|t| t.data_type.as_str())
            .ok_or_else(|| anyhow::anyhow!("table {table}: PostgreSQL has no column {column}"))?;
        select.push(sqlite_layout(column, data_type));
    }
    // Oldest first where the table has a time-ordered id (UUIDv7), so that rows go in
    // roughly as they were made; references are checked at commit in any case.
    let order = if columns.iter().any(|c| c == "id") {
        " ORDER BY \"id\""
    } else {
        ""
    };
    let rows: Vec<JsonRow> = diesel::sql_query(format!(
        "SELECT json_build_array({})::text AS row FROM {}{order}",
        select.join(", "),
        quoted(table)
    ))
    .load(from)?;
    let key: Vec<Name> =
        diesel::sql_query("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk")
            .bind::<Text, _>(table)
            .load(to)?;
    let key: Vec<String> = key.into_iter().map(|k| k.name).collect();
    for statement in insert_statements(copy, &rows, sqlite_value, SkipWritten::ByKey(&key))? {
        to.batch_execute(&statement)?;
    }
    Ok(rows.len())
}

/// One PostgreSQL value, as written by [`sqlite_layout`], as an SQLite literal: numbers
/// stay numbers (INTEGER columns), text is quoted.
fn sqlite_value(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => "NULL".to_owned(),
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(text) => literal(text),
        other => literal(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_become_quoted_literals_that_keep_their_text() {
        assert_eq!(pg_value(&serde_json::json!(null)), "NULL");
        assert_eq!(pg_value(&serde_json::json!("O'Brien")), "'O''Brien'");
        assert_eq!(pg_value(&serde_json::json!(1)), "'1'");
        assert_eq!(
            pg_value(&serde_json::json!("2030-01-07T08:00:00.000000Z")),
            "'2030-01-07T08:00:00.000000Z'"
        );
        assert_eq!(quoted("we\"ird"), "\"we\"\"ird\"");
    }

    #[test]
    fn postgresql_values_become_sqlite_literals_in_the_stored_layouts() {
        assert_eq!(sqlite_value(&serde_json::json!(null)), "NULL");
        assert_eq!(sqlite_value(&serde_json::json!(30)), "30");
        assert_eq!(sqlite_value(&serde_json::json!("O'Brien")), "'O''Brien'");
        assert_eq!(sqlite_layout("text", "text"), "\"text\"");
        assert!(sqlite_layout("at", "timestamp with time zone").contains("AT TIME ZONE 'UTC'"));
        assert!(sqlite_layout("is_active", "boolean").contains("THEN 1"));
    }
}
