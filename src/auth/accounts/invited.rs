//! Joining a team from an invitation: with a new account made from the invitation's
//! address (verified by the link itself), or with the signed-in account whose address it
//! was sent to. The link is used up in the same transaction that makes the member.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::insert_account;
use crate::db::models::team_invitations::{self, Invitation};
use crate::db::models::users::{self, User};
use crate::db::{write_transaction, DbConnection, StoreResult};
use crate::domain::account::SignUp;

/// Creates an account for the invited address and makes it a member. `None` when the
/// link was used meanwhile or has expired (nothing is created then).
pub fn sign_up_invited(
    conn: &mut DbConnection,
    invitation: &Invitation,
    signup: &SignUp,
    password_hash: &str,
    now: DateTime<Utc>,
) -> StoreResult<Option<User>> {
    write_transaction(conn, |conn| {
        let role = users::role_for_new_account(conn)?;
        // The invitation reached this address: it counts as verified.
        let user = insert_account(conn, signup, password_hash, role, Some(now), now)?;
        if !team_invitations::accept(conn, invitation, user.id, now)? {
            // Rolls the new account back with the transaction.
            return Err(crate::db::StoreError::NotFound);
        }
        Ok(Some(user))
    })
    .or_else(|error| match error {
        crate::db::StoreError::NotFound => Ok(None),
        other => Err(other),
    })
}

/// Makes the signed-in account a member; false when the link was used or expired.
pub fn accept_invitation(
    conn: &mut DbConnection,
    invitation: &Invitation,
    user: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    write_transaction(conn, |conn| {
        team_invitations::accept(conn, invitation, user, now)
    })
}
