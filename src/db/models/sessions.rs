//! Server-side sessions (see `auth::session_store`). A row is keyed by the SHA-256 of the
//! random id in the cookie, never the id itself. A session is live while
//! `expires_at > now` (absolute lifetime) and `last_seen_at > idle_cutoff` (idle timeout);
//! the caller computes both instants from its policy, so every query here agrees on
//! what "live" means.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::sessions;
use crate::db::types::{opt_id, DbId, DbTime};
use crate::db::{DbConnection, StoreResult};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = sessions)]
pub struct SessionRow {
    pub id_hash: String,
    pub user_id: Option<Uuid>,
    /// The session's key/value state as a JSON object.
    pub state: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// The instants that decide whether a session is still live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Liveness {
    pub now: DateTime<Utc>,
    /// Sessions last seen at or before this instant have idled out.
    pub idle_cutoff: DateTime<Utc>,
}

impl SessionRow {
    pub fn is_live(&self, at: Liveness) -> bool {
        self.expires_at > at.now && self.last_seen_at > at.idle_cutoff
    }
}

#[derive(Insertable)]
#[diesel(table_name = sessions)]
struct NewSession<'a> {
    id_hash: &'a str,
    user_id: Option<DbId>,
    state: &'a str,
    created_at: DbTime,
    last_seen_at: DbTime,
    expires_at: DbTime,
}

pub fn insert(
    conn: &mut DbConnection,
    id_hash: &str,
    user_id: Option<Uuid>,
    state: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> StoreResult<()> {
    diesel::insert_into(sessions::table)
        .values(NewSession {
            id_hash,
            user_id: opt_id(user_id),
            state,
            created_at: DbTime(now),
            last_seen_at: DbTime(now),
            expires_at: DbTime(expires_at),
        })
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConnection, id_hash: &str) -> StoreResult<Option<SessionRow>> {
    Ok(sessions::table
        .filter(sessions::id_hash.eq(id_hash))
        .select(SessionRow::as_select())
        .first(conn)
        .optional()?)
}

/// Replaces the state of a live session and marks it seen. False when the session is gone
/// (signed out, ended elsewhere, expired): the caller must not bring it back.
pub fn update_state(
    conn: &mut DbConnection,
    id_hash: &str,
    user_id: Option<Uuid>,
    state: &str,
    at: Liveness,
) -> StoreResult<bool> {
    let changed = diesel::update(
        sessions::table
            .filter(sessions::id_hash.eq(id_hash))
            .filter(sessions::expires_at.gt(DbTime(at.now)))
            .filter(sessions::last_seen_at.gt(DbTime(at.idle_cutoff))),
    )
    .set((
        sessions::user_id.eq(opt_id(user_id)),
        sessions::state.eq(state),
        sessions::last_seen_at.eq(DbTime(at.now)),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Marks a live session seen now (the idle timeout starts again).
pub fn touch(conn: &mut DbConnection, id_hash: &str, at: Liveness) -> StoreResult<()> {
    diesel::update(
        sessions::table
            .filter(sessions::id_hash.eq(id_hash))
            .filter(sessions::expires_at.gt(DbTime(at.now)))
            .filter(sessions::last_seen_at.gt(DbTime(at.idle_cutoff))),
    )
    .set(sessions::last_seen_at.eq(DbTime(at.now)))
    .execute(conn)?;
    Ok(())
}

pub fn delete(conn: &mut DbConnection, id_hash: &str) -> StoreResult<()> {
    diesel::delete(sessions::table.filter(sessions::id_hash.eq(id_hash))).execute(conn)?;
    Ok(())
}

/// Ends every session of the account; returns how many there were.
pub fn delete_for_user(conn: &mut DbConnection, user_id: Uuid) -> StoreResult<usize> {
    Ok(
        diesel::delete(sessions::table.filter(sessions::user_id.eq(DbId(user_id))))
            .execute(conn)?,
    )
}

/// How many live sessions the account has (browsers signed in as it).
pub fn count_live_for_user(
    conn: &mut DbConnection,
    user_id: Uuid,
    at: Liveness,
) -> StoreResult<i64> {
    Ok(sessions::table
        .filter(sessions::user_id.eq(DbId(user_id)))
        .filter(sessions::expires_at.gt(DbTime(at.now)))
        .filter(sessions::last_seen_at.gt(DbTime(at.idle_cutoff)))
        .count()
        .get_result(conn)?)
}

/// Deletes every session that is no longer live; returns how many.
pub fn purge_expired(conn: &mut DbConnection, at: Liveness) -> StoreResult<usize> {
    Ok(diesel::delete(
        sessions::table.filter(
            sessions::expires_at
                .le(DbTime(at.now))
                .or(sessions::last_seen_at.le(DbTime(at.idle_cutoff))),
        ),
    )
    .execute(conn)?)
}
