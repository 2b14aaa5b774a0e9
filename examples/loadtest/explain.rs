//! The plan of every schedule query, as the database in use would run it: `EXPLAIN QUERY
//! PLAN` on SQLite, `EXPLAIN (ANALYZE, BUFFERS)` on PostgreSQL, after the history is in.
//! The SQL is what diesel writes for the schedule version the month and day pages read,
//! `availability::HostRows::load` (those pages on a version change, the claim always),
//! `holds::lapsed_in_range` (claim) and `bookings::holding_in_range`, with the month page's
//! values written in.

use chrono::{DateTime, TimeDelta, Utc};
use diesel::{QueryableByName, RunQueryDsl};
use slotbook::db::{DbConnection, Pool};
use uuid::Uuid;

#[derive(QueryableByName)]
struct SqliteLine {
    #[diesel(sql_type = diesel::sql_types::Text)]
    detail: String,
}

#[derive(QueryableByName)]
struct PgLine {
    #[diesel(sql_type = diesel::sql_types::Text)]
    #[diesel(column_name = "QUERY PLAN")]
    plan: String,
}

pub fn print(
    pool: &Pool,
    (provider, _service): (Uuid, Uuid),
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let mut conn = pool.get()?;
    let sqlite = matches!(&*conn, DbConnection::Sqlite(_));
    // The month page of February 2030 in Europe/Berlin, widened by two days each side.
    let from = now + TimeDelta::days(29) - TimeDelta::hours(1);
    let to = now + TimeDelta::days(61) - TimeDelta::hours(1);
    let instant = |t: DateTime<Utc>| {
        if sqlite {
            format!("'{}'", t.format("%Y-%m-%dT%H:%M:%S%.6fZ"))
        } else {
            format!("'{}'::timestamptz", t.to_rfc3339())
        }
    };
    let uuid = |value: Uuid| {
        if sqlite {
            format!("'{value}'")
        } else {
            format!("'{value}'::uuid")
        }
    };
    let id = uuid(provider);
    let (f, t, n) = (instant(from), instant(to), instant(now));
    let t_bound = instant(to + TimeDelta::minutes(slotbook::domain::service::MAX_BLOCK_MINUTES));
    let (d0, d1) = (from.date_naive(), to.date_naive());
    // PostgreSQL also gets the overlap in the guard index's form (`pg_blocks_overlap`).
    let overlap = if sqlite {
        String::new()
    } else {
        format!(" AND tstzrange(block_start_at, block_end_at, '[)') && tstzrange({f}, {t}, '[)')")
    };
    let holding = "(status = 'pending' OR status = 'confirmed' OR status = 'completed' OR status = 'no_show')";
    let f_piece = instant(from - TimeDelta::days(1));
    let queries = [
        (
            "schedule version (every month/day page)",
            format!("SELECT version FROM schedule_versions WHERE provider_id = {id}"),
        ),
        (
            "weekly rules",
            format!("SELECT id, day_of_week, start_time, end_time, valid_from, valid_until FROM availability_rules WHERE provider_id = {id}"),
        ),
        (
            "date overrides",
            format!("SELECT id, date, start_time, end_time FROM date_overrides WHERE provider_id = {id} AND date BETWEEN '{d0}' AND '{d1}'"),
        ),
        (
            "time off",
            format!("SELECT id, start_at, end_at FROM time_off WHERE provider_id = {id} AND start_at < {t} AND end_at > {f}"),
        ),
        (
            "calendar busy blocks",
            format!("SELECT start_at, end_at FROM calendar_busy_blocks WHERE provider_id = {id} AND start_at > {f_piece} AND start_at < {t} AND end_at > {f}"),
        ),
        (
            "held times (HostRows::load)",
            format!("SELECT booking_id, service_id, start_at, block_start_at, block_end_at, hold_expires_at FROM booking_hosts WHERE host_id = {id} AND holds = TRUE AND block_start_at < {t} AND block_end_at > {f} AND block_end_at < {t_bound}{overlap}"),
        ),
        (
            "lapsed holds in range (claim)",
            format!("SELECT booking_id FROM booking_hosts WHERE host_id = {id} AND holds = TRUE AND hold_expires_at <= {n} AND block_start_at < {t} AND block_end_at > {f} AND block_end_at < {t_bound}{overlap}"),
        ),
        (
            "holding_in_range",
            format!("SELECT * FROM bookings WHERE provider_id = {id} AND {holding} AND block_start_at < {t} AND block_end_at > {f} AND block_end_at < {t_bound} ORDER BY block_start_at"),
        ),
    ];
    for (name, sql) in queries {
        println!("-- {name}\n{sql}");
        let lines: Vec<String> = if sqlite {
            diesel::sql_query(format!("EXPLAIN QUERY PLAN {sql}"))
                .load::<SqliteLine>(&mut *conn)?
                .into_iter()
                .map(|l| l.detail)
                .collect()
        } else {
            diesel::sql_query(format!("EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) {sql}"))
                .load::<PgLine>(&mut *conn)?
                .into_iter()
                .map(|l| l.plan)
                .collect()
        };
        for line in lines {
            println!("   {line}");
        }
    }
    Ok(())
}
