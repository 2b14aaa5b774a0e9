//! Single-use links in booking emails. Only the SHA-256 of a token is stored; the token
//! itself exists only in the email.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::booking_tokens;
use crate::db::types::{DbId, DbTime};
use crate::db::{DbConnection, StoreResult};
use crate::tokens::{hash_token, random_token};

/// What a booking link does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenAction {
    Confirm,
    Cancel,
    Reschedule,
    Approve,
    Decline,
}

impl TokenAction {
    pub const ALL: [TokenAction; 5] = [
        Self::Confirm,
        Self::Cancel,
        Self::Reschedule,
        Self::Approve,
        Self::Decline,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Confirm => "confirm",
            Self::Cancel => "cancel",
            Self::Reschedule => "reschedule",
            Self::Approve => "approve",
            Self::Decline => "decline",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == text)
    }
}

/// Rows read the stored action straight into a `TokenAction`.
impl TryFrom<String> for TokenAction {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text).ok_or_else(|| format!("unknown link action {text:?}"))
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = booking_tokens)]
pub struct BookingToken {
    pub id: Uuid,
    pub booking_id: Uuid,
    #[diesel(deserialize_as = String)]
    pub action: TokenAction,
    pub token_hash: String,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[derive(Insertable)]
#[diesel(table_name = booking_tokens)]
struct NewToken<'a> {
    id: DbId,
    booking_id: DbId,
    action: &'a str,
    token_hash: &'a str,
    expires_at: DbTime,
    created_at: DbTime,
}

/// Creates a link token; returns the raw token for the email.
pub fn issue(
    conn: &mut DbConnection,
    booking_id: Uuid,
    action: TokenAction,
    expires_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> StoreResult<String> {
    let token = random_token();
    diesel::insert_into(booking_tokens::table)
        .values(NewToken {
            id: DbId(Uuid::now_v7()),
            booking_id: DbId(booking_id),
            action: action.as_str(),
            token_hash: &hash_token(&token),
            expires_at: DbTime(expires_at),
            created_at: DbTime(now),
        })
        .execute(conn)?;
    Ok(token)
}

/// [`issue`] for several links of one booking in one statement, each `(action, expiry)`;
/// returns the raw tokens in the same order.
pub fn issue_all(
    conn: &mut DbConnection,
    booking_id: Uuid,
    links: &[(TokenAction, DateTime<Utc>)],
    now: DateTime<Utc>,
) -> StoreResult<Vec<String>> {
    let tokens: Vec<String> = links.iter().map(|_| random_token()).collect();
    let hashes: Vec<String> = tokens.iter().map(|t| hash_token(t)).collect();
    let rows: Vec<NewToken<'_>> = links
        .iter()
        .zip(&hashes)
        .map(|((action, expires_at), hash)| NewToken {
            id: DbId(Uuid::now_v7()),
            booking_id: DbId(booking_id),
            action: action.as_str(),
            token_hash: hash,
            expires_at: DbTime(*expires_at),
            created_at: DbTime(now),
        })
        .collect();
    // Multi-row inserts go per backend: the multi-backend connection cannot write them.
    let insert = diesel::insert_into(booking_tokens::table).values(&rows);
    match conn {
        _ if rows.is_empty() => 0,
        DbConnection::Pg(c) => insert.execute(c)?,
        DbConnection::Sqlite(c) => insert.execute(c)?,
    };
    Ok(tokens)
}

pub fn find(conn: &mut DbConnection, token: &str) -> StoreResult<Option<BookingToken>> {
    Ok(booking_tokens::table
        .filter(booking_tokens::token_hash.eq(hash_token(token)))
        .select(BookingToken::as_select())
        .first(conn)
        .optional()?)
}

/// Marks a token used, only if it still is unused: false when someone else used it first.
pub fn mark_used(conn: &mut DbConnection, token_id: Uuid, now: DateTime<Utc>) -> StoreResult<bool> {
    let changed = diesel::update(
        booking_tokens::table
            .filter(booking_tokens::id.eq(DbId(token_id)))
            .filter(booking_tokens::used_at.is_null()),
    )
    .set(booking_tokens::used_at.eq(DbTime(now)))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Ends every unused link of a booking (after a state change or a reschedule).
pub fn revoke_all(
    conn: &mut DbConnection,
    booking_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<usize> {
    Ok(diesel::update(
        booking_tokens::table
            .filter(booking_tokens::booking_id.eq(DbId(booking_id)))
            .filter(booking_tokens::used_at.is_null()),
    )
    .set(booking_tokens::used_at.eq(DbTime(now)))
    .execute(conn)?)
}
