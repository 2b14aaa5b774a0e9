//! Account operations shared by the web forms and the CLI (`crate::cli`). Each is one
//! write transaction that changes the account, issues its link and enqueues its mail
//! together: a mail is never queued for a change that rolled back, and a change never
//! lacks its mail.
//!
//! Email changes: the new address replaces the old one at once, `email_verified_at` is
//! cleared and a verification link goes to the new address (bookings pause until it is
//! verified). Links sent to an address the account no longer uses stop working.

mod invited;
pub mod mail;

pub use invited::{accept_invitation, sign_up_invited};

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::db::models::account_tokens::{self, AccountToken, Purpose};
use crate::db::models::outbox::enqueue;
use crate::db::models::sessions;
use crate::db::models::users::{self, NewUser, User};
use crate::db::{write_transaction, DbConnection, StoreError, StoreResult};
use crate::domain::account::{Role, SignUp};
use crate::domain::email_address::EmailAddress;

/// Creates a provider account from the sign-up form — the first account of an empty
/// instance becomes `admin` — and queues the verification mail.
pub fn sign_up(
    conn: &mut DbConnection,
    signup: &SignUp,
    password_hash: &str,
    base_url: &str,
    now: DateTime<Utc>,
) -> StoreResult<User> {
    write_transaction(conn, |conn| {
        let role = users::role_for_new_account(conn)?;
        let user = insert_account(conn, signup, password_hash, role, None, now)?;
        send_verification(conn, &user, base_url, now)?;
        Ok(user)
    })
}

/// Creates an administrator whose address counts as verified (the operator vouches for
/// it); no mail is sent.
pub fn create_admin(
    conn: &mut DbConnection,
    signup: &SignUp,
    password_hash: &str,
    now: DateTime<Utc>,
) -> StoreResult<User> {
    write_transaction(conn, |conn| {
        users::role_for_new_account(conn)?;
        insert_account(conn, signup, password_hash, Role::Admin, Some(now), now)
    })
}

fn insert_account(
    conn: &mut DbConnection,
    signup: &SignUp,
    password_hash: &str,
    role: Role,
    email_verified_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> StoreResult<User> {
    // The unique constraints decide in the end; checking first gives the usual case a
    // clear answer without relying on constraint names.
    if users::username_taken(conn, signup.username.as_str())? {
        return Err(StoreError::Duplicate("users_username_key".into()));
    }
    if users::email_taken(conn, signup.email.as_str(), None)? {
        return Err(StoreError::Duplicate("users_email_key".into()));
    }
    let id = users::insert(
        conn,
        &NewUser {
            username: signup.username.as_str(),
            email: signup.email.as_str(),
            password_hash,
            full_name: &signup.full_name,
            timezone: signup.timezone.name(),
            role: role.as_str(),
            email_verified_at,
        },
        now,
    )?;
    users::find(conn, id)?.ok_or(StoreError::NotFound)
}

/// Issues a verification link for the account's current address and queues its mail.
/// Call inside a transaction.
fn send_verification(
    conn: &mut DbConnection,
    user: &User,
    base_url: &str,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let token = account_tokens::issue(conn, user.id, Purpose::VerifyEmail, &user.email, now)?;
    enqueue(
        conn,
        &mail::verify_email(user, &user.email, base_url, &token)?,
        now,
    )?;
    Ok(())
}

/// What asking for another verification mail did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resent {
    Sent,
    AlreadyVerified,
}

pub fn resend_verification(
    conn: &mut DbConnection,
    user_id: Uuid,
    base_url: &str,
    now: DateTime<Utc>,
) -> StoreResult<Resent> {
    write_transaction(conn, |conn| {
        let user = users::find(conn, user_id)?.ok_or(StoreError::NotFound)?;
        if user.email_verified_at.is_some() {
            return Ok(Resent::AlreadyVerified);
        }
        send_verification(conn, &user, base_url, now)?;
        Ok(Resent::Sent)
    })
}

/// A link that still works, with its account: unused, unexpired, the account active and,
/// for verification, still using the address the link was sent to.
pub fn usable_link(
    conn: &mut DbConnection,
    token: &str,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> StoreResult<Option<(AccountToken, User)>> {
    let Some(link) = account_tokens::find_usable(conn, token, purpose, now)? else {
        return Ok(None);
    };
    let user = users::find(conn, link.user_id)?;
    Ok(user
        .filter(|user| user.is_active && user.email == link.email)
        .map(|user| (link, user)))
}

/// Uses a verification link. `None` when it does not work (any more).
pub fn verify_email(
    conn: &mut DbConnection,
    token: &str,
    now: DateTime<Utc>,
) -> StoreResult<Option<User>> {
    write_transaction(conn, |conn| {
        let Some(link) = account_tokens::use_up(conn, token, Purpose::VerifyEmail, now)? else {
            return Ok(None);
        };
        users::mark_email_verified(conn, link.user_id, &link.email, now)?;
        let user = users::find(conn, link.user_id)?;
        Ok(user.filter(|user| user.email == link.email && user.email_verified_at.is_some()))
    })
}

/// Queues a reset link when an active account uses `email`; does nothing otherwise. The
/// caller answers the same either way.
pub fn request_password_reset(
    conn: &mut DbConnection,
    email: &EmailAddress,
    base_url: &str,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    write_transaction(conn, |conn| {
        let Some(user) = users::find_by_email(conn, email.as_str())?.filter(|u| u.is_active) else {
            return Ok(());
        };
        let token = account_tokens::issue(conn, user.id, Purpose::ResetPassword, &user.email, now)?;
        enqueue(conn, &mail::reset_password(&user, base_url, &token)?, now)?;
        Ok(())
    })
}

/// Uses a reset link to set a new password: every session of the account ends, and the
/// address counts as verified (the mail reached it). `None` when the link does not work.
pub fn reset_password(
    conn: &mut DbConnection,
    token: &str,
    password_hash: &str,
    now: DateTime<Utc>,
) -> StoreResult<Option<User>> {
    write_transaction(conn, |conn| {
        let Some(link) = account_tokens::use_up(conn, token, Purpose::ResetPassword, now)? else {
            return Ok(None);
        };
        let user = users::find(conn, link.user_id)?;
        if !user.is_some_and(|user| user.is_active && user.email == link.email) {
            return Ok(None);
        }
        users::set_password(conn, link.user_id, password_hash, now)?;
        sessions::delete_for_user(conn, link.user_id)?;
        users::mark_email_verified(conn, link.user_id, &link.email, now)?;
        account_tokens::revoke(conn, link.user_id, Purpose::ResetPassword, now)?;
        users::find(conn, link.user_id)
    })
}

/// Sets a new password from the settings page and ends every session of the account. The
/// caller renews its own session afterwards, so it alone stays signed in (under a new id).
pub fn change_password(
    conn: &mut DbConnection,
    user_id: Uuid,
    password_hash: &str,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    write_transaction(conn, |conn| {
        users::set_password(conn, user_id, password_hash, now)?;
        sessions::delete_for_user(conn, user_id)?;
        account_tokens::revoke(conn, user_id, Purpose::ResetPassword, now)?;
        Ok(())
    })
}

/// Moves the account to a new address, which needs verifying again; queues the link.
pub fn change_email(
    conn: &mut DbConnection,
    user_id: Uuid,
    email: &EmailAddress,
    base_url: &str,
    now: DateTime<Utc>,
) -> StoreResult<User> {
    write_transaction(conn, |conn| {
        if users::email_taken(conn, email.as_str(), Some(user_id))? {
            return Err(StoreError::Duplicate("users_email_key".into()));
        }
        users::change_email(conn, user_id, email.as_str(), now)?;
        // Reset links went to the old address: they end with it.
        account_tokens::revoke(conn, user_id, Purpose::ResetPassword, now)?;
        let user = users::find(conn, user_id)?.ok_or(StoreError::NotFound)?;
        send_verification(conn, &user, base_url, now)?;
        Ok(user)
    })
}
