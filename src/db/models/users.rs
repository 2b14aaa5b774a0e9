//! Provider and admin accounts.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::users;
use crate::db::types::{opt_time, DbId, DbTime};
use crate::db::{DbConnection, StoreResult};

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
    pub timezone: String,
    pub role: String,
    pub email_verified_at: Option<DateTime<Utc>>,
    pub is_active: bool,
    pub feed_token_hash: Option<String>,
    pub session_version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl User {
    pub fn is_admin(&self) -> bool {
        self.role == "admin"
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
