//! CalDAV accounts: where a provider's calendars live, the sealed password (opened only by
//! the workers that read and write them, `crate::sealed`), the calendars discovery found,
//! which of them count as busy (each a `calendar_sources` row with `account_id`) and the
//! one bookings are written into. Removing an account removes its sources, their busy
//! blocks and its queued writes in one transaction.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::calendars::MAX_SOURCES;
use crate::db::schema::{
    calendar_accounts, calendar_busy_blocks, calendar_sources, calendar_writes,
};
use crate::db::types::{DbId, DbTime};
use crate::db::{write_transaction, DbConnection, StoreError, StoreResult};

/// Accounts one provider may connect.
pub const MAX_ACCOUNTS: i64 = 5;

/// One calendar of the account, as discovery found it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownCalendar {
    pub url: String,
    pub name: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = calendar_accounts)]
pub struct Account {
    pub id: Uuid,
    pub provider_id: Uuid,
    pub server_url: String,
    pub username: String,
    /// `crate::sealed` form, bound to the account's id; never shown.
    pub password_sealed: String,
    calendars: String,
    pub write_calendar_url: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Account {
    /// The calendars discovery found; a stored list that does not read is an error.
    pub fn calendars(&self) -> StoreResult<Vec<KnownCalendar>> {
        serde_json::from_str(&self.calendars).map_err(|e| StoreError::Compose(e.into()))
    }

    /// The name of the calendar bookings are written into, when one is chosen.
    pub fn write_calendar(&self) -> StoreResult<Option<KnownCalendar>> {
        let Some(url) = &self.write_calendar_url else {
            return Ok(None);
        };
        Ok(self.calendars()?.into_iter().find(|c| &c.url == url))
    }
}

/// An account as the form gave it, its password already sealed for `id`.
pub struct NewAccount<'a> {
    pub id: Uuid,
    pub server_url: &'a str,
    pub username: &'a str,
    pub password_sealed: &'a str,
    pub calendars: &'a [KnownCalendar],
}

/// Adds an account; `None` when the provider already has [`MAX_ACCOUNTS`].
pub fn create(
    conn: &mut DbConnection,
    provider_id: Uuid,
    account: &NewAccount<'_>,
    now: DateTime<Utc>,
) -> StoreResult<Option<Uuid>> {
    let calendars =
        serde_json::to_string(account.calendars).map_err(|e| StoreError::Compose(e.into()))?;
    write_transaction(conn, |c| {
        let count: i64 = calendar_accounts::table
            .filter(calendar_accounts::provider_id.eq(DbId(provider_id)))
            .count()
            .get_result(c)?;
        if count >= MAX_ACCOUNTS {
            return Ok(None);
        }
        diesel::insert_into(calendar_accounts::table)
            .values((
                calendar_accounts::id.eq(DbId(account.id)),
                calendar_accounts::provider_id.eq(DbId(provider_id)),
                calendar_accounts::server_url.eq(account.server_url),
                calendar_accounts::username.eq(account.username),
                calendar_accounts::password_sealed.eq(account.password_sealed),
                calendar_accounts::calendars.eq(&calendars),
                calendar_accounts::write_calendar_url.eq(None::<String>),
                calendar_accounts::created_at.eq(DbTime(now)),
                calendar_accounts::updated_at.eq(DbTime(now)),
            ))
            .execute(c)?;
        Ok(Some(account.id))
    })
}

/// The provider's accounts, oldest first.
pub fn list(conn: &mut DbConnection, provider_id: Uuid) -> StoreResult<Vec<Account>> {
    Ok(calendar_accounts::table
        .filter(calendar_accounts::provider_id.eq(DbId(provider_id)))
        .order((
            calendar_accounts::created_at.asc(),
            calendar_accounts::id.asc(),
        ))
        .select(Account::as_select())
        .load(conn)?)
}

/// One of the provider's accounts; `None` when it is not theirs.
pub fn find(conn: &mut DbConnection, provider_id: Uuid, id: Uuid) -> StoreResult<Option<Account>> {
    Ok(calendar_accounts::table
        .filter(calendar_accounts::id.eq(DbId(id)))
        .filter(calendar_accounts::provider_id.eq(DbId(provider_id)))
        .select(Account::as_select())
        .first(conn)
        .optional()?)
}

/// Any account by id (the workers).
pub fn get(conn: &mut DbConnection, id: Uuid) -> StoreResult<Option<Account>> {
    Ok(calendar_accounts::table
        .filter(calendar_accounts::id.eq(DbId(id)))
        .select(Account::as_select())
        .first(conn)
        .optional()?)
}

/// The provider's account that bookings are written into, if any (the first one with a
/// chosen calendar: the page lets only one be chosen).
pub fn writing_account(conn: &mut DbConnection, provider_id: Uuid) -> StoreResult<Option<Account>> {
    Ok(calendar_accounts::table
        .filter(calendar_accounts::provider_id.eq(DbId(provider_id)))
        .filter(calendar_accounts::write_calendar_url.is_not_null())
        .order(calendar_accounts::created_at.asc())
        .select(Account::as_select())
        .first(conn)
        .optional()?)
}

/// Why a choice was not saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Saved,
    NotFound,
    /// More busy calendars than [`MAX_SOURCES`] in all.
    TooMany,
    /// A URL that discovery did not find in this account.
    Unknown,
}

/// Saves which of the account's calendars count as busy (new ones become sources due at
/// once; dropped ones go with their blocks) and which one bookings are written into
/// (choosing one here clears the provider's other accounts' choice, and queues a write of
/// each confirmed booking that has not ended), in one transaction.
pub fn choose(
    conn: &mut DbConnection,
    provider_id: Uuid,
    id: Uuid,
    busy: &[&str],
    write: Option<&str>,
    now: DateTime<Utc>,
) -> StoreResult<Choice> {
    write_transaction(conn, |c| {
        let Some(account) = find(c, provider_id, id)? else {
            return Ok(Choice::NotFound);
        };
        let known = account.calendars()?;
        let is_known = |url: &str| known.iter().any(|k| k.url == url);
        if !busy.iter().copied().chain(write).all(is_known) {
            return Ok(Choice::Unknown);
        }
        let existing: Vec<(Uuid, String)> = calendar_sources::table
            .filter(calendar_sources::account_id.eq(DbId(id)))
            .select((calendar_sources::id, calendar_sources::url))
            .load(c)?;
        let dropped: Vec<DbId> = existing
            .iter()
            .filter(|(_, url)| !busy.contains(&url.as_str()))
            .map(|(source, _)| DbId(*source))
            .collect();
        let added: Vec<&KnownCalendar> = known
            .iter()
            .filter(|k| busy.contains(&k.url.as_str()))
            .filter(|k| !existing.iter().any(|(_, url)| *url == k.url))
            .collect();
        let others: i64 = calendar_sources::table
            .filter(calendar_sources::provider_id.eq(DbId(provider_id)))
            .count()
            .get_result(c)?;
        let total = others - dropped.len() as i64 + added.len() as i64;
        if total > MAX_SOURCES {
            return Ok(Choice::TooMany);
        }
        delete_sources(c, dropped)?;
        for calendar in added {
            diesel::insert_into(calendar_sources::table)
                .values((
                    calendar_sources::id.eq(DbId(Uuid::now_v7())),
                    calendar_sources::provider_id.eq(DbId(provider_id)),
                    calendar_sources::url.eq(&calendar.url),
                    calendar_sources::account_id.eq(Some(DbId(id))),
                    calendar_sources::name.eq(Some(&calendar.name)),
                    calendar_sources::next_refresh_at.eq(DbTime(now)),
                    calendar_sources::created_at.eq(DbTime(now)),
                ))
                .execute(c)?;
        }
        if write.is_some() {
            diesel::update(
                calendar_accounts::table
                    .filter(calendar_accounts::provider_id.eq(DbId(provider_id)))
                    .filter(calendar_accounts::id.ne(DbId(id))),
            )
            .set(calendar_accounts::write_calendar_url.eq(None::<String>))
            .execute(c)?;
        }
        diesel::update(calendar_accounts::table.filter(calendar_accounts::id.eq(DbId(id))))
            .set((
                calendar_accounts::write_calendar_url.eq(write),
                calendar_accounts::updated_at.eq(DbTime(now)),
            ))
            .execute(c)?;
        // A newly chosen calendar gets the bookings already made, with the choice; saving
        // the same choice again queues nothing.
        if write.is_some() && account.write_calendar_url.as_deref() != write {
            super::calendar_writes::enqueue_upcoming(c, provider_id, now)?;
        }
        Ok(Choice::Saved)
    })
}

fn delete_sources(c: &mut DbConnection, ids: Vec<DbId>) -> StoreResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    diesel::delete(
        calendar_busy_blocks::table.filter(calendar_busy_blocks::source_id.eq_any(&ids)),
    )
    .execute(c)?;
    diesel::delete(calendar_sources::table.filter(calendar_sources::id.eq_any(&ids))).execute(c)?;
    Ok(())
}

/// Removes one of the provider's accounts with its sources, their blocks and its queued
/// writes; false when it is not theirs.
pub fn delete(conn: &mut DbConnection, provider_id: Uuid, id: Uuid) -> StoreResult<bool> {
    write_transaction(conn, |c| {
        if find(c, provider_id, id)?.is_none() {
            return Ok(false);
        }
        let sources: Vec<DbId> = calendar_sources::table
            .filter(calendar_sources::account_id.eq(DbId(id)))
            .select(calendar_sources::id)
            .load::<Uuid>(c)?
            .into_iter()
            .map(DbId)
            .collect();
        delete_sources(c, sources)?;
        diesel::delete(calendar_writes::table.filter(calendar_writes::account_id.eq(DbId(id))))
            .execute(c)?;
        Ok(
            diesel::delete(calendar_accounts::table.filter(calendar_accounts::id.eq(DbId(id))))
                .execute(c)?
                == 1,
        )
    })
}
