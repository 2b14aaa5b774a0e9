//! Personal API tokens: made on the settings page, presented as `Authorization: Bearer`.
//! Only the SHA-256 (hex) of a token is stored (`tokens::hash_token`); the token itself is
//! shown once, when it is made. A revoked token stays listed (with when) but never
//! authenticates again.

use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::{api_tokens, users};
use crate::db::types::{DbId, DbTime};
use crate::db::{DbConnection, StoreResult};
use crate::domain::api::{Scope, TOKEN_PREFIX};
use crate::tokens::{hash_token, random_token};

/// "Last used" is written at most this often per token, so a busy integration does not
/// turn every read into a write.
const LAST_USED_PRECISION: TimeDelta = TimeDelta::minutes(1);

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = api_tokens)]
pub struct ApiToken {
    pub id: Uuid,
    pub user_id: Uuid,
    pub name: String,
    #[diesel(deserialize_as = String)]
    pub scope: Scope,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[derive(Insertable)]
#[diesel(table_name = api_tokens)]
struct NewToken<'a> {
    id: DbId,
    user_id: DbId,
    name: &'a str,
    scope: &'a str,
    token_hash: &'a str,
    created_at: DbTime,
}

/// Makes a token for `user_id`; returns the row and the token itself (shown once).
pub fn create(
    conn: &mut DbConnection,
    user_id: Uuid,
    name: &str,
    scope: Scope,
    now: DateTime<Utc>,
) -> StoreResult<(ApiToken, String)> {
    let token = format!("{TOKEN_PREFIX}{}", random_token());
    let id = Uuid::now_v7();
    diesel::insert_into(api_tokens::table)
        .values(NewToken {
            id: DbId(id),
            user_id: DbId(user_id),
            name,
            scope: scope.as_str(),
            token_hash: &hash_token(&token),
            created_at: DbTime(now),
        })
        .execute(conn)?;
    let row = ApiToken {
        id,
        user_id,
        name: name.to_owned(),
        scope,
        created_at: now,
        last_used_at: None,
        revoked_at: None,
    };
    Ok((row, token))
}

/// The live token `token` and its owner's id, noting the use; `None` for an unknown or
/// revoked token. Whether the owner may still act (active account) is the caller's check.
pub fn authenticate(
    conn: &mut DbConnection,
    token: &str,
    now: DateTime<Utc>,
) -> StoreResult<Option<ApiToken>> {
    let found = api_tokens::table
        .filter(api_tokens::token_hash.eq(hash_token(token)))
        .filter(api_tokens::revoked_at.is_null())
        .select(ApiToken::as_select())
        .first(conn)
        .optional()?;
    if let Some(found) = &found {
        if found
            .last_used_at
            .is_none_or(|at| at + LAST_USED_PRECISION <= now)
        {
            diesel::update(api_tokens::table.filter(api_tokens::id.eq(DbId(found.id))))
                .set(api_tokens::last_used_at.eq(Some(DbTime(now))))
                .execute(conn)?;
        }
    }
    Ok(found)
}

/// One account's tokens, newest first, revoked ones included.
pub fn list_for_user(conn: &mut DbConnection, user_id: Uuid) -> StoreResult<Vec<ApiToken>> {
    Ok(api_tokens::table
        .filter(api_tokens::user_id.eq(DbId(user_id)))
        .order((api_tokens::created_at.desc(), api_tokens::id.desc()))
        .select(ApiToken::as_select())
        .load(conn)?)
}

/// Every account's tokens with the owner's username, newest first (the admin's list).
pub fn list_all(conn: &mut DbConnection) -> StoreResult<Vec<(ApiToken, String)>> {
    Ok(api_tokens::table
        .inner_join(users::table)
        .order((api_tokens::created_at.desc(), api_tokens::id.desc()))
        .select((ApiToken::as_select(), users::username))
        .load(conn)?)
}

/// Revokes a live token; `owner` limits it to that account's tokens (`None`: an admin's
/// revoke). False when there was no such live token.
pub fn revoke(
    conn: &mut DbConnection,
    id: Uuid,
    owner: Option<Uuid>,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let live = api_tokens::table
        .filter(api_tokens::id.eq(DbId(id)))
        .filter(api_tokens::revoked_at.is_null());
    let revoked = api_tokens::revoked_at.eq(Some(DbTime(now)));
    let changed = match owner {
        Some(owner) => diesel::update(live.filter(api_tokens::user_id.eq(DbId(owner))))
            .set(revoked)
            .execute(conn)?,
        None => diesel::update(live).set(revoked).execute(conn)?,
    };
    Ok(changed == 1)
}
