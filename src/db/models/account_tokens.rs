//! Email-verification and password-reset links. Only the SHA-256 (hex) of a token is
//! stored; the token itself exists only in the email. A token is single-use, expires, and
//! is bound to the address it was sent to (`email`).

use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::account_tokens;
use crate::db::types::{DbId, DbTime};
use crate::db::{DbConnection, StoreResult};
use crate::tokens::{hash_token, random_token};

/// What an account link does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    VerifyEmail,
    ResetPassword,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::VerifyEmail => "verify_email",
            Self::ResetPassword => "reset_password",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        [Self::VerifyEmail, Self::ResetPassword]
            .into_iter()
            .find(|p| p.as_str() == text)
    }

    /// How long a link of this kind works.
    pub fn lifetime(self) -> TimeDelta {
        match self {
            Self::VerifyEmail => TimeDelta::hours(48),
            Self::ResetPassword => TimeDelta::hours(1),
        }
    }
}

/// Rows read the stored purpose straight into a `Purpose`.
impl TryFrom<String> for Purpose {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text).ok_or_else(|| format!("unknown account link purpose {text:?}"))
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = account_tokens)]
pub struct AccountToken {
    pub id: Uuid,
    pub user_id: Uuid,
    #[diesel(deserialize_as = String)]
    pub purpose: Purpose,
    /// The address the link was sent to.
    pub email: String,
    pub token_hash: String,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[derive(Insertable)]
#[diesel(table_name = account_tokens)]
struct NewToken<'a> {
    id: DbId,
    user_id: DbId,
    purpose: &'a str,
    email: &'a str,
    token_hash: &'a str,
    expires_at: DbTime,
    created_at: DbTime,
}

/// Creates a link for `user_id` sent to `email`, ending the user's earlier unused links of
/// the same purpose (only the newest mail works). Returns the raw token for the email.
pub fn issue(
    conn: &mut DbConnection,
    user_id: Uuid,
    purpose: Purpose,
    email: &str,
    now: DateTime<Utc>,
) -> StoreResult<String> {
    revoke(conn, user_id, purpose, now)?;
    let token = random_token();
    diesel::insert_into(account_tokens::table)
        .values(NewToken {
            id: DbId(Uuid::now_v7()),
            user_id: DbId(user_id),
            purpose: purpose.as_str(),
            email,
            token_hash: &hash_token(&token),
            expires_at: DbTime(now + purpose.lifetime()),
            created_at: DbTime(now),
        })
        .execute(conn)?;
    Ok(token)
}

/// The link for `token` when it is of this purpose, unused and unexpired.
pub fn find_usable(
    conn: &mut DbConnection,
    token: &str,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> StoreResult<Option<AccountToken>> {
    Ok(account_tokens::table
        .filter(account_tokens::token_hash.eq(hash_token(token)))
        .filter(account_tokens::purpose.eq(purpose.as_str()))
        .filter(account_tokens::used_at.is_null())
        .filter(account_tokens::expires_at.gt(DbTime(now)))
        .select(AccountToken::as_select())
        .first(conn)
        .optional()?)
}

/// Uses up a usable link with a guarded update, so two concurrent uses cannot both
/// succeed. `None` when the link is unknown, used, expired or of another purpose.
pub fn use_up(
    conn: &mut DbConnection,
    token: &str,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> StoreResult<Option<AccountToken>> {
    let Some(found) = find_usable(conn, token, purpose, now)? else {
        return Ok(None);
    };
    let changed = diesel::update(
        account_tokens::table
            .filter(account_tokens::id.eq(DbId(found.id)))
            .filter(account_tokens::used_at.is_null()),
    )
    .set(account_tokens::used_at.eq(DbTime(now)))
    .execute(conn)?;
    Ok((changed == 1).then_some(AccountToken {
        used_at: Some(now),
        ..found
    }))
}

/// Ends every unused link of this purpose for the user.
pub fn revoke(
    conn: &mut DbConnection,
    user_id: Uuid,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> StoreResult<usize> {
    Ok(diesel::update(
        account_tokens::table
            .filter(account_tokens::user_id.eq(DbId(user_id)))
            .filter(account_tokens::purpose.eq(purpose.as_str()))
            .filter(account_tokens::used_at.is_null()),
    )
    .set(account_tokens::used_at.eq(DbTime(now)))
    .execute(conn)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_hashes_are_sha256_hex() {
        assert_eq!(
            hash_token("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
