//! Provider and admin accounts.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::models::sessions;
use crate::db::schema::users;
use crate::db::types::{opt_time, DbId, DbTime};
use crate::db::{write_transaction, DbConnection, StoreError, StoreResult};
use crate::domain::account::{Profile, Role};
use crate::domain::time::Timezone;
use crate::i18n::Locale;

/// An account as stored; its zone and role are read straight into domain types (a value
/// the domain does not know fails the query, logged, instead of reading as a default).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: Uuid,
    pub username: String,
    pub email: String,
    pub password_hash: String,
    pub full_name: String,
    pub business_name: String,
    pub bio: String,
    #[diesel(deserialize_as = String)]
    pub timezone: Timezone,
    #[diesel(deserialize_as = String)]
    pub role: Role,
    pub email_verified_at: Option<DateTime<Utc>>,
    pub is_active: bool,
    pub feed_token_hash: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The language of the provider's pages and mails.
    #[diesel(deserialize_as = String)]
    pub language: Locale,
}

impl User {
    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }

    /// Whether guests may book this provider: the account is active and its email address
    /// is verified (until then the public pages say bookings open once it is).
    pub fn can_take_bookings(&self) -> bool {
        self.is_active && self.email_verified_at.is_some()
    }
}

/// What creating an account needs; the caller has validated every field.
#[derive(Debug, Clone)]
pub struct NewUser<'a> {
    pub username: &'a str,
    pub email: &'a str,
    pub password_hash: &'a str,
    pub full_name: &'a str,
    pub timezone: &'a str,
    pub role: &'a str,
    pub email_verified_at: Option<DateTime<Utc>>,
}

#[derive(Insertable)]
#[diesel(table_name = users, treat_none_as_default_value = false)]
struct UserRow<'a> {
    id: DbId,
    username: &'a str,
    email: &'a str,
    password_hash: &'a str,
    full_name: &'a str,
    timezone: &'a str,
    role: &'a str,
    email_verified_at: Option<DbTime>,
    created_at: DbTime,
    updated_at: DbTime,
}

pub fn insert(conn: &mut DbConnection, new: &NewUser<'_>, now: DateTime<Utc>) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    diesel::insert_into(users::table)
        .values(UserRow {
            id: DbId(id),
            username: new.username,
            email: new.email,
            password_hash: new.password_hash,
            full_name: new.full_name,
            timezone: new.timezone,
            role: new.role,
            email_verified_at: opt_time(new.email_verified_at),
            created_at: DbTime(now),
            updated_at: DbTime(now),
        })
        .execute(conn)?;
    Ok(id)
}

pub fn find(conn: &mut DbConnection, id: Uuid) -> StoreResult<Option<User>> {
    Ok(users::table
        .filter(users::id.eq(DbId(id)))
        .select(User::as_select())
        .first(conn)
        .optional()?)
}

pub fn find_by_username(conn: &mut DbConnection, username: &str) -> StoreResult<Option<User>> {
    Ok(users::table
        .filter(users::username.eq(username))
        .select(User::as_select())
        .first(conn)
        .optional()?)
}

// ---- Accounts: sign-up, sign-in, verification, settings ----

pub fn find_by_email(conn: &mut DbConnection, email: &str) -> StoreResult<Option<User>> {
    Ok(users::table
        .filter(users::email.eq(email.trim().to_lowercase()))
        .select(User::as_select())
        .first(conn)
        .optional()?)
}

/// The account a sign-in form names: by email when the text has an `@`, else by username
/// (both stored lowercase).
pub fn find_by_login(conn: &mut DbConnection, login: &str) -> StoreResult<Option<User>> {
    let login = login.trim().to_lowercase();
    if login.contains('@') {
        find_by_email(conn, &login)
    } else {
        find_by_username(conn, &login)
    }
}

pub fn username_taken(conn: &mut DbConnection, username: &str) -> StoreResult<bool> {
    // Usernames and team slugs share one namespace, kept in `handles` by triggers.
    use crate::db::schema::handles;
    let taken: i64 = handles::table
        .filter(handles::username.eq(username))
        .count()
        .get_result(conn)?;
    Ok(taken > 0)
}

/// Whether another account than `except` uses this address.
pub fn email_taken(
    conn: &mut DbConnection,
    email: &str,
    except: Option<Uuid>,
) -> StoreResult<bool> {
    Ok(find_by_email(conn, email)?.is_some_and(|user| Some(user.id) != except))
}

/// The role of an account created now: `admin` on an empty instance, otherwise `provider`.
///
/// Call inside a `write_transaction`, right before inserting the account: on PostgreSQL it
/// first locks the table against other writers (readers still pass), so two simultaneous
/// first sign-ups cannot both see an empty table; on SQLite `BEGIN IMMEDIATE` already
/// serializes writers.
pub fn role_for_new_account(conn: &mut DbConnection) -> StoreResult<Role> {
    if let DbConnection::Pg(pg) = conn {
        diesel::sql_query("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE").execute(pg)?;
    }
    let any: Option<Uuid> = users::table.select(users::id).first(conn).optional()?;
    Ok(if any.is_some() {
        Role::Provider
    } else {
        Role::Admin
    })
}

/// Which account field a unique violation is about (`username` or `email`), from the
/// constraint name (PostgreSQL) or message (SQLite) in `StoreError::Duplicate`.
pub fn taken_field(constraint: &str) -> Option<&'static str> {
    if constraint.contains("username") {
        Some("username")
    } else if constraint.contains("email") {
        Some("email")
    } else {
        None
    }
}

/// Marks the address verified, only while the account still uses `email` (a link sent
/// to an address since replaced must not verify the new one). False when nothing changed.
pub fn mark_email_verified(
    conn: &mut DbConnection,
    id: Uuid,
    email: &str,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let changed = diesel::update(
        users::table
            .filter(users::id.eq(DbId(id)))
            .filter(users::email.eq(email))
            .filter(users::email_verified_at.is_null()),
    )
    .set((
        users::email_verified_at.eq(DbTime(now)),
        users::updated_at.eq(DbTime(now)),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Stores a new password hash. Ending the account's sessions is the caller's part (see
/// `auth::accounts`): which ones end depends on who changed it.
pub fn set_password(
    conn: &mut DbConnection,
    id: Uuid,
    password_hash: &str,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let changed = diesel::update(users::table.filter(users::id.eq(DbId(id))))
        .set((
            users::password_hash.eq(password_hash),
            users::updated_at.eq(DbTime(now)),
        ))
        .execute(conn)?;
    if changed != 1 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

pub fn update_profile(
    conn: &mut DbConnection,
    id: Uuid,
    profile: &Profile,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    write_transaction(conn, |conn| {
        diesel::update(users::table.filter(users::id.eq(DbId(id))))
            .set((
                users::full_name.eq(&profile.full_name),
                users::business_name.eq(&profile.business_name),
                users::bio.eq(&profile.bio),
                users::timezone.eq(profile.timezone.name()),
                users::updated_at.eq(DbTime(now)),
            ))
            .execute(conn)?;
        if let Some(language) = profile.language {
            diesel::update(users::table.filter(users::id.eq(DbId(id))))
                .set(users::language.eq(language.tag()))
                .execute(conn)?;
        }
        Ok(())
    })
}

/// Switches the account to a new address, which then needs verifying again.
pub fn change_email(
    conn: &mut DbConnection,
    id: Uuid,
    email: &str,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    diesel::update(users::table.filter(users::id.eq(DbId(id))))
        .set((
            users::email.eq(email),
            users::email_verified_at.eq(None::<DbTime>),
            users::updated_at.eq(DbTime(now)),
        ))
        .execute(conn)?;
    Ok(())
}

// ---- Administration ----

/// Every account, oldest first: the admin accounts page.
pub fn list_all(conn: &mut DbConnection) -> StoreResult<Vec<User>> {
    Ok(users::table
        .order((users::created_at.asc(), users::id.asc()))
        .select(User::as_select())
        .load(conn)?)
}

/// Deactivates or reactivates a provider account (never an admin's). Deactivating also
/// ends every session of the provider, in the same transaction. False when no provider
/// has this id.
pub fn set_provider_active(
    conn: &mut DbConnection,
    id: Uuid,
    active: bool,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    write_transaction(conn, |conn| {
        let changed = diesel::update(
            users::table
                .filter(users::id.eq(DbId(id)))
                .filter(users::role.eq(Role::Provider.as_str())),
        )
        .set((
            users::is_active.eq(active),
            users::updated_at.eq(DbTime(now)),
        ))
        .execute(conn)?;
        if changed == 1 && !active {
            sessions::delete_for_user(conn, id)?;
        }
        Ok(changed == 1)
    })
}
