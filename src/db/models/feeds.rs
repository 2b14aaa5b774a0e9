//! The secret ICS feed address of a provider: only its SHA-256 is stored (`users.feed_token_hash`).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::users::User;
use crate::db::schema::users;
use crate::db::types::{DbId, DbTime};
use crate::db::{DbConnection, StoreResult};
use crate::tokens::{hash_token, random_token};

/// Replaces the provider's feed token (the old address stops working); returns the new one.
pub fn regenerate(
    conn: &mut DbConnection,
    provider_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<String> {
    let token = random_token();
    diesel::update(users::table.filter(users::id.eq(DbId(provider_id))))
        .set((
            users::feed_token_hash.eq(Some(hash_token(&token))),
            users::updated_at.eq(DbTime(now)),
        ))
        .execute(conn)?;
    Ok(token)
}

/// Whether the provider has a feed address at all (so a new one replaces an old one).
pub fn exists(conn: &mut DbConnection, provider_id: Uuid) -> StoreResult<bool> {
    let hash: Option<String> = users::table
        .filter(users::id.eq(DbId(provider_id)))
        .select(users::feed_token_hash)
        .first::<Option<String>>(conn)
        .optional()?
        .flatten();
    Ok(hash.is_some())
}

pub fn provider_for_token(conn: &mut DbConnection, token: &str) -> StoreResult<Option<User>> {
    Ok(users::table
        .filter(users::feed_token_hash.eq(hash_token(token)))
        .filter(users::is_active.eq(true))
        .select(User::as_select())
        .first(conn)
        .optional()?)
}
